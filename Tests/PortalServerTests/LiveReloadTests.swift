import Foundation
import PortalKit
import Testing

@testable import PortalServer

@Suite struct LiveReloadTests {
    func inject(_ html: String) -> String {
        String(decoding: LiveReload.inject(into: Array(html.utf8), generation: 7), as: UTF8.self)
    }

    @Test func theScriptGoesBeforeTheLastClosingBodyTag() {
        let script = LiveReload.script(generation: 7)
        #expect(script.contains("new EventSource(\"/__portal/events\")"))
        #expect(script.contains("const g=7"))
        #expect(inject("<html><body><p>x</p></body></html>\n") == "<html><body><p>x</p>\(script)</body></html>\n")
        // The last one, whatever its case; text before it (a code sample) is left alone.
        #expect(
            inject("<BODY><pre>&lt;/body&gt; </body></pre></BODY>")
                == "<BODY><pre>&lt;/body&gt; </body></pre>\(script)</BODY>")
        // No closing tag: at the end.
        #expect(inject("<p>fragment") == "<p>fragment\(script)")
        // Bytes that are not UTF-8 stay as they were.
        let latin1: [UInt8] = [0x3C, 0x70, 0x3E, 0xE9, 0x3C, 0x2F, 0x62, 0x6F, 0x64, 0x79, 0x3E]
        let injected = LiveReload.inject(into: latin1, generation: 1)
        #expect(Array(injected.prefix(4)) == [0x3C, 0x70, 0x3E, 0xE9])
        #expect(Array(injected.suffix(7)) == Array("</body>".utf8))
    }

    @Test func onlyHTMLGetsTheScript() {
        #expect(LiveReload.isHTML(contentType: "text/html"))
        #expect(LiveReload.isHTML(contentType: "text/html; charset=utf-8"))
        #expect(LiveReload.isHTML(contentType: "TEXT/HTML;charset=UTF-8"))
        for type in [
            "text/css; charset=utf-8", "application/javascript", "application/xml", "application/json",
            "application/atom+xml", "image/svg+xml", "text/plain", "application/xhtml+xml", "text/calendar",
        ] {
            #expect(!LiveReload.isHTML(contentType: type), "\(type)")
        }
        #expect(SiteResponder.contentType(ofFile: "/x/index.html") == "text/html; charset=utf-8")
        #expect(SiteResponder.contentType(ofFile: "/x/style.4d8d71fe.css") == "text/css; charset=utf-8")
        #expect(!LiveReload.isHTML(contentType: SiteResponder.contentType(ofFile: "/x/atom.xml")))
        #expect(!LiveReload.isHTML(contentType: SiteResponder.contentType(ofFile: "/x/print.js")))
        #expect(SiteResponder.contentType(ofFile: "/x/file.unknown") == "application/octet-stream")
    }

    @Test func theErrorPageEscapesAndShowsWhere() {
        let report = """
            Content/vi/a <b>.md:3:7: error: the YAML is not well formed: <script>alert(1)</script> & more
              help: quote "values"
            build failed: 1 error; the output folder was left as it was
            """
        let html = ErrorPage.html(report: report, changed: ["Content/vi/a <b>.md"], generation: 3)
        #expect(html.contains("<strong class=\"loc\">Content/vi/a &lt;b&gt;.md:3:7</strong>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more"))
        #expect(html.contains("help: quote &quot;values&quot;"))
        #expect(!html.contains("<script>alert"))
        #expect(!html.contains("<b>"))
        #expect(html.contains(LiveReload.script(generation: 3)))
    }

    /// A report in Vietnamese (`lỗi`, `cảnh báo`) shows its places and severities as an English one does.
    @Test func theErrorPageMarksVietnameseLines() {
        let report = """
            Content/vi/a.md:1:1: lỗi: thiếu tiêu đề (`title`)
              Cách sửa: thêm `title: …` vào phần đầu (front matter) của tệp
            Content/vi/b.md:4:8: cảnh báo: ảnh của trang chưa có `imageAlt`
            dựng trang không thành công: 1 lỗi; thư mục đầu ra được giữ nguyên như trước
            """
        let html = ErrorPage.html(report: report, changed: ["Content/vi/a.md"], generation: 1)
        #expect(
            html.contains(
                "<strong class=\"loc\">Content/vi/a.md:1:1</strong>: <span class=\"error\">lỗi:</span> thiếu tiêu đề"))
        #expect(
            html.contains(
                "<strong class=\"loc\">Content/vi/b.md:4:8</strong>: <span class=\"warning\">cảnh báo:</span> ảnh"))
        #expect(html.contains("\ndựng trang không thành công: 1 lỗi;"))
        #expect(html.contains("Thay đổi gần nhất · Last change: Content/vi/a.md"))
    }

    /// `portal build` publishes its output as it is: nothing of the preview in it.
    @Test func buildOutputNeverContainsThePreviewScript() throws {
        let site = try PreviewSite()
        defer { site.remove() }
        let output = site.root + "/Output"
        _ = try SiteBuild.run(
            BuildOptions(
                contentDirectory: site.content, outputDirectory: output,
                publication: Publication(now: ServeTests.now), jobs: 2),
            warnings: WarningLog())
        let files = try #require(FileManager.default.subpaths(atPath: output))
        var checked = 0
        for file in files {
            guard let data = FileManager.default.contents(atPath: output + "/" + file) else { continue }
            #expect(data.range(of: Data("__portal".utf8)) == nil, "\(file)")
            #expect(data.range(of: Data("EventSource".utf8)) == nil, "\(file)")
            checked += 1
        }
        #expect(checked > 5)
        #expect(files.contains("tin-tuc/ky-niem/index.html"))
    }

    @Test func pathsResolveInsideTheOutputOnly() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("portal-resolve-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        for file in [
            "index.html", "404.html", "en/404.html", "tin-tuc/index.html", "media/ảnh đẹp.jpg", ".portal-output",
        ] {
            let path = root + "/" + file
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data("x".utf8).write(to: URL(fileURLWithPath: path))
        }
        try FileManager.default.createDirectory(atPath: root + "/empty", withIntermediateDirectories: true)
        typealias R = SiteResponder.Resolution
        #expect(SiteResponder.resolve("/", root: root) == R.file(root + "/index.html"))
        #expect(SiteResponder.resolve("/tin-tuc/", root: root) == R.file(root + "/tin-tuc/index.html"))
        #expect(SiteResponder.resolve("/tin-tuc", root: root) == R.redirect("/tin-tuc/"))
        #expect(SiteResponder.resolve("/tin-tuc/index.html", root: root) == R.file(root + "/tin-tuc/index.html"))
        #expect(
            SiteResponder.resolve("/media/%E1%BA%A3nh%20%C4%91%E1%BA%B9p.jpg", root: root)
                == R.file(root + "/media/ảnh đẹp.jpg"))
        #expect(SiteResponder.resolve("/empty/", root: root) == R.notFound)
        #expect(SiteResponder.resolve("/nothing", root: root) == R.notFound)
        #expect(SiteResponder.resolve("/.portal-output", root: root) == R.notFound)
        #expect(SiteResponder.resolve("/tin-tuc/../../etc/passwd", root: root) == R.notFound)
        #expect(SiteResponder.resolve("/tin-tuc/%2E%2E/%2e%2e/etc/passwd", root: root) == R.notFound)
        #expect(SiteResponder.notFoundPage(for: "/en/x/y/", root: root) == root + "/en/404.html")
        #expect(SiteResponder.notFoundPage(for: "/en", root: root) == root + "/404.html")
        #expect(SiteResponder.notFoundPage(for: "/x/", root: root) == root + "/404.html")
    }

    @Test func theWatchedFoldersAreTheContentAndTheThemes() {
        let options = ServeOptions(contentDirectory: "/site/Content", themeDirectory: "/site/Themes/trial/")
        #expect(options.watchedDirectories == ["/site/Content", "/site/Themes"])
        let elsewhere = ServeOptions(contentDirectory: "/site/Content/", themeDirectory: "/home/me/theme")
        #expect(elsewhere.watchedDirectories == ["/site/Content", "/site/Themes", "/home/me/theme"])
    }

    @Test func changesAreDescribedInOneLine() {
        #expect(PreviewServer.describe(changed: ["/a/b.md"]).en == "a change to /a/b.md")
        #expect(
            PreviewServer.describe(changed: ["/a", "/b", "/c", "/d"]).en == "changes to 4 files (/a, /b, /c, …)")
    }
}
