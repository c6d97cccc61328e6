import Foundation
import Testing

@testable import PortalKit

@Suite struct MarkdownRendererTests {
    func html(_ markdown: String, raw: Bool = false) -> String {
        MarkdownRenderer.render(markdown, allowRawHTML: raw) { $0.destination }.html
    }

    @Test func gfmExtensions() {
        let out = html(
            """
            | Tên | Số |
            |:---|---:|
            | a | 1 |

            ~~bỏ~~ and www.danang.gov.vn and https://asean.org

            - [x] xong
            - [ ] chưa

            Chú thích[^1].

            [^1]: Nguồn: Quyết định 3881.
            """)
        #expect(out.contains("<table>"))
        #expect(out.contains("style=\"text-align: left\""))  // HTML5 has no align attribute
        #expect(!out.contains(" align="))
        #expect(out.contains("<del>bỏ</del>"))
        #expect(out.contains("<a href=\"http://www.danang.gov.vn\">www.danang.gov.vn</a>"))
        #expect(out.contains("<a href=\"https://asean.org\">https://asean.org</a>"))
        #expect(out.contains("type=\"checkbox\" checked=\"\" disabled=\"\""))
        #expect(out.contains("class=\"footnotes\""))
        #expect(out.contains("href=\"#fn-1\""))
    }

    @Test func headingIdsAreFoldedAndUnique() {
        let rendered = MarkdownRenderer.render(
            "## Hoạt động chính\n\n### Hoạt động *chính*\n\n## Đà Nẵng `2025`\n\n## ?!\n", allowRawHTML: false
        ) { $0.destination }
        #expect(rendered.headings.map(\.id) == ["hoat-dong-chinh", "hoat-dong-chinh-1", "da-nang-2025", "section"])
        #expect(rendered.html.contains("<h2 id=\"hoat-dong-chinh\">"))
        #expect(rendered.html.contains("<h3 id=\"hoat-dong-chinh-1\">"))
        #expect(rendered.html.contains("<em>chính</em>"))
    }

    @Test func rawHTMLIsOmittedUnlessOptedIn() {
        let markdown = "<div class=\"x\">khối</div>\n\nDòng <span onclick=\"x()\">nội</span> tuyến.\n"
        let safe = html(markdown)
        #expect(!safe.contains("<div"))
        #expect(!safe.contains("<span"))
        #expect(safe.contains("raw HTML omitted"))
        let unsafe = html(markdown, raw: true)
        #expect(unsafe.contains("<div class=\"x\">"))
    }

    @Test func tagFilterWhenRawHTMLIsAllowed() {
        let out = html("<script>alert(1)</script>\n\n<iframe src=x></iframe>\n", raw: true)
        #expect(!out.contains("<script>"))
        #expect(out.contains("&lt;script>"))
        #expect(out.contains("&lt;iframe"))
    }

    @Test func linkColumnsCountCharacters() {
        var seen: [MarkdownLink] = []
        _ = MarkdownRenderer.render("Tiêu đề\n\nĐọc [đây](a.md) và ![ảnh](b.png)", allowRawHTML: false, firstLine: 5) {
            link in
            seen.append(link)
            return link.destination
        }
        #expect(seen.map(\.line) == [7, 7])
        #expect(seen.map(\.column) == [5, 20])
        #expect(seen.map(\.isImage) == [false, true])
    }

    /// cmark-gfm's shared inline tables (DESIGN.md, "Traps"): thousands of renders on every
    /// core, of bodies dense in strikethrough, autolinks, tables and emphasis, give what one
    /// thread gives. Without the lock around the inline pass a few hundred in 4,000 differed.
    @Test func parallelRendersEqualSerialRenders() {
        let bodies = (0..<40).map { ReproducibilityTests.body($0) }
        let render: @Sendable (Int) -> String = { n in
            MarkdownRenderer.render(bodies[n % bodies.count], allowRawHTML: false) { $0.destination }.html
        }
        let serial = bodies.indices.map(render)
        #expect(serial[7].contains("<del>Cũ 7</del>"))
        #expect(serial[7].contains("<a href=\"http://www.danang.gov.vn/7\">"))
        let renders = 4000
        let parallel = ParallelMap.map(Array(0..<renders), jobs: 4, render)
        let different = (0..<renders).filter { parallel[$0] != serial[$0 % bodies.count] }
        #expect(different.isEmpty, "\(different.count) of \(renders) parallel renders differ")
    }
}

