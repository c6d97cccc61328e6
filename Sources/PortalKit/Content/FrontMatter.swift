import Foundation

/// The YAML block at the top of a Markdown file, typed and checked.
public struct FrontMatter: Sendable {
    public static let knownKeys = [
        "title", "date", "summary", "slug", "translationKey", "tags", "agency", "pillar", "tasks", "image",
        "imageAlt", "draft", "publishDate", "expiryDate", "aliases", "weight", "layout", "translatedFrom",
    ]

    /// What a translation was made from (`portal translate` writes it): the source's language
    /// and a digest of its title and body at that time.
    public struct TranslationRecord: Sendable, Hashable {
        public var language: String
        public var digest: String
    }

    public var title: String = ""
    public var date: Date?
    public var summary: String?
    public var slug: String?
    public var translationKey: String?
    public var tags: [String] = []
    public var agency: String?
    public var pillar: String?
    public var tasks: [String] = []
    public var image: String?
    public var imageAlt: String?
    public var draft = false
    public var publishDate: Date?
    public var expiryDate: Date?
    public var aliases: [String] = []
    public var weight = 0
    public var layout: String?
    public var translatedFrom: TranslationRecord?
    /// Where each key's value stands, for later errors (an unknown agency id, say).
    public var locations: [String: SourceLocation] = [:]
}

/// A Markdown file split into its front matter and body.
/// A class, not a struct: every `Page` holds one, and pages are copied in and out of the
/// graph on every build; a struct this size cost dozens of reference counts per copy.
public final class ParsedSource: Sendable {
    public let source: SourceFile
    public let frontMatter: FrontMatter
    public let body: String
    /// The line of the file on which the body starts (1-based), so Markdown errors name
    /// lines of the file, not of the body.
    public let bodyFirstLine: Int
    /// The YAML as written, which `InputKey` digests: every field a page may show, present and
    /// future, without a list of them to keep up.
    public let frontMatterText: String

    public init(source: SourceFile, frontMatter: FrontMatter, body: String, bodyFirstLine: Int, frontMatterText: String)
    {
        self.source = source
        self.frontMatter = frontMatter
        self.body = body
        self.bodyFirstLine = bodyFirstLine
        self.frontMatterText = frontMatterText
    }
}

public enum FrontMatterParser {
    /// Splits and checks one file. Unknown keys are warnings naming the closest known key;
    /// everything else wrong is an error with the file, line and column.
    public static func parse(_ source: SourceFile, warnings: WarningLog) throws(FrontMatterError) -> ParsedSource {
        let parts = try split(source)
        let matter = try frontMatter(parts.yaml, file: source.displayPath, warnings: warnings)
        return parsed(source, matter, parts)
    }

    /// The file's YAML block and body, and the body's first line.
    static func split(_ source: SourceFile) throws(FrontMatterError) -> (yaml: String, body: String, bodyFirstLine: Int)
    {
        let file = source.displayPath
        let text = source.text
        guard text.hasPrefix("---\n") || text == "---" else {
            throw .missingFrontMatter(SourceLocation(file: file, line: 1, column: 1))
        }
        // Find the closing `---` (or `...`) line, scanning bytes: bodies can be long.
        let utf8 = text.utf8
        var lineStart = utf8.index(utf8.startIndex, offsetBy: 4, limitedBy: utf8.endIndex) ?? utf8.endIndex
        let yamlStart = lineStart
        var yamlEnd: String.Index?
        var bodyStart = utf8.endIndex
        var consumed = 1
        while lineStart < utf8.endIndex {
            let lineEnd = utf8[lineStart...].firstIndex(of: 0x0A) ?? utf8.endIndex
            consumed += 1
            let line = utf8[lineStart..<lineEnd]
            if line.elementsEqual("---".utf8) || line.elementsEqual("...".utf8) {
                yamlEnd = lineStart
                bodyStart = lineEnd < utf8.endIndex ? utf8.index(after: lineEnd) : lineEnd
                break
            }
            lineStart = lineEnd < utf8.endIndex ? utf8.index(after: lineEnd) : lineEnd
        }
        guard let yamlEnd else { throw .unclosed(SourceLocation(file: file, line: 1, column: 1)) }
        return (String(text[yamlStart..<yamlEnd]), String(text[bodyStart...]), consumed + 1)
    }

