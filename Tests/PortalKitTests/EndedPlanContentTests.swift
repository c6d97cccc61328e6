import Foundation
import Testing

@testable import PortalKit

/// Issue 16, "Done when": the repository's own `Content/` built on 4 December 2026, a year
/// after the 2021–2025 plan ended, read in both languages as a visitor would.
@Suite struct EndedPlanContentTests {
    static let now = "2026-12-04"

    /// The plan's pages of one language: its overview, tasks and dashboard, and the list of plans.
    struct Language: Sendable {
        let code: String
        let plan: String  // the plan's folder in the output
        let list: String  // the list of plans
        let calendar: String
        let dashboard: String
        let ended: String  // "Kế hoạch đã kết thúc <time …"
        let noDeadline: String
        let endedInList: String
        let empty: String
        let task: @Sendable (String) -> String
        let agency: @Sendable (String) -> String
        // What only a plan still running shows: the next deadline and its countdown.
        let deadlineMarkers: [String]
    }

    static let languages = [
        Language(
            code: "vi", plan: "ke-hoach/2021-2025", list: "ke-hoach/index.html",
            calendar: "ke-hoach/2021-2025/lich-bao-cao.ics", dashboard: "ke-hoach/2021-2025/tien-do/index.html",
            ended:
                "Kế hoạch đã kết thúc <time datetime=\"2025-12-31T00:00:00+07:00\">ngày 31 tháng 12 năm 2025</time>.",
            noDeadline: "Kế hoạch không còn hạn báo cáo nào.", endedInList: "(đã kết thúc)",
            empty: "<p class=\"notice\">Chưa có báo cáo tiến độ nào được công bố.</p>",
            task: { "ke-hoach/2021-2025/nhiem-vu-\($0)/index.html" }, agency: { "co-quan/\($0)/index.html" },
            deadlineMarkers: ["next-deadline", "Hạn báo cáo tiếp theo", "hạn cuối", "ngày nữa"]),
        Language(
            code: "en", plan: "en/plan/2021-2025", list: "en/plan/index.html",
            calendar: "en/plan/2021-2025/reporting-calendar.ics", dashboard: "en/plan/2021-2025/progress/index.html",
            ended: "The plan ended on <time datetime=\"2025-12-31T00:00:00+07:00\">31 December 2025</time>.",
            noDeadline: "It has no reporting deadline left.", endedInList: "(ended)",
            empty: "<p class=\"notice\">No progress report has been published yet.</p>",
            task: { "en/plan/2021-2025/task-\($0)/index.html" }, agency: { "en/agencies/\($0)/index.html" },
            deadlineMarkers: ["next-deadline", "Next reporting deadline", "last day", "days left", "day left"]),
    ]

    /// One build for every check below (the real content takes seconds).
    final class Built: @unchecked Sendable {
        let output: String
        let catalog: Catalog
        init() throws {
            (output, catalog) = try ContentTests().build(now: EndedPlanContentTests.now)
        }
        func read(_ path: String) throws -> String { try String(contentsOfFile: "\(output)/\(path)", encoding: .utf8) }
    }

    static let built = Result { try Built() }

    func site() throws -> Built { try Self.built.get() }

    /// `yyyymmdd` of a day, in Viet Nam.
    static func day(_ date: Date) -> String {
        String(VietnamTime.iso8601(date).prefix(10)).replacingOccurrences(of: "-", with: "")
    }

