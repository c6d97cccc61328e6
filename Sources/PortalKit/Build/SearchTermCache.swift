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

    /// 3: scores count a term at most `SearchIndex.occurrencesCounted` times a field.
    /// 4: scores are doubled, plus `SearchIndex.titleBit` for a term of the title.
    static let version = "4"

    init() {}

    /// The cache for the next build: these documents, with the table cut down to the terms
    /// (`inUse`) and forms they hold, and renumbered to match, once a quarter of it is no
    /// longer used (until then the few unused entries cost less than decoding and encoding
    /// every document again).
    init(table: TermTable, documents: some Sequence<(String, DocumentTerms)>, inUse: [Bool]) {
        let documents = Dictionary(Array(documents), uniquingKeysWith: { first, _ in first })
        let unused = inUse.lazy.filter { !$0 }.count
        guard unused * 4 > table.terms.count else {
            self.table = table
            self.documents = documents
            return
        }
        var formInUse = [Bool](repeating: false, count: table.forms.count)
        var decoded: [String: [DocumentTerms.Entry]] = [:]
        for (key, terms) in documents {
            guard let entries = terms.entries(terms: table.terms.count, forms: table.forms.count) else { continue }
            for entry in entries { for form in entry.forms { formInUse[Int(form)] = true } }
            decoded[key] = entries
        }
        var termMap = [Int32](repeating: -1, count: table.terms.count)
        var formMap = [Int32](repeating: -1, count: table.forms.count)
        var kept = TermTable()
        for (id, term) in table.terms.enumerated() where inUse[id] { termMap[id] = kept.term(term) }
        for (id, form) in table.forms.enumerated() where formInUse[id] { formMap[id] = kept.form(form) }
        self.table = kept
        self.documents = decoded.reduce(into: [:]) { result, item in
            let entries = item.value.map { entry in
                DocumentTerms.Entry(
                    term: termMap[Int(entry.term)], score: entry.score, positions: entry.positions,
                    forms: entry.forms.map { formMap[Int($0)] })
            }
            result[item.key] = DocumentTerms(excerpt: documents[item.key]!.excerpt, entries: entries)
        }
    }

    /// The cache in `path`, or an empty one when it is missing, another portal's or cut short.
    /// Documents are taken as they are; each is checked when the index decodes it.
    static func load(_ path: String) -> SearchTermCache {
        guard var reader = CacheFile.reader(path, version: version),
            let terms = reader.strings(), let forms = reader.strings(), let count = reader.varint()
        else { return SearchTermCache() }
        var cache = SearchTermCache()
        cache.table = TermTable(terms: terms, forms: forms)
        cache.documents.reserveCapacity(count)
        for _ in 0..<count {
            guard let key = reader.string(), let excerpt = reader.string(), let bytes = reader.slice() else {
                return SearchTermCache()
            }
            cache.documents[key] = DocumentTerms(excerpt: excerpt, bytes: bytes)
        }
        return reader.isAtEnd ? cache : SearchTermCache()
    }

    func save(_ path: String) {
        var writer = CacheFile.writer(version: Self.version)
        writer.strings(table.terms)
        writer.strings(table.forms)
        writer.varint(documents.count)
        for (key, document) in documents.sorted(by: { $0.key < $1.key }) {
            writer.string(key)
            writer.string(document.excerpt)
            writer.int(document.bytes.count)
            writer.bytes += document.bytes
        }
        CacheFile.replace(path, with: writer.bytes)
    }
}
