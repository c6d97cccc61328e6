import Foundation

/// URL paths that come from content — aliases and the names of media files — checked and
/// normalised here, and only here, before any of them becomes a file in the output or a
/// link in a page. A path that passes is relative, has no empty, `.` or `..` segment, and
/// holds no character that would need escaping in HTML or that a web server could read as
/// something else.
public enum URLPath {
    /// What is wrong with a path, in words an editor can act on.
    public enum Problem: Error, Sendable, Equatable {
        case empty
        case hasScheme(String)
        case otherHost
        case queryOrFragment
        case dotSegment(String)
        case emptySegment
        case forbiddenCharacter(Unicode.Scalar)
        case badPercentEscape
        case tooLong(String)

        /// Why the path is refused, a clause the front matter's and the content loader's
        /// messages quote (`URLPathMessages.quoting`).
        public var reason: Message { URLPathMessages.reason(self) }

        public var helpText: Message { URLPathMessages.help(self) }
    }

    /// An alias from front matter → the output file that redirects: `/cu/bai/` →
    /// `cu/bai/index.html`, `cu/bai.html` stays a file, and a path without a leading `/` is
    /// inside the page's language (`prefix` is `en/` for English, empty for the default).
    /// Percent-escapes are decoded (aliases are often copied from an old address bar, and a
    /// web server decodes the request before it looks for a file), then checked.
    public static func aliasOutputPath(_ alias: String, languagePrefix prefix: String) throws(Problem) -> String {
        let text = alias.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { throw .empty }
        if text.hasPrefix("//") || text.hasPrefix("\\\\") || text.hasPrefix("/\\") { throw .otherHost }
        if let colon = text.firstIndex(of: ":"), !text[..<colon].contains("/") {
            throw .hasScheme(String(text[..<colon]))
        }
        if text.contains("?") || text.contains("#") { throw .queryOrFragment }
        let absolute = text.hasPrefix("/")
        var body = Substring(text)
        if absolute { body = body.dropFirst() }
        let folder = body.hasSuffix("/") || body.isEmpty
        if folder && !body.isEmpty { body = body.dropLast() }
        var segments: [String] = []
        if !body.isEmpty {
            for raw in body.split(separator: "/", omittingEmptySubsequences: false) {
                segments.append(try segment(raw))
            }
        }
        var path = segments.joined(separator: "/")
        if !absolute { path = prefix + path }
        if !folder && (path.hasSuffix(".html") || path.hasSuffix(".htm")) { return path }
        return path.isEmpty || path.hasSuffix("/") ? path + "index.html" : path + "/index.html"
    }

    /// Checks a relative path made of file names (a media file's place under `media/`);
    /// nothing is decoded: these are names on disk, not URLs.
    public static func checkRelative(_ path: String) throws(Problem) {
        guard !path.isEmpty else { throw .empty }
        for name in path.split(separator: "/", omittingEmptySubsequences: false) {
            try checkSegment(String(name))
        }
    }

    /// One segment: decoded, NFC, and checked.
    static func segment(_ raw: Substring) throws(Problem) -> String {
        let decoded = try percentDecoded(raw)
        // Checked before NFC too: TextInput drops control and format characters, and a
        // decoded `%07` must be refused, not silently removed.
        try checkSegment(decoded)
        let name = TextInput.nfc(decoded)
        try checkSegment(name)
        return name
    }

    static func checkSegment(_ name: String) throws(Problem) {
        guard !name.isEmpty else { throw .emptySegment }
        if name == "." || name == ".." { throw .dotSegment(name) }
        for scalar in name.unicodeScalars where isForbidden(scalar) { throw .forbiddenCharacter(scalar) }
        if name.utf8.count > 255 { throw .tooLong(name) }
    }

    /// Characters a path segment may not hold: those HTML attributes or URLs would need to
    /// escape or could read as structure (`"` `'` `<` `>` `` ` `` `\`, `/` once decoded,
    /// `?` `#` once decoded), control and format characters (invisible, or reordering text),
    /// and unpaired or private-use code points.
    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x22, 0x27, 0x3C, 0x3E, 0x60, 0x5C, 0x2F, 0x3F, 0x23: return true
        default:
            if scalar.value < 0x80 { return false }
            switch scalar.properties.generalCategory {
            case .format, .control, .privateUse, .unassigned, .surrogate, .lineSeparator, .paragraphSeparator:
                return true
            default: return false
            }
        }
    }

    static func percentDecoded(_ raw: Substring) throws(Problem) -> String {
        guard raw.contains("%") else { return String(raw) }
        var bytes: [UInt8] = []
        var iterator = Array(raw.utf8)[...]
        while let byte = iterator.popFirst() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = iterator.popFirst().flatMap(hexValue), let low = iterator.popFirst().flatMap(hexValue)
            else { throw .badPercentEscape }
            bytes.append(high << 4 | low)
        }
        guard let text = String(validating: bytes, as: UTF8.self) else { throw .badPercentEscape }
        return text
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x41...0x46: byte - 0x41 + 10
        case 0x61...0x66: byte - 0x61 + 10
        default: nil
        }
    }
}