    @Test(arguments: languages.map(\.code))
    func thePlanIsShownAsEndedWithNoFutureDeadline(_ code: String) throws {
        let language = try #require(Self.languages.first { $0.code == code })
        let site = try site()
        let plan = try #require(site.catalog.plan("2021-2025"))
        #expect(Self.day(plan.period.end) == "20251231")
        let overview = try site.read("\(language.plan)/index.html")
        #expect(overview.contains(language.ended))
        #expect(overview.contains(language.noDeadline))
        // Nothing on the overview lies after the plan's end: no deadline, no countdown, no date.
        let end = VietnamTime.iso8601(plan.period.end)
        for match in overview.matches(of: /<time datetime="([^"]+)"/) {
            #expect(String(match.1) <= end, "\(language.plan)/index.html shows \(match.1)")
        }
        #expect(try site.read(language.list).contains(language.endedInList))
        // No page of the plan (overview, tasks, dashboard) or the list announces a deadline.
        let folder = "\(site.output)/\(language.plan)"
        let pages = try FileManager.default.subpathsOfDirectory(atPath: folder).filter { $0.hasSuffix(".html") }
        #expect(pages.count >= plan.tasks.count + 2)
        for page in pages.map({ "\(language.plan)/\($0)" }) + [language.list] {
            let text = try site.read(page)
            for marker in language.deadlineMarkers { #expect(!text.contains(marker), "\(page): \(marker)") }
        }
    }

    /// Every event of the calendar repeats until the plan's last deadline and no later; the
    /// former address (a copy, for subscriptions) too.
    @Test(arguments: languages.map(\.calendar) + ["ke-hoach/lich-bao-cao.ics"])
    func theCalendarEndsWithinThePlansPeriod(_ path: String) throws {
        let site = try site()
        let plan = try #require(site.catalog.plan("2021-2025"))
        let (start, end) = (Self.day(plan.period.start), Self.day(plan.period.end))
        let ics = try site.read(path).replacingOccurrences(of: "\r\n ", with: "")
        let events = ics.components(separatedBy: "BEGIN:VEVENT\r\n").dropFirst()
        #expect(events.count == plan.reporting.count)
        for event in events {
            let lines = event.components(separatedBy: "\r\n")
            let dtstart = try #require(lines.first { $0.hasPrefix("DTSTART") }?.split(separator: ":").last)
            let rrule = try #require(lines.first { $0.hasPrefix("RRULE:") }, "\(path): an event that never ends")
            let until = try #require(rrule.firstMatch(of: /UNTIL=(\d{8})/)?.1, "\(path): \(rrule)")
            #expect(!rrule.contains("COUNT="))
            #expect(String(dtstart) >= start && String(dtstart) <= String(until), "\(path): \(event)")
            #expect(String(until) <= end, "\(path): repeats after the plan's end: \(rrule)")
            // Its last occurrence is in the plan's last reporting year (2025).
            #expect(String(until).hasPrefix("2025"), "\(path): \(rrule)")
            #expect(!lines.contains { $0.hasPrefix("RDATE") })
        }
    }

    /// The labour department ended on 1 March 2025, its work divided three ways: its page
    /// lists the three successors with their functions, and each of its tasks names the one
    /// holding the task's subject (`heldBy`) or, for a task spanning fields, all three.
    @Test(arguments: languages.map(\.code))
    func theLabourDepartmentAndItsTasksShowTheThreeSuccessors(_ code: String) throws {
        let language = try #require(Self.languages.first { $0.code == code })
        let site = try site()
        let plan = try #require(site.catalog.plan("2021-2025"))
        let agencies = try #require(site.catalog.agencies)
        let labourID = "so-lao-dong-thuong-binh-va-xa-hoi"
        let labour = try #require(agencies[labourID])
        #expect(labour.successors.map(\.agency) == ["so-noi-vu", "so-y-te", "so-giao-duc-va-dao-tao"])
        let base = code == "vi" ? "/asean/co-quan/" : "/asean/en/agencies/"
        func link(_ id: String) -> String {
            "<a href=\"\(base)\(id)/\">\(XMLText.escape(agencies[id]?.name(code) ?? id))</a>"
        }
        func functions(_ id: String) -> String {
            let text = labour.successors.first { $0.agency == id }?.functions?(code) ?? ""
            return XMLText.escape(text)
        }
        let page = try site.read(language.agency(labourID))
        for successor in labour.successors.map(\.agency) {
            let named = functions(successor)
            #expect(!named.isEmpty, "\(successor) has no functions")
            #expect(page.contains(link(successor)), "\(successor)")
            #expect(page.contains(named), "\(successor)")
            // And the history the other way: each successor's page names the labour department.
            let successorPage = try site.read(language.agency(successor))
            #expect(successorPage.contains(link(labourID)), "\(successor)")
        }
        let tasks = plan.tasks.filter { $0.lead == labourID }
        #expect(tasks.map(\.id) == ["2-1", "4-4", "4-5", "5-5"])
        let heldBySeparator = code == "vi" ? " (nay do " : " (now held by "
        for task in tasks {
            let text = try site.read(language.task(task.id))
            #expect(text.contains(link(labourID)), "task \(task.id)")
            if let heldBy = task.heldBy {
                let expected = link(labourID) + heldBySeparator + link(heldBy) + ": " + functions(heldBy) + ")"
                #expect(text.contains(expected), "task \(task.id)")
                for other in labour.successors.map(\.agency) where other != heldBy {
                    let otherFunctions = functions(other)
                    #expect(!text.contains(otherFunctions), "task \(task.id) names \(other)")
                }
            } else {
                for successor in labour.successors.map(\.agency) {
                    let expected = link(successor) + " – " + functions(successor)
                    #expect(text.contains(expected), "task \(task.id) misses \(successor)")
                }
            }
        }
    }

    /// The repository has no report: the dashboard says none has been published, with no chart
    /// and nothing that looks like sample data.
    @Test(arguments: languages.map(\.code))
    func theDashboardShowsItsEmptyState(_ code: String) throws {
        let language = try #require(Self.languages.first { $0.code == code })
        let site = try site()
        #expect(!FileManager.default.fileExists(atPath: "\(ContentTests.content)/reports"))
        let page = try site.read(language.dashboard)
        #expect(page.contains(language.empty))
        #expect(page.contains(language.ended))
        for absent in ["<svg", "<table", "sample-data", "Sample data", "Dữ liệu mẫu", "progress-chart"] {
            #expect(!page.contains(absent), "\(absent)")
        }
    }
}
