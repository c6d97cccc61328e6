/// The text a reader sees in rendered HTML: tags dropped, the common entities decoded, runs of
/// white space (and tag boundaries, so words of adjacent paragraphs do not run together)
/// turned into one space. One pass over the bytes: it runs over every page for the search
/// index.
enum HTMLText {
    static let entities: [(name: [UInt8], text: [UInt8])] = [
        ("amp;", "&"), ("lt;", "<"), ("gt;", ">"), ("quot;", "\""), ("#39;", "'"), ("nbsp;", " "),
    ].map { (Array($0.0.utf8), Array($0.1.utf8)) }

    static func plain(_ html: String) -> String {
        var text = PlainText()
        text.bytes.reserveCapacity(html.utf8.count)
        var html = html
        html.withUTF8 { bytes in
            var i = 0
            while i < bytes.count {
                let byte = bytes[i]
                i += 1
                if byte == UInt8(ascii: "<") {
                    // A tag: skipped to its end.
                    text.pendingSpace = true
                    while i < bytes.count && bytes[i] != UInt8(ascii: ">") { i += 1 }
                    i += 1
                } else if byte == UInt8(ascii: "&"),
                    let entity = entities.first(where: { bytes[i...].starts(with: $0.name) })
                {
                    i += entity.name.count
                    for byte in entity.text { text.append(byte) }
                } else {
                    text.append(byte)
                }
            }
        }
        return String(decoding: text.bytes, as: UTF8.self)
    }

    /// Text being written: a run of white space becomes one space, none at the start.
    private struct PlainText {
        var bytes: [UInt8] = []
        var pendingSpace = false

        mutating func append(_ byte: UInt8) {
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D {
                pendingSpace = true
                return
            }
            if pendingSpace && !bytes.isEmpty { bytes.append(0x20) }
            pendingSpace = false
            bytes.append(byte)
        }
    }
}
