import Foundation

/// `Content/plans/<id>.yml`: one plan as data — its period, the decision that issued it, the
/// five groups of tasks (one per ASCC characteristic), the measures, the organisation and the
/// yearly reporting deadlines, which stop at the end of the period.
public struct ActionPlan: Sendable {
    /// The days the plan runs, both included (Viet Nam time).
    public struct Period: Sendable {
        public var start: Date
        public var end: Date
        /// The first instant after the last day.
        public var endExclusive: Date { end.addingTimeInterval(86_400) }
        public func hasEnded(at now: Date) -> Bool { now >= endExclusive }
    }

    /// The decision that issued the plan: its number, date, official title (as printed, not a
    /// summary) and who signed it.
    public struct Decision: Sendable {
        public var number: String
        public var date: Date
        public var title: Localized
        public var signer: Localized?
    }

    public struct Document: Sendable {
        public var number: String
        public var date: Date
        public var title: Localized
    }

    public struct Item: Sendable {
        public var letter: String
        public var title: Localized
    }

    public struct Task: Sendable {
        public var id: String
        public var pillar: String
        public var items: [String]
        public var title: Localized
        public var summary: Localized
        public var lead: String
        public var coordinators: [String]
        /// Which successor of a lead whose work was split by function holds this task's
        /// subject, where the subject makes it clear.
        public var heldBy: String?
        public var heldByLocation: SourceLocation?
        public var documents: [Document]
    }

    public struct Pillar: Sendable {
        public var id: String
        public var number: Int
        public var name: Localized
        public var summary: Localized
        public var items: [Item]
        public var tasks: [Task]
    }

    public struct Point: Sendable {
        public var number: Int
        public var title: Localized?
        public var summary: Localized
        public var agencies: [String]
    }

    /// A yearly deadline as the decision gives it: "trước ngày 01 tháng 12" (`before: 12-01`),
    /// so the last day is the day before.
    public struct Deadline: Sendable {
        public var id: String
        /// The month and day the decision names ("before" that day).
        public var month: Int
        public var day: Int
        public var title: Localized
        public var from: [String]
        public var to: String

        /// The last day of year `year` on which the deadline is met. Counted from the first of
        /// the month: "before 29 February" is 28 February in every year, leap or not (a
        /// `VietnamTime.parse` of 2025-02-29 is nil, and crashed the build).
        public func lastDay(in year: Int) -> Date {
            VietnamTime.parse(String(format: "%04d-%02d-01", year, month))!.addingTimeInterval(
                Double(day - 2) * 86_400)
        }
    }

    /// The file's name without `.yml`: the plan's URL segment and the id reports name.
    public var id: String
    public var period: Period
    public var decision: Decision
    /// Our short title for the plan (a summary, shown apart from the decision's own title).
    public var title: Localized
    /// The plan's pages were once at `/ke-hoach/nhiem-vu-…/` (one plan, no id in the URL):
    /// those addresses redirect to this plan's pages.
    public var legacyPaths: Bool
    public var location: SourceLocation
    public var pillars: [Pillar]
    public var measures: [Point]
    public var organisation: [Point]
    public var reporting: [Deadline]

    public var number: String { decision.number }
    public var date: Date { decision.date }
    public var tasks: [Task] { pillars.flatMap(\.tasks) }
    public func pillar(_ id: String) -> Pillar? { pillars.first { $0.id == id } }
    public func task(_ id: String) -> Task? { pillars.lazy.flatMap(\.tasks).first { $0.id == id } }

