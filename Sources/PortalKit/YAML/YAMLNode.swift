import Yams

/// A YAML node together with the file it came from, so every value can say where it is.
/// Front matter starts below its opening `---`, hence `lineOffset`.
struct YAMLNode {
    let node: Node
    let file: String
    let lineOffset: Int
    /// Where the text's lines are, to turn libyaml's places into an editor's: see `TextEnd`.
    let end: TextEnd

    /// libyaml puts the end of a text that does not end with a line break on a line of its own,
    /// one past the last: what stands there (an empty value, an unclosed `[`) is placed at the
    /// end of the last line instead, where an editor can go. And libyaml also breaks lines at
    /// U+0085, U+2028 and U+2029 (YAML 1.1), which editors show inside a line: in a text holding
    /// one, its lines and columns are counted again from the line feeds (found by fuzz-settings).
    struct TextEnd {
        /// The last line and the column just past its end.
        var line: Int
        var column: Int
        /// Where each of libyaml's lines and each line of the file starts, in scalars; only for
        /// a text holding one of libyaml's other line breaks.
        var yamlLineStarts: [Int]? = nil
        var lineStarts: [Int] = []

        init(_ text: String) {
            var line = 1
            var lastLineStart = text.utf8.startIndex
            while let newline = text.utf8[lastLineStart...].firstIndex(of: 0x0A) {
                line += 1
                lastLineStart = text.utf8.index(after: newline)
            }
            self.line = line
            column = text.unicodeScalars[lastLineStart...].count + 1
            guard Self.hasOtherLineBreaks(text) else { return }
            var yamlStarts = [0], starts = [0]
            for (index, scalar) in text.unicodeScalars.enumerated() {
                switch scalar {
                case "\n":
                    yamlStarts.append(index + 1)
                    starts.append(index + 1)
                case "\u{85}", "\u{2028}", "\u{2029}": yamlStarts.append(index + 1)
                default: break
                }
            }
            yamlLineStarts = yamlStarts
            lineStarts = starts
        }

        /// U+0085 (C2 85), U+2028 or U+2029 (E2 80 A8, E2 80 A9), looked for as bytes: every
        /// front matter comes here.
        static func hasOtherLineBreaks(_ text: String) -> Bool {
            var text = text
            return text.withUTF8 { bytes in
                var index = 0
                while index + 1 < bytes.count {
                    switch bytes[index] {
                    case 0xC2 where bytes[index + 1] == 0x85: return true
                    case 0xE2
                    where bytes[index + 1] == 0x80 && index + 2 < bytes.count
                        && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                        return true
                    default: index += 1
                    }
                }
                return false
            }
        }

        /// A line and column of the text as libyaml counts them (1-based) as a place in the file.
        func place(file: String, line: Int?, column: Int?, lineOffset: Int) -> SourceLocation {
            guard let line else { return SourceLocation(file: file) }
            if let yamlLineStarts, line <= yamlLineStarts.count {
                let index = yamlLineStarts[line - 1] + max(column ?? 1, 1) - 1
                let fileLine = lineStarts.lastIndex { $0 <= index }! + 1
                let fileColumn = index - lineStarts[fileLine - 1] + 1
                if fileLine == self.line, fileColumn > self.column {
                    return SourceLocation(file: file, line: self.line + lineOffset, column: self.column)
                }
                return SourceLocation(file: file, line: fileLine + lineOffset, column: column.map { _ in fileColumn })
            }
            if line > (yamlLineStarts?.count ?? self.line) {
                return SourceLocation(file: file, line: self.line + lineOffset, column: self.column)
            }
            return SourceLocation(file: file, line: line + lineOffset, column: column)
        }
    }

    var location: SourceLocation {
        end.place(file: file, line: node.mark?.line, column: node.mark?.column, lineOffset: lineOffset)
    }

    /// The implicit types read here, in the order of Yams's default resolver. Each plain
    /// scalar is matched against every rule's regular expression until one matches (a title
    /// against all of them); the default's other rules (merge keys, timestamps, `=`) only tag
    /// values that are read as text here anyway, and cost 1 % of a full build.
    static let resolver = Resolver.basic.appending(.bool).appending(.int).appending(.float).appending(.null)

    /// Parses `text`; an empty document is an empty mapping.
    static func parse(_ text: String, file: String, lineOffset: Int = 0) throws(ShapeProblem) -> YAMLNode {
        do {
            // The encoding is given: Yams's default reads the whole process environment (for
            // YAMS_DEFAULT_ENCODING) on every call, 2 % of a full build of 10,000 files.
            let node = try Yams.compose(yaml: text, Self.resolver, .default, .utf8) ?? Node.mapping(.init([]))
            return YAMLNode(node: node, file: file, lineOffset: lineOffset, end: TextEnd(text))
        } catch let error as YamlError {
            var problem = ShapeProblem.syntax(error, file: file, lineOffset: lineOffset)
            if let line = problem.location.line {
                problem.location = TextEnd(text).place(
                    file: file, line: line - lineOffset, column: problem.location.column, lineOffset: lineOffset)
            }
            throw problem
        } catch {
            throw ShapeProblem(location: SourceLocation(file: file), message: YAMLMessages.unreadable("\(error)"))
        }
    }

    /// A short name for the kind of value, used in "expected a list, found a text" messages.
    var kind: YAMLMessages.Subject {
        switch node {
        case .scalar(let scalar):
            if scalar.style == .plain {
                if node.bool != nil { return .trueOrFalseValue }
                if wholeNumber != nil { return .number }
                if node.float != nil { return .number }
                if node.null != nil { return .nothing }
            }
            return .text
        case .mapping: return .mapping
        case .sequence: return .list
        case .alias: return .alias
        }
    }

