import Foundation

/// `portal new post|page`: a Markdown file with front matter, named from its title.
public struct NewPage: Sendable {
    public enum Kind: String, Sendable, CaseIterable { case post, page }

    public var kind: Kind
    public var language: String
    /// The section folder inside the language folder (`tin-tuc`), "" for the language root.
    public var section: String
    public var title: String
    public var agency: String?
    public var tags: [String]
    public var now: Date

    public init(
        kind: Kind, language: String, section: String, title: String, agency: String? = nil, tags: [String] = [],
        now: Date
    ) {
        self.kind = kind
        self.language = language
        self.section = section
        self.title = title
        self.agency = agency
        self.tags = tags
        self.now = now
    }

    /// Writes the file and returns its path. Never overwrites.
    public func write(in workspace: Workspace) throws(EditError) -> String {
        let planned = try plan(in: workspace)
        try Self.write(planned, body: "")
        return planned.path
    }

    /// Where the page goes and its front matter, checked (language, agency, a path inside the
    /// language folder that no file holds yet) but not written: `portal import` writes its
    /// images first, then the page with its body.
    public func plan(in workspace: Workspace) throws(EditError) -> PlannedPage {
        let title = TextInput.nfc(title.trimmingCharacters(in: .whitespacesAndNewlines))
        guard !title.isEmpty else { throw .emptyTitle }
        guard let site = workspace.settings.language(language) else {
            throw .unknownLanguage(language, known: workspace.settings.languages.map(\.code))
        }
        if let agency {
            guard let agencies = workspace.catalog.agencies else { throw .noAgencies }
            guard agencies[agency] != nil else {
                throw .unknownAgency(agency, near: Suggestion.nearest(to: agency, among: agencies.ids))
            }
        }
        let slug = Slug.make(title)
        guard !slug.isEmpty else { throw .emptyTitle }
        let day = String(VietnamTime.iso8601(now).prefix(10))
        let stem = kind == .post ? "\(day)-\(slug)" : slug
        let folder = section.split(separator: "/").filter { !$0.isEmpty }.map { TextInput.nfc(String($0)) }
        // A section with a leading `/` is the absolute path it says, and so refused below,
        // rather than quietly taken as a folder of the language folder.
        let directory =
            section.hasPrefix("/")
            ? "/" + folder.joined(separator: "/")
            : ([workspace.contentDirectory, language] + folder).joined(separator: "/")
        let path = "\(directory)/\(stem).md"
        try ContentPath.checkWritable(path, language: language, contentDirectory: workspace.contentDirectory)
        if FileManager.default.fileExists(atPath: path) { throw .exists(path) }
        let keys = Set(workspace.sources.compactMap(\.frontMatter.translationKey))
        var key = stem
        var n = 2
        while keys.contains(key) {
            key = "\(stem)-\(n)"
            n += 1
        }

        var lines = ["---", "title: \(YAMLText.quoted(title))"]
        if kind == .post { lines.append("date: \(VietnamTime.iso8601(now))") }
        lines.append("summary: \"\"")
        lines.append("translationKey: \(YAMLText.quoted(key))")
        if let agency { lines.append("agency: \(agency)") }
        if !tags.isEmpty { lines.append("tags: \(YAMLText.list(tags.map(TextInput.nfc)))") }
        lines.append("---")
        return PlannedPage(
            path: path, directory: directory, slug: slug,
            url: "/" + SiteGraph.folderURL(folder.joined(separator: "/"), prefix: site.pathPrefix) + slug + "/",
            frontMatter: lines.joined(separator: "\n") + "\n")
    }

    /// Writes a planned page: its front matter, a blank line, then `body`. Never overwrites.
    public static func write(_ page: PlannedPage, body: String) throws(EditError) {
        do {
            try FileManager.default.createDirectory(atPath: page.directory, withIntermediateDirectories: true)
        } catch { throw .cannotWrite(page.path, error.localizedDescription) }
        // O_EXCL: never replace a file, even one created a moment ago by someone else.
        let fd = open(page.path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else {
            if errno == EEXIST { throw .exists(page.path) }
            throw .cannotWrite(page.path, String(cString: strerror(errno)))
        }
        let data = Data((page.frontMatter + "\n" + body).utf8)
        let written = data.withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
        close(fd)
        guard written == data.count else { throw .cannotWrite(page.path, "short write") }
    }
}

/// A page `NewPage.plan` placed: its file, its folder, the slug of its address and the address
/// itself (`/tin-tuc/da-nang-don-doan-asean/`, without the site's base path), its front matter.
public struct PlannedPage: Sendable {
    public var path: String
    public var directory: String
    public var slug: String
    public var url: String
    /// From `---` to `---` and its line break.
    public var frontMatter: String
}

/// Problems of the editors' commands (new, translate); the texts are `EditMessages`.
public enum EditError: CataloguedError {
    case emptyTitle
    case unknownLanguage(String, known: [String])
    case noAgencies
    case unknownAgency(String, near: [String])
    case exists(String)
    case cannotWrite(String, String)
    case notAPage(String)
    case sameLanguage(String)
    case notATranslation(String)
    case sourceMissing(String, language: String)
    /// A path to write that resolves outside `folder` (a language folder), or nowhere (nil).
    case outsideContent(String, folder: String, resolved: String?)
    /// The page already has a translation in `language`: `existing`.
    case alreadyTranslated(String, existing: String, language: String)

    public var location: SourceLocation? {
        switch self {
        case .exists(let path), .cannotWrite(let path, _), .notAPage(let path), .notATranslation(let path),
            .sourceMissing(let path, _), .outsideContent(let path, _, _):
            SourceLocation(file: path)
        case .alreadyTranslated(_, let existing, _): SourceLocation(file: existing)
        default: nil
        }
    }

    public var messageText: Message {
        switch self {
        case .emptyTitle: EditMessages.emptyTitle
        case .unknownLanguage(let code, let known): EditMessages.unknownLanguage(code, known: known)
        case .noAgencies: EditMessages.noAgencies
        case .unknownAgency(let id, _): EditMessages.unknownAgency(id)
        case .exists: EditMessages.exists
        case .cannotWrite(_, let reason): EditMessages.cannotWrite(reason)
        case .notAPage: EditMessages.notAPage
        case .sameLanguage(let code): EditMessages.sameLanguage(code)
        case .notATranslation: EditMessages.notATranslation
        case .sourceMissing(_, let language): EditMessages.sourceMissing(language: language)
        case .outsideContent(_, let folder, let resolved):
            EditMessages.outsideContent(folder: folder, resolved: resolved)
        case .alreadyTranslated(let source, _, let language):
            EditMessages.alreadyTranslated(source: source, language: language)
        }
    }

    public var helpText: Message? {
        switch self {
        case .emptyTitle: EditMessages.emptyTitleHelp
        case .unknownLanguage: EditMessages.unknownLanguageHelp
        case .noAgencies: EditMessages.noAgenciesHelp
        case .unknownAgency(_, let near): near.isEmpty ? nil : EditMessages.didYouMeanAgency(near)
        case .exists: EditMessages.existsHelp
        case .cannotWrite: EditMessages.cannotWriteHelp
        case .notAPage: EditMessages.notAPageHelp
        case .sameLanguage: EditMessages.sameLanguageHelp
        case .notATranslation: EditMessages.notATranslationHelp
        case .sourceMissing: EditMessages.sourceMissingHelp
        case .outsideContent(_, let folder, _): EditMessages.outsideContentHelp(folder: folder)
        case .alreadyTranslated(_, let existing, _): EditMessages.alreadyTranslatedHelp(existing: existing)
        }
    }
}
