import Foundation
import Synchronization

/// Renders every page through the theme and lists every file of the site: pages, listings,
/// taxonomies, redirects, feeds, sitemap, the JSON export, assets and media.
struct RenderStage {
    let site: Site
    let theme: Theme
    let media: [(path: String, diskPath: String)]
    var verifyInputKeys = false
    /// Whether to make the `.gz` and `.br` copies `site.yml` asks for (`portal serve` does not).
    var precompress = true
    /// Whether to flush the output to disk before publishing it (`portal serve` does not).
    var durable = true
    /// In a resident process: the caches below as the last build left them, used instead of
    /// `.portal-cache/`'s; `run` then gives this build's instead of writing them.
    var memory: Memory?

    /// The caches that describe the output (what was rendered, the search indexes written)
    /// and each language's search index with its postings, kept by a resident process between builds.
    struct Memory: Sendable {
        var theme = ""
        var pages = RenderCache()
        var search = SearchCache()
        var searchIndexes: [String: SearchIndexResident] = [:]
        /// What the process knows of its output's two trees (the same one from build to build).
        var ledger = OutputLedger()
        /// `posts.json`'s lines.
        var export: JSONExport.KeptLines = [:]
        /// The files of generators that follow from `InputKey.site` alone, by generator.
        var bySiteKey: [String: KeptFiles] = [:]
        /// Each language's specialised templates, by what they were specialised with.
        var libraries: [String: (key: String, library: TemplateLibrary)] = [:]
    }

    /// Renders and writes the site through `writer`: pages are written as they render, so a
    /// build never holds every page in memory at once.
    /// Gives the report, with `verifyInputKeys` the pages whose input key misled, and with
    /// `memory` this build's caches. Otherwise caches keyed by content (the search documents)
    /// are written on another thread, in `cacheWrites`.
    func run(
        jobs: Int, writer: OutputWriter, cacheWrites: DispatchGroup
    ) throws(BuildFailure) -> (OutputWriter.Report, [String], Memory?) {
        // A pass over every page's inputs, made beside the checks and set-up below.
        let siteKeyBox = Mutex("")
        let siteKeyMade = DispatchGroup()
        DispatchQueue.global().async(group: siteKeyMade) { [site] in
            let key = InputKey.site(site)
            siteKeyBox.withLock { $0 = key }
        }
        defer { siteKeyMade.wait() }
        var errors: [any PortalError] = []
        let menus = resolveMenus(errors: &errors)
        // A `layout:` the theme lacks fails before anything renders.
        for page in site.graph.pages {
            if let layout = page.source?.frontMatter.layout, !theme.hasLayout(layout) {
                errors.append(
                    ThemeError.unknownLayout(
                        layout, page.source?.frontMatter.locations["layout"] ?? SourceLocation(file: page.displayPath)))
            }
        }
        if !errors.isEmpty { throw BuildFailure(errors) }

        let theme = self.theme
        let site = self.site
        let renderJobs = RenderJob.all(site)
        // Each language's templates with its constant values written in (parsed again only when
        // those or the theme changed, in a resident process).
        var libraries: [String: TemplateLibrary] = [:]
        var nextLibraries: [String: (key: String, library: TemplateLibrary)] = [:]
        for (language, constants) in PageContext(site: site, theme: theme, menus: menus).constants {
            let values = TemplateSpecialisation.values(constants.fields)
            let key = ([theme.digest] + values.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }).joined(
                separator: "\u{0}")
            let library: TemplateLibrary
            if let kept = memory?.libraries[language], kept.key == key {
                library = kept.library
            } else {
                library = theme.specialised(values)
            }
            libraries[language] = library
            nextLibraries[language] = (key, library)
        }
        let specialised = libraries
        // Layouts the data calls for (the plan's, say) must exist: a missing one would render "".
        for layout in Set(renderJobs.map(\.layout)).sorted() where !theme.hasLayout(layout) {
            errors.append(ThemeError.missingLayout(layout, directory: "\(theme.directory)/layouts"))
        }
        if !errors.isEmpty { throw BuildFailure(errors) }

        // Two things writing one file (a page slug `assets`, an alias over a page) would
        // silently lose one. Pages are checked among themselves before anything renders; the
        // other files once they are made, before any of them is written or anything committed.
        let pagePaths = renderJobs.map { $0.outputPath(site) }
        var clashes = ClashCheck()
        for (path, job) in zip(pagePaths, renderJobs) { clashes.add(path, owner: { job.owner(site) }) }
        if !clashes.errors.isEmpty { throw BuildFailure(clashes.errors) }

