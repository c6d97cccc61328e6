/// How `{{x}}` escapes (triple and `&` never do).
public enum TemplateEscaping: Sendable {
    /// `&` `<` `>` `"` `'` byte by byte, as portal's `PortalHTML` (theme layouts and partials).
    case html
    /// The same five, but only where one stands as a whole character: swift-mustache's own
    /// escaping, which the banner template was parsed with, walks grapheme clusters, so an `'`
    /// followed by a combining mark (`'\u{301}`) is left as it is. Kept for byte-identical banners.
    case htmlLegacy
    /// Nothing is escaped (`{{% CONTENT_TYPE: TEXT }}`).
    case none

    /// Appends `text` to `out`, escaped. Most texts hold none of the five characters: those
    /// are copied in one block after one pass over their bytes.
    func append(_ text: String, to out: inout [UInt8]) {
        // &, <, >, ", ' are ASCII: no byte of a multi-byte UTF-8 sequence can be one of them.
        guard self != .none, text.utf8.contains(where: Self.isSpecial) else {
            out.append(contentsOf: text.utf8)
            return
        }
        switch self {
        case .html:
            for byte in text.utf8 { Self.append(byte, to: &out) }
        case .htmlLegacy:
            for character in text {
                if character.utf8.count == 1, let byte = character.utf8.first {
                    Self.append(byte, to: &out)
                } else {
                    out.append(contentsOf: character.utf8)
                }
            }
        case .none:
            out.append(contentsOf: text.utf8)
        }
    }

    private static func isSpecial(_ byte: UInt8) -> Bool {
        byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27
    }

    private static func append(_ byte: UInt8, to out: inout [UInt8]) {
        switch byte {
        case 0x26: out.append(contentsOf: "&amp;".utf8)
        case 0x3C: out.append(contentsOf: "&lt;".utf8)
        case 0x3E: out.append(contentsOf: "&gt;".utf8)
        case 0x22: out.append(contentsOf: "&quot;".utf8)
        case 0x27: out.append(contentsOf: "&#39;".utf8)
        default: out.append(byte)
        }
    }
}
