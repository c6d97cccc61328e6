import Foundation

/// The `image` of a page's front matter, which the theme puts in `<img src>`, `og:image` and
/// `twitter:image`: a file of `Content/media/`, written as a site path (`/media/anh.jpg`) or
/// relative to the page's file the way links in Markdown are (`../../media/anh.jpg`), or an
/// http(s) address (agencies host their own photos). Nothing else may reach a page: the value
/// goes into attributes as it is, so `javascript:`, a path out of the content folder or a
/// missing file would be published to every reader and every site that shows a link preview.
public enum PageImage {
    enum Target: Equatable {
        /// `media/…` (NFC, decoded), and what followed the path (`?v=2`).
        case media(path: String, suffix: String)
        case external(String)
    }

    public enum Problem: Error, Equatable, Sendable {
        case notAnImageAddress
        case spaceOrControlCharacter
        case outside
        case notInMedia
    }

    /// What `value`, written in the content file `file` (`vi/tin-tuc/bai.md`), names; the
    /// media file's existence is not looked at.
    static func target(_ value: String, file: String) -> Result<Target, Problem> {
        // The rule of links in Markdown (LinkResolver.address), then only http(s) of its schemes.
        switch LinkResolver.address(value, isImage: true) {
        case .controlCharacter: return .failure(.spaceOrControlCharacter)
        case .unsafeScheme: return .failure(.notAnImageAddress)
        case .safeScheme(let scheme):
            guard ["http", "https"].contains(scheme.lowercased()), hasHost(value) else {
                return .failure(.notAnImageAddress)
            }
            // A space is not valid in an address, and one before it would hide the scheme
            // from anything that reads the value without trimming it.
            if value.contains(" ") { return .failure(.spaceOrControlCharacter) }
            return .success(.external(value))
        case .path: break
        }
        // `//host/x.jpg` and `\\host\x.jpg` are other hosts without a scheme, not http(s) addresses.
        if value.hasPrefix("//") || value.hasPrefix("\\") || value.hasPrefix("/\\") {
            return .failure(.notAnImageAddress)
        }
        let (path, suffix, _) = LinkResolver.split(value)
        switch LinkResolver.place(ofPath: path, from: file) {
        case .site(let path), .content(let path):
            guard path.hasPrefix("media/") else { return .failure(.notInMedia) }
            return .success(.media(path: path, suffix: suffix))
        case .outside: return .failure(.outside)
        }
    }

    /// `https://x…`: something after the two slashes that is not a path.
    private static func hasHost(_ value: String) -> Bool {
        guard let colon = value.firstIndex(of: ":") else { return false }
        let rest = value[value.index(after: colon)...]
        guard rest.hasPrefix("//"), let first = rest.dropFirst(2).first else { return false }
        return !"/\\?#".contains(first)
    }

    /// The error for `page`'s image, if it has one and it is not a file of `mediaFiles`
    /// (`media/…` paths) or an http(s) address.
    static func check(_ page: ParsedSource, mediaFiles: Set<String>) -> MarkdownError? {
        guard let value = page.frontMatter.image else { return nil }
        let location = page.frontMatter.locations["image"] ?? SourceLocation(file: page.source.displayPath)
        switch target(value, file: page.source.contentPath) {
        case .success(.external): return nil
        case .success(.media(let path, _)):
            return mediaFiles.contains(path) ? nil : .pageImage(image: value, .notInMedia, location)
        case .failure(let problem): return .pageImage(image: value, problem, location)
        }
    }

    /// The processed photo `value` names, if it names one.
    static func photo(_ value: String, file: String, in photos: PhotoSet) -> Photo? {
        guard case .success(.media(let path, _)) = target(value, file: file) else { return nil }
        return photos.photo(path)
    }

    /// The address a page shows for `value`: a site path under the base path (`/asean/media/…`),
    /// or with `absolute` the whole URL (for Open Graph); nil for a value `check` refuses.
    static func url(
        _ value: String, file: String, base: BaseURL, absolute: Bool, photos: PhotoSet = PhotoSet()
    ) -> String? {
        switch target(value, file: file) {
        case .success(.external(let url)): return url
        case .success(.media(let path, let suffix)):
            let encoded = LinkResolver.encode(photos.address(of: path))
            return (absolute ? base.absolute(encoded) : base.sitePath(encoded)) + suffix
        case .failure: return nil
        }
    }
}

extension PageImage {
    static func missingAlt(_ location: SourceLocation) -> Diagnostic {
        Diagnostic(
            severity: .warning, location: location, message: CheckMessages.missingImageAlt,
            help: CheckMessages.missingImageAltHelp)
    }
}

/// An image without alt text under `--strict`: the warning's texts, in both languages.
public struct AltTextError: CataloguedError {
    public var location: SourceLocation?
    public var messageText: Message
    public var helpText: Message?

    init(_ warning: Diagnostic) {
        (location, messageText, helpText) = (warning.location, warning.messageText, warning.helpText)
    }
}

extension PageImage.Problem {
    func messageText(_ image: String) -> Message { PhotoMessages.pageImage(image.withVisibleControlCharacters, self) }

    var helpText: Message {
        switch self {
        case .notAnImageAddress, .notInMedia, .outside: PhotoMessages.pageImageHelp
        case .spaceOrControlCharacter: PhotoMessages.pageImageSpaceHelp
        }
    }
}

extension String {
    /// The text with control characters shown as `\u{…}`, for messages that quote a value
    /// from content: a message must not move the cursor or hide part of itself on a terminal.
    var withVisibleControlCharacters: String {
        var text = ""
        for scalar in unicodeScalars {
            if scalar.value < 0x20 || scalar.value == 0x7F {
                text += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                text.unicodeScalars.append(scalar)
            }
        }
        return text
    }
}
