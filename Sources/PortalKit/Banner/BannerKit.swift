import Foundation
import ZIPFoundation

/// One year's banners: SVG and PNG for every size and language, the copy-and-paste snippets,
/// and one zip of it all, under the stable path `banner/<year>/`.
struct BannerKit {
    let settings: BannerSettings
    let year: Int
    let languages: [SiteSettings.Language]
    let base: BaseURL
    /// Language → path below the base URL of the campaign page the banners link to.
    let campaignPages: [String: String]
    let template: Template

    struct Artwork {
        var size: BannerSize
        var language: String
        var title: String
        var svgPath: String
        var pngPath: String
        var svg: String
        var png: Data
    }

    var folder: String { "banner/\(year)/" }
    var zipPath: String { folder + "asean-banner-\(year).zip" }

    func title(_ language: String) -> String {
        BannerText.fill(settings.title(language), settings: settings, year: year, language: language)
    }

    func subtitle(_ language: String) -> String? {
        settings.subtitle.map { BannerText.fill($0(language), settings: settings, year: year, language: language) }
    }

    /// Lays out and renders every banner; fails naming the size and language of every title
    /// that does not fit even wrapped at the smallest size.
    ///
    /// `drawn`: the SVG and PNG of every artwork from a build with the same inputs
    /// (`BannerCache`), in this order; nothing is drawn again.
    func artworks(drawn: [(svg: String, png: Data)]? = nil) throws(BuildFailure) -> [Artwork] {
        var artworks: [Artwork] = []
        var errors: [any PortalError] = []
        for language in languages.map(\.code) {
            let title = title(language)
            for size in settings.sizes {
                let stem = folder + "asean-\(year)-\(language)-\(size)"
                if let drawn, artworks.count < drawn.count {
                    let (svg, png) = drawn[artworks.count]
                    artworks.append(
                        Artwork(
                            size: size, language: language, title: title, svgPath: stem + ".svg",
                            pngPath: stem + ".png", svg: svg, png: png))
                    continue
                }
                let layout = BannerLayout(
                    size: size, language: language, title: title, subtitle: subtitle(language),
                    number: settings.number(year: year), template: template)
                let svg: String, png: Data
                do throws(BannerError) {
                    guard let fitted = try layout.render() else { throw .overflow(size, language, title) }
                    svg = fitted
                    do { png = try SVGRasterizer.png(svg: svg, width: size.width, height: size.height) } catch {
                        throw .drawing(size, language, error)
                    }
                } catch {
                    errors.append(error)
                    continue
                }
                artworks.append(
                    Artwork(
                        size: size, language: language, title: title, svgPath: stem + ".svg", pngPath: stem + ".png",
                        svg: svg, png: png))
            }
        }
        if !errors.isEmpty { throw BuildFailure(errors) }
        return artworks
    }

    /// `<a href="…"><img src="…" width="…" height="…" alt="…"></a>` with absolute URLs.
    func snippet(_ artwork: Artwork) -> String {
        let link = base.absolute(
            campaignPages[artwork.language] ?? languages.first { $0.code == artwork.language }!.pathPrefix)
        // `&#39;` rather than `&apos;`: the snippet lands in pages of any HTML version.
        let alt = XML.escape(artwork.title).replacingOccurrences(of: "&apos;", with: "&#39;")
        return
            "<a href=\"\(XML.escape(link))\"><img src=\"\(XML.escape(base.absolute(artwork.pngPath)))\" width=\"\(artwork.size.width)\" height=\"\(artwork.size.height)\" alt=\"\(alt)\"></a>"
    }

    func snippetsFile(_ language: String, _ artworks: [Artwork]) -> String {
        artworks.filter { $0.language == language }.map { "<!-- \($0.size) -->\n\(snippet($0))\n" }.joined(
            separator: "\n")
    }

    /// The kit's files: the artworks, a snippets file per language and the zip (`zip`: the
    /// zip of a build with the same inputs, see `BannerCache`), and the zip's bytes.
    func files(_ artworks: [Artwork], zip known: Data? = nil) throws(BannerError) -> (
        files: [OutputFile], zip: Data
    ) {
        var files: [OutputFile] = []
        var entries: [(String, Data)] = []
        for artwork in artworks {
            files.append(OutputFile(path: artwork.svgPath, body: .text(artwork.svg)))
            files.append(OutputFile(path: artwork.pngPath, body: .data(artwork.png)))
            entries.append(((artwork.svgPath as NSString).lastPathComponent, Data(artwork.svg.utf8)))
            entries.append(((artwork.pngPath as NSString).lastPathComponent, artwork.png))
        }
        for language in languages.map(\.code) {
            let path = folder + "snippets-\(language).txt"
            let text = snippetsFile(language, artworks)
            files.append(OutputFile(path: path, body: .text(text)))
            entries.append(((path as NSString).lastPathComponent, Data(text.utf8)))
        }
        let archive: Data
        if let known { archive = known } else { archive = try zip(entries) }
        files.append(OutputFile(path: zipPath, body: .data(archive)))
        return (files, archive)
    }