    /// The page with its front matter; the whole text is not kept (the body is): on a large
    /// site it would be every page's Markdown twice in memory.
    static func parsed(
        _ source: SourceFile, _ matter: FrontMatter, _ parts: (yaml: String, body: String, bodyFirstLine: Int)
    ) -> ParsedSource {
        var kept = source
        kept.text = ""
        return ParsedSource(
            source: kept, frontMatter: matter, body: parts.body, bodyFirstLine: parts.bodyFirstLine,
            frontMatterText: parts.yaml)
    }

    /// Reads and checks the YAML block of `file`.
    static func frontMatter(_ yaml: String, file: String, warnings: WarningLog) throws(FrontMatterError)
        -> FrontMatter
    {
        let root: YAMLNode
        do {
            root = try YAMLNode.parse(yaml, file: file, lineOffset: 1)
        } catch { throw .shape(error) }

        var matter = FrontMatter()
        var hasTitle = false
        // Values whose meaning is checked after the YAML's shape, where this stage's own errors
        // (in the message catalogue) can be thrown: the shape pass throws the YAML reader's.
        var dates: [(field: WritableKeyPath<FrontMatter, Date?>, key: String, text: String, at: SourceLocation)] = []
        var slug: (text: String, at: SourceLocation)?
        var aliases: [(text: String, at: SourceLocation)] = []
        do throws(ShapeProblem) {
            for entry in try root.entries(.frontMatter) {
                let value = entry.value
                matter.locations[entry.key] = value.location
                switch entry.key {
                case "title":
                    matter.title = try value.nonEmptyString("title")
                    hasTitle = true
                case "date": dates.append((\.date, "date", try value.string("date"), value.location))
                case "summary": matter.summary = try value.string("summary")
                case "slug": slug = (try value.nonEmptyString("slug"), value.location)
                case "translationKey": matter.translationKey = try value.nonEmptyString("translationKey")
                case "tags": matter.tags = try value.stringList("tags")
                case "agency": matter.agency = try value.nonEmptyString("agency")
                case "pillar": matter.pillar = try value.nonEmptyString("pillar")
                case "tasks": matter.tasks = try value.stringList("tasks")
                case "image": matter.image = try value.nonEmptyString("image")
                case "imageAlt": matter.imageAlt = try value.string("imageAlt")
                case "draft": matter.draft = try value.bool("draft")
                case "publishDate":
                    dates.append((\.publishDate, "publishDate", try value.string("publishDate"), value.location))
                case "expiryDate":
                    dates.append((\.expiryDate, "expiryDate", try value.string("expiryDate"), value.location))
                case "aliases":
                    aliases = try value.list("aliases").map { item throws(ShapeProblem) in
                        (try item.nonEmptyString("aliases"), item.location)
                    }
                case "weight": matter.weight = try value.int("weight")
                case "layout": matter.layout = try value.nonEmptyString("layout")
                case "translatedFrom":
                    let fields = try value.fields(
                        "translatedFrom", known: ["language", "digest"], required: ["language", "digest"])
                    matter.translatedFrom = FrontMatter.TranslationRecord(
                        language: try fields["language"]!.nonEmptyString("translatedFrom.language"),
                        digest: try fields["digest"]!.nonEmptyString("translatedFrom.digest"))
                    matter.locations["translatedFrom.digest"] = fields["digest"]!.location
                default:
                    let suggestion = Suggestion.closest(to: entry.key, among: FrontMatter.knownKeys)
                    warnings.warn(
                        entry.keyNode.location, FrontMatterMessages.unknownKey(entry.key),
                        help: suggestion.map(FrontMatterMessages.didYouMean)
                            ?? FrontMatterMessages.knownKeys(FrontMatter.knownKeys))
                }
            }
        } catch { throw .shape(error) }
        for date in dates {
            guard let value = VietnamTime.parse(date.text) else {
                throw .notADate(key: date.key, text: date.text, date.at)
            }
            matter[keyPath: date.field] = value
        }
        if let slug {
            guard !Slug.make(slug.text).isEmpty else { throw .slugWithoutLetters(slug.at) }
            matter.slug = slug.text
        }
        // Checked here, where each item's line is known: an alias becomes a file of the
        // output, so `..`, `//host` or `"` in one must never reach the writer.
        for alias in aliases {
            do throws(URLPath.Problem) {
                _ = try URLPath.aliasOutputPath(alias.text, languagePrefix: "")
            } catch { throw .unusableAlias(alias.text, error, alias.at) }
        }
        matter.aliases = aliases.map(\.text)
        guard hasTitle else { throw .missingTitle(SourceLocation(file: file, line: 1, column: 1)) }
        return matter
    }
}

