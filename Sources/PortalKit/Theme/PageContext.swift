import Foundation

/// Builds the dictionary each template receives, converted to a `TemplateValue` before it
/// renders (`TemplateValue(contextValue:)`; the language's shared part once per language). The
/// keys are the theme API documented in docs/themes.md.
struct PageContext {
    let site: Site
    let theme: Theme
    let menus: [String: [ResolvedMenuItem]]
    /// Per language: the part of every page's context that is the same on all its pages.
    let constants: [String: LanguageConstants]

    /// Not `Sendable` (the constants are template values): each worker thread makes its own.
    init(site: Site, theme: Theme, menus: [String: [ResolvedMenuItem]]) {
        self.site = site
        self.theme = theme
        self.menus = menus
        var constants: [String: LanguageConstants] = [:]
        for language in site.settings.languages {
            constants[language.code] = LanguageConstants(
                Self.languageFields(site: site, theme: theme, language: language))
        }
        self.constants = constants
    }

    /// Keys of the context that hold the same value on every page of a language (no page sets
    /// them again; `PageContextTests` checks): made once per language, and digested once.
    static let constantKeys: Set<String> = [
        "site", "language", "i18n", "asset", "assetsPath", "search", "pillars", "banner",
    ]

    private init(
        site: Site, theme: Theme, menus: [String: [ResolvedMenuItem]], constants: [String: LanguageConstants]
    ) {
        self.site = site
        self.theme = theme
        self.menus = menus
        self.constants = constants
    }

    struct LanguageConstants {
        let fields: [String: Any]
        /// The fields as templates read them, converted once for all the language's pages.
        let values: [String: TemplateValue]
        /// The fields' digest bytes, for `ContextDigest`.
        let digest: String

        init(_ fields: [String: Any]) {
            self.fields = fields
            self.values = fields.mapValues(TemplateValue.init(contextValue:))
            var digest = ContextDigest()
            digest.add(fields)
            self.digest = digest.finish()
        }
    }

    struct ResolvedMenuItem: Sendable {
        var name: String
        var href: String
        /// Path below the base URL when the entry is a page of the site, to mark the current one.
        var url: String?
        var isExternal: Bool
    }

    var settings: SiteSettings { site.settings }
    var base: BaseURL { site.base }

    /// The layout and the context of a job's page.
    func render(_ job: RenderJob) -> (layout: String, context: [String: Any]) {
        switch job {
        case .page(let index, let number): return page(index, number: number)
        case .taxonomy(let kind, let language): return ("taxonomy", taxonomy(kind, language))
        case .term(let kind, let language, let key, let number):
            // Characteristics and agencies have layouts of their own when the theme has them.
            let special = kind == .pillars ? "characteristic" : kind == .agencies ? "agency" : "term"
            return (theme.hasLayout(special) ? special : "term", term(kind, language, key, number))
        case .alias(let path, let target): return ("alias", alias(path, target))
        case .notFound(let language): return ("404", notFound(language))
        case .plan(let page, let language): return planPage(page, language)
        case .search(let language): return ("search", searchPage(language))
        }
    }

    // MARK: Pages of the graph

