import Foundation

/// Renders every page through the theme and lists every file of the site: pages, listings,
/// taxonomies, redirects, feeds, sitemap, the JSON export, assets and media.
struct RenderStage {
    let site: Site
    let theme: Theme
    let media: [(path: String, diskPath: String)]

    /// Renders and writes the site through `writer`: pages are written as they render, so a
    /// build never holds every page in memory at once.
    func run(jobs: Int, writer: OutputWriter) throws(BuildFailure) -> OutputWriter.Report {
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

        let context = PageContext(site: site, theme: theme, menus: menus)
        let theme = self.theme
        let site = self.site
        let renderJobs = RenderJob.all(site)
        // Layouts the data calls for (the plan's, say) must exist: a missing one would render "".
        for layout in Set(renderJobs.map(\.layout)).sorted() where !theme.hasLayout(layout) {
            errors.append(ThemeError.missingLayout(layout, directory: "\(theme.directory)/layouts"))
        }
        if !errors.isEmpty { throw BuildFailure(errors) }

        var others =
            Feeds(site: site).files() + Sitemap(site: site).files() + JSONExport(site: site).files()
            + ICalendar(site: site).files() + SearchIndex(site: site).files(jobs: jobs)
        var owners = others.map(\.path)
        if let banner = site.banner {
            let kitFiles: [OutputFile]
            do { kitFiles = try banner.kit.files(banner.artworks) } catch { throw BuildFailure([error]) }
            others += kitFiles
            owners += kitFiles.map { "the banner kit's \($0.path)" }
        }
        others += theme.fingerprints.files
        owners += theme.fingerprints.files.map { "the theme's \($0.path)" }
        others += media.map { OutputFile(path: $0.path, body: .copy(from: $0.diskPath)) }
        owners += media.map { "Content/\($0.path)" }

        // Two things writing one file (a page slug `assets`, an alias over a page) would
        // silently lose one: every path is known before anything is written.
        let paths = renderJobs.map { $0.outputPath(site) } + others.map(\.path)
        var seen: [String: String] = [:]
        for (path, owner) in zip(paths, renderJobs.map { $0.owner(site) } + owners) {
            if let first = seen[path] {
                errors.append(OutputError.clash(path: path, first: first, second: owner))
            } else {
                seen[path] = owner
            }
        }
        if !errors.isEmpty { throw BuildFailure(errors) }

        let session: OutputWriter.Session
        do { session = try writer.begin() } catch { throw BuildFailure([error]) }
        // Pages whose context and templates are those of the last build are not rendered again:
        // their file is already in the output.
        let cacheKey = [RenderCache.version, RenderCache.executable, theme.digest].joined(separator: "|")
        let cache = session.isFresh ? RenderCache() : RenderCache.load(output: writer.outputDirectory, key: cacheKey)
        let output = writer.outputDirectory
        let rendered = ParallelMap.map(renderJobs, jobs: jobs) { job -> (OutputError?, RenderCache.Entry) in
            let (layout, values) = context.render(job)
            var digest = ContextDigest()
            digest.add(layout)
            digest.add(values)
            let key = digest.finish()
            let path = job.outputPath(site)
            if let entry = cache.pages[path], entry.digest == key, FileIO.size("\(output)/\(path)") == entry.size {
                session.keep(path)
                return (nil, entry)
            }
            let html = theme.render(values, layout: layout)
            do throws(OutputError) {
                try session.write(OutputFile(path: path, body: .text(html)))
                return (nil, RenderCache.Entry(digest: key, size: html.utf8.count))
            } catch { return (error, RenderCache.Entry(digest: "", size: 0)) }
        }
        let pageFailures = rendered.map(\.0)
        let otherFailures = ParallelMap.map(others, jobs: jobs) { file -> OutputError? in
            do throws(OutputError) {
                try session.write(file)
                return nil
            } catch { return error }
        }
        if let failure = (pageFailures + otherFailures).compactMap({ $0 }).first {
            session.abort()
            throw BuildFailure([failure])
        }
        let report: OutputWriter.Report
        do { report = try session.commit(paths: Set(paths)) } catch { throw BuildFailure([error]) }
        var next = RenderCache()
        for (job, result) in zip(renderJobs, rendered) { next.pages[job.outputPath(site)] = result.1 }
        next.save(output: output, key: cacheKey)
        return report
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
        case .plan: "plan"
        case .task: "task"
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
        case .plan(let language): site.planPath(language) + "index.html"
        case .task(let id, let language): site.taskPath(id, language) + "index.html"
        case .search(let language): site.searchPath(language) + "index.html"
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
        case .plan(let language): "the action plan's page of `\(language)`"
        case .task(let id, let language): "the page of task `\(id)` of `\(language)`"
        case .search(let language): "the search page of `\(language)`"
        }
    }
}
