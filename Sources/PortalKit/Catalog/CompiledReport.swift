import Foundation

/// The report the lead department compiles for the city from the agencies' reports of one
/// year (`portal report`): per characteristic and task, the lead, the status and every
/// agency's result, then the agencies that did not report; laid out as a Vietnamese
/// administrative report (Decree 30/2020: national heading, place and date line, A4). The
/// heading's two columns (the issuing body, the national heading) are a table's two cells, so
/// that they stay side by side in the Word document pandoc makes, where CSS is lost.
public struct CompiledReport: Sendable {
    public var catalog: Catalog
    public var plan: ActionPlan
    public var year: Int
    public var now: Date

    public init(contentDirectory: String, plan id: String, year: Int?, now: Date) throws(BuildFailure) {
        let settings: SiteSettings
        do { settings = try SiteSettings.load(contentDirectory: contentDirectory) } catch {
            throw BuildFailure([error])
        }
        catalog = try Catalog.load(contentDirectory: contentDirectory, languages: settings.languages.map(\.code))
        guard let plan = catalog.plan(id) else {
            throw BuildFailure([
                CatalogError.unknownID(
                    id, key: "--plan", SourceLocation(file: "\(contentDirectory)/plans"),
                    near: Suggestion.nearest(to: id, among: catalog.plans.map(\.id)))
            ])
        }
        self.plan = plan
        let years = ReportingCalendar.reportYears(plan)
        // The current year, else the plan's last reporting year once it has ended.
        let current = VietnamTime.parts(now).year
        self.year = year ?? (years.contains(current) ? current : years.last(where: { $0 <= current }) ?? current)
        self.now = now
    }

    public var reportYears: [Int] { ReportingCalendar.reportYears(plan) }

    var progress: PlanProgress.Year? {
        PlanProgress(plan: plan, catalog: catalog, now: now).years.first { $0.year == year }
    }

    /// The agencies that have not reported for the year, and whether their report is late.
    public func missing(language: String) -> (names: [String], isLate: Bool) {
        guard let year = progress else { return ([], false) }
        return (year.missing.map { catalog.agencies?[$0]?.name(language) ?? $0 }, year.isDue)
    }

    static let statusNames: [String: [ProgressReport.Status?: String]] = [
        "vi": [
            .done: "Đã hoàn thành", .ongoing: "Thực hiện thường xuyên", .inProgress: "Đang thực hiện",
            .notStarted: "Chưa triển khai", nil: "Chưa có báo cáo",
        ],
        "en": [
            .done: "Done", .ongoing: "Ongoing", .inProgress: "In progress", .notStarted: "Not started",
            nil: "Not reported",
        ],
    ]

