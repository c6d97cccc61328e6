import Foundation

/// Contexts of the action plans' pages: the list of plans, each plan's overview and tasks,
/// and what the pages of characteristics (pillars) and agencies add to their term pages.
extension PageContext {
    /// The newest plan: characteristic pages and the home page show its tasks.
    var plan: ActionPlan? { site.catalog.plan }
    var agencies: AgencyDirectory? { site.catalog.agencies }

    /// Every page gets the five characteristics (the home page's entry points) and the plans' URL.
    /// `pillars`: the same on every page of a language (one of `constantKeys`).
    func planPillars(_ language: String) -> [String: Any] {
        guard let plan else { return [:] }
        let pillars = plan.pillars.map { pillar -> [String: Any] in
            [
                "id": pillar.id, "number": pillar.number, "name": pillar.name(language),
                "url": base.sitePath(site.pillarPath(pillar.id, language)), "summary": pillar.summary(language),
                "taskCount": pillar.tasks.count,
                "count": site.taxonomies.term(.pillars, language, key: pillar.id)?.pages.count ?? 0,
            ]
        }
        return ["pillars": pillars]
    }

    /// `plan`: the plans' URL and the newest plan's number on every page (plan pages add to it).
    func planLink(_ language: String) -> [String: Any] {
        guard let plan else { return [:] }
        let plans = base.sitePath(site.plansPath(language))
        return ["plan": ["url": plans, "index": plans, "number": plan.number]]
    }

    /// The layout and context of a plan page.
    func planPage(_ page: PlanPage, _ language: String) -> (String, [String: Any]) {
        switch page {
        case .index: return ("plans", planIndex(language))
        case .overview(let id): return ("plan", planOverview(site.catalog.plan(id)!, language))
        case .progress(let id): return ("progress", progressPage(site.catalog.plan(id)!, language))
        case .task(let plan, let id): return ("task", task(site.catalog.plan(plan)!, id, language))
        case .legacyTask(let plan, let id): return ("alias", legacyTask(plan, id, language))
        }
    }

    /// An agency as pages name it, with who holds its work now when it has changed: `now` (one
    /// agency: a single successor, or the successor `heldBy` names for this task) or `holders`
    /// (the successors of a split, each with the functions it took over).
    func agencyReference(_ id: String, _ language: String, heldBy: String? = nil) -> [String: Any] {
        guard let agencies, let agency = agencies[id] else { return ["id": id, "name": id] }
        var fields: [String: Any] = [
            "id": id, "name": agency.name(language), "url": base.sitePath(site.agencyPath(id, language)),
        ]
        guard !agency.successors.isEmpty else { return fields }
        if let change = agency.change { fields["change"] = change(language) }
        if let heldBy, let holder = agencies.current(heldBy) ?? agencies[heldBy] {
            var now = agencyLink(holder, language)
            if let functions = agency.successors.first(where: { $0.agency == heldBy })?.functions {
                now["functions"] = functions(language)
            }
            fields["now"] = now
        } else if let current = agencies.current(id), current.id != id {
            fields["now"] = agencyLink(current, language)
        } else {
            let holders = agencies.holders(id).map { holder -> [String: Any] in
                var link = agencyLink(holder.agency, language)
                if let functions = holder.functions { link["functions"] = functions(language) }
                return link
            }
            fields["holders"] = holders
            fields["hasHolders"] = !holders.isEmpty
        }
        return fields
    }

    func agencyLink(_ agency: AgencyDirectory.Agency, _ language: String) -> [String: Any] {
        ["id": agency.id, "name": agency.name(language), "url": base.sitePath(site.agencyPath(agency.id, language))]
    }

    func taskReference(_ plan: ActionPlan, _ task: ActionPlan.Task, _ language: String) -> [String: Any] {
        [
            "id": task.id, "title": task.title(language),
            "url": base.sitePath(site.taskPath(plan: plan.id, task.id, language)),
            "lead": agencyReference(task.lead, language, heldBy: task.heldBy),
            "plan": ["id": plan.id, "title": plan.title(language)],
        ]
    }

    /// A plan as lists and headings name it: its titles, decision, period and whether it ended.
    func planSummary(_ plan: ActionPlan, _ language: String) -> [String: Any] {
        var fields: [String: Any] = [
            "id": plan.id, "title": plan.title(language), "officialTitle": plan.decision.title(language),
            "number": plan.number, "date": dateFields(plan.date, language: language),
            "url": base.sitePath(site.planPath(plan.id, language)),
            "progress": base.sitePath(site.progressPath(plan: plan.id, language)),
            "start": dateFields(plan.period.start, language: language),
            "end": dateFields(plan.period.end, language: language),
            "isEnded": plan.period.hasEnded(at: site.now), "taskCount": plan.tasks.count,
        ]
        if let signer = plan.decision.signer { fields["signer"] = signer(language) }
        return fields
    }

