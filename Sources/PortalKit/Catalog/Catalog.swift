import Foundation

/// The site's structured data beside its pages: `agencies.yml`, the plans of `plans/` and
/// their progress reports in `reports/`. Any may be absent; front matter that names an
/// agency, pillar or task then has nothing to name.
public struct Catalog: Sendable {
    public var agencies: AgencyDirectory?
    /// Newest first (by the start of their period).
    public var plans: [ActionPlan] = []
    /// The newest plan: the one characteristic pages and the home page show.
    public var plan: ActionPlan? { plans.first }
    public func plan(_ id: String) -> ActionPlan? { plans.first { $0.id == id } }
    /// Every progress report, by plan, year and agency.
    public var reports: [ProgressReport] = []
    public func reports(plan: String, year: Int? = nil) -> [ProgressReport] {
        reports.filter { $0.plan == plan && (year == nil || $0.year == year) }
    }
    /// A digest of the data files' text, as read: part of what every page is rendered from
    /// (see `InputKey`).
    public var sourceDigest = ""

    public init(agencies: AgencyDirectory? = nil, plans: [ActionPlan] = []) {
        self.agencies = agencies
        self.plans = plans
    }

    public static func load(contentDirectory: String, languages: [String]) throws(BuildFailure) -> Catalog {
        var catalog = Catalog()
        var digest = FieldDigest()
        let tree = InputTree(root: contentDirectory)
        func read(_ name: String) throws(CatalogError) -> (text: String, file: String)? {
            let file = (contentDirectory as NSString).appendingPathComponent(name)
            let found: Data?
            do throws(InputPathError) { found = try tree.read(file) } catch {
                throw .link(error)
            }
            guard let data = found else {
                digest.add("\(name): absent")
                return nil
            }
            do throws(TextInput.DecodeFailure) {
                let text = try TextInput.decode(data)
                digest.add("\(name): present")
                digest.add(text)
                return (text, file)
            } catch {
                switch error {
                case .notUTF8(_, let line): throw .notUTF8(SourceLocation(file: file, line: line))
                }
            }
        }
        do throws(CatalogError) {
            if let (text, file) = try read("agencies.yml") {
                do { catalog.agencies = try AgencyDirectory.load(text, file: file, languages: languages) } catch {
                    throw .shape(error)
                }
            }
            if try read("plan.yml") != nil {
                throw .shape(
                    ShapeProblem(
                        location: SourceLocation(
                            file: (contentDirectory as NSString).appendingPathComponent("plan.yml")),
                        message: CatalogMessages.planFileMoved, help: CatalogMessages.planFileMovedHelp))
            }
            let (entries, linkErrors) = tree.entries(in: "plans")
            if let error = linkErrors.first { throw .link(error) }
            for (name, isDirectory) in entries where !isDirectory && name.hasSuffix(".yml") {
                guard let (text, file) = try read("plans/\(name)") else { continue }
                do {
                    catalog.plans.append(
                        try ActionPlan.load(
                            text, id: String(name.dropLast(4)), file: file, languages: languages,
                            agencies: catalog.agencies))
                } catch { throw .shape(error) }
            }
            catalog.plans.sort { ($0.period.start, $0.id) > ($1.period.start, $1.id) }
            if let second = catalog.plans.dropFirst().first(where: \.legacyPaths),
                catalog.plans.filter(\.legacyPaths).count > 1
            {
                throw .shape(
                    ShapeProblem(
                        location: second.location,
                        message: CatalogMessages.twoLegacyPlans, help: CatalogMessages.twoLegacyPlansHelp))
            }
        } catch {
            throw BuildFailure([error])
        }
        let (reports, errors) = ProgressReport.loadAll(
            tree: tree, contentDirectory: contentDirectory, plans: catalog.plans, agencies: catalog.agencies,
            languages: languages, digest: &digest)
        guard errors.isEmpty else { throw BuildFailure(errors) }
        catalog.reports = reports
        catalog.sourceDigest = digest.finish()
        return catalog
    }

