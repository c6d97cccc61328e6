import Foundation

/// Every published page with its URL, section and translations: what the renderer walks.
public struct SiteGraph: Sendable {
    public var settings: SiteSettings
    /// Published pages, in a stable order (language order, then content path).
    public var pages: [Page]
    /// Content path (`vi/tin-tuc/bai.md`) → index in `pages`.
    public var indexByContentPath: [String: Int]
    /// Pages left out of this build, by content path, so a link to one can say why.
    public var excluded: [String: Publication.Exclusion]
    /// Translation key → language → index in `pages`.
    public var translations: [String: [String: Int]]
    /// "lang/folder" → indices of the section's own pages, in listing order.
    public var sectionChildren: [String: [Int]]
    /// "lang/folder" → indices of its subsection pages, in listing order.
    public var subsections: [String: [Int]]

    public func page(contentPath: String) -> Page? { indexByContentPath[contentPath].map { pages[$0] } }

    /// The page's translations that exist (itself included), in the site's language order.
    public func translations(of page: Page) -> [Page] {
        let byLanguage = translations[page.translationKey] ?? [:]
        return settings.languages.compactMap { byLanguage[$0.code].map { pages[$0] } }
    }

    public func home(_ language: String) -> Page? { page(contentPath: "\(language)/_index.md") }

    static func sectionKey(_ language: String, _ folder: String) -> String { "\(language)/\(folder)" }

    public init(
        settings: SiteSettings, sources: [ParsedSource], publication: Publication, jobs: Int = 1
    ) throws(BuildFailure) {
        self.settings = settings
        var errors: [any PortalError] = []
        var all: [(page: Page, exclusion: Publication.Exclusion?)] = []
        // Each file's page on its own (slugging every name is most of this stage); the rest,
        // which compares pages with one another, in order.
        let made = ParallelMap.map(sources, jobs: jobs) { parsed -> Result<Page, SiteError> in
            do throws(SiteError) { return .success(try Self.page(for: parsed, settings: settings)) } catch {
                return .failure(error)
            }
        }
        for (parsed, result) in zip(sources, made) {
            switch result {
            case .success(let page): all.append((page, publication.exclusion(parsed.frontMatter)))
            case .failure(let error): errors.append(error)
            }
        }

        // Two files claiming one URL, or one translation key twice in a language: check all
        // pages, published or not, so --drafts and --future never turn up a new error.
        // Indices into `all`, not pages: a page is a large value to copy into a dictionary.
        var claimedBy: [String: Int] = [:]
        var keys: [String: Int] = [:]
        for (index, (page, _)) in all.enumerated() {
            if let other = claimedBy[page.url] {
                errors.append(
                    SiteError.duplicateURL(
                        url: settings.baseURL.sitePath(page.url), first: all[other].page, second: page))
            } else {
                claimedBy[page.url] = index
            }
            let key = "\(page.language)\u{0}\(page.translationKey)"
            if let other = keys[key], page.source?.frontMatter.translationKey != nil {
                errors.append(
                    SiteError.duplicateTranslationKey(page.translationKey, first: all[other].page, second: page))
            } else {
                keys[key] = index
            }
        }
        if !errors.isEmpty { throw BuildFailure(errors) }

        var published = all.filter { $0.exclusion == nil }.map(\.page)
        excluded = Dictionary(
            uniqueKeysWithValues: all.compactMap { item in item.exclusion.map { (item.page.contentPath, $0) } })

        // Every folder holding a published page is a section; those without `_index.md` get
        // a listing page of their own, as Hugo and Zola do.
        for language in settings.languages {
            var folders: Set<String> = [""]
            for page in published where page.language == language.code {
                var parts = page.folder.split(separator: "/").map(String.init)
                while !parts.isEmpty {
                    folders.insert(parts.joined(separator: "/"))
                    parts.removeLast()
                }
            }
            let existing = Set(published.filter { $0.language == language.code && $0.kind != .page }.map(\.folder))
            for folder in folders.subtracting(existing).sorted() {
                let url = folder.isEmpty ? language.pathPrefix : Self.folderURL(folder, prefix: language.pathPrefix)
                if let other = claimedBy[url] {
                    errors.append(
                        SiteError.sectionClashes(folder: "\(language.code)/\(folder)", page: all[other].page))
                    continue
                }
                published.append(
                    Page(
                        kind: folder.isEmpty ? .home : .section, language: language.code, source: nil,
                        title: folder.isEmpty ? language.title : String(folder.split(separator: "/").last!),
                        url: url, contentPath: "\(language.code)/\(folder.isEmpty ? "" : folder + "/")_index.md",
                        folder: folder, translationKey: "path:\(folder.isEmpty ? "" : folder + "/")_index.md",
                        date: nil, weight: 0))
            }
        }
        if !errors.isEmpty { throw BuildFailure(errors) }

        // Sorted as (language rank, content path) keys, then the pages moved once.
        let order = Dictionary(uniqueKeysWithValues: settings.languages.enumerated().map { ($1.code, $0) })
        let sortKeys = published.map { (order[$0.language]!, $0.contentPath) }
        published = published.indices.sorted { sortKeys[$0] < sortKeys[$1] }.map { published[$0] }
        pages = published
        indexByContentPath = Dictionary(uniqueKeysWithValues: published.enumerated().map { ($1.contentPath, $0) })

        var translations: [String: [String: Int]] = [:]
        for (index, page) in published.enumerated() {
            translations[page.translationKey, default: [:]][page.language] = index
        }
        self.translations = translations

        var children: [String: [Int]] = [:]
        var subsections: [String: [Int]] = [:]
        for (index, page) in published.enumerated() {
            switch page.kind {
            case .page: children[Self.sectionKey(page.language, page.folder), default: []].append(index)
            case .section:
                let parent = page.folder.split(separator: "/").dropLast().joined(separator: "/")
                subsections[Self.sectionKey(page.language, parent), default: []].append(index)
            case .home: break
            }
        }
        let sorted = { (indices: [Int]) in Self.listingOrder(indices, published) }
        sectionChildren = children.mapValues(sorted)
        self.subsections = subsections.mapValues(sorted)
    }