    /// A zip whose entries carry a fixed date, so the same kit gives the same bytes.
    private func zip(_ entries: [(String, Data)]) throws(BannerError) -> Data {
        do {
            let archive = try Archive(data: Data(), accessMode: .create)
            // Zip stores local wall-clock time: the event's day at midnight in the machine's own
            // zone gives the same bytes on every machine.
            let event = VietnamTime.parts(settings.event)
            let date = Calendar.current.date(
                from: DateComponents(year: event.year, month: event.month, day: event.day))!
            for (name, data) in entries {
                try archive.addEntry(
                    with: "asean-banner-\(year)/\(name)", type: .file, uncompressedSize: Int64(data.count),
                    modificationDate: date, permissions: 0o644, compressionMethod: .deflate
                ) { position, size in
                    data.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            guard let data = archive.data else { throw BannerError.zip(nil) }
            return data
        } catch let error as BannerError {
            throw error
        } catch {
            throw .zip("\(error)")
        }
    }

    /// What the campaign page's template receives as `kit`.
    func context(_ artworks: [Artwork], language: String) -> [String: Any] {
        let mine = artworks.filter { $0.language == language }
        return [
            "year": year, "number": settings.number(year: year), "title": title(language),
            "subtitle": subtitle(language) ?? "",
            "zip": base.sitePath(zipPath), "zipName": (zipPath as NSString).lastPathComponent,
            "sizes": mine.map { artwork -> [String: Any] in
                [
                    "size": "\(artwork.size)", "width": artwork.size.width, "height": artwork.size.height,
                    "svg": base.sitePath(artwork.svgPath), "png": base.sitePath(artwork.pngPath),
                    "snippet": snippet(artwork),
                    "alt": artwork.title,
                ]
            },
        ]
    }

    /// What every page's template receives as `banner` while the banner is shown.
    func pageBanner(_ artworks: [Artwork], language: String) -> [String: Any] {
        let mine = artworks.filter { $0.language == language && $0.size.width >= 2 * $0.size.height }
        let wide = mine.max { $0.size.width < $1.size.width }
        let narrow = mine.min { $0.size.width < $1.size.width }
        var fields: [String: Any] = [
            "title": title(language), "alt": title(language),
            "url": base.sitePath(campaignPages[language] ?? ""),
        ]
        if let wide {
            fields["wide"] = ["src": base.sitePath(wide.pngPath), "width": wide.size.width, "height": wide.size.height]
        }
        if let narrow {
            fields["narrow"] = [
                "src": base.sitePath(narrow.pngPath), "width": narrow.size.width, "height": narrow.size.height,
            ]
        }
        return fields
    }
}

/// Problems making the July banners; the texts are `BannerMessages`.
public enum BannerError: CataloguedError {
    case overflow(BannerSize, String, String)
    /// librsvg or cairo could not draw the template's SVG (their words).
    case template(BannerSize, String, String)
    /// librsvg did not take the template's output as SVG (its words).
    case invalidSVG(BannerSize, String, String)
    /// The template's text lines have no `title-0`, `subtitle-0` … ids to measure them by.
    case missingLineIDs(BannerSize, String)
    case missingTemplate(String)
    case missingPage(String, language: String, SourceLocation)
    /// ZIPFoundation's words, nil when it gave none.
    case zip(String?)
    case notConfigured(String)
    /// `portal banner --output` names a folder of other files.
    case notAKit(String)

    public var location: SourceLocation? {
        switch self {
        case .missingTemplate(let path): SourceLocation(file: path)
        case .missingPage(_, _, let location): location
        case .notConfigured(let file), .notAKit(let file): SourceLocation(file: file)
        default: nil
        }
    }

    public var messageText: Message {
        switch self {
        case .overflow(let size, let language, let title):
            BannerMessages.overflow(size: "\(size)", language: language, title: title)
        case .invalidSVG(let size, let language, let detail):
            BannerMessages.invalidSVG(size: "\(size)", language: language, detail: detail)
        case .template(let size, let language, let detail):
            BannerMessages.cannotDraw(size: "\(size)", language: language, detail: detail)
        case .missingLineIDs(let size, let language): BannerMessages.missingLineIDs(size: "\(size)", language: language)
        case .missingTemplate: BannerMessages.missingTemplate
        case .missingPage(let path, let language, _): BannerMessages.missingPage(path, language: language)
        case .zip(let detail): BannerMessages.zip(detail)
        case .notConfigured: BannerMessages.notConfigured
        case .notAKit: BannerMessages.notAKit(marker: BannerExport.markerName)
        }
    }

    public var helpText: Message? {
        switch self {
        case .overflow: BannerMessages.overflowHelp
        case .template, .invalidSVG, .missingLineIDs: BannerMessages.templateHelp
        case .missingTemplate: BannerMessages.missingTemplateHelp
        case .missingPage(_, let language, _): BannerMessages.missingPageHelp(language: language)
        case .zip: nil
        case .notConfigured: BannerMessages.notConfiguredHelp
        case .notAKit: BannerMessages.notAKitHelp
        }
    }

    static func drawing(_ size: BannerSize, _ language: String, _ failure: SVGRasterizer.Failure) -> BannerError {
        switch failure {
        case .invalidSVG(let detail): .invalidSVG(size, language, detail)
        case .render(let detail): .template(size, language, detail)
        }
    }
}
