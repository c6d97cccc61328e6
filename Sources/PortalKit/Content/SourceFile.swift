import Foundation

/// A Markdown file found under a language folder, decoded and normalised.
public struct SourceFile: Sendable {
    /// `vi`, `en`.
    public var language: String
    /// NFC path inside the language folder, with `/`: `tin-tuc/2025-07-28-bai.md`.
    public var relativePath: String
    /// The path as messages show it: `Content/vi/tin-tuc/2025-07-28-bai.md` (NFC).
    public var displayPath: String
    /// NFC text with LF line ends and no byte-order mark.
    public var text: String
    /// The file on disk, with its name's bytes as they are there (maybe NFD).
    public var diskPath: String

    /// `vi/tin-tuc/bai.md`: how Markdown links name it.
    public var contentPath: String { "\(language)/\(relativePath)" }
}

/// A file under `Content/` found on disk but not yet read.
struct FoundFile: Sendable {
    var language: String
    var relativePath: String
    var diskPath: String
    var displayPath: String
}