        let session: OutputWriter.Session
        do { session = try writer.begin(ledger: memory?.ledger) } catch { throw BuildFailure([error]) }
        let output = writer.outputDirectory
        let compression = precompress ? site.settings.compression : Precompression(gzip: false, brotli: false)
        let compressor = Precompressor(settings: compression, session: session)
        // Pages whose context and templates are those of the last build are not rendered again:
        // their file is already in the output. Likewise a language's search index.
        let cache: RenderCache
        let searchCache: SearchCache
        if session.isFresh {
            (cache, searchCache) = (RenderCache(), SearchCache())
        } else if let memory {
            (cache, searchCache) = (memory.theme == theme.digest ? memory.pages : RenderCache(), memory.search)
        } else {
            (cache, searchCache) = (
                RenderCache.load(output: output, theme: theme.digest), SearchCache.load(output: output)
            )
        }
        siteKeyMade.wait()
        let siteKey = siteKeyBox.withLock { $0 }
        let verify = verifyInputKeys

        // The feeds, sitemap, export, calendar and search indexes are made on the same threads
        // as the pages, first in the queue: the indexes are the longest single tasks.
        let terms = memory.map { SearchTermStore(kept: session.isFresh ? [:] : $0.searchIndexes) }
        let export = memory.map { Handover($0.export) }
        let bySiteKey = memory.map { Handover(session.isFresh ? [:] : $0.bySiteKey) }
        let generators = Self.Generator.all(
            site: site, searchCache: searchCache, output: output, reuse: !session.isFresh,
            cacheWrites: cacheWrites, terms: terms, export: export, bySiteKey: bySiteKey, siteKey: siteKey)
        let work = generators.indices.map(Work.generate) + renderJobs.indices.map(Work.render)
        let results = ParallelMap.map(work, jobs: jobs, state: { PageContext(site: site, theme: theme, menus: menus) })
        {
            (context: inout PageContext, item: Work) -> WorkResult in
            switch item {
            case .generate(let index): return .generated(generators[index].make())
            case .render(let index):
                let job = renderJobs[index]
                let language = job.language(site)
                return .rendered(
                    Self.render(
                        job, to: pagePaths[index], context: &context, library: specialised[language]!, cache: cache,
                        session: session, compressor: compressor, siteKey: siteKey, verify: verify))
            }
        }

        var others: [OutputFile] = []
        var kept: [String] = []
        var nextSearch = SearchCache()
        var failures: [any PortalError] = []
        var nextPages = RenderCache()
        var mismatches: [String] = []
        for (item, result) in zip(work, results) {
            switch (item, result) {
            case (.generate(let index), .generated(let made)):
                let generator = generators[index]
                switch made {
                case .failed(let error): failures.append(error)
                case .files(let files):
                    others += files
                    for file in files {
                        for path in [file.path] + compression.candidatePaths(for: file.path, size: file.size ?? 0) {
                            clashes.add(path, owner: { generator.owner(path) })
                        }
                    }
                    if let search = generator.search {
                        nextSearch.languages[search.language] = SearchCache.Entry(
                            digest: search.digest.value, files: files.map { ($0.path, $0.size ?? -1) })
                    }
                case .partly(let files, let keptFiles):
                    others += files
                    kept += keptFiles.map(\.path)
                    for (path, size) in files.map({ ($0.path, $0.size ?? 0) }) + keptFiles {
                        for path in [path] + compression.candidatePaths(for: path, size: size) {
                            clashes.add(path, owner: { generator.owner(path) })
                        }
                    }
                    if let search = generator.search {
                        nextSearch.languages[search.language] = SearchCache.Entry(
                            digest: search.digest.value, files: files.map { ($0.path, $0.size ?? -1) } + keptFiles)
                    }
                case .kept(let paths):
                    kept += paths
                    for path in paths {
                        let size = FileIO.regularSize("\(output)/\(path)") ?? 0
                        for path in [path] + compression.candidatePaths(for: path, size: size) {
                            clashes.add(path, owner: { generator.owner(path) })
                        }
                    }
                    if let search = generator.search {
                        nextSearch.languages[search.language] = searchCache.languages[search.language]
                    }
                }
            case (.render(let index), .rendered(let page)):
                if let error = page.error { failures.append(error) }
                if page.inputKeyMisled { mismatches.append(pagePaths[index]) }
                for path in compression.candidatePaths(for: pagePaths[index], size: page.entry.size) {
                    clashes.add(path, owner: { renderJobs[index].owner(site) })
                }
                nextPages.pages[pagePaths[index]] = page.entry
            default: preconditionFailure("a result of another kind of work")
            }
        }
        // A photo's files whose key is the one the published file was made with are kept as
        // they are (a hard link), without reading either.
        let published = session.isFresh ? [:] : PhotoStage.published(output: output)
        var photoFiles: [(OutputFile, String)] = []
        for (file, cachePath) in site.photos.files {
            let owner = "Content/\(file.path)"
            if published[file.path] == file.key, FileIO.regularSize("\(output)/\(file.path)") == file.size {
                kept.append(file.path)
                clashes.add(file.path, owner: { owner })
            } else {
                photoFiles.append((OutputFile(path: file.path, body: .copy(from: cachePath)), owner))
            }
        }
        let files =
            theme.fingerprints.files.map { ($0, "the theme's \($0.path)") }
            + media.map { (OutputFile(path: $0.path, body: .copy(from: $0.diskPath)), "Content/\($0.path)") }
            + photoFiles
        for (file, owner) in files {
            for path in [file.path] + compression.candidatePaths(for: file.path, size: file.size ?? 0) {
                clashes.add(path, owner: { owner })
            }
        }
        others += files.map(\.0)
        if !clashes.errors.isEmpty || !failures.isEmpty {
            session.abort()
            throw BuildFailure(clashes.errors.isEmpty ? Array(failures.prefix(1)) : clashes.errors)
        }

