import Foundation

/// The site's structured data beside its pages: `agencies.yml` and `plan.yml`. Either may be
/// absent; front matter that names an agency, pillar or task then has nothing to name.
public struct Catalog: Sendable {
    public var agencies: AgencyDirectory?
    public var plan: ActionPlan?

    public init(agencies: AgencyDirectory? = nil, plan: ActionPlan? = nil) {
        self.agencies = agencies
        self.plan = plan
    }

    public static func load(contentDirectory: String, languages: [String]) throws(BuildFailure) -> Catalog {
        var catalog = Catalog()
        func read(_ name: String) throws(CatalogError) -> (text: String, file: String)? {
            let file = (contentDirectory as NSString).appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: file) else { return nil }
            do throws(TextInput.DecodeFailure) {
                return (try TextInput.decode(data), file)
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
            if let (text, file) = try read("plan.yml") {
                do {
                    catalog.plan = try ActionPlan.load(
                        text, file: file, languages: languages, agencies: catalog.agencies)
                } catch { throw .shape(error) }
            }
        } catch {
            throw BuildFailure([error])
        }
        return catalog
    }

    /// Checks the ids a page's front matter names: `agency`, `pillar`, `tasks`.
    func check(_ matter: FrontMatter, file: String) -> [CatalogError] {
        var errors: [CatalogError] = []
        func location(_ key: String) -> SourceLocation { matter.locations[key] ?? SourceLocation(file: file) }
        if let agency = matter.agency {
            if let agencies {
                if agencies[agency] == nil {
                    errors.append(
                        .unknownID(
                            agency, key: "agency", location("agency"),
                            near: Suggestion.nearest(to: agency, among: agencies.ids)))
                }
            } else {
                errors.append(.noData(key: "agency", file: "agencies.yml", location("agency")))
            }
        }
        if let pillar = matter.pillar {
            if let plan {
                if plan.pillar(pillar) == nil {
                    errors.append(
                        .unknownID(
                            pillar, key: "pillar", location("pillar"),
                            near: Suggestion.nearest(to: pillar, among: plan.pillars.map(\.id))))
                }
            } else {
                errors.append(.noData(key: "pillar", file: "plan.yml", location("pillar")))
            }
        }
        if !matter.tasks.isEmpty {
            if let plan {
                for task in matter.tasks where plan.task(task) == nil {
                    errors.append(
                        .unknownID(
                            task, key: "tasks", location("tasks"),
                            near: Suggestion.nearest(to: task, among: plan.tasks.map(\.id))))
                }
            } else {
                errors.append(.noData(key: "tasks", file: "plan.yml", location("tasks")))
            }
        }
        return errors
    }
}

/// Problems with `agencies.yml` and `plan.yml`, and with the ids pages name from them.
public enum CatalogError: PortalError {
    case notUTF8(SourceLocation)
    case shape(ShapeProblem)
    case unknownID(String, key: String, SourceLocation, near: [String])
    case noData(key: String, file: String, SourceLocation)

    public var location: SourceLocation? {
        switch self {
        case .notUTF8(let l), .unknownID(_, _, let l, _), .noData(_, _, let l): l
        case .shape(let problem): problem.location
        }
    }

    public var message: String {
        switch self {
        case .notUTF8: "the file is not UTF-8 text"
        case .shape(let problem): problem.message
        case .unknownID(let id, let key, _, _): "`\(key)` names `\(id)`, which is not a known id"
        case .noData(let key, let file, _): "`\(key)` is used, but Content/\(file) does not exist"
        }
    }

    public var help: String? {
        switch self {
        case .notUTF8: "save it as UTF-8"
        case .shape(let problem): problem.help
        case .unknownID(_, let key, _, let near):
            near.isEmpty
                ? "add it to Content/\(key == "agency" ? "agencies" : "plan").yml"
                : "did you mean \(near.map { "`\($0)`" }.joined(separator: ", "))?"
        case .noData(_, let file, _): "add Content/\(file), or remove the key"
        }
    }
}
