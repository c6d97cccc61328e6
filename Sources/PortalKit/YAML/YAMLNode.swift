import Yams

/// A YAML node together with the file it came from, so every value can say where it is.
/// Front matter starts below its opening `---`, hence `lineOffset`.
struct YAMLNode {
    let node: Node
    let file: String
    let lineOffset: Int

    var location: SourceLocation {
        SourceLocation(file: file, line: node.mark.map { $0.line + lineOffset }, column: node.mark?.column)
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
            return YAMLNode(node: node, file: file, lineOffset: lineOffset)
        } catch let error as YamlError {
            throw ShapeProblem.syntax(error, file: file, lineOffset: lineOffset)
        } catch {
            throw ShapeProblem(location: SourceLocation(file: file), message: "cannot read YAML: \(error)", help: nil)
        }
    }

    /// A short name for the kind of value, used in "expected a list, found a text" messages.
    var kind: String {
        switch node {
        case .scalar(let scalar):
            if scalar.style == .plain {
                if node.bool != nil { return "a true/false value" }
                if node.int != nil { return "a number" }
                if node.float != nil { return "a number" }
                if node.null != nil { return "nothing (null)" }
            }
            return "a text"
        case .mapping: return "a mapping (key: value)"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    /// The entries of a mapping in document order, with each key's own node for locations.
    func entries(_ what: String) throws(ShapeProblem) -> [(key: String, keyNode: YAMLNode, value: YAMLNode)] {
        guard case .mapping(let mapping) = node else {
            throw ShapeProblem(
                location: location, message: "\(what) must be a mapping of keys to values, found \(kind)", help: nil)
        }
        return mapping.map { pair in
            (
                TextInput.nfc(pair.key.string ?? ""), YAMLNode(node: pair.key, file: file, lineOffset: lineOffset),
                YAMLNode(node: pair.value, file: file, lineOffset: lineOffset)
            )
        }
    }

    func string(_ key: String) throws(ShapeProblem) -> String {
        guard case .scalar(let scalar) = node, !(scalar.style == .plain && node.null != nil) else {
            throw .wrongType(key: key, expected: "a text", found: kind, at: location)
        }
        return TextInput.nfc(scalar.string)
    }

    func nonEmptyString(_ key: String) throws(ShapeProblem) -> String {
        let value = try string(key).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !value.isEmpty else {
            throw ShapeProblem(location: location, message: "`\(key)` is empty", help: "give `\(key)` a value")
        }
        return value
    }

    func bool(_ key: String) throws(ShapeProblem) -> Bool {
        guard case .scalar = node, let value = node.bool else {
            throw .wrongType(key: key, expected: "true or false", found: kind, at: location)
        }
        return value
    }

    func int(_ key: String) throws(ShapeProblem) -> Int {
        guard case .scalar = node, let value = node.int else {
            throw .wrongType(key: key, expected: "a whole number", found: kind, at: location)
        }
        return value
    }

    func stringList(_ key: String) throws(ShapeProblem) -> [String] {
        guard case .sequence(let sequence) = node else {
            throw .wrongType(key: key, expected: "a list, e.g. `\(key): [a, b]`", found: kind, at: location)
        }
        var values: [String] = []
        for item in sequence {
            values.append(
                try YAMLNode(node: item, file: file, lineOffset: lineOffset).nonEmptyString("an entry of `\(key)`"))
        }
        return values
    }

    func list(_ key: String) throws(ShapeProblem) -> [YAMLNode] {
        guard case .sequence(let sequence) = node else {
            throw .wrongType(key: key, expected: "a list", found: kind, at: location)
        }
        return sequence.map { YAMLNode(node: $0, file: file, lineOffset: lineOffset) }
    }
}

/// A YAML document that is not shaped as expected: the part each stage's error type wraps.
public struct ShapeProblem: Error, Sendable {
    public var location: SourceLocation
    public var message: String
    public var help: String?

    static func wrongType(key: String, expected: String, found: String, at location: SourceLocation) -> ShapeProblem {
        ShapeProblem(location: location, message: "`\(key)` must be \(expected), found \(found)", help: nil)
    }

    static func syntax(_ error: YamlError, file: String, lineOffset: Int) -> ShapeProblem {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let detail = context.map { "\(problem) \($0.text)" } ?? problem
            return ShapeProblem(
                location: SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column),
                message: "the YAML is not well formed: \(detail)",
                help:
                    "check indentation, the `key: value` form, and quote values that contain `: ` or start with a special character"
            )
        case .duplicatedKeysInMapping(let duplicates, let context):
            return ShapeProblem(
                location: SourceLocation(file: file, line: context.mark.line + lineOffset, column: context.mark.column),
                message: "a key is given twice: \(duplicates.joined(separator: ", "))", help: "keep one of them")
        default:
            return ShapeProblem(
                location: SourceLocation(file: file), message: "the YAML cannot be read: \(error)", help: nil)
        }
    }
}
