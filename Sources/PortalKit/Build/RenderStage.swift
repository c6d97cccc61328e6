import Foundation

/// Renders every page through the theme and lists every file of the site.
struct RenderStage {
    let graph: SiteGraph
    let theme: Theme
    let bodies: [RenderedMarkdown?]
    let media: [(path: String, diskPath: String)]

    func run(jobs: Int) throws(BuildFailure) -> [OutputFile] {
        var errors: [any PortalError] = []
        let menus = resolveMenus(errors: &errors)
        // A `layout:` the theme lacks fails before anything renders.
        for page in graph.pages {
            if let layout = page.source?.frontMatter.layout, !theme.hasLayout(layout) {
                errors.append(
                    ThemeError.unknownLayout(
                        layout, page.source?.frontMatter.locations["layout"] ?? SourceLocation(file: page.displayPath)))
            }
        }
        if !errors.isEmpty { throw BuildFailure(errors) }

        let context = PageContext(graph: graph, theme: theme, bodies: bodies, menus: menus)
        let theme = self.theme
        let graph = self.graph
        var files = ParallelMap.map(Array(graph.pages.indices), jobs: jobs) { index -> OutputFile in
            let page = graph.pages[index]
            let layout = page.source?.frontMatter.layout ?? page.kind.rawValue
            return OutputFile(path: page.outputPath, body: .text(theme.render(context.page(index), layout: layout)))
        }
        for language in graph.settings.languages {
            files.append(
                OutputFile(
                    path: PageContext.notFoundPath(language),
                    body: .text(theme.render(context.notFound(language: language), layout: "404"))))
        }
        files += theme.assets.map { OutputFile(path: $0.path, body: .copy(from: $0.diskPath)) }
        files += media.map { OutputFile(path: $0.path, body: .copy(from: $0.diskPath)) }

        // Two things writing one file (a page slug `assets`, say) would silently lose one.
        var owners: [String: String] = [:]
        for (index, file) in files.enumerated() {
            let owner = index < graph.pages.count ? graph.pages[index].displayPath : file.path
            if let first = owners[file.path] {
                errors.append(OutputError.clash(path: file.path, first: first, second: owner))
            }
            owners[file.path] = owner
        }
        if !errors.isEmpty { throw BuildFailure(errors) }
        return files
    }

    private func resolveMenus(errors: inout [any PortalError]) -> [String: [PageContext.ResolvedMenuItem]] {
        var menus: [String: [PageContext.ResolvedMenuItem]] = [:]
        let base = graph.settings.baseURL
        for language in graph.settings.languages {
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
