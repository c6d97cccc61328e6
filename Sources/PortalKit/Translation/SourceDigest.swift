import Crypto
import Foundation

/// What a translation is checked against: a digest of its source's title and body. File
/// modification times do not survive git, so the record lives in the translation itself.
public enum SourceDigest {
    /// `sha256:` and 64 hex digits over the NFC title, a newline and the NFC body (trailing
    /// blank lines ignored, so an editor's final newline does not make translations stale).
    public static func of(title: String, body: String) -> String {
        var trimmed = Substring(body)
        while trimmed.last?.isNewline == true || trimmed.last == " " { trimmed = trimmed.dropLast() }
        let text = TextInput.nfc(title) + "\n" + TextInput.nfc(String(trimmed))
        return "sha256:" + Hex.string(SHA256.hash(data: Data(text.utf8)))
    }

    public static func of(_ parsed: ParsedSource) -> String {
        of(title: parsed.frontMatter.title, body: parsed.body)
    }
}
