import Foundation

/// Contexts of the action plan's pages: the overview, the tasks, and what the pages of
/// characteristics (pillars) and agencies add to their term pages.
extension PageContext {
    var plan: ActionPlan? { site.catalog.plan }
    var agencies: AgencyDirectory? { site.catalog.agencies }

    /// Every page gets the five characteristics (the home page's entry points) and the plan's URL.
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

    /// `plan`: its URL and number on every page (the plan's own page adds to it).
    func planLink(_ language: String) -> [String: Any] {
        guard let plan else { return [:] }
        return ["plan": ["url": base.sitePath(site.planPath(language)), "number": plan.number]]
    }

    /// An agency as pages name it, with who holds its work now when it has changed.
    func agencyReference(_ id: String, _ language: String) -> [String: Any] {
        guard let agency = agencies?[id] else { return ["id": id, "name": id] }
        var fields: [String: Any] = [
            "id": id, "name": agency.name(language), "url": base.sitePath(site.agencyPath(id, language)),
        ]
        if let current = agencies?.current(id), current.id != id {
            fields["now"] = [
                "id": current.id, "name": current.name(language),
                "url": base.sitePath(site.agencyPath(current.id, language)),
            ]
            if let change = agency.change { fields["change"] = change(language) }
        }
        return fields
    }

    func taskReference(_ task: ActionPlan.Task, _ language: String) -> [String: Any] {
        [
            "id": task.id, "title": task.title(language), "url": base.sitePath(site.taskPath(task.id, language)),
            "lead": agencyReference(task.lead, language),
        ]
    }

    // MARK: Overview

    func planOverview(_ language: String) -> [String: Any] {
        let plan = plan!
        let url = site.planPath(language)
        let versions = settings.languages.map { ($0.code, site.planPath($0.code)) }
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
            [
                "id": deadline.id, "title": deadline.title(language),
                "day": DateText.dayOfYear(day: deadline.day, month: deadline.month, language: language),
                "from": deadline.from.map { agencyReference($0, language) },
                "to": agencyReference(deadline.to, language),
            ]
        }
        var fields: [String: Any] = [
            "number": plan.number, "title": title, "date": dateFields(plan.date, language: language),
            "measures": points(plan.measures), "organisation": points(plan.organisation), "deadlines": deadlines,
            "hasDeadlines": !deadlines.isEmpty, "calendar": base.sitePath(site.calendarPath(language)),
            "taskCount": plan.tasks.count,
        ]
        if let next = ReportingCalendar.next(plan.reporting, after: site.now) {
            let days = Int((next.date.timeIntervalSince(site.startOfToday) / 86_400).rounded())
            fields["next"] = [
                "title": next.deadline.title(language), "date": dateFields(next.date, language: language),
                "daysLeft": days, "isToday": days == 0,
            ]
        }
        context["plan"] = (context["plan"] as? [String: Any] ?? [:]).merging(fields) { $1 }
        return context
    }

    // MARK: Tasks

    func task(_ id: String, _ language: String) -> [String: Any] {
        let task = plan!.task(id)!
        let pillar = plan!.pillar(task.pillar)!
        let url = site.taskPath(id, language)
        let versions = settings.languages.map { ($0.code, site.taskPath(id, $0.code)) }
        let title = task.title(language)
        var context = common(language: language, url: url, currentURL: url, versions: versions)
        context["languageSwitch"] = languageSwitch(from: language, versions: versions)
        var og = openGraph(title: title, language: language, url: url, versions: versions)
        og["description"] = task.summary(language)
        context["og"] = og
        context["page"] = generatedPage(title: title, kind: "task", url: url)
        let posts = site.posts(task: id, language: language)
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
                "lead": agencyReference(task.lead, language),
                "coordinators": task.coordinators.map { agencyReference($0, language) },
                "hasCoordinators": !task.coordinators.isEmpty,
                "documents": task.documents.map { document -> [String: Any] in
                    [
                        "number": document.number, "date": dateFields(document.date, language: language),
                        "title": document.title(language),
                    ]
                },
                "hasDocuments": !task.documents.isEmpty,
            ] as [String: Any]
        context["listing"] = ["pages": posts.map(item), "hasPages": !posts.isEmpty]
        return context
    }

    // MARK: What characteristic and agency pages add

    func characteristicFields(_ pillar: ActionPlan.Pillar, _ language: String) -> [String: Any] {
        [
            "id": pillar.id, "number": pillar.number, "summary": pillar.summary(language),
            "taskCount": pillar.tasks.count,
            "items": pillar.items.map { item -> [String: Any] in
                let tasks = pillar.tasks.filter { $0.items.contains(item.letter) }
                return [
                    "letter": item.letter, "title": item.title(language),
                    "tasks": tasks.map { taskReference($0, language) },
                    "hasTasks": !tasks.isEmpty,
                ]
            },
            // Tasks not tied to a lettered item.
            "otherTasks": pillar.tasks.filter { $0.items.isEmpty }.map { taskReference($0, language) },
        ]
    }

    func agencyTasks(_ id: String, _ language: String) -> [String: Any] {
        guard let plan else { return [:] }
        let leads = plan.tasks.filter { $0.lead == id }.map { taskReference($0, language) }
        // Work of merged agencies passes to their successor.
        let predecessors = Set(
            agencies?.agencies.filter { $0.id != id && agencies?.current($0.id)?.id == id }.map(\.id) ?? [])
        let inherited = plan.tasks.filter { predecessors.contains($0.lead) }.map { taskReference($0, language) }
        let coordinates = plan.tasks.filter { $0.coordinators.contains(id) }.map { taskReference($0, language) }
        return [
            "leads": leads, "hasLeads": !leads.isEmpty, "inherits": inherited, "hasInherits": !inherited.isEmpty,
            "coordinates": coordinates, "hasCoordinates": !coordinates.isEmpty,
        ]
    }
}
