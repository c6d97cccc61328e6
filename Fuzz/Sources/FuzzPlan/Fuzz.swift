import Foundation
import FuzzSupport

@testable import PortalKit

/// The repository's own `Content/agencies.yml`, which the plan's agency ids are checked against.
let agencies: AgencyDirectory? = {
    let url = Fuzz.repository.appendingPathComponent("Content/agencies.yml")
    guard let data = try? Data(contentsOf: url), let text = try? TextInput.decode(data) else { return nil }
    return try? AgencyDirectory.load(text, file: url.path, languages: ["vi", "en"])
}()

/// A plan, `Content/plans/<id>.yml`: any bytes, read as `Catalog.load` reads the file, then
/// `ActionPlan.load` against the repository's agencies. An accepted plan has a period that
/// does not end before it starts, unique task ids found by `task(_:)`, pillar ids that are
/// slugs, and reporting deadlines whose days the plan's pages and iCalendar file can work out
/// (`ReportingCalendar`) and which fall inside the period.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let text = Fuzz.decode(data, size) else { return 0 }
    let file = "Content/plans/2021-2025.yml"
    let plan: ActionPlan
    do {
        plan = try ActionPlan.load(text, id: "2021-2025", file: file, languages: ["vi", "en"], agencies: agencies)
    } catch {
        Fuzz.checkLocation(error.location, file: file, in: text, "error \(error.message)")
        return 0
    }
    Fuzz.check(plan.period.start <= plan.period.end, "the period ends before it starts")
    let ids = plan.tasks.map(\.id)
    Fuzz.check(Set(ids).count == ids.count, "a task id is given twice: \(ids)")
    for task in plan.tasks {
        Fuzz.check(plan.task(task.id)?.id == task.id, "task \(task.id) is not found by its id")
        Fuzz.check(plan.pillar(task.pillar) != nil, "task \(task.id)'s pillar \(task.pillar) is unknown")
    }
    for pillar in plan.pillars {
        Fuzz.check(Fuzz.isSlug(pillar.id), "pillar id \(pillar.id.debugDescription) is not a slug")
    }
    // What the plan's pages (PlanContext.swift) and its iCalendar file (ICalendar.swift) do.
    for deadline in plan.reporting {
        Fuzz.check(
            (1...12).contains(deadline.month) && (1...31).contains(deadline.day),
            "deadline \(deadline.id) on \(deadline.month)-\(deadline.day)")
        for day in ReportingCalendar.occurrences(deadline, of: plan) {
            Fuzz.check(
                day >= plan.period.start && day < plan.period.endExclusive,
                "deadline \(deadline.id) falls on \(day), outside the period")
        }
    }
    _ = ReportingCalendar.next(plan, after: Fuzz.now)
    _ = ReportingCalendar.reportDeadline(plan)
    _ = plan.period.hasEnded(at: Fuzz.now)
    return 0
}

@main enum Main {
    static func main() { Fuzz.main() }
}
