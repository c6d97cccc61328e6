import Foundation

extension SiteSettings {
    static let topKeys = [
        "baseURL", "theme", "defaultLanguage", "languages", "markdown", "paginate", "feeds", "banner",
        "compression", "images",
    ]
    static let languageKeys = ["name", "locale", "title", "description", "menu", "taxonomies"]
    static let feedKeys = ["content", "limit"]
    static let markdownKeys = ["unsafeHTML"]
    static let compressionKeys = ["gzip", "brotli"]
    static let menuKeys = ["name", "page", "url"]

    /// Reads and validates `site.yml` in `contentDirectory`. Every wrong, missing or unknown key
    /// is an error naming the file, line, column and key.
    public static func load(contentDirectory: String, displayPath: String? = nil) throws(SettingsError) -> SiteSettings
    {
        let path = (contentDirectory as NSString).appendingPathComponent("site.yml")
        let file = displayPath ?? path
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .missingFile(file)
        }
        let text: String
        do { text = try TextInput.decode(data) } catch {
            switch error {
            case .notUTF8(_, let line): throw .notUTF8(SourceLocation(file: file, line: line))
            }
        }
        var settings = try parse(text, file: file)
        settings.sourceDigest = FieldDigest.of([text])
        return settings
    }

    /// Runs one read of the YAML reader, whose problems (a wrong type, an empty value) are
    /// `ShapeProblem`s, with `YAMLMessages`' texts; this file's own are `SettingsError`s.
    private static func yaml<T>(_ read: () throws(ShapeProblem) -> T) throws(SettingsError) -> T {
        do { return try read() } catch { throw .shape(error) }
    }

    static func parse(_ text: String, file: String) throws(SettingsError) -> SiteSettings {
        let root = try yaml { () throws(ShapeProblem) in try YAMLNode.parse(text, file: file) }
        let entries = try yaml { () throws(ShapeProblem) in try root.entries("site.yml") }
        var values: [String: YAMLNode] = [:]
        for entry in entries {
            try checkKnown(entry.key, entry.keyNode, topKeys, in: "site.yml")
            values[entry.key] = entry.value
        }
        func required(_ key: String) throws(SettingsError) -> YAMLNode {
            guard let value = values[key] else { throw .missingKey(key, language: nil, root.location) }
            return value
        }

        let baseNode = try required("baseURL")
        guard let baseURL = BaseURL(try yaml { () throws(ShapeProblem) in try baseNode.string("baseURL") }) else {
            throw .baseURLNotHTTP(baseNode.location)
        }
        let themeNode = try required("theme")
        let theme = try yaml { () throws(ShapeProblem) in try themeNode.nonEmptyString("theme") }

        var allowRawHTML = false
        if let markdown = values["markdown"] {
            for entry in try yaml({ () throws(ShapeProblem) in try markdown.entries("markdown") }) {
                try checkKnown(entry.key, entry.keyNode, markdownKeys, in: "markdown")
                if entry.key == "unsafeHTML" {
                    allowRawHTML = try yaml { () throws(ShapeProblem) in try entry.value.bool("markdown.unsafeHTML") }
                }
            }
        }

        var paginate = 10
        if let node = values["paginate"] {
            paginate = try yaml { () throws(ShapeProblem) in try node.int("paginate") }
            guard paginate >= 1 else { throw .atLeastOne("paginate", node.location) }
        }
        var feeds = Feeds()
        if let node = values["feeds"] {
            for entry in try yaml({ () throws(ShapeProblem) in try node.entries("feeds") }) {
                try checkKnown(entry.key, entry.keyNode, feedKeys, in: "feeds")
                if entry.key == "limit" {
                    feeds.limit = try yaml { () throws(ShapeProblem) in try entry.value.int("feeds.limit") }
                    guard feeds.limit >= 1 else { throw .atLeastOne("feeds.limit", entry.value.location) }
                } else {
                    let value = try yaml { () throws(ShapeProblem) in try entry.value.nonEmptyString("feeds.content") }
                    guard let content = Feeds.Content(rawValue: value) else {
                        throw .feedContent(value, entry.value.location)
                    }
                    feeds.content = content
                }
            }
        }

        let defaultNode = try required("defaultLanguage")
        let defaultCode = try yaml { () throws(ShapeProblem) in try defaultNode.nonEmptyString("defaultLanguage") }
        let languagesNode = try required("languages")
        var languages: [Language] = []
        for entry in try yaml({ () throws(ShapeProblem) in try languagesNode.entries("languages") }) {
            guard entry.key.range(of: #"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?\z"#, options: .regularExpression) != nil,
                !ContentLoader.reservedFolders.contains(entry.key)
            else { throw .notALanguageCode(entry.key, entry.keyNode.location) }
            languages.append(try language(entry.key, entry.value, isDefault: entry.key == defaultCode))
        }
        guard let defaultIndex = languages.firstIndex(where: { $0.code == defaultCode }) else {
            throw .defaultLanguageUnknown(defaultCode, choices: languages.map(\.code), defaultNode.location)
        }
        languages.insert(languages.remove(at: defaultIndex), at: 0)
        let banner = try yaml { () throws(ShapeProblem) in
            try values["banner"].map { node throws(ShapeProblem) in
                try BannerSettings.parse(node, languages: languages.map(\.code))
            }
        }
        var settings = SiteSettings(
            baseURL: baseURL, theme: theme, languages: languages, allowRawHTML: allowRawHTML, paginate: paginate,
            feeds: feeds, banner: banner, file: file)
        // The .gz and .br copies beside the output's text files (both on unless turned off).
        if let node = values["compression"] {
            for entry in try yaml({ () throws(ShapeProblem) in try node.entries("compression") }) {
                try checkKnown(entry.key, entry.keyNode, compressionKeys, in: "compression")
                let on = try yaml { () throws(ShapeProblem) in try entry.value.bool("compression.\(entry.key)") }
                if entry.key == "gzip" { settings.compression.gzip = on } else { settings.compression.brotli = on }
            }
        }
        if let node = values["images"] {
            settings.images = try yaml { () throws(ShapeProblem) in try PhotoSettings.parse(node) }
        }
        return settings
    }

    private static func language(_ code: String, _ node: YAMLNode, isDefault: Bool) throws(SettingsError) -> Language {
        var values: [String: YAMLNode] = [:]
        for entry in try yaml({ () throws(ShapeProblem) in try node.entries("languages.\(code)") }) {
            try checkKnown(entry.key, entry.keyNode, languageKeys, in: "languages.\(code)")
            values[entry.key] = entry.value
        }
        func required(_ key: String) throws(SettingsError) -> String {
            guard let value = values[key] else { throw .missingKey(key, language: code, node.location) }
            return try yaml { () throws(ShapeProblem) in try value.nonEmptyString("languages.\(code).\(key)") }
        }
        var segments = Taxonomy.Kind.defaultSegments(language: code)
        if let node = values["taxonomies"] {
            let names = Taxonomy.Kind.allCases.map(\.rawValue)
            for entry in try yaml({ () throws(ShapeProblem) in try node.entries("languages.\(code).taxonomies") }) {
                try checkKnown(entry.key, entry.keyNode, names, in: "languages.\(code).taxonomies")
                let segment = try yaml { () throws(ShapeProblem) in
                    try entry.value.nonEmptyString("languages.\(code).taxonomies.\(entry.key)")
                }
                guard Slug.make(segment) == segment else { throw .notASegment(segment, entry.value.location) }
                segments[Taxonomy.Kind(rawValue: entry.key)!] = segment
            }
        }
        var menu: [MenuItem] = []
        if let menuNode = values["menu"] {
            for item in try yaml({ () throws(ShapeProblem) in try menuNode.list("languages.\(code).menu") }) {
                menu.append(try menuItem(item, key: "languages.\(code).menu"))
            }
        }
        return Language(
            code: code, name: try required("name"), locale: try required("locale"), title: try required("title"),
            description: try required("description"), menu: menu, pathPrefix: isDefault ? "" : "\(code)/",
            taxonomySegments: segments)
    }

    private static func menuItem(_ node: YAMLNode, key: String) throws(SettingsError) -> MenuItem {
        var name: String?
        var target: MenuItem.Target?
        for entry in try yaml({ () throws(ShapeProblem) in try node.entries(.entry(of: key)) }) {
            try checkKnown(entry.key, entry.keyNode, menuKeys, in: key)
            let text = { (field: String) throws(SettingsError) -> String in
                try yaml { () throws(ShapeProblem) in try entry.value.nonEmptyString("\(key).\(field)") }
            }
            switch entry.key {
            case "name": name = try text("name")
            case "page": target = .page(try text("page"))
            default:
                let url = try text("url")
                try checkMenuAddress(url, at: entry.value.location)
                target = .url(url)
            }
        }
        guard let name, let target else { throw .menuEntryIncomplete(node.location) }
        return MenuItem(name: name, target: target, location: node.location)
    }

    /// A menu entry is on every page, so its address follows the rule of links in Markdown
    /// (`LinkResolver.address`: no `javascript:`, `data:`, `vbscript:`, `file:` or other
    /// unknown scheme, no control character) and names no other host without a scheme
    /// (`//host`, and `/\host` or `\\host`, which browsers read the same way).
    private static func checkMenuAddress(_ url: String, at location: SourceLocation) throws(SettingsError) {
        let problem: SettingsMessages.MenuAddressProblem
        switch LinkResolver.address(url, isImage: false) {
        case .safeScheme: return
        case .controlCharacter: problem = .controlCharacter
        case .unsafeScheme(let scheme): problem = .unsafeScheme(scheme)
        case .path:
            let start = url.drop { $0 == " " }.prefix(2)
            guard start.count == 2, start.allSatisfy({ $0 == "/" || $0 == "\\" }) else { return }
            problem = .otherHost
        }
        throw .menuAddress(url.withVisibleControlCharacters, problem, location)
    }

    private static func checkKnown(_ key: String, _ node: YAMLNode, _ known: [String], in scope: String)
        throws(SettingsError)
    {
        guard !known.contains(key) else { return }
        throw .unknownKey(key, scope: scope, known: known, node.location)
    }
}

