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
        for entry in try entries(.key(key)) {
            guard languages.contains(entry.key) else {
                throw ShapeProblem(
                    location: entry.keyNode.location, message: YAMLMessages.notALanguage(key, language: entry.key),
                    help: YAMLMessages.languagesOfTheSite(languages))
            }
            texts[entry.key] = try entry.value.nonEmptyString("\(key).\(entry.key)")
        }
        for language in languages where texts[language] == nil {
            throw ShapeProblem(
                location: location, message: YAMLMessages.missingLanguage(key, language: language),
                help: YAMLMessages.missingLanguageHelp(language))
        }
        return Localized(texts)
    }

    /// The mapping's values by key, rejecting keys not in `known` and requiring `required`.
    func fields(_ name: String, known: [String], required: [String] = []) throws(ShapeProblem) -> [String: YAMLNode] {
        try fields(.name(name), known: known, required: required)
    }

    func fields(_ what: YAMLMessages.Subject, known: [String], required: [String] = []) throws(ShapeProblem)
        -> [String: YAMLNode]
    {
        var values: [String: YAMLNode] = [:]
        for entry in try entries(what) {
            guard known.contains(entry.key) else {
                throw ShapeProblem(
                    location: entry.keyNode.location, message: YAMLMessages.unknownKey(entry.key, in: what),
                    help: SettingsMessages.unknownKeyHelp(
                        suggestion: Suggestion.closest(to: entry.key, among: known), known: known))
            }
            values[entry.key] = entry.value
        }
        for key in required where values[key] == nil {
            throw ShapeProblem(
                location: location, message: YAMLMessages.missingKey(key, in: what),
                help: YAMLMessages.missingKeyHelp(key))
        }
        return values
    }

    func date(_ key: String) throws(ShapeProblem) -> Date {
        let text = try string(key)
        guard let date = VietnamTime.parse(text) else {
            throw ShapeProblem(
                location: location, message: YAMLMessages.notADate(key, text: text), help: YAMLMessages.notADateHelp)
        }
        return date
    }
}

import Foundation
