import PortalKit
import Testing

/// Catalogue entries of the error enums of the build stages (banner, Markdown links, output, photos, publish, import).
extension MessagesTests {
    static let errorEntries: [Entry] =
        bannerEntries + linkEntries + photoEntries + outputEntries + publishEntries + importEntries + urlPathEntries

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

    static let linkEntries: [Entry] = [
        Entry(message: LinkMessages.missingPage(a(1)), arguments: ["`\(a(1))`"]),
        Entry(message: LinkMessages.missingPageHelp, arguments: ["../tin-tuc/bai.md"]),
        Entry(message: LinkMessages.unpublishedTarget(a(1), .draft), arguments: ["`\(a(1))`"]),
        Entry(message: LinkMessages.unpublishedTarget(a(1), .future), arguments: ["`\(a(1))`"], variant: true),
        Entry(message: LinkMessages.unpublishedTarget(a(1), .expired), arguments: ["`\(a(1))`"], variant: true),
        Entry(message: LinkMessages.unpublishedTargetHelp(.draft), arguments: ["`draft: true`", "--drafts"]),
        Entry(message: LinkMessages.unpublishedTargetHelp(.future), arguments: ["--future"], variant: true),
        Entry(message: LinkMessages.unpublishedTargetHelp(.expired), arguments: ["`expiryDate`"], variant: true),
        Entry(message: LinkMessages.missingFile(a(1)), arguments: ["`\(a(1))`"]),
        Entry(message: LinkMessages.missingFileHelp, arguments: ["Content/media/"]),
        Entry(message: LinkMessages.missingAlt(a(1)), arguments: ["`\(a(1))`"]),
        Entry(message: LinkMessages.missingAltHelp(a(1)), arguments: ["![mô tả ảnh](\(a(1)))"]),
        Entry(message: LinkMessages.controlCharacter),
        Entry(message: LinkMessages.controlCharacterHelp),
        Entry(message: LinkMessages.unsafeScheme(a(1)), arguments: ["`\(a(1)):`"]),
        Entry(message: LinkMessages.unsafeSchemeHelp, arguments: ["http(s)", "mailto", "tel"]),
        Entry(message: LinkMessages.neitherPageNorMedia(a(1)), arguments: ["`\(a(1))`", "media/"]),
        Entry(message: LinkMessages.neitherPageNorMediaHelp, arguments: [".md", "/media/…"]),
        Entry(message: LinkMessages.unknownFragment(a(1), target: a(2)), arguments: ["`#\(a(1))`", a(2)]),
        Entry(message: LinkMessages.unknownFragmentHelp(suggestion: a(1)), arguments: ["`#\(a(1))`"]),
        Entry(message: LinkMessages.unknownFragmentHelp(suggestion: nil), variant: true),
    ]

