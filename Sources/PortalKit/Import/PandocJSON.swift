import Foundation

/// A value of pandoc's JSON document model (`pandoc -t json`), read and written as it is, so
/// that the document can be cleaned here and given back to pandoc to write Markdown. Only the
/// parts the import changes are looked at by name (`t`, `c`); everything else passes through.
indirect enum PandocJSON: Sendable, Equatable, Codable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([PandocJSON])
    case object([String: PandocJSON])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int.self) {
            self = .int(value)
        } else if let value = try? container.decode(Double.self) {
            self = .double(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([PandocJSON].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: PandocJSON].self))
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .int(let value): try container.encode(value)
        case .double(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }

    /// An element of the model: `{"t": tag, "c": content}` (no `c` for `Space` and the like).
    static func node(_ tag: String, _ content: PandocJSON? = nil) -> PandocJSON {
        var fields: [String: PandocJSON] = ["t": .string(tag)]
        if let content { fields["c"] = content }
        return .object(fields)
    }

    var tag: String? {
        guard case .object(let fields) = self, case .string(let tag)? = fields["t"] else { return nil }
        return tag
    }

    var content: PandocJSON? {
        guard case .object(let fields) = self else { return nil }
        return fields["c"]
    }

    subscript(_ index: Int) -> PandocJSON? {
        guard case .array(let items) = self, items.indices.contains(index) else { return nil }
        return items[index]
    }

    subscript(_ key: String) -> PandocJSON? {
        guard case .object(let fields) = self else { return nil }
        return fields[key]
    }

    var array: [PandocJSON]? {
        guard case .array(let items) = self else { return nil }
        return items
    }

    var string: String? {
        guard case .string(let text) = self else { return nil }
        return text
    }

    var int: Int? {
        guard case .int(let value) = self else { return nil }
        return value
    }

    /// An empty attribute triple `["", [], []]`: identifiers (Word's bookmarks, generated
    /// heading ids), classes and key-value pairs (sizes, styles) are not kept.
    static let noAttributes: PandocJSON = .array([.string(""), .array([]), .array([])])

    /// The attribute triple's classes and key-value pairs.
    static func classes(of attributes: PandocJSON?) -> [String] {
        attributes?[1]?.array?.compactMap(\.string) ?? []
    }

    static func value(_ key: String, in attributes: PandocJSON?) -> String? {
        for pair in attributes?[2]?.array ?? [] where pair[0]?.string == key { return pair[1]?.string }
        return nil
    }
}
