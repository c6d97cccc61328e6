import Foundation
import Testing

@testable import PortalKit

/// The front matter's `image`: a file of `Content/media/` or an http(s) address, nothing else,
/// in `portal build` and in `portal check` alike.
@Suite struct PageImageTests {
    /// The base site plus a post whose front matter has `image: <value>` on line 3, the value
    /// at column 8.
    func site(image: String) throws -> TestSite {
        let site = try TestSite()
        try site.write(
            "Content/vi/tin-tuc/anh-bia.md",
            "---\ntitle: Ảnh bìa\nimage: \(image)\nimageAlt: Một bức ảnh\n---\n\nNội dung.\n")
        return site
    }

    static let rejected: [(image: String, message: String)] = [
        (
            "\"javascript:alert(1)\"",
            "the page's image `javascript:alert(1)` is not a file in media/ or an http(s) address"
        ),
        ("../../../../etc/passwd", "the page's image `../../../../etc/passwd` points outside the content folder"),
        ("/media/missing.jpg", "the page's image `/media/missing.jpg` is not a file in media/"),
        ("../../media/missing.jpg", "the page's image `../../media/missing.jpg` is not a file in media/"),
        ("/etc/passwd", "the page's image `/etc/passwd` is not a file in media/"),
        (
            "\"//evil.example/x.jpg\"",
            "the page's image `//evil.example/x.jpg` is not a file in media/ or an http(s) address"
        ),
        ("\"data:image/png;base64,AAAA\"", "is not a file in media/ or an http(s) address"),
        ("\"https://\"", "is not a file in media/ or an http(s) address"),
        ("\"https://cdn.example.org/a b.jpg\"", "holds a space or a control character"),
    ]

    @Test(arguments: rejected.indices)
    func aBadImageStopsTheBuildAtItsValueAndLeavesTheOutput(_ index: Int) throws {
        let (image, message) = Self.rejected[index]
        let good = try TestSite()
        try good.build()
        let before = TestSite.snapshot(good.output)

        let site = try site(image: image)
        let failure: String
        do {
            try site.build(output: good.output)
            Issue.record("`image: \(image)` built")
            return
        } catch { failure = error.description }
        #expect(failure.contains("Content/vi/tin-tuc/anh-bia.md:3:8: error: "), "\(failure)")
        #expect(failure.contains(message), "\(failure)")
        #expect(failure.contains("help: "))
        #expect(TestSite.snapshot(good.output) == before)

        // `portal check` says the same, at the same place.
        let findings = SiteCheck(contentDirectory: site.content, publication: Publication(now: TestSite.defaultNow))
            .run().filter { $0.severity == .error }.map(\.oneLine)
        #expect(findings.count == 1, "\(findings)")
        #expect(findings.first?.contains("anh-bia.md:3:8: error: ") == true, "\(findings)")
        #expect(findings.first?.contains(message) == true, "\(findings)")
    }

    @Test func aDraftWithABadImageIsReportedByCheckButDoesNotStopTheBuild() throws {
        let site = try TestSite()
        try site.write(
            "Content/vi/tin-tuc/nhap.md", "---\ntitle: Nháp\nimage: \"javascript:alert(1)\"\ndraft: true\n---\n")
        try site.build()
        let findings = SiteCheck(contentDirectory: site.content, publication: Publication(now: TestSite.defaultNow))
            .run().map(\.oneLine)
        #expect(findings.contains { $0.contains("nhap.md:3:8: error: the page's image `javascript:alert(1)`") })
        #expect(site.failure() == nil)
        #expect((try? site.build(drafts: true)) == nil)
    }

    @Test func aMediaFileBySitePathOrRelativePath() throws {
        for image in ["/media/anh.png", "../../media/anh.png", "/media/anh.png?v=2"] {
            let site = try site(image: image)
            try site.build()
            let html = try site.read("tin-tuc/anh-bia/index.html")
            // A photo of media/: its processed sizes (the query is the source's, not theirs).
            #expect(
                html.contains(
                    "<img src=\"/asean/media/anh.png\" width=\"8\" height=\"8\" alt=\"Một bức ảnh\" fetchpriority=\"high\""
                ),
                "\(image)")
            #expect(
                html.contains(
                    "<meta property=\"og:image\" content=\"https://example.gov.vn/asean/media/anh.png.share.jpg\">"),
                "\(image)")
            #expect(
                html.contains(
                    "<meta name=\"twitter:image\" content=\"https://example.gov.vn/asean/media/anh.png.share.jpg\">"))
            let findings = SiteCheck(contentDirectory: site.content, publication: Publication(now: TestSite.defaultNow))
                .run().filter { $0.severity == .error }
            #expect(findings.isEmpty, "\(findings.map(\.oneLine))")
        }
    }

    @Test func anHTTPSAddressIsPublishedAsItIs() throws {
        let site = try site(image: "https://cdn.example.org/anh/le-ky-niem.jpg")
        try site.build()
        let html = try site.read("tin-tuc/anh-bia/index.html")
        #expect(html.contains("<img src=\"https://cdn.example.org/anh/le-ky-niem.jpg\" alt=\"Một bức ảnh\">"))
        #expect(html.contains("<meta property=\"og:image\" content=\"https://cdn.example.org/anh/le-ky-niem.jpg\">"))
        #expect(html.contains("<meta name=\"twitter:image\" content=\"https://cdn.example.org/anh/le-ky-niem.jpg\">"))
        let findings = SiteCheck(contentDirectory: site.content, publication: Publication(now: TestSite.defaultNow))
            .run().filter { $0.severity == .error }
        #expect(findings.isEmpty, "\(findings.map(\.oneLine))")
    }
}

