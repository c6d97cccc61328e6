import Foundation

/// Contexts of the progress reports: a plan's dashboard, each task's status year by year, each
/// agency's reports.
extension PageContext {
    /// The statuses in the order the dashboard, its charts and tables show them; nil: no report.
    static let statusOrder: [ProgressReport.Status?] = [.done, .ongoing, .inProgress, .notStarted, nil]

    func statusName(_ status: ProgressReport.Status?, _ language: String) -> String {
        let key: String
        switch status {
        case .done: key = "statusDone"
        case .ongoing: key = "statusOngoing"
        case .inProgress: key = "statusInProgress"
        case .notStarted: key = "statusNotStarted"
        case nil: key = "statusNotReported"
        }
        return theme.strings[language]?[key] ?? key
    }

    func progressPage(_ plan: ActionPlan, _ language: String) -> [String: Any] {
        let url = site.progressPath(plan: plan.id, language)
        let versions = settings.languages.map { ($0.code, site.progressPath(plan: plan.id, $0.code)) }
        let title = plan.title(language)
        var context = common(language: language, url: url, currentURL: url, versions: versions)
        context["languageSwitch"] = languageSwitch(from: language, versions: versions)
        context["og"] = openGraph(title: title, language: language, url: url, versions: versions)
        context["page"] = generatedPage(title: title, kind: "progress", url: url)
        context["plan"] = (context["plan"] as? [String: Any] ?? [:]).merging(planSummary(plan, language)) { $1 }
        let progress = PlanProgress(plan: plan, catalog: site.catalog, now: site.now)
        // Newest year first: the one the department is compiling.
        let years = progress.years.reversed().map { year -> [String: Any] in
            let rows = plan.pillars.map { pillar -> [String: Any] in
                let counts = PlanProgress.counts(year.tasks, pillar: pillar.id)
                return [
                    "name": pillar.name(language), "number": pillar.number,
                    "cells": Self.statusOrder.map { ["count": counts[$0] ?? 0] },
                    "total": pillar.tasks.count,
                ]
            }
            let reportFields = { (reports: [ProgressReport]) -> [[String: Any]] in
                reports.map { report in
                    var fields = agencyReference(report.agency, language)
                    fields["submitted"] = dateFields(report.submitted, language: language)
                    if let document = report.document { fields["document"] = document }
                    return fields
                }
            }
            let missing = year.missing.map { agencyReference($0, language) }
            let chartID = "chart-\(year.year)"
            return [
                "year": year.year, "deadline": dateFields(year.deadline, language: language),
                "rows": rows, "onTime": reportFields(year.onTime), "hasOnTime": !year.onTime.isEmpty,
                "late": reportFields(year.late), "hasLate": !year.late.isEmpty,
                "missing": missing, "hasMissing": !missing.isEmpty, "isDue": year.isDue,
                "chart": ProgressChart(
                    id: chartID, title: chartTitle(year.year, language),
                    description: chartDescription(year, plan, language),
                    rows: plan.pillars.map { pillar in
                        let counts = PlanProgress.counts(year.tasks, pillar: pillar.id)
                        return ("\(pillar.number). \(pillar.name(language))", Self.statusOrder.map { counts[$0] ?? 0 })
                    },
                    legend: Self.statusOrder.map { statusName($0, language) }
                ).svg(),
                "chartID": chartID,
            ]
        }
        context["progress"] = [
            "hasReports": progress.hasReports, "years": years,
            "statuses": Self.statusOrder.map { ["name": statusName($0, language)] },
            "json": base.sitePath(site.progressDataPath(plan: plan.id, language, format: "json")),
            "csv": base.sitePath(site.progressDataPath(plan: plan.id, language, format: "csv")),
        ]
        return context
    }

    private func chartTitle(_ year: Int, _ language: String) -> String {
        (theme.strings[language]?["chartTitle"] ?? "Tasks by status") + " \(year)"
    }

    /// The chart's figures in words, for screen readers and as its `<desc>`.
    private func chartDescription(_ year: PlanProgress.Year, _ plan: ActionPlan, _ language: String) -> String {
        plan.pillars.map { pillar in
            let counts = PlanProgress.counts(year.tasks, pillar: pillar.id)
            let parts = Self.statusOrder.compactMap { status -> String? in
                guard let count = counts[status], count > 0 else { return nil }
                return "\(statusName(status, language)) \(count)"
            }
            return "\(pillar.number). \(pillar.name(language)): \(parts.joined(separator: ", "))"
        }.joined(separator: "; ")
    }

    /// A task's status year by year, with each reporting agency's result.
    func taskProgress(_ plan: ActionPlan, _ task: ActionPlan.Task, _ language: String) -> [String: Any] {
        guard !site.catalog.reports(plan: plan.id).isEmpty else { return [:] }
        let progress = PlanProgress(plan: plan, catalog: site.catalog, now: site.now)
        let years = progress.years.reversed().map { year -> [String: Any] in
            let status = year.tasks.first { $0.task.id == task.id }
            let reports = (status?.entries ?? []).map { agency, entry -> [String: Any] in
                let role = plan.involvement(of: agency, in: agencies).first { $0.task.id == task.id }?.role
                return [
                    "agency": agencyReference(agency, language),
                    "role": theme.strings[language]?[role == .leads || role == .inheritsLead ? "lead" : "coordinators"]
                        ?? "",
                    "status": entry.status.rawValue, "statusText": statusName(entry.status, language),
                    "result": entry.result(language),
                    "figures": entry.figures.map { figure -> [String: Any] in
                        var fields: [String: Any] = ["label": figure.label(language), "value": figure.value]
                        if let unit = figure.unit { fields["unit"] = unit }
                        return fields
                    },
                    "hasFigures": !entry.figures.isEmpty,
                ]
            }
            return [
                "year": year.year, "reports": reports, "hasReports": !reports.isEmpty,
                "statusText": statusName(status?.status, language),
            ]
        }
        return ["years": years, "hasYears": !years.isEmpty]
    }

    /// The reports an agency submitted, newest first.
    func agencyReports(_ id: String, _ language: String) -> [String: Any] {
        let reports = site.catalog.reports.filter { $0.agency == id }.reversed().compactMap {
            report -> [String: Any]? in
            guard let plan = site.catalog.plan(report.plan) else { return nil }
            var fields: [String: Any] = [
                "planTitle": plan.title(language), "year": report.year,
                "progress": base.sitePath(site.progressPath(plan: plan.id, language)),
                "submitted": dateFields(report.submitted, language: language), "isLate": report.isLate(in: plan),
                "taskCount": report.entries.count,
            ]
            if let document = report.document { fields["document"] = document }
            return fields
        }
        return ["reports": reports, "hasReports": !reports.isEmpty]
    }
}
