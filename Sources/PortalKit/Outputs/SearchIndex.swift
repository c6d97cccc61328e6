import Crypto
import Foundation

/// A static search index per language, in small files the search page fetches on demand:
///
/// - `search/<lang>/index.json`: how many documents and shards there are, and each shard's
///   digest, which is part of its file name;
/// - `search/<lang>/terms-<k>-<digest>.json`: folded syllable → `{"d": documents, "s": scores}`
///   (document numbers delta-coded; each score is twice the term's weighted count in the
///   document, plus one when the document's title holds it) and either `f`: the term's only exact form, or `v`: exact
///   form → documents (delta-coded); and folded pair "a b" → the documents where syllable `b`
///   follows `a` (delta-coded), among the first 8 places of each in the first 400 syllables:
///   what the phrase bonus needs, without positions. A term or pair lives in shard
///   `shard(fnv1a(text))`;
/// - `search/<lang>/docs-<k>-<digest>.json`: `[title, url, date, excerpt]` for 5 documents
///   each (about 2 KB gzipped: the twenty results a query shows may come from twenty of them).
///
/// A query of n syllables fetches index.json, at most 2n − 1 term shards and the document
/// shards of the results shown: under 100 KiB gzipped for the benchmark's queries, where the
/// positions and shards of 25 documents made 230–400 KiB. Term shards hold 32 KB of JSON at
/// most on average (their number is a power of two, see `termShards`; 4 KB gzipped at the
/// median). Files named by their content's digest never change under a name, so a query
/// that read index.json just before a new release went live reads the shards of that one
/// release (or fails to find them, and search.js reads index.json again), and a browser may
/// keep them; an edit rewrites index.json and the shards that changed.
struct SearchIndex {
    let site: Site

    static let shardTarget = 32 * 1024
    static let documentsPerShard = 5
    static let maximumPositions = 8
    /// Positions past this point (about the first 300 syllables of the body) are not kept: a
    /// match further in still finds the page, only without the bonus for an exact phrase.
    static let positionLimit = 400
    /// Hex digits of a shard's SHA-256 in its name: 24 bits, enough to tell one shard's bytes
    /// from its earlier versions (the name has the shard's number too).
    static let digestLength = 6
    /// Field weights: a syllable in the title counts ten times one in the body.
    static let weights = (title: 10, summary: 5, heading: 3, body: 1)
    /// Occurrences of a syllable that count in one field; more add nothing. Without a limit a
    /// body that repeats "văn hóa" twenty times outranked a page titled with the whole query
    /// ("cộng đồng văn hóa": Pagefind's first five all had both words in the title, portal's
    /// first only one of them): the saturation BM25 gives term frequency, in its simplest form.
    static let occurrencesCounted = 3
    /// Added to a score (whose count is doubled) when the title holds the term: the search page
    /// ranks a page whose title holds every syllable of the query above one whose body repeats
    /// some of them. Pagefind's first five for "cộng đồng văn hóa" all had both words in the
    /// title; portal's first had "cộng đồng" and "Hòa" in its title, and "văn hóa" in its body.
    static let titleBit: Int32 = 1

    struct Document {
        var title: String
        var url: String
        var date: String
        /// What the document's terms and excerpt are read from: the title, the summary, the
        /// headings and the body's HTML (nil for a task, which has only a title and summary).
        var summary: String
        var headings: String
        var html: String?
        /// `Site.bodyDigest` of the HTML, "" for a task.
        var htmlDigest: String

        /// A digest of what the terms and excerpt are read from, which names the document's
        /// `DocumentTerms` in the cache.
        var key: String {
            FieldDigest.of([html == nil ? "task" : "page", title, summary, headings, htmlDigest])
        }

        /// (syllable, weight) in reading order: title, summary, headings, body; and the
        /// excerpt. The body's text is taken out of its HTML here, only for a document read.
        func fields() -> (fields: [(String, Int)], excerpt: String) {
            guard let html else {
                return (
                    [(title, SearchIndex.weights.title), (summary, SearchIndex.weights.summary)],
                    SearchIndex.excerpt(summary, "")
                )
            }
            let body = HTMLText.plain(html)
            return (
                [
                    (title, SearchIndex.weights.title), (summary, SearchIndex.weights.summary),
                    (headings, SearchIndex.weights.heading), (body, SearchIndex.weights.body),
                ],
                SearchIndex.excerpt(summary, body)
            )
        }
    }

