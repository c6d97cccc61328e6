/// A language's search index as a resident process (`portal serve`) keeps it between builds:
/// every document's terms, the posting lists (with the pairs of adjacent terms, see
/// `AdjacentTerms`) and each term's JSON entry. When a build changes
/// a few documents and keeps the others in their places (an edited body or title), the
/// postings of those documents are taken out and put back, and only their terms' entries are
/// written again: the other 5,000 documents are not merged again. Anything else (a document
/// added, removed or moved, as a new date does) builds the index the usual way, from the
/// documents kept here.
///
/// The files are the same as a clean build's: the postings of a term are the same lists,
/// sorted by document, and entries, shards and manifest are made by the same code.
struct SearchIndexResident: Sendable {
    fileprivate var keys: [String] = []
    fileprivate var read: [DocumentTerms] = []
    fileprivate var table = TermTable()
    fileprivate var posted = SearchIndex.PostingLists()
    /// The terms with postings, in the order of their text.
    fileprivate var order: [Int] = []
    /// Term id → its JSON entry (empty for a term without postings).
    fileprivate var entries: [[UInt8]] = []

    /// More changed documents than this, and the index is made the usual way.
    static let patchLimit = 64
}

extension SearchIndex {
    /// The language's index files, and what to keep for the next build's.
    func files(language: String, resident: SearchIndexResident?) -> (
        files: [OutputFile], resident: SearchIndexResident
    ) {
        let documents = documents(language)
        let keys = documents.map(\.key)
        var next: SearchIndexResident
        if let kept = resident, kept.keys.count == keys.count,
            case let changed = keys.indices.filter({ keys[$0] != kept.keys[$0] }),
            changed.count <= SearchIndexResident.patchLimit
        {
            next = kept
            next.patch(changed, documents, keys)
        } else {
            // The documents kept are the cache (their table as it is: nothing to renumber).
            let cache = resident.map {
                SearchTermCache(table: $0.table, documents: zip($0.keys, $0.read), inUse: [])
            }
            next = SearchIndexResident()
            (next.table, next.keys, next.read, next.posted) = Self.post(
                documents, cache: cache ?? SearchTermCache())
            next.order = Self.sortedTerms(next.posted, next.table)
            next.entries = [[UInt8]](repeating: [], count: next.table.terms.count)
            for term in next.order { next.entries[term] = Self.entry(term, next.posted, next.table) }
        }
        let entries = next.order.map { (next.table.terms[$0], next.entries[$0]) }
        return (files(language, documents, next.read, entries), next)
    }
}

extension SearchIndexResident {
    /// Takes the documents at `changed` out of the postings and reads them again.
    fileprivate mutating func patch(_ changed: [Int], _ documents: [SearchIndex.Document], _ keys: [String]) {
        var touched = Set<Int>()
        var tokenizer = SearchTokenizer()
        var adjacent = AdjacentTerms()
        for index in changed {
            let document = Int32(index)
            _ = read[index].forEachEntry(terms: table.terms.count, forms: table.forms.count) {
                term, _, positions, forms in
                posted.remove(document, term, forms)
                touched.insert(term)
                adjacent.note(term, positions)
            }
            for (first, second) in adjacent.pairs() {
                let pair = SearchIndex.pairTerm(first, second, &table)
                posted.remove(document, pair, [])
                touched.insert(pair)
            }
            let (fields, excerpt) = documents[index].fields()
            read[index] = tokenizer.read(fields, excerpt: excerpt, table: &table) { term, score, positions, forms in
                posted.insert(document, term, score, [], forms)
                touched.insert(term)
                adjacent.note(term, positions)
            }
            for (first, second) in adjacent.pairs() {
                let pair = SearchIndex.pairTerm(first, second, &table)
                posted.insert(document, pair, 0, [], [])
                touched.insert(pair)
            }
            self.keys[index] = keys[index]
        }
        posted.grow(terms: table.terms.count)
        if entries.count < table.terms.count {
            entries += repeatElement([], count: table.terms.count - entries.count)
        }
        var changedOrder = false
        for term in touched {
            let had = !entries[term].isEmpty
            let has = !posted.postings[term].documents.isEmpty
            entries[term] = has ? SearchIndex.entry(term, posted, table) : []
            changedOrder = changedOrder || had != has
        }
        if changedOrder { order = SearchIndex.sortedTerms(posted, table) }
    }
}

extension SearchIndex.PostingLists {
    /// Takes `document` out of the term's postings and its forms' variants.
    fileprivate mutating func remove(_ document: Int32, _ term: Int, _ forms: ArraySlice<Int32>) {
        postings[term].remove(document)
        for form in forms.lazy.map(Int.init) where form < variantOfForm.count && variantOfForm[form] >= 0 {
            let variant = variantOfForm[form]
            if let at = Self.position(of: document, in: variants[variant].documents, exact: true) {
                variants[variant].documents.remove(at: at)
            }
        }
    }

    /// Puts `document` into the term's postings and its forms' variants, in document order.
    fileprivate mutating func insert(
        _ document: Int32, _ term: Int, _ score: Int32, _ positions: ArraySlice<Int32>, _ forms: ArraySlice<Int32>
    ) {
        grow(terms: term + 1)
        postings[term].insert(document, score: score, positions: positions)
        for form in forms.lazy.map(Int.init) {
            let found = variant(of: form, term: term)
            let at = Self.position(of: document, in: variants[found].documents, exact: false)!
            if at == variants[found].documents.count || variants[found].documents[at] != document {
                variants[found].documents.insert(document, at: at)
            }
        }
    }

    /// Where `document` is in a sorted list (`exact`: nil when it is not there), or where it
    /// goes.
    static func position(of document: Int32, in list: [Int32], exact: Bool) -> Int? {
        var (low, high) = (0, list.count)
        while low < high {
            let middle = (low + high) / 2
            if list[middle] < document { low = middle + 1 } else { high = middle }
        }
        if exact { return low < list.count && list[low] == document ? low : nil }
        return low
    }
}

extension SearchIndex.Postings {
    fileprivate mutating func remove(_ document: Int32) {
        guard let at = SearchIndex.PostingLists.position(of: document, in: documents, exact: true) else { return }
        let start = at == 0 ? 0 : Int(ends[at - 1])
        let count = Int(ends[at]) - start
        positions.removeSubrange(start..<(start + count))
        documents.remove(at: at)
        scores.remove(at: at)
        ends.remove(at: at)
        for n in at..<ends.count { ends[n] -= Int32(count) }
    }

    fileprivate mutating func insert(_ document: Int32, score: Int32, positions added: ArraySlice<Int32>) {
        let at = SearchIndex.PostingLists.position(of: document, in: documents, exact: false)!
        let start = at == 0 ? 0 : Int(ends[at - 1])
        positions.insert(contentsOf: added, at: start)
        documents.insert(document, at: at)
        scores.insert(score, at: at)
        ends.insert(Int32(start + added.count), at: at)
        for n in (at + 1)..<ends.count { ends[n] += Int32(added.count) }
    }
}