        let writeFailures = ParallelMap.map(others, jobs: jobs) { file -> OutputError? in
            do throws(OutputError) {
                try session.write(file)
                try compressor.wrote(file)
                return nil
            } catch { return error }
        }
        let keepFailures = ParallelMap.map(kept, jobs: jobs) { path -> OutputError? in
            session.keep(path)
            do throws(OutputError) {
                try compressor.kept(path)
                return nil
            } catch { return error }
        }
        if let failure = (writeFailures + keepFailures).compactMap({ $0 }).first {
            session.abort()
            throw BuildFailure([failure])
        }
        // The caches that describe the output go before it changes and come back after: a build
        // stopped in between leaves none, and the next build renders everything (a stale one
        // could keep a file from the wrong build).
        if memory == nil {
            unlink(RenderCache.path(for: output))
            unlink(RenderCache.path(for: output, kind: "search"))
        }
        PhotoStage.forgetPublished(output: output)
        compressor.removeIndex()
        let report: OutputWriter.Report
        do {
            report = try session.commit(
                paths: Set(pagePaths + others.map(\.path) + kept + compressor.paths), durable: durable)
        } catch {
            throw BuildFailure([error])
        }
        PhotoStage.savePublished(site.photos, output: output)
        compressor.save()
        if let terms {
            return (
                report, mismatches,
                Memory(
                    theme: theme.digest, pages: nextPages, search: nextSearch, searchIndexes: terms.next,
                    ledger: memory?.ledger ?? OutputLedger(), export: export?.value ?? [:],
                    bySiteKey: bySiteKey?.value ?? [:], libraries: nextLibraries)
            )
        }
        nextPages.save(output: output, theme: theme.digest)
        nextSearch.save(output: output)
        return (report, mismatches, nil)
    }

    /// What became of one page.
    private struct RenderedPage: Sendable {
        var error: OutputError?
        var entry: RenderCache.Entry
        /// With `verify`: the input key matched the last build's, but the context did not.
        var inputKeyMisled = false
    }

    /// Renders one page and writes it, unless its context and templates are those the output's
    /// file was rendered from. A page whose `InputKey` is the last build's is known to be so
    /// without building its context.
    private static func render(
        _ job: RenderJob, to path: String, context: inout PageContext, library: TemplateLibrary, cache: RenderCache,
        session: OutputWriter.Session, compressor: Precompressor, siteKey: String, verify: Bool
    ) -> RenderedPage {
        let constants = context.constants[job.language(context.site)]!
        let inputKey = InputKey.page(job, path: path, site: context.site, siteKey: siteKey, constants: constants)
        let cached = cache.pages[path]
        let isOnDisk = { cached.map { session.holds(path, size: $0.size) } ?? false }
        var misled = false
        // With `verify`, a page kept by its key is also built and digested, once, for the check.
        var built: (layout: String, values: [String: Any], key: String)?
        if let inputKey, let cached, cached.inputKey == inputKey, isOnDisk() {
            if verify {
                let (layout, values) = context.render(job)
                built = (layout, values, Self.digest(layout, values, constants))
            }
            if built == nil || built?.key == cached.digest {
                session.keep(path)
                do throws(OutputError) { try compressor.kept(path) } catch {
                    return RenderedPage(error: error, entry: cached)
                }
                return RenderedPage(entry: cached)
            }
            misled = true
        }
        if built == nil {
            let (layout, values) = context.render(job)
            built = (layout, values, Self.digest(layout, values, constants))
        }
        let (layout, values, key) = built!
        if let cached, cached.digest == key, isOnDisk() {
            session.keep(path)
            do throws(OutputError) { try compressor.kept(path) } catch {
                return RenderedPage(error: error, entry: cached)
            }
            return RenderedPage(
                entry: RenderCache.Entry(digest: key, size: cached.size, inputKey: inputKey ?? "-"),
                inputKeyMisled: misled)
        }
        let html = library.render(.context(values, shared: constants.values), template: layout) ?? ""
        do throws(OutputError) {
            let file = OutputFile(path: path, body: .text(html))
            try session.write(file)
            try compressor.wrote(file)
            return RenderedPage(
                entry: RenderCache.Entry(digest: key, size: html.utf8.count, inputKey: inputKey ?? "-"),
                inputKeyMisled: misled)
        } catch { return RenderedPage(error: error, entry: RenderCache.Entry(digest: "", size: 0)) }
    }

    private static func digest(
        _ layout: String, _ values: [String: Any], _ constants: PageContext.LanguageConstants
    ) -> String {
        var digest = ContextDigest()
        digest.add(layout)
        digest.add(values, constants: constants)
        return digest.finish()
    }

    private enum Work: Sendable {
        case generate(Int)
        case render(Int)
    }

    private enum WorkResult: Sendable {
        case generated(Generated)
        case rendered(RenderedPage)
    }

    private func resolveMenus(errors: inout [any PortalError]) -> [String: [PageContext.ResolvedMenuItem]] {
        var menus: [String: [PageContext.ResolvedMenuItem]] = [:]
        let base = site.base
        let graph = site.graph
        for language in site.settings.languages {
            menus[language.code] = language.menu.compactMap { item in
                switch item.target {
                case .page(let path):
                    let contentPath = "\(language.code)/\(TextInput.nfc(path))"
                    let candidates = [
                        contentPath, contentPath.replacingOccurrences(of: "/index.md", with: "/_index.md"),
                    ]
                    guard let page = candidates.lazy.compactMap({ graph.page(contentPath: $0) }).first else {
                        errors.append(SiteError.menuTarget(path: path, language: language.code, item.location))
                        return nil
                    }
                    return .init(name: item.name, href: base.sitePath(page.url), url: page.url, isExternal: false)
                case .url(let url):
                    if url.hasPrefix("/") {
                        let path = String(url.dropFirst())
                        return .init(name: item.name, href: base.sitePath(path), url: path, isExternal: false)
                    }
                    return .init(name: item.name, href: url, url: nil, isExternal: true)
                }
            }
        }
        return menus
    }
}

