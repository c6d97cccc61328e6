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
    /// The shards as the last build published them, so that a patch makes again only the
    /// shards it touched, and the build keeps the others as they are.
    fileprivate var published: PublishedShards?

    /// More changed documents than this, and the index is made the usual way.
    static let patchLimit = 64
}

/// A language's index files as published: each shard's digest (in its name) and size, and
/// what each document's row shows besides what its key covers.
private struct PublishedShards: Sendable {
    var terms: [Shard]
    var docs: [Shard]
    /// Each document's URL and date, which its row shows and its key does not cover.
    var rows: [Row]
    /// Term id → its shard's hash (`SearchIndex.fnv1a`), made as terms are first needed.
    var hashes: [UInt32]

    struct Shard: Sendable {
        var digest: String
        var size: Int
    }

    struct Row: Equatable, Sendable {
        var url: String
        var date: String
    }
}

extension SearchIndex {
    /// A language's index files for a resident process: the files to write, the shards of the
    /// last build that are still the same (kept as they are), and what to keep for the next
    /// build. The files are the same as a clean build's.
    /// `isPublished(path, size)`: whether the output holds that file as the last build left it.
    func files(
        language: String, resident: consuming SearchIndexResident?, isPublished: (String, Int) -> Bool
    ) -> (
        files: [OutputFile], kept: [(path: String, size: Int)], resident: SearchIndexResident
    ) {
        let documents = documents(language)
        let keys = documents.map(\.key)
        // Taken out, so the patch changes the index's arrays in place rather than copying them.
        var last = resident
        if var next = last, next.keys.count == keys.count,
            case let changed = keys.indices.filter({ keys[$0] != next.keys[$0] }),
            changed.count <= SearchIndexResident.patchLimit
        {
            last = nil
            let touched = next.patch(changed, documents, keys)
            if let (files, kept) = patchedFiles(language, documents, changed, touched, &next),
                kept.allSatisfy({ isPublished($0.path, $0.size) })
            {
                return (files, kept, next)
            }
            return (publishAll(language, documents, &next), [], next)
        }
        // The documents kept are the cache (their table as it is: nothing to renumber).
        let cache = last.map { SearchTermCache(table: $0.table, documents: zip($0.keys, $0.read), inUse: []) }
        last = nil
        var next = SearchIndexResident()
        (next.table, next.keys, next.read, next.posted) = Self.post(documents, cache: cache ?? SearchTermCache())
        next.order = Self.sortedTerms(next.posted, next.table)
        next.entries = [[UInt8]](repeating: [], count: next.table.terms.count)
        for term in next.order { next.entries[term] = Self.entry(term, next.posted, next.table) }
        return (publishAll(language, documents, &next), [], next)
    }

    /// Every file of the index, made from the resident index, which records them as published.
    private func publishAll(_ language: String, _ documents: [Document], _ next: inout SearchIndexResident)
        -> [OutputFile]
    {
        let entries = next.order.map { (next.table.terms[$0], next.entries[$0]) }
        let files = files(language, documents, next.read, entries)
        let shards = Self.termShards(entries.reduce(0) { $0 + $1.1.count })
        let made = files.dropLast().map { PublishedShards.Shard(digest: Self.digestInName($0.path), size: $0.size!) }
        next.published = PublishedShards(
            terms: Array(made.prefix(shards)), docs: Array(made.dropFirst(shards)),
            rows: documents.map { PublishedShards.Row(url: $0.url, date: $0.date) },
            hashes: next.table.terms.map(Self.fnv1a))
        return files
    }

