import Foundation
import Testing

@testable import PortalKit

@Suite struct TranslationTests {
    @Test func hreflangListsOnlyTranslationsThatExist() throws {
        let site = try TestSite()
        try site.build()
        let vi = try site.read("tin-tuc/ky-niem/index.html")
        #expect(vi.contains("<html lang=\"vi\">"))
        #expect(
            vi.contains(
                "<link rel=\"alternate\" hreflang=\"vi\" href=\"https://example.gov.vn/asean/tin-tuc/ky-niem/\">"))
        #expect(
            vi.contains(
                "<link rel=\"alternate\" hreflang=\"en\" href=\"https://example.gov.vn/asean/en/news/anniversary/\">"))
        #expect(
            vi.contains(
                "<link rel=\"alternate\" hreflang=\"x-default\" href=\"https://example.gov.vn/asean/tin-tuc/ky-niem/\">"
            ))
        let en = try site.read("en/news/anniversary/index.html")
        #expect(en.contains("<html lang=\"en\">"))
        #expect(en.contains("hreflang=\"vi\" href=\"https://example.gov.vn/asean/tin-tuc/ky-niem/\""))
        #expect(en.contains("<a href=\"/asean/tin-tuc/ky-niem/\" lang=\"vi\" hreflang=\"vi\">Tiếng Việt</a>"))

        // No English version: no `en` alternate, and the switch goes to the English home.
        let alone = try site.read("tin-tuc/ke-hoach/index.html")
        #expect(!alone.contains("hreflang=\"en\" href"))
        #expect(alone.contains("<a href=\"/asean/en/\" lang=\"en\" hreflang=\"en\">English</a>"))
        #expect(alone.components(separatedBy: "rel=\"alternate\" hreflang").count == 3)  // vi + x-default
    }

    @Test func pairsBySamePathWithoutTranslationKey() throws {
        let site = try TestSite()
        try site.write("Content/vi/lien-he.md", "---\ntitle: Liên hệ\n---\n")
        try site.write("Content/en/lien-he.md", "---\ntitle: Contact\nslug: contact\n---\n")
        try site.build()
        let vi = try site.read("lien-he/index.html")
        #expect(vi.contains("hreflang=\"en\" href=\"https://example.gov.vn/asean/en/contact/\""))
        #expect(
            try site.read("en/contact/index.html").contains(
                "hreflang=\"vi\" href=\"https://example.gov.vn/asean/lien-he/\""))
    }

    @Test func unpublishedTranslationIsNotAnAlternate() throws {
        let site = try TestSite()
        try site.write(
            "Content/en/news/2025-07-28-anniversary.md",
            "---\ntitle: Anniversary\ntranslationKey: anniversary\ndraft: true\n---\n")
        try site.build()
        let vi = try site.read("tin-tuc/ky-niem/index.html")
        #expect(!vi.contains("hreflang=\"en\" href"))
        #expect(!FileManager.default.fileExists(atPath: "\(site.output)/en/news/anniversary/index.html"))
    }

    @Test func duplicateTranslationKeyInOneLanguage() throws {
        let site = try TestSite()
        try site.write("Content/vi/khac.md", "---\ntitle: Khác\ntranslationKey: anniversary\n---\n")
        let error = try #require(site.failure())
        #expect(error.contains("translationKey `anniversary` is already used by"))
    }
}

