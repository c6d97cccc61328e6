import Foundation

/// Turns every page's Markdown into HTML, rewriting links, and checks `#fragments` once all
/// headings are known.
struct MarkdownStage {
    let graph: SiteGraph
    let media: [(path: String, diskPath: String)]
    let jobs: Int
    /// What the last build rendered; empty for a clean build.
    var cache = MarkdownCache()
    /// The processed photos: an image of one becomes a `<picture>` with its sizes.
    var photos = PhotoSet()
    /// The theme's `sizes` for images in a page's body.
    var imageSizes = Theme.defaultImageSizes
    /// `--strict`: an image without alt text is an error.
    var strictAltText = false
    /// A resident process: each page's result is kept with the cache (`MarkdownCache.results`).
    var resident = false

    /// The bodies, and the cache for the next build.
    func run(warnings: WarningLog) throws(BuildFailure) -> (bodies: [RenderedMarkdown?], cache: MarkdownCache) {
        let (bodies, errors, next) = render(warnings: warnings)
        if !errors.isEmpty { throw BuildFailure(errors) }
        return (bodies, next)
    }

    /// One page's Markdown: its HTML, what its links found, and its cache entry (nil for pages
    /// without a file), reused or made by this build.
    struct PageResult: Sendable {
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
        var made = LinkResolver(graph: graph, mediaFiles: Set(media.map(\.path)))
        made.photos = photos
        let resolver = made
        let base = graph.settings.baseURL
        let sizes = imageSizes
        // What a link's HTML follows from, for the cache's check: its address, and for a photo
        // its files and the theme's sizes.
        @Sendable func cacheForm(_ link: MarkdownLink, _ rewritten: String, _ page: Page) -> String {
            guard link.isImage, !rewritten.isEmpty, let photo = resolver.photo(link, from: page) else {
                return rewritten
            }
            return rewritten + "\u{1}" + photo.signature + "\u{1}" + sizes
        }
        let allowRawHTML = graph.settings.allowRawHTML
        let graph = self.graph
        let cache = self.cache
        let links = resident ? linkContext(allowRawHTML: allowRawHTML) : ""
        let results = ParallelMap.map(Array(graph.pages.indices), jobs: jobs) { index -> PageResult in
            let page = graph.pages[index]
            var outcome = LinkResolver.Outcome()
            guard let source = page.source else { return PageResult(outcome: outcome) }
            // The file's page as the last build rendered it, where everything its links lead to
            // is as it was: the same result, its warnings included.
            let known = resident ? cache.results[source.source.diskPath] : nil
            if let known, known.page === source, known.links == links {
                var result = known.result
                result.reused = true
                return result
            }
            // The same file's body has the key it had, unless raw HTML was turned on or off.
            let key =
                if let known, known.page === source, known.allowRawHTML == allowRawHTML, let key = known.result.key {
                    key
                } else {
                    MarkdownCache.key(source.body, firstLine: source.bodyFirstLine, allowRawHTML: allowRawHTML)
                }
            if let entry = cache.entries[key],
                entry.links.allSatisfy({
                    cacheForm($0.link, resolver.resolve($0.link, from: page, into: &outcome), page) == $0.rewritten
                })
            {
                return PageResult(body: entry.rendered, outcome: outcome, key: key, entry: entry, reused: true)
            }
            outcome = LinkResolver.Outcome()
            var links: [(link: MarkdownLink, rewritten: String)] = []
            let rendered = MarkdownRenderer.render(
                source.body, allowRawHTML: allowRawHTML, firstLine: source.bodyFirstLine,
                rewrite: { link in
                    let rewritten = resolver.resolve(link, from: page, into: &outcome)
                    links.append((link, cacheForm(link, rewritten, page)))
                    return rewritten
                },
                picture: { link in
                    resolver.photo(link, from: page)?.html(alt: link.altText, base: base, sizes: sizes, lead: false)
                })
            return PageResult(
                body: rendered, outcome: outcome, key: key,
                entry: MarkdownCache.Entry(links: links, rendered: rendered), reused: false)
        }
        // The next build's cache holds this build's bodies (and which it made).
        var next = MarkdownCache()
        next.pageKeys = results.map(\.key)
        if resident {
            for (page, result) in zip(graph.pages, results) where result.key != nil {
                if let source = page.source {
                    next.results[source.source.diskPath] = (source, allowRawHTML, links, result)
                }
            }
        }
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
            var missingAlt = result.outcome.missingAlt
            if let matter = page.source?.frontMatter, matter.image != nil,
                (matter.imageAlt ?? "").trimmingCharacters(in: .whitespaces).isEmpty
            {
                missingAlt.append(
                    PageImage.missingAlt(matter.locations["image"] ?? SourceLocation(file: page.displayPath)))
            }
            if strictAltText {
                errors += missingAlt.map(AltTextError.init) as [any PortalError]
            } else {
                missingAlt.forEach(warnings.add)
            }
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
                reference.location, LinkMessages.unknownFragment(reference.fragment, target: target.displayPath),
                help: LinkMessages.unknownFragmentHelp(suggestion: suggestion))
        }
        return (bodies, errors, next)
    }

    /// A digest of everything a page's links are resolved against besides the page's own file:
    /// every page's file and address, the pages left out and why, the media files, the photos,
    /// the site's address, and how the body is rendered (raw HTML, the theme's image sizes).
    private func linkContext(allowRawHTML: Bool) -> String {
        var digest = FieldDigest()
        digest.add(graph.settings.baseURL.string)
        digest.add("\(allowRawHTML)")
        digest.add(imageSizes)
        digest.add(photos.digest)
        for page in graph.pages {
            digest.add(page.contentPath)
            digest.add(page.displayPath)
            digest.add(page.url)
        }
        for (path, reason) in graph.excluded.sorted(by: { $0.key < $1.key }) {
            digest.add(path)
            digest.add("\(reason)")
        }
        for file in media.map(\.path).sorted() { digest.add(file) }
        return digest.finish()
    }
}
