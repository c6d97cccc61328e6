import Foundation
import PortalKit
import Testing

/// Bad YAML, data files, settings and themes, reported in both languages: the location and the
/// line's shape stay, the words change (the YAML reader's, the catalog's, the theme's).
@Suite struct LocalizedDiagnosticsShapeTests {
    struct Case: Sendable, CustomStringConvertible {
        var name: String
        var fixture: String? = nil
        var setUp: @Sendable (TestSite) throws -> Void = { _ in }
        /// `path:line:column` of the error (the path as the site's, under its temporary folder).
        var location: String
        var english: String
        var vietnamese: String
        var englishHelp: String
        var vietnameseHelp: String
        var description: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "wrong type in front matter",
            setUp: { try $0.write("Content/vi/tin-tuc/can.md", "---\ntitle: Cân\nweight: nặng\n---\n\nNội dung.\n") },
            location: "Content/vi/tin-tuc/can.md:3:9",
            english: "`weight` must be a whole number, found a text",
            vietnamese: "`weight` phải là một số nguyên, nhưng ở đây là văn bản",
            englishHelp: "", vietnameseHelp: ""),
        Case(
            name: "YAML not well formed", fixture: "broken-yaml", location: "Content/vi/tin-tuc/bai-hong.md:4:5",
            english: "the YAML is not well formed: ", vietnamese: "YAML không đúng cú pháp: ",
            englishHelp: "check indentation, the `key: value` form",
            vietnameseHelp: "kiểm tra thụt lề và dạng `key: value`"),
        Case(
            name: "unknown status in a progress report", fixture: "progress",
            setUp: { site in
                for file in ["agencies.yml", "plans/2021-2025.yml"] {
                    try site.write(
                        "Content/\(file)",
                        try String(contentsOfFile: "\(ContentTests.content)/\(file)", encoding: .utf8))
                }
                try site.write(
                    "Content/reports/2021-2025/2025/so-noi-vu.yml",
                    "submitted: 2025-11-20\ntasks:\n  - task: 1-1\n    status: in-progres\n    result: { vi: a, en: b }\n"
                )
            },
            location: "Content/reports/2021-2025/2025/so-noi-vu.yml:4:13",
            english: "`status: in-progres` is not a status",
            vietnamese: "`status: in-progres` không phải là một trạng thái hợp lệ",
            englishHelp: "did you mean `in-progress`? statuses: done, in-progress, not-started, ongoing",
            vietnameseHelp:
                "có phải bạn định ghi `in-progress`? các trạng thái: done, in-progress, not-started, ongoing"
        ),
        Case(
            name: "photo width out of range",
            setUp: { site in
                let settings = try String(contentsOfFile: "\(site.content)/site.yml", encoding: .utf8)
                try site.write("Content/site.yml", settings + "images:\n  widths: [480, 8]\n")
            },
            location: "Content/site.yml:22:17",
            english: "the width 8 is not between 16 and 8192 pixels",
            vietnamese: "chiều rộng 8 không nằm trong khoảng từ 16 đến 8192 điểm ảnh",
            englishHelp: "give widths in pixels", vietnameseHelp: "ghi chiều rộng theo điểm ảnh (pixel)"),
        Case(
            name: "missing layout", setUp: { try $0.remove("Themes/default/layouts/section.mustache") },
            location: "Themes/default/layouts", english: "the theme has no `section` layout",
            vietnamese: "giao diện (theme) chưa có bố cục (layout) `section`",
            englishHelp: "add layouts/section.mustache", vietnameseHelp: "tạo tệp layouts/section.mustache"),
    ]

    @Test(arguments: cases)
    func reportedInBothLanguages(_ testCase: Case) throws {
        let site = try TestSite(fixture: testCase.fixture)
        try testCase.setUp(site)
        let failure: BuildFailure
        do {
            try site.build()
            Issue.record("the build succeeded")
            return
        } catch { failure = error }

        for (language, severity, text, helpWord, help) in [
            (MessageLanguage.en, "error", testCase.english, "help", testCase.englishHelp),
            (.vi, "lỗi", testCase.vietnamese, "Cách sửa", testCase.vietnameseHelp),
        ] {
            // The location, the severity word and the message on one line: the shape editors'
            // tools read is the same in both languages; what to do on the next.
            let report = failure.description(in: language)
            let lines = report.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let index = try #require(
                lines.firstIndex { $0.contains("\(testCase.location): \(severity): \(text)") }, "\(report)")
            if !help.isEmpty {
                #expect(lines[index + 1].hasPrefix("  \(helpWord): \(help)"), "\(report)")
            }
        }
        let vietnamese = failure.description(in: .vi)
        #expect(!vietnamese.contains(": error: ") && !vietnamese.contains("\n  help: "))
    }

    /// A UI string missing in one language is a warning, in the editor's language.
    @Test func missingUIStringWarnsInBothLanguages() throws {
        let site = try TestSite()
        try site.write("Content/i18n/vi.yml", "chiCoTiengViet: Chỉ tiếng Việt\n")
        let warnings = WarningLog()
        try site.build(warnings: warnings)
        let warning = try #require(warnings.all.first { $0.messageText.code == "theme.missing-string" })
        #expect(
            warning.description(in: .en).hasSuffix(
                "i18n/en.yml: warning: the UI string `chiCoTiengViet` is missing in `en`\n"
                    + "  help: add `chiCoTiengViet: …` to this file or to Content/i18n/en.yml"))
        #expect(
            warning.description(in: .vi).hasSuffix(
                "i18n/en.yml: cảnh báo: chuỗi giao diện `chiCoTiengViet` chưa có bằng `en`\n"
                    + "  Cách sửa: thêm `chiCoTiengViet: …` vào tệp này hoặc vào Content/i18n/en.yml"))
        #expect(warning.json(in: .vi)["code"] as? String == "theme.missing-string")
    }
}
