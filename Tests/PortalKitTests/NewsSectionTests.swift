import Foundation
import Testing

@testable import PortalKit

/// Pagination, taxonomies, aliases, feeds, sitemap, JSON export and head metadata.
@Suite struct NewsSectionTests {
    /// The base site with the catalog fixture and `count` extra dated posts in tin-tuc/.
    func site(posts count: Int = 0, paginate: Int? = nil) throws -> TestSite {
        let site = try TestSite(fixture: "catalog")
        for n in 0..<count {
            let day = String(format: "%02d", n % 28 + 1)
            try site.write(
                "Content/vi/tin-tuc/2024-03-\(day)-bai-\(n).md",
                "---\ntitle: Bài số \(n)\ndate: 2024-03-\(day)T\(String(format: "%02d", n % 24)):00\ntags: [Hội nhập]\nagency: so-noi-vu\npillar: people\n---\n\nNội dung \(n).\n"
            )
        }
        if let paginate {
            let settings = try String(contentsOfFile: "\(site.content)/site.yml", encoding: .utf8)
            try site.write("Content/site.yml", "paginate: \(paginate)\n" + settings)
        }
        return site
    }

    @Test func sectionsPaginateWithPreviousNextAndNumbers() throws {
        let site = try site(posts: 23, paginate: 10)  // 25 pages in tin-tuc → 3 listing pages
        try site.build()
        let first = try site.read("tin-tuc/index.html")
        let second = try site.read("tin-tuc/page/2/index.html")
        let third = try site.read("tin-tuc/page/3/index.html")
        #expect(!FileManager.default.fileExists(atPath: "\(site.output)/tin-tuc/page/4/index.html"))
        #expect(first.components(separatedBy: "<li>\n<h3>").count - 1 == 10)
        #expect(third.components(separatedBy: "<li>\n<h3>").count - 1 == 5)
        #expect(first.contains("<a href=\"/asean/tin-tuc/page/2/\" rel=\"next\">"))
        #expect(!first.contains("rel=\"prev\""))
        #expect(second.contains("<a href=\"/asean/tin-tuc/\" rel=\"prev\">"))
        #expect(second.contains("<a href=\"/asean/tin-tuc/page/3/\" rel=\"next\">"))
        #expect(second.contains("<a href=\"/asean/tin-tuc/page/2/\" aria-current=\"page\">2</a>"))
        #expect(second.contains("<link rel=\"canonical\" href=\"https://example.gov.vn/asean/tin-tuc/page/2/\">"))
        #expect(second.contains("<title>Tin tức – Trang 2 – Thử nghiệm</title>"))
        // Newest first across pages: the newest post is on page 1, the oldest on page 3.
        #expect(first.contains("/asean/tin-tuc/ky-niem/"))  // 2025-07-28
        #expect(third.contains("/asean/tin-tuc/bai-0/"))  // 2024-03-01T00:00
    }

    @Test func defaultPaginationIsTen() throws {
        let site = try site(posts: 9)  // 11 in tin-tuc
        try site.build()
        #expect(FileManager.default.fileExists(atPath: "\(site.output)/tin-tuc/page/2/index.html"))
        #expect(try site.read("tin-tuc/page/2/index.html").components(separatedBy: "<li>\n<h3>").count - 1 == 1)
    }

