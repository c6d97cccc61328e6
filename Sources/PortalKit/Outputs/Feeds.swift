import Foundation

/// RSS 2.0 and Atom feeds for each language's home page (the whole language) and each section.
/// Dates come from the content, never the clock, so feeds are reproducible; ids are the
/// posts' permalinks.
struct Feeds {
    let site: Site

    func files() -> [OutputFile] {
        var files: [OutputFile] = []
        for page in site.graph.pages where page.kind != .page {
            let items = Array(site.descendants(of: page).prefix(site.settings.feeds.limit))
            let paths = site.feedPaths(page)
            files.append(OutputFile(path: paths.rss, body: .text(rss(page, items: items, selfPath: paths.rss))))
            files.append(OutputFile(path: paths.atom, body: .text(atom(page, items: items, selfPath: paths.atom))))
        }
        return files
    }

    private func title(_ page: Page) -> String {
        let siteTitle = site.language(page.language).title
        return page.kind == .home ? siteTitle : "\(page.title) – \(siteTitle)"
    }

    private func description(_ page: Page) -> String {
        if let summary = page.frontMatter.summary, !summary.isEmpty { return summary }
        return site.language(page.language).description
    }

    /// The newest date among the items; else the newest of the site; else a fixed date.
    private func updated(_ items: [Int]) -> Date {
        items.compactMap { site.graph.pages[$0].date }.max()
            ?? site.graph.pages.compactMap(\.date).max()
            ?? Date(timeIntervalSince1970: 0)
    }

    /// A post's body for a feed: the summary, or the whole HTML with site paths made absolute
    /// (feed readers resolve relative links inconsistently).
    private func content(_ index: Int) -> String? {
        let page = site.graph.pages[index]
        switch site.settings.feeds.content {
        case .summary: return page.frontMatter.summary
        case .full:
            let html = site.bodies[index]?.html ?? ""
            let root = site.base.path
            // Fragment links (footnotes, headings) point into the post's own page.
            return html.replacingOccurrences(of: "href=\"\(root)", with: "href=\"\(site.base.string)")
                .replacingOccurrences(of: "src=\"\(root)", with: "src=\"\(site.base.string)")
                .replacingOccurrences(of: "href=\"#", with: "href=\"\(site.base.absolute(page.url))#")
        }
    }

    private func rss(_ page: Page, items: [Int], selfPath: String) -> String {
        let language = site.language(page.language)
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
            <channel>
            <title>\(XML.escape(title(page)))</title>
            <link>\(XML.escape(site.base.absolute(page.url)))</link>
            <description>\(XML.escape(description(page)))</description>
            <language>\(language.code)</language>
            <lastBuildDate>\(Self.rfc822(updated(items)))</lastBuildDate>
            <atom:link href="\(XML.escape(site.base.absolute(selfPath)))" rel="self" type="application/rss+xml"/>

            """
        for index in items {
            let post = site.graph.pages[index]
            let link = XML.escape(site.base.absolute(post.url))
            xml += "<item>\n<title>\(XML.escape(post.title))</title>\n<link>\(link)</link>\n"
            xml += "<guid isPermaLink=\"true\">\(link)</guid>\n"
            if let date = post.date { xml += "<pubDate>\(Self.rfc822(date))</pubDate>\n" }
            for tag in post.frontMatter.tags { xml += "<category>\(XML.escape(tag))</category>\n" }
            if let content = content(index), !content.isEmpty {
                xml += "<description>\(XML.escape(content))</description>\n"
            }
            xml += "</item>\n"
        }
        return xml + "</channel>\n</rss>\n"
    }

    private func atom(_ page: Page, items: [Int], selfPath: String) -> String {
        let language = site.language(page.language)
        let pageURL = XML.escape(site.base.absolute(page.url))
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(language.code)">
            <title>\(XML.escape(title(page)))</title>
            <subtitle>\(XML.escape(description(page)))</subtitle>
            <id>\(pageURL)</id>
            <link rel="alternate" type="text/html" href="\(pageURL)"/>
            <link rel="self" type="application/atom+xml" href="\(XML.escape(site.base.absolute(selfPath)))"/>
            <updated>\(VietnamTime.iso8601(updated(items)))</updated>
            <author><name>\(XML.escape(language.title))</name></author>

            """
        for index in items {
            let post = site.graph.pages[index]
            let link = XML.escape(site.base.absolute(post.url))
            let date = VietnamTime.iso8601(post.date ?? updated(items))
            xml += "<entry>\n<title>\(XML.escape(post.title))</title>\n<id>\(link)</id>\n"
            xml += "<link rel=\"alternate\" type=\"text/html\" href=\"\(link)\"/>\n"
            xml += "<published>\(date)</published>\n<updated>\(date)</updated>\n"
            for tag in post.frontMatter.tags { xml += "<category term=\"\(XML.escape(tag))\"/>\n" }
            if let summary = post.frontMatter.summary, !summary.isEmpty {
                xml += "<summary>\(XML.escape(summary))</summary>\n"
            }
            if site.settings.feeds.content == .full, let content = content(index) {
                xml += "<content type=\"html\">\(XML.escape(content))</content>\n"
            }
            xml += "</entry>\n"
        }
        return xml + "</feed>\n"
    }

    /// RFC 822 dates for RSS, in Viet Nam time: `Mon, 28 Jul 2025 00:00:00 +0700`.
    static func rfc822(_ date: Date) -> String {
        let c = VietnamTime.calendar.dateComponents(
            [.year, .month, .day, .hour, .minute, .second, .weekday], from: date)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let month = DateText.englishMonths[c.month! - 1].prefix(3)
        return String(
            format: "%@, %02d %@ %04d %02d:%02d:%02d +0700", days[c.weekday! - 1], c.day!, String(month), c.year!,
            c.hour!,
            c.minute!, c.second!)
    }
}
