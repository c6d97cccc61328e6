import Foundation

/// A plan's progress as the reports tell it, year by year: each task's status, who reported on
/// time, late or not at all. What the dashboard, its open data and `portal report` show.
public struct PlanProgress: Sendable {
    /// A task's status in a year: its lead's (or the agency that took the lead's work over)
    /// entry, else any reporting agency's; nil when no report names it.
    public struct TaskStatus: Sendable {
        public var task: ActionPlan.Task
        public var status: ProgressReport.Status?
        /// Every report's entry for the task, with its agency.
        public var entries: [(agency: String, entry: ProgressReport.Entry)]
    }

    public struct Year: Sendable {
        public var year: Int
        /// The last day agencies' reports were due.
        public var deadline: Date
        public var tasks: [TaskStatus]
        public var onTime: [ProgressReport]
        public var late: [ProgressReport]
        /// Agencies expected to report (they lead or took over a task and existed on the last
        /// day) that have not.
        public var missing: [String]
        /// Whether the deadline has passed at the build's moment: before that, a missing
        /// report is not yet late.
        public var isDue: Bool
    }

    public var plan: ActionPlan
    public var years: [Year]
    public var hasReports: Bool { years.contains { !$0.onTime.isEmpty || !$0.late.isEmpty } }

    public init(plan: ActionPlan, catalog: Catalog, now: Date) {
        self.plan = plan
        let agencies = catalog.agencies
        let deadline = ReportingCalendar.reportDeadline(plan)
        // Each agency's part in each task, worked out once (not per year and task).
        let parts = (agencies?.agencies ?? []).map { agency in
            (agency, plan.involvement(of: agency.id, in: agencies))
        }
        var leaders: [String: Set<String>] = [:]
        for task in plan.tasks { leaders[task.id] = [task.lead] }
        for (agency, involvement) in parts {
            for (task, role) in involvement where role == .inheritsLead {
                leaders[task.id, default: []].insert(agency.id)
            }
        }
        let leading = parts.filter { agency, involvement in
            agency.kind != "group" && involvement.contains { $0.role == .leads || $0.role == .inheritsLead }
        }.map(\.0)
        years = ReportingCalendar.reportYears(plan).compactMap { year -> Year? in
            guard let deadline else { return nil }
            let lastDay = deadline.lastDay(in: year)
            let reports = catalog.reports(plan: plan.id, year: year)
            let tasks = plan.tasks.map { task -> TaskStatus in
                let entries = reports.flatMap { report in
                    report.entries.filter { $0.task == task.id }.map { (report.agency, $0) }
                }
                let lead = leaders[task.id] ?? []
                let status = entries.first { lead.contains($0.0) }?.1.status ?? entries.first?.1.status
                return TaskStatus(task: task, status: status, entries: entries)
            }
            let reported = Set(reports.map(\.agency))
            let expected = leading.filter { $0.until.map { $0 > lastDay } ?? true }.map(\.id)
            return Year(
                year: year, deadline: lastDay, tasks: tasks,
                onTime: reports.filter { !$0.isLate(in: plan) }, late: reports.filter { $0.isLate(in: plan) },
                missing: expected.filter { !reported.contains($0) },
                isDue: now >= lastDay.addingTimeInterval(86_400))
        }
    }

    /// Per characteristic, how many tasks have each status (nil: not reported).
    public static func counts(_ tasks: [TaskStatus], pillar: String) -> [ProgressReport.Status?: Int] {
        var counts: [ProgressReport.Status?: Int] = [:]
        for task in tasks where task.task.pillar == pillar { counts[task.status, default: 0] += 1 }
        return counts
    }
}
