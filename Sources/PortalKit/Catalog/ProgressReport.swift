import Foundation

/// `Content/reports/<plan-id>/<year>/<agency-id>.yml`: what one agency reported for one year of
/// a plan — when it was submitted, its document number, and for each task it leads,
/// coordinates or took over, a status, the result in every language and optional figures.
public struct ProgressReport: Sendable {
    public enum Status: String, Sendable, CaseIterable {
        case done
        case inProgress = "in-progress"
        case notStarted = "not-started"
        /// Work that recurs every year and is never "done".
        case ongoing
    }

    public struct Figure: Sendable {
        public var label: Localized
        public var value: String
        public var unit: String?
    }

    public struct Entry: Sendable {
        public var task: String
        public var status: Status
        public var result: Localized
        public var figures: [Figure]
    }

    public var plan: String
    public var year: Int
    public var agency: String
    public var submitted: Date
    public var document: String?
    public var entries: [Entry]
    public var file: String

    /// Submitted after the last day of the year's report deadline.
    public func isLate(in plan: ActionPlan) -> Bool {
        guard let deadline = ReportingCalendar.reportDeadline(plan) else { return false }
        return submitted >= deadline.lastDay(in: year).addingTimeInterval(86_400)
    }

    /// Reads and checks every report under `reports/`: all problems at once, each at its place.
    static func loadAll(
        tree: InputTree, contentDirectory: String, plans: [ActionPlan], agencies: AgencyDirectory?,
        languages: [String], digest: inout FieldDigest
    ) -> (reports: [ProgressReport], errors: [CatalogError]) {
        let (files, linkErrors) = tree.files(in: "reports")
        var reports: [ProgressReport] = []
        var errors: [CatalogError] = linkErrors.map { .link($0) }
        for file in files where file.relative.hasSuffix(".yml") {
            do throws(ShapeProblem) {
                guard let data = try? tree.read(file.diskPath, display: file.displayPath),
                    let text = String(
                        data: data, encoding: .utf8)
                else {
                    throw ShapeProblem(
                        location: SourceLocation(file: file.displayPath), message: YAMLMessages.notUTF8,
                        help: YAMLMessages.notUTF8Help)
                }
                digest.add("reports/\(file.relative)")
                digest.add(text)
                let report = try load(
                    text.precomposedStringWithCanonicalMapping, relative: file.relative, file: file.displayPath,
                    plans: plans, agencies: agencies, languages: languages)
                reports.append(report)
            } catch {
                errors.append(.shape(error))
            }
        }
        reports.sort { ($0.plan, $0.year, $0.agency) < ($1.plan, $1.year, $1.agency) }
        return (reports, errors)
    }

    static func load(
        _ text: String, relative: String, file: String, plans: [ActionPlan], agencies: AgencyDirectory?,
        languages: [String]
    ) throws(ShapeProblem) -> ProgressReport {
        let start = SourceLocation(file: file, line: 1, column: 1)
        let parts = relative.split(separator: "/").map(String.init)
        guard parts.count == 3, let year = Int(parts[1]), parts[1].count == 4 else {
            throw ShapeProblem(
                location: start, message: CatalogMessages.reportPath(relative), help: CatalogMessages.reportPathHelp)
        }
        let planID = parts[0], agencyID = String(parts[2].dropLast(4))
        guard let plan = plans.first(where: { $0.id == planID }) else {
            throw ShapeProblem(
                location: start, message: CatalogMessages.unknownPlan(planID),
                help: hint(planID, among: plans.map(\.id), what: .plans))
        }
        let years = ReportingCalendar.reportYears(plan)
        guard years.contains(year) else {
            throw ShapeProblem(
                location: start,
                message: CatalogMessages.notAReportingYear(
                    year, plan: plan.id, start: String(VietnamTime.iso8601(plan.period.start).prefix(10)),
                    end: String(VietnamTime.iso8601(plan.period.end).prefix(10))),
                help: CatalogMessages.reportingYears(years))
        }
        guard let agencies, agencies[agencyID] != nil else {
            throw ShapeProblem(
                location: start, message: CatalogMessages.unknownReportAgency(agencyID),
                help: hint(agencyID, among: agencies?.ids ?? [], what: .agencies))
        }
        let root = try YAMLNode.parse(text, file: file)
        let top = try root.fields(
            .report, known: ["submitted", "document", "tasks"], required: ["submitted", "tasks"])
        let involved = plan.involvement(of: agencyID, in: agencies).map(\.task.id)
        var entries: [Entry] = []
        for node in try top["tasks"]!.list("tasks") {
            let f = try node.fields(
                .reportTask, known: ["task", "status", "result", "figures"],
                required: ["task", "status", "result"])
            let task = try f["task"]!.string("task")
            guard plan.task(task) != nil else {
                throw ShapeProblem(
                    location: f["task"]!.location, message: CatalogMessages.notATaskOfPlan(task, plan: plan.id),
                    help: hint(task, among: involved.isEmpty ? plan.tasks.map(\.id) : involved, what: .tasks))
            }
            guard involved.contains(task) else {
                throw ShapeProblem(
                    location: f["task"]!.location, message: CatalogMessages.notInvolved(agency: agencyID, task: task),
                    help: involved.isEmpty
                        ? CatalogMessages.noTaskInPlan(plan.id) : hint(task, among: involved, what: .itsTasks))
            }
            let statusText = try f["status"]!.string("status")
            guard let status = Status(rawValue: statusText) else {
                let all = Status.allCases.map(\.rawValue)
                throw ShapeProblem(
                    location: f["status"]!.location, message: CatalogMessages.notAStatus(statusText),
                    help: hint(statusText, among: all, what: .statuses))
            }
            var figures: [Figure] = []
            for figure in try f["figures"]?.list("figures") ?? [] {
                let g = try figure.fields(.figure, known: ["label", "value", "unit"], required: ["label", "value"])
                figures.append(
                    Figure(
                        label: try g["label"]!.localized("label", languages: languages),
                        value: try g["value"]!.string("value"),
                        unit: try g["unit"].map { node throws(ShapeProblem) in try node.string("unit") }))
            }
            entries.append(
                Entry(
                    task: task, status: status, result: try f["result"]!.localized("result", languages: languages),
                    figures: figures))
        }
        return ProgressReport(
            plan: plan.id, year: year, agency: agencyID, submitted: try top["submitted"]!.date("submitted"),
            document: try top["document"].map { node throws(ShapeProblem) in try node.nonEmptyString("document") },
            entries: entries, file: file)
    }

    /// The closest valid id (else the nearest few), and the valid ids when they are few.
    private static func hint(_ id: String, among ids: [String], what: CatalogMessages.Choices) -> Message? {
        let near = Suggestion.closest(to: id, among: ids).map { [$0] } ?? Suggestion.nearest(to: id, among: ids)
        return CatalogMessages.hint(near: near, choices: (1...16).contains(ids.count) ? (what, ids) : nil)
    }
}