    private func page(_ index: Int, number: Int) -> (String, [String: Any]) {
        let page = site.graph.pages[index]
        let url = Paginator.path(page.url, number: number)
        let versions = site.graph.translations(of: page).compactMap { other -> (String, String)? in
            let otherIndex = site.graph.indexByContentPath[other.contentPath]!
            return number <= site.pageCount(otherIndex)
                ? (other.language, Paginator.path(other.url, number: number)) : nil
        }
        var context = common(language: page.language, url: url, currentURL: page.url, versions: versions)
        var fields = pageFields(page, body: site.bodies[index])
        fields["url"] = base.sitePath(url)
        fields["permalink"] = base.absolute(url)
        context["page"] = fields
        context["languageSwitch"] = languageSwitch(from: page.language, versions: versions)
        context["og"] = openGraph(page: page, url: url, versions: versions)
        if page.kind != .page {
            let feeds = site.feedPaths(page)
            context["feeds"] = feedLinks(
                rss: feeds.rss, atom: feeds.atom, title: page.kind == .home ? nil : page.title, language: page.language)
            let items = site.listed(by: page)
            if page.kind == .home {
                context["listing"] = listing(items[...])
            } else {
                context["listing"] = listing(Paginator.slice(items, number: number, perPage: settings.paginate))
                context["pagination"] = pagination(base: page.url, number: number, total: site.pageCount(index))
            }
        }
        if page.kind == .page, let agencyID = page.frontMatter.agency, let agency = site.catalog.agencies?[agencyID] {
            fields["agency"] = agencyLink(agency, language: page.language)
            context["page"] = fields
        }
        if page.kind == .page, let pillarID = page.frontMatter.pillar, let pillar = site.catalog.plan?.pillar(pillarID)
        {
            fields["pillar"] = [
                "id": pillar.id, "name": pillar.name(page.language),
                "url": base.sitePath(site.taxonomyPath(.pillars, page.language) + pillar.id + "/"),
            ]
            context["page"] = fields
        }
        var layout = page.source?.frontMatter.layout ?? page.kind.rawValue
        if let banner = site.banner, banner.isCampaign(page) {
            context["kit"] = banner.kit.context(banner.artworks, language: page.language)
            if page.source?.frontMatter.layout == nil, theme.hasLayout("campaign") { layout = "campaign" }
        }
        return (layout, context)
    }

    func pageFields(_ page: Page, body: RenderedMarkdown?) -> [String: Any] {
        let matter = page.frontMatter
        let tags = matter.tags.compactMap { tag -> [String: Any]? in
            guard let term = site.taxonomies.tag(tag, page.language) else { return nil }
            return ["name": tag, "url": base.sitePath(site.termPath(term))]
        }
        var fields: [String: Any] = [
            "title": page.title, "kind": page.kind.rawValue, "isHome": page.kind == .home,
            "isSection": page.kind == .section, "isPage": page.kind == .page,
            "url": base.sitePath(page.url), "permalink": base.absolute(page.url),
            "content": body?.html ?? "", "hasContent": !(body?.html.isEmpty ?? true),
            "tags": tags, "hasTags": !tags.isEmpty,
        ]
        if let summary = matter.summary, !summary.isEmpty { fields["summary"] = summary }
        if let date = page.date { fields["date"] = dateFields(date, language: page.language) }
        // The section a page belongs to, for breadcrumbs.
        if page.kind == .page, !page.folder.isEmpty,
            let section = site.graph.page(contentPath: "\(page.language)/\(page.folder)/_index.md")
        {
            fields["section"] = ["title": section.title, "url": base.sitePath(section.url)]
        }
        if let image = matter.image,
            let url = PageImage.url(
                image, file: page.source?.source.contentPath ?? page.contentPath, base: base, absolute: false,
                photos: site.photos)
        {
            fields["image"] = url
            fields["imageAlt"] = matter.imageAlt ?? ""
            // A photo of media/: its `<picture>` with every size, loaded first (the lead image).
            if let photo = PageImage.photo(
                image, file: page.source?.source.contentPath ?? page.contentPath, in: site.photos)
            {
                fields["picture"] = photo.html(
                    alt: matter.imageAlt ?? "", base: base, sizes: theme.imageSizes, lead: true)
            }
        }
        return fields
    }

    func dateFields(_ date: Date, language: String) -> [String: Any] {
        [
            "iso": VietnamTime.iso8601(date), "long": DateText.long(date, language: language),
            "short": DateText.short(date, language: language), "weekday": DateText.weekday(date, language: language),
        ]
    }

    /// A listed page as listings show it.
    func item(_ index: Int) -> [String: Any] {
        let page = site.graph.pages[index]
        var item: [String: Any] = ["title": page.title, "url": base.sitePath(page.url)]
        if let summary = page.frontMatter.summary, !summary.isEmpty { item["summary"] = summary }
        if let date = page.date { item["date"] = dateFields(date, language: page.language) }
        return item
    }