extension RenderJob {
    /// The layout every theme needs for this kind of page (characteristic and agency pages fall
    /// back to `term`).
    var layout: String {
        switch self {
        case .page: "page"
        case .taxonomy: "taxonomy"
        case .term: "term"
        case .alias: "alias"
        case .notFound: "404"
        case .plan(let page, _):
            switch page {
            case .index: "plans"
            case .overview: "plan"
            case .progress: "progress"
            case .task: "task"
            case .legacyTask: "alias"
            }
        case .search: "search"
        }
    }

    func outputPath(_ site: Site) -> String {
        switch self {
        case .page(let index, let number): Paginator.path(site.graph.pages[index].url, number: number) + "index.html"
        case .taxonomy(let kind, let language): site.taxonomyPath(kind, language) + "index.html"
        case .term(let kind, let language, let key, let number):
            Paginator.path(site.termPath(site.taxonomies.term(kind, language, key: key)!), number: number)
                + "index.html"
        case .alias(let path, _): path
        case .notFound(let language): PageContext.notFoundPath(site.language(language))
        case .plan(let page, let language): site.path(page, language) + "index.html"
        case .search(let language): site.searchPath(language) + "index.html"
        }
    }

    /// The language of the page the job makes.
    func language(_ site: Site) -> String {
        switch self {
        case .page(let index, _): site.graph.pages[index].language
        case .alias(_, let target): site.graph.pages[target].language
        case .taxonomy(_, let language), .term(_, let language, _, _), .notFound(let language), .plan(_, let language),
            .search(let language):
            language
        }
    }

    /// Who makes the file, for the message when two make the same one.
    func owner(_ site: Site) -> String {
        switch self {
        case .page(let index, let number):
            site.graph.pages[index].displayPath + (number > 1 ? " (listing page \(number))" : "")
        case .taxonomy(let kind, let language): "the \(kind.rawValue) index of `\(language)`"
        case .term(let kind, let language, let key, _): "the \(kind.rawValue) term `\(key)` of `\(language)`"
        case .alias(_, let target): "an alias of \(site.graph.pages[target].displayPath)"
        case .notFound(let language): "the 404 page of `\(language)`"
        case .plan(let page, let language): "the action plans' page `\(site.path(page, language))` of `\(language)`"
        case .search(let language): "the search page of `\(language)`"
        }
    }
}
