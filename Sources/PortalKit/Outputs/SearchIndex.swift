import Foundation

/// A static search index per language, in small files the search page fetches on demand:
///
/// - `search/<lang>/index.json`: how many documents and shards there are;
/// - `search/<lang>/terms-<k>.json`: folded syllable → postings `[doc, score, positions…]`
///   (positions delta-coded, at most 32 per document) and `v`: exact form → documents;
///   a syllable lives in shard `fnv1a(folded) % shards`;
/// - `search/<lang>/docs-<k>.json`: `[title, url, date, excerpt]` for 200 documents each.
///
/// Shards aim at 48 KB of JSON (about 12 KB gzipped): a phone on a slow 3G link (~400 kbit/s)
/// fetches one in well under a second, and a query of three syllables needs at most three.
/// An index under that size is one shard.
struct SearchIndex {
    let site: Site

    static let shardTarget = 48 * 1024
    static let documentsPerShard = 200
    static let maximumPositions = 32
    /// Field weights: a syllable in the title counts ten times one in the body.
    static let weights = (title: 10, summary: 5, heading: 3, body: 1)

    struct Document {
        var title: String
        var url: String
        var date: String
        var excerpt: String
        /// (syllable, weight) in reading order: title, summary, headings, body.
        var fields: [(String, Int)]
    }

    /// The languages' indexes are independent: built side by side.
    func files(jobs: Int) -> [OutputFile] {
        ParallelMap.map(site.settings.languages.map(\.code), jobs: jobs) { files(language: $0) }.flatMap { $0 }
    }

    /// The language's pages, newest first (ties in search results go to the newer page), then the
    /// plan's tasks.
    func documents(_ language: String) -> [Document] {
        var documents: [Document] = []
        let pages = site.graph.pages.indices.filter {
            site.graph.pages[$0].language == language && site.graph.pages[$0].kind != .home
        }
        for index in SiteGraph.listingOrder(pages, site.graph.pages) {
            let page = site.graph.pages[index]
            let body = HTMLText.plain(site.bodies[index]?.html ?? "")
            let headings = site.bodies[index]?.headings.map(\.text).joined(separator: " ") ?? ""
            documents.append(
                Document(
                    title: page.title, url: site.base.sitePath(page.url),
                    date: page.date.map { DateText.short($0, language: language) } ?? "",
                    excerpt: Self.excerpt(page.frontMatter.summary ?? "", body),
                    fields: [
                        (page.title, Self.weights.title), (page.frontMatter.summary ?? "", Self.weights.summary),
                        (headings, Self.weights.heading), (body, Self.weights.body),
                    ]))
        }
        for task in site.catalog.plan?.tasks ?? [] {
            let title =
                "\(site.language(language).code == "vi" ? "Nhiệm vụ" : "Task") \(task.id): \(task.title(language))"
            documents.append(
                Document(
                    title: title, url: site.base.sitePath(site.taskPath(task.id, language)), date: "",
                    excerpt: Self.excerpt(task.summary(language), ""),
                    fields: [(title, Self.weights.title), (task.summary(language), Self.weights.summary)]))
        }
        return documents
    }

    /// The summary, then the start of the body, up to about 320 characters.
    static func excerpt(_ summary: String, _ body: String) -> String {
        let text = [summary, body].filter { !$0.isEmpty }.joined(separator: " ")
        guard text.count > 320 else { return text }
        let cut = text.prefix(320)
        return (cut.lastIndex(of: " ").map { String(cut[..<$0]) } ?? String(cut)) + " …"
    }

