import Foundation

/// The site's structured data beside its pages: `agencies.yml` and `plan.yml`. Either may be
/// absent; front matter that names an agency, pillar or task then has nothing to name.
public struct Catalog: Sendable {
    public var agencies: AgencyDirectory?
    public var plan: ActionPlan?
    /// A digest of the data files' text, as read: part of what every page is rendered from
    /// (see `InputKey`).
    public var sourceDigest = ""

    public init(agencies: AgencyDirectory? = nil, plan: ActionPlan? = nil) {
        self.agencies = agencies
        self.plan = plan
    }

    public static func load(contentDirectory: String, languages: [String]) throws(BuildFailure) -> Catalog {
        var catalog = Catalog()
        var digest = FieldDigest()
        func read(_ name: String) throws(CatalogError) -> (text: String, file: String)? {
            let file = (contentDirectory as NSString).appendingPathComponent(name)
            let found: Data?
            do throws(InputPathError) { found = try InputTree(root: contentDirectory).read(file) } catch {
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
            if let (text, file) = try read("plan.yml") {
                do {
                    catalog.plan = try ActionPlan.load(
                        text, file: file, languages: languages, agencies: catalog.agencies)
                } catch { throw .shape(error) }
            }
        } catch {
            throw BuildFailure([error])
        }
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
                .unknownID($0, key: key, location, near: Suggestion.nearest(to: $0, among: known))
            }
        }
        return check(matter.agency.map { [$0] } ?? [], key: "agency", dataFile: "agencies.yml", known: agencies?.ids)
            + check(
                matter.pillar.map { [$0] } ?? [], key: "pillar", dataFile: "plan.yml", known: plan?.pillars.map(\.id))
            + check(matter.tasks, key: "tasks", dataFile: "plan.yml", known: plan?.tasks.map(\.id))
    }
}

/// Problems with `agencies.yml` and `plan.yml`, and with the ids pages name from them.
public enum CatalogError: PortalError {
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

    public var message: String {
        switch self {
        case .notUTF8: "the file is not UTF-8 text"
        case .shape(let problem): problem.message
        case .unknownID(let id, let key, _, _): "`\(key)` names `\(id)`, which is not a known id"
        case .noData(let key, let file, _): "`\(key)` is used, but Content/\(file) does not exist"
        case .link(let error): error.message
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
        case .link(let error): error.help
        }
    }
}
