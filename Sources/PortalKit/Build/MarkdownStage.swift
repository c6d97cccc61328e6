import Foundation

/// Turns every page's Markdown into HTML, rewriting links, and checks `#fragments` once all
/// headings are known.
struct MarkdownStage {
    let graph: SiteGraph
    let media: [(path: String, diskPath: String)]
    let jobs: Int
    /// What the last build rendered; empty for a clean build.
    var cache = MarkdownCache()

    /// The bodies, and the cache for the next build.
    func run(warnings: WarningLog) throws(BuildFailure) -> (bodies: [RenderedMarkdown?], cache: MarkdownCache) {
        let (bodies, errors, next) = render(warnings: warnings)
        if !errors.isEmpty { throw BuildFailure(errors) }
        return (bodies, next)
    }

    /// One page's Markdown: its HTML, what its links found, and its cache entry (nil for pages
    /// without a file), reused or made by this build.
    private struct PageResult: Sendable {
        var body: RenderedMarkdown? = nil
        var outcome: LinkResolver.Outcome
        var key: String? = nil
        var entry: MarkdownCache.Entry? = nil
        var reused = false
    }

    /// Renders every page, returning the errors instead of stopping at them (`portal check`
    /// reports them all).
    func render(warnings: WarningLog) -> (
        bodies: [RenderedMarkdown?], errors: [any PortalError], cache: MarkdownCache
    ) {
        let resolver = LinkResolver(graph: graph, mediaFiles: Set(media.map(\.path)))
        let allowRawHTML = graph.settings.allowRawHTML
        let graph = self.graph
        let cache = self.cache
        let results = ParallelMap.map(Array(graph.pages.indices), jobs: jobs) { index -> PageResult in
            let page = graph.pages[index]
            var outcome = LinkResolver.Outcome()
            guard let source = page.source else { return PageResult(outcome: outcome) }
            let key = MarkdownCache.key(source.body, firstLine: source.bodyFirstLine, allowRawHTML: allowRawHTML)
            if let entry = cache.entries[key],
                entry.links.allSatisfy({ resolver.resolve($0.link, from: page, into: &outcome) == $0.rewritten })
            {
                return PageResult(body: entry.rendered, outcome: outcome, key: key, entry: entry, reused: true)
            }
            outcome = LinkResolver.Outcome()
            var links: [(link: MarkdownLink, rewritten: String)] = []
            let rendered = MarkdownRenderer.render(
                source.body, allowRawHTML: allowRawHTML, firstLine: source.bodyFirstLine
            ) { link in
                let rewritten = resolver.resolve(link, from: page, into: &outcome)
                links.append((link, rewritten))
                return rewritten
            }
            return PageResult(
                body: rendered, outcome: outcome, key: key,
                entry: MarkdownCache.Entry(links: links, rendered: rendered), reused: false)
        }
        // The next build's cache holds this build's bodies (and which it made).
        var next = MarkdownCache()
        for result in results {
            guard let key = result.key, let entry = result.entry else { continue }
            next.entries[key] = entry
            if !result.reused { next.made.insert(key) }
        }

        var errors: [any PortalError] = []
        var fragments: [LinkResolver.FragmentReference] = []
        for (page, result) in zip(graph.pages, results) {
            errors += result.outcome.errors as [any PortalError]
            // The front matter's `image` is published like a link of the page, so it is
            // checked with them (here both `portal build` and `portal check` pass).
            if let source = page.source, let error = PageImage.check(source, mediaFiles: resolver.mediaFiles) {
                errors.append(error)
            }
            result.outcome.warnings.forEach(warnings.add)
            fragments += result.outcome.fragments
        }

        let bodies = results.map(\.body)
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
        return (bodies, errors, next)
    }
}
