import Foundation

/// One page of the action plans: the list of plans, a plan's overview, its progress dashboard,
/// one page per task, and the former addresses of the first plan's tasks (redirects).
enum PlanPage: Sendable, Hashable {
    case index
    case overview(plan: String)
    case progress(plan: String)
    case task(plan: String, id: String)
    /// `/ke-hoach/nhiem-vu-3-2/` from before plans had ids: redirects to the task's page.
    case legacyTask(plan: String, id: String)
}

/// Where the action plans' pages live. Characteristics and agencies are the pages of the
/// pillars and agencies taxonomies.
extension Site {
    /// The list of plans: `/ke-hoach/`, `/en/plan/`.
    func plansPath(_ language: String) -> String {
        self.language(language).pathPrefix + (language == "vi" ? "ke-hoach/" : "plan/")
    }

    func planPath(_ plan: String, _ language: String) -> String { plansPath(language) + Slug.make(plan) + "/" }

    func taskPath(plan: String, _ id: String, _ language: String) -> String {
        planPath(plan, language) + Self.taskSegment(id, language)
    }

    func calendarPath(plan: String, _ language: String) -> String {
        planPath(plan, language) + Self.calendarName(language)
    }

    func progressPath(plan: String, _ language: String) -> String {
        planPath(plan, language) + (language == "vi" ? "tien-do/" : "progress/")
    }

    /// The open data beside the dashboard: `tien-do.json`, `progress.csv`, …
    func progressDataPath(plan: String, _ language: String, format: String) -> String {
        progressPath(plan: plan, language) + (language == "vi" ? "tien-do." : "progress.") + format
    }

    /// The first plan's former addresses, before plans had ids.
    func legacyCalendarPath(_ language: String) -> String { plansPath(language) + Self.calendarName(language) }

    func path(_ page: PlanPage, _ language: String) -> String {
        switch page {
        case .index: plansPath(language)
        case .overview(let plan): planPath(plan, language)
        case .progress(let plan): progressPath(plan: plan, language)
        case .task(let plan, let id): taskPath(plan: plan, id, language)
        case .legacyTask(_, let id): plansPath(language) + Self.taskSegment(id, language)
        }
    }

    /// Every plan page, in a stable order: the list, then each plan's overview, dashboard and
    /// tasks, then the redirects.
    var planPages: [PlanPage] {
        let plans = catalog.plans
        guard !plans.isEmpty else { return [] }
        var pages: [PlanPage] = [.index]
        for plan in plans {
            pages += [.overview(plan: plan.id), .progress(plan: plan.id)]
            pages += plan.tasks.map { .task(plan: plan.id, id: $0.id) }
        }
        for plan in plans where plan.legacyPaths { pages += plan.tasks.map { .legacyTask(plan: plan.id, id: $0.id) } }
        return pages
    }

    private static func taskSegment(_ id: String, _ language: String) -> String {
        (language == "vi" ? "nhiem-vu-" : "task-") + Slug.make(id) + "/"
    }

    private static func calendarName(_ language: String) -> String {
        language == "vi" ? "lich-bao-cao.ics" : "reporting-calendar.ics"
    }

    /// The search page: `tim-kiem/` in Vietnamese, `en/search/` in English.
    func searchPath(_ language: String) -> String {
        self.language(language).pathPrefix + (language == "vi" ? "tim-kiem/" : "search/")
    }

    func agencyPath(_ id: String, _ language: String) -> String { taxonomyPath(.agencies, language) + id + "/" }

    func pillarPath(_ id: String, _ language: String) -> String { taxonomyPath(.pillars, language) + id + "/" }

    /// Posts naming a task in `tasks:` (`3-2` or `2021-2025/3-2`), in listing order.
    func posts(plan: String, task id: String, language: String) -> [Int] {
        posts(language).filter { index in
            graph.pages[index].frontMatter.tasks.contains { reference in
                catalog.task(reference: reference).map { $0.plan.id == plan && $0.task.id == id } ?? false
            }
        }
    }
}

/// The yearly reporting deadlines of a plan, as dates: each falls on the day before the date
/// the decision gives ("trước ngày 01 tháng 12": by 30 November), and only within the plan's
/// period.
enum ReportingCalendar {
    /// The plan's reporting years: those whose every deadline falls inside the period (a
    /// plan issued on 3 December has no report that year; the lead department's report to
    /// the city follows the agencies' reports of the same year).
    static func years(_ plan: ActionPlan) -> [Int] {
        let first = VietnamTime.parts(plan.period.start).year
        let last = VietnamTime.parts(plan.period.end).year
        guard first <= last, !plan.reporting.isEmpty else { return [] }
        return (first...last).filter { year in
            plan.reporting.allSatisfy {
                let day = $0.lastDay(in: year)
                return day >= plan.period.start && day < plan.period.endExclusive
            }
        }
    }

    /// Every last day of a deadline in the plan's reporting years, oldest first.
    static func occurrences(_ deadline: ActionPlan.Deadline, of plan: ActionPlan) -> [Date] {
        years(plan).map { deadline.lastDay(in: $0) }
    }

    /// The next last day on or after `now`'s day (in Viet Nam), with its deadline; nil once
    /// the plan's last deadline has passed.
    static func next(_ plan: ActionPlan, after now: Date) -> (deadline: ActionPlan.Deadline, date: Date)? {
        let p = VietnamTime.parts(now)
        let today = VietnamTime.parse(String(format: "%04d-%02d-%02d", p.year, p.month, p.day))!
        return plan.reporting.flatMap { deadline in
            occurrences(deadline, of: plan).filter { $0 >= today }.map { (deadline, $0) }
        }.min { ($0.1, $0.0.id) < ($1.1, $1.0.id) }
    }

    /// The deadline agencies' reports answer to: the earliest in the year (the lead
    /// department's own report to the city comes after it).
    static func reportDeadline(_ plan: ActionPlan) -> ActionPlan.Deadline? {
        plan.reporting.min { ($0.month, $0.day, $0.id) < ($1.month, $1.day, $1.id) }
    }

    /// The years for which agencies report.
    static func reportYears(_ plan: ActionPlan) -> [Int] { years(plan) }
}