    private func files(language: String) -> [OutputFile] {
        let documents = documents(language)
        struct Posting {
            var score = 0
            var positions: [Int] = []
        }
        var postings: [String: [Int: Posting]] = [:]
        var exact: [String: [String: Set<Int>]] = [:]
        // Millions of syllables, a few thousand distinct: fold each distinct one once.
        var forms: [String: (folded: String, exact: String)] = [:]
        for (id, document) in documents.enumerated() {
            var position = 0
            for (text, weight) in document.fields {
                for syllable in SearchText.syllables(text, nfc: false) {
                    let form: (folded: String, exact: String)
                    if let known = forms[syllable] {
                        form = known
                    } else {
                        form = (SearchText.fold(syllable), SearchText.exact(syllable))
                        forms[syllable] = form
                    }
                    let folded = form.folded
                    guard !folded.isEmpty else { continue }
                    var posting = postings[folded]?[id] ?? Posting()
                    posting.score += weight
                    if posting.positions.count < Self.maximumPositions { posting.positions.append(position) }
                    postings[folded, default: [:]][id] = posting
                    exact[folded, default: [:]][form.exact, default: []].insert(id)
                    position += 1
                }
                position += 8  // fields are not adjacent: no phrase across them
            }
        }

        // One JSON entry per term, then shards of about the target size.
        var entries: [(term: String, json: String)] = []
        for term in postings.keys.sorted() {
            let list = postings[term]!.keys.sorted().map { id -> String in
                let posting = postings[term]![id]!
                var previous = 0
                let deltas = posting.positions.map { p -> Int in
                    defer { previous = p }
                    return p - previous
                }
                return "[" + ([id, posting.score] + deltas).map(String.init).joined(separator: ",") + "]"
            }.joined(separator: ",")
            let variants = exact[term]!.keys.sorted().map { form in
                "\(JSONText.string(form)):[" + exact[term]![form]!.sorted().map(String.init).joined(separator: ",")
                    + "]"
            }.joined(separator: ",")
            entries.append((term, "\(JSONText.string(term)):{\"p\":[\(list)],\"v\":{\(variants)}}"))
        }
        let total = entries.reduce(0) { $0 + $1.json.utf8.count }
        let shards = max(1, (total + Self.shardTarget - 1) / Self.shardTarget)
        var buckets = [[String]](repeating: [], count: shards)
        for entry in entries { buckets[Int(Self.fnv1a(entry.term) % UInt32(shards))].append(entry.json) }

        let folder = site.language(language).pathPrefix + "search/"
        var files: [OutputFile] = buckets.enumerated().map { k, items in
            OutputFile(path: folder + "terms-\(k).json", body: .text("{" + items.joined(separator: ",") + "}\n"))
        }
        let documentShards = max(1, (documents.count + Self.documentsPerShard - 1) / Self.documentsPerShard)
        for k in 0..<documentShards {
            let slice = documents.dropFirst(k * Self.documentsPerShard).prefix(Self.documentsPerShard)
            let rows = slice.map { d in
                "[" + [d.title, d.url, d.date, d.excerpt].map(JSONText.string).joined(separator: ",") + "]"
            }
            files.append(
                OutputFile(path: folder + "docs-\(k).json", body: .text("[" + rows.joined(separator: ",\n") + "]\n")))
        }
        // A version drawn from every shard's bytes: the page asks for shards with it, so a browser
        // never mixes a cached shard of an older build with a newer index.
        var version: UInt32 = 0x811C_9DC5
        for file in files {
            if case .text(let text) = file.body { version = Self.fnv1a(text, seed: version) }
        }
        let manifest =
            "{\"language\":\(JSONText.string(language)),\"version\":\"\(String(format: "%08x", version))\",\"documents\":\(documents.count),\"documentsPerShard\":\(Self.documentsPerShard),\"termShards\":\(shards),\"hash\":\"fnv1a32\"}\n"
        files.append(OutputFile(path: folder + "index.json", body: .text(manifest)))
        return files
    }

    /// 32-bit FNV-1a over the UTF-8 bytes; the search script computes the same.
    static func fnv1a(_ text: String, seed: UInt32 = 0x811C_9DC5) -> UInt32 {
        var hash = seed
        for byte in text.utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 0x0100_0193
        }
        return hash
    }
}

/// JSON string literals, escaped by hand so the output is the same bytes on every platform.
enum JSONText {
    static func string(_ text: String) -> String {
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
