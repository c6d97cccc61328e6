import Foundation

/// Contexts of the progress reports: a plan's dashboard, each task's status year by year, each
/// agency's reports.
extension PageContext {
    func progressPage(_ plan: ActionPlan, _ language: String) -> [String: Any] {
        let url = site.progressPath(plan: plan.id, language)
        let versions = settings.languages.map { ($0.code, site.progressPath(plan: plan.id, $0.code)) }
        let title = plan.title(language)
        var context = common(language: language, url: url, currentURL: url, versions: versions)
        context["languageSwitch"] = languageSwitch(from: language, versions: versions)
        context["og"] = openGraph(title: title, language: language, url: url, versions: versions)
        context["page"] = generatedPage(title: title, kind: "progress", url: url)
        context["plan"] = (context["plan"] as? [String: Any] ?? [:]).merging(planSummary(plan, language)) { $1 }
        return context
    }

    func taskProgress(_ plan: ActionPlan, _ task: ActionPlan.Task, _ language: String) -> [String: Any] { [:] }

    func agencyReports(_ id: String, _ language: String) -> [String: Any] { [:] }
}
