import Foundation

/// Builds the dictionary each template receives. Dictionaries, not structs: swift-mustache
/// reads structs through `Mirror`, which is slow on a site of thousands of pages. The keys are
/// the theme API documented in the README ("Themes").
struct PageContext {
    let graph: SiteGraph
    let theme: Theme
    let bodies: [RenderedMarkdown?]
    let menus: [String: [ResolvedMenuItem]]

    /// How many pages the home page lists.
    static let homeListingSize = 10

    struct ResolvedMenuItem: Sendable {
        var name: String
        var href: String
        /// Path below the base URL when the entry is a page of the site, to mark the current one.
        var url: String?
        var isExternal: Bool
    }

    var settings: SiteSettings { graph.settings }

    func page(_ index: Int) -> [String: Any] {
        let page = graph.pages[index]
        let language = settings.language(page.language)!
        var context = common(language: language, url: page.url, currentURL: page.url)
        let alternates = graph.translations(of: page)
        context["alternates"] = alternateLinks(alternates.map { ($0.language, $0.url) })
        context["languageSwitch"] = languageSwitch(from: page.language, translations: alternates)
        context["page"] = pageFields(page, body: bodies[index])
        if page.kind != .page { context["listing"] = listing(for: page) }
        return context
    }

    /// The 404 page of a language, at `404.html` (default language) or `en/404.html`.
    func notFound(language: SiteSettings.Language) -> [String: Any] {
        let url = Self.notFoundPath(language)
        var context = common(language: language, url: url, currentURL: nil)
        let all = settings.languages.map { ($0.code, Self.notFoundPath($0)) }
        context["alternates"] = alternateLinks(all)
        context["languageSwitch"] = settings.languages.filter { $0.code != language.code }.map { other in
            [
                "code": other.code, "name": other.name, "href": settings.baseURL.sitePath(other.pathPrefix),
                "isTranslation": false,
            ]
        }
        context["page"] =
            [
                "title": theme.strings[language.code]?["notFoundTitle"] ?? "404", "kind": "404", "isNotFound": true,
                "url": settings.baseURL.sitePath(url), "permalink": settings.baseURL.absolute(url),
            ] as [String: Any]
        return context
    }

    static func notFoundPath(_ language: SiteSettings.Language) -> String { language.pathPrefix + "404.html" }

    private func common(language: SiteSettings.Language, url: String, currentURL: String?) -> [String: Any] {
        let base = settings.baseURL
        return [
            "site": [
                "title": language.title, "description": language.description, "baseURL": base.string,
                "basePath": base.path, "home": base.sitePath(language.pathPrefix),
            ] as [String: Any],
            "language": ["code": language.code, "name": language.name, "locale": language.locale],
            "i18n": theme.strings[language.code] ?? [:],
            "menu": (menus[language.code] ?? []).map { item -> [String: Any] in
                [
                    "name": item.name, "href": item.href, "isExternal": item.isExternal,
                    "isCurrent": item.url != nil && item.url == currentURL,
                ]
            },
            "canonical": base.absolute(url),
            "assetsPath": base.sitePath("assets/"),
        ]
    }

    private func alternateLinks(_ versions: [(language: String, url: String)]) -> [[String: Any]] {
        let base = settings.baseURL
        var links: [[String: Any]] = versions.map { ["hreflang": $0.language, "href": base.absolute($0.url)] }
        // x-default: the default language's version, else the first that exists.
        let fallback = versions.first { $0.language == settings.defaultLanguage.code } ?? versions.first
        if let fallback { links.append(["hreflang": "x-default", "href": base.absolute(fallback.url)]) }
        return links
    }

    /// One link per other language: to the translation when there is one, else to that
    /// language's home page.
    private func languageSwitch(from code: String, translations: [Page]) -> [[String: Any]] {
        settings.languages.filter { $0.code != code }.map { other in
            let target = translations.first { $0.language == other.code }
            return [
                "code": other.code, "name": other.name,
                "href": settings.baseURL.sitePath(target?.url ?? other.pathPrefix), "isTranslation": target != nil,
            ]
        }
    }

    func pageFields(_ page: Page, body: RenderedMarkdown?) -> [String: Any] {
        let matter = page.frontMatter
        var fields: [String: Any] = [
            "title": page.title, "kind": page.kind.rawValue, "isHome": page.kind == .home,
            "isSection": page.kind == .section, "isPage": page.kind == .page,
            "url": settings.baseURL.sitePath(page.url), "permalink": settings.baseURL.absolute(page.url),
            "content": body?.html ?? "", "hasContent": !(body?.html.isEmpty ?? true),
            "tags": matter.tags.map { ["name": $0] }, "hasTags": !matter.tags.isEmpty,
        ]
        if let summary = matter.summary, !summary.isEmpty { fields["summary"] = summary }
        if let date = page.date { fields["date"] = dateFields(date, language: page.language) }
        if let image = matter.image {
            fields["image"] = image.hasPrefix("/") ? settings.baseURL.sitePath(String(image.dropFirst())) : image
            fields["imageAlt"] = matter.imageAlt ?? ""
        }
        return fields
    }

    func dateFields(_ date: Date, language: String) -> [String: Any] {
        [
            "iso": VietnamTime.iso8601(date), "long": DateText.long(date, language: language),
            "short": DateText.short(date, language: language), "weekday": DateText.weekday(date, language: language),
        ]
    }

    private func listing(for page: Page) -> [String: Any] {
        let key = SiteGraph.sectionKey(page.language, page.folder)
        var children = graph.sectionChildren[key] ?? []
        if page.kind == .home {
            let all = graph.pages.indices.filter {
                graph.pages[$0].kind == .page && graph.pages[$0].language == page.language
            }
            children = Array(SiteGraph.listingOrder(all, graph.pages).prefix(Self.homeListingSize))
        }
        let items = children.map { index -> [String: Any] in
            let child = graph.pages[index]
            var item: [String: Any] = ["title": child.title, "url": settings.baseURL.sitePath(child.url)]
            if let summary = child.frontMatter.summary, !summary.isEmpty { item["summary"] = summary }
            if let date = child.date { item["date"] = dateFields(date, language: child.language) }
            return item
        }
        let sections = (graph.subsections[key] ?? []).map { index -> [String: Any] in
            let child = graph.pages[index]
            return ["title": child.title, "url": settings.baseURL.sitePath(child.url)]
        }
        return ["pages": items, "hasPages": !items.isEmpty, "sections": sections, "hasSections": !sections.isEmpty]
    }
}