    /// The plan's tasks, then the language's pages oldest first: a document's number is its
    /// place here, and a new post, which is usually the newest, takes the next number, so the
    /// numbers of every other page, and the shards that hold them, stay as they were (`rsync`
    /// then sends little more than the new post's terms). Ties in search results go to the
    /// higher number: the newer page, and any page before a task.
    func documents(_ language: String) -> [Document] {
        var documents: [Document] = []
        // Oldest plan first, like pages: a new plan's tasks take the next numbers.
        let plans = site.catalog.plans
        for plan in plans.reversed() {
            for task in plan.tasks {
                let word = site.language(language).code == "vi" ? "Nhiệm vụ" : "Task"
                let title = "\(word) \(task.id)\(plans.count > 1 ? " (\(plan.id))" : ""): \(task.title(language))"
                documents.append(
                    Document(
                        title: title, url: site.base.sitePath(site.taskPath(plan: plan.id, task.id, language)),
                        date: "", summary: task.summary(language), headings: "", html: nil, htmlDigest: ""))
            }
        }
        let pages = site.graph.pages.indices.filter {
            site.graph.pages[$0].language == language && site.graph.pages[$0].kind != .home
        }
        for index in SiteGraph.listingOrder(pages, site.graph.pages).reversed() {
            let page = site.graph.pages[index]
            documents.append(
                Document(
                    title: page.title, url: site.base.sitePath(page.url),
                    date: page.date.map { DateText.short($0, language: language) } ?? "",
                    summary: page.frontMatter.summary ?? "",
                    headings: site.bodies[index]?.headings.map(\.text).joined(separator: " ") ?? "",
                    html: site.bodies[index]?.html ?? "", htmlDigest: site.bodyDigest(index)))
        }
        return documents
    }

    /// The summary, then the start of the body, up to about 320 characters.
    static func excerpt(_ summary: String, _ body: String) -> String {
        let text = [summary, body].filter { !$0.isEmpty }.joined(separator: " ")
        // Characters are counted only up to the cut, not through the whole body.
        guard let end = text.index(text.startIndex, offsetBy: 320, limitedBy: text.endIndex), end != text.endIndex
        else { return text }
        let cut = text[..<end]
        return (cut.lastIndex(of: " ").map { String(cut[..<$0]) } ?? String(cut)) + " …"
    }

    /// The language's index files. `cache` holds documents read by an earlier build (by their
    /// key); the documents of this one come back with the files, for the next.
    func files(language: String, cache: SearchTermCache = SearchTermCache()) -> (
        files: [OutputFile], cache: SearchTermCache
    ) {
        let documents = documents(language)
        let (table, keys, read, posted) = Self.post(documents, cache: cache)
        let next = SearchTermCache(
            table: table, documents: zip(keys, read), inUse: posted.postings.map { !$0.documents.isEmpty })
        let order = Self.sortedTerms(posted, table)
        let entries = order.map { Self.entry($0, posted, table) }
        return (files(language, documents, read, zip(order, entries).map { (table.terms[$0], $1) }), next)
    }

