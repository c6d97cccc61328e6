import Foundation
import Testing

@testable import PortalKit

/// Progress reports: the sample site's dashboard, task and agency pages, and every validation
/// error at its file, line and column.
@Suite struct ProgressTests {
    /// The fixture `progress` (sample reports) with the repository's own plan and agencies.
    func sampleSite() throws -> TestSite {
        let site = try TestSite(fixture: "progress")
        for file in ["agencies.yml", "plans/2021-2025.yml"] {
            try site.write(
                "Content/\(file)",
                try String(contentsOfFile: "\(ContentTests.content)/\(file)", encoding: .utf8))
        }
        return site
    }

    func built(now: String = "2026-12-04") throws -> TestSite {
        let site = try sampleSite()
        try site.build(now: VietnamTime.parse(now)!)
        return site
    }

    @Test func theDashboardShowsStatusesAndWhoReportedOnTimeLateOrNot() throws {
        let site = try built()
        let page = try site.read("ke-hoach/2021-2025/tien-do/index.html")
        #expect(page.contains("Dữ liệu mẫu để kiểm thử"))
        #expect(page.contains("<h2 id=\"year-2025\">2025</h2>"))
        // On time (by 30 November), late (3 December), and not at all.
        let year = try #require(
            page.components(separatedBy: "<h2 id=\"year-2025\">").last?
                .components(separatedBy: "<h2 id=\"year-2024\">").first)
        let onTime = try #require(
            year.components(separatedBy: "<h3>Cơ quan báo cáo đúng hạn</h3>").last?
                .components(separatedBy: "<h3>").first)
        #expect(
            onTime.contains(
                "Sở Nội vụ</a>: <time datetime=\"2025-11-25T00:00:00+07:00\">25/11/2025</time> (123/BC-SNV)"))
        let late = try #require(
            year.components(separatedBy: "<h3>Cơ quan báo cáo muộn</h3>").last?
                .components(separatedBy: "<h3>").first)
        #expect(late.contains("/asean/co-quan/so-y-te/\">Sở Y tế</a>: <time datetime=\"2025-12-03"))
        let missing = try #require(year.components(separatedBy: "<h3>Cơ quan chưa báo cáo</h3>").last)
        #expect(missing.contains("/asean/co-quan/so-giao-duc-va-dao-tao/"))
        #expect(missing.contains("/asean/co-quan/cong-an-thanh-pho/"))
        // The labour department had ended by the 2025 deadline: not expected then.
        #expect(!missing.contains("/asean/co-quan/so-lao-dong-thuong-binh-va-xa-hoi/"))
        // The chart: an SVG with a title and a description, and the same figures in a table.
        #expect(year.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"progress-chart\""))
        #expect(year.contains("role=\"img\" aria-labelledby=\"chart-2025-title chart-2025-desc\""))
        #expect(year.contains("<title id=\"chart-2025-title\">Số nhiệm vụ theo tình trạng, năm 2025</title>"))
        #expect(year.contains("1. Cộng đồng gắn kết và mang lại lợi ích cho người dân: Đã hoàn thành 1"))
        #expect(
            year.contains(
                "<tr><th scope=\"row\">1. Cộng đồng gắn kết và mang lại lợi ích cho người dân</th><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>1</td></tr>"
            ))
        #expect(page.contains("href=\"/asean/ke-hoach/2021-2025/tien-do/tien-do.json\""))
        let english = try site.read("en/plan/2021-2025/progress/index.html")
        #expect(english.contains("Agencies that reported late"))
        #expect(english.contains("Sample data for tests"))
    }

    @Test func taskAndAgencyPagesShowTheReports() throws {
        let site = try built()
        let task = try site.read("ke-hoach/2021-2025/nhiem-vu-5-10/index.html")
        #expect(task.contains("<h2 id=\"progress\">Tiến độ theo năm</h2>"))
        #expect(
            task.contains("<strong class=\"status status-in-progress\">Đang thực hiện</strong>. Mẫu: đang thực hiện."))
        #expect(task.contains("Mẫu: số người: 12 người"))
        #expect(try site.read("ke-hoach/2021-2025/nhiem-vu-3-2/index.html").contains("Chưa có cơ quan nào báo cáo"))
        let agency = try site.read("en/agencies/so-y-te/index.html")
        #expect(agency.contains("<h2 id=\"agency-reports\">Progress reports</h2>"))
        #expect(
            agency.contains(
                ", 2025</a>: submitted <time datetime=\"2025-12-03T00:00:00+07:00\">3 December 2025</time>, <strong>late</strong>; 3 tasks"
            ))
    }

    @Test func theProgressIsOpenDataAsJSONAndCSV() throws {
        let site = try built()
        let json = try site.read("ke-hoach/2021-2025/tien-do/tien-do.json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["plan"] as? String == "2021-2025")
        let years = try #require(object["years"] as? [[String: Any]])
        #expect(years.map { $0["year"] as? Int } == [2022, 2023, 2024, 2025])
        let latest = years[3]
        #expect((latest["late"] as? [[String: Any]])?.first?["agency"] as? String == "so-y-te")
        #expect((latest["missing"] as? [String])?.contains("so-giao-duc-va-dao-tao") == true)
        #expect(try site.read("en/plan/2021-2025/progress/progress.json") == json)
        let csv = try site.read("ke-hoach/2021-2025/tien-do/tien-do.csv")
        #expect(
            csv.hasPrefix(
                "year,task,pillar,task_status,agency,agency_status,submitted,late,document,result_vi,result_en\r\n"))
        #expect(
            csv.contains(
                "2025,4-4,resilient,in-progress,so-y-te,in-progress,2025-12-03,yes,,Mẫu: đang thực hiện.,Sample: under way.\r\n"
            ))
        #expect(csv.contains("2025,5-10,dynamic,in-progress,so-noi-vu,in-progress,2025-11-25,no,123/BC-SNV,"))
    }

    @Test func theRealSiteShowsTheEmptyState() throws {
        let site = try TestSite(fixture: "catalog")
        try site.build(now: VietnamTime.parse("2026-12-04")!)
        #expect(
            try site.read("ke-hoach/2021-2025/tien-do/index.html").contains("Chưa có báo cáo tiến độ nào được công bố.")
        )
        #expect(
            try site.read("en/plan/2021-2025/progress/index.html").contains(
                "No progress report has been published yet."))
    }

    /// Writes one report into the sample site and returns the build's error text.
    func failure(_ path: String, _ text: String) throws -> String {
        let site = try sampleSite()
        try site.write("Content/reports/\(path)", text)
        return try #require(site.failure())
    }

    static let valid = "submitted: 2025-11-20\ntasks:\n  - task: 1-1\n    status: done\n    result: { vi: a, en: b }\n"

    @Test func anUnknownPlanIsAnErrorWithTheClosestPlan() throws {
        let error = try failure("2021-2026/2025/so-noi-vu.yml", Self.valid)
        #expect(
            error.contains(
                "reports/2021-2026/2025/so-noi-vu.yml:1:1: error: `2021-2026` (the report's folder) is not a plan of Content/plans/"
            ), "\(error)")
        #expect(error.contains("did you mean `2021-2025`?"))
    }

    @Test func aYearOutsideThePeriodIsAnError() throws {
        let error = try failure("2021-2025/2026/so-noi-vu.yml", Self.valid)
        #expect(
            error.contains(
                "reports/2021-2025/2026/so-noi-vu.yml:1:1: error: 2026 is not a reporting year of plan `2021-2025`"),
            "\(error)")
        #expect(error.contains("its reporting years: 2022, 2023, 2024, 2025"))
    }

    @Test func anUnknownAgencyIsAnErrorWithTheClosestId() throws {
        let error = try failure("2021-2025/2025/so-noi-vuu.yml", Self.valid)
        #expect(
            error.contains(
                "so-noi-vuu.yml:1:1: error: `so-noi-vuu` (the report's file name) is not an agency of agencies.yml"),
            "\(error)")
        #expect(error.contains("did you mean `so-noi-vu`?"))
    }

    @Test func anUnknownTaskIsAnErrorAtItsLine() throws {
        let error = try failure(
            "2021-2025/2025/so-noi-vu.yml", Self.valid.replacingOccurrences(of: "task: 1-1", with: "task: 1-9"))
        #expect(error.contains("so-noi-vu.yml:3:11: error: `1-9` is not a task of plan `2021-2025`"), "\(error)")
        #expect(error.contains("did you mean `1-1`"))
    }

    @Test func aTaskTheAgencyHasNoPartInIsAnError() throws {
        let error = try failure(
            "2021-2025/2025/so-noi-vu.yml", Self.valid.replacingOccurrences(of: "task: 1-1", with: "task: 4-4"))
        #expect(
            error.contains(
                "so-noi-vu.yml:3:11: error: `so-noi-vu` neither leads nor coordinates task `4-4`, nor took it over from another agency"
            ), "\(error)")
        #expect(error.contains("its tasks: 1-1, 2-1, 5-2, 5-10"))
    }

    @Test func anUnknownStatusIsAnErrorWithTheClosestStatus() throws {
        let error = try failure(
            "2021-2025/2025/so-noi-vu.yml",
            Self.valid.replacingOccurrences(of: "status: done", with: "status: in-progres"))
        #expect(error.contains("so-noi-vu.yml:4:13: error: `status: in-progres` is not a status"), "\(error)")
        #expect(error.contains("did you mean `in-progress`?"))
    }

    @Test func everyBadReportIsReportedAtOnce() throws {
        let site = try sampleSite()
        try site.write("Content/reports/2021-2025/2025/so-noi-vuu.yml", Self.valid)
        try site.write("Content/reports/2021-2025/2026/so-y-te.yml", Self.valid)
        let error = try #require(site.failure())
        #expect(error.contains("so-noi-vuu.yml:1:1: error:") && error.contains("2026/so-y-te.yml:1:1: error:"))
    }

    @Test func aReportForAYearNotYetDueIsFineAndLateIsOnlyShown() throws {
        // Built on 20 November 2025, the 2025 reports are in; the late one is shown as late.
        let site = try built(now: "2025-12-05")
        let page = try site.read("ke-hoach/2021-2025/tien-do/index.html")
        #expect(page.contains("<h3>Cơ quan báo cáo muộn</h3>"))
        let early = try built(now: "2025-11-26")
        let before = try early.read("ke-hoach/2021-2025/tien-do/index.html")
        #expect(before.contains("Cơ quan chưa báo cáo (chưa đến hạn)"))
    }
}