    static let photoEntries: [Entry] = [
        Entry(message: PhotoMessages.mismatch(found: a(1), named: a(2)), arguments: [a(1), a(2)]),
        Entry(message: PhotoMessages.mismatch(found: a(1), named: nil), arguments: [a(1)], variant: true),
        Entry(message: PhotoMessages.mismatchHelp(fileExtension: a(1)), arguments: ["(.\(a(1)))"]),
        Entry(message: PhotoMessages.unsupported(a(1)), arguments: [a(1)]),
        Entry(message: PhotoMessages.unsupportedHelp, arguments: ["JPEG", "PNG"]),
        Entry(message: PhotoMessages.notAnImage(a(1)), arguments: [a(1)]),
        Entry(message: PhotoMessages.corrupt(a(1), detail: a(2)), arguments: [a(1), "(\(a(2)))"]),
        Entry(message: PhotoMessages.corrupt(a(1), detail: nil), arguments: [a(1), "libvips"], variant: true),
        Entry(message: PhotoMessages.noPixels(a(1)), arguments: [a(1)]),
        Entry(message: PhotoMessages.damagedHelp),
        Entry(message: PhotoMessages.shareImage(a(1)), arguments: ["`images.shareImage`", "`\(a(1))`", "media/"]),
        Entry(message: PhotoMessages.shareImageHelp, arguments: ["Content/media/", "`shareImage: /media/NAME.jpg`"]),
        Entry(message: PhotoMessages.library(a(1)), arguments: ["libvips", "(\(a(1)))"]),
        Entry(message: PhotoMessages.libraryHelp, arguments: ["libvips", "(scripts/setup-system)"]),
        Entry(message: PhotoMessages.cannotCache),
        Entry(message: PhotoMessages.cannotCacheHelp, arguments: [".portal-cache/"]),
        Entry(
            message: PhotoMessages.tooManyPixels(megapixels: 41, width: 8200, height: 5000, limit: 40),
            arguments: ["41", "(8200×5000)", "40"]),
        Entry(message: PhotoMessages.tooManyPixelsHelp(limit: 40), arguments: ["40"]),
        Entry(message: PhotoMessages.tooLarge(megabytes: 23, limit: 20), arguments: ["23 MB", "20 MB"]),
        Entry(message: PhotoMessages.tooLargeHelp),
        Entry(
            message: PhotoMessages.pageImage(a(1), .notAnImageAddress), arguments: ["`\(a(1))`", "media/", "http(s)"]),
        Entry(message: PhotoMessages.pageImage(a(1), .spaceOrControlCharacter), arguments: ["`\(a(1))`"]),
        Entry(message: PhotoMessages.pageImage(a(1), .outside), arguments: ["`\(a(1))`"]),
        Entry(message: PhotoMessages.pageImage(a(1), .notInMedia), arguments: ["`\(a(1))`", "media/"]),
        Entry(message: PhotoMessages.pageImageHelp, arguments: ["Content/media/", "`image: /media/NAME`", "https://"]),
        Entry(message: PhotoMessages.pageImageSpaceHelp, arguments: ["%20"]),
    ]

    static let outputEntries: [Entry] = [
        Entry(message: OutputMessages.notPortalOutput(marker: a(1)), arguments: [a(1)]),
        Entry(message: OutputMessages.notPortalOutputHelp, arguments: ["--output"]),
        Entry(message: OutputMessages.notADirectory),
        Entry(message: OutputMessages.notADirectoryHelp, arguments: ["--output"]),
        Entry(message: OutputMessages.cannotWrite(a(1)), arguments: [a(1)]),
        Entry(message: OutputMessages.cannotWriteHelp),
        Entry(message: OutputMessages.keptFileGone),
        Entry(message: OutputMessages.keptFileGoneHelp),
        Entry(message: OutputMessages.cannotReadSource),
        Entry(message: OutputMessages.clash(a(1), first: a(2)), arguments: [a(1), a(2)]),
        Entry(message: OutputMessages.clashHelp, arguments: ["media/", "assets/"]),
        Entry(message: OutputMessages.busy(pid: 4242), arguments: ["4242"]),
        Entry(message: OutputMessages.busy(pid: nil), variant: true),
        Entry(message: OutputMessages.busyHelp, arguments: ["--no-wait"]),
        Entry(message: OutputMessages.symbolicLink),
        Entry(message: OutputMessages.symbolicLinkHelp, arguments: ["--output"]),
        Entry(message: OutputMessages.overlapsInput(a(1), theme: false), arguments: [a(1)]),
        Entry(message: OutputMessages.overlapsInput(a(1), theme: true), arguments: [a(1)], variant: true),
        Entry(message: OutputMessages.overlapsInputHelp, arguments: ["--output Output"]),
    ]

