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
            let vi = try read(output, "ke-hoach/2021-2025/nhiem-vu-\(task.id)/index.html")
            let en = try read(output, "en/plan/2021-2025/task-\(task.id)/index.html")
            let lead = try #require(agencies[task.lead])
            #expect(vi.contains(">\(lead.name("vi"))</a>"), "task \(task.id) vi")
            #expect(en.contains(">\(XMLText.escape(lead.name("en")))</a>"), "task \(task.id) en")
        }
    }

    @Test func everyAgencyPageListsItsTasksAndChangedOnesTheirSuccessors() throws {
        let (output, catalog) = try build(now: "2026-11-28")
        let plan = try #require(catalog.plan)
        let agencies = try #require(catalog.agencies)
        for agency in agencies.agencies {
            let page = try read(output, "co-quan/\(agency.id)/index.html")
            for task in plan.tasks where task.lead == agency.id || task.coordinators.contains(agency.id) {
                #expect(
                    page.contains("/asean/ke-hoach/2021-2025/nhiem-vu-\(task.id)/"),
                    "\(agency.id) misses task \(task.id)")
            }
            for successor in agency.successors {
                #expect(page.contains("<li><a href=\"/asean/co-quan/\(successor.agency)/\">"), "\(agency.id)")
                let next = try read(output, "co-quan/\(successor.agency)/index.html")
                #expect(next.contains("<li><a href=\"/asean/co-quan/\(agency.id)/\">"), "\(successor.agency)")
            }
        }
    }

    /// DOMAIN.md: the 2025 consolidations, and the labour department split three ways.
    @Test func theRecordOf2025IsComplete() throws {
        let (_, catalog) = try build(now: "2026-11-28")
        let agencies = try #require(catalog.agencies)
        func successors(_ id: String) -> [String] { agencies[id]?.successors.map(\.agency) ?? [] }
        #expect(successors("so-ke-hoach-va-dau-tu") == ["so-tai-chinh"])
        #expect(successors("so-giao-thong-van-tai") == ["so-xay-dung"])
        #expect(successors("so-tai-nguyen-va-moi-truong") == ["so-nong-nghiep-va-moi-truong"])
        #expect(successors("so-nong-nghiep-va-phat-trien-nong-thon") == ["so-nong-nghiep-va-moi-truong"])
        #expect(successors("so-thong-tin-va-truyen-thong") == ["so-khoa-hoc-va-cong-nghe", "so-van-hoa-va-the-thao"])
        #expect(
            successors("so-lao-dong-thuong-binh-va-xa-hoi") == ["so-noi-vu", "so-y-te", "so-giao-duc-va-dao-tao"])
        for district in agencies.agencies
        where district.id.hasPrefix("ubnd-quan") || district.id.hasPrefix("ubnd-huyen")
            || district.id == "ubnd-cac-quan-huyen"
        {
            #expect(district.until.map { VietnamTime.iso8601($0).prefix(10) } == "2025-07-01", "\(district.id)")
        }
        // Consolidations are "hợp nhất", never "sáp nhập".
        let text = try String(contentsOfFile: "\(Self.content)/agencies.yml", encoding: .utf8)
        #expect(!text.lowercased().contains("sáp nhập"))
        #expect(agencies["trung-tam-phat-trien-nguon-nhan-luc-chat-luong-cao"]?.kind == "centre")
    }

    @Test func theLabourDepartmentAndItsTasksShowItsThreeSuccessors() throws {
        let (output, catalog) = try build(now: "2026-12-04")
        let plan = try #require(catalog.plan)
        let labour = try read(output, "co-quan/so-lao-dong-thuong-binh-va-xa-hoi/index.html")
        for (id, functions) in [
            ("so-noi-vu", "lao động, việc làm, tiền lương, người có công, bình đẳng giới"),
            ("so-y-te", "bảo trợ xã hội, trẻ em, phòng, chống tệ nạn xã hội"),
            ("so-giao-duc-va-dao-tao", "giáo dục nghề nghiệp"),
        ] {
            #expect(labour.contains("<a href=\"/asean/co-quan/\(id)/\">"), "\(id)")
            #expect(labour.contains(functions), "\(id)")
        }
        // A task whose subject spans the three lists them with their functions ...
        let mixed = try read(output, "ke-hoach/2021-2025/nhiem-vu-2-1/index.html")
        #expect(
            mixed.contains("(nay chia theo lĩnh vực: <a href=\"/asean/co-quan/so-noi-vu/\">Sở Nội vụ</a> – lao động"))
        #expect(mixed.contains("<a href=\"/asean/co-quan/so-y-te/\">Sở Y tế</a> – bảo trợ xã hội"))
        // ... and one whose subject is clear names the successor that holds it.
        let vocational = try read(output, "en/plan/2021-2025/task-5-5/index.html")
        #expect(
            vocational.contains(
                "(now held by <a href=\"/asean/en/agencies/so-giao-duc-va-dao-tao/\">Department of Education and Training</a>: vocational education)"
            ))
        #expect(plan.task("4-4")?.heldBy == "so-y-te")
        // Home Affairs holds only its own three tasks and the shared one.
        let homeAffairs = try read(output, "co-quan/so-noi-vu/index.html")
        #expect(!homeAffairs.contains("nhiem-vu-5-5/"))
        #expect(!homeAffairs.contains("nhiem-vu-4-4/"))
        #expect(homeAffairs.contains("nhiem-vu-2-1/\">Nhiệm vụ 2-1"))
    }

    @Test(arguments: [
        ("2025-11-28", "2025-11-30", "ngày 30 tháng 11 năm 2025"),
        ("2025-12-02", "2025-12-14", "ngày 14 tháng 12 năm 2025"),
    ])
    func nextDeadlineOnTheOverview(now: String, date: String, text: String) throws {
        let (output, _) = try build(now: now)
        let overview = try read(output, "ke-hoach/2021-2025/index.html")
        #expect(overview.contains("<time datetime=\"\(date)T00:00:00+07:00\">\(text)</time>"))
    }

    /// Built on 4 December 2026, the 2021–2025 plan has ended: no deadline, a calendar that ends.
    @Test func theEndedPlanAnnouncesNothingAfter2025() throws {
        let (output, _) = try build(now: "2026-12-04")
        let overview = try read(output, "ke-hoach/2021-2025/index.html")
        #expect(overview.contains("Kế hoạch đã kết thúc <time datetime=\"2025-12-31T00:00:00+07:00\">"))
        #expect(!overview.contains("next-deadline"))
        #expect(overview.contains("<strong>Trước ngày 01 tháng 12</strong>"))
        let ics = try read(output, "ke-hoach/2021-2025/lich-bao-cao.ics")
        #expect(ics.contains("RRULE:FREQ=YEARLY;UNTIL=20251130\r\n"))
        #expect(ics.contains("RRULE:FREQ=YEARLY;UNTIL=20251214\r\n"))
    }

    /// Issue 16, "Make the content true": each wrong statement, checked against the decision
    /// and DOMAIN.md, stays fixed.
    @Test func theContentSaysWhatTheDecisionAndTheRecordSay() throws {
        let files = FileManager.default.enumerator(atPath: Self.content)!.compactMap { $0 as? String }
            .filter { $0.hasSuffix(".md") || $0.hasSuffix(".yml") }
        var text: [String: String] = [:]
        for file in files { text[file] = try String(contentsOfFile: "\(Self.content)/\(file)", encoding: .utf8) }
        let all = text.values.joined(separator: "\n")
        // Consolidations are "hợp nhất" / "consolidated", never "sáp nhập" / "merged".
        for wrong in ["sáp nhập", "Sáp nhập", "was merged into", "merged into the Department", "Merged on"] {
            #expect(!all.contains(wrong), "\(wrong)")
        }
        // The labour department's tasks did not all go to Home Affairs; no false counts.
        for wrong in [
            "bảy nhiệm vụ, nhiều nhất", "holds seven, more than", "Ba cơ quan được nêu", "Three bodies named",
            "nay là Sở Nội vụ", "now Home Affairs", "now the Department of Home Affairs)",
        ] {
            #expect(!all.contains(wrong), "\(wrong)")
        }
        // The dynamic group has 12 tasks against the sustainable group's 11; group 2 also has one block.
        for wrong in [
            "có nhiều đầu việc nhất", "more tasks than any other", "Khác với các nhóm sau",
            "Unlike the groups that follow",
        ] {
            #expect(!all.contains(wrong), "\(wrong)")
        }
        // Tasks 5-5, 5-6 and 3-3 as the decision words them.
        let plan = text["plans/2021-2025.yml"] ?? ""
        #expect(plan.contains("các nước trong khu vực về giáo dục nghề nghiệp"))
        #expect(plan.contains("học sinh trung học phổ thông"))
        #expect(plan.contains("có lộ trình đến năm 2030 theo hướng đô thị sinh thái"))
        for wrong in [
            "nước láng giềng về đào tạo nghề", "neighbouring countries on vocational", "học sinh cuối cấp",
            "eco-city by 2030", "đô thị sinh thái vào năm 2030",
        ] {
            #expect(!all.contains(wrong), "\(wrong)")
        }
        // The decision was issued by the Chairman, not "the People's Committee".
        let withoutChairman = all.replacingOccurrences(of: "Chủ tịch Ủy ban", with: "")
            .replacingOccurrences(of: "the Chairman of the", with: "")
        for wrong in [
            "Ủy ban nhân dân thành phố ban hành Quyết định", "mà Ủy ban nhân dân thành phố ban hành",
            "the Da Nang People's Committee issued", "the City People's Committee adopted",
        ] {
            #expect(!withoutChairman.contains(wrong), "\(wrong)")
        }
        // No "today" in articles dated before the column existed.
        #expect(!(text["vi/tin-tuc/2025-07-28-30-nam-viet-nam-gia-nhap-asean.md"] ?? "").contains("Hôm nay"))
        #expect(!(text["en/news/2025-07-28-30th-anniversary-of-viet-nam-joining-asean.md"] ?? "").contains("Today"))
        // Government register in Vietnamese.
        for wrong in [
            "Nó là mắt xích", "Đừng nhầm", "nâng tay nghề", "chấm điểm", "nâng năng lực", "bốn nghĩa", "ngày 8 tháng 8",
        ] {
            #expect(!all.contains(wrong), "\(wrong)")
        }
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