    private func listing(_ indices: ArraySlice<Int>) -> [String: Any] {
        let items = indices.map(item)
        return ["pages": items, "hasPages": !items.isEmpty]
    }

    private func pagination(base url: String, number: Int, total: Int) -> [String: Any] {
        var fields: [String: Any] = [
            "current": number, "total": total, "isPaginated": total > 1, "isLater": number > 1,
            "pages": (1...total).map { n -> [String: Any] in
                ["number": n, "url": base.sitePath(Paginator.path(url, number: n)), "isCurrent": n == number]
            },
        ]
        if number > 1 { fields["previous"] = base.sitePath(Paginator.path(url, number: number - 1)) }
        if number < total { fields["next"] = base.sitePath(Paginator.path(url, number: number + 1)) }
        return fields
    }

    // MARK: Taxonomies

    private func taxonomyFields(_ kind: Taxonomy.Kind, _ language: String) -> [String: Any] {
        [
            "kind": kind.rawValue, "name": theme.strings[language]?[kind.rawValue] ?? kind.rawValue,
            "url": base.sitePath(site.taxonomyPath(kind, language)), "isTags": kind == .tags,
            "isAgencies": kind == .agencies, "isPillars": kind == .pillars,
        ]
    }

    private func taxonomy(_ kind: Taxonomy.Kind, _ language: String) -> [String: Any] {
        let url = site.taxonomyPath(kind, language)
        let versions = settings.languages.map { ($0.code, site.taxonomyPath(kind, $0.code)) }
        var context = common(language: language, url: url, currentURL: url, versions: versions)
        let fields = taxonomyFields(kind, language)
        context["taxonomy"] = fields
        context["languageSwitch"] = languageSwitch(from: language, versions: versions)
        context["og"] = openGraph(title: fields["name"] as! String, language: language, url: url, versions: versions)
        context["page"] = generatedPage(title: fields["name"] as! String, kind: "taxonomy", url: url)
        let terms = site.taxonomies.terms(kind, language).map { term -> [String: Any] in
            ["name": term.name, "url": base.sitePath(site.termPath(term)), "count": term.pages.count, "key": term.key]
        }
        context["terms"] = terms
        context["hasTerms"] = !terms.isEmpty
        return context
    }

    private func term(_ kind: Taxonomy.Kind, _ language: String, _ key: String, _ number: Int) -> [String: Any] {
        let term = site.taxonomies.term(kind, language, key: key)!
        let url = Paginator.path(site.termPath(term), number: number)
        let versions = settings.languages.compactMap { other -> (String, String)? in
            guard let translated = site.taxonomies.term(kind, other.code, key: key),
                number <= Paginator.count(translated.pages.count, perPage: settings.paginate)
            else { return nil }
            return (other.code, Paginator.path(site.termPath(translated), number: number))
        }
        var context = common(language: language, url: url, currentURL: url, versions: versions)
        context["taxonomy"] = taxonomyFields(kind, language)
        context["languageSwitch"] = languageSwitch(from: language, versions: versions)
        context["og"] = openGraph(title: term.name, language: language, url: url, versions: versions)
        var page = generatedPage(title: term.name, kind: "term", url: url)
        page["count"] = term.pages.count
        context["page"] = page
        var termFields: [String: Any] = ["name": term.name, "key": term.key, "count": term.pages.count]
        if kind == .agencies, let agency = site.catalog.agencies?[key] {
            termFields["agency"] = agencyFields(agency, language: language).merging(agencyTasks(key, language)) { $1 }
        }
        if kind == .pillars, let pillar = site.catalog.plan?.pillar(key) {
            termFields["pillar"] = characteristicFields(pillar, language)
        }
        context["term"] = termFields
        context["listing"] = listing(Paginator.slice(term.pages, number: number, perPage: settings.paginate))
        context["pagination"] = pagination(
            base: site.termPath(term), number: number,
            total: Paginator.count(term.pages.count, perPage: settings.paginate))
        return context
    }