@Suite struct StructureTests {
    @Test func sectionsListNewestFirstAndWeightBreaksTies() throws {
        let site = try TestSite()
        try site.write("Content/vi/tin-tuc/a.md", "---\ntitle: A\ndate: 2025-07-28\nweight: 2\n---\n")
        try site.write("Content/vi/tin-tuc/b.md", "---\ntitle: B\ndate: 2025-07-28\nweight: 1\n---\n")
        try site.write("Content/vi/tin-tuc/c.md", "---\ntitle: C không ngày\n---\n")
        try site.build()
        let html = try site.read("tin-tuc/index.html")
        let order = [
            "/asean/tin-tuc/b/", "/asean/tin-tuc/a/", "/asean/tin-tuc/ky-niem/", "/asean/tin-tuc/ke-hoach/",
            "/asean/tin-tuc/c/",
        ]
        let positions = order.map { html.range(of: "href=\"\($0)\"")?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil })
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
        #expect(html.contains("<time datetime=\"2025-07-28T00:00:00+07:00\">28/7/2025</time>"))
    }

    @Test func folderWithoutIndexGetsAListingAndSlugsFoldFolders() throws {
        let site = try TestSite()
        try site.write("Content/vi/Hoạt động/Đoàn ra.md", "---\ntitle: Đoàn ra\n---\n")
        try site.build()
        #expect(try site.read("hoat-dong/doan-ra/index.html").contains("<h1>Đoàn ra</h1>"))
        let listing = try site.read("hoat-dong/index.html")
        #expect(listing.contains("<h1>Hoạt động</h1>"))
        #expect(listing.contains("href=\"/asean/hoat-dong/doan-ra/\""))
    }

    @Test func homePagesAndNotFoundPagesExist() throws {
        let site = try TestSite()
        try site.build()
        #expect(try site.read("index.html").contains("<h1>Trang chủ</h1>"))
        #expect(try site.read("en/index.html").contains("<h1>Home</h1>"))
        #expect(try site.read("404.html").contains("Không tìm thấy trang"))
        #expect(try site.read("en/404.html").contains("Page not found"))
        #expect(FileManager.default.fileExists(atPath: "\(site.output)/media/anh.png"))
        let assets = try FileManager.default.contentsOfDirectory(atPath: "\(site.output)/assets")
        #expect(assets.contains { $0.hasPrefix("style.") && $0.hasSuffix(".css") && $0 != "style.css" })
    }

    @Test func menuMarksTheCurrentPage() throws {
        let site = try TestSite()
        try site.build()
        #expect(
            try site.read("tin-tuc/index.html").contains(
                "<a href=\"/asean/tin-tuc/\" aria-current=\"page\">Tin tức</a>"))
        #expect(try site.read("index.html").contains("<a href=\"/asean/tin-tuc/\">Tin tức</a>"))
    }

    @Test func baseURLOverrideChangesEveryLink() throws {
        let site = try TestSite()
        let options = BuildOptions(
            contentDirectory: site.content, outputDirectory: site.output,
            publication: Publication(now: TestSite.defaultNow),
            baseURL: BaseURL("http://127.0.0.1:1313/"))
        try SiteBuild.run(options, warnings: WarningLog())
        let html = try site.read("tin-tuc/ky-niem/index.html")
        #expect(!html.contains("/asean/"))
        #expect(html.contains("href=\"http://127.0.0.1:1313/tin-tuc/ky-niem/\""))
        #expect(html.contains("href=\"/tin-tuc/ke-hoach/#noi-dung\""))
    }

    @Test func schedulingLeavesPagesOutEverywhere() throws {
        let site = try TestSite()
        try site.write("Content/vi/tin-tuc/nhap.md", "---\ntitle: Nháp\ndraft: true\n---\n")
        try site.write("Content/vi/tin-tuc/sap-toi.md", "---\ntitle: Sắp tới\ndate: 2026-11-29T12:00:01\n---\n")
        try site.write("Content/vi/tin-tuc/dung-gio.md", "---\ntitle: Đúng giờ\npublishDate: 2026-11-29T12:00\n---\n")
        try site.write("Content/vi/tin-tuc/het-han.md", "---\ntitle: Hết hạn\nexpiryDate: 2026-11-29T12:00\n---\n")
        try site.build()
        let listing = try site.read("tin-tuc/index.html")
        #expect(!listing.contains("Nháp") && !listing.contains("Sắp tới") && !listing.contains("Hết hạn"))
        #expect(listing.contains("Đúng giờ"))
        for path in ["nhap", "sap-toi", "het-han"] {
            #expect(!FileManager.default.fileExists(atPath: "\(site.output)/tin-tuc/\(path)/index.html"))
        }
        try site.build(drafts: true, future: true)
        #expect(FileManager.default.fileExists(atPath: "\(site.output)/tin-tuc/nhap/index.html"))
        #expect(FileManager.default.fileExists(atPath: "\(site.output)/tin-tuc/sap-toi/index.html"))
        #expect(!FileManager.default.fileExists(atPath: "\(site.output)/tin-tuc/het-han/index.html"))
    }
}

