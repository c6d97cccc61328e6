import Foundation

/// Where the action plan's pages live: the overview, one page per task, the calendar.
/// Characteristics and agencies are the pages of the pillars and agencies taxonomies.
extension Site {
    func planPath(_ language: String) -> String {
        self.language(language).pathPrefix + (language == "vi" ? "ke-hoach/" : "plan/")
    }

    func taskPath(_ id: String, _ language: String) -> String {
        planPath(language) + (language == "vi" ? "nhiem-vu-" : "task-") + Slug.make(id) + "/"
    }

    func calendarPath(_ language: String) -> String {
        planPath(language) + (language == "vi" ? "lich-bao-cao.ics" : "reporting-calendar.ics")
    }

    /// The search page: `tim-kiem/` in Vietnamese, `en/search/` in English.
    func searchPath(_ language: String) -> String {
        self.language(language).pathPrefix + (language == "vi" ? "tim-kiem/" : "search/")
    }

    func agencyPath(_ id: String, _ language: String) -> String { taxonomyPath(.agencies, language) + id + "/" }

    func pillarPath(_ id: String, _ language: String) -> String { taxonomyPath(.pillars, language) + id + "/" }

    /// Posts naming a task in `tasks:`, in listing order.
    func posts(task id: String, language: String) -> [Int] {
        posts(language).filter { graph.pages[$0].frontMatter.tasks.contains(id) }
    }
}

/// The yearly reporting deadlines of section V, as dates.
enum ReportingCalendar {
    /// The next day on or after `now` (in Viet Nam) on which a deadline falls, with the deadline.
    static func next(_ deadlines: [ActionPlan.Deadline], after now: Date) -> (
        deadline: ActionPlan.Deadline, date: Date
    )? {
        let today = VietnamTime.parts(now)
        return deadlines.compactMap { deadline -> (ActionPlan.Deadline, Date)? in
            let thisYear = (deadline.month, deadline.day) >= (today.month, today.day)
            let year = thisYear ? today.year : today.year + 1
            guard let date = VietnamTime.parse(String(format: "%04d-%02d-%02d", year, deadline.month, deadline.day))
            else { return nil }
            return (deadline, date)
        }.min { ($0.1, $0.0.id) < ($1.1, $1.0.id) }
    }

    /// The first occurrence of a deadline on or after the decision's date.
    static func first(_ deadline: ActionPlan.Deadline, from start: Date) -> Date {
        next([deadline], after: start)!.date
    }
}
