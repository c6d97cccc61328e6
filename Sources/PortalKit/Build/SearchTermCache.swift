/// Each language's documents as the search index last read them (`DocumentTerms`), by the
/// digest of what they are read from: a rebuild after one post changed reads that post again
/// and takes the thousands of others from here. Indexing a language of 5,000 posts is the
/// longest single task of a rebuild; most of it was reading every body again.
///
/// A document's terms follow from its text alone (and portal's own identity, which the file
/// carries), so the cache is valid whatever the output holds.
struct SearchTermCache: Sendable {
    private(set) var table = TermTable()
    private(set) var documents: [String: DocumentTerms] = [:]

    static let version = "1"

    init() {}

    /// The cache for the next build: these documents, with the table cut down to the terms
    /// (`inUse`) and forms they hold, and renumbered to match.
    init(table: TermTable, documents: some Sequence<(String, DocumentTerms)>, inUse: [Bool]) {
        let documents = Dictionary(Array(documents), uniquingKeysWith: { first, _ in first })
        var formInUse = [Bool](repeating: false, count: table.forms.count)
        for terms in documents.values { for form in terms.forms { formInUse[Int(form)] = true } }
        var termMap = [Int32](repeating: -1, count: table.terms.count)
        var formMap = [Int32](repeating: -1, count: table.forms.count)
        var kept = TermTable()
        for (id, term) in table.terms.enumerated() where inUse[id] { termMap[id] = kept.term(term) }
        for (id, form) in table.forms.enumerated() where formInUse[id] { formMap[id] = kept.form(form) }
        self.table = kept
        self.documents = documents.mapValues { $0.renumbered(terms: termMap, forms: formMap) }
    }

    static func load(_ path: String) -> SearchTermCache {
        guard var reader = CacheFile.reader(path, version: version) else { return SearchTermCache() }
        var cache = SearchTermCache()
        guard let terms = reader.strings(), let forms = reader.strings(), let count = reader.varint() else {
            return SearchTermCache()
        }
        cache.table = TermTable(terms: terms, forms: forms)
        for _ in 0..<count {
            guard let key = reader.string(), let excerpt = reader.string(), let n = reader.varint() else {
                return SearchTermCache()
            }
            var document = DocumentTerms(excerpt: excerpt)
            guard let ids = reader.int32s(n), let scores = reader.int32s(n),
                let positionEnds = reader.int32s(n), let positions = reader.int32s(Int(positionEnds.last ?? 0)),
                let formEnds = reader.int32s(n), let documentForms = reader.int32s(Int(formEnds.last ?? 0)),
                ids.allSatisfy({ $0 < terms.count }), documentForms.allSatisfy({ $0 < forms.count }),
                Self.isRising(positionEnds), Self.isRising(formEnds)
            else { return SearchTermCache() }
            document.terms = ids
            document.scores = scores
            document.positionEnds = positionEnds
            document.positions = positions
            document.formEnds = formEnds
            document.forms = documentForms
            cache.documents[key] = document
        }
        return cache
    }

    /// Ends of slices: never going back (varints are never negative).
    private static func isRising(_ ends: [Int32]) -> Bool { zip(ends, ends.dropFirst()).allSatisfy { $0 <= $1 } }

    func save(_ path: String) {
        var writer = CacheFile.writer(version: Self.version)
        writer.strings(table.terms)
        writer.strings(table.forms)
        writer.varint(documents.count)
        for (key, document) in documents.sorted(by: { $0.key < $1.key }) {
            writer.string(key)
            writer.string(document.excerpt)
            writer.varint(document.terms.count)
            for list in [
                document.terms, document.scores, document.positionEnds, document.positions, document.formEnds,
                document.forms,
            ] {
                for value in list { writer.varint(Int(value)) }
            }
        }
        CacheFile.replace(path, with: writer.bytes)
    }
}