@Suite struct OutputTests {
    @Test func refusesAFolderItDidNotMake() throws {
        let site = try TestSite()
        try site.write("Output/important.txt", "published by hand")
        let error = try #require(site.failure())
        #expect(error.contains("the output folder is not empty and was not made by portal"))
        #expect(try site.read("important.txt") == "published by hand")
    }

    @Test func replacesItsOwnOutputAndDropsStaleFiles() throws {
        let site = try TestSite()
        try site.build()
        try site.remove("Content/vi/tin-tuc/2021-12-03-ke-hoach.md")
        try site.write(
            "Content/vi/tin-tuc/2025-07-28-ky-niem.md", "---\ntitle: Kỷ niệm\ntranslationKey: anniversary\n---\n")
        try site.build()
        #expect(!FileManager.default.fileExists(atPath: "\(site.output)/tin-tuc/ke-hoach/index.html"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter {
            $0.contains("staging")
        }
        #expect(leftovers.isEmpty)
    }

    @Test func emptyExistingFolderIsFine() throws {
        let site = try TestSite()
        try FileManager.default.createDirectory(atPath: site.output, withIntermediateDirectories: true)
        try site.build()
        #expect(FileManager.default.fileExists(atPath: "\(site.output)/index.html"))
    }
}

@Suite struct ThemeValidationTests {
    @Test func missingLayout() throws {
        let site = try TestSite()
        try site.remove("Themes/default/layouts/section.mustache")
        let error = try #require(site.failure())
        #expect(error.contains("Themes/default/layouts: error: the theme has no `section` layout"))
    }

    @Test func unparsableTemplateNamesFileAndLine() throws {
        let site = try TestSite()
        try site.write(
            "Themes/default/layouts/page.mustache",
            "<main>\n<h1>{{page.title}}</h1>\n{{#page.tags}}\n<p>{{name}}</p>\n{{/page.tag}}\n</main>\n")
        let error = try #require(site.failure())
        #expect(error.contains("Themes/default/layouts/page.mustache:5:1:"))
        #expect(error.contains("error: the template cannot be parsed"))
        // The layout is there, only broken: no second error saying it is missing.
        #expect(!error.contains("has no `page` layout"))
    }

    @Test func missingPartialAndI18nKey() throws {
        let site = try TestSite()
        try site.write("Themes/default/layouts/page.mustache", "<p>{{i18n.nothing}}</p>\n  {{> nowhere}}\n")
        let error = try #require(site.failure())
        #expect(
            error.contains(
                "Themes/default/layouts/page.mustache:1:4: error: the UI string `nothing` is missing in `vi`"))
        #expect(error.contains("Themes/default/layouts/page.mustache:2:3: error: the template uses `nowhere`"))
    }

    @Test func i18nKeyMissingInOneLanguageWarns() throws {
        let site = try TestSite()
        try site.write("Content/i18n/vi.yml", "onlyVietnamese: Chỉ tiếng Việt\n")
        let warnings = WarningLog()
        try site.build(warnings: warnings)
        #expect(warnings.all.contains { $0.message == "the UI string `onlyVietnamese` is missing in `en`" })
    }

    @Test func unknownLayoutInFrontMatter() throws {
        let site = try TestSite()
        try site.write("Content/vi/khac.md", "---\ntitle: Khác\nlayout: landing\n---\n")
        let error = try #require(site.failure())
        #expect(error.contains("khac.md:3:9: error: `layout: landing` names a layout the theme does not have"))
    }

    /// swift-mustache: a parent whose name has no `/` closes and fills its blocks. The theme
    /// keeps layout and partial names flat because of this.
    @Test func parentTemplatesWithFlatNamesRender() throws {
        let site = try TestSite()
        try site.build()
        let html = try site.read("tin-tuc/ky-niem/index.html")
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<h1>Kỷ niệm ngày gia nhập</h1>"))
        #expect(html.hasSuffix("</html>\n"))
    }
}

