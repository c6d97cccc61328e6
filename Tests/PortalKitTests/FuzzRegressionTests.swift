import Foundation
import Testing

@testable import PortalKit

/// Inputs the fuzz targets (`Fuzz/`, `scripts/fuzz`) found crashing or breaking a property, fed
/// to the same entry points. Each is also in the target's seed corpus (`Fuzz/Corpus/<target>/
/// regression-*`), which every fuzz run replays under the address sanitizer first.
@Suite struct FuzzRegressionTests {
    static func source(_ text: String, path: String = "tin-tuc/bai.md") -> SourceFile {
        SourceFile(
            language: "vi", relativePath: path, displayPath: "Content/vi/\(path)", text: text,
            diskPath: "/nonexistent/Content/vi/\(path)")
    }

    // MARK: front matter (fuzz-frontmatter)

    /// A time zone offset beyond ±18 hours crashed `VietnamTime.parse` (Foundation has no such
    /// zone; `TimeZone(secondsFromGMT:)!`): `date: 2025-07-28T09:30+18:01` stopped the build.
    @Test func aDateWithAnOffsetBeyond18HoursIsAnError() throws {
        #expect(VietnamTime.parse("2025-07-28T09:30+18:01") == nil)
        #expect(VietnamTime.parse("2025-07-28T09:30+99:59") == nil)
        #expect(VietnamTime.parse("2025-07-28T09:30-18:00") != nil)
        let text = "---\ntitle: a\ndate: 2025-07-28T09:30+18:01\n---\n"
        #expect(throws: FrontMatterError.self) {
            try FrontMatterParser.parse(Self.source(text), warnings: WarningLog())
        }
        do {
            _ = try FrontMatterParser.parse(Self.source(text), warnings: WarningLog())
        } catch {
            #expect(error.location == SourceLocation(file: "Content/vi/tin-tuc/bai.md", line: 3, column: 7))
            #expect(error.message.contains("`date` is not a date"))
        }
    }

    /// Yams reads `1:30` as a base-60 integer (YAML 1.1) with overflowing arithmetic: twelve
    /// places, or a large first one, trapped ("arithmetic overflow") where portal asked for a
    /// whole number (`weight`) or named the kind of a value in a message (`tags`).
    @Test func baseSixtyNumbersAreNotWholeNumbers() {
        for (text, line) in [
            ("---\ntitle: a\nweight: 1:1:1:1:1:1:1:1:1:1:1:1\n---\n", 3),
            ("---\ntitle: a\ntags: 9223372036854775807:00\n---\n", 3),
            ("---\n9223372036854775807:00\n---\n", 2),
        ] {
            do {
                _ = try FrontMatterParser.parse(Self.source(text), warnings: WarningLog())
                Issue.record("accepted: \(text.debugDescription)")
            } catch {
                #expect(error.location?.line == line, "\(text.debugDescription): \(error)")
            }
        }
        #expect(throws: SettingsError.self) {
            try SiteSettings.parse(
                SettingsTests.valid + "\npaginate: 1:1:1:1:1:1:1:1:1:1:1:1\n", file: "site.yml")
        }
    }

    /// `TextInput.decode` turns CR into LF with Foundation's `replacingOccurrences`, which
    /// compares composed character sequences: a CR followed by a combining mark is not found,
    /// and stays in the text (YAML and cmark then count a line that editors do not, and the
    /// title holds a CR). Found by fuzz-frontmatter; CRs are now replaced as bytes.
    @Test func decodingLeavesNoCarriageReturn() throws {
        let text = try TextInput.decode(Data("---\ntitle: \"a\r\u{301}b\"\n---\n".utf8))
        #expect(!text.utf8.contains(0x0D))
        #expect(try TextInput.decode(Data("a\r\nb\rc\r\r\nd\r".utf8)) == "a\nb\nc\n\nd\n")
    }

    /// Foundation's NFC on Linux (`precomposedStringWithCanonicalMapping`, which
    /// `TextInput.nfc` calls) composes a supplementary-plane character followed by a combining
    /// mark as if it were the letter of its low 16 bits: U+1007A U+0301 becomes "ź" (U+017A),
    /// U+20041 (a CJK Extension B ideograph, as Chữ Nôm uses) U+0301 becomes "Á". Text is
    /// changed on the way in, and the NFC and NFD of one text slug differently. Found by
    /// fuzz-slug; a toolchain bug, worked around in TextInput.nfc (Text/Normalization.swift)
    /// by leaving such a character and its marks as they are, and composing the rest.
    @Test func normalisingKeepsSupplementaryCharacters() {
        for text in ["\u{1007A}\u{301}", "\u{20041}\u{301}"] {
            #expect(TextInput.nfc(text).unicodeScalars.first == text.unicodeScalars.first)
            #expect(Slug.make(TextInput.nfc(text)) == Slug.make(text.decomposedStringWithCanonicalMapping))
        }
        // The Vietnamese around it is still composed.
        #expect(
            TextInput.nfc("Tie\u{302}\u{301}ng \u{20041}\u{301} vie\u{323}\u{302}t") == "Tiếng \u{20041}\u{301} việt")
    }

    // MARK: YAML locations (fuzz-settings, fuzz-agencies, fuzz-plan)

    /// libyaml puts the end of a text without a final line break on a line of its own: an
    /// empty document or an unclosed `[` at the end was reported one line past the file.
    @Test func problemsAtTheEndOfAFileWithoutALineBreakAreOnItsLastLine() {
        #expect(throws: SettingsError.self) { try SiteSettings.parse("---", file: "site.yml") }
        do {
            _ = try SiteSettings.parse("---", file: "site.yml")
        } catch {
            #expect(error.location == SourceLocation(file: "site.yml", line: 1, column: 4))
        }
        do {
            _ = try AgencyDirectory.load("agn: [[", file: "agencies.yml", languages: ["vi", "en"])
            Issue.record("an unclosed flow sequence was accepted")
        } catch {
            #expect(error.location == SourceLocation(file: "agencies.yml", line: 1, column: 8))
        }
        do {
            _ = try SiteSettings.parse("baseURL: https://a.b/\ntheme:", file: "site.yml")
            Issue.record("an empty theme was accepted")
        } catch {
            #expect(error.location?.line == 2)
        }
    }

    // MARK: site.yml (fuzz-settings)

    static let oneLanguage = """
        baseURL: https://a.b/
        theme: t
        defaultLanguage: vi
        languages:
          vi: { name: a, locale: b, title: c, description: d }

        """

    /// Yams finds a key given twice only when the two nodes are equal: `!x vi:` (a local tag)
    /// beside `vi:` passed, the site had two languages `vi`, and the site graph crashed on
    /// them (`Dictionary(uniqueKeysWithValues:)`, SiteGraph.swift). Any two keys that read as
    /// the same text, NFC and NFD ones too, are an error at the second.
    @Test func aKeyGivenTwiceUnderAnotherTagIsAnError() {
        for second in ["  !x vi: { name: a, locale: b, title: c, description: d }\n", "  ? !x vi\n  : {}\n"] {
            do {
                let settings = try SiteSettings.parse(Self.oneLanguage + second, file: "site.yml")
                Issue.record("two languages \(settings.languages.map(\.code)) were accepted")
            } catch {
                #expect(error.message == "a key is given twice: vi")
                #expect(error.location?.line == 6)
            }
        }
        #expect(throws: FrontMatterError.self) {
            try FrontMatterParser.parse(
                Self.source("---\ntitle: a\ntie\u{302}u: b\ntiêu: c\n---\n"), warnings: WarningLog())
        }
    }

    /// The language code is checked with `^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$`, and ICU's `$`
    /// also matches before a final line break: `"vi\n":` was accepted as a language, whose
    /// folder and URL prefix hold a line break. Found by fuzz-settings; the fix belongs in
    /// Content/SettingsLoader.swift: `\z` instead of `$`.
    @Test func aLanguageCodeWithALineBreakIsRefused() {
        let text = Self.oneLanguage + "  \"en\\n\": { name: a, locale: b, title: c, description: d }\n"
        #expect(throws: SettingsError.self) { try SiteSettings.parse(text, file: "site.yml") }
    }

    /// libyaml also breaks lines at U+0085, U+2028 and U+2029, which editors show inside a
    /// line: a problem below one was placed a line too low, at libyaml's column.
    @Test func placesAreCountedInTheFilesOwnLines() {
        for separator in ["\u{2028}", "\u{85}", "\u{2029}"] {
            let text = "baseURL: https://a.b/\ntheme: \"a\(separator)b\"\nthem: c\n"
            do {
                _ = try SiteSettings.parse(text, file: "site.yml")
                Issue.record("an unknown key was accepted")
            } catch {
                #expect(error.location == SourceLocation(file: "site.yml", line: 3, column: 1))
            }
        }
        do {
            _ = try SiteSettings.parse("baseURL: x\u{2028}y\ntheme: [", file: "site.yml")
            Issue.record("an unclosed flow sequence was accepted")
        } catch {
            // Inside the file: libyaml does not count the break inside a plain scalar alike.
            #expect(error.location?.line == 2)
        }
    }

    // MARK: plans (fuzz-plan)

    /// `before: 02-29` is a day of 2024, so the plan was accepted, and working out its last day
    /// in 2022 (`VietnamTime.parse("2022-02-29")!`) crashed the build.
    @Test func aDeadlineBefore29FebruaryEndsOn28FebruaryEveryYear() throws {
        let deadline = ActionPlan.Deadline(
            id: "x", month: 2, day: 29, title: Localized(["vi": "a", "en": "b"]), from: [], to: "so-noi-vu")
        #expect(deadline.lastDay(in: 2022) == VietnamTime.parse("2022-02-28"))
        #expect(deadline.lastDay(in: 2024) == VietnamTime.parse("2024-02-28"))
        let newYear = ActionPlan.Deadline(
            id: "y", month: 1, day: 1, title: Localized(["vi": "a", "en": "b"]), from: [], to: "so-noi-vu")
        #expect(newYear.lastDay(in: 2025) == VietnamTime.parse("2024-12-31"))

        let text = """
            period: { start: 2021-12-03, end: 2025-12-31 }
            decision: { number: "1", date: 2021-12-03, title: { vi: a, en: b } }
            title: { vi: a, en: b }
            pillars: []
            reporting:
              - { id: x, before: 02-29, title: { vi: a, en: b }, to: so-noi-vu }

            """
        let agencies = try AgencyDirectory.load(
            "agencies:\n  - { id: so-noi-vu, name: { vi: a, en: b }, kind: department }\n", file: "agencies.yml",
            languages: ["vi", "en"])
        let plan = try ActionPlan.load(
            text, id: "2021-2025", file: "plans/2021-2025.yml", languages: ["vi", "en"], agencies: agencies)
        #expect(ReportingCalendar.years(plan) == [2022, 2023, 2024, 2025])
        #expect(ReportingCalendar.occurrences(plan.reporting[0], of: plan).count == 4)
    }

    // MARK: Markdown (fuzz-markdown)

    /// With `markdown.unsafeHTML: true`, a heading holding raw HTML was a heap use after free:
    /// the inline HTML's text points into the heading's buffer, which `replaceHeading` frees
    /// (`cmark_node_free(heading)`) before `cmark_render_html` reads it. The address
    /// sanitizer sees it on the first read (fuzz-markdown, seed
    /// `regression-heading-raw-html-uaf`); without it, the freed bytes are usually still there,
    /// so this test checks the output of many such headings, whose freed buffers later
    /// allocations are likely to reuse. The replaced headings are now freed after rendering.
    @Test func headingsWithRawHTMLRenderTheirHTML() {
        let markdown = (1...300).map { "# h\($0) <span data-n=\"\($0)\">x</span>\n" }.joined()
        let html = MarkdownRenderer.render(markdown, allowRawHTML: true) { $0.destination }.html
        for n in [1, 2, 150, 299, 300] {
            #expect(html.contains("<h1 id=\"h\(n)-x\">\nh\(n) <span data-n=\"\(n)\">x</span>\n</h1>"))
        }
        #expect(html.components(separatedBy: "<span data-n=").count == 301)
    }

    /// Links made by the autolink extension, and links of a paragraph just above a table, come
    /// out of cmark-gfm without a place (line 0, column 0), so their warnings and errors named
    /// the line above the body (`firstLine - 1`) and column 0. Such a link is now placed where
    /// its address appears in the nearest block that has a place.
    @Test func everyLinkHasAPlaceInTheBody() {
        for (markdown, line, column) in [
            ("[b](nope.md)\n| a | b |\n|--|--|\n", 5, 1), ("see https://example.com/a and more\n", 5, 5),
            ("Đọc thêm\ntại www.danang.gov.vn nhé\n", 6, 5),
        ] {
            var places: [(Int, Int)] = []
            _ = MarkdownRenderer.render(markdown, allowRawHTML: false, firstLine: 5) { link in
                places.append((link.line, link.column))
                return link.destination
            }
            #expect(places.count == 1)
            #expect(places.first?.0 == line && places.first?.1 == column, "\(markdown.debugDescription): \(places)")
        }
    }
}
