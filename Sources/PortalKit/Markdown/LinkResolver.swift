import Foundation

/// Decides where each link and image of a page's Markdown points in the built site:
/// links to other Markdown files become their page URLs, site paths get the base path,
/// unsafe schemes are dropped.
struct LinkResolver: Sendable {
    let graph: SiteGraph
    /// Paths of the files in `Content/media/`, as `media/…` (NFC).
    let mediaFiles: Set<String>

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
    }

    func resolve(_ link: MarkdownLink, from page: Page, into outcome: inout Outcome) -> String {
        let destination = link.destination
        let location = SourceLocation(file: page.displayPath, line: link.line, column: link.column)
        if link.isImage, link.altText.trimmingCharacters(in: .whitespaces).isEmpty {
            outcome.warnings.append(
                Diagnostic(
                    severity: .warning, location: location, message: "the image `\(destination)` has no alt text",
                    help: "describe the image for people who cannot see it: ![mô tả ảnh](\(destination))"))
        }
        if destination.isEmpty { return destination }
        if let scheme = Self.scheme(of: destination) {
            if Self.safeSchemes.contains(scheme.lowercased()) { return destination }
            if link.isImage, Self.safeImageData.contains(where: { destination.lowercased().hasPrefix($0) }) {
                return destination
            }
            outcome.warnings.append(
                Diagnostic(
                    severity: .warning, location: location, message: "the link to a `\(scheme):` address was removed",
                    help: "only http(s), mailto and tel links are published"))
            return ""
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
        let decoded = TextInput.nfc(Self.percentDecoded(path))
        let base = graph.settings.baseURL

        if decoded.hasPrefix("/") {
            let sitePath = String(decoded.dropFirst())
            if sitePath.hasPrefix("media/"), !mediaFiles.contains(sitePath.removingTrailingSlash) {
                outcome.errors.append(.missingFile(target: destination, location))
            }
            return base.sitePath(Self.encode(sitePath)) + suffix
        }

        let file = page.source?.source.contentPath ?? page.contentPath
        let folder = file.utf8.lastIndex(of: UInt8(ascii: "/")).map { file[..<$0] } ?? ""
        guard let resolved = Self.normalise(folder + "/" + decoded) else {
            outcome.errors.append(.missingFile(target: destination, location))
            return destination
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
            return base.sitePath(Self.encode(resolved)) + suffix
        }
        outcome.warnings.append(
            Diagnostic(
                severity: .warning, location: location,
                message: "the relative link `\(destination)` is neither a Markdown page nor a file in media/",
                help: "link pages by their .md file and files as /media/…, so links survive URL changes"))
        return destination
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

/// Problems with a page's Markdown.
public enum MarkdownError: PortalError {
    case missingPage(target: String, SourceLocation)
    case unpublishedTarget(target: String, reason: Publication.Exclusion, SourceLocation)
    case missingFile(target: String, SourceLocation)

    public var location: SourceLocation? {
        switch self {
        case .missingPage(_, let l), .unpublishedTarget(_, _, let l), .missingFile(_, let l): l
        }
    }

    public var message: String {
        switch self {
        case .missingPage(let target, _): "the link to `\(target)` points at a page that does not exist"
        case .unpublishedTarget(let target, let reason, _):
            "the link to `\(target)` points at a page that is not published in this build (\(reason.explanation))"
        case .missingFile(let target, _): "the link to `\(target)` points at a file that does not exist"
        }
    }

    public var help: String? {
        switch self {
        case .missingPage: "check the file name and the folder; links are relative to this file, e.g. ../tin-tuc/bai.md"
        case .unpublishedTarget(_, let reason, _): reason.remedy
        case .missingFile: "put the file in Content/media/ and link it as /media/NAME"
        }
    }
}

extension Publication.Exclusion {
    var explanation: String {
        switch self {
        case .draft: "it is a draft"
        case .future: "its publish date is in the future"
        case .expired: "its expiry date has passed"
        }
    }

    var remedy: String {
        switch self {
        case .draft: "publish it (remove `draft: true`) or remove the link; --drafts builds drafts too"
        case .future: "remove the link until then; --future builds future pages too"
        case .expired: "remove the link or the page's `expiryDate`"
        }
    }
}
