import Foundation

/// Each plan's progress as open data beside its dashboard (Circular 22/2023: structured data
/// others can reuse): `tien-do.json` / `progress.json` with every report's entries, and a CSV
/// with one row per task, year and reporting agency. Both languages' texts are in both.
struct ProgressData {
    let site: Site

    func files() -> [OutputFile] {
        site.catalog.plans.flatMap { plan -> [OutputFile] in
            let progress = PlanProgress(plan: plan, catalog: site.catalog, now: site.now)
            let json = Self.json(progress, catalog: site.catalog)
            let csv = Self.csv(progress, catalog: site.catalog)
            return site.settings.languages.flatMap { language in
                [
                    OutputFile(
                        path: site.progressDataPath(plan: plan.id, language.code, format: "json"), body: .text(json)),
                    OutputFile(
                        path: site.progressDataPath(plan: plan.id, language.code, format: "csv"), body: .text(csv)),
                ]
            }
        }
    }

    static func day(_ date: Date) -> String { String(VietnamTime.iso8601(date).prefix(10)) }

    static func json(_ progress: PlanProgress, catalog: Catalog) -> String {
        let plan = progress.plan
        let report = { (report: ProgressReport) -> [String: Any] in
            var fields: [String: Any] = ["agency": report.agency, "submitted": day(report.submitted)]
            if let document = report.document { fields["document"] = document }
            return fields
        }
        let years = progress.years.map { year -> [String: Any] in
            [
                "year": year.year, "deadline": day(year.deadline),
                "onTime": year.onTime.map(report), "late": year.late.map(report), "missing": year.missing,
                "tasks": year.tasks.map { status -> [String: Any] in
                    [
                        "id": status.task.id, "pillar": status.task.pillar,
                        "status": status.status?.rawValue ?? NSNull(),
                        "reports": status.entries.map { agency, entry -> [String: Any] in
                            [
                                "agency": agency, "status": entry.status.rawValue, "result": entry.result.texts,
                                "figures": entry.figures.map { figure -> [String: Any] in
                                    var fields: [String: Any] = ["label": figure.label.texts, "value": figure.value]
                                    if let unit = figure.unit { fields["unit"] = unit }
                                    return fields
                                },
                            ]
                        },
                    ]
                },
            ]
        }
        let object: [String: Any] = [
            "plan": plan.id, "decision": plan.number, "title": plan.title.texts,
            "period": ["start": day(plan.period.start), "end": day(plan.period.end)],
            "statuses": ProgressReport.Status.allCases.map(\.rawValue), "years": years,
        ]
        let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    static func csv(_ progress: PlanProgress, catalog: Catalog) -> String {
        var lines = [
            "year,task,pillar,task_status,agency,agency_status,submitted,late,document,result_vi,result_en"
        ]
        for year in progress.years {
            let reports = Dictionary((year.onTime + year.late).map { ($0.agency, $0) }) { first, _ in first }
            for status in year.tasks {
                let base = [
                    "\(year.year)", status.task.id, status.task.pillar, status.status?.rawValue ?? "not-reported",
                ]
                if status.entries.isEmpty {
                    lines.append((base + Array(repeating: "", count: 7)).map(field).joined(separator: ","))
                }
                for (agency, entry) in status.entries {
                    let report = reports[agency]
                    let late = report.map { $0.isLate(in: progress.plan) } ?? false
                    lines.append(
                        (base + [
                            agency, entry.status.rawValue, report.map { day($0.submitted) } ?? "", late ? "yes" : "no",
                            report?.document ?? "", entry.result("vi"), entry.result("en"),
                        ]).map(field).joined(separator: ","))
                }
            }
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// RFC 4180: quote fields with commas, quotes or line breaks.
    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
