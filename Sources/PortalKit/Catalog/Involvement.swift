/// How an agency takes part in a plan's task: as the plan names it, or through an agency whose
/// work it took over. What it may report on, and what its page lists.
public enum Involvement: String, Sendable {
    case leads, coordinates
    /// Led by an agency whose work passed to this one (where the lead's work was split, only
    /// the successor `heldBy` names, or every successor when the task names none).
    case inheritsLead
    /// Coordinated by an agency whose work passed to this one.
    case inheritsCoordination
}

extension ActionPlan {
    /// The tasks `agency` has a part in, with the part (the plan's own roles first).
    public func involvement(of agency: String, in directory: AgencyDirectory?) -> [(task: Task, role: Involvement)] {
        tasks.compactMap { task in
            if task.lead == agency { return (task, .leads) }
            if task.coordinators.contains(agency) { return (task, .coordinates) }
            guard let directory else { return nil }
            if holds(task.lead, heldBy: task.heldBy, agency: agency, directory) { return (task, .inheritsLead) }
            if task.coordinators.contains(where: { holds($0, heldBy: nil, agency: agency, directory) }) {
                return (task, .inheritsCoordination)
            }
            return nil
        }
    }

    /// Whether `agency` holds work of `former` today.
    private func holds(_ former: String, heldBy: String?, agency: String, _ directory: AgencyDirectory) -> Bool {
        guard former != agency, let formerAgency = directory[former], !formerAgency.successors.isEmpty else {
            return false
        }
        if let heldBy {
            return heldBy == agency || directory.current(heldBy)?.id == agency
        }
        return directory.holders(former).contains { $0.agency.id == agency }
    }
}
