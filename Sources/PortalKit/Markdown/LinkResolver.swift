import Foundation

/// Decides where each link and image of a page's Markdown points in the built site:
/// links to other Markdown files become their page URLs, site paths get the base path,
/// unsafe schemes are dropped.
struct LinkResolver: Sendable {
    let graph: SiteGraph
    /// Paths of the files in `Content/media/`, as `media/…` (NFC).
    let mediaFiles: Set<String>
    /// The processed photos: a link to one reaches its published address.
    var photos = PhotoSet()

    static let safeSchemes: Set<String> = ["http", "https", "mailto", "tel", "ftp", "ftps", "sms", "geo"]
    static let safeImageData = ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"]

    /// A `#fragment` that must name a heading of the target page; checked once all pages
    /// are rendered.
    struct FragmentReference: Sendable {
        var targetContentPath: String
        var fragment: String
        var location: SourceLocation
    }

    struct Outcome {
        var errors: [MarkdownError] = []
        var warnings: [Diagnostic] = []
        var fragments: [FragmentReference] = []
        /// Images without alt text: warnings, or errors with `--strict`.
        var missingAlt: [Diagnostic] = []
    }

    func resolve(_ link: MarkdownLink, from page: Page, into outcome: inout Outcome) -> String {
        let destination = link.destination
        let location = SourceLocation(file: page.displayPath, line: link.line, column: link.column)
        if link.isImage, link.altText.trimmingCharacters(in: .whitespaces).isEmpty {
            outcome.missingAlt.append(
                Diagnostic(
                    severity: .warning, location: location, message: LinkMessages.missingAlt(destination),
                    help: LinkMessages.missingAltHelp(destination)))
        }
        // An empty result tells the renderer to drop the link (keeping its text) or the image
        // (keeping its alt text): an empty `href`/`src` would point at the page itself, and
        // `<img src="">` is not valid HTML.
        if destination.isEmpty { return "" }
        switch Self.address(destination, isImage: link.isImage) {
        case .controlCharacter:
            outcome.warnings.append(
                Diagnostic(
                    severity: .warning, location: location, message: LinkMessages.controlCharacter,
                    help: LinkMessages.controlCharacterHelp))
            return ""
        case .unsafeScheme(let scheme):
            outcome.warnings.append(
                Diagnostic(
                    severity: .warning, location: location, message: LinkMessages.unsafeScheme(scheme),
                    help: LinkMessages.unsafeSchemeHelp))
            return ""
        case .safeScheme: return destination
        case .path: break
        }
        if destination.hasPrefix("//") { return destination }

        let (path, suffix, fragment) = Self.split(destination)
        if path.isEmpty {  // `#muc` or `?q`: this page
            if let fragment {
                outcome.fragments.append(
                    FragmentReference(targetContentPath: page.contentPath, fragment: fragment, location: location))
            }
            return destination
        }
        let base = graph.settings.baseURL
        let resolved: String
        switch Self.place(ofPath: path, from: page.source?.source.contentPath ?? page.contentPath) {
        case .site(let sitePath):
            if sitePath.hasPrefix("media/"), !mediaFiles.contains(sitePath.removingTrailingSlash) {
                outcome.errors.append(.missingFile(target: destination, location))
            }
            return base.sitePath(Self.encode(sitePath)) + suffix
        case .outside:
            outcome.errors.append(.missingFile(target: destination, location))
            return destination
        case .content(let path): resolved = path
        }
        if resolved.hasSuffix(".md") {
            let candidates = [resolved, resolved.replacingSuffix("/index.md", with: "/_index.md")]
            if let target = candidates.lazy.compactMap({ self.graph.page(contentPath: $0) }).first {
                if let fragment {
                    outcome.fragments.append(
                        FragmentReference(targetContentPath: target.contentPath, fragment: fragment, location: location)
                    )
                }
                return base.sitePath(target.url) + suffix
            }
            if let reason = candidates.lazy.compactMap({ self.graph.excluded[$0] }).first {
                outcome.errors.append(.unpublishedTarget(target: destination, reason: reason, location))
            } else {
                outcome.errors.append(.missingPage(target: destination, location))
            }
            return destination
        }
        if resolved.hasPrefix("media/") {
            if !mediaFiles.contains(resolved) { outcome.errors.append(.missingFile(target: destination, location)) }
            return base.sitePath(Self.encode(photos.address(of: resolved))) + suffix
        }
        outcome.warnings.append(
            Diagnostic(
                severity: .warning, location: location, message: LinkMessages.neitherPageNorMedia(destination),
                help: LinkMessages.neitherPageNorMediaHelp))
        return destination
    }

    /// The processed photo an image of `page` shows, if it is one (by the rules `resolve` follows).
    func photo(_ link: MarkdownLink, from page: Page) -> Photo? {
        guard link.isImage, Self.address(link.destination, isImage: true) == .path, !link.destination.hasPrefix("//")
        else { return nil }
        switch Self.place(
            ofPath: Self.split(link.destination).path, from: page.source?.source.contentPath ?? page.contentPath)
        {
        case .site(let path), .content(let path): return photos.photo(path)
        case .outside: return nil
        }
    }

    /// What an address is, by the rule every address portal publishes from content follows
    /// (links and images in Markdown, the page's `image`, menu entries of site.yml).
    enum Address: Equatable {
        /// A path (or `#fragment`, `?query`): on this site.
        case path
        /// An address with a scheme links may have (`https:`, `mailto:`…; `data:image/…` for images).
        case safeScheme(String)
        /// `javascript:`, `vbscript:`, `data:`, `file:` or any scheme not known to be safe.
        case unsafeScheme(String)
        /// A control character anywhere: browsers drop tabs and line breaks inside an address
        /// and control characters before it, so `java&#9;script:` and `&#1;javascript:`
        /// would run as `javascript:` while hiding their scheme from a plain reading.
        case controlCharacter
    }