    /// Checks the ids a page's front matter names: `agency`, `pillar`, `tasks`.
    func check(_ matter: FrontMatter, file: String) -> [CatalogError] {
        /// Each id must be among `known`; `known` is nil when the data file is missing.
        func check(_ ids: [String], key: String, dataFile: String, known: [String]?) -> [CatalogError] {
            guard !ids.isEmpty else { return [] }
            let location = matter.locations[key] ?? SourceLocation(file: file)
            guard let known else { return [.noData(key: key, file: dataFile, location)] }
            let set = Set(known)
            return ids.filter { !set.contains($0) }.map {
                // Suggest ids written the same way (`3-2` for `3-9`, not `2021-2025/3-2`).
                let id = $0
                return .unknownID(
                    id, key: key, location,
                    near: Suggestion.nearest(to: id, among: known.filter { $0.contains("/") == id.contains("/") }))
            }
        }
        return check(matter.agency.map { [$0] } ?? [], key: "agency", dataFile: "agencies.yml", known: agencies?.ids)
            + check(
                matter.pillar.map { [$0] } ?? [], key: "pillar", dataFile: "plans/",
                known: plans.isEmpty ? nil : Array(Set(plans.flatMap { $0.pillars.map(\.id) })).sorted())
            + check(
                matter.tasks, key: "tasks", dataFile: "plans/",
                known: plans.isEmpty
                    ? nil
                    : plans.flatMap { plan in plan.tasks.flatMap { [$0.id, "\(plan.id)/\($0.id)"] } })
    }

    /// The task a page's `tasks:` entry names: `3-2` (the newest plan that has it) or
    /// `2021-2025/3-2` (that plan's).
    public func task(reference: String) -> (plan: ActionPlan, task: ActionPlan.Task)? {
        let parts = reference.split(separator: "/", maxSplits: 1).map(String.init)
        if parts.count == 2 {
            guard let plan = plan(parts[0]), let task = plan.task(parts[1]) else { return nil }
            return (plan, task)
        }
        for plan in plans { if let task = plan.task(reference) { return (plan, task) } }
        return nil
    }
}

/// Problems with `agencies.yml` and the plans, and with the ids pages name from them. The
/// texts are `CatalogMessages` and the YAML reader's (`YAMLMessages`).
public enum CatalogError: CataloguedError {
    case notUTF8(SourceLocation)
    case shape(ShapeProblem)
    case unknownID(String, key: String, SourceLocation, near: [String])
    case noData(key: String, file: String, SourceLocation)
    /// A data file that is a symbolic link out of the content folder.
    case link(InputPathError)

    public var location: SourceLocation? {
        switch self {
        case .notUTF8(let l), .unknownID(_, _, let l, _), .noData(_, _, let l): l
        case .shape(let problem): problem.location
        case .link(let error): error.location
        }
    }

    public var messageText: Message {
        switch self {
        case .notUTF8: YAMLMessages.notUTF8
        case .shape(let problem): problem.messageText
        case .unknownID(let id, let key, _, _): CatalogMessages.unknownID(id, key: key)
        case .noData(let key, let file, _): CatalogMessages.noData(key: key, file: file)
        case .link(let error): error.messageText
        }
    }

    public var helpText: Message? {
        switch self {
        case .notUTF8: YAMLMessages.notUTF8Help
        case .shape(let problem): problem.helpText
        case .unknownID(_, let key, _, let near):
            near.isEmpty
                ? CatalogMessages.addToDataFile(key == "agency" ? "agencies.yml" : "plans/<id>.yml")
                : YAMLMessages.didYouMean(near)
        case .noData(_, let file, _): CatalogMessages.noDataHelp(file: file == "plans/" ? "plans/<id>.yml" : file)
        case .link(let error): error.helpText
        }
    }
}