    /// The printable HTML page.
    public func html(language: String) -> String {
        let vi = language == "vi"
        let names = Self.statusNames[language] ?? Self.statusNames["en"]!
        func e(_ text: String) -> String { ProgressChart.escape(text) }
        func name(_ id: String) -> String { catalog.agencies?[id]?.name(language) ?? id }
        let dateLine = (vi ? "Đà Nẵng, " : "Da Nang, ") + DateText.long(now, language: language)
        var body = ""
        let year = progress
        for pillar in plan.pillars {
            body += "<h2>\(pillar.number). \(e(pillar.name(language)))</h2>\n"
            for task in pillar.tasks {
                let status = year?.tasks.first { $0.task.id == task.id }
                var lead = name(task.lead)
                let holders = catalog.agencies?.holders(task.lead) ?? []
                if let heldBy = task.heldBy {
                    lead += vi ? " (nay: \(name(heldBy)))" : " (now: \(name(heldBy)))"
                } else if holders.count >= 1, holders.first?.agency.id != task.lead {
                    lead +=
                        (vi ? " (nay: " : " (now: ") + holders.map { $0.agency.name(language) }.joined(separator: "; ")
                        + ")"
                }
                body += "<h3>\(vi ? "Nhiệm vụ" : "Task") \(e(task.id)): \(e(task.title(language)))</h3>\n"
                body += "<p><b>\(vi ? "Cơ quan chủ trì" : "Lead agency"):</b> \(e(lead))<br>"
                body += "<b>\(vi ? "Tình trạng" : "Status"):</b> \(e(names[status?.status] ?? ""))</p>\n"
                let entries = status?.entries ?? []
                if entries.isEmpty {
                    body +=
                        "<p>\(vi ? "Không có cơ quan nào báo cáo nhiệm vụ này." : "No agency reported on this task.")</p>\n"
                } else {
                    body += "<ul>\n"
                    for (agency, entry) in entries {
                        let figures = entry.figures.map {
                            "\($0.label(language)): \($0.value)\($0.unit.map { " " + $0 } ?? "")"
                        }.joined(separator: "; ")
                        body +=
                            "<li><b>\(e(name(agency)))</b> (\(e(names[entry.status] ?? ""))): \(e(entry.result(language)))\(figures.isEmpty ? "" : " " + e(figures))</li>\n"
                    }
                    body += "</ul>\n"
                }
            }
        }
        body += "<h2>\(vi ? "Cơ quan chưa gửi báo cáo" : "Agencies that did not report")</h2>\n"
        let missing = year?.missing ?? []
        body +=
            missing.isEmpty
            ? "<p>\(vi ? "Không có." : "None.")</p>\n"
            : "<ul>\n" + missing.map { "<li>\(e(name($0)))</li>\n" }.joined() + "</ul>\n"
        if let late = year?.late, !late.isEmpty {
            body += "<h2>\(vi ? "Cơ quan gửi báo cáo muộn" : "Agencies that reported late")</h2>\n<ul>\n"
            for report in late {
                body +=
                    "<li>\(e(name(report.agency))): \(e(DateText.short(report.submitted, language: language)))</li>\n"
            }
            body += "</ul>\n"
        }
        let title =
            vi
            ? "Kết quả thực hiện \(plan.title("vi")) năm \(self.year)"
            : "Results of \(plan.title("en")) in \(self.year)"
        return """
            <!DOCTYPE html>
            <html lang="\(language)">
            <head>
            <meta charset="utf-8">
            <title>\(e(title))</title>
            <style>
            @page { size: A4; margin: 20mm 15mm 20mm 30mm; }
            body { font-family: "Times New Roman", "Liberation Serif", "DejaVu Serif", serif; font-size: 14pt; line-height: 1.3; max-width: 165mm; margin: 0 auto; }
            .heading { width: 100%; border-collapse: collapse; }
            .heading td { width: 50%; padding: 0; text-align: center; vertical-align: top; font-size: 13pt; }
            .place { text-align: right; font-style: italic; }
            h1 { font-size: 14pt; text-align: center; text-transform: uppercase; margin-bottom: 0; }
            .subtitle { text-align: center; font-weight: bold; margin-top: 0; }
            h2 { font-size: 14pt; } h3 { font-size: 13pt; }
            </style>
            </head>
            <body>
            <table class="heading" role="presentation"><tr>
            <td>\(vi ? "UBND THÀNH PHỐ ĐÀ NẴNG" : "DA NANG CITY PEOPLE'S COMMITTEE")<br><b>\(vi ? "[TÊN CƠ QUAN TỔNG HỢP]" : "[COMPILING AGENCY]")</b><br>\(vi ? "Số: ……/BC-……" : "No. ……/BC-……")</td>
            <td><b>\(vi ? "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" : "SOCIALIST REPUBLIC OF VIET NAM")</b><br><b>\(vi ? "Độc lập - Tự do - Hạnh phúc" : "Independence - Freedom - Happiness")</b></td>
            </tr></table>
            <p class="place">\(e(dateLine))</p>
            <h1>\(vi ? "BÁO CÁO" : "REPORT")</h1>
            <p class="subtitle">\(e(title))<br>(\(vi ? "theo" : "under") \(e(plan.number)))</p>
            \(body)</body>
            </html>

            """
    }

    /// Word through Debian's pandoc (departments edit and sign reports in Word).
    public static func docx(_ html: String, to path: String) throws {
        let source = FileManager.default.temporaryDirectory.appendingPathComponent(
            "portal-report-\(UUID().uuidString).html")
        try html.write(to: source, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: source) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["pandoc", "--from", "html", "--to", "docx", "--output", path, source.path]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw PandocFailure(status: process.terminationStatus) }
    }

    /// pandoc ended without writing the Word file. Quoted as the reason a report could not be
    /// written, in the person's language.
    public struct PandocFailure: Error, Sendable, CustomStringConvertible {
        public var status: Int32
        public var messageText: Message { CatalogMessages.pandocFailed(status: Int(status)) }
        public var description: String { messageText.text }
    }
}
