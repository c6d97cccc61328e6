import PortalKit

/// Catalogue entries of the error enums of the build stages (banner, Markdown links, output, photos, publish, import).
extension MessagesTests {
    static let errorEntries: [Entry] = bannerEntries

    static let bannerEntries: [Entry] = [
        Entry(
            message: BannerMessages.overflow(size: a(1), language: a(2), title: a(3)),
            arguments: [a(1), "`\(a(2))`", a(3)]),
        Entry(message: BannerMessages.overflowHelp, arguments: ["`banner.title`", "site.yml", "`banner.sizes`"]),
        Entry(
            message: BannerMessages.cannotDraw(size: a(1), language: a(2), detail: a(3)),
            arguments: [a(1), "`\(a(2))`", a(3)]),
        Entry(
            message: BannerMessages.invalidSVG(size: a(1), language: a(2), detail: a(3)),
            arguments: [a(1), "`\(a(2))`", "SVG", a(3)]),
        Entry(
            message: BannerMessages.missingLineIDs(size: a(1), language: a(2)),
            arguments: [a(1), "`\(a(2))`", "(title-0, subtitle-0 …)"]),
        Entry(message: BannerMessages.templateHelp, arguments: ["banner/banner.svg.mustache"]),
        Entry(message: BannerMessages.missingTemplate),
        Entry(message: BannerMessages.missingTemplateHelp, arguments: ["banner/banner.svg.mustache"]),
        Entry(message: BannerMessages.missingPage(a(1), language: a(2)), arguments: ["`\(a(1))`", "`\(a(2))`"]),
        Entry(
            message: BannerMessages.missingPageHelp(language: a(1)), arguments: ["Content/\(a(1))/", "`banner.page`"]),
        Entry(message: BannerMessages.zip(a(1)), arguments: [a(1)]),
        Entry(message: BannerMessages.zip(nil), variant: true),
        Entry(message: BannerMessages.notConfigured, arguments: ["site.yml", "`banner:`"]),
        Entry(message: BannerMessages.notConfiguredHelp, arguments: ["`banner:`", "docs/reference.md"]),
        Entry(message: BannerMessages.notAKit(marker: a(1)), arguments: [a(1)]),
        Entry(message: BannerMessages.notAKitHelp, arguments: ["--output"]),
    ]
}
