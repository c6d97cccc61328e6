import Foundation
import Testing

@testable import PortalKit

/// The action plan as pages: overview, characteristics, tasks, agencies, calendar.
@Suite struct PlanTests {
    func builtSite(now: String = "2026-11-28") throws -> TestSite {
        let site = try TestSite(fixture: "catalog")
        try site.write(
            "Content/vi/tin-tuc/2024-05-01-an-sinh.md",
            "---\ntitle: An sinh xã hội\ndate: 2024-05-01\ntasks: [2-1]\npillar: inclusive\nagency: so-lao-dong-thuong-binh-va-xa-hoi\n---\n"
        )
        try site.build(now: VietnamTime.parse(now)!)
        return site
    }

    @Test func taskPagesShowLeadCoordinatorsDocumentsAndPosts() throws {
        let site = try builtSite()
        let task = try site.read("ke-hoach/2021-2025/nhiem-vu-1-1/index.html")
        #expect(task.contains("<h1>Nhiệm vụ 1-1: Tổ chức bộ máy</h1>"))
        #expect(task.contains("<dd><a href=\"/asean/co-quan/so-noi-vu/\">Sở Nội vụ</a></dd>"))
        #expect(task.contains("<li><a href=\"/asean/co-quan/cac-so-ban-nganh/\">Các sở, ban, ngành</a></li>"))
        #expect(
            task.contains(
                "24/2014/NĐ-CP (<time datetime=\"2014-04-04T00:00:00+07:00\">ngày 04 tháng 4 năm 2014</time>)"))
        let english = try site.read("en/plan/2021-2025/task-1-1/index.html")
        #expect(english.contains("<h1>Task 1-1: Organisation</h1>"))
        #expect(
            english.contains("hreflang=\"vi\" href=\"https://example.gov.vn/asean/ke-hoach/2021-2025/nhiem-vu-1-1/\""))
        // A task led by a merged department shows who holds it now, and lists its posts.
        let merged = try site.read("ke-hoach/2021-2025/nhiem-vu-2-1/index.html")
        #expect(
            merged.contains(
                "<a href=\"/asean/co-quan/so-lao-dong-thuong-binh-va-xa-hoi/\">Sở Lao động – Thương binh và Xã hội</a> (nay do <a href=\"/asean/co-quan/so-noi-vu/\">Sở Nội vụ</a>)"
            ))
        #expect(merged.contains("<a href=\"/asean/tin-tuc/an-sinh/\">An sinh xã hội</a>"))
    }

    @Test func agencyPagesListTheirTasksAndHistory() throws {
        let site = try builtSite()
        let homeAffairs = try site.read("co-quan/so-noi-vu/index.html")
        #expect(homeAffairs.contains("Nhiệm vụ chủ trì"))
        #expect(
            homeAffairs.contains("<a href=\"/asean/ke-hoach/2021-2025/nhiem-vu-1-1/\">Nhiệm vụ 1-1: Tổ chức bộ máy</a>")
        )
        #expect(homeAffairs.contains("Nhiệm vụ tiếp nhận từ cơ quan trước đây"))
        #expect(
            homeAffairs.contains(
                "<li><a href=\"/asean/co-quan/so-lao-dong-thuong-binh-va-xa-hoi/\">Sở Lao động – Thương binh và Xã hội</a> (từ <time datetime=\"2025-03-01T00:00:00+07:00\">ngày 01 tháng 3 năm 2025</time>)</li>"
            ))
        #expect(
            homeAffairs.contains(
                "<a href=\"/asean/ke-hoach/2021-2025/nhiem-vu-2-1/\">Nhiệm vụ 2-1: An sinh</a> (từ <a href=\"/asean/co-quan/so-lao-dong-thuong-binh-va-xa-hoi/\">"
            ))
        let group = try site.read("co-quan/cac-so-ban-nganh/index.html")
        #expect(group.contains("Nhiệm vụ phối hợp"))
        #expect(group.contains("/asean/ke-hoach/2021-2025/nhiem-vu-2-1/"))
        let labour = try site.read("en/agencies/so-lao-dong-thuong-binh-va-xa-hoi/index.html")
        #expect(labour.contains("Merged into the Department of Home Affairs on 1 March 2025."))
        #expect(
            labour.contains(
                "<li><a href=\"/asean/en/agencies/so-noi-vu/\">Department of Home Affairs</a> (from <time datetime=\"2025-03-01T00:00:00+07:00\">1 March 2025</time>)</li>"
            ))
    }

    @Test func characteristicPagesListItemsAndTasks() throws {
        let site = try builtSite()
        let page = try site.read("dac-trung/inclusive/index.html")
        #expect(page.contains("<h1>2. Cộng đồng hòa nhập</h1>"))
        #expect(page.contains("<h3>a) An sinh xã hội</h3>"))
        #expect(page.contains("/asean/ke-hoach/2021-2025/nhiem-vu-2-1/"))
        #expect(page.contains("/asean/tin-tuc/an-sinh/"))
    }

    @Test func overviewCountsTasksAndComputesTheNextDeadline() throws {
        let site = try builtSite(now: "2025-11-28")
        let overview = try site.read("ke-hoach/2021-2025/index.html")
        #expect(
            overview.contains(
                "<a href=\"/asean/dac-trung/people/\">Cộng đồng gắn kết và mang lại lợi ích cho người dân</a>: 1 nhiệm vụ"
            ))
        // "Trước ngày 01 tháng 12": the last day is 30 November.
        #expect(
            overview.contains(
                "<strong>Trước ngày 01 tháng 12</strong> (hạn cuối <time datetime=\"2025-11-30T00:00:00+07:00\">ngày 30 tháng 11 năm 2025</time>, 2 ngày nữa): Các sở báo cáo"
            ))
        #expect(overview.contains("<a href=\"/asean/ke-hoach/2021-2025/lich-bao-cao.ics\">"))
        #expect(!overview.contains("plan-ended"))
        // The list of plans links it, with its period.
        let index = try site.read("ke-hoach/index.html")
        #expect(index.contains("<h2><a href=\"/asean/ke-hoach/2021-2025/\">Kế hoạch hành động</a></h2>"))
    }

    @Test func anEndedPlanSaysSoAndAnnouncesNoDeadline() throws {
        let site = try builtSite(now: "2026-12-04")
        let overview = try site.read("ke-hoach/2021-2025/index.html")
        #expect(
            overview.contains(
                "Kế hoạch đã kết thúc <time datetime=\"2025-12-31T00:00:00+07:00\">ngày 31 tháng 12 năm 2025</time>."))
        #expect(!overview.contains("next-deadline"))
        #expect(!overview.contains("2026"))
        let english = try site.read("en/plan/2021-2025/index.html")
        #expect(
            english.contains("The plan ended on <time datetime=\"2025-12-31T00:00:00+07:00\">31 December 2025</time>."))
        #expect(try site.read("ke-hoach/index.html").contains("(đã kết thúc)"))
    }

    @Test func deadlinesFallOnTheDayBeforeAndStopAtThePlansEnd() throws {
        let site = try TestSite(fixture: "catalog")
        let plan = try #require(try Catalog.load(contentDirectory: site.content, languages: ["vi", "en"]).plan)
        func next(_ now: String) -> String? {
            ReportingCalendar.next(plan, after: VietnamTime.parse(now)!).map {
                "\($0.deadline.id) \(VietnamTime.iso8601($0.date).prefix(10))"
            }
        }
        #expect(next("2021-12-03") == "agencies 2022-11-30")
        #expect(next("2024-11-30T23:59") == "agencies 2024-11-30")
        #expect(next("2024-12-01") == "agencies 2025-11-30")
        #expect(next("2025-11-30") == "agencies 2025-11-30")
        #expect(next("2025-12-01") == nil)
        #expect(next("2026-11-28") == nil)
        #expect(ReportingCalendar.reportYears(plan) == [2022, 2023, 2024, 2025])
    }

    @Test func calendarEndsWithThePlan() throws {
        let site = try builtSite()
        let ics = try site.read("ke-hoach/2021-2025/lich-bao-cao.ics")
        #expect(ics.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"))
        #expect(ics.contains("DTSTART;VALUE=DATE:20221130\r\nRRULE:FREQ=YEARLY;UNTIL=20251130\r\n"))
        #expect(ics.contains("SUMMARY:Các sở báo cáo\r\n"))
        #expect(ics.hasSuffix("END:VCALENDAR\r\n"))
        for line in ics.components(separatedBy: "\r\n") { #expect(line.utf8.count <= 75) }
        #expect(try site.read("en/plan/2021-2025/reporting-calendar.ics").contains("SUMMARY:Departments report"))
        // The former address keeps the same calendar (a subscription follows no redirect).
        #expect(try site.read("ke-hoach/lich-bao-cao.ics") == ics)
    }

    @Test func formerTaskAddressesRedirect() throws {
        let site = try builtSite()
        let old = try site.read("ke-hoach/nhiem-vu-2-1/index.html")
        #expect(
            old.contains(
                "<meta http-equiv=\"refresh\" content=\"0; url=https://example.gov.vn/asean/ke-hoach/2021-2025/nhiem-vu-2-1/\">"
            ))
        #expect(try site.read("en/plan/task-1-1/index.html").contains("/asean/en/plan/2021-2025/task-1-1/"))
    }

    @Test func unknownTaskIdFailsWithFileAndLine() throws {
        let site = try TestSite(fixture: "catalog")
        try site.write("Content/en/news/x.md", "---\ntitle: X\ntasks:\n  - 1-1\n  - 3-9\n---\n")
        let error = try #require(site.failure())
        #expect(error.contains("Content/en/news/x.md:4:3: error: `tasks` names `3-9`, which is not a known id"))
        #expect(error.contains("did you mean `2-1`, `1-1`?") || error.contains("did you mean `1-1`, `2-1`?"))
    }

    @Test func planDataErrorsNameFileLineAndKey() throws {
        let site = try TestSite(fixture: "catalog")
        let plan = try String(contentsOfFile: "\(site.content)/plans/2021-2025.yml", encoding: .utf8)
        try site.write(
            "Content/plans/2021-2025.yml", plan.replacingOccurrences(of: "lead: so-noi-vu", with: "lead: so-noi-vuu"))
        let error = try #require(site.failure())
        #expect(
            error.contains("plans/2021-2025.yml:21:15: error: `so-noi-vuu` (lead) is not an agency of agencies.yml"))
        #expect(error.contains("did you mean `so-noi-vu`"))
    }

    @Test func heldByMustNameASuccessorOfTheLead() throws {
        let site = try TestSite(fixture: "catalog")
        let path = "\(site.content)/plans/2021-2025.yml"
        let plan = try String(contentsOfFile: path, encoding: .utf8)
        try site.write(
            "Content/plans/2021-2025.yml",
            plan.replacingOccurrences(
                of: "lead: so-lao-dong-thuong-binh-va-xa-hoi\n",
                with: "lead: so-lao-dong-thuong-binh-va-xa-hoi\n        heldBy: so-noi-v\n"))
        let error = try #require(site.failure())
        #expect(
            error.contains(
                "plans/2021-2025.yml:40:17: error: task `2-1`: `heldBy: so-noi-v` is not a successor of its lead `so-lao-dong-thuong-binh-va-xa-hoi`"
            ), "\(error)")
        #expect(error.contains("did you mean `so-noi-vu`?"))
    }

    @Test func aPlanWithoutAPeriodOrTheOldPlanFileIsAnError() throws {
        let site = try TestSite(fixture: "catalog")
        let plan = try String(contentsOfFile: "\(site.content)/plans/2021-2025.yml", encoding: .utf8)
        try site.write(
            "Content/plans/2021-2025.yml",
            plan.replacingOccurrences(of: "period: { start: 2021-12-03, end: 2025-12-31 }\n", with: ""))
        #expect(site.failure()?.contains("plans/2021-2025.yml:1:1: error: a plan has no `period`") == true)
        let old = try TestSite(fixture: "catalog")
        try old.write("Content/plan.yml", plan)
        #expect(old.failure()?.contains("plan.yml: error: plans are now in Content/plans/<id>.yml") == true)
    }

    @Test func icsFolding() {
        let line = "SUMMARY:" + String(repeating: "Đà Nẵng ", count: 20)
        let folded = ICalendar.fold(line)
        for part in folded.components(separatedBy: "\r\n") { #expect(part.utf8.count <= 75) }
        #expect(folded.replacingOccurrences(of: "\r\n ", with: "") == line)
    }
}