@Suite struct InputNormalisationTests {
    @Test func decomposedFileNamesCRLFAndByteOrderMarkBuildLikeAnyOther() throws {
        let site = try TestSite()
        let nfdName = "Hội nghị Đà Nẵng.md".decomposedStringWithCanonicalMapping
        let text =
            "\u{FEFF}---\r\ntitle: \("Hội nghị".decomposedStringWithCanonicalMapping)\r\ndate: 2025-08-08\r\n---\r\n\r\n## Mục \("một".decomposedStringWithCanonicalMapping)\r\n\r\nXem [trang chủ](../_index.md).\r\n"
        try site.write("Content/vi/tin-tuc/\(nfdName)", text)
        try site.write(
            "Content/vi/lien-ket.md", "---\ntitle: Liên kết\n---\n\n[Hội nghị](<tin-tuc/Hội nghị Đà Nẵng.md#muc-mot>)\n"
        )
        let warnings = WarningLog()
        try site.build(warnings: warnings)
        #expect(warnings.all.isEmpty, "\(warnings.all)")
        let html = try site.read("tin-tuc/hoi-nghi-da-nang/index.html")
        #expect(html.contains("<h1>Hội nghị</h1>"))
        #expect(html.utf8.count == html.precomposedStringWithCanonicalMapping.utf8.count)
        #expect(html.contains("<h2 id=\"muc-mot\">"))
        #expect(!html.contains("\r"))
        #expect(try site.read("lien-ket/index.html").contains("href=\"/asean/tin-tuc/hoi-nghi-da-nang/#muc-mot\""))
    }

    @Test func unknownTopLevelFileWarns() throws {
        let site = try TestSite()
        try site.write("Content/notes.txt", "x")
        let warnings = WarningLog()
        try site.build(warnings: warnings)
        #expect(
            warnings.all.contains {
                $0.location?.file.hasSuffix("Content/notes.txt") == true
                    && $0.message == "this file is not used by the build"
            })
    }
}

@Suite struct AssetTests {
    @Test func stylesheetsCarryAHashAndIntegrity() throws {
        let site = try TestSite()
        try site.write("Themes/default/assets/style.css", "body { color: #111; }\n")
        try site.write("Themes/default/assets/img/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")
        try site.build()
        let html = try site.read("index.html")
        let data = Data("body { color: #111; }\n".utf8)
        let name = try #require(
            try FileManager.default.contentsOfDirectory(atPath: "\(site.output)/assets").first { $0.hasSuffix(".css") })
        #expect(name.count == "style.12345678.css".count)
        #expect(FileManager.default.contents(atPath: "\(site.output)/assets/\(name)") == data)
        #expect(html.contains("<link rel=\"stylesheet\" href=\"/asean/assets/\(name)\" integrity=\"sha384-"))
        #expect(FileManager.default.fileExists(atPath: "\(site.output)/assets/img/logo.svg"))
        // A change of bytes is a change of name.
        try site.write("Themes/default/assets/style.css", "body { color: #000; }\n")
        try site.build()
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: "\(site.output)/assets").first { $0.hasSuffix(".css") }
                != name)
    }

    @Test func unknownAssetInATemplateIsAnError() throws {
        let site = try TestSite()
        try site.write("Themes/default/partials/footer.mustache", "<script src=\"{{asset.app_js.url}}\"></script>\n")
        let error = try #require(site.failure())
        #expect(error.contains("footer.mustache:1:14: error: the template uses the asset `app_js`"))
        #expect(error.contains("style_css"))
    }
}

