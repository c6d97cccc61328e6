import Foundation
import PortalKit
import Testing

/// Each kind of bad input has a fixture; the build must name the file (and line where there
/// is one), say what to do, and leave the previous output exactly as it was.
@Suite struct BadInputTests {
    struct Case: Sendable, CustomStringConvertible {
        var fixture: String
        /// Texts the error report must contain.
        var expected: [String]
        var description: String { fixture }
    }

    static let cases: [Case] = [
        Case(
            fixture: "broken-yaml",
            expected: ["Content/vi/tin-tuc/bai-hong.md:4:", "error: the YAML is not well formed", "help:"]),
        Case(
            fixture: "missing-title",
            expected: ["Content/vi/tin-tuc/khong-tieu-de.md:1:1: error: the page has no `title`", "add `title: …`"]),
        Case(
            fixture: "bad-date",
            expected: ["Content/vi/tin-tuc/sai-ngay.md:3:7: error: `date` is not a date: 2025-13-45", "YYYY-MM-DD"]),
        Case(
            fixture: "unknown-language-folder",
            expected: [
                "Content/fr: error: this folder is neither a language of the site (vi, en) nor one of media, i18n, layouts, partials",
                "site.yml",
            ]),
        Case(
            fixture: "not-utf8",
            expected: ["Content/vi/tin-tuc/latin1.md:2: error: the file is not UTF-8 text", "save the file as UTF-8"]),
        Case(
            fixture: "duplicate-url",
            expected: [
                "Content/vi/tin-tuc/trung.md", "Content/vi/tin-tuc/2025-07-28-ky-niem.md",
                "both claim the URL /asean/tin-tuc/ky-niem/", "slug:",
            ]),
        Case(
            fixture: "missing-link",
            expected: [
                "Content/vi/tin-tuc/lien-ket.md:7:10: error: the link to `../khong-co/bai.md` points at a page that does not exist",
                "help: check the file name",
            ]),
    ]

    @Test(arguments: cases)
    func reportsAndLeavesOutputUntouched(_ testCase: Case) throws {
        let site = try TestSite()
        try site.build()
        let before = TestSite.snapshot(site.output)
        let mtimeBefore = try FileManager.default.attributesOfItem(atPath: "\(site.output)/index.html")[
            .modificationDate]
        #expect(before.count > 5)

        let broken = try TestSite(fixture: testCase.fixture)
        // Build the broken site into the good site's output.
        let message: String
        do {
            try broken.build(output: site.output)
            Issue.record("the build of \(testCase.fixture) succeeded")
            return
        } catch {
            message = error.description
        }
        for text in testCase.expected {
            #expect(message.contains(text), "missing \(text) in:\n\(message)")
        }
        #expect(message.contains("the output folder was left as it was"))
        #expect(TestSite.snapshot(site.output) == before)
        let mtimeAfter = try FileManager.default.attributesOfItem(atPath: "\(site.output)/index.html")[
            .modificationDate]
        #expect(mtimeBefore as? Date == mtimeAfter as? Date)
    }
}
