import Foundation

/// Tags, agencies and pillars: the ways to group posts besides sections.
public enum Taxonomy {
    public enum Kind: String, CaseIterable, Sendable, Hashable {
        case tags, agencies, pillars

        /// URL segments when site.yml gives none: Vietnamese for `vi`, English otherwise.
        static func defaultSegments(language: String) -> [Kind: String] {
            language == "vi"
                ? [.tags: "chu-de", .agencies: "co-quan", .pillars: "dac-trung"]
                : [.tags: "tags", .agencies: "agencies", .pillars: "pillars"]
        }
    }

    /// One term of one taxonomy in one language.
    public struct Term: Sendable {
        public var kind: Kind
        public var language: String
        /// Pairs the term across languages: the agency or pillar id, or the tag's slug.
        public var key: String
        public var name: String
        public var slug: String
        /// Pages carrying the term, in listing order (indices into the site graph's pages).
        public var pages: [Int]
    }
}

/// Every term of every taxonomy, per language, in the language's alphabetical order.
public struct Taxonomies: Sendable {
    /// kind → language → terms.
    public private(set) var terms: [Taxonomy.Kind: [String: [Taxonomy.Term]]] = [:]
    /// kind → language → key → place in `terms`: every page looks up its tags' terms, and a
    /// portal may have thousands of tags.
    private var places: [Taxonomy.Kind: [String: [String: Int]]] = [:]
    /// Each tag as posts spell it → its slug (the term key), worked out once per spelling
    /// rather than once per page that carries it.
    private var tagSlugs: [String: String] = [:]

    public func terms(_ kind: Taxonomy.Kind, _ language: String) -> [Taxonomy.Term] { terms[kind]?[language] ?? [] }

    public func term(_ kind: Taxonomy.Kind, _ language: String, key: String) -> Taxonomy.Term? {
        guard let place = places[kind]?[language]?[key] else { return nil }
        return terms[kind]![language]![place]
    }

    /// The tags term a spelling belongs to.
    public func tag(_ spelling: String, _ language: String) -> Taxonomy.Term? {
        term(.tags, language, key: tagSlugs[spelling] ?? Slug.make(spelling))
    }

    init(graph: SiteGraph, catalog: Catalog) {
        for language in graph.settings.languages.map(\.code) {
            let posts = graph.pages.indices.filter {
                graph.pages[$0].kind == .page && graph.pages[$0].language == language
            }

            // Tags: free text. Spellings that fold to one slug ("Hội nhập", "hội nhập") are one
            // term, named by the spelling most pages use.
            var tagPages: [String: [Int]] = [:]
            var spellings: [String: [String: Int]] = [:]
            for index in posts {
                for tag in Set(graph.pages[index].frontMatter.tags) {
                    let slug = tagSlugs[tag] ?? Slug.make(tag)
                    tagSlugs[tag] = slug
                    guard !slug.isEmpty else { continue }
                    tagPages[slug, default: []].append(index)
                    spellings[slug, default: [:]][tag, default: 0] += 1
                }
            }
            let tags = tagPages.map { slug, pages in
                let name = spellings[slug]!.sorted {
                    $0.value != $1.value
                        ? $0.value > $1.value : Collation.areInIncreasingOrder($0.key, $1.key, language: language)
                }.first!.key
                return Taxonomy.Term(
                    kind: .tags, language: language, key: slug, name: name, slug: slug,
                    pages: SiteGraph.listingOrder(pages, graph.pages))
            }

            // Agencies and pillars: every one the data defines has its page, posts or not.
            let agencies = (catalog.agencies?.agencies ?? []).map { agency in
                Taxonomy.Term(
                    kind: .agencies, language: language, key: agency.id, name: agency.name(language), slug: agency.id,
                    pages: SiteGraph.listingOrder(
                        posts.filter { graph.pages[$0].frontMatter.agency == agency.id }, graph.pages))
            }
            let pillars = (catalog.plan?.pillars ?? []).map { pillar in
                Taxonomy.Term(
                    kind: .pillars, language: language, key: pillar.id, name: pillar.name(language), slug: pillar.id,
                    pages: SiteGraph.listingOrder(
                        posts.filter { graph.pages[$0].frontMatter.pillar == pillar.id }, graph.pages))
            }

            let sort = { (terms: [Taxonomy.Term]) in
                terms.sorted {
                    $0.name != $1.name
                        ? Collation.areInIncreasingOrder($0.name, $1.name, language: language) : $0.key < $1.key
                }
            }
            terms[.tags, default: [:]][language] = sort(tags)
            terms[.agencies, default: [:]][language] = sort(agencies)
            // Pillars keep the plan's order (II.1 … II.5), which is how the decision reads.
            terms[.pillars, default: [:]][language] = pillars
        }
        for (kind, languages) in terms {
            for (language, list) in languages {
                places[kind, default: [:]][language] = Dictionary(
                    list.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { first, _ in first })
            }
        }
    }
}
