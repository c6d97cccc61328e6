import Foundation
import Testing

@testable import PortalKit

/// new, translate, status and check: the editors' commands.
@Suite struct EditingTests {
    func workspace(_ site: TestSite) throws -> Workspace { try Workspace.load(contentDirectory: site.content) }

    @Test func newPostIsNamedFromItsTitleAndNeverOverwrites() throws {
        let site = try TestSite(fixture: "catalog")
        let now = VietnamTime.parse("2026-11-29T08:30")!
        let page = NewPage(
            kind: .post, language: "vi", section: "tin-tuc", title: "Đà Nẵng đón đoàn ASEAN", agency: "so-noi-vu",
            tags: ["Hội nhập", "Đối ngoại"], now: now)
        let path = try page.write(in: try workspace(site))
        #expect(path == "\(site.content)/vi/tin-tuc/2026-11-29-da-nang-don-doan-asean.md")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasPrefix("---\ntitle: \"Đà Nẵng đón đoàn ASEAN\"\ndate: 2026-11-29T08:30:00+07:00\n"))
        #expect(
            text.contains(
                "translationKey: \"2026-11-29-da-nang-don-doan-asean\"\nagency: so-noi-vu\ntags: [\"Hội nhập\", \"Đối ngoại\"]\n---\n"
            ))
        try site.build()  // the new file is a valid page
        #expect(try site.read("tin-tuc/da-nang-don-doan-asean/index.html").contains("<h1>Đà Nẵng đón đoàn ASEAN</h1>"))