    // MARK: The list of plans

    func planIndex(_ language: String) -> [String: Any] {
        let url = site.plansPath(language)
        let versions = settings.languages.map { ($0.code, site.plansPath($0.code)) }
        let title = theme.strings[language]?["actionPlans"] ?? "Action plans"
        var context = common(language: language, url: url, currentURL: url, versions: versions)
        context["languageSwitch"] = languageSwitch(from: language, versions: versions)
        context["og"] = openGraph(title: title, language: language, url: url, versions: versions)
        context["page"] = generatedPage(title: title, kind: "plans", url: url)
        context["plans"] = site.catalog.plans.map { planSummary($0, language) }
        return context
    }

    // MARK: A plan's overview

    func planOverview(_ plan: ActionPlan, _ language: String) -> [String: Any] {
        let url = site.planPath(plan.id, language)
        let versions = settings.languages.map { ($0.code, site.planPath(plan.id, $0.code)) }
        let title = plan.title(language)
        var context = common(language: language, url: url, currentURL: url, versions: versions)
        context["languageSwitch"] = languageSwitch(from: language, versions: versions)
        context["og"] = openGraph(title: title, language: language, url: url, versions: versions)
        context["page"] = generatedPage(title: title, kind: "plan", url: url)
        let points = { (points: [ActionPlan.Point]) -> [[String: Any]] in
            points.map { point in
                var fields: [String: Any] = [
                    "number": point.number, "summary": point.summary(language),
                    "agencies": point.agencies.map { agencyReference($0, language) },
                    "hasAgencies": !point.agencies.isEmpty,
                ]
                if let title = point.title { fields["title"] = title(language) }
                return fields
            }
        }
        let deadlines = plan.reporting.map { deadline -> [String: Any] in
            var fields: [String: Any] = [
                "id": deadline.id, "title": deadline.title(language),
                "before": DateText.dayOfYear(day: deadline.day, month: deadline.month, language: language),
                "to": agencyReference(deadline.to, language),
            ]
            let days = ReportingCalendar.occurrences(deadline, of: plan)
            if let first = days.first, let last = days.last {
                fields["first"] = dateFields(first, language: language)
                fields["last"] = dateFields(last, language: language)
            }
            return fields
        }
        var fields = planSummary(plan, language)
        fields.merge([
            "measures": points(plan.measures), "organisation": points(plan.organisation), "deadlines": deadlines,
            "hasDeadlines": !deadlines.isEmpty,
            "calendar": base.sitePath(site.calendarPath(plan: plan.id, language)),
            // Not `pillars`: that key is every page's (`constantKeys`).
            "characteristics": plan.pillars.map { pillar -> [String: Any] in
                [
                    "id": pillar.id, "number": pillar.number, "name": pillar.name(language),
                    "url": base.sitePath(site.pillarPath(pillar.id, language)), "taskCount": pillar.tasks.count,
                ]
            },
        ]) { $1 }
        // No deadline is announced past the plan's period.
        if let next = ReportingCalendar.next(plan, after: site.now) {
            let days = Int((next.date.timeIntervalSince(site.startOfToday) / 86_400).rounded())
            fields["next"] = [
                "title": next.deadline.title(language), "date": dateFields(next.date, language: language),
                "before": DateText.dayOfYear(day: next.deadline.day, month: next.deadline.month, language: language),
                "daysLeft": days, "isToday": days == 0,
            ]
        }
        context["plan"] = (context["plan"] as? [String: Any] ?? [:]).merging(fields) { $1 }
        return context
    }

    // MARK: Tasks

    func task(_ plan: ActionPlan, _ id: String, _ language: String) -> [String: Any] {
        let task = plan.task(id)!
        let pillar = plan.pillar(task.pillar)!
        let url = site.taskPath(plan: plan.id, id, language)
        let versions = settings.languages.map { ($0.code, site.taskPath(plan: plan.id, id, $0.code)) }
        let title = task.title(language)
        var context = common(language: language, url: url, currentURL: url, versions: versions)
        context["languageSwitch"] = languageSwitch(from: language, versions: versions)
        var og = openGraph(title: title, language: language, url: url, versions: versions)
        og["description"] = task.summary(language)
        context["og"] = og
        context["page"] = generatedPage(title: title, kind: "task", url: url)
        let posts = site.posts(plan: plan.id, task: id, language: language)
        context["plan"] = (context["plan"] as? [String: Any] ?? [:]).merging(planSummary(plan, language)) { $1 }
        context["task"] =
            [
                "id": task.id, "title": title, "summary": task.summary(language),
                "pillar": [
                    "number": pillar.number, "name": pillar.name(language),
                    "url": base.sitePath(site.pillarPath(pillar.id, language)),
                ],
                "items": pillar.items.filter { task.items.contains($0.letter) }.map {
                    ["letter": $0.letter, "title": $0.title(language)]
                },
                "lead": agencyReference(task.lead, language, heldBy: task.heldBy),
                "coordinators": task.coordinators.map { agencyReference($0, language) },
                "hasCoordinators": !task.coordinators.isEmpty,
                "documents": task.documents.map { document -> [String: Any] in
                    [
                        "number": document.number, "date": dateFields(document.date, language: language),
                        "title": document.title(language),
                    ]
                },
                "hasDocuments": !task.documents.isEmpty,
            ].merging(taskProgress(plan, task, language)) { $1 } as [String: Any]
        context["listing"] = ["pages": posts.map(item), "hasPages": !posts.isEmpty]
        return context
    }

