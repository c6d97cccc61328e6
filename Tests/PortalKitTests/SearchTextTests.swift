import Foundation
import Testing

@testable import PortalKit

@Suite struct SearchTextTests {
    @Test func syllablesAreLowerCasedNFCRuns() {
        #expect(
            SearchText.syllables("Đà Nẵng, thành phố đáng sống!") == ["đà", "nẵng", "thành", "phố", "đáng", "sống"])
        let nfd = "Cộng đồng Văn hóa".decomposedStringWithCanonicalMapping
        #expect(SearchText.syllables(nfd) == ["cộng", "đồng", "văn", "hóa"])
        #expect(SearchText.syllables("ASEAN-2025 (28/7)") == ["asean", "2025", "28", "7"])
    }

    @Test(arguments: [
        ("đà", "da"), ("Đà", "da"), ("nẵng", "nang"), ("ư", "u"), ("ơ", "o"), ("ướt", "uot"), ("Ợ", "o"),
        ("hòa", "hoa"),
        ("hoà", "hoa"), ("thủy", "thuy"), ("thuỷ", "thuy"), ("dế", "de"), ("dê", "de"), ("asean", "asean"),
    ])
    func folding(_ syllable: String, _ folded: String) {
        #expect(SearchText.fold(syllable) == folded)
        #expect(SearchText.fold(syllable.decomposedStringWithCanonicalMapping) == folded)
    }

    @Test func exactFormsIgnoreOnlyWhereTheToneSits() {
        #expect(SearchText.exact("hòa") == SearchText.exact("hoà"))
        #expect(SearchText.exact("thủy") == SearchText.exact("thuỷ"))
        #expect(SearchText.exact("hòa") == "hoa2")
        #expect(SearchText.exact("dê") == "dê0")
        #expect(SearchText.exact("dế") == "dê1")
        #expect(SearchText.exact("dê") != SearchText.exact("dế"))
        #expect(SearchText.exact("đà") == "đa2")
        #expect(SearchText.exact("Ngã".decomposedStringWithCanonicalMapping) == "nga4")
        #expect(SearchText.exact("ở") == "ơ3")
        #expect(SearchText.exact("Việt") == "viêt5")
    }

    @Test func htmlToText() {
        #expect(
            HTMLText.plain("<h2 id=\"a\">Tiêu đề</h2>\n<p>Đoạn <em>một</em> &amp; hai</p>") == "Tiêu đề Đoạn một & hai")
    }

    @Test func fnvMatchesTheReferenceValues() {
        // FNV-1a 32-bit test vectors.
        #expect(SearchIndex.fnv1a("") == 0x811C_9DC5)
        #expect(SearchIndex.fnv1a("a") == 0xE40C_292C)
        #expect(SearchIndex.fnv1a("foobar") == 0xBF9C_F968)
    }
}

@Suite struct SearchBytesTests {
    @Test func byteSyllablesMatchStringSyllables() {
        let text = "Đà Nẵng – THÀNH PHỐ đáng sống; ASEAN-2025, Cộng đồng Văn hóa (Ủy ban)."
        #expect(
            SearchText.syllableBytes(text).map { String(decoding: $0, as: UTF8.self) } == SearchText.syllables(text))
        // Two-, three- and four-byte scalars, letters whose lower case is longer, numbers that
        // are not digits, punctuation past U+3000.
        let other = "ÀÉ Ǆx İstanbul 日本語。東京 ١٢٣ Ⅻ 😀a𝐀b ＡＢＣ １２ Ω-Ж"
        #expect(
            SearchText.syllableBytes(other).map { String(decoding: $0, as: UTF8.self) }
                == SearchText.syllables(other))
    }

    @Test func syllableTableGivesIdsInFirstSeenOrder() {
        var table = SyllableTable()
        let words = (0..<5000).map { Array("từ\($0 % 3000)".utf8) }
        var ids: [Int] = []
        var fresh = 0
        for word in words {
            let (id, isNew) = table.id(of: word)
            ids.append(id)
            if isNew { fresh += 1 }
        }
        #expect(fresh == 3000)
        #expect(ids == (0..<5000).map { $0 % 3000 })
        #expect(table.id(of: []) == (3000, true))
        #expect(table.id(of: []) == (3000, false))
    }
}