        try Data("edited".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: EditError.self) { try page.write(in: try workspace(site)) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "edited")
    }

    @Test func newRejectsUnknownAgencyWithSuggestions() throws {
        let site = try TestSite(fixture: "catalog")
        let page = NewPage(
            kind: .page, language: "vi", section: "", title: "Liên hệ", agency: "so-noi-vuu", now: Date())
        do {
            _ = try page.write(in: try workspace(site))
            Issue.record("wrote a page with an unknown agency")
        } catch let error as EditError {
            #expect(error.help?.contains("`so-noi-vu`") == true)
        }
    }

    @Test func translateCreatesTheCounterpartAndTouchesOnlyTheKeyLineOfTheSource() throws {
        let site = try TestSite()
        // A source with CRLF line ends, NFD text and no translationKey.
        let original = Data(
            "---\r\ntitle: \("Hội nghị".decomposedStringWithCanonicalMapping)\r\ndate: 2025-08-08\r\nsummary: Tóm tắt.\r\n---\r\n\r\nNội dung gốc.\r\n"
                .utf8)
        try site.write("Content/vi/tin-tuc/2025-08-08-hoi-nghi.md", original)
        let result = try Translator(workspace: try workspace(site)).translate(
            file: "\(site.content)/vi/tin-tuc/2025-08-08-hoi-nghi.md", to: "en")
        // tin-tuc pairs with news through their _index.md translationKey.
        #expect(result.path == "\(site.content)/en/news/2025-08-08-hoi-nghi.md")
        #expect(result.keyAdded)
        let source = try #require(
            FileManager.default.contents(atPath: "\(site.content)/vi/tin-tuc/2025-08-08-hoi-nghi.md"))
        let expected = String(decoding: original, as: UTF8.self).replacingOccurrences(
            of: "summary: Tóm tắt.\r\n---", with: "summary: Tóm tắt.\r\ntranslationKey: \"2025-08-08-hoi-nghi\"\r\n---")
        #expect(source == Data(expected.utf8))

        let translation = try String(contentsOfFile: result.path, encoding: .utf8)
        #expect(translation.contains("title: \"TRANSLATE: Hội nghị\""))
        #expect(translation.contains("summary: \"TRANSLATE: Tóm tắt.\""))
        #expect(translation.contains("translationKey: \"2025-08-08-hoi-nghi\""))
        #expect(translation.contains("draft: true\ntranslatedFrom:\n  language: vi\n  digest: sha256:"))
        #expect(translation.contains("Nội dung gốc."))
        #expect(throws: EditError.self) {
            try Translator(workspace: try workspace(site)).translate(
                file: "\(site.content)/vi/tin-tuc/2025-08-08-hoi-nghi.md", to: "en")
        }
    }

    @Test func statusReportsMissingThenStaleThenOkAfterRefresh() throws {
        let site = try TestSite()
        let source = "\(site.content)/vi/tin-tuc/2021-12-03-ke-hoach.md"
        func state(_ language: String) throws -> TranslationReport.State? {
            let workspace = try workspace(site)
            let report = TranslationReport(settings: workspace.settings, sources: workspace.sources, strings: [:])
            return report.rows.first { $0.entries.contains { $0.file?.hasSuffix("2021-12-03-ke-hoach.md") == true } }?
                .entries.first { $0.language == language }?.state
        }
        #expect(try state("en") == .missing)
        let translation = try Translator(workspace: try workspace(site)).translate(file: source, to: "en").path
        #expect(try state("en") == .ok)
        #expect(try state("vi") == .ok)

        // The Vietnamese original changes: the English translation is stale.
        let text = try String(contentsOfFile: source, encoding: .utf8)
        try text.replacingOccurrences(of: "năm nhóm nhiệm vụ", with: "năm nhóm nhiệm vụ lớn").write(
            toFile: source, atomically: true, encoding: .utf8)
        #expect(try state("en") == .stale)
        let before = try String(contentsOfFile: translation, encoding: .utf8)

        _ = try Translator(workspace: try workspace(site)).refresh(file: translation)
        #expect(try state("en") == .ok)
        // Only the digest line changed.
        let after = try String(contentsOfFile: translation, encoding: .utf8)
        let changed = zip(before.split(separator: "\n"), after.split(separator: "\n")).filter { $0 != $1 }
        #expect(changed.count == 1 && changed.first?.0.hasPrefix("  digest: sha256:") == true)
    }

    @Test func checkFindsBrokenLinkMissingImageAndMissingAltOnTheRightLines() throws {
        let site = try TestSite()
        try site.write(
            "Content/vi/tin-tuc/kiem-tra.md",
            "---\ntitle: Kiểm tra\ndate: 2025-01-01\ntranslationKey: check\nsumary: x\n---\n\nĐọc [bài](khong-co.md).\n\nẢnh: ![](/media/anh.png) và ![Bản đồ](/media/ban-do.png).\n\n[mục](2021-12-03-ke-hoach.md#khong-co)\n"
        )
        try site.write("Content/vi/tin-tuc/tuong-lai.md", "---\ntitle: Tương lai\ndate: 2030-01-01\n---\n")
        let findings = SiteCheck(contentDirectory: site.content, publication: Publication(now: TestSite.defaultNow))
            .run()
        let lines = findings.map(\.oneLine)
        func has(_ text: String) -> Bool { lines.contains { $0.contains(text) } }
        #expect(
            has("kiem-tra.md:8:5: error: the link to `khong-co.md` points at a page that does not exist"), "\(lines)")
        #expect(has("kiem-tra.md:10:6: warning: the image `/media/anh.png` has no alt text"))
        #expect(has("kiem-tra.md:10:29: error: the link to `/media/ban-do.png` points at a file that does not exist"))
        #expect(has("kiem-tra.md:12:1: warning: `#khong-co` is not a heading of"))
        #expect(has("kiem-tra.md:5:1: warning: unknown front matter key `sumary` is ignored (did you mean `summary`?)"))
        #expect(has("tuong-lai.md:3:7: warning: the page is not published now: its publish date is in the future"))
        #expect(has("kiem-tra.md: warning: no `en` translation"))
        #expect(findings.filter { $0.severity == .error }.count == 2)
    }

    @Test func checkOfTheRepositoryContentHasNoErrors() throws {
        let findings = SiteCheck(
            contentDirectory: ContentTests.content, publication: Publication(now: VietnamTime.parse("2026-11-28")!)
        ).run()
        #expect(findings.isEmpty, "\(findings.map(\.oneLine).joined(separator: "\n"))")
    }
}
