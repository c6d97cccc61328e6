import Foundation

/// `Content/agencies.yml`: the agencies the action plans name, with the changes since: an
/// agency that ended (consolidated into another, split by function between several, or a
/// level of government that was abolished) names its successors, each with the functions it
/// took over and the date.
public struct AgencyDirectory: Sendable {
    public struct Successor: Sendable {
        public var agency: String
        /// What part of the work it took over, when the work was split.
        public var functions: Localized?
        /// When it took the work over (the agency's `until` unless given).
        public var date: Date?
    }

    public struct Agency: Sendable {
        public var id: String
        public var name: Localized
        public var kind: String
        /// The day it ceased to exist as such, when a source gives it.
        public var until: Date?
        /// Who took its work over; several when it was split by function.
        public var successors: [Successor]
        public var change: Localized?
        public var location: SourceLocation

        public var isSplit: Bool { successors.count > 1 }
    }

    public static let kinds = ["city", "department", "centre", "police", "union", "association", "local", "group"]

    public var agencies: [Agency] = []
    var index: [String: Int] = [:]

    public subscript(id: String) -> Agency? { index[id].map { agencies[$0] } }

    public var ids: [String] { agencies.map(\.id) }

    /// The agency that holds `id`'s work today when that is one agency: itself, or the end of
    /// its chain of single successors. Nil when the work was split (see `holders`).
    public func current(_ id: String) -> Agency? {
        var seen: Set<String> = []
        var agency = self[id]
        while let a = agency, !a.successors.isEmpty, seen.insert(a.id).inserted {
            guard a.successors.count == 1 else { return nil }
            agency = self[a.successors[0].agency]
        }
        return agency
    }

    /// Who holds `id`'s work today, with the functions each took over: one agency, or several
    /// when the work was split. Single successors are followed to the end of their chain.
    public func holders(_ id: String) -> [(agency: Agency, functions: Localized?)] {
        guard let agency = self[id] else { return [] }
        if agency.successors.isEmpty { return [(agency, nil)] }
        return agency.successors.compactMap { successor in
            guard let now = current(successor.agency) ?? self[successor.agency] else { return nil }
            return (now, successor.functions)
        }
    }

    /// Every agency that took over some of `id`'s work, directly or later on.
    public func successorIDs(of id: String) -> [String] {
        var found: [String] = []
        var queue = self[id]?.successors.map(\.agency) ?? []
        while !queue.isEmpty {
            let next = queue.removeFirst()
            guard !found.contains(next) else { continue }
            found.append(next)
            queue += self[next]?.successors.map(\.agency) ?? []
        }
        return found
    }

    /// Agencies that handed work to `id`, each with what `id` took over.
    public func predecessors(of id: String) -> [(agency: Agency, successor: Successor)] {
        agencies.compactMap { agency in
            agency.successors.first { $0.agency == id }.map { (agency, $0) }
        }
    }

    static func load(_ text: String, file: String, languages: [String]) throws(ShapeProblem) -> AgencyDirectory {
        let root = try YAMLNode.parse(text, file: file)
        let top = try root.fields("agencies.yml", known: ["agencies"], required: ["agencies"])
        var directory = AgencyDirectory()
        var references: [(String, YAMLNode)] = []
        for node in try top["agencies"]!.list("agencies") {
            let f = try node.fields(
                .agency, known: ["id", "name", "kind", "until", "successors", "change"],
                required: ["id", "name", "kind"])
            let id = try f["id"]!.nonEmptyString("id")
            guard Slug.make(id) == id else {
                throw ShapeProblem(
                    location: f["id"]!.location, message: CatalogMessages.idNotASlug(.agency, id),
                    help: SettingsMessages.notASegmentHelp(example: Slug.make(id)))
            }
            guard directory.index[id] == nil else {
                throw ShapeProblem(
                    location: f["id"]!.location, message: CatalogMessages.duplicateID(.agency, id),
                    help: CatalogMessages.duplicateIDHelp)
            }
            let kind = try f["kind"]!.nonEmptyString("kind")
            guard kinds.contains(kind) else {
                throw ShapeProblem(
                    location: f["kind"]!.location, message: CatalogMessages.notAKindOfAgency(kind),
                    help: CatalogMessages.agencyKindHelp(
                        suggestion: Suggestion.closest(to: kind, among: kinds), kinds: kinds))
            }
            let until = try f["until"].map { node throws(ShapeProblem) in try node.date("until") }
            var successors: [Successor] = []
            for entry in try f["successors"]?.list("successors") ?? [] {
                let s = try entry.fields(
                    .successor, known: ["agency", "functions", "date"], required: ["agency"])
                let agency = try s["agency"]!.nonEmptyString("agency")
                references.append((agency, s["agency"]!))
                successors.append(
                    Successor(
                        agency: agency,
                        functions: try s["functions"].map { node throws(ShapeProblem) in
                            try node.localized("functions", languages: languages)
                        },
                        date: try s["date"].map { node throws(ShapeProblem) in try node.date("date") } ?? until))
            }
            if successors.count > 1, let entry = try f["successors"]?.list("successors").first,
                successors.contains(where: { $0.functions == nil })
            {
                throw ShapeProblem(
                    location: entry.location,
                    message: CatalogMessages.splitWithoutFunctions(agency: id, successors: successors.count),
                    help: CatalogMessages.splitWithoutFunctionsHelp)
            }
            directory.index[id] = directory.agencies.count
            directory.agencies.append(
                Agency(
                    id: id, name: try f["name"]!.localized("name", languages: languages), kind: kind,
                    until: until, successors: successors,
                    change: try f["change"].map { node throws(ShapeProblem) in
                        try node.localized("change", languages: languages)
                    },
                    location: node.location))
        }
        for (id, node) in references where directory[id] == nil {
            throw directory.unknown(id, at: node.location, role: .successorRole)
        }
        return directory
    }

    /// "unknown agency id" with the closest known ids.
    /// `role`: the key that names it, or what it is (a successor).
    func unknown(_ id: String, at location: SourceLocation, role: YAMLMessages.Subject) -> ShapeProblem {
        let near = Suggestion.nearest(to: id, among: ids)
        return ShapeProblem(
            location: location, message: CatalogMessages.unknownAgency(id, role: role),
            help: near.isEmpty ? CatalogMessages.unknownAgencyHelp : YAMLMessages.didYouMean(near))
    }
}
