/// The text a reader sees in rendered HTML: tags dropped, the common entities decoded, runs of
/// white space (and tag boundaries, so words of adjacent paragraphs do not run together)
/// turned into one space. One pass over the bytes: it runs over every page for the search
/// index.
enum HTMLText {
    static let entities: [(name: [UInt8], text: [UInt8])] = [
        ("amp;", "&"), ("lt;", "<"), ("gt;", ">"), ("quot;", "\""), ("#39;", "'"), ("nbsp;", " "),
    ].map { (Array($0.0.utf8), Array($0.1.utf8)) }

    static func plain(_ html: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(html.utf8.count)
        var inTag = false
        var pendingSpace = false
        var bytes = Array(html.utf8)[...]
        func emit(_ byte: UInt8) {
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D {
                pendingSpace = true
                return
            }
            if pendingSpace && !out.isEmpty { out.append(0x20) }
            pendingSpace = false
            out.append(byte)
        }
        while let byte = bytes.first {
            bytes = bytes.dropFirst()
            if inTag {
                if byte == UInt8(ascii: ">") { inTag = false }
            } else if byte == UInt8(ascii: "<") {
                inTag = true
                pendingSpace = true
            } else if byte == UInt8(ascii: "&"), let entity = entities.first(where: { bytes.starts(with: $0.name) }) {
                bytes = bytes.dropFirst(entity.name.count)
                entity.text.forEach(emit)
            } else {
                emit(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