@Suite struct LinkTests {
    /// Builds the base site plus one page holding `markdown`; returns its HTML or the error.
    func render(_ markdown: String, raw: Bool = false) throws -> (html: String?, error: String?, warnings: [String]) {
        let site = try TestSite()
        if raw {
            let settings = try String(contentsOfFile: "\(site.content)/site.yml", encoding: .utf8)
            try site.write("Content/site.yml", settings + "markdown:\n  unsafeHTML: true\n")
        }
        try site.write("Content/vi/tin-tuc/thu.md", "---\ntitle: Thử\n---\n\n\(markdown)\n")
        try site.write("Content/vi/tin-tuc/Bài có dấu cách.md", "---\ntitle: Có dấu cách\n---\n\n## Mục một\n")
        let warnings = WarningLog()
        do {
            try site.build(warnings: warnings)
        } catch {
            return (nil, error.description, warnings.all.map(\.description))
        }
        return (try site.read("tin-tuc/thu/index.html"), nil, warnings.all.map(\.description))
    }

    @Test func markdownLinksBecomePageURLs() throws {
        let result = try render(
            "[kế hoạch](2021-12-03-ke-hoach.md#noi-dung) và [trang chủ](../_index.md) và [en](../../en/news/2025-07-28-anniversary.md)"
        )
        let html = try #require(result.html)
        #expect(html.contains("href=\"/asean/tin-tuc/ke-hoach/#noi-dung\""))
        #expect(html.contains("href=\"/asean/\""))
        #expect(html.contains("href=\"/asean/en/news/anniversary/\""))
        #expect(result.warnings.isEmpty, "\(result.warnings)")
    }

    @Test func decomposedLinksAndAngleBracketsWithSpaces() throws {
        let nfd = "Bài có dấu cách.md".decomposedStringWithCanonicalMapping
        let result = try render(
            "[a](<\(nfd)#muc-mot>) [b](<Bài có dấu cách.md>) [c](B%C3%A0i%20c%C3%B3%20d%E1%BA%A5u%20c%C3%A1ch.md)")
        let html = try #require(result.html, "\(result.error ?? "")")
        #expect(html.components(separatedBy: "href=\"/asean/tin-tuc/bai-co-dau-cach/").count == 4)
        #expect(html.contains("/asean/tin-tuc/bai-co-dau-cach/#muc-mot"))
    }

    @Test func rootRelativeLinksGetTheBasePath() throws {
        let html = try #require(try render("[tin](/tin-tuc/) ![ảnh](/media/anh.png) [ngoài](https://asean.org/)").html)
        #expect(html.contains("href=\"/asean/tin-tuc/\""))
        #expect(html.contains("src=\"/asean/media/anh.png\""))
        #expect(html.contains("href=\"https://asean.org/\""))
    }

    @Test(arguments: [false, true])
    func unsafeURLsNeverReachTheOutput(raw: Bool) throws {
        let result = try render(
            "[x](javascript:alert(1)) [y](JaVaScRiPt:alert(2)) [z](vbscript:msgbox) ![i](data:text/html;base64,PHNjcmlwdD4=)",
            raw: raw)
        let html = try #require(result.html)
        #expect(!html.lowercased().contains("javascript:"))
        #expect(!html.contains("vbscript:"))
        #expect(!html.contains("data:text/html"))
        #expect(result.warnings.contains { $0.contains("the link to a `javascript:` address was removed") } || !raw)
    }

    @Test func missingMediaIsAnError() throws {
        let result = try render("Xem ![ảnh](/media/khong-co.png)")
        #expect(
            result.error?.contains(
                "thu.md:5:5: error: the link to `/media/khong-co.png` points at a file that does not exist") == true,
            "\(result.error ?? "")")
    }

    @Test func linkToADraftSaysWhy() throws {
        let site = try TestSite()
        try site.write("Content/vi/tin-tuc/nhap.md", "---\ntitle: Nháp\ndraft: true\n---\n")
        try site.write("Content/vi/tin-tuc/thu.md", "---\ntitle: Thử\n---\n\n[nháp](nhap.md)\n")
        let error = try #require(site.failure())
        #expect(
            error.contains(
                "thu.md:5:1: error: the link to `nhap.md` points at a page that is not published in this build (it is a draft)"
            ))
        #expect(error.contains("--drafts"))
        try site.build(drafts: true)
    }

    @Test func brokenFragmentIsAWarningWithASuggestion() throws {
        let result = try render("[x](2021-12-03-ke-hoach.md#noi-dng)")
        #expect(result.html != nil)
        #expect(
            result.warnings.contains {
                $0.contains("`#noi-dng` is not a heading of") && $0.contains("did you mean `#noi-dung`?")
            })
    }
}