/// Menu addresses of site.yml follow the rule of links in Markdown: site paths, relative
/// paths, and the schemes links may have; never script, data or another host without a scheme.
@Suite struct MenuURLTests {
    /// The base site's settings with one more Vietnamese menu entry, whose `url:` value stands on
    /// line 14, column 14.
    static func settings(url: String) -> String {
        """
        baseURL: https://example.gov.vn/asean/
        theme: default
        defaultLanguage: vi
        languages:
          vi:
            name: Tiếng Việt
            locale: vi_VN
            title: Thử nghiệm
            description: Trang thử nghiệm.
            menu:
              - name: Tin tức
                page: tin-tuc/_index.md
              - name: Khác
                url: \(url)
          en:
            name: English
            locale: en_US
            title: Test site
            description: A test site.
        """
    }

    static let rejected = [
        "\"javascript:alert(1)\"", "\"JaVaScRiPt:alert(1)\"", "\" javascript:alert(1)\"", "\"java\\tscript:alert(1)\"",
        "\"\\u0001javascript:alert(1)\"", "\"data:text/html,<script>alert(1)</script>\"", "\"vbscript:msgbox(1)\"",
        "\"file:///etc/passwd\"", "//evil.example/", "\"/\\\\evil.example/\"", "\"\\\\\\\\evil.example/\"",
    ]

    @Test(arguments: rejected)
    func anUnsafeAddressIsAnErrorAtItsPlace(_ url: String) throws {
        do {
            _ = try SiteSettings.parse(Self.settings(url: url), file: "Content/site.yml")
            Issue.record("`url: \(url)` was accepted")
        } catch {
            #expect(error.location?.description == "Content/site.yml:14:14", "\(url): \(error)")
            #expect(error.message.contains("the menu address"), "\(error.message)")
            #expect(error.help?.contains("http") == true)
        }
    }

    @Test func anUnsafeAddressStopsTheBuild() throws {
        let site = try TestSite()
        try site.write("Content/site.yml", Self.settings(url: "\"javascript:alert(1)\""))
        let failure = try #require(site.failure())
        #expect(failure.contains("Content/site.yml:14:14: error: the menu address `javascript:alert(1)`"), "\(failure)")
    }

    @Test func safeAddressesAreKept() throws {
        for url in [
            "/ke-hoach/", "ke-hoach/", "https://asean.org/", "http://danang.gov.vn/", "mailto:asean@danang.gov.vn",
            "\"tel:+84236382200\"",
        ] {
            let site = try TestSite()
            try site.write("Content/site.yml", Self.settings(url: url))
            try site.build()
            let html = try site.read("index.html")
            let expected = url.hasPrefix("/") ? "/asean" + url : url.replacingOccurrences(of: "\"", with: "")
            #expect(html.contains("href=\"\(expected)\""), "\(url)")
        }
    }
}

/// A link or image whose address is removed leaves valid HTML: its text, without an empty
/// `href` or `src`, and a warning.
@Suite struct RemovedLinkTests {
    func render(_ markdown: String, raw: Bool) throws -> (html: String, warnings: [String]) {
        let site = try TestSite()
        if raw {
            let settings = try String(contentsOfFile: "\(site.content)/site.yml", encoding: .utf8)
            try site.write("Content/site.yml", settings + "markdown:\n  unsafeHTML: true\n")
        }
        try site.write("Content/vi/tin-tuc/thu.md", "---\ntitle: Thử\n---\n\n\(markdown)\n")
        let warnings = WarningLog()
        try site.build(warnings: warnings)
        let html = try site.read("tin-tuc/thu/index.html")
        let start = try #require(html.range(of: "<div class=\"content\">"))
        let end = try #require(html.range(of: "</div>", range: start.upperBound..<html.endIndex))
        return (String(html[start.upperBound..<end.lowerBound]), warnings.all.map(\.description))
    }

    @Test(arguments: [false, true])
    func removedAddressesLeaveTheirText(raw: Bool) throws {
        let (html, warnings) = try render(
            """
            Ảnh ![alt text &lt;b&gt;](javascript:alert(1)) và [click](javascript:alert(1)) và [x *đậm*](vbscript:msgbox(1))
            và [y](data:text/html,<script>alert(1)</script>) và [t](java&#9;script:alert(1))
            và [u](&#1;javascript:alert(1)) và [v](< javascript:alert(1)>) và ![](JaVaScRiPt:alert(1)).
            """, raw: raw)
        for gone in ["src=\"\"", "href=\"\"", "<a>", "<img", "script:", "data:", "href=\"java", "src=\"java"] {
            #expect(!html.lowercased().contains(gone), "\(gone) in \(html)")
        }
        #expect(
            html.contains("<p>Ảnh alt text &lt;b&gt; và click và x <em>đậm</em>\nvà y và t\nvà u và v và .</p>"),
            "\(html)")
        let removed = warnings.filter { $0.contains("was removed") }
        #expect(removed.count == 8, "\(warnings)")
        #expect(
            warnings.contains { $0.contains("thu.md:5:5: warning: the link to a `javascript:` address was removed") })
    }

    @Test func safeLinksAndImagesAreUntouched() throws {
        let (html, warnings) = try render(
            "[a](https://asean.org/) ![b](/media/anh.png) [c](mailto:a@b.vn) ![d](data:image/png;base64,iVBORw0KGgo=)",
            raw: false)
        #expect(html.contains("<a href=\"https://asean.org/\">a</a>"))
        #expect(html.contains("<img src=\"/asean/media/anh.png\" width=\"8\" height=\"8\" alt=\"b\" loading=\"lazy\""))
        #expect(html.contains("<a href=\"mailto:a@b.vn\">c</a>"))
        #expect(html.contains("<img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"d\" />"))
        #expect(warnings.isEmpty, "\(warnings)")
    }
}
