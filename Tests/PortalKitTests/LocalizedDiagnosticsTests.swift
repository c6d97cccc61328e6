import Foundation
import PortalKit
import Testing

/// The same bad input, reported in both languages: the location and the line's shape stay,
/// the words change. The language is passed explicitly, whatever the test's environment.
@Suite struct LocalizedDiagnosticsTests {
    struct Case: Sendable, CustomStringConvertible {
        var name: String
        /// A fixture of Fixtures/, or nil for the base site with `files` written over it.
        var fixture: String?
        var files: [String: String] = [:]
        /// `path:line:column` of the error.
        var location: String
        var english: String
        var vietnamese: String
        var description: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "missing title", fixture: "missing-title",
            location: "Content/vi/tin-tuc/khong-tieu-de.md:1:1",
            english: "the page has no `title`", vietnamese: "thiếu tiêu đề (`title`)"),
        Case(
            name: "bad date", fixture: "bad-date", location: "Content/vi/tin-tuc/sai-ngay.md:3:7",
            english: "`date` is not a date: 2025-13-45", vietnamese: "`date` không phải là ngày hợp lệ: 2025-13-45"),
        Case(
            name: "not UTF-8", fixture: "not-utf8", location: "Content/vi/tin-tuc/latin1.md:2",
            english: "the file is not UTF-8 text", vietnamese: "tệp không phải văn bản UTF-8"),
        Case(
            name: "unknown folder", fixture: "unknown-language-folder", location: "Content/fr",
            english: "this folder is neither a language of the site (vi, en)",
            vietnamese: "thư mục này không phải thư mục ngôn ngữ của trang (vi, en)"),
        Case(
            name: "unknown site.yml key",
            files: ["Content/site.yml": "baseURL: https://example.gov.vn/asean/\nthemes: default\n"],
            location: "Content/site.yml:2:1", english: "unknown key `themes` in site.yml",
            vietnamese: "khoá `themes` trong site.yml không được hỗ trợ"),
        Case(
            name: "slug without letters",
            files: ["Content/vi/tin-tuc/dau.md": "---\ntitle: Dấu\nslug: \"---\"\n---\n\nNội dung.\n"],
            location: "Content/vi/tin-tuc/dau.md:3:7", english: "`slug` has no letters or digits",
            vietnamese: "`slug` không có chữ cái hoặc chữ số nào"),
        Case(
            name: "duplicate URL", fixture: "duplicate-url", location: "Content/vi/tin-tuc/trung.md",
            english: "both claim the URL /asean/tin-tuc/ky-niem/",
            vietnamese: "cùng dùng một địa chỉ /asean/tin-tuc/ky-niem/"),
    ]

    @Test(arguments: cases)
    func reportedInBothLanguages(_ testCase: Case) throws {
        let site = try TestSite(fixture: testCase.fixture)
        for (path, text) in testCase.files { try site.write(path, text) }
        let failure: BuildFailure
        do {
            try site.build()
            Issue.record("the build succeeded")
            return
        } catch { failure = error }

        let english = failure.description(in: .en)
        let vietnamese = failure.description(in: .vi)
        // The file's path is shown as given (the site's temporary folder, then Content/…); the
        // message follows the location and the severity word on the same line.
        let englishLine = english.split(separator: "\n").first { $0.contains("\(testCase.location): error: ") }
        let vietnameseLine = vietnamese.split(separator: "\n").first { $0.contains("\(testCase.location): lỗi: ") }
        #expect(englishLine?.contains(testCase.english) == true, "\(english)")
        #expect(vietnameseLine?.contains(testCase.vietnamese) == true, "\(vietnamese)")
        #expect(english.contains("\n  help: "))
        #expect(vietnamese.contains("\n  Cách sửa: "))
        #expect(!vietnamese.contains("help:") && !vietnamese.contains(": error:"))
        #expect(english.hasSuffix("build failed: 1 error; the output folder was left as it was"))
        #expect(vietnamese.hasSuffix("dựng trang không thành công: 1 lỗi; thư mục đầu ra được giữ nguyên như trước"))
    }

    @Test func warningsAndJSONInBothLanguages() throws {
        let site = try TestSite()
        try site.write("Content/vi/tin-tuc/khoa-la.md", "---\ntitle: Khoá lạ\ntitel: Sai\n---\n\nNội dung.\n")
        let warnings = WarningLog()
        try site.build(warnings: warnings)
        let warning = try #require(warnings.all.first { $0.messageText.code == "front-matter.unknown-key" })
        #expect(
            warning.description(in: .en).hasSuffix(
                "khoa-la.md:3:1: warning: unknown front matter key `titel` is ignored\n  help: did you mean `title`?"))
        #expect(
            warning.description(in: .vi).hasSuffix(
                "khoa-la.md:3:1: cảnh báo: khoá `titel` không có trong danh sách khoá của phần đầu (front matter) "
                    + "nên được bỏ qua\n  Cách sửa: có phải bạn định ghi `title`?"))
        #expect(warning.oneLine(in: .vi).hasSuffix("được bỏ qua (Cách sửa: có phải bạn định ghi `title`?)"))
        #expect(warning.oneLine(in: .en).hasSuffix("is ignored (did you mean `title`?)"))

        // JSON: English keys and severity, a stable code, the text in the chosen language.
        let json = warning.json(in: .vi)
        #expect(json["severity"] as? String == "warning")
        #expect(json["code"] as? String == "front-matter.unknown-key")
        #expect((json["message"] as? String)?.hasPrefix("khoá `titel`") == true)
        #expect(json["help"] as? String == "có phải bạn định ghi `title`?")
        #expect(json["line"] as? Int == 3 && json["column"] as? Int == 1)
        #expect(warning.json(in: .en)["message"] as? String == "unknown front matter key `titel` is ignored")
    }

    @Test func checkWarningsInBothLanguages() throws {
        let site = try TestSite()
        try site.write(
            "Content/vi/tin-tuc/chi-tieng-viet.md", "---\ntitle: Chỉ tiếng Việt\ndate: 2025-01-02\n---\n\nNội dung.\n")
        let findings = SiteCheck(contentDirectory: site.content, publication: Publication(now: TestSite.defaultNow))
            .run(jobs: 2)
        let missing = try #require(
            findings.first {
                $0.messageText.code == "check.missing-translation"
                    && $0.location?.file.hasSuffix("chi-tieng-viet.md") == true
            })
        let vietnamese = missing.oneLine(in: .vi)
        #expect(
            vietnamese.contains(
                "chi-tieng-viet.md: cảnh báo: chưa có bản dịch `en` (Cách sửa: tạo bản dịch bằng lệnh: portal translate "
            ))
        #expect(vietnamese.hasSuffix("chi-tieng-viet.md --to en)"))
        #expect(missing.oneLine(in: .en).contains("chi-tieng-viet.md: warning: no `en` translation (portal translate "))

        try site.write("Content/vi/tin-tuc/nhap.md", "---\ntitle: Bản nháp\ndraft: true\n---\n\nNội dung.\n")
        let draft = try #require(
            SiteCheck(contentDirectory: site.content, publication: Publication(now: TestSite.defaultNow))
                .run(jobs: 2).first { $0.messageText.code == "check.not-published" })
        #expect(
            draft.description(in: .vi).hasSuffix(
                "nhap.md:3:8: cảnh báo: trang hiện không được đăng: đây là bản nháp\n"
                    + "  Cách sửa: đăng trang (xoá `draft: true`) hoặc xoá liên kết tới trang; "
                    + "tuỳ chọn --drafts dựng cả bản nháp"))
        #expect(
            draft.description(in: .en).contains("nhap.md:3:8: warning: the page is not published now: it is a draft"))
    }

    /// Every message comes from the catalogue (a text without its translation no longer
    /// compiles): each error of the bad-input fixtures has its code and its own Vietnamese.
    @Test(arguments: BadInputTests.cases)
    func everyErrorIsCatalogued(_ badInput: BadInputTests.Case) throws {
        let site = try TestSite(fixture: badInput.fixture)
        do {
            try site.build()
            Issue.record("the build succeeded")
        } catch {
            #expect(!error.errors.isEmpty)
            for problem in error.errors {
                #expect(!problem.messageText.code.isEmpty, "\(problem)")
                #expect(problem.messageText.vi != problem.messageText.en, "\(problem)")
                #expect(problem.helpText.map { $0.vi != $0.en } ?? true, "\(problem)")
            }
        }
    }
}