@Suite struct SearchIndexFilesTests {
    /// Documents are numbered oldest first: a new post (the newest) takes the next number, so the
    /// document shards before the last stay byte for byte as they were and `rsync` leaves them.
    @Test func aNewPostLeavesTheEarlierDocumentShardsAlone() throws {
        let site = try TestSite()
        for n in 1...60 {
            let day = String(format: "%02d", n % 28 + 1), month = String(format: "%02d", n / 28 + 1)
            try site.write(
                "Content/vi/tin-tuc/bai-\(n).md",
                "---\ntitle: Bài số \(n)\ndate: 2024-\(month)-\(day)T08:\(String(format: "%02d", n % 60))\n---\n\nNội dung \(n).\n"
            )
        }
        try site.build()
        let manifest = try site.read("search/index.json")
        #expect(manifest.contains("\"documentsPerShard\":5"))
        let before = TestSite.snapshot("\(site.output)/search")
        // docs-<k>-<digest>.json: the shard's number and its content's digest.
        func named(_ files: [String: Data]) -> [Int: String] {
            var byNumber: [Int: String] = [:]
            for name in files.keys where name.hasPrefix("docs-") && name.hasSuffix(".json") {
                let parts = name.dropLast(5).split(separator: "-")
                #expect(parts.count == 3 && parts[2].count == SearchIndex.digestLength, "\(name)")
                if let k = Int(parts[1]) { byNumber[k] = name }
            }
            return byNumber
        }
        let shards = named(before)
        #expect(shards.count >= 12)
        for (k, name) in shards {
            #expect(name == "docs-\(k)-\(SearchIndex.digest(before[name]!)).json")
            #expect(manifest.contains("\"\(SearchIndex.digest(before[name]!))\""), "\(name) not in index.json")
        }

        try site.write("Content/vi/tin-tuc/moi-nhat.md", "---\ntitle: Mới nhất\ndate: 2026-11-01\n---\n\nTin mới.\n")
        try site.build()
        let after = TestSite.snapshot("\(site.output)/search")
        let renamed = named(after)
        for k in 0..<(shards.count - 1) {
            #expect(renamed[k] == shards[k], "docs shard \(k) changed")
        }
        let last = try site.read("search/\(try #require(renamed[renamed.count - 1]))")
        #expect(last.contains("Mới nhất"))
        // The last shard's bytes changed, and so did its name: no name ever holds two contents.
        #expect(shards.values.contains(renamed[renamed.count - 1]!) == false)
    }

    /// A term counts at most three times a field: a body that repeats the query's words does
    /// not outweigh a page whose title holds them. The score is twice the count, plus one when
    /// the title holds the term.
    @Test func aWordCountsAtMostThreeTimesAField() throws {
        var table = TermTable()
        var tokenizer = SearchTokenizer()
        let repeated = tokenizer.read(
            [("Tin mới", 10), (String(repeating: "văn hóa ", count: 20), 1)], excerpt: "", table: &table)
        let titled = tokenizer.read([("Văn hóa", 10), ("Văn hóa và du lịch", 1)], excerpt: "", table: &table)
        func score(_ document: DocumentTerms, _ term: String) -> Int32? {
            document.entries(terms: table.terms.count, forms: table.forms.count)?.first {
                table.terms[Int($0.term)] == term
            }?.score
        }
        #expect(score(repeated, "van") == 6)
        #expect(score(repeated, "hoa") == 6)
        #expect(score(repeated, "tin") == 21)
        #expect(score(titled, "van") == 23)
        #expect(score(titled, "du") == 2)
        // Each field has its own three: the title's "tin" three times still counts 30.
        let thrice = tokenizer.read([("Tin tin tin tin", 10), ("tin", 1)], excerpt: "", table: &table)
        #expect(score(thrice, "tin") == 63)
    }

