import Foundation

/// `sitemap.xml` (sitemaps.org protocol, with `xhtml:link` alternates for translations) and
/// `robots.txt` naming it. Only published pages are listed; later pages of paginated
/// listings, redirects and 404 pages are not.
struct Sitemap {
    let site: Site

    struct Entry {
        var url: String
        var lastmod: Date?
        /// Language → path, for the translations that exist (the page itself included).
        var versions: [(String, String)]
    }

    func entries() -> [Entry] {
        var entries: [Entry] = []
        let graph = site.graph
        for page in graph.pages {
            let versions = graph.translations(of: page).map { ($0.language, $0.url) }
            // A listing changes when its newest page does.
            let lastmod =
                page.kind == .page
                ? page.date : site.listed(by: page).compactMap { graph.pages[$0].date }.max() ?? page.date
            entries.append(Entry(url: page.url, lastmod: lastmod, versions: versions))
        }
        for language in site.settings.languages.map(\.code) {
            for kind in Taxonomy.Kind.allCases where site.hasData(for: kind) {
                let terms = site.taxonomies.terms(kind, language)
                entries.append(
                    Entry(
                        url: site.taxonomyPath(kind, language),
                        lastmod: terms.flatMap(\.pages).compactMap { graph.pages[$0].date }.max(),
                        versions: site.settings.languages.map { ($0.code, site.taxonomyPath(kind, $0.code)) }))
                for term in terms {
                    let versions = site.settings.languages.compactMap { other in
                        site.taxonomies.term(kind, other.code, key: term.key).map { (other.code, site.termPath($0)) }
                    }
                    entries.append(
                        Entry(
                            url: site.termPath(term), lastmod: term.pages.compactMap { graph.pages[$0].date }.max(),
                            versions: versions))
                }
            }
        }
        let codes = site.settings.languages.map(\.code)
        for language in codes {
            entries.append(
                Entry(url: site.searchPath(language), lastmod: nil, versions: codes.map { ($0, site.searchPath($0)) }))
        }
        let languages = site.settings.languages.map(\.code)
        for page in site.planPages {
            // Redirects are not pages of the site.
            if case .legacyTask = page { continue }
            for language in languages {
                var lastmod: Date?
                if case .task(let plan, let id) = page {
                    lastmod = site.posts(plan: plan, task: id, language: language).compactMap { graph.pages[$0].date }
                        .max()
                }
                entries.append(
                    Entry(
                        url: site.path(page, language), lastmod: lastmod,
                        versions: languages.map { ($0, site.path(page, $0)) }))
            }
        }
        return entries
    }

    func files() -> [OutputFile] {
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">

            """
        let defaultLanguage = site.settings.defaultLanguage.code
        for entry in entries() {
            xml += "<url>\n<loc>\(XML.escape(site.base.absolute(entry.url)))</loc>\n"
            if let lastmod = entry.lastmod { xml += "<lastmod>\(VietnamTime.iso8601(lastmod))</lastmod>\n" }
            if entry.versions.count > 1 {
                for (language, path) in entry.versions {
                    xml +=
                        "<xhtml:link rel=\"alternate\" hreflang=\"\(language)\" href=\"\(XML.escape(site.base.absolute(path)))\"/>\n"
                }
                let fallback = entry.versions.first { $0.0 == defaultLanguage } ?? entry.versions[0]
                xml +=
                    "<xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"\(XML.escape(site.base.absolute(fallback.1)))\"/>\n"
            }
            xml += "</url>\n"
        }
        xml += "</urlset>\n"
        let robots = "User-agent: *\nAllow: /\n\nSitemap: \(site.base.absolute("sitemap.xml"))\n"
        return [OutputFile(path: "sitemap.xml", body: .text(xml)), OutputFile(path: "robots.txt", body: .text(robots))]
    }
}