    /// Each document's terms, read now or found in the cache, and their postings. Documents are
    /// taken in order, so each term's list is sorted.
    static func post(_ documents: [Document], cache: SearchTermCache) -> (
        table: TermTable, keys: [String], read: [DocumentTerms], posted: PostingLists
    ) {
        var table = cache.table
        var tokenizer = SearchTokenizer()
        var read: [DocumentTerms] = []
        var keys: [String] = []
        read.reserveCapacity(documents.count)
        var posted = PostingLists()
        var adjacent = AdjacentTerms()
        // Each pair's term by its two syllables' ids: the same few hundred thousand pairs come
        // back in document after document, and naming one builds and hashes a string.
        var pairTerms: [Int64: Int] = [:]
        for (id, document) in documents.enumerated() {
            let key = document.key
            let document32 = Int32(id)
            // Postings keep no positions: the pairs of adjacent terms stand for them.
            if let known = cache.documents[key],
                known.forEachEntry(
                    terms: table.terms.count, forms: table.forms.count,
                    {
                        posted.add(document32, $0, $1, $3)
                        adjacent.note($0, $2)
                    }) != nil
            {
                read.append(known)
            } else {
                let (fields, excerpt) = document.fields()
                read.append(
                    tokenizer.read(
                        fields, excerpt: excerpt, table: &table,
                        each: {
                            posted.add(document32, $0, $1, $3)
                            adjacent.note($0, $2)
                        }))
            }
            for (first, second) in adjacent.pairs() {
                let key = Int64(first) << 32 | Int64(UInt32(bitPattern: second))
                let term: Int
                if let known = pairTerms[key] {
                    term = known
                } else {
                    term = pairTerm(first, second, &table)
                    pairTerms[key] = term
                }
                posted.add(document32, term, 0, [])
            }
            keys.append(key)
        }
        // Terms of the cache's table that no document holds any more have no postings.
        posted.grow(terms: table.terms.count)
        return (table, keys, read, posted)
    }

    /// The terms that have postings, in the order of their text (the order of the shards' entries).
    static func sortedTerms(_ posted: PostingLists, _ table: TermTable) -> [Int] {
        let terms = table.terms
        return terms.indices.filter { !posted.postings[$0].documents.isEmpty }.sorted { terms[$0] < terms[$1] }
    }

    /// The term of the pair "first second": the two folded syllables with a space between
    /// (a syllable never holds one).
    static func pairTerm(_ first: Int32, _ second: Int32, _ table: inout TermTable) -> Int {
        Int(table.term(table.terms[Int(first)] + " " + table.terms[Int(second)]))
    }

    /// One term's JSON entry, as bytes: `"term":{"d":[gap…],"f":…,"s":[score…]}` (or `"v":{…}`
    /// after `s`), or for a pair `"a b":[gap…]`.
    static func entry(_ term: Int, _ posted: PostingLists, _ table: TermTable) -> [UInt8] {
        let list = posted.postings[term]
        if table.terms[term].utf8.contains(UInt8(ascii: " ")) {
            var json = Array((JSONText.string(table.terms[term]) + ":").utf8)
            JSONText.appendGaps(list.documents, to: &json)
            return json
        }
        var json = Array((JSONText.string(table.terms[term]) + ":{\"d\":").utf8)
        JSONText.appendGaps(list.documents, to: &json)
        var scores = Array(",\"s\":[".utf8)
        for (n, score) in list.scores.enumerated() {
            if n > 0 { scores.append(UInt8(ascii: ",")) }
            JSONText.append(Int(score), to: &scores)
        }
        scores.append(UInt8(ascii: "]"))
        let exactForms = table.forms
        // A variant a patched index emptied is left out (a clean build never has one).
        let forms = posted.termVariants[term].map { posted.variants[$0] }.filter { !$0.documents.isEmpty }.sorted {
            exactForms[$0.form] < exactForms[$1.form]
        }
        if forms.count == 1 {
            // One exact form (most English words, many Vietnamese syllables): no document
            // list to repeat.
            json += Array((",\"f\":" + JSONText.string(exactForms[forms[0].form])).utf8)
            json += scores
            json.append(UInt8(ascii: "}"))
        } else {
            json += scores
            json += Array(",\"v\":{".utf8)
            for (n, variant) in forms.enumerated() {
                if n > 0 { json.append(UInt8(ascii: ",")) }
                json += Array((JSONText.string(exactForms[variant.form]) + ":").utf8)
                JSONText.appendGaps(variant.documents, to: &json)
            }
            json += Array("}}".utf8)
        }
        return json
    }

