import Foundation
import Testing

@testable import PortalKit

/// The repository's own Content/: the section as published.
@Suite struct ContentTests {
    static let content = TestSite.repository.appendingPathComponent("Content").path

    func build(now: String) throws -> (output: String, catalog: Catalog) {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent(
            "portal-content-\(UUID().uuidString)"
        ).path
        let options = BuildOptions(
            contentDirectory: Self.content, outputDirectory: output,
            publication: Publication(now: VietnamTime.parse(now)!))
        let warnings = WarningLog()
        try SiteBuild.run(options, warnings: warnings)
        #expect(warnings.all.isEmpty, "\(warnings.all.map(\.description).joined(separator: "\n"))")
        return (output, try Catalog.load(contentDirectory: Self.content, languages: ["vi", "en"]))
    }

    func read(_ output: String, _ path: String) throws -> String {
        try String(contentsOfFile: "\(output)/\(path)", encoding: .utf8)
    }

    @Test func everyTaskOfTheDecisionHasItsPageInBothLanguagesWithItsLead() throws {
        let (output, catalog) = try build(now: "2026-11-28")
        let plan = try #require(catalog.plan)
        let agencies = try #require(catalog.agencies)
        // Section II of Decision 3881 assigns 31 tasks: one per "Cơ quan chủ trì" / "Cơ quan
        // thực hiện" block, in five groups.
        #expect(plan.pillars.map(\.id) == ["people", "inclusive", "sustainable", "resilient", "dynamic"])
        #expect(plan.tasks.count == 31)
        for task in plan.tasks {
            let vi = try read(output, "ke-hoach/nhiem-vu-\(task.id)/index.html")
            let en = try read(output, "en/plan/task-\(task.id)/index.html")
            let lead = try #require(agencies[task.lead])
            #expect(vi.contains(">\(lead.name("vi"))</a>"), "task \(task.id) vi")
            #expect(en.contains(">\(XMLText.escape(lead.name("en")))</a>"), "task \(task.id) en")
        }
    }

    @Test func everyAgencyPageListsItsTasksAndMergedOnesTheirSuccessor() throws {
        let (output, catalog) = try build(now: "2026-11-28")
        let plan = try #require(catalog.plan)
        let agencies = try #require(catalog.agencies)
        for agency in agencies.agencies {
            let page = try read(output, "co-quan/\(agency.id)/index.html")
            for task in plan.tasks where task.lead == agency.id || task.coordinators.contains(agency.id) {
                #expect(page.contains("/asean/ke-hoach/nhiem-vu-\(task.id)/"), "\(agency.id) misses task \(task.id)")
            }
            if let successor = agency.successor {
                let now = try #require(agencies.current(successor))
                #expect(page.contains("Nay là: <a href=\"/asean/co-quan/\(now.id)/\">"), "\(agency.id)")
            }
        }
        let labour = try read(output, "en/agencies/so-lao-dong-thuong-binh-va-xa-hoi/index.html")
        #expect(labour.contains("Now: <a href=\"/asean/en/agencies/so-noi-vu/\">Department of Home Affairs</a>"))
        let information = try read(output, "co-quan/so-thong-tin-va-truyen-thong/index.html")
        #expect(information.contains("Nay là: <a href=\"/asean/co-quan/so-khoa-hoc-va-cong-nghe/\">"))
    }

    @Test(arguments: [
        ("2026-11-28", "2026-12-01", "ngày 01 tháng 12 năm 2026"),
        ("2026-12-02", "2026-12-15", "ngày 15 tháng 12 năm 2026"),
    ])
    func nextDeadlineOnTheOverview(now: String, date: String, text: String) throws {
        let (output, _) = try build(now: now)
        let overview = try read(output, "ke-hoach/index.html")
        #expect(overview.contains("<time datetime=\"\(date)T00:00:00+07:00\">\(text)</time>"))
    }

    @Test func atLeastTenArticlesPerLanguageEachTranslated() throws {
        let (output, _) = try build(now: "2026-11-28")
        for language in ["", "en/"] {
            let data = try #require(FileManager.default.contents(atPath: "\(output)/\(language)posts.json"))
            let posts = try #require(
                (try JSONSerialization.jsonObject(with: data) as? [String: Any])?["posts"] as? [[String: Any]])
            #expect(posts.count >= 10)
            for post in posts { #expect((post["translations"] as? [Any])?.count == 1, "\(post["url"] ?? "")") }
        }
    }
}

/// HTML escaping as Mustache does it, for names with `'` and `&`.
enum XMLText {
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "'", with: "&#39;")
            .replacingOccurrences(of: "\"", with: "&quot;")
    }
}

@Suite struct FileNameDateTests {
    @Test func aDatePrefixIsLeftOutOfTheSlugOnlyWhenItIsOne() {
        #expect(SiteGraph.hasDatePrefix("2025-07-28-ky-niem"))
        #expect(SiteGraph.hasDatePrefix("2025-07-28-đà"))
        for stem in ["2025-07-28-", "2025-07-28", "2025-7-28-ky-niem", "20250728-ky-niem", "ky-niem", "2025-07-28xky"] {
            #expect(!SiteGraph.hasDatePrefix(stem), "\(stem)")
        }
    }
}
