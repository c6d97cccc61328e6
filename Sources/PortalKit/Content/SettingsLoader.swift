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
        do {
            var settings = try parse(text, file: file)
            settings.sourceDigest = FieldDigest.of([text])
            return settings
        } catch let problem {
            throw .shape(problem)
        }
    }

    static func parse(_ text: String, file: String) throws(ShapeProblem) -> SiteSettings {
        let root = try YAMLNode.parse(text, file: file)
        let entries = try root.entries("site.yml")
        var values: [String: YAMLNode] = [:]
        for entry in entries {
            try checkKnown(entry.key, entry.keyNode, topKeys, in: "site.yml")
            values[entry.key] = entry.value
        }
        func required(_ key: String) throws(ShapeProblem) -> YAMLNode {
            guard let value = values[key] else {
                throw ShapeProblem(
                    location: root.location, message: "`\(key)` is missing", help: "add `\(key):` to site.yml")
            }
            return value
        }

        let baseNode = try required("baseURL")
        guard let baseURL = BaseURL(try baseNode.string("baseURL")) else {
            throw ShapeProblem(
                location: baseNode.location, message: "`baseURL` is not an http(s) address",
                help: "write the public address of the section, e.g. `baseURL: https://danang.gov.vn/asean/`")
        }
        let theme = try required("theme").nonEmptyString("theme")

        var allowRawHTML = false
        if let markdown = values["markdown"] {
            for entry in try markdown.entries("markdown") {
                try checkKnown(entry.key, entry.keyNode, markdownKeys, in: "markdown")
                if entry.key == "unsafeHTML" { allowRawHTML = try entry.value.bool("markdown.unsafeHTML") }
            }
        }

        var paginate = 10
        if let node = values["paginate"] {
            paginate = try node.int("paginate")
            guard paginate >= 1 else {
                throw ShapeProblem(location: node.location, message: "`paginate` must be at least 1", help: nil)
            }
        }
        var feeds = Feeds()
        if let node = values["feeds"] {
            for entry in try node.entries("feeds") {
                try checkKnown(entry.key, entry.keyNode, feedKeys, in: "feeds")
                if entry.key == "limit" {
                    feeds.limit = try entry.value.int("feeds.limit")
                    guard feeds.limit >= 1 else {
                        throw ShapeProblem(
                            location: entry.value.location, message: "`feeds.limit` must be at least 1", help: nil)
                    }
                } else {
                    let value = try entry.value.nonEmptyString("feeds.content")
                    guard let content = Feeds.Content(rawValue: value) else {
                        throw ShapeProblem(
                            location: entry.value.location, message: "`feeds.content` is `\(value)`",
                            help: "use `full` (the whole post) or `summary`")
                    }
                    feeds.content = content
                }
            }
        }

        let defaultNode = try required("defaultLanguage")
        let defaultCode = try defaultNode.nonEmptyString("defaultLanguage")
        let languagesNode = try required("languages")
        var languages: [Language] = []
        for entry in try languagesNode.entries("languages") {
            guard entry.key.range(of: #"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?\z"#, options: .regularExpression) != nil,
                !ContentLoader.reservedFolders.contains(entry.key)
            else {
                throw ShapeProblem(
                    location: entry.keyNode.location, message: "`\(entry.key)` is not a language code",
                    help: "use a code such as `vi` or `en`; it is also the name of the language's folder in Content/")
            }
            languages.append(try language(entry.key, entry.value, isDefault: entry.key == defaultCode))
        }
        guard let defaultIndex = languages.firstIndex(where: { $0.code == defaultCode }) else {
            throw ShapeProblem(
                location: defaultNode.location,
                message: "`defaultLanguage` is `\(defaultCode)`, which is not one of `languages`",
                help: "choose one of: \(languages.map(\.code).joined(separator: ", "))")
        }
        languages.insert(languages.remove(at: defaultIndex), at: 0)
        let banner = try values["banner"].map { node throws(ShapeProblem) in
            try BannerSettings.parse(node, languages: languages.map(\.code))
        }
        var settings = SiteSettings(
            baseURL: baseURL, theme: theme, languages: languages, allowRawHTML: allowRawHTML, paginate: paginate,
            feeds: feeds, banner: banner, file: file)
        // The .gz and .br copies beside the output's text files (both on unless turned off).
        if let node = values["compression"] {
            for entry in try node.entries("compression") {
                try checkKnown(entry.key, entry.keyNode, compressionKeys, in: "compression")
                let on = try entry.value.bool("compression.\(entry.key)")
                if entry.key == "gzip" { settings.compression.gzip = on } else { settings.compression.brotli = on }
            }
        }
        if let node = values["images"] { settings.images = try PhotoSettings.parse(node) }
        return settings
    }

    private static func language(_ code: String, _ node: YAMLNode, isDefault: Bool) throws(ShapeProblem) -> Language {
        var values: [String: YAMLNode] = [:]
        for entry in try node.entries("languages.\(code)") {
            try checkKnown(entry.key, entry.keyNode, languageKeys, in: "languages.\(code)")
            values[entry.key] = entry.value
        }
        func required(_ key: String) throws(ShapeProblem) -> String {
            guard let value = values[key] else {
                throw ShapeProblem(
                    location: node.location, message: "`languages.\(code).\(key)` is missing",
                    help: "add `\(key):` under `\(code):`")
            }
            return try value.nonEmptyString("languages.\(code).\(key)")
        }
        var segments = Taxonomy.Kind.defaultSegments(language: code)
        if let node = values["taxonomies"] {
            let names = Taxonomy.Kind.allCases.map(\.rawValue)
            for entry in try node.entries("languages.\(code).taxonomies") {
                try checkKnown(entry.key, entry.keyNode, names, in: "languages.\(code).taxonomies")
                let segment = try entry.value.nonEmptyString("languages.\(code).taxonomies.\(entry.key)")
                guard Slug.make(segment) == segment else {
                    throw ShapeProblem(
                        location: entry.value.location, message: "`\(segment)` is not a URL segment",
                        help: "use lowercase ASCII letters, digits and hyphens, e.g. `\(Slug.make(segment))`")
                }
                segments[Taxonomy.Kind(rawValue: entry.key)!] = segment
            }
        }
        var menu: [MenuItem] = []
        if let menuNode = values["menu"] {
            for item in try menuNode.list("languages.\(code).menu") {
                menu.append(try menuItem(item, key: "languages.\(code).menu"))
            }
        }
        return Language(
            code: code, name: try required("name"), locale: try required("locale"), title: try required("title"),
            description: try required("description"), menu: menu, pathPrefix: isDefault ? "" : "\(code)/",
            taxonomySegments: segments)
    }

    private static func menuItem(_ node: YAMLNode, key: String) throws(ShapeProblem) -> MenuItem {
        var name: String?
        var target: MenuItem.Target?
        for entry in try node.entries("an entry of `\(key)`") {
            try checkKnown(entry.key, entry.keyNode, menuKeys, in: key)
            switch entry.key {
            case "name": name = try entry.value.nonEmptyString("\(key).name")
            case "page": target = .page(try entry.value.nonEmptyString("\(key).page"))
            default:
                let url = try entry.value.nonEmptyString("\(key).url")
                try checkMenuAddress(url, at: entry.value.location)
                target = .url(url)
            }
        }
        guard let name, let target else {
            throw ShapeProblem(
                location: node.location, message: "a menu entry needs `name` and either `page` or `url`",
                help: "e.g. `- { name: Tin tức, page: tin-tuc/_index.md }`")
        }
        return MenuItem(name: name, target: target, location: node.location)
    }

    /// A menu entry is on every page, so its address follows the rule of links in Markdown
    /// (`LinkResolver.address`: no `javascript:`, `data:`, `vbscript:`, `file:` or other
    /// unknown scheme, no control character) and names no other host without a scheme
    /// (`//host`, and `/\host` or `\\host`, which browsers read the same way).
    private static func checkMenuAddress(_ url: String, at location: SourceLocation) throws(ShapeProblem) {
        let shown = url.withVisibleControlCharacters
        let problem: String
        switch LinkResolver.address(url, isImage: false) {
        case .safeScheme: return
        case .controlCharacter: problem = "holds a control character"
        case .unsafeScheme(let scheme): problem = "is a `\(scheme):` address, which the site does not link to"
        case .path:
            let start = url.drop { $0 == " " }.prefix(2)
            guard start.count == 2, start.allSatisfy({ $0 == "/" || $0 == "\\" }) else { return }
            problem = "names another host without saying `https:`"
        }
        throw ShapeProblem(
            location: location, message: "the menu address `\(shown)` \(problem)",
            help:
                "write a path of the site (`/ke-hoach/`), a page (`page: tin-tuc/_index.md`), or an http(s), mailto: or tel: address"
        )
    }

    private static func checkKnown(_ key: String, _ node: YAMLNode, _ known: [String], in scope: String)
        throws(ShapeProblem)
    {
        guard !known.contains(key) else { return }
        let hint = Suggestion.closest(to: key, among: known).map { "did you mean `\($0)`? " } ?? ""
        throw ShapeProblem(
            location: node.location, message: "unknown key `\(key)` in \(scope)",
            help: "\(hint)known keys here: \(known.joined(separator: ", "))")
    }
}

/// Problems with `site.yml`.
public enum SettingsError: PortalError {
    case missingFile(String)
    case notUTF8(SourceLocation)
    case shape(ShapeProblem)

    public var location: SourceLocation? {
        switch self {
        case .missingFile(let file): SourceLocation(file: file)
        case .notUTF8(let location): location
        case .shape(let problem): problem.location
        }
    }

    public var message: String {
        switch self {
        case .missingFile: "the site settings file is missing"
        case .notUTF8: "site.yml is not UTF-8 text"
        case .shape(let problem): problem.message
        }
    }

    public var help: String? {
        switch self {
        case .missingFile:
            "create site.yml in the content folder (see docs/reference.md, \"Site settings\"), or pass --content DIR"
        case .notUTF8: "save the file as UTF-8"
        case .shape(let problem): problem.help
        }
    }
}
