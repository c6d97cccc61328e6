import Foundation

/// For every page, per language: the original, an up-to-date translation, a stale one (its
/// source changed since it was translated), or missing.
public struct TranslationReport: Sendable {
    public enum State: String, Sendable, Codable {
        /// An original, or a translation whose source has not changed.
        case ok
        /// A translation whose source changed after it was translated.
        case stale
        case missing
    }

    public struct Entry: Sendable, Codable {
        public var language: String
        public var state: State
        /// `Content/en/news/x.md`, when the page exists.
        public var file: String?
        /// True for the page the others were translated from.
        public var isOriginal: Bool
        public var draft: Bool
        /// For stale translations: the source's language.
        public var source: String?
    }

    public struct Row: Sendable, Codable {
        /// The translationKey, or the shared path.
        public var key: String
        public var entries: [Entry]
    }

    public struct MissingString: Sendable, Codable {
        public var key: String
        public var language: String
    }

    public var rows: [Row]
    public var missingStrings: [MissingString]

    public var hasProblems: Bool {
        !missingStrings.isEmpty || rows.contains { $0.entries.contains { $0.state != .ok } }
    }

    /// Builds the report from every page of the content folder, drafts and future pages included.
    public init(settings: SiteSettings, sources: [ParsedSource], strings: [String: [String: String]]) {
        var groups: [String: [String: ParsedSource]] = [:]
        for parsed in sources {
            let key = parsed.translationGroup
            groups[key, default: [:]][parsed.source.language] = parsed
        }
        rows = groups.keys.sorted().map { key in
            let group = groups[key]!
            let entries = settings.languages.map { language -> Entry in
                guard let page = group[language.code] else {
                    return Entry(
                        language: language.code, state: .missing, file: nil, isOriginal: false, draft: false,
                        source: nil)
                }
                let matter = page.frontMatter
                guard let record = matter.translatedFrom else {
                    return Entry(
                        language: language.code, state: .ok, file: page.source.displayPath, isOriginal: true,
                        draft: matter.draft, source: nil)
                }
                let current = group[record.language].map(SourceDigest.of)
                return Entry(
                    language: language.code, state: current == record.digest ? .ok : .stale,
                    file: page.source.displayPath,
                    isOriginal: false, draft: matter.draft, source: record.language)
            }
            return Row(key: String(key.drop { $0 != ":" }.dropFirst()), entries: entries)
        }
        let allKeys = Set(strings.values.flatMap(\.keys))
        missingStrings = settings.languages.flatMap { language in
            allKeys.subtracting(strings[language.code]?.keys ?? [:].keys).sorted().map {
                MissingString(key: $0, language: language.code)
            }
        }
    }
}