    /// A former task address: a redirect page through the theme's `alias` layout.
    func legacyTask(_ plan: String, _ id: String, _ language: String) -> [String: Any] {
        let task = site.catalog.plan(plan)!.task(id)!
        let url = site.taskPath(plan: plan, id, language)
        var context = common(language: language, url: url, currentURL: nil, versions: [])
        let title = task.title(language)
        context["page"] = generatedPage(title: title, kind: "alias", url: url)
        context["target"] = ["title": title, "url": base.sitePath(url), "permalink": base.absolute(url)]
        return context
    }

    // MARK: What characteristic and agency pages add

    func characteristicFields(_ pillar: ActionPlan.Pillar, _ language: String) -> [String: Any] {
        guard let plan else { return [:] }
        return [
            "id": pillar.id, "number": pillar.number, "summary": pillar.summary(language),
            "taskCount": pillar.tasks.count, "plan": planSummary(plan, language),
            "items": pillar.items.map { item -> [String: Any] in
                let tasks = pillar.tasks.filter { $0.items.contains(item.letter) }
                return [
                    "letter": item.letter, "title": item.title(language),
                    "tasks": tasks.map { taskReference(plan, $0, language) },
                    "hasTasks": !tasks.isEmpty,
                ]
            },
            // Tasks not tied to a lettered item.
            "otherTasks": pillar.tasks.filter { $0.items.isEmpty }.map { taskReference(plan, $0, language) },
        ]
    }

    /// The tasks an agency leads, coordinates or holds from agencies it succeeded, in every plan.
    func agencyTasks(_ id: String, _ language: String) -> [String: Any] {
        var groups: [Involvement: [[String: Any]]] = [:]
        for plan in site.catalog.plans {
            for (task, role) in plan.involvement(of: id, in: agencies) {
                var reference = taskReference(plan, task, language)
                // Shared: the lead's work was split and the task names no one successor.
                if role == .inheritsLead, task.heldBy == nil, agencies?[task.lead]?.isSplit == true {
                    reference["isShared"] = true
                }
                groups[role, default: []].append(reference)
            }
        }
        let leads = groups[.leads] ?? [], inherited = groups[.inheritsLead] ?? []
        let coordinates = (groups[.coordinates] ?? []) + (groups[.inheritsCoordination] ?? [])
        return [
            "leads": leads, "hasLeads": !leads.isEmpty, "inherits": inherited, "hasInherits": !inherited.isEmpty,
            "coordinates": coordinates, "hasCoordinates": !coordinates.isEmpty,
        ].merging(agencyReports(id, language)) { $1 }
    }

    /// An agency's history both ways: the agencies whose work it took over and those that took
    /// over its own, each with the functions and the date.
    func agencyHistory(_ agency: AgencyDirectory.Agency, _ language: String) -> [String: Any] {
        var fields: [String: Any] = [:]
        if let change = agency.change { fields["change"] = change(language) }
        if let until = agency.until { fields["until"] = dateFields(until, language: language) }
        let successors = agency.successors.compactMap { successor -> [String: Any]? in
            guard let next = agencies?[successor.agency] else { return nil }
            var link = agencyLink(next, language)
            if let functions = successor.functions { link["functions"] = functions(language) }
            if let date = successor.date { link["date"] = dateFields(date, language: language) }
            return link
        }
        let predecessors = (agencies?.predecessors(of: agency.id) ?? []).map { former -> [String: Any] in
            var link = agencyLink(former.agency, language)
            if let functions = former.successor.functions { link["functions"] = functions(language) }
            if let date = former.successor.date { link["date"] = dateFields(date, language: language) }
            return link
        }
        fields["successors"] = successors
        fields["hasSuccessors"] = !successors.isEmpty
        fields["predecessors"] = predecessors
        fields["hasPredecessors"] = !predecessors.isEmpty
        return fields
    }
}