    /// Newest first; `weight` (lower first, unweighted last) where dates are equal or missing; then title in
    /// the language's order; then path, so the order is total and builds are reproducible.
    static func listingOrder(_ indices: [Int], _ pages: [Page]) -> [Int] {
        indices.sorted { a, b in
            let x = pages[a], y = pages[b]
            switch (x.date, y.date) {
            case let (dx?, dy?) where dx != dy: return dx > dy
            case (.some, nil): return true
            case (nil, .some): return false
            default: break
            }
            // As in Hugo, weight 0 (the default) means "unweighted" and comes after weighted pages.
            let wx = x.weight == 0 ? Int.max : x.weight, wy = y.weight == 0 ? Int.max : y.weight
            if wx != wy { return wx < wy }
            if x.title != y.title { return Collation.areInIncreasingOrder(x.title, y.title, language: x.language) }
            return x.contentPath < y.contentPath
        }
    }

    static func folderURL(_ folder: String, prefix: String) -> String {
        prefix + folder.split(separator: "/").map { Slug.make(String($0)) + "/" }.joined()
    }

    /// `2025-07-28-ky-niem`: a date the slug leaves out. (Checked by hand: a Regex took a
    /// tenth of a rebuild.)
    static func hasDatePrefix(_ stem: String) -> Bool {
        let bytes = Array(stem.utf8.prefix(12))
        guard bytes.count == 12 else { return false }
        for (index, byte) in bytes.prefix(11).enumerated() {
            let isDash = index == 4 || index == 7 || index == 10
            if isDash ? byte != UInt8(ascii: "-") : !(0x30...0x39).contains(byte) { return false }
        }
        return true
    }

    /// Works out a Markdown file's kind, folder and URL.
    static func page(for parsed: ParsedSource, settings: SiteSettings) throws(SiteError) -> Page {
        let source = parsed.source
        let language = settings.language(source.language)!
        var parts = source.relativePath.split(separator: "/").map(String.init)
        let fileName = parts.removeLast()
        let folder = parts.joined(separator: "/")
        for part in parts where Slug.make(part).isEmpty {
            throw .unsluggable(name: part, SourceLocation(file: source.displayPath))
        }
        let matter = parsed.frontMatter
        let isIndex = fileName == "_index.md" || fileName == "index.md"
        let kind: Page.Kind = isIndex ? (folder.isEmpty ? .home : .section) : .page
        var url = folder.isEmpty ? language.pathPrefix : folderURL(folder, prefix: language.pathPrefix)
        if !isIndex {
            var stem = String(fileName.dropLast(3))
            if Self.hasDatePrefix(stem) { stem.removeFirst(11) }
            let slug = Slug.make(matter.slug ?? stem)
            guard !slug.isEmpty else { throw .unsluggable(name: fileName, SourceLocation(file: source.displayPath)) }
            url += slug + "/"
        }
        let keyPath = isIndex ? (folder.isEmpty ? "_index.md" : "\(folder)/_index.md") : source.relativePath
        return Page(
            kind: kind, language: source.language, source: parsed, title: matter.title, url: url,
            contentPath: isIndex ? "\(source.language)/\(keyPath)" : source.contentPath, folder: folder,
            translationKey: parsed.translationGroup,
            date: matter.date ?? matter.publishDate, weight: matter.weight)
    }
}

/// Problems found when the pages are put together; the texts are `SiteMessages`.
public enum SiteError: CataloguedError {
    case duplicateURL(url: String, first: Page, second: Page)
    case duplicateTranslationKey(String, first: Page, second: Page)
    case unsluggable(name: String, SourceLocation)
    case sectionClashes(folder: String, page: Page)
    case menuTarget(path: String, language: String, SourceLocation)

    public var location: SourceLocation? {
        switch self {
        case .duplicateURL(_, _, let second), .duplicateTranslationKey(_, _, let second):
            SourceLocation(file: second.displayPath)
        case .unsluggable(_, let location): location
        case .sectionClashes(_, let page): SourceLocation(file: page.displayPath)
        case .menuTarget(_, _, let location): location
        }
    }

    public var messageText: Message {
        switch self {
        case .duplicateURL(let url, let first, let second):
            SiteMessages.duplicateURL(url, first: first.displayPath, second: second.displayPath)
        case .duplicateTranslationKey(let key, let first, _):
            SiteMessages.duplicateTranslationKey(String(key.dropFirst(4)), usedBy: first.displayPath)
        case .unsluggable(let name, _): SiteMessages.unsluggable(name)
        case .sectionClashes(let folder, let page): SiteMessages.sectionClashes(folder: folder, page: page.displayPath)
        case .menuTarget(let path, let language, _): SiteMessages.menuTarget(path, language: language)
        }
    }

    public var helpText: Message? {
        switch self {
        case .duplicateURL: SiteMessages.duplicateURLHelp
        case .duplicateTranslationKey: SiteMessages.duplicateTranslationKeyHelp
        case .unsluggable: SiteMessages.unsluggableHelp
        case .sectionClashes: SiteMessages.sectionClashesHelp
        case .menuTarget(_, let language, _): SiteMessages.menuTargetHelp(language: language)
        }
    }
}
