/// The text a reader sees in rendered HTML: tags dropped, the common entities decoded, block
/// ends turned into spaces so words of adjacent paragraphs do not run together.
enum HTMLText {
    static let entities = ["&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": "\"", "&#39;": "'", "&nbsp;": " "]

    static func plain(_ html: String) -> String {
        var out = ""
        out.reserveCapacity(html.utf8.count)
        var inTag = false
        for character in html {
            if inTag {
                if character == ">" { inTag = false }
            } else if character == "<" {
                inTag = true
                out.append(" ")
            } else {
                out.append(character)
            }
        }
        for (entity, text) in entities where out.contains(entity) {
            out = out.replacingOccurrences(of: entity, with: text)
        }
        return out.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
