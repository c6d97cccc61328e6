/// One HTML file of the site to render.
enum RenderJob: Sendable {
    /// A page of the site graph; `number` > 1 for the later pages of a paginated section.
    case page(Int, number: Int)
    /// The index of a taxonomy in a language: every term with its count.
    case taxonomy(Taxonomy.Kind, language: String)
    /// A term's page, paginated.
    case term(Taxonomy.Kind, language: String, key: String, number: Int)
    /// A former URL (front matter `aliases`) redirecting to a page.
    case alias(path: String, target: Int)
    case notFound(language: String)
    /// A page of the action plans: their list, each plan's overview, dashboard and tasks.
    case plan(PlanPage, language: String)
    /// The search page, whose script reads the language's index under `search/`.
    case search(language: String)

    /// Every file to render, in a stable order.
    static func all(_ site: Site) -> [RenderJob] {
        var jobs: [RenderJob] = []
        for index in site.graph.pages.indices {
            for number in 1...site.pageCount(index) { jobs.append(.page(index, number: number)) }
        }
        for language in site.settings.languages.map(\.code) {
            for kind in Taxonomy.Kind.allCases where kind == .tags || site.hasData(for: kind) {
                jobs.append(.taxonomy(kind, language: language))
                for term in site.taxonomies.terms(kind, language) {
                    let count = Paginator.count(term.pages.count, perPage: site.settings.paginate)
                    for number in 1...count {
                        jobs.append(.term(kind, language: language, key: term.key, number: number))
                    }
                }
            }
            jobs.append(.notFound(language: language))
            jobs.append(.search(language: language))
            jobs += site.planPages.map { .plan($0, language: language) }
        }
        for (index, page) in site.graph.pages.enumerated() {
            for alias in page.frontMatter.aliases {
                guard let path = AliasPath.outputPath(alias, language: site.language(page.language)) else { continue }
                jobs.append(.alias(path: path, target: index))
            }
        }
        return jobs
    }
}

extension Site {
    /// Agencies and pillars have pages only when their data file exists.
    func hasData(for kind: Taxonomy.Kind) -> Bool {
        switch kind {
        case .tags: true
        case .agencies: catalog.agencies != nil
        case .pillars: !catalog.plans.isEmpty
        }
    }
}

/// Where an alias is written: see `URLPath.aliasOutputPath`. Front matter checked every alias
/// when it was read, so none fails here.
enum AliasPath {
    static func outputPath(_ alias: String, language: SiteSettings.Language) -> String? {
        try? URLPath.aliasOutputPath(alias, languagePrefix: language.pathPrefix)
    }
}