    static let publishEntries: [Entry] = [
        Entry(message: PublishMessages.notPortalOutput(marker: a(1)), arguments: [a(1)]),
        Entry(message: PublishMessages.notPortalOutputHelp, arguments: ["`portal build`", "--output"]),
        Entry(message: PublishMessages.failedBuild),
        Entry(message: PublishMessages.failedBuildHelp),
        Entry(message: PublishMessages.missingConfiguration),
        Entry(message: PublishMessages.missingConfigurationHelp, arguments: ["Output.nginx.conf"]),
        Entry(message: PublishMessages.cannotWrite(a(1)), arguments: [a(1)]),
        Entry(message: PublishMessages.cannotRead),
        Entry(message: PublishMessages.nothingPublished),
        Entry(message: PublishMessages.nothingPublishedHelp, arguments: ["portal publish --to DIR"]),
        Entry(message: PublishMessages.nothingBefore(a(1)), arguments: [a(1)]),
        Entry(
            message: PublishMessages.unknownRelease(a(1), releases: [a(2), a(3)]),
            arguments: [a(1), "\(a(2)), \(a(3))"]),
        Entry(message: PublishMessages.unknownRelease(a(1), releases: []), arguments: [a(1)], variant: true),
        Entry(message: PublishMessages.listReleasesHelp, arguments: ["--list"]),
    ]

    static let importEntries: [Entry] = [
        Entry(message: ImportMessages.notADocument, arguments: ["(.docx)", "(.odt)"]),
        Entry(message: ImportMessages.notADocumentHelp, arguments: [".docx", ".odt", ".doc"]),
        Entry(message: ImportMessages.cannotRead(.missing)),
        Entry(message: ImportMessages.cannotRead(.notAZip(a(1))), arguments: ["(\(a(1)))", ".docx"], variant: true),
        Entry(message: ImportMessages.cannotRead(.notWord), arguments: ["word/document.xml", "Word"], variant: true),
        Entry(
            message: ImportMessages.cannotRead(.notOpenDocument), arguments: ["content.xml", "OpenDocument"],
            variant: true),
        Entry(message: ImportMessages.cannotRead(.noTemporaryFolder(a(1))), arguments: ["(\(a(1)))"], variant: true),
        Entry(message: ImportMessages.cannotReadHelp),
        Entry(message: ImportMessages.pandocFailed(.said(a(1))), arguments: ["pandoc", a(1)]),
        Entry(message: ImportMessages.pandocFailed(.exitStatus(3)), arguments: ["pandoc", "3"], variant: true),
        Entry(message: ImportMessages.pandocFailed(.notInstalled), arguments: ["pandoc"], variant: true),
        Entry(message: ImportMessages.pandocFailed(.notStarted(a(1))), arguments: ["(\(a(1)))"], variant: true),
        Entry(
            message: ImportMessages.pandocFailed(.unreadableJSON(a(1))), arguments: ["JSON", "(\(a(1)))"], variant: true
        ),
        Entry(message: ImportMessages.pandocFailed(.cannotWrite(a(1))), arguments: [a(1)], variant: true),
        Entry(message: ImportMessages.pandocFailedHelp, arguments: ["pandoc", "(scripts/setup-system"]),
        Entry(message: ImportMessages.noTitle),
        Entry(message: ImportMessages.noTitleHelp, arguments: ["--title \"…\""]),
        Entry(message: ImportMessages.empty),
        Entry(message: ImportMessages.emptyHelp),
        Entry(message: ImportMessages.mediaFolderExists),
        Entry(message: ImportMessages.mediaFolderExistsHelp, arguments: ["--title"]),
        Entry(message: ImportMessages.cannotWriteMedia(a(1)), arguments: [a(1)]),
        Entry(message: ImportMessages.cannotWriteMediaHelp, arguments: ["Content/media/"]),
        Entry(message: ImportMessages.imageWithoutDescription(a(1)), arguments: [a(1)]),
        Entry(message: ImportMessages.imageWithoutDescriptionHelp, arguments: ["![…]"]),
        Entry(message: ImportMessages.imageLeftOut(a(1), format: a(2)), arguments: [a(1), a(2)]),
        Entry(message: ImportMessages.imageLeftOutHelp, arguments: ["PNG", "JPEG", "(/media/…)"]),
        Entry(message: ImportMessages.textBox(a(1)), arguments: ["“\(a(1))”"]),
        Entry(message: ImportMessages.textBoxHelp),
        Entry(message: ImportMessages.comment(author: a(1), text: a(2)), arguments: [a(1), "“\(a(2))”"]),
        Entry(message: ImportMessages.commentHelp),
        Entry(message: ImportMessages.insertionAccepted(author: a(1), text: a(2)), arguments: [a(1), "“\(a(2))”"]),
        Entry(message: ImportMessages.deletionAccepted(author: a(1), text: a(2)), arguments: [a(1), "“\(a(2))”"]),
        Entry(message: ImportMessages.changeAcceptedHelp),
        Entry(message: ImportMessages.linkRemoved(url: a(1), text: a(2)), arguments: ["“\(a(2))”", a(1), "mailto:"]),
        Entry(message: ImportMessages.linkRemovedHelp),
        Entry(message: ImportMessages.tableSimplified),
        Entry(message: ImportMessages.tableSimplifiedHelp),
        Entry(message: ImportMessages.tableOfContentsLeftOut),
        Entry(message: ImportMessages.tableOfContentsLeftOutHelp),
    ]