    /// The files: term shards of about the target size from the entries (in term order), the
    /// documents' shards, and the manifest.
    func files(
        _ language: String, _ documents: [Document], _ read: [DocumentTerms], _ entries: [(term: String, json: [UInt8])]
    ) -> [OutputFile] {
        let total = entries.reduce(0) { $0 + $1.json.count }
        let shards = Self.termShards(total)
        var buckets = [[[UInt8]]](repeating: [], count: shards)
        for entry in entries { buckets[Self.shard(Self.fnv1a(entry.term), of: shards)].append(entry.json) }
        let termShards = buckets.map(Self.termShard)
        let documentShards = (0..<Self.documentShards(documents.count)).map {
            Self.documentShard($0, documents, read)
        }
        var files: [OutputFile] = []
        var digests: [String: [String]] = [:]
        for (kind, shards) in [("terms", termShards), ("docs", documentShards)] {
            for (k, data) in shards.enumerated() {
                let digest = Self.digest(data)
                digests[kind, default: []].append(digest)
                files.append(OutputFile(path: shardPath(language, kind, k, digest), body: .data(data)))
            }
        }
        files.append(
            manifest(
                language, documents: documents.count, termShards: shards, terms: digests["terms", default: []],
                docs: digests["docs", default: []]))
        return files
    }

    /// Where a shard is published: its kind (`terms` or `docs`), number and digest in its name.
    func shardPath(_ language: String, _ kind: String, _ number: Int, _ digest: String) -> String {
        site.language(language).pathPrefix + "search/\(kind)-\(number)-\(digest).json"
    }

    /// One term shard: its entries, in term order, as one JSON object.
    static func termShard(_ items: [[UInt8]]) -> Data {
        var bytes: [UInt8] = [UInt8(ascii: "{")]
        bytes.reserveCapacity(items.reduce(3) { $0 + $1.count + 1 })
        for (n, item) in items.enumerated() {
            if n > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes += item
        }
        bytes += Array("}\n".utf8)
        return Data(bytes)
    }

    /// How many document shards `count` documents take (one, even for none).
    static func documentShards(_ count: Int) -> Int {
        max(1, (count + documentsPerShard - 1) / documentsPerShard)
    }

    /// Document shard `k`: `[title, url, date, excerpt]` for each of its documents.
    static func documentShard(_ k: Int, _ documents: [Document], _ read: [DocumentTerms]) -> Data {
        let range = (k * documentsPerShard)..<min(documents.count, (k + 1) * documentsPerShard)
        let rows = range.map { n in
            let d = documents[n]
            return "[" + [d.title, d.url, d.date, read[n].excerpt].map(JSONText.string).joined(separator: ",") + "]"
        }
        return Data(("[" + rows.joined(separator: ",\n") + "]\n").utf8)
    }

    /// `index.json`: the shards' digests, which name them, and what the search script needs to
    /// find a term's shard.
    func manifest(_ language: String, documents: Int, termShards: Int, terms: [String], docs: [String]) -> OutputFile {
        let quoted = { (digests: [String]) in digests.map(JSONText.string).joined(separator: ",") }
        let manifest =
            "{\"docs\":[\(quoted(docs))],\"documents\":\(documents),\"documentsPerShard\":\(Self.documentsPerShard),\"hash\":\"fnv1a32-xorfold16\",\"language\":\(JSONText.string(language)),\"termShards\":\(termShards),\"terms\":[\(quoted(terms))]}\n"
        return OutputFile(path: site.language(language).pathPrefix + "search/index.json", body: .text(manifest))
    }

    /// The start of the bytes' SHA-256 in hex, which names a shard: a name never holds two
    /// contents, so a page that read one release's index.json never mixes in another's shards.
    static func digest(_ data: Data) -> String {
        Hex.string(SHA256.hash(data: data).prefix((digestLength + 1) / 2)).prefix(digestLength).description
    }

    /// Every term's postings and variants, as documents are added in order (so each list is
    /// sorted). A struct with a mutating method rather than a closure over local variables:
    /// those were checked for exclusive access at run time on every posting.
    struct PostingLists {
        var postings: [Postings] = []
        var termVariants: [[Int]] = []  // term → its variants
        var variants: [Variant] = []
        /// A form belongs to one term (the term is the form without its tone), so a variant is
        /// found by its form alone.
        var variantOfForm: [Int] = []

        /// Room for `terms` terms: the table grows as documents are read (the tokenizer holds
        /// it while it hands terms here, so the ids themselves say how far).
        mutating func grow(terms: Int) {
            guard terms > postings.count else { return }
            postings += repeatElement(Postings(), count: terms - postings.count)
            termVariants += repeatElement([], count: terms - termVariants.count)
        }

