import Foundation

/// The parser's readers: text, tag names, delimiters, pragmas, and where a line ends.
extension TemplateParser {
    /// Characters a tag's name may hold (swift-mustache's set: brackets are a transform's).
    private static let nameBytes: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for byte in "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*()".utf8 {
            table[Int(byte)] = true
        }
        return table
    }()
    /// A partial's name may also hold `/`.
    private static let partialNameBytes: [Bool] = {
        var table = nameBytes
        table[Int(UInt8(ascii: "/"))] = true
        return table
    }()

    mutating func readSpacesAndTabs() -> ArraySlice<UInt8> {
        let start = index
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
        return bytes[start..<index]
    }

    /// Text up to a line break (left unread) or a tag (its open delimiter read; where it began
    /// is returned), or to the end.
    mutating func readText(_ state: State) -> (ArraySlice<UInt8>, tagStart: Int?) {
        let start = index
        let first = state.open[0]
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A { return (bytes[start..<index], nil) }
            if byte == first, matches(state.open, at: index) {
                let tagStart = index
                index += state.open.count
                return (bytes[start..<tagStart], tagStart)
            }
            index += 1
        }
        return (bytes[start..<index], nil)
    }

    func matches(_ delimiter: [UInt8], at position: Int) -> Bool {
        guard position + delimiter.count <= bytes.count else { return false }
        for (offset, byte) in delimiter.enumerated() where bytes[position + offset] != byte { return false }
        return true
    }

    func find(_ delimiter: [UInt8], from start: Int) -> Int? {
        var position = start
        while position + delimiter.count <= bytes.count {
            if matches(delimiter, at: position) { return position }
            position += 1
        }
        return nil
    }

    /// The length of the line break at `position` (what Swift's `Character.isNewline` calls
    /// one, as swift-mustache tests it), or 0.
    func lineBreak(at position: Int) -> Int {
        guard position < bytes.count else { return 0 }
        switch bytes[position] {
        case 0x0A, 0x0B, 0x0C: return 1
        case 0x0D: return position + 1 < bytes.count && bytes[position + 1] == 0x0A ? 2 : 1
        case 0xC2: return position + 1 < bytes.count && bytes[position + 1] == 0x85 ? 2 : 0
        case 0xE2:
            return position + 2 < bytes.count && bytes[position + 1] == 0x80
                && (bytes[position + 2] == 0xA8 || bytes[position + 2] == 0xA9) ? 3 : 0
        default: return 0
        }
    }

    /// A tag stands alone when only spaces and tabs came before it on its line (`state.newLine`)
    /// and only spaces and tabs follow up to the line break or the end; the rest of its line,
    /// break included, is then skipped.
    mutating func isStandalone(_ state: State) -> Bool {
        guard state.newLine else { return false }
        if index == bytes.count { return true }
        var position = index
        while position < bytes.count, bytes[position] == 0x20 || bytes[position] == 0x09 { position += 1 }
        let length = lineBreak(at: position)
        guard length > 0 else { return false }
        index = position + length
        return true
    }

    mutating func skipWhitespace() {
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x20 || byte == 0x09 {
                index += 1
            } else if case let length = lineBreak(at: index), length > 0 {
                index += length
            } else {
                return
            }
        }
    }

    /// A tag's name up to the close delimiter, and its transforms: `first(pillars)` is
    /// (`pillars`, [`first`]), `last()` is (``, [`last`]), outermost transform first.
    mutating func readName(_ state: State, tagStart: Int) throws(TemplateSyntaxError) -> (String, [String]) {
        skipWhitespace()
        let start = index
        while index < bytes.count, Self.nameBytes[Int(bytes[index])] { index += 1 }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        skipWhitespace()
        guard matches(state.close, at: index) else {
            throw error(
                at: tagStart,
                "the tag is not closed by `\(string(state.close))` after its name `\(text)`: a name holds only "
                    + "letters, digits and . - _ ? * (and a transform's brackets)")
        }
        index += state.close.count
        guard text.contains("(") else { return (text, []) }
        // `a(b(name))`: the words before each `(` are transforms, then the name, then as many `)`.
        var transforms: [String] = []
        var rest = Substring(text)
        while let bracket = rest.firstIndex(where: { $0 == "(" || $0 == ")" }) {
            let word = String(rest[..<bracket])
            if rest[bracket] == "(" {
                transforms.append(word)
                rest = rest[rest.index(after: bracket)...]
                continue
            }
            let closing = rest[bracket...]
            guard !transforms.isEmpty, closing.count == transforms.count, closing.allSatisfy({ $0 == ")" }) else {
                break
            }
            return (word, transforms)
        }
        throw error(at: tagStart, "the brackets of `\(text)` do not pair: a transform is written `name(value)`")
    }

    /// A partial's or parent's name.
    mutating func readPartialName(_ state: State, tagStart: Int) throws(TemplateSyntaxError) -> String {
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "*") {
            throw error(at: tagStart, "dynamic partials (`*name`) are not supported: name the partial")
        }
        let start = index
        while index < bytes.count, Self.partialNameBytes[Int(bytes[index])] { index += 1 }
        let name = String(decoding: bytes[start..<index], as: UTF8.self)
        skipWhitespace()
        guard !name.isEmpty, matches(state.close, at: index) else {
            throw error(
                at: tagStart,
                "a partial's name is letters, digits and . - _ ? / closed by `\(string(state.close))`")
        }
        index += state.close.count
        return name
    }

    /// `{{=<% %>=}}`: the new open and close delimiters.
    mutating func readDelimiters(_ state: State, tagStart: Int) throws(TemplateSyntaxError) -> ([UInt8], [UInt8]) {
        func isSpace(_ position: Int) -> Bool {
            bytes[position] == 0x20 || bytes[position] == 0x09 || lineBreak(at: position) > 0
        }
        let bad = error(
            at: tagStart,
            "a delimiter change is written `\(string(state.open))=<open> <close>=\(string(state.close))`, "
                + "two delimiters without spaces, separated by a space")
        skipWhitespace()
        let openStart = index
        while index < bytes.count, !isSpace(index) { index += 1 }
        guard index < bytes.count else { throw bad }
        let open = Array(bytes[openStart..<index])
        skipWhitespace()
        let closeStart = index
        while index < bytes.count, !isSpace(index), bytes[index] != UInt8(ascii: "=") { index += 1 }
        guard index < bytes.count else { throw bad }
        let close = Array(bytes[closeStart..<index])
        skipWhitespace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "="), matches(state.close, at: index + 1),
            !open.isEmpty, !close.isEmpty
        else { throw bad }
        index += 1 + state.close.count
        return (open, close)
    }

    /// `{{% CONTENT_TYPE: HTML }}` (swift-mustache's escaping), `TEXT` (none) or `PORTAL_HTML`
    /// (portal's, which `Theme.load` used to prepend).
    mutating func readPragma(_ state: State, tagStart: Int) throws(TemplateSyntaxError) -> TemplateEscaping {
        guard let end = find(state.close, from: index) else {
            throw error(at: tagStart, "the pragma is not closed: add `\(string(state.close))`")
        }
        let text = String(decoding: bytes[index..<end], as: UTF8.self)
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        index = end + state.close.count
        guard parts.count == 2, parts[0] == "CONTENT_TYPE" else {
            throw error(at: tagStart, "the only pragma is `CONTENT_TYPE: HTML` (or TEXT, PORTAL_HTML)")
        }
        switch parts[1] {
        case "HTML": return .htmlLegacy
        case "PORTAL_HTML": return .html
        case "TEXT": return .none
        default:
            throw error(at: tagStart, "unknown content type `\(parts[1])`: use HTML, TEXT or PORTAL_HTML")
        }
    }

    /// A name as the renderer walks it, its transforms checked.
    static func name(
        _ name: String, _ transforms: [String], at tagStart: Int, in parser: TemplateParser
    ) throws(TemplateSyntaxError) -> TemplateName {
        var checked: [TemplateTransform] = []
        for transform in transforms.reversed() {
            guard let known = TemplateTransform(rawValue: transform) else {
                let names = TemplateTransform.allCases.map(\.rawValue).joined(separator: ", ")
                throw parser.error(at: tagStart, "unknown transform `\(transform)`: the transforms are \(names)")
            }
            checked.append(known)
        }
        let path = name.split(separator: ".").map(String.init)
        if name == "." { return TemplateName(root: .current, path: [], transforms: checked) }
        if name.isEmpty {
            guard !checked.isEmpty else { throw parser.error(at: tagStart, "the tag has no name: name a value") }
            return TemplateName(root: .position, path: [], transforms: checked)
        }
        if name.first == "." { return TemplateName(root: .innermost, path: path, transforms: checked) }
        return TemplateName(root: .stack, path: path, transforms: checked)
    }

    static func spelled(_ name: String, _ transforms: [String]) -> String {
        transforms.reversed().reduce(name) { "\($1)(\($0))" }
    }

    /// The 1-based line and column (in characters) of a byte offset.
    func position(of offset: Int) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = 0
        for position in 0..<offset where bytes[position] == 0x0A {
            line += 1
            lineStart = position + 1
        }
        return (line, String(decoding: bytes[lineStart..<offset], as: UTF8.self).count + 1)
    }

    func error(at offset: Int, _ message: String) -> TemplateSyntaxError {
        let (line, column) = position(of: offset)
        return TemplateSyntaxError(line: line, column: column, message: message)
    }

    func string(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }
}
