import Foundation

/// `Content/plan.yml`: Decision 3881/QĐ-UBND as data — the five groups of tasks (one per
/// ASCC characteristic), the measures, the organisation and the yearly reporting deadlines.
public struct ActionPlan: Sendable {
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

    public struct Deadline: Sendable {
        public var id: String
        public var month: Int
        public var day: Int
        public var title: Localized
        public var from: [String]
        public var to: String
    }

    public var number: String
    public var date: Date
    public var title: Localized
    public var pillars: [Pillar]
    public var measures: [Point]
    public var organisation: [Point]
    public var reporting: [Deadline]

    public var tasks: [Task] { pillars.flatMap(\.tasks) }
    public func pillar(_ id: String) -> Pillar? { pillars.first { $0.id == id } }
    public func task(_ id: String) -> Task? { pillars.lazy.flatMap(\.tasks).first { $0.id == id } }

    static func load(_ text: String, file: String, languages: [String], agencies: AgencyDirectory?) throws(ShapeProblem)
        -> ActionPlan
    {
        let root = try YAMLNode.parse(text, file: file)
        let top = try root.fields(
            "plan.yml", known: ["decision", "pillars", "measures", "organisation", "reporting"],
            required: ["decision", "pillars"])
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
            "decision", known: ["number", "date", "title"], required: ["number", "date", "title"])
        var pillars: [Pillar] = []
        var taskIDs: Set<String> = []
        for node in try top["pillars"]!.list("pillars") {
            let f = try node.fields(
                "a pillar", known: ["id", "number", "name", "summary", "items", "tasks"],
                required: ["id", "number", "name", "summary", "items", "tasks"])
            let id = try f["id"]!.nonEmptyString("id")
            guard Slug.make(id) == id else {
                throw ShapeProblem(location: f["id"]!.location, message: "pillar id `\(id)` is not a slug", help: nil)
            }
            var items: [Item] = []
            for itemNode in try f["items"]!.list("items") {
                let i = try itemNode.fields("an item", known: ["letter", "title"], required: ["letter", "title"])
                items.append(
                    Item(
                        letter: try i["letter"]!.nonEmptyString("letter"),
                        title: try i["title"]!.localized("title", languages: languages)))
            }
            var tasks: [Task] = []
            for taskNode in try f["tasks"]!.list("tasks") {
                let t = try taskNode.fields(
                    "a task", known: ["id", "items", "title", "summary", "lead", "coordinators", "documents"],
                    required: ["id", "title", "summary", "lead"])
                let taskID = try t["id"]!.nonEmptyString("id")
                guard taskIDs.insert(taskID).inserted else {
                    throw ShapeProblem(
                        location: t["id"]!.location, message: "task id `\(taskID)` is given twice", help: nil)
                }
                let letters = try t["items"]?.stringList("items") ?? []
                for letter in letters where !items.contains(where: { $0.letter == letter }) {
                    throw ShapeProblem(
                        location: t["items"]!.location,
                        message: "task `\(taskID)` names item `\(letter)`, which pillar `\(id)` does not have",
                        help: "items: \(items.map(\.letter).joined(separator: ", "))")
                }
                var documents: [Document] = []
                for documentNode in try t["documents"]?.list("documents") ?? [] {
                    let d = try documentNode.fields(
                        "a document", known: ["number", "date", "title"], required: ["number", "date", "title"])
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
                        documents: documents))
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
                    "an entry of `\(key)`", known: ["number", "title", "summary", "agencies"],
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
                "a reporting deadline", known: ["id", "month", "day", "title", "from", "to"],
                required: ["id", "month", "day", "title", "to"])
            let month = try r["month"]!.int("month"), day = try r["day"]!.int("day")
            guard (1...12).contains(month), (1...31).contains(day) else {
                throw ShapeProblem(
                    location: node.location, message: "\(day)/\(month) is not a day of the year", help: nil)
            }
            reporting.append(
                Deadline(
                    id: try r["id"]!.nonEmptyString("id"), month: month, day: day,
                    title: try r["title"]!.localized("title", languages: languages),
                    from: try agencyList(r["from"], "from"), to: try agency(r["to"]!, "to")))
        }

        if let agencies {
            for reference in references where agencies[reference.id] == nil {
                throw agencies.unknown(reference.id, at: reference.at, role: reference.role)
            }
        } else if let first = references.first {
            throw ShapeProblem(
                location: first.at, message: "plan.yml names agencies, but there is no agencies.yml",
                help: "add Content/agencies.yml listing the agencies")
        }

        return ActionPlan(
            number: try decision["number"]!.nonEmptyString("number"), date: try decision["date"]!.date("date"),
            title: try decision["title"]!.localized("title", languages: languages), pillars: pillars,
            measures: measures, organisation: organisation, reporting: reporting)
    }
}
