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
        let task = try site.read("ke-hoach/nhiem-vu-1-1/index.html")
        #expect(task.contains("<h1>Nhiệm vụ 1-1: Tổ chức bộ máy</h1>"))
        #expect(task.contains("<dd><a href=\"/asean/co-quan/so-noi-vu/\">Sở Nội vụ</a></dd>"))
        #expect(task.contains("<li><a href=\"/asean/co-quan/cac-so-ban-nganh/\">Các sở, ban, ngành</a></li>"))
        #expect(
            task.contains(
                "24/2014/NĐ-CP (<time datetime=\"2014-04-04T00:00:00+07:00\">ngày 04 tháng 4 năm 2014</time>)"))
        let english = try site.read("en/plan/task-1-1/index.html")
        #expect(english.contains("<h1>Task 1-1: Organisation</h1>"))
        #expect(english.contains("hreflang=\"vi\" href=\"https://example.gov.vn/asean/ke-hoach/nhiem-vu-1-1/\""))
        // A task led by a merged department shows who holds it now, and lists its posts.
        let merged = try site.read("ke-hoach/nhiem-vu-2-1/index.html")
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
        #expect(homeAffairs.contains("<a href=\"/asean/ke-hoach/nhiem-vu-1-1/\">Nhiệm vụ 1-1: Tổ chức bộ máy</a>"))
        #expect(homeAffairs.contains("Nhiệm vụ tiếp nhận từ cơ quan đã hợp nhất"))
        #expect(
            homeAffairs.contains(
                "<a href=\"/asean/ke-hoach/nhiem-vu-2-1/\">Nhiệm vụ 2-1: An sinh</a> (từ <a href=\"/asean/co-quan/so-lao-dong-thuong-binh-va-xa-hoi/\">"
            ))
        let group = try site.read("co-quan/cac-so-ban-nganh/index.html")
        #expect(group.contains("Nhiệm vụ phối hợp"))
        #expect(group.contains("/asean/ke-hoach/nhiem-vu-2-1/"))
        let labour = try site.read("en/agencies/so-lao-dong-thuong-binh-va-xa-hoi/index.html")
        #expect(labour.contains("Merged into the Department of Home Affairs on 1 March 2025."))
        #expect(labour.contains("Now: <a href=\"/asean/en/agencies/so-noi-vu/\">Department of Home Affairs</a>"))
    }

    @Test func characteristicPagesListItemsAndTasks() throws {
        let site = try builtSite()
        let page = try site.read("dac-trung/inclusive/index.html")
        #expect(page.contains("<h1>2. Cộng đồng hòa nhập</h1>"))
        #expect(page.contains("<h3>a) An sinh xã hội</h3>"))
        #expect(page.contains("/asean/ke-hoach/nhiem-vu-2-1/"))
        #expect(page.contains("/asean/tin-tuc/an-sinh/"))
    }

    @Test func overviewCountsTasksAndComputesTheNextDeadline() throws {
        let site = try builtSite(now: "2026-11-28")
        let overview = try site.read("ke-hoach/index.html")
        #expect(
            overview.contains(
                "<a href=\"/asean/dac-trung/people/\">Cộng đồng gắn kết và mang lại lợi ích cho người dân</a>: 1 nhiệm vụ"
            ))
        #expect(
            overview.contains(
                "<time datetime=\"2026-12-01T00:00:00+07:00\">ngày 01 tháng 12 năm 2026</time></strong>: Các sở báo cáo (3 ngày nữa)"
            ))
        #expect(overview.contains("<a href=\"/asean/ke-hoach/lich-bao-cao.ics\">"))
    }

    @Test func nextDeadlineAfterTheFirstOfDecember() throws {
        let deadlines = [
            ActionPlan.Deadline(id: "agencies", month: 12, day: 1, title: Localized(["en": "a"]), from: [], to: "x"),
            ActionPlan.Deadline(id: "city", month: 12, day: 15, title: Localized(["en": "c"]), from: [], to: "x"),
        ]
        func next(_ now: String) -> String? {
            ReportingCalendar.next(deadlines, after: VietnamTime.parse(now)!).map {
                "\($0.deadline.id) \(VietnamTime.iso8601($0.date).prefix(10))"
            }
        }
        #expect(next("2026-11-28") == "agencies 2026-12-01")
        #expect(next("2026-12-01T23:59") == "agencies 2026-12-01")
        #expect(next("2026-12-02") == "city 2026-12-15")
        #expect(next("2026-12-16") == "agencies 2027-12-01")
    }

    @Test func calendarRecursYearly() throws {
        let site = try builtSite()
        let ics = try site.read("ke-hoach/lich-bao-cao.ics")
        #expect(ics.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"))
        #expect(ics.contains("DTSTART;VALUE=DATE:20221201\r\nRRULE:FREQ=YEARLY\r\n"))
        #expect(ics.contains("SUMMARY:Các sở báo cáo\r\n"))
        #expect(ics.hasSuffix("END:VCALENDAR\r\n"))
        for line in ics.components(separatedBy: "\r\n") { #expect(line.utf8.count <= 75) }
        #expect(try site.read("en/plan/reporting-calendar.ics").contains("SUMMARY:Departments report"))
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
        let plan = try String(contentsOfFile: "\(site.content)/plan.yml", encoding: .utf8)
        try site.write("Content/plan.yml", plan.replacingOccurrences(of: "lead: so-noi-vu", with: "lead: so-noi-vuu"))
        let error = try #require(site.failure())
        #expect(error.contains("plan.yml:18:15: error: `so-noi-vuu` (lead) is not an agency of agencies.yml"))
        #expect(error.contains("did you mean `so-noi-vu`"))
    }

    @Test func icsFolding() {
        let line = "SUMMARY:" + String(repeating: "Đà Nẵng ", count: 20)
        let folded = ICalendar.fold(line)
        for part in folded.components(separatedBy: "\r\n") { #expect(part.utf8.count <= 75) }
        #expect(folded.replacingOccurrences(of: "\r\n ", with: "") == line)
    }
}