    private func agencyLink(_ agency: AgencyDirectory.Agency, language: String) -> [String: Any] {
        [
            "id": agency.id, "name": agency.name(language),
            "url": base.sitePath(site.taxonomyPath(.agencies, language) + agency.id + "/"),
        ]
    }

    private func agencyFields(_ agency: AgencyDirectory.Agency, language: String) -> [String: Any] {
        let fields = agencyLink(agency, language: language)
        return fields.merging(agencyHistory(agency, language)) { $1 }
    }

    // MARK: Redirects and the 404 page

    private func alias(_ path: String, _ target: Int) -> [String: Any] {
        let page = site.graph.pages[target]
        var context = common(language: page.language, url: page.url, currentURL: nil, versions: [])
        context["page"] = generatedPage(title: page.title, kind: "alias", url: page.url)
        context["target"] = ["title": page.title, "url": base.sitePath(page.url), "permalink": base.absolute(page.url)]
        return context
    }

    private func notFound(_ language: String) -> [String: Any] {
        let url = Self.notFoundPath(site.language(language))
        let versions = settings.languages.map { ($0.code, Self.notFoundPath($0)) }
        var context = common(language: language, url: url, currentURL: nil, versions: versions)
        context["languageSwitch"] = languageSwitch(from: language, versions: versions)
        var page = generatedPage(title: theme.strings[language]?["notFoundTitle"] ?? "404", kind: "404", url: url)
        page["isNotFound"] = true
        context["page"] = page
        return context
    }

    private func searchPage(_ language: String) -> [String: Any] {
        let url = site.searchPath(language)
        let versions = settings.languages.map { ($0.code, site.searchPath($0.code)) }
        var context = common(language: language, url: url, currentURL: url, versions: versions)
        context["languageSwitch"] = languageSwitch(from: language, versions: versions)
        let title = theme.strings[language]?["searchTitle"] ?? "Search"
        context["og"] = openGraph(title: title, language: language, url: url, versions: versions)
        context["page"] = generatedPage(title: title, kind: "search", url: url)
        // Without JavaScript the page points to the listings and the sitemap instead.
        let sections = site.graph.pages.filter { $0.language == language && $0.kind == .section }.map {
            ["title": $0.title, "url": base.sitePath($0.url)]
        }
        context["sections"] = sections
        context["sitemap"] = base.sitePath("sitemap.xml")
        return context
    }

    static func notFoundPath(_ language: SiteSettings.Language) -> String { language.pathPrefix + "404.html" }

    // MARK: Shared parts

    func generatedPage(title: String, kind: String, url: String) -> [String: Any] {
        ["title": title, "kind": kind, "url": base.sitePath(url), "permalink": base.absolute(url)]
    }

    func common(language code: String, url: String, currentURL: String?, versions: [(String, String)])
        -> [String: Any]
    {
        let language = site.language(code)
        let home = site.graph.home(code)
        let homeFeeds =
            home.map(site.feedPaths) ?? (language.pathPrefix + "index.xml", language.pathPrefix + "atom.xml")
        var context: [String: Any] = [
            "menu": (menus[code] ?? []).map { item -> [String: Any] in
                [
                    "name": item.name, "href": item.href, "isExternal": item.isExternal,
                    "isCurrent": item.url != nil && item.url == currentURL,
                ]
            },
            "canonical": base.absolute(url),
            "alternates": alternateLinks(versions),
            "feeds": feedLinks(rss: homeFeeds.0, atom: homeFeeds.1, title: nil, language: code),
        ]
        context.merge(constants[code]!.fields) { $1 }
        return context.merging(planLink(code)) { $1 }
    }