    // Each reader names what it reads, in both languages: a subject described in words
    // (`.entry(of: "tags")`), or a String: a value's key, shown in backticks, or a mapping's
    // name (a file, a key) as written.

    /// The entries of a mapping in document order, with each key's own node for locations.
    func entries(_ name: String) throws(ShapeProblem) -> [(key: String, keyNode: YAMLNode, value: YAMLNode)] {
        try entries(.name(name))
    }

    func entries(_ what: YAMLMessages.Subject) throws(ShapeProblem) -> [(
        key: String, keyNode: YAMLNode, value: YAMLNode
    )] {
        guard case .mapping(let mapping) = node else {
            throw ShapeProblem(location: location, message: YAMLMessages.notAMapping(what, found: kind))
        }
        let entries = mapping.map { pair in
            (
                key: TextInput.nfc(pair.key.string ?? ""),
                keyNode: YAMLNode(node: pair.key, file: file, lineOffset: lineOffset, end: end),
                value: YAMLNode(node: pair.value, file: file, lineOffset: lineOffset, end: end)
            )
        }
        // Yams finds keys given twice only when their nodes are equal: `!x vi:` beside `vi:`
        // (another tag), or a key typed in NFD beside its NFC, passed, and two languages `vi`
        // crashed the site graph (found by fuzz-settings).
        var seen: Set<String> = []
        for entry in entries where !entry.key.isEmpty && !seen.insert(entry.key).inserted {
            throw ShapeProblem(
                location: entry.keyNode.location, message: YAMLMessages.duplicateKey([entry.key]),
                help: YAMLMessages.duplicateKeyHelp)
        }
        return entries
    }

    func string(_ key: String) throws(ShapeProblem) -> String { try string(.key(key)) }

    func string(_ what: YAMLMessages.Subject) throws(ShapeProblem) -> String {
        guard case .scalar(let scalar) = node, !(scalar.style == .plain && node.null != nil) else {
            throw ShapeProblem(location: location, message: YAMLMessages.notAText(what, found: kind))
        }
        return TextInput.nfc(scalar.string)
    }

    func nonEmptyString(_ key: String) throws(ShapeProblem) -> String { try nonEmptyString(.key(key)) }

    func nonEmptyString(_ what: YAMLMessages.Subject) throws(ShapeProblem) -> String {
        let value = try string(what).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !value.isEmpty else {
            throw ShapeProblem(
                location: location, message: YAMLMessages.empty(what), help: YAMLMessages.emptyHelp(what))
        }
        return value
    }

    /// The scalar as an `Int`, except YAML 1.1's base-60 numbers (`1:30`), which Yams works out
    /// with overflowing arithmetic: `weight: 1:1:1:1:1:1:1:1:1:1:1:1` stopped the build with
    /// an arithmetic overflow (found by fuzz-frontmatter). They are not whole numbers here.
    private var wholeNumber: Int? {
        guard case .scalar(let scalar) = node, !scalar.string.utf8.contains(UInt8(ascii: ":")) else { return nil }
        return node.int
    }

    func bool(_ key: String) throws(ShapeProblem) -> Bool {
        guard case .scalar = node, let value = node.bool else {
            throw ShapeProblem(location: location, message: YAMLMessages.notTrueOrFalse(.key(key), found: kind))
        }
        return value
    }

    func int(_ key: String) throws(ShapeProblem) -> Int { try int(.key(key)) }

    func int(_ what: YAMLMessages.Subject) throws(ShapeProblem) -> Int {
        guard case .scalar = node, let value = wholeNumber else {
            throw ShapeProblem(location: location, message: YAMLMessages.notAWholeNumber(what, found: kind))
        }
        return value
    }

    func stringList(_ key: String) throws(ShapeProblem) -> [String] {
        guard case .sequence(let sequence) = node else {
            throw ShapeProblem(
                location: location, message: YAMLMessages.notAList(.key(key), found: kind, example: "\(key): [a, b]"))
        }
        var values: [String] = []
        for item in sequence {
            values.append(
                try YAMLNode(node: item, file: file, lineOffset: lineOffset, end: end).nonEmptyString(
                    .entry(of: key)))
        }
        return values
    }

    func list(_ key: String) throws(ShapeProblem) -> [YAMLNode] {
        guard case .sequence(let sequence) = node else {
            throw ShapeProblem(location: location, message: YAMLMessages.notAList(.key(key), found: kind))
        }
        return sequence.map { YAMLNode(node: $0, file: file, lineOffset: lineOffset, end: end) }
    }
}

/// A YAML document that is not shaped as expected: the part each stage's error type wraps.
/// Its texts are the catalogue's (`YAMLMessages` for the reader's own, the stages' for theirs).
public struct ShapeProblem: Error, Sendable {
    public var location: SourceLocation
    public var messageText: Message
    public var helpText: Message?

    /// The English texts (tests and sorting read them).
    public var message: String { messageText.en }
    public var help: String? { helpText?.en }

    public init(location: SourceLocation, message: Message, help: Message? = nil) {
        self.location = location
        self.messageText = message
        self.helpText = help
    }

    static func syntax(_ error: YamlError, file: String, lineOffset: Int) -> ShapeProblem {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let detail = context.map { "\(problem) \($0.text)" } ?? problem
            return ShapeProblem(
                location: SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column),
                message: YAMLMessages.syntax(detail), help: YAMLMessages.syntaxHelp)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return ShapeProblem(
                location: SourceLocation(file: file, line: context.mark.line + lineOffset, column: context.mark.column),
                message: YAMLMessages.duplicateKey(duplicates), help: YAMLMessages.duplicateKeyHelp)
        default:
            return ShapeProblem(location: SourceLocation(file: file), message: YAMLMessages.unreadable("\(error)"))
        }
    }
}
