import Foundation

/// `Content/agencies.yml`: the agencies the action plan names, with the changes since.
public struct AgencyDirectory: Sendable {
    public struct Agency: Sendable {
        public var id: String
        public var name: Localized
        public var kind: String
        /// The day it ceased to exist as such (merged, dissolved), when known.
        public var until: Date?
        /// Who holds its tasks now.
        public var successor: String?
        public var change: Localized?
        public var location: SourceLocation
    }

    public static let kinds = ["city", "department", "police", "union", "association", "local", "group"]

    public var agencies: [Agency] = []
    var index: [String: Int] = [:]

    public subscript(id: String) -> Agency? { index[id].map { agencies[$0] } }

    public var ids: [String] { agencies.map(\.id) }

    /// The agency that holds `id`'s work today: itself, or the end of its successor chain.
    public func current(_ id: String) -> Agency? {
        var seen: Set<String> = []
        var agency = self[id]
        while let next = agency?.successor, seen.insert(next).inserted, let successor = self[next] {
            agency = successor
        }
        return agency
    }

    /// Agencies whose `successor` is `id`.
    public func predecessors(of id: String) -> [Agency] { agencies.filter { $0.successor == id } }

    static func load(_ text: String, file: String, languages: [String]) throws(ShapeProblem) -> AgencyDirectory {
        let root = try YAMLNode.parse(text, file: file)
        let top = try root.fields("agencies.yml", known: ["agencies"], required: ["agencies"])
        var directory = AgencyDirectory()
        var successors: [(String, YAMLNode)] = []
        for node in try top["agencies"]!.list("agencies") {
            let f = try node.fields(
                "an agency", known: ["id", "name", "kind", "until", "successor", "change"],
                required: ["id", "name", "kind"])
            let id = try f["id"]!.nonEmptyString("id")
            guard Slug.make(id) == id else {
                throw ShapeProblem(
                    location: f["id"]!.location, message: "agency id `\(id)` is not a slug",
                    help: "use lowercase ASCII letters, digits and hyphens, e.g. `\(Slug.make(id))`")
            }
            guard directory.index[id] == nil else {
                throw ShapeProblem(location: f["id"]!.location, message: "agency id `\(id)` is given twice", help: nil)
            }
            let kind = try f["kind"]!.nonEmptyString("kind")
            guard kinds.contains(kind) else {
                throw ShapeProblem(
                    location: f["kind"]!.location, message: "`kind: \(kind)` is not a kind of agency",
                    help: "use one of: \(kinds.joined(separator: ", "))")
            }
            let successor = try f["successor"].map { node throws(ShapeProblem) in try node.nonEmptyString("successor") }
            if let successor, let node = f["successor"] { successors.append((successor, node)) }
            directory.index[id] = directory.agencies.count
            directory.agencies.append(
                Agency(
                    id: id, name: try f["name"]!.localized("name", languages: languages), kind: kind,
                    until: try f["until"].map { node throws(ShapeProblem) in try node.date("until") },
                    successor: successor,
                    change: try f["change"].map { node throws(ShapeProblem) in
                        try node.localized("change", languages: languages)
                    },
                    location: node.location))
        }
        for (id, node) in successors where directory[id] == nil {
            throw directory.unknown(id, at: node.location, role: "successor")
        }
        return directory
    }

    /// "unknown agency id" with the closest known ids.
    func unknown(_ id: String, at location: SourceLocation, role: String) -> ShapeProblem {
        let near = Suggestion.nearest(to: id, among: ids)
        return ShapeProblem(
            location: location, message: "`\(id)` (\(role)) is not an agency of agencies.yml",
            help: near.isEmpty
                ? "add it to Content/agencies.yml" : "did you mean \(near.map { "`\($0)`" }.joined(separator: ", "))?")
    }
}