        mutating func add(_ document: Int32, _ term: Int, _ score: Int32, _ forms: ArraySlice<Int32>) {
            grow(terms: term + 1)
            postings[term].add(document, score: score)
            for form in forms.lazy.map(Int.init) { variants[variant(of: form, term: term)].add(document) }
        }

        /// The variant of an exact form of `term`, made when it is new.
        mutating func variant(of form: Int, term: Int) -> Int {
            if form >= variantOfForm.count {
                variantOfForm += repeatElement(-1, count: form + 1 - variantOfForm.count)
            }
            var variant = variantOfForm[form]
            if variant < 0 {
                variant = variants.count
                variants.append(Variant(form: form))
                termVariants[term].append(variant)
                variantOfForm[form] = variant
            }
            return variant
        }
    }

    /// One term's postings as flat arrays (a million small arrays would be a million
    /// allocations): documents and their scores. No positions: the pairs of adjacent terms
    /// stand for them.
    struct Postings {
        var documents: [Int32] = []
        var scores: [Int32] = []

        mutating func add(_ document: Int32, score: Int32) {
            documents.append(document)
            scores.append(score)
        }
    }

    /// A term in one exact form, and the documents it is written so in.
    struct Variant {
        var form: Int
        var documents: [Int32] = []
        var last: Int32 = -1  // documents.last, kept here to spare a look into the array

        mutating func add(_ document: Int32) {
            if last != document {
                documents.append(document)
                last = document
            }
        }
    }

    /// The number of term shards for `total` bytes of entries: the power of two that keeps them
    /// at most `shardTarget` on average. A syllable's shard is its hash modulo this number, so
    /// when it changes every syllable moves; a power of two changes only when the index doubles
    /// or halves, not on an edit that adds a few bytes.
    static func termShards(_ total: Int) -> Int {
        var shards = 1
        while shards * shardTarget < total { shards *= 2 }
        return shards
    }

    /// A syllable's shard: its hash with the high half folded onto the low, modulo the number of
    /// shards. With a power of two only the low bits count, and FNV-1a's low bits depend on
    /// the low bits alone; folding spread the benchmark's terms better (largest shard 511 →
    /// 391 KiB). The search script and the tests compute the same.
    static func shard(_ hash: UInt32, of shards: Int) -> Int { Int((hash ^ (hash >> 16)) % UInt32(shards)) }

    /// 32-bit FNV-1a over the UTF-8 bytes; the search script computes the same.
    static func fnv1a(_ text: String) -> UInt32 {
        var hash: UInt32 = 0x811C_9DC5
        for byte in text.utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 0x0100_0193
        }
        return hash
    }
}

extension JSONText {
    /// Appends a sorted list of document numbers as a JSON array of their gaps (the first
    /// number, then each one less the one before): mostly one or two digits.
    static func appendGaps(_ documents: [Int32], to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "["))
        var previous: Int32 = 0
        for (n, document) in documents.enumerated() {
            if n > 0 { bytes.append(UInt8(ascii: ",")) }
            append(Int(document - previous), to: &bytes)
            previous = document
        }
        bytes.append(UInt8(ascii: "]"))
    }

    /// Appends a decimal integer's digits. The index writes millions of small numbers (document
    /// numbers, scores, position gaps): one and two digits are written without a loop.
    static func append(_ value: Int, to bytes: inout [UInt8]) {
        if value < 0 {
            bytes.append(UInt8(ascii: "-"))
            append(-value, to: &bytes)
            return
        }
        let zero = UInt8(ascii: "0")
        if value < 10 {
            bytes.append(zero + UInt8(value))
            return
        }
        if value < 100 {
            bytes.append(zero + UInt8(value / 10))
            bytes.append(zero + UInt8(value % 10))
            return
        }
        var unit = 1
        while unit <= value / 10 { unit *= 10 }
        while unit > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(value / unit % 10))
            unit /= 10
        }
    }
}

/// JSON written by hand, so the output is the same bytes on every platform (and faster than
/// going through Foundation): string literals and numbers; callers put keys in sorted order.
enum JSONText {
    static func string(_ text: String) -> String {
        // Most text has nothing to escape.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            return "\"" + text + "\""
        }
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