@Suite struct TemplateOverrideTests {
    @Test func aSiteReplacesOneTemplateOfTheTheme() throws {
        let site = try TestSite()
        try site.write("Content/partials/footer.mustache", "<footer><p>Sở Ngoại vụ thành phố Đà Nẵng</p></footer>\n")
        try site.build()
        let html = try site.read("index.html")
        #expect(html.contains("<footer><p>Sở Ngoại vụ thành phố Đà Nẵng</p></footer>"))
        #expect(html.contains("<h1>Trang chủ</h1>"))  // the rest is the theme's
    }

    @Test func overridesAreValidatedLikeTheTheme() throws {
        let site = try TestSite()
        try site.write("Content/layouts/page.mustache", "{{#page.title}}\n")
        let error = try #require(site.failure())
        #expect(error.contains("Content/layouts/page.mustache:"))
        #expect(error.contains("the template cannot be parsed"))
    }
}

@Suite struct IncrementalOutputTests {
    @Test func unchangedFilesKeepTheirBytesAndTimesAndTheReportCounts() throws {
        let site = try TestSite()
        let first = try site.build()
        #expect(first.filesUnchanged == 0 && first.filesRemoved == 0)
        let post = "\(site.output)/tin-tuc/ke-hoach/index.html"
        let home = "\(site.output)/index.html"
        // Make the published files look old, to see which are rewritten.
        let old = Date(timeIntervalSince1970: 1_000_000_000)
        for path in [post, home] { try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: path) }

        let second = try site.build()
        #expect(second.filesWritten == 0)
        #expect(second.filesUnchanged == first.filesWritten)
        #expect(try FileManager.default.attributesOfItem(atPath: post)[.modificationDate] as? Date == old)

