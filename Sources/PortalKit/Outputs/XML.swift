/// Escaping for XML and HTML text and attribute values.
public enum XML {
    public static func escape(_ text: String) -> String {
        // Most texts (URLs, titles) have nothing to escape: one pass over the bytes says so
        // (the five are ASCII, so no byte of a longer UTF-8 sequence is one of them).
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 })
        else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default: out.append(character)
            }
        }
        return out
    }
}
