import Foundation
import Testing

@testable import PortalKit

@Suite struct FrontMatterTests {
    func parse(_ text: String, warnings: WarningLog = WarningLog()) throws(FrontMatterError) -> ParsedSource {
        let source = SourceFile(
            language: "vi", relativePath: "tin-tuc/bai.md", displayPath: "Content/vi/tin-tuc/bai.md", text: text,
            diskPath: "")
        return try FrontMatterParser.parse(source, warnings: warnings)
    }

    func error(_ text: String) -> FrontMatterError? {
        do {
            _ = try parse(text)
            return nil
        } catch { return error }
    }

    @Test func readsEveryKey() throws {
        let parsed = try parse(
            """
            ---
            title: "Đà Nẵng: đón đoàn"
            date: 2025-07-28
            summary: Tóm tắt.
            slug: don-doan
            translationKey: visit
            tags: [Hội nhập, ASEAN]
            agency: so-ngoai-vu
            pillar: inclusive
            tasks: [a1, b2]
            image: /media/anh.jpg
            imageAlt: Ảnh đoàn
            draft: false
            publishDate: 2025-07-28T08:00
            expiryDate: 2030-01-01
            aliases: [/cu/don-doan/]
            weight: 3
            layout: page
            ---
            Nội dung.
            """)
        let m = parsed.frontMatter
        #expect(m.title == "Đà Nẵng: đón đoàn")
        #expect(m.date.map(VietnamTime.iso8601) == "2025-07-28T00:00:00+07:00")
        #expect(m.publishDate.map(VietnamTime.iso8601) == "2025-07-28T08:00:00+07:00")
        #expect(m.tags == ["Hội nhập", "ASEAN"])
        #expect(m.tasks == ["a1", "b2"])
        #expect(m.weight == 3 && m.draft == false && m.layout == "page" && m.aliases == ["/cu/don-doan/"])
        #expect(m.locations["agency"]?.description == "Content/vi/tin-tuc/bai.md:8:9")
        #expect(parsed.body == "Nội dung.")
        #expect(parsed.bodyFirstLine == 20)
    }

    @Test func decomposedValuesAreNormalised() throws {
        let title = "Hội nhập".decomposedStringWithCanonicalMapping
        let parsed = try parse("---\ntitle: \(title)\ntags: [\(title)]\n---\n")
        #expect(Array(parsed.frontMatter.title.utf8) == Array("Hội nhập".precomposedStringWithCanonicalMapping.utf8))
        #expect(Array(parsed.frontMatter.tags[0].utf8) == Array("Hội nhập".precomposedStringWithCanonicalMapping.utf8))
    }

    @Test func unknownKeyWarnsWithTheClosestKnownKey() throws {
        let warnings = WarningLog()
        _ = try parse("---\ntitle: A\ntag: [x]\nsumary: b\n---\n", warnings: warnings)
        let messages = warnings.all.map(\.description)
        #expect(messages.count == 2)
        #expect(
            messages[0].hasPrefix("Content/vi/tin-tuc/bai.md:3:1: warning: unknown front matter key `tag` is ignored"))
        #expect(messages[0].contains("did you mean `tags`?"))
        #expect(messages[1].contains("did you mean `summary`?"))
    }

    @Test func wrongTypeIsAnErrorAtTheValue() throws {
        let problem = try #require(error("---\ntitle: A\ntags: Hội nhập\n---\n"))
        #expect(problem.description.hasPrefix("Content/vi/tin-tuc/bai.md:3:7: error: `tags` must be a list"))
        let weight = try #require(error("---\ntitle: A\nweight: nặng\n---\n"))
        #expect(weight.description.contains(":3:9: error: `weight` must be a whole number, found a text"))
        let draft = try #require(error("---\ntitle: A\ndraft: maybe\n---\n"))
        #expect(draft.description.contains("`draft` must be true or false"))
        let title = try #require(error("---\ntitle: [A, B]\n---\n"))
        #expect(title.description.contains(":2:8: error: `title` must be a text, found a list"))
    }

    @Test func missingOrEmptyTitle() throws {
        #expect(try #require(error("---\ndate: 2025-01-01\n---\n")).message == "the page has no `title`")
        #expect(try #require(error("---\ntitle: \"  \"\n---\n")).message == "`title` is empty")
        #expect(try #require(error("---\ntitle:\n---\n")).message.contains("`title` must be a text, found nothing"))
    }

    @Test func missingAndUnclosedFrontMatter() throws {
        #expect(try #require(error("# Tiêu đề\n")).message == "the page has no front matter")
        #expect(try #require(error("---\ntitle: A\n")).message == "the front matter is not closed")
    }

    @Test func brokenYAMLPointsAtTheFileLine() throws {
        let problem = try #require(error("---\ntitle: A\nsummary: \"unterminated\n---\nbody\n"))
        #expect(problem.location?.file == "Content/vi/tin-tuc/bai.md")
        #expect((problem.location?.line ?? 0) >= 3)
        #expect(problem.message.hasPrefix("the YAML is not well formed"))
    }

    @Test func badDate() throws {
        let problem = try #require(error("---\ntitle: A\npublishDate: 2025-02-30\n---\n"))
        #expect(
            problem.description.hasPrefix(
                "Content/vi/tin-tuc/bai.md:3:14: error: `publishDate` is not a date: 2025-02-30"))
    }
}
