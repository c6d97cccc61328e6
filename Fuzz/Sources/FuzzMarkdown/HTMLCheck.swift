import FuzzSupport

/// Reads the HTML portal makes of Markdown without raw HTML: every `<` opens a comment, or
/// an element and attributes of those cmark-gfm (with its table, strikethrough, autolink,
/// tag filter and task list extensions, and footnotes) and portal (heading ids, the table's
/// scrolling box) write, with double-quoted values holding no `<` or `"`, and links and
/// images whose address is not a script.
enum HTMLCheck {
    static let elements: Set<String> = [
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "a", "img", "em", "strong", "code", "pre", "blockquote", "ul", "ol",
        "li", "hr", "br", "table", "thead", "tbody", "tr", "th", "td", "del", "input", "div", "section", "sup",
    ]
    static let attributes: Set<String> = [
        "href", "src", "alt", "title", "id", "class", "style", "type", "checked", "disabled", "start", "role",
        "tabindex", "aria-label", "data-footnotes", "data-footnote-ref", "data-footnote-backref",
        "data-footnote-backref-idx",
    ]

    static func check(_ html: String) {
        let bytes = Array(html.utf8)
        var i = 0
        func fail(_ why: String) -> Never {
            let start = max(0, i - 60)
            let excerpt = String(decoding: bytes[start..<min(bytes.count, i + 60)], as: UTF8.self)
            Fuzz.check(false, "HTML: \(why) at byte \(i): \(excerpt.debugDescription)")
            fatalError()
        }
        func isNameByte(_ b: UInt8) -> Bool {
            (0x61...0x7A).contains(b) || (0x30...0x39).contains(b) || b == 0x2D || (0x41...0x5A).contains(b)
        }
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: "<") else {
                if bytes[i] == UInt8(ascii: ">") { fail("a bare >") }
                i += 1
                continue
            }
            if bytes[i...].starts(with: "<!--".utf8) {
                guard let end = find("-->", in: bytes, from: i + 4) else { fail("an unclosed comment") }
                i = end + 3
                continue
            }
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "/") { i += 1 }
            let nameStart = i
            while i < bytes.count, isNameByte(bytes[i]) { i += 1 }
            let name = String(decoding: bytes[nameStart..<i], as: UTF8.self)
            guard elements.contains(name) else { fail("element <\(name)>") }
            // Attributes: ` name` or ` name="value"`, then `>` or ` />`.
            while true {
                guard i < bytes.count else { fail("an unclosed tag") }
                if bytes[i] == UInt8(ascii: ">") {
                    i += 1
                    break
                }
                if bytes[i...].starts(with: " />".utf8) {
                    i += 3
                    break
                }
                guard bytes[i] == UInt8(ascii: " ") else { fail("unexpected byte in <\(name)>") }
                i += 1
                let attributeStart = i
                while i < bytes.count, isNameByte(bytes[i]) { i += 1 }
                let attribute = String(decoding: bytes[attributeStart..<i], as: UTF8.self)
                guard attributes.contains(attribute) else { fail("attribute \(attribute) of <\(name)>") }
                guard i < bytes.count, bytes[i] == UInt8(ascii: "=") else { continue }
                guard i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "\"") else { fail("an unquoted value") }
                let valueStart = i + 2
                guard let valueEnd = bytes[valueStart...].firstIndex(of: UInt8(ascii: "\"")) else {
                    fail("an unclosed value")
                }
                let value = String(decoding: bytes[valueStart..<valueEnd], as: UTF8.self)
                if value.contains("<") { fail("< in a value") }
                if attribute == "href" || attribute == "src" {
                    let address = value.lowercased().filter { !$0.isWhitespace }
                    for scheme in ["javascript:", "vbscript:", "file:"] where address.hasPrefix(scheme) {
                        fail("a \(scheme) address")
                    }
                    if address.hasPrefix("data:"), !(name == "img" && address.hasPrefix("data:image/")) {
                        fail("a data: address")
                    }
                }
                if attribute == "style",
                    !["text-align: left", "text-align: center", "text-align: right"].contains(value)
                {
                    fail("style \(value.debugDescription)")
                }
                i = valueEnd + 1
            }
        }
    }

    private static func find(_ needle: String, in bytes: [UInt8], from start: Int) -> Int? {
        let pattern = Array(needle.utf8)
        guard bytes.count >= pattern.count else { return nil }
        var i = start
        while i + pattern.count <= bytes.count {
            if bytes[i..<(i + pattern.count)].elementsEqual(pattern) { return i }
            i += 1
        }
        return nil
    }
}