    /// A document's terms as read: each term once, scored by field, with its first positions
    /// (a gap of 8 between fields) and every form it is written in; through the cache file and
    /// back the same, and a term no document holds any more is left out of the file.
    @Test func documentTermsAndTheirCache() throws {
        var table = TermTable()
        var tokenizer = SearchTokenizer()
        let gone = tokenizer.read([("Đã xóa", 10)], excerpt: "", table: &table)
        let read = tokenizer.read([("Hòa bình", 10), ("hoa hoà HÒA bình", 1)], excerpt: "Hòa bình …", table: &table)
        func terms(_ d: DocumentTerms, _ table: TermTable) -> [String] {
            (d.entries(terms: table.terms.count, forms: table.forms.count) ?? []).map { entry in
                let forms = entry.forms.map { table.forms[Int($0)] }.sorted()
                return "\(table.terms[Int(entry.term)]) \(entry.score) \(entry.positions) \(forms)"
            }
        }
        #expect(terms(read, table) == ["hoa 27 [0, 10, 11, 12] [\"hoa0\", \"hoa2\"]", "binh 23 [1, 13] [\"binh2\"]"])
        #expect(terms(gone, table).count == 2)

        let path = FileManager.default.temporaryDirectory.appendingPathComponent("terms-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        // Half the table unused (more than a quarter): cut down and renumbered.
        let inUse = table.terms.map { $0 == "hoa" || $0 == "binh" }
        SearchTermCache(table: table, documents: [("k", read)], inUse: inUse).save(path)
        let loaded = SearchTermCache.load(path)
        #expect(loaded.table.terms.sorted() == ["binh", "hoa"])
        #expect(loaded.table.forms.sorted() == ["binh2", "hoa0", "hoa2"])
        // A document whose bytes name a term past the table does not decode.
        #expect(read.entries(terms: 1, forms: 10) == nil)
        let back = try #require(loaded.documents["k"])
        #expect(terms(back, loaded.table) == terms(read, table))
        #expect(back.excerpt == "Hòa bình …")

        // A file cut short is no cache at all, not a crash or half of one.
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        try bytes.prefix(bytes.count - 3).write(to: URL(fileURLWithPath: path))
        #expect(SearchTermCache.load(path).documents.isEmpty)
    }

    @Test func termShardCountsArePowersOfTwoAtMostTheTargetOnAverage() {
        #expect(SearchIndex.termShards(0) == 1)
        #expect(SearchIndex.termShards(SearchIndex.shardTarget) == 1)
        #expect(SearchIndex.termShards(SearchIndex.shardTarget + 1) == 2)
        #expect(SearchIndex.termShards(226 * SearchIndex.shardTarget - 5) == 256)
        #expect(SearchIndex.termShards(227 * SearchIndex.shardTarget) == 256)
    }

    /// The pairs of adjacent terms stand for positions: `b` follows `a` where a kept position
    /// of `b` is one past a kept position of `a`, each pair once, none across the gap between
    /// fields or past the position limit.
    @Test func adjacentTermsComeFromTheKeptPositions() {
        var adjacent = AdjacentTerms()
        adjacent.note(1, [0, 5])
        adjacent.note(2, [1, 6, 20])
        adjacent.note(3, [21, 30])
        adjacent.note(4, [Int32(SearchIndex.positionLimit)])
        adjacent.note(5, [Int32(SearchIndex.positionLimit - 1)])
        let pairs = adjacent.pairs().map { "\($0.0)-\($0.1)" }
        #expect(pairs == ["1-2", "2-3"])
        // Forgotten after each document.
        adjacent.note(3, [0])
        #expect(adjacent.pairs().isEmpty)
    }
}