    @Test func tagTermsFoldSortAndPaginate() throws {
        let site = try site(posts: 12, paginate: 5)
        try site.write(
            "Content/vi/tin-tuc/khac.md",
            "---\ntitle: Khác\ndate: 2020-01-01\ntags: [hội nhập, Đối ngoại, Ăn uống, An ninh, Bảo tồn]\n---\n")
        try site.build()
        // "Hội nhập" (13 posts) and "hội nhập" (1) are one term, named by the common spelling.
        let term = try site.read("chu-de/hoi-nhap/index.html")
        #expect(term.contains("<h1>Hội nhập</h1>"))
        #expect(term.contains("<h2 id=\"term-posts\">14 bài viết</h2>"))
        #expect(FileManager.default.fileExists(atPath: "\(site.output)/chu-de/hoi-nhap/page/3/index.html"))
        #expect(!FileManager.default.fileExists(atPath: "\(site.output)/chu-de/hoi-nhap/page/4/index.html"))
        let index = try site.read("chu-de/index.html")
        let names = ["An ninh", "Ăn uống", "Bảo tồn", "Đối ngoại", "Hội nhập"]
        let positions = names.map { index.range(of: ">\($0)</a>")?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil }, "\(index)")
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
        #expect(
            index.contains(
                "<a href=\"/asean/chu-de/hoi-nhap/\">Hội nhập</a> <span class=\"count\">(14 bài viết)</span>"))
        // A post links its tags to their term pages.
        #expect(
            try site.read("tin-tuc/khac/index.html").contains(
                "<a class=\"tag\" href=\"/asean/chu-de/doi-ngoai/\">Đối ngoại</a>"))
        // Its own spelling of a shared tag links to the one term, named as the post writes it.
        #expect(
            try site.read("tin-tuc/khac/index.html").contains(
                "<a class=\"tag\" href=\"/asean/chu-de/hoi-nhap/\">hội nhập</a>"))
    }

    @Test func agencyAndPillarPages() throws {
        let site = try site(posts: 2)
        try site.write(
            "Content/en/news/2024-03-05-labour.md",
            "---\ntitle: Labour news\ndate: 2024-03-05\nagency: so-lao-dong-thuong-binh-va-xa-hoi\npillar: inclusive\n---\n"
        )
        try site.build()
        let agency = try site.read("co-quan/so-noi-vu/index.html")
        #expect(agency.contains("<h1>Sở Nội vụ</h1>"))
        #expect(agency.contains("/asean/tin-tuc/bai-0/"))
        #expect(
            agency.contains(
                "<a href=\"/asean/co-quan/so-lao-dong-thuong-binh-va-xa-hoi/\">Sở Lao động – Thương binh và Xã hội</a>")
        )
        let merged = try site.read("en/agencies/so-lao-dong-thuong-binh-va-xa-hoi/index.html")
        #expect(
            merged.contains(
                "<p>Merged into the Department of Home Affairs on 1 March 2025.</p>\n<ul>\n<li><a href=\"/asean/en/agencies/so-noi-vu/\">Department of Home Affairs</a> (from <time datetime=\"2025-03-01T00:00:00+07:00\">1 March 2025</time>)</li>"
            ))
        #expect(merged.contains("/asean/en/news/labour/"))
        let post = try site.read("tin-tuc/bai-1/index.html")
        #expect(post.contains("Cơ quan: <a href=\"/asean/co-quan/so-noi-vu/\">Sở Nội vụ</a>"))
        #expect(
            post.contains(
                "Đặc trưng: <a href=\"/asean/dac-trung/people/\">Cộng đồng gắn kết và mang lại lợi ích cho người dân</a>"
            ))
        let pillars = try site.read("en/pillars/index.html")
        #expect(
            pillars.contains(
                "<a href=\"/asean/en/pillars/inclusive/\">Inclusive</a> <span class=\"count\">(1 posts)</span>"))
        // Term pages pair across languages by id.
        #expect(agency.contains("hreflang=\"en\" href=\"https://example.gov.vn/asean/en/agencies/so-noi-vu/\""))
    }

    @Test func unknownIdsAreErrorsWithTheClosestIds() throws {
        let site = try site()
        try site.write(
            "Content/vi/tin-tuc/sai.md",
            "---\ntitle: Sai\nagency: so-noi-vuu\npillar: inclusiv\ntasks: [1-1, 9-9]\n---\n")
        let error = try #require(site.failure())
        #expect(error.contains("sai.md:3:9: error: `agency` names `so-noi-vuu`, which is not a known id"))
        #expect(error.contains("did you mean `so-noi-vu`"))
        #expect(error.contains("sai.md:4:9: error: `pillar` names `inclusiv`, which is not a known id"))
        #expect(error.contains("sai.md:5:8: error: `tasks` names `9-9`, which is not a known id"))
        #expect(!error.contains("`1-1`, which"))
    }

    @Test func idsNeedTheirDataFile() throws {
        let site = try TestSite()
        try site.write("Content/vi/tin-tuc/sai.md", "---\ntitle: Sai\nagency: so-noi-vu\n---\n")
        let error = try #require(site.failure())
        #expect(error.contains("sai.md:3:9: error: `agency` is used, but Content/agencies.yml does not exist"))
    }

    @Test func aliasesWriteRedirectPages() throws {
        let site = try site()
        try site.write(
            "Content/vi/tin-tuc/2025-07-28-ky-niem.md",
            "---\ntitle: Kỷ niệm\ndate: 2025-07-28\ntranslationKey: anniversary\naliases: [/tin-cu/ky-niem-30-nam/, ky-niem.html]\n---\n"
        )
        try site.build()
        let redirect = try site.read("tin-cu/ky-niem-30-nam/index.html")
        #expect(
            redirect.contains(
                "<meta http-equiv=\"refresh\" content=\"0; url=https://example.gov.vn/asean/tin-tuc/ky-niem/\">"))
        #expect(redirect.contains("<link rel=\"canonical\" href=\"https://example.gov.vn/asean/tin-tuc/ky-niem/\">"))
        #expect(redirect.contains("<a href=\"/asean/tin-tuc/ky-niem/\">Kỷ niệm</a>"))
        #expect(redirect.contains("<html lang=\"vi\">"))
        #expect(FileManager.default.fileExists(atPath: "\(site.output)/ky-niem.html"))
    }

    @Test func aliasOverAPageIsAnError() throws {
        let site = try site()
        try site.write("Content/vi/khac.md", "---\ntitle: Khác\naliases: [/tin-tuc/ke-hoach/]\n---\n")
        let error = try #require(site.failure())
        #expect(
            error.contains("writes tin-tuc/ke-hoach/index.html, which")
                && error.contains("2021-12-03-ke-hoach.md writes too"), "\(error)")
    }

    @Test func feedsPerLanguageAndSection() throws {
        let site = try site()
        try site.build()
        let rss = try site.read("index.xml")
        #expect(
            rss.contains(
                "<atom:link href=\"https://example.gov.vn/asean/index.xml\" rel=\"self\" type=\"application/rss+xml\"/>"
            ))
        #expect(rss.contains("<guid isPermaLink=\"true\">https://example.gov.vn/asean/tin-tuc/ky-niem/</guid>"))
        #expect(rss.contains("<pubDate>Mon, 28 Jul 2025 00:00:00 +0700</pubDate>"))
        #expect(rss.contains("<lastBuildDate>Mon, 28 Jul 2025 00:00:00 +0700</lastBuildDate>"))
        #expect(!rss.contains("/en/"))
        let atom = try site.read("en/news/atom.xml")
        #expect(
            atom.contains(
                "<link rel=\"self\" type=\"application/atom+xml\" href=\"https://example.gov.vn/asean/en/news/atom.xml\"/>"
            ))
        #expect(atom.contains("<updated>2025-07-28T00:00:00+07:00</updated>"))
        #expect(atom.contains("<id>https://example.gov.vn/asean/en/news/anniversary/</id>"))
        let page = try site.read("tin-tuc/index.html")
        #expect(
            page.contains(
                "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"Tin tức – Thử nghiệm\" href=\"/asean/tin-tuc/index.xml\">"
            ))
        #expect(
            try site.read("tin-tuc/ky-niem/index.html").contains(
                "type=\"application/atom+xml\" title=\"Thử nghiệm\" href=\"/asean/atom.xml\""))
    }

    @Test func fullContentFeedsMakeLinksAbsolute() throws {
        let site = try site()
        let settings = try String(contentsOfFile: "\(site.content)/site.yml", encoding: .utf8)
        try site.write("Content/site.yml", settings + "feeds:\n  content: full\n  limit: 1\n")
        try site.build()
        let rss = try site.read("tin-tuc/index.xml")
        #expect(rss.components(separatedBy: "<item>").count - 1 == 1)
        #expect(rss.contains("href=&quot;https://example.gov.vn/asean/tin-tuc/ke-hoach/#noi-dung&quot;"))
    }

    @Test func sitemapAndRobots() throws {
        let site = try site()
        try site.write("Content/vi/tin-tuc/nhap.md", "---\ntitle: Nháp\ndraft: true\n---\n")
        try site.build()
        let sitemap = try site.read("sitemap.xml")
        #expect(
            sitemap.contains(
                "<loc>https://example.gov.vn/asean/tin-tuc/ky-niem/</loc>\n<lastmod>2025-07-28T00:00:00+07:00</lastmod>"
            ))
        #expect(
            sitemap.contains(
                "<xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"https://example.gov.vn/asean/en/news/anniversary/\"/>"
            ))
        #expect(sitemap.contains("<loc>https://example.gov.vn/asean/co-quan/so-noi-vu/</loc>"))
        #expect(!sitemap.contains("tin-tuc/nhap/"))
        #expect(!sitemap.contains("404"))
        #expect(try site.read("robots.txt").contains("Sitemap: https://example.gov.vn/asean/sitemap.xml"))
    }

    @Test func jsonExportListsPublishedPosts() throws {
        let site = try site()
        try site.write("Content/vi/tin-tuc/sap-toi.md", "---\ntitle: Sắp tới\ndate: 2027-01-01\n---\n")
        try site.build()
        let data = try #require(FileManager.default.contents(atPath: "\(site.output)/posts.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let posts = try #require(json["posts"] as? [[String: Any]])
        #expect(posts.map { $0["title"] as? String } == ["Kỷ niệm ngày gia nhập", "Ban hành kế hoạch"])
        #expect(posts[0]["url"] as? String == "https://example.gov.vn/asean/tin-tuc/ky-niem/")
        #expect(posts[0]["date"] as? String == "2025-07-28T00:00:00+07:00")
        #expect(
            (posts[0]["translations"] as? [[String: String]])?.first?["url"]
                == "https://example.gov.vn/asean/en/news/anniversary/")
        #expect(FileManager.default.fileExists(atPath: "\(site.output)/en/posts.json"))
    }

    @Test func headMetadata() throws {
        let site = try site()
        try site.write(
            "Content/vi/tin-tuc/2025-07-28-ky-niem.md",
            "---\ntitle: Kỷ niệm\ndate: 2025-07-28\ntranslationKey: anniversary\nsummary: Ba mươi năm.\nimage: /media/anh.png\nimageAlt: Cờ ASEAN\n---\n"
        )
        try site.build()
        let html = try site.read("tin-tuc/ky-niem/index.html")
        for tag in [
            "<meta name=\"description\" content=\"Ba mươi năm.\">",
            "<meta property=\"og:type\" content=\"article\">",
            "<meta property=\"og:title\" content=\"Kỷ niệm\">",
            "<meta property=\"og:url\" content=\"https://example.gov.vn/asean/tin-tuc/ky-niem/\">",
            "<meta property=\"og:locale\" content=\"vi_VN\">",
            "<meta property=\"og:locale:alternate\" content=\"en_US\">",
            // The photo's 1200×630 sharing crop (here 8×8: never enlarged).
            "<meta property=\"og:image\" content=\"https://example.gov.vn/asean/media/anh.png.share.jpg\">",
            "<meta name=\"twitter:card\" content=\"summary_large_image\">",
            "<meta property=\"article:published_time\" content=\"2025-07-28T00:00:00+07:00\">",
        ] {
            #expect(html.contains(tag), "missing \(tag)")
        }
        let plain = try site.read("tin-tuc/ke-hoach/index.html")
        #expect(!plain.contains("og:locale:alternate"))
        #expect(plain.contains("<meta name=\"description\" content=\"Trang thử nghiệm.\">"))
    }

    @Test func strictTurnsMissingUIStringsIntoErrors() throws {
        let site = try site()
        try site.write("Content/i18n/en.yml", "onlyEnglish: Only English\n")
        let options = BuildOptions(
            contentDirectory: site.content, outputDirectory: site.output,
            publication: Publication(now: TestSite.defaultNow),
            strict: true)
        #expect(throws: BuildFailure.self) { try SiteBuild.run(options, warnings: WarningLog()) }
        do {
            try SiteBuild.run(options, warnings: WarningLog())
        } catch {
            #expect(error.description.contains("error: the UI string `onlyEnglish` is missing in `vi`"))
        }
    }

    @Test func vietnameseDatesInPages() throws {
        let site = try site()
        try site.build()
        #expect(
            try site.read("tin-tuc/ke-hoach/index.html").contains(
                "<time datetime=\"2021-12-03T00:00:00+07:00\">ngày 03 tháng 12 năm 2021</time>"))
        #expect(
            try site.read("en/news/anniversary/index.html").contains(
                "<time datetime=\"2025-07-28T00:00:00+07:00\">28 July 2025</time>"))
    }
}