    /// After a patch: the term shards holding a touched term and the document shards holding a
    /// changed document (or one whose URL or date changed) made again, the others kept; nil when
    /// the shards themselves changed (their number, after the index grew past a power of two).
    private func patchedFiles(
        _ language: String, _ documents: [Document], _ changed: [Int], _ touched: Set<Int>,
        _ next: inout SearchIndexResident
    ) -> (files: [OutputFile], kept: [(path: String, size: Int)])? {
        guard var published = next.published else { return nil }
        let shards = Self.termShards(next.order.reduce(0) { $0 + next.entries[$1].count })
        guard shards == published.terms.count, Self.documentShards(documents.count) == published.docs.count else {
            return nil
        }
        let terms = next.table.terms
        for term in published.hashes.count..<terms.count { published.hashes.append(Self.fnv1a(terms[term])) }
        let shardOf = { (term: Int) in Self.shard(published.hashes[term], of: shards) }
        let touchedShards = Set(touched.map(shardOf))
        var buckets: [Int: [[UInt8]]] = [:]
        for term in next.order {
            let k = shardOf(term)
            if touchedShards.contains(k) { buckets[k, default: []].append(next.entries[term]) }
        }
        var changedDocs = Set(changed.map { $0 / Self.documentsPerShard })
        let rows = documents.map { PublishedShards.Row(url: $0.url, date: $0.date) }
        for n in rows.indices where rows[n] != published.rows[n] { changedDocs.insert(n / Self.documentsPerShard) }
        published.rows = rows

        var files: [OutputFile] = []
        for k in touchedShards.sorted() {
            let data = Self.termShard(buckets[k] ?? [])
            published.terms[k] = PublishedShards.Shard(digest: Self.digest(data), size: data.count)
            files.append(
                OutputFile(path: shardPath(language, "terms", k, published.terms[k].digest), body: .data(data)))
        }
        for k in changedDocs.sorted() {
            let data = Self.documentShard(k, documents, next.read)
            published.docs[k] = PublishedShards.Shard(digest: Self.digest(data), size: data.count)
            files.append(OutputFile(path: shardPath(language, "docs", k, published.docs[k].digest), body: .data(data)))
        }
        var kept: [(path: String, size: Int)] = []
        for (kind, list, made) in [("terms", published.terms, touchedShards), ("docs", published.docs, changedDocs)] {
            for (k, shard) in list.enumerated() where !made.contains(k) {
                kept.append((shardPath(language, kind, k, shard.digest), shard.size))
            }
        }
        files.append(
            manifest(
                language, documents: documents.count, termShards: shards, terms: published.terms.map(\.digest),
                docs: published.docs.map(\.digest)))
        next.published = published
        return (files, kept)
    }

    /// The digest in a shard's file name (`terms-3-0a1b2c.json`).
    private static func digestInName(_ path: String) -> String {
        let name = path.split(separator: "/").last!.dropLast(".json".count)
        return String(name.split(separator: "-").last!)
    }
}

extension SearchIndexResident {
    /// Takes the documents at `changed` out of the postings and reads them again.
    /// Gives the terms whose postings changed.
    fileprivate mutating func patch(_ changed: [Int], _ documents: [SearchIndex.Document], _ keys: [String]) -> Set<Int>
    {
        var touched = Set<Int>()
        var tokenizer = SearchTokenizer()
        var adjacent = AdjacentTerms()
        // Only the terms whose posting of the document changed are taken out and put back: an
        // edited paragraph leaves most of a document's syllables with the score they had (a
        // syllable counts at most three times a field), and re-encoding the entry of a syllable
        // that 5,000 documents hold was most of a patch.
        for index in changed {
            let document = Int32(index)
            var before: [Int: Posting] = [:]
            _ = read[index].forEachEntry(terms: table.terms.count, forms: table.forms.count) {
                term, score, positions, forms in
                before[term] = Posting(score: score, forms: Array(forms))
                adjacent.note(term, positions)
            }
            var pairsBefore = Set<Int>()
            for (first, second) in adjacent.pairs() { pairsBefore.insert(SearchIndex.pairTerm(first, second, &table)) }
            var after: [Int: Posting] = [:]
            let (fields, excerpt) = documents[index].fields()
            read[index] = tokenizer.read(fields, excerpt: excerpt, table: &table) { term, score, positions, forms in
                after[term] = Posting(score: score, forms: Array(forms))
                adjacent.note(term, positions)
            }
            var pairsAfter = Set<Int>()
            for (first, second) in adjacent.pairs() { pairsAfter.insert(SearchIndex.pairTerm(first, second, &table)) }

            for (term, posting) in before where after[term] != posting {
                posted.remove(document, term, posting.forms[...])
                touched.insert(term)
            }
            for (term, posting) in after where before[term] != posting {
                posted.insert(document, term, posting.score, posting.forms[...])
                touched.insert(term)
            }
            for pair in pairsBefore.subtracting(pairsAfter) {
                posted.remove(document, pair, [])
                touched.insert(pair)
            }
            for pair in pairsAfter.subtracting(pairsBefore) {
                posted.insert(document, pair, 0, [])
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
        return touched
    }
}

/// A document's posting in one term's list: what its entry in the shard shows of it.
private struct Posting: Equatable {
    var score: Int32
    var forms: [Int32]
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
    fileprivate mutating func insert(_ document: Int32, _ term: Int, _ score: Int32, _ forms: ArraySlice<Int32>) {
        grow(terms: term + 1)
        postings[term].insert(document, score: score)
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
        documents.remove(at: at)
        scores.remove(at: at)
    }

    fileprivate mutating func insert(_ document: Int32, score: Int32) {
        let at = SearchIndex.PostingLists.position(of: document, in: documents, exact: false)!
        documents.insert(document, at: at)
        scores.insert(score, at: at)
    }
}