    static func load(
        _ text: String, id: String, file: String, languages: [String], agencies: AgencyDirectory?
    ) throws(ShapeProblem) -> ActionPlan {
        let root = try YAMLNode.parse(text, file: file)
        guard Slug.make(id) == id else {
            throw ShapeProblem(
                location: SourceLocation(file: file), message: CatalogMessages.planFileName(id),
                help: CatalogMessages.planFileNameHelp)
        }
        let top = try root.fields(
            .plan,
            known: ["period", "decision", "title", "legacyPaths", "pillars", "measures", "organisation", "reporting"],
            required: ["period", "decision", "title", "pillars"])
        let periodFields = try top["period"]!.fields("period", known: ["start", "end"], required: ["start", "end"])
        let period = Period(start: try periodFields["start"]!.date("start"), end: try periodFields["end"]!.date("end"))
        guard period.start <= period.end else {
            throw ShapeProblem(
                location: periodFields["end"]!.location, message: CatalogMessages.periodEndsBeforeStart,
                help: CatalogMessages.periodEndsBeforeStartHelp)
        }
        var references: [(id: String, role: String, at: SourceLocation)] = []
        func agencyList(_ node: YAMLNode?, _ key: String) throws(ShapeProblem) -> [String] {
            guard let node else { return [] }
            let ids = try node.stringList(key)
            for (id, item) in zip(ids, try node.list(key)) { references.append((id, key, item.location)) }
            return ids
        }
        func agency(_ node: YAMLNode, _ key: String) throws(ShapeProblem) -> String {
            let id = try node.nonEmptyString(key)
            references.append((id, key, node.location))
            return id
        }

        let decision = try top["decision"]!.fields(
            "decision", known: ["number", "date", "title", "signer"], required: ["number", "date", "title"])
        var pillars: [Pillar] = []
        var taskIDs: Set<String> = []
        for node in try top["pillars"]!.list("pillars") {
            let f = try node.fields(
                .pillar, known: ["id", "number", "name", "summary", "items", "tasks"],
                required: ["id", "number", "name", "summary", "items", "tasks"])
            let id = try f["id"]!.nonEmptyString("id")
            guard Slug.make(id) == id else {
                throw ShapeProblem(
                    location: f["id"]!.location, message: CatalogMessages.idNotASlug(.pillar, id),
                    help: SettingsMessages.notASegmentHelp(example: Slug.make(id)))
            }
            var items: [Item] = []
            for itemNode in try f["items"]!.list("items") {
                let i = try itemNode.fields(.item, known: ["letter", "title"], required: ["letter", "title"])
                items.append(
                    Item(
                        letter: try i["letter"]!.nonEmptyString("letter"),
                        title: try i["title"]!.localized("title", languages: languages)))
            }
            var tasks: [Task] = []
            for taskNode in try f["tasks"]!.list("tasks") {
                let t = try taskNode.fields(
                    .task,
                    known: ["id", "items", "title", "summary", "lead", "heldBy", "coordinators", "documents"],
                    required: ["id", "title", "summary", "lead"])
                let taskID = try t["id"]!.nonEmptyString("id")
                guard taskIDs.insert(taskID).inserted else {
                    throw ShapeProblem(
                        location: t["id"]!.location, message: CatalogMessages.duplicateID(.task, taskID),
                        help: CatalogMessages.duplicateIDHelp)
                }
                let letters = try t["items"]?.stringList("items") ?? []
                for letter in letters where !items.contains(where: { $0.letter == letter }) {
                    throw ShapeProblem(
                        location: t["items"]!.location,
                        message: CatalogMessages.unknownItem(task: taskID, letter: letter, pillar: id),
                        help: CatalogMessages.itemsOfPillar(items.map(\.letter)))
                }
                var documents: [Document] = []
                for documentNode in try t["documents"]?.list("documents") ?? [] {
                    let d = try documentNode.fields(
                        .document, known: ["number", "date", "title"], required: ["number", "date", "title"])
                    documents.append(
                        Document(
                            number: try d["number"]!.nonEmptyString("number"), date: try d["date"]!.date("date"),
                            title: try d["title"]!.localized("title", languages: languages)))
                }
                tasks.append(
                    Task(
                        id: taskID, pillar: id, items: letters,
                        title: try t["title"]!.localized("title", languages: languages),
                        summary: try t["summary"]!.localized("summary", languages: languages),
                        lead: try agency(t["lead"]!, "lead"),
                        coordinators: try agencyList(t["coordinators"], "coordinators"),
                        heldBy: try t["heldBy"].map { node throws(ShapeProblem) in try node.nonEmptyString("heldBy") },
                        heldByLocation: t["heldBy"]?.location, documents: documents))
            }
            pillars.append(
                Pillar(
                    id: id, number: try f["number"]!.int("number"),
                    name: try f["name"]!.localized("name", languages: languages),
                    summary: try f["summary"]!.localized("summary", languages: languages), items: items, tasks: tasks))
        }

        func points(_ key: String) throws(ShapeProblem) -> [Point] {
            var points: [Point] = []
            for node in try top[key]?.list(key) ?? [] {
                let p = try node.fields(
                    .entry(of: key), known: ["number", "title", "summary", "agencies"],
                    required: ["number", "summary"])
                points.append(
                    Point(
                        number: try p["number"]!.int("number"),
                        title: try p["title"].map { node throws(ShapeProblem) in
                            try node.localized("title", languages: languages)
                        },
                        summary: try p["summary"]!.localized("summary", languages: languages),
                        agencies: try agencyList(p["agencies"], "agencies")))
            }
            return points
        }
        let measures = try points("measures")
        let organisation = try points("organisation")

        var reporting: [Deadline] = []
        for node in try top["reporting"]?.list("reporting") ?? [] {
            let r = try node.fields(
                .reportingDeadline, known: ["id", "before", "title", "from", "to"],
                required: ["id", "before", "title", "to"])
            let before = try r["before"]!.string("before")
            let parts = before.split(separator: "-").compactMap { Int($0) }
            // 2024 is a leap year: 02-29 is a day of some years.
            guard parts.count == 2, before.count == 5,
                VietnamTime.parse(String(format: "2024-%02d-%02d", parts[0], parts[1])) != nil
            else {
                throw ShapeProblem(
                    location: r["before"]!.location, message: CatalogMessages.notADayOfTheYear(before),
                    help: CatalogMessages.notADayOfTheYearHelp)
            }
            let month = parts[0], day = parts[1]
            reporting.append(
                Deadline(
                    id: try r["id"]!.nonEmptyString("id"), month: month, day: day,
                    title: try r["title"]!.localized("title", languages: languages),
                    from: try agencyList(r["from"], "from"), to: try agency(r["to"]!, "to")))
        }

        if let agencies {
            for reference in references where agencies[reference.id] == nil {
                throw agencies.unknown(reference.id, at: reference.at, role: .name(reference.role))
            }
            // `heldBy` names one of the agencies the lead's work passed to.
            for task in pillars.flatMap(\.tasks) {
                guard let heldBy = task.heldBy, let at = task.heldByLocation else { continue }
                let successors = agencies.successorIDs(of: task.lead)
                guard successors.contains(heldBy) else {
                    guard !successors.isEmpty else {
                        throw ShapeProblem(
                            location: at,
                            message: CatalogMessages.heldByWithoutSuccessor(
                                task: task.id, heldBy: heldBy, lead: task.lead),
                            help: CatalogMessages.heldByWithoutSuccessorHelp)
                    }
                    throw ShapeProblem(
                        location: at,
                        message: CatalogMessages.heldByNotASuccessor(task: task.id, heldBy: heldBy, lead: task.lead),
                        help: CatalogMessages.heldByNotASuccessorHelp(
                            near: Suggestion.nearest(to: heldBy, among: successors), successors: successors))
                }
            }
        } else if let first = references.first {
            throw ShapeProblem(
                location: first.at, message: CatalogMessages.noAgenciesFile, help: CatalogMessages.noAgenciesFileHelp)
        }

        return ActionPlan(
            id: id, period: period,
            decision: Decision(
                number: try decision["number"]!.nonEmptyString("number"), date: try decision["date"]!.date("date"),
                title: try decision["title"]!.localized("title", languages: languages),
                signer: try decision["signer"].map { node throws(ShapeProblem) in
                    try node.localized("signer", languages: languages)
                }),
            title: try top["title"]!.localized("title", languages: languages),
            legacyPaths: try top["legacyPaths"]?.bool("legacyPaths") ?? false, location: root.location,
            pillars: pillars, measures: measures, organisation: organisation, reporting: reporting)
    }
}