        // One post changes: its page and what lists it are written; the rest stay.
        try site.write(
            "Content/vi/tin-tuc/2025-07-28-ky-niem.md",
            "---\ntitle: Kỷ niệm mới\ndate: 2025-07-28\ntranslationKey: anniversary\n---\n")
        try site.remove("Content/vi/tin-tuc/2021-12-03-ke-hoach.md")
        // A file put in the output by hand is not the build's: it goes too.
        try site.write("Output/stray/old.html", "<p>old</p>")
        let third = try site.build()
        #expect(third.filesWritten > 0 && third.filesWritten < 40, "\(third.filesWritten) written")
        // Files the removed post made (its page and tag page, each with its .br and .gz), the
        // stray one, the .br and .gz of the three feeds that are now 1 KB or less, and the
        // Vietnamese search shards whose bytes changed under their old names (a shard's name
        // holds its digest: the term shard with its .br and .gz, a document shard); not the
        // new files renamed into place.
        #expect(third.filesRemoved == 17)
        #expect(!FileManager.default.fileExists(atPath: "\(site.output)/stray"))
        #expect(!FileManager.default.fileExists(atPath: post))
        #expect(!FileManager.default.fileExists(atPath: "\(site.output)/tin-tuc/ke-hoach"))
        #expect(try FileManager.default.attributesOfItem(atPath: home)[.modificationDate] as? Date != old)
        #expect(try site.read("tin-tuc/ky-niem/index.html").contains("Kỷ niệm mới"))
        let hidden = try FileManager.default.subpathsOfDirectory(atPath: site.output).filter {
            $0.hasSuffix(".portal-new")
        }
        #expect(hidden.isEmpty)
    }

    /// A rebuild reuses the HTML of bodies that did not change, but their links are checked
    /// again: a post whose link target went away fails the build at the link's line and column,
    /// and a warning about an unchanged post is given on every build, not only the first.
    @Test func unchangedBodiesStillHaveTheirLinksChecked() throws {
        let site = try TestSite()
        try site.write(
            "Content/vi/tin-tuc/lien-ket.md",
            "---\ntitle: Liên kết\ndate: 2025-01-02\n---\n\nĐọc [kế hoạch](2021-12-03-ke-hoach.md) và ![](/media/khong-co.png).\n"
        )
        let first = WarningLog()
        #expect(throws: BuildFailure.self) { try site.build(warnings: first) }
        try site.write(
            "Content/vi/tin-tuc/lien-ket.md",
            "---\ntitle: Liên kết\ndate: 2025-01-02\n---\n\nĐọc [kế hoạch](2021-12-03-ke-hoach.md) và ![](https://x.vn/a.png).\n"
        )
        let second = WarningLog()
        try site.build(warnings: second)
        let third = WarningLog()
        try site.build(warnings: third)
        for log in [second, third] {
            #expect(log.all.contains { $0.message.contains("has no alt text") && $0.location?.line == 6 })
        }
        #expect(try site.read("tin-tuc/lien-ket/index.html").contains("tin-tuc/ke-hoach/\""))

        try site.remove("Content/vi/tin-tuc/2021-12-03-ke-hoach.md")
        let error = try #require(site.failure())
        #expect(error.contains("lien-ket.md:6:5"), "\(error)")
        #expect(error.contains("2021-12-03-ke-hoach.md"), "\(error)")
    }

    /// Front matter read from the cache is what reading the file gives, and a file whose front
    /// matter warns is read (and warns) on every build.
    @Test func cachedFrontMatterIsTheFilesAndWarningsComeEveryTime() throws {
        let site = try TestSite()
        try site.write(
            "Content/vi/tin-tuc/day-du.md",
            """
            ---
            title: Đầy đủ
            date: 2025-01-02T08:30
            summary: Tóm tắt
            slug: day-du-3881
            translationKey: full
            tags: [ASEAN, Văn hóa]
            image: /media/a.png
            imageAlt: Ảnh
            draft: false
            publishDate: 2025-01-01
            expiryDate: 2030-01-01
            aliases: [/cu/]
            weight: 3
            translatedFrom: {language: en, digest: abc}
            ---

            Nội dung.
            """)
        try site.write(
            "Content/media/a.png", try Data(contentsOf: URL(fileURLWithPath: "\(site.content)/media/anh.png")))
        try site.write("Content/vi/tin-tuc/canh-bao.md", "---\ntitle: Cảnh báo\ndate: 2025-01-03\nsumary: x\n---\n")
        try site.build()
        let source = SourceFile(
            language: "vi", relativePath: "tin-tuc/day-du.md", displayPath: "Content/vi/tin-tuc/day-du.md",
            text: try String(contentsOfFile: "\(site.content)/vi/tin-tuc/day-du.md", encoding: .utf8), diskPath: "")
        let fresh = try FrontMatterParser.parse(source, warnings: WarningLog()).frontMatter
        var writer = ByteWriter()
        writer.frontMatter(fresh)
        var reader = ByteReader(bytes: writer.bytes)
        let decoded = reader.frontMatter()
        let read = try #require(decoded)
        func fields(_ m: FrontMatter) -> String {
            "\(m.title)|\(String(describing: m.date))|\(String(describing: m.summary))|\(String(describing: m.slug))|"
                + "\(String(describing: m.translationKey))|\(m.tags)|\(String(describing: m.image))|"
                + "\(String(describing: m.imageAlt))|\(m.draft)|\(String(describing: m.publishDate))|"
                + "\(String(describing: m.expiryDate))|\(m.aliases)|\(m.weight)|"
                + "\(String(describing: m.translatedFrom))|\(m.locations.sorted { $0.key < $1.key }.map { "\($0)" })"
        }
        #expect(fields(read) == fields(fresh))
        #expect(fresh.locations["weight"]?.line == 14)

        for _ in 0..<2 {
            let warnings = WarningLog()
            try site.build(warnings: warnings)
            #expect(warnings.all.contains { $0.message.contains("`sumary`") })
        }
        #expect(try site.read("tin-tuc/day-du-3881/index.html").contains("Đầy đủ"))
    }

    /// `.portal-cache/` can go at any time: the next build renders everything again, writes
    /// nothing that did not change, and makes the caches anew.
    @Test func deletingTheCachesIsSafe() throws {
        let site = try TestSite()
        try site.build()
        let caches = site.root.appendingPathComponent(".portal-cache").path
        let kinds = try FileManager.default.contentsOfDirectory(atPath: caches).sorted()
        #expect(
            kinds == [
                "Output.compressed", "Output.frontmatter", "Output.json", "Output.markdown", "Output.photos",
                "Output.photos-published", "Output.search", "Output.search-terms-en", "Output.search-terms-vi",
            ])
        let before = TestSite.snapshot(site.output)
        try FileManager.default.removeItem(atPath: caches)
        let again = try site.build()
        #expect(again.filesWritten == 0)
        #expect(TestSite.snapshot(site.output) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: caches).sorted() == kinds)
    }

    /// After any sequence of builds with changes to content, templates, settings and UI
    /// strings in turn, the output is byte for byte a clean build's.
    @Test func incrementalBuildsEqualCleanBuilds() throws {
        let site = try TestSite(fixture: "catalog")
        var now = TestSite.defaultNow
        try site.build(now: now)
        func replace(_ path: String, _ old: String, _ new: String) throws {
            let text = try String(contentsOfFile: "\(site.root.path)/\(path)", encoding: .utf8)
            #expect(text.contains(old), "\(path) has no \(old)")
            try site.write(path, text.replacingOccurrences(of: old, with: new))
        }
        let changes: [(String, () throws -> Void)] = [
            (
                "a new post",
                {
                    try site.write(
                        "Content/vi/tin-tuc/moi.md",
                        "---\ntitle: Mới\ndate: 2026-01-01\ntags: [Mới]\nagency: so-noi-vu\n---\n\n## Mục\n")
                }
            ),
            (
                "a post's title",
                {
                    try replace(
                        "Content/vi/tin-tuc/2021-12-03-ke-hoach.md", "Ban hành kế hoạch", "Ban hành Kế hoạch 3881")
                }
            ),
            (
                // New syllables, and known ones in new forms: the search index reads this post
                // again and takes the others from its cache.
                "a post's body",
                {
                    try replace(
                        "Content/vi/tin-tuc/2021-12-03-ke-hoach.md", "\n---\n",
                        "\n---\n\nXUÂN Đà Nẵng, hoà hợp và hòa bình; quẩy.\n")
                }
            ),
            (
                "a damaged search cache",
                {
                    let cache = site.root.appendingPathComponent(".portal-cache/Output.search-terms-vi").path
                    let bytes = try Data(contentsOf: URL(fileURLWithPath: cache))
                    try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: cache))
                    try replace("Content/vi/tin-tuc/2021-12-03-ke-hoach.md", "quẩy", "quẩy lên")
                }
            ),
            (
                "a slug other pages link to",
                {
                    try replace(
                        "Content/vi/tin-tuc/2021-12-03-ke-hoach.md", "date: 2021-12-03",
                        "date: 2021-12-03\nslug: ke-hoach-3881")
                }
            ),
            (
                "a template",
                { try replace("Themes/default/partials/footer.mustache", "</footer>", "<!-- chân trang --></footer>") }
            ),
            ("the settings", { try replace("Content/site.yml", "title: Thử nghiệm", "title: Thử nghiệm mới") }),
            ("a UI string", { try replace("Themes/default/i18n/vi.yml", "Tin mới", "Tin mới nhất") }),
            ("the data", { try replace("Content/agencies.yml", "Sở Nội vụ", "Sở Nội vụ thành phố") }),
            // Listings show summaries, posts link their tags: front matter beyond the title.
            (
                "a post's summary and tags",
                {
                    try replace(
                        "Content/en/news/2025-07-28-anniversary.md", "date: 2025-07-28",
                        "date: 2025-07-28\nsummary: Thirty years on.\ntags: [ASEAN]")
                }
            ),
            // Posts show their section's title; a new translation changes the original's
            // language switch. Neither touches the posts' own files.
            (
                "a section's title",
                { try replace("Content/vi/tin-tuc/_index.md", "title: Tin tức", "title: Tin tức mới") }
            ),
            (
                "a new translation",
                {
                    try site.write(
                        "Content/en/news/2021-12-03-plan.md",
                        "---\ntitle: Plan issued\ndate: 2021-12-03\ntranslationKey: plan-3881\n---\n\nThe plan.\n")
                    try replace(
                        "Content/vi/tin-tuc/2021-12-03-ke-hoach.md", "date: 2021-12-03",
                        "date: 2021-12-03\ntranslationKey: plan-3881")
                }
            ),
            ("a removed post", { try site.remove("Content/vi/tin-tuc/moi.md") }),
            // The plan's pages count the days to the next report, inside the plan's period.
            ("a day inside the plan's period", { now = VietnamTime.parse("2025-11-20T12:00")! }),
            ("the next day", { now += 86_400 }),
        ]
        for (name, change) in changes {
            try change()
            let incremental = try site.build(now: now)
            let clean = site.root.appendingPathComponent("clean-\(UUID().uuidString)").path
            try site.build(now: now, output: clean)
            let a = TestSite.snapshot(site.output), b = TestSite.snapshot(clean)
            #expect(a.keys.sorted() == b.keys.sorted(), "after \(name)")
            let different = a.keys.filter { a[$0] != b[$0] }.sorted()
            #expect(different.isEmpty, "after \(name): \(different.prefix(5))")
            #expect(incremental.filesWritten > 0, "after \(name)")
        }
    }
}