    /// What every page of a language shares (the keys of `constantKeys`).
    private static func languageFields(site: Site, theme: Theme, language: SiteSettings.Language) -> [String: Any] {
        let base = site.base
        let code = language.code
        let context = PageContext(site: site, theme: theme, menus: [:], constants: [:])
        return [
            "site": [
                "title": language.title, "description": language.description, "baseURL": base.string,
                "basePath": base.path, "home": base.sitePath(language.pathPrefix),
            ] as [String: Any],
            "language": ["code": language.code, "name": language.name, "locale": language.locale],
            "i18n": theme.strings[code] ?? [:],
            "assetsPath": base.sitePath("assets/"),
            "asset": theme.fingerprints.context(base: base),
            "search": [
                "url": base.sitePath(site.searchPath(code)), "index": base.sitePath(language.pathPrefix + "search/"),
            ],
        ].merging(context.planPillars(code)) { $1 }.merging(context.bannerFields(code)) { $1 }
    }

    /// `banner` on every page while the July window is open.
    func bannerFields(_ language: String) -> [String: Any] {
        guard let banner = site.banner, banner.isActive else { return [:] }
        return ["banner": banner.kit.pageBanner(banner.artworks, language: language)]
    }

    private func feedLinks(rss: String, atom: String, title: String?, language: String) -> [String: Any] {
        let site = self.site.language(language).title
        return [
            "rss": base.sitePath(rss), "atom": base.sitePath(atom), "title": title.map { "\($0) – \(site)" } ?? site,
        ]
    }

    private func alternateLinks(_ versions: [(language: String, url: String)]) -> [[String: Any]] {
        var links: [[String: Any]] = versions.map { ["hreflang": $0.language, "href": base.absolute($0.url)] }
        // x-default: the default language's version, else the first that exists.
        let fallback = versions.first { $0.language == settings.defaultLanguage.code } ?? versions.first
        if let fallback { links.append(["hreflang": "x-default", "href": base.absolute(fallback.url)]) }
        return links
    }

    /// One link per other language: to the same page in that language when there is one,
    /// else to that language's home page.
    func languageSwitch(from code: String, versions: [(language: String, url: String)]) -> [[String: Any]] {
        settings.languages.filter { $0.code != code }.map { other in
            let target = versions.first { $0.language == other.code }
            return [
                "code": other.code, "name": other.name,
                "href": base.sitePath(target?.url ?? other.pathPrefix), "isTranslation": target != nil,
            ]
        }
    }

    private func openGraph(page: Page, url: String, versions: [(String, String)]) -> [String: Any] {
        var og = openGraph(title: page.title, language: page.language, url: url, versions: versions)
        og["type"] = page.kind == .page ? "article" : "website"
        if let summary = page.frontMatter.summary, !summary.isEmpty { og["description"] = summary }
        if let image = page.frontMatter.image,
            let url = PageImage.url(
                image, file: page.source?.source.contentPath ?? page.contentPath, base: base, absolute: true,
                photos: site.photos)
        {
            og["image"] = url
            og["imageAlt"] = page.frontMatter.imageAlt ?? ""
            og["imageWidth"] = nil
            og["imageHeight"] = nil
            // A photo of media/ is shared as its 1200×630 crop around what is interesting in it.
            if let photo = PageImage.photo(
                image, file: page.source?.source.contentPath ?? page.contentPath, in: site.photos),
                let share = photo.share
            {
                og["image"] = base.absolute(LinkResolver.encode(share.path))
                og["imageWidth"] = "\(share.width)"
                og["imageHeight"] = "\(share.height)"
            }
        }
        if page.kind == .page, let date = page.date { og["publishedTime"] = VietnamTime.iso8601(date) }
        return og
    }

    func openGraph(title: String, language: String, url: String, versions: [(String, String)]) -> [String: Any] {
        let lang = site.language(language)
        var og: [String: Any] = [
            "type": "website", "title": title, "url": base.absolute(url), "siteName": lang.title,
            "description": lang.description, "locale": lang.locale,
            "localeAlternates": versions.filter { $0.0 != language }.map { site.language($0.0).locale },
        ]
        // `images.shareImage`: what a link to a page without an image of its own shows.
        if let share = site.photos.defaultShare {
            og["image"] = base.absolute(LinkResolver.encode(share.path))
            og["imageWidth"] = "\(share.width)"
            og["imageHeight"] = "\(share.height)"
            og["imageAlt"] = lang.title
        }
        return og
    }
}
