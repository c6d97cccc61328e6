/// A text given in every language of the site (`{ vi: …, en: … }`).
public struct Localized: Sendable, Hashable {
    public var texts: [String: String]

    public init(_ texts: [String: String]) { self.texts = texts }

    public func callAsFunction(_ language: String) -> String { texts[language] ?? texts.values.sorted().first ?? "" }
}

extension YAMLNode {
    /// `{ vi: …, en: … }` with a text for each of `languages`.
    func localized(_ key: String, languages: [String]) throws(ShapeProblem) -> Localized {
        var texts: [String: String] = [:]
        for entry in try entries("`\(key)`") {
            guard languages.contains(entry.key) else {
                throw ShapeProblem(
                    location: entry.keyNode.location,
                    message: "`\(key)` has a text in `\(entry.key)`, which is not a language of the site",
                    help: "languages: \(languages.joined(separator: ", "))")
            }
            texts[entry.key] = try entry.value.nonEmptyString("\(key).\(entry.key)")
        }
        for language in languages where texts[language] == nil {
            throw ShapeProblem(
                location: location, message: "`\(key)` has no text in `\(language)`", help: "add `\(language): …`")
        }
        return Localized(texts)
    }

    /// The mapping's values by key, rejecting keys not in `known` and requiring `required`.
    func fields(_ what: String, known: [String], required: [String] = []) throws(ShapeProblem) -> [String: YAMLNode] {
        var values: [String: YAMLNode] = [:]
        for entry in try entries(what) {
            guard known.contains(entry.key) else {
                let hint = Suggestion.closest(to: entry.key, among: known).map { "did you mean `\($0)`? " } ?? ""
                throw ShapeProblem(
                    location: entry.keyNode.location, message: "unknown key `\(entry.key)` in \(what)",
                    help: "\(hint)known keys: \(known.joined(separator: ", "))")
            }
            values[entry.key] = entry.value
        }
        for key in required where values[key] == nil {
            throw ShapeProblem(location: location, message: "\(what) has no `\(key)`", help: "add `\(key):`")
        }
        return values
    }

    func date(_ key: String) throws(ShapeProblem) -> Date {
        let text = try string(key)
        guard let date = VietnamTime.parse(text) else {
            throw ShapeProblem(
                location: location, message: "`\(key)` is not a date: \(text)", help: "write it as YYYY-MM-DD")
        }
        return date
    }
}

import Foundation
