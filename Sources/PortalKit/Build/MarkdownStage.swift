import Foundation

/// Turns every page's Markdown into HTML, rewriting links, and checks `#fragments` once all
/// headings are known.
struct MarkdownStage {
    let graph: SiteGraph
    let media: [(path: String, diskPath: String)]
    let jobs: Int

    func run(warnings: WarningLog) throws(BuildFailure) -> [RenderedMarkdown?] {
        let (bodies, errors) = render(warnings: warnings)
        if !errors.isEmpty { throw BuildFailure(errors) }
        return bodies
    }

    /// Renders every page, returning the errors instead of stopping at them (`portal check`
    /// reports them all).
    func render(warnings: WarningLog) -> (bodies: [RenderedMarkdown?], errors: [any PortalError]) {
        let resolver = LinkResolver(graph: graph, mediaFiles: Set(media.map(\.path)))
        let allowRawHTML = graph.settings.allowRawHTML
        let graph = self.graph
        let results = ParallelMap.map(Array(graph.pages.indices), jobs: jobs) { index in
            let page = graph.pages[index]
            var outcome = LinkResolver.Outcome()
            guard let source = page.source else { return (RenderedMarkdown?.none, outcome) }
            let rendered = MarkdownRenderer.render(
                source.body, allowRawHTML: allowRawHTML, firstLine: source.bodyFirstLine
            ) { link in
                resolver.resolve(link, from: page, into: &outcome)
            }
            return (rendered, outcome)
        }

        var errors: [any PortalError] = []
        var fragments: [LinkResolver.FragmentReference] = []
        for (_, outcome) in results {
            errors += outcome.errors as [any PortalError]
            outcome.warnings.forEach(warnings.add)
            fragments += outcome.fragments
        }

        let bodies = results.map(\.0)
        for reference in fragments {
            guard let index = graph.indexByContentPath[reference.targetContentPath] else { continue }
            let ids = Set(bodies[index]?.headings.map(\.id) ?? [])
            // cmark's footnotes carry their own ids (fn-1, fnref-1).
            if ids.contains(reference.fragment) || reference.fragment.hasPrefix("fn") { continue }
            let target = graph.pages[index]
            let suggestion = Suggestion.closest(to: reference.fragment, among: ids.sorted())
            warnings.warn(
                reference.location, "`#\(reference.fragment)` is not a heading of \(target.displayPath)",
                help: suggestion.map { "did you mean `#\($0)`?" }
                    ?? "heading ids are the heading text folded like slugs")
        }
        return (bodies, errors)
    }
}