/// Problems with `site.yml`; the texts are `SettingsMessages`, and the YAML reader's
/// (`shape`) `YAMLMessages`.
public enum SettingsError: CataloguedError {
    case missingFile(String)
    case notUTF8(SourceLocation)
    /// `language` is the code for a key of `languages.<code>`, nil at the top level.
    case missingKey(String, language: String?, SourceLocation)
    case baseURLNotHTTP(SourceLocation)
    case atLeastOne(String, SourceLocation)
    case feedContent(String, SourceLocation)
    case notALanguageCode(String, SourceLocation)
    case defaultLanguageUnknown(String, choices: [String], SourceLocation)
    case notASegment(String, SourceLocation)
    case menuEntryIncomplete(SourceLocation)
    case menuAddress(String, SettingsMessages.MenuAddressProblem, SourceLocation)
    case unknownKey(String, scope: String, known: [String], SourceLocation)
    case shape(ShapeProblem)

    public var location: SourceLocation? {
        switch self {
        case .missingFile(let file): SourceLocation(file: file)
        case .notUTF8(let l), .missingKey(_, _, let l), .baseURLNotHTTP(let l), .atLeastOne(_, let l),
            .feedContent(_, let l), .notALanguageCode(_, let l), .defaultLanguageUnknown(_, _, let l),
            .notASegment(_, let l), .menuEntryIncomplete(let l), .menuAddress(_, _, let l), .unknownKey(_, _, _, let l):
            l
        case .shape(let problem): problem.location
        }
    }