/// Problems with a page's front matter. The texts are `FrontMatterMessages`, and the YAML
/// reader's (`shape`) `YAMLMessages`.
public enum FrontMatterError: CataloguedError {
    case missingFrontMatter(SourceLocation)
    case unclosed(SourceLocation)
    case missingTitle(SourceLocation)
    case notADate(key: String, text: String, SourceLocation)
    case slugWithoutLetters(SourceLocation)
    case unusableAlias(String, URLPath.Problem, SourceLocation)
    case shape(ShapeProblem)

    public var location: SourceLocation? {
        switch self {
        case .missingFrontMatter(let l), .unclosed(let l), .missingTitle(let l), .notADate(_, _, let l),
            .slugWithoutLetters(let l), .unusableAlias(_, _, let l):
            l
        case .shape(let problem): problem.location
        }
    }

    public var messageText: Message {
        switch self {
        case .missingFrontMatter: FrontMatterMessages.missingFrontMatter
        case .unclosed: FrontMatterMessages.unclosed
        case .missingTitle: FrontMatterMessages.missingTitle
        case .notADate(let key, let text, _): FrontMatterMessages.notADate(key: key, text: text)
        case .slugWithoutLetters: FrontMatterMessages.slugWithoutLetters
        case .unusableAlias(let alias, let problem, _):
            URLPathMessages.quoting(problem) { FrontMatterMessages.unusableAlias(alias, reason: $0) }
        case .shape(let problem): problem.messageText
        }
    }

    public var helpText: Message? {
        switch self {
        case .missingFrontMatter: FrontMatterMessages.missingFrontMatterHelp
        case .unclosed: FrontMatterMessages.unclosedHelp
        case .missingTitle: FrontMatterMessages.missingTitleHelp
        case .notADate(let key, _, _): FrontMatterMessages.notADateHelp(key: key)
        case .slugWithoutLetters: FrontMatterMessages.slugWithoutLettersHelp
        case .unusableAlias(_, let problem, _): problem.helpText
        case .shape(let problem): problem.helpText
        }
    }
}

extension ParsedSource {
    /// Pages sharing this value are translations of each other: the `translationKey`, else the
    /// path inside the language folder (`index.md` counting as `_index.md`).
    public var translationGroup: String {
        if let key = frontMatter.translationKey { return "key:\(key)" }
        let path = source.relativePath
        let name = (path as NSString).lastPathComponent
        guard name == "_index.md" || name == "index.md" else { return "path:\(path)" }
        let folder = (path as NSString).deletingLastPathComponent
        return "path:" + (folder.isEmpty ? "_index.md" : "\(folder)/_index.md")
    }
}