@Suite struct OutputPlaceTests {
    @Test func anOutputFolderWhoseParentDoesNotExistYet() throws {
        let site = try TestSite()
        let output = site.root.appendingPathComponent("new/place/Output").path
        try site.build(output: output)
        #expect(FileManager.default.fileExists(atPath: "\(output)/index.html"))
    }
}

@Suite struct WriteFailureTests {
    /// A build that fails (here: a body link to a page that does not exist) changes nothing
    /// published: the next tree is assembled beside the output, never in it.
    @Test func aFailedBuildLeavesTheOutputAsItWas() throws {
        let site = try TestSite()
        try site.build()
        try site.write(
            "Content/vi/tin-tuc/moi.md", "---\ntitle: Mới\ndate: 2026-01-01\n---\n\n[x](../khong-co/bai.md)\n")
        let before = TestSite.snapshot(site.output)
        let error = try #require(site.failure())
        #expect(error.contains("khong-co"), "\(error)")
        #expect(TestSite.snapshot(site.output) == before)
        let leftovers = try FileManager.default.subpathsOfDirectory(atPath: site.output).filter {
            $0.hasSuffix(".portal-new")
        }
        #expect(leftovers.isEmpty)
    }

    /// Whatever a killed build left in the tree it was assembling — a file where a folder
    /// goes, a link out of it, a stray file — the next build puts right: the output equals a
    /// clean build and holds no link.
    @Test func whatADeadBuildLeftBesideTheOutputIsPutRight() throws {
        let site = try TestSite()
        try site.build()
        try site.write("Content/vi/tin-tuc/moi.md", "---\ntitle: Mới\ndate: 2026-01-01\n---\n")
        try site.build()  // the spare tree now holds the first build
        let spare = OutputWriter(outputDirectory: site.output).spareDirectory
        #expect(!FileManager.default.fileExists(atPath: "\(spare)/tin-tuc/moi"))
        try Data("not a folder".utf8).write(to: URL(fileURLWithPath: "\(spare)/tin-tuc/moi"))
        try FileManager.default.removeItem(atPath: "\(spare)/index.html")
        try FileManager.default.createSymbolicLink(atPath: "\(spare)/index.html", withDestinationPath: "/etc/passwd")
        try Data("stray".utf8).write(to: URL(fileURLWithPath: "\(spare)/stray.txt"))
        try site.write("Content/vi/tin-tuc/moi.md", "---\ntitle: Mới hơn\ndate: 2026-01-01\n---\n")
        try site.build()
        let clean = site.root.appendingPathComponent("Clean").path
        try site.build(output: clean)
        #expect(TestSite.snapshot(site.output) == TestSite.snapshot(clean))
        let links = try FileManager.default.subpathsOfDirectory(atPath: site.output).filter {
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "\(site.output)/\($0)")) != nil
        }
        #expect(links.isEmpty)
    }
}
