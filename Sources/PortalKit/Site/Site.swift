import Foundation

/// Everything the renderers read: the pages, their rendered Markdown, the structured data and
/// the taxonomies built from them.
struct Site: Sendable {
    let graph: SiteGraph
    let catalog: Catalog
    let taxonomies: Taxonomies
    let bodies: [RenderedMarkdown?]
    /// A digest of each body's HTML, made once (on all threads) for the caches that need one:
    /// the input keys, the search index's documents and its inputs. Empty until set.
    var bodyDigests: [String] = []
    /// The moment the site is built for (`--now`).
    let now: Date
    /// This year's banner kit, when site.yml has `banner:`.
    var banner: BannerOnSite? = nil
    /// The processed photos of media/ (PhotoStage): the page's image and its sharing image.
    var photos = PhotoSet()

    var settings: SiteSettings { graph.settings }
    var base: BaseURL { graph.settings.baseURL }

    func language(_ code: String) -> SiteSettings.Language { settings.language(code)! }

    /// The digest of page `index`'s HTML ("-" when it has no body).
    func bodyDigest(_ index: Int) -> String {
        index < bodyDigests.count ? bodyDigests[index] : Self.digest(bodies[index])
    }

    static func digest(_ body: RenderedMarkdown?) -> String { body.map { FieldDigest.of([$0.html]) } ?? "-" }

    /// Midnight of `now`'s day in Viet Nam.
    var startOfToday: Date { VietnamTime.calendar.startOfDay(for: now) }

    /// Regular pages with a date: what feeds, listings of news and the JSON export carry.
    func posts(_ language: String) -> [Int] {
        SiteGraph.listingOrder(
            graph.pages.indices.filter {
                graph.pages[$0].kind == .page && graph.pages[$0].language == language && graph.pages[$0].date != nil
            }, graph.pages)
    }

    /// The pages listed by a home or section page: a section's own pages, or the home page's
    /// latest posts.
    func listed(by page: Page) -> [Int] {
        switch page.kind {
        case .home: Array(posts(page.language).prefix(settings.paginate))
        case .section: graph.sectionChildren[SiteGraph.sectionKey(page.language, page.folder)] ?? []
        case .page: []
        }
    }

    /// Every regular page in a section and its subsections, in listing order (for its feeds).
    func descendants(of page: Page) -> [Int] {
        if page.kind == .home { return posts(page.language) }
        let prefix = page.folder + "/"
        return SiteGraph.listingOrder(
            graph.pages.indices.filter {
                let other = graph.pages[$0]
                return other.kind == .page && other.language == page.language && other.date != nil
                    && (other.folder == page.folder || other.folder.hasPrefix(prefix))
            }, graph.pages)
    }

    /// Listing pages a home or section page is split into (home pages are never split).
    func pageCount(_ index: Int) -> Int {
        let page = graph.pages[index]
        guard page.kind == .section else { return 1 }
        return Paginator.count(listed(by: page).count, perPage: settings.paginate)
    }

    func taxonomyPath(_ kind: Taxonomy.Kind, _ language: String) -> String {
        let lang = self.language(language)
        return lang.pathPrefix + (lang.taxonomySegments[kind] ?? kind.rawValue) + "/"
    }

    func termPath(_ term: Taxonomy.Term) -> String { taxonomyPath(term.kind, term.language) + term.slug + "/" }

    /// Where a home or section page's feeds are: `tin-tuc/index.xml`, `tin-tuc/atom.xml`.
    func feedPaths(_ page: Page) -> (rss: String, atom: String) { (page.url + "index.xml", page.url + "atom.xml") }
}

/// Splits listings into pages: page 1 at the listing's URL, the others at `…/page/N/`.
enum Paginator {
    static func count(_ items: Int, perPage: Int) -> Int { max(1, (items + perPage - 1) / perPage) }

    static func path(_ base: String, number: Int) -> String { number == 1 ? base : "\(base)page/\(number)/" }

    static func slice(_ items: [Int], number: Int, perPage: Int) -> ArraySlice<Int> {
        let start = (number - 1) * perPage
        return items[min(start, items.count)..<min(start + perPage, items.count)]
    }
}

/// The July campaign on the site: the year's kit, and whether pages show the banner now.
struct BannerOnSite {
    let kit: BannerKit
    let artworks: [BannerKit.Artwork]
    /// The kit's files: artworks, snippets and zip.
    let files: [OutputFile]
    let isActive: Bool

    /// Makes the kit of `now`'s year and checks the campaign pages exist. The artworks and the
    /// zip come from `cache` when its key is this kit's; the second value is the cache for the
    /// next build (the same one when nothing was drawn).
    static func make(
        settings: SiteSettings, graph: SiteGraph, theme: Theme, now: Date, cache: BannerCache = BannerCache()
    )
        throws(BuildFailure) -> (banner: BannerOnSite?, cache: BannerCache)
    {
        guard let banner = settings.banner else { return (nil, cache) }
        guard let template = theme.bannerTemplate else {
            throw BuildFailure([BannerError.missingTemplate("\(theme.directory)/banner/banner.svg.mustache")])
        }
        var pages: [String: String] = [:]
        var errors: [any PortalError] = []
        for language in settings.languages {
            let path = banner.page(language.code)
            if let page = graph.page(contentPath: "\(language.code)/\(TextInput.nfc(path))") {
                pages[language.code] = page.url
            } else {
                errors.append(BannerError.missingPage(path, language: language.code, banner.location))
            }
        }
        if !errors.isEmpty { throw BuildFailure(errors) }
        let kit = BannerKit(
            settings: banner, year: VietnamTime.parts(now).year, languages: settings.languages, base: settings.baseURL,
            campaignPages: pages, template: template)
        let key = kit.cacheKey(templateText: theme.bannerText ?? "")
        let known = cache.drawings(for: key)
        let artworks = try kit.artworks(drawn: known)
        let (files, zip): ([OutputFile], Data)
        do throws(BannerError) { (files, zip) = try kit.files(artworks, zip: known == nil ? nil : cache.zip) } catch {
            throw BuildFailure([error])
        }
        let next = known == nil ? BannerCache(key: key, drawn: artworks.map { ($0.svg, $0.png) }, zip: zip) : cache
        return (
            BannerOnSite(kit: kit, artworks: artworks, files: files, isActive: banner.isActive(at: now)), next
        )
    }

    /// Whether `page` is a campaign page.
    func isCampaign(_ page: Page) -> Bool { kit.campaignPages[page.language] == page.url }
}