    static func address(_ url: String, isImage: Bool) -> Address {
        if url.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F }) { return .controlCharacter }
        // Browsers also drop the spaces before an address (`< javascript:…>` in Markdown).
        let trimmed = url.utf8.first == UInt8(ascii: " ") ? String(url.drop { $0 == " " }) : url
        guard let scheme = scheme(of: trimmed) else { return .path }
        if safeSchemes.contains(scheme.lowercased()) { return .safeScheme(scheme) }
        if isImage, safeImageData.contains(where: { trimmed.lowercased().hasPrefix($0) }) {
            return .safeScheme(scheme)
        }
        return .unsafeScheme(scheme)
    }

    /// Where a local path (no scheme, no `?…`/`#…`) written in `file` (a content path such as
    /// `vi/tin-tuc/bai.md`) points: a site path (`/media/a.jpg` → `media/a.jpg`), a file under
    /// Content/ (`../../media/a.jpg` → `media/a.jpg`), or outside Content/.
    enum Place: Equatable {
        case site(String)
        case content(String)
        case outside
    }

    static func place(ofPath path: String, from file: String) -> Place {
        let decoded = TextInput.nfc(percentDecoded(path))
        if decoded.hasPrefix("/") { return .site(String(decoded.dropFirst())) }
        let folder = file.utf8.lastIndex(of: UInt8(ascii: "/")).map { file[..<$0] } ?? ""
        return normalise(folder + "/" + decoded).map(Place.content) ?? .outside
    }

    /// `https:` → "https"; nil for paths (a colon after a slash is not a scheme). Links are
    /// read as bytes here and below, not Characters: every link of every page is resolved on
    /// every build, and Character-wise splitting was two thirds of it.
    static func scheme(of url: String) -> String? {
        let bytes = url.utf8
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), let first = bytes.first, isLetter(first),
            bytes[..<colon].allSatisfy({ isLetter($0) || (0x30...0x39).contains($0) || "+-.".utf8.contains($0) })
        else { return nil }
        return String(url[..<colon])
    }

    private static func isLetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }

    /// Splits `a/b.md?x#y` into the path, what follows it (`?x#y`), and the fragment (`y`).
    static func split(_ url: String) -> (path: String, suffix: String, fragment: String?) {
        let bytes = url.utf8
        let end = bytes.firstIndex { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") } ?? bytes.endIndex
        let fragment = bytes[end...].firstIndex(of: UInt8(ascii: "#")).map { String(url[bytes.index(after: $0)...]) }
        return (String(url[..<end]), String(url[end...]), fragment.map(percentDecoded))
    }

    /// `%xx` escapes decoded (Foundation's decoder is not called for the many paths with none:
    /// every link of every page is resolved on every build).
    static func percentDecoded(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "%")) else { return text }
        return text.removingPercentEncoding ?? text
    }

    /// `path` with `.`, `..` and empty parts resolved; nil when it climbs out of `Content/`.
    static func normalise(_ path: String) -> String? {
        var out: [Substring] = []
        for part in path.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: true) {
            switch part.count {
            case 1 where part.first == UInt8(ascii: "."): continue
            case 2 where part.elementsEqual("..".utf8):
                if out.isEmpty { return nil }
                out.removeLast()
            default: out.append(Substring(part))
            }
        }
        return out.joined(separator: "/")
    }

    static func encode(_ path: String) -> String {
        path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path
    }
}

extension String {
    fileprivate var removingTrailingSlash: String { hasSuffix("/") ? String(dropLast()) : self }

    fileprivate func replacingSuffix(_ suffix: String, with replacement: String) -> String {
        if self == String(suffix.dropFirst()) { return String(replacement.dropFirst()) }
        return hasSuffix(suffix) ? String(dropLast(suffix.count)) + replacement : self
    }
}

/// Problems with a page's Markdown; the texts are `LinkMessages` (and `PhotoMessages` for the
/// page's `image`).
public enum MarkdownError: CataloguedError {
    case missingPage(target: String, SourceLocation)
    case unpublishedTarget(target: String, reason: Publication.Exclusion, SourceLocation)
    case missingFile(target: String, SourceLocation)
    /// The front matter's `image` (see `PageImage`), at its value.
    case pageImage(image: String, PageImage.Problem, SourceLocation)

    public var location: SourceLocation? {
        switch self {
        case .missingPage(_, let l), .unpublishedTarget(_, _, let l), .missingFile(_, let l), .pageImage(_, _, let l): l
        }
    }

    public var messageText: Message {
        switch self {
        case .missingPage(let target, _): LinkMessages.missingPage(target)
        case .unpublishedTarget(let target, let reason, _): LinkMessages.unpublishedTarget(target, reason)
        case .missingFile(let target, _): LinkMessages.missingFile(target)
        case .pageImage(let image, let problem, _): problem.messageText(image)
        }
    }

    public var helpText: Message? {
        switch self {
        case .missingPage: LinkMessages.missingPageHelp
        case .unpublishedTarget(_, let reason, _): LinkMessages.unpublishedTargetHelp(reason)
        case .missingFile: LinkMessages.missingFileHelp
        case .pageImage(_, let problem, _): problem.helpText
        }
    }
}