    static let urlPathEntries: [Entry] = [
        Entry(message: URLPath.Problem.empty.reason),
        Entry(message: URLPath.Problem.hasScheme(a(1)).reason, arguments: ["`\(a(1)):`"]),
        Entry(message: URLPath.Problem.otherHost.reason, arguments: ["`//`"]),
        Entry(message: URLPath.Problem.queryOrFragment.reason, arguments: ["`?`", "`#`"]),
        Entry(message: URLPath.Problem.dotSegment(a(1)).reason, arguments: ["`\(a(1))`"]),
        Entry(message: URLPath.Problem.emptySegment.reason, arguments: ["(`//`)"]),
        Entry(message: URLPath.Problem.forbiddenCharacter("<").reason, arguments: ["`<`"]),
        Entry(message: URLPath.Problem.forbiddenCharacter("\u{200B}").reason, arguments: ["(U+200B)"], variant: true),
        Entry(message: URLPath.Problem.badPercentEscape.reason, arguments: ["`%`", "UTF-8"]),
        Entry(message: URLPath.Problem.tooLong(a(1)).reason, arguments: ["`\(a(1))…`", "255"]),
        Entry(message: URLPath.Problem.hasScheme(a(1)).helpText, arguments: ["`/tin-tuc/bai-cu/`"]),
        Entry(message: URLPath.Problem.emptySegment.helpText, arguments: ["`/tin-tuc/bai-cu/`", "`..`", "`//`"]),
        Entry(message: URLPath.Problem.forbiddenCharacter("<").helpText, arguments: ["`-`", "`~`", "`%20`"]),
        Entry(message: URLPath.Problem.queryOrFragment.helpText, arguments: ["`?`", "`#`"]),
        Entry(message: URLPath.Problem.badPercentEscape.helpText, arguments: ["`%25`"]),
        Entry(message: URLPath.Problem.empty.helpText, arguments: ["`/tin-tuc/bai-cu/`"]),
        Entry(message: URLPath.Problem.tooLong(a(1)).helpText),
        Entry(
            message: URLPathMessages.quoting(.dotSegment(a(1))) { ContentMessages.badFileName(reason: $0) },
            arguments: ["`\(a(1))`"], variant: true),
    ]

    /// A message quoting a path's problem takes the reason in its own language.
    @Test func quotingTakesEachLanguagesReason() {
        let message = URLPathMessages.quoting(.emptySegment) { FrontMatterMessages.unusableAlias("/a//b/", reason: $0) }
        #expect(message.code == "front-matter.unusable-alias")
        #expect(message.en == "the alias `/a//b/` is not usable: the path has an empty segment (`//`)")
        #expect(message.vi == "không dùng được địa chỉ phụ (alias) `/a//b/`: đường dẫn có đoạn trống (`//`)")
    }
}