/// `portal report`: the compiled report of a year, in HTML and Word, and the missing agencies.
@Suite struct CompiledReportTests {
    func report(now: String = "2026-12-04") throws -> CompiledReport {
        let site = try ProgressTests().sampleSite()
        return try CompiledReport(
            contentDirectory: site.content, plan: "2021-2025", year: 2025, now: VietnamTime.parse(now)!)
    }

    @Test func theHTMLIsLaidOutLikeAnAdministrativeReport() throws {
        let html = try report().html(language: "vi")
        #expect(html.contains("<b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b><br><b>Độc lập - Tự do - Hạnh phúc</b>"))
        #expect(html.contains("<p class=\"place\">Đà Nẵng, ngày 04 tháng 12 năm 2026</p>"))
        #expect(html.contains("@page { size: A4;"))
        #expect(html.contains("<h3>Nhiệm vụ 4-4: "))
        #expect(html.contains("<li><b>Sở Y tế</b> (Đang thực hiện): Mẫu: đang thực hiện.</li>"))
        let missing = try #require(html.components(separatedBy: "<h2>Cơ quan chưa gửi báo cáo</h2>").last)
        #expect(missing.contains("<li>Sở Giáo dục và Đào tạo</li>"))
        #expect(html.contains("<h2>Cơ quan gửi báo cáo muộn</h2>\n<ul>\n<li>Sở Y tế: 3/12/2025</li>"))
        #expect(try report().html(language: "en").contains("SOCIALIST REPUBLIC OF VIET NAM"))
    }

    @Test func missingAgenciesAreLateOnlyAfterTheDeadline() throws {
        let after = try report().missing(language: "vi")
        #expect(after.isLate && after.names.contains("Sở Giáo dục và Đào tạo"))
        #expect(try report(now: "2025-11-26").missing(language: "vi").isLate == false)
    }

    @Test func theWordDocumentOpensAndHoldsTheReport() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("report-\(UUID().uuidString).docx")
            .path
        try CompiledReport.docx(try report().html(language: "vi"), to: path)
        // A .docx is a zip: read its main part back with Python's zipfile.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", "-c",
            "import sys,zipfile; print(zipfile.ZipFile(sys.argv[1]).read('word/document.xml').decode())",
            path,
        ]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let xml = String(decoding: data, as: UTF8.self)
        #expect(process.terminationStatus == 0)
        #expect(xml.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"))
        #expect(xml.contains("Sở Giáo dục và Đào tạo"))
    }
}