    public var messageText: Message {
        switch self {
        case .missingFile: SettingsMessages.missingFile
        case .notUTF8: SettingsMessages.notUTF8
        case .missingKey(let key, let code, _):
            SettingsMessages.missingKey(code.map { "languages.\($0).\(key)" } ?? key)
        case .baseURLNotHTTP: SettingsMessages.baseURLNotHTTP
        case .atLeastOne(let key, _): SettingsMessages.atLeastOne(key)
        case .feedContent(let value, _): SettingsMessages.feedContent(value)
        case .notALanguageCode(let code, _): SettingsMessages.notALanguageCode(code)
        case .defaultLanguageUnknown(let code, _, _): SettingsMessages.defaultLanguageUnknown(code)
        case .notASegment(let segment, _): SettingsMessages.notASegment(segment)
        case .menuEntryIncomplete: SettingsMessages.menuEntryIncomplete
        case .menuAddress(let shown, let problem, _): SettingsMessages.menuAddress(shown, problem)
        case .unknownKey(let key, let scope, _, _): SettingsMessages.unknownKey(key, in: scope)
        case .shape(let problem): problem.messageText
        }
    }

    public var helpText: Message? {
        switch self {
        case .missingFile: SettingsMessages.missingFileHelp
        case .notUTF8: SettingsMessages.notUTF8Help
        case .missingKey(let key, let code, _): SettingsMessages.missingKeyHelp(key, under: code)
        case .baseURLNotHTTP: SettingsMessages.baseURLNotHTTPHelp
        case .atLeastOne: nil
        case .feedContent: SettingsMessages.feedContentHelp
        case .notALanguageCode: SettingsMessages.notALanguageCodeHelp
        case .defaultLanguageUnknown(_, let choices, _): SettingsMessages.chooseOneOf(choices)
        case .notASegment(let segment, _): SettingsMessages.notASegmentHelp(example: Slug.make(segment))
        case .menuEntryIncomplete: SettingsMessages.menuEntryIncompleteHelp
        case .menuAddress: SettingsMessages.menuAddressHelp
        case .unknownKey(let key, _, let known, _):
            SettingsMessages.unknownKeyHelp(suggestion: Suggestion.closest(to: key, among: known), known: known)
        case .shape(let problem): problem.helpText
        }
    }
}
