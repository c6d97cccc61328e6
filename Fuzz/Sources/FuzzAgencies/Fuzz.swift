import Foundation
import FuzzSupport

@testable import PortalKit

/// `Content/agencies.yml`: any bytes, read as `Catalog.load` reads the file, then
/// `AgencyDirectory.load` for a Vietnamese and English site. An accepted directory has
/// unique slug ids, every successor exists, and someone holds every agency's work.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let text = Fuzz.decode(data, size) else { return 0 }
    let file = "Content/agencies.yml"
    let directory: AgencyDirectory
    do {
        directory = try AgencyDirectory.load(text, file: file, languages: ["vi", "en"])
    } catch {
        Fuzz.checkLocation(error.location, file: file, in: text, "error \(error.message)")
        return 0
    }
    let ids = directory.ids
    Fuzz.check(Set(ids).count == ids.count, "an agency id is given twice: \(ids)")
    for agency in directory.agencies {
        Fuzz.check(Fuzz.isSlug(agency.id), "agency id \(agency.id.debugDescription) is not a slug")
        Fuzz.check(directory[agency.id]?.id == agency.id, "agency \(agency.id) is not found by its id")
        Fuzz.check(AgencyDirectory.kinds.contains(agency.kind), "agency kind \(agency.kind)")
        Fuzz.check(!agency.name("vi").isEmpty && !agency.name("en").isEmpty, "agency \(agency.id) without a name")
        for successor in agency.successors {
            Fuzz.check(
                directory[successor.agency] != nil, "agency \(agency.id)'s successor \(successor.agency) is unknown")
        }
        Fuzz.check(!directory.holders(agency.id).isEmpty, "nobody holds agency \(agency.id)'s work")
        let successors = directory.successorIDs(of: agency.id)
        Fuzz.check(Set(successors).count == successors.count, "successors listed twice: \(successors)")
        if let current = directory.current(agency.id) {
            Fuzz.check(directory[current.id] != nil, "agency \(agency.id)'s current holder is unknown")
        }
        _ = directory.predecessors(of: agency.id)
        Fuzz.checkLocation(agency.location, file: file, in: text, "agency \(agency.id)")
    }
    return 0
}

@main enum Main {
    static func main() { Fuzz.main() }
}
