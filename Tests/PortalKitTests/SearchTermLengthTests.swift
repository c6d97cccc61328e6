import Foundation
import Testing

@testable import PortalKit

/// A run of letters longer than any word (a pasted data: URL, base64) is not a search term:
/// one such "word" of 1 MB made the index files megabytes.
@Suite struct SearchTermLengthTests {
    @Test func aMegabyteWordLeavesTheIndexSmallAndRealWordsFound() throws {
        let site = try TestSite()
        let huge = String(repeating: "x", count: 1_000_000)
        try site.write(
            "Content/vi/tin-tuc/2026-02-01-dai-tu.md",
            "---\ntitle: Từ rất dài\ndate: 2026-02-01\n---\n\nPháo hoa rực rỡ pneumonoultramicroscopicsilicovolcanoconiosis \(huge) cuối bài.\n"
        )
        try site.build()
        let files = TestSite.snapshot("\(site.output)/search")
        let size = files.values.reduce(0) { $0 + $1.count }
        #expect(size < 50_000, "the search index is \(size) bytes")
        let index = try site.read("search/index.json")
        #expect(index.contains("\"termShards\":1"))
        let shard = try #require(files.keys.first { $0.hasPrefix("terms-0-") && $0.hasSuffix(".json") })
        let terms = try site.read("search/\(shard)")
        // The post's words before and after the long run are terms, with their forms.
        for (term, form) in [
            ("ruc", "rưc5"),
            ("pneumonoultramicroscopicsilicovolcanoconiosis", "pneumonoultramicroscopicsilicovolcanoconiosis0"),
            ("cuoi", "cuôi1"),
        ] {
            #expect(terms.contains("\"\(term)\":{\"d\":["), "\(term)")
            #expect(terms.contains("\"f\":\"\(form)\""), "\(form)")
        }
        #expect(!terms.contains("xxxxxxxx"))
        // The pair of adjacent syllables "phao hoa" (what the phrase bonus reads).
        #expect(terms.contains("\"phao hoa\":["))
    }

    @Test func syllablesUpToTheLimitAreKept() {
        let limit = SearchText.maximumSyllableLength
        #expect(limit == 64)
        let longest = String(repeating: "7", count: limit)
        let tooLong = String(repeating: "ệ", count: limit + 1)
        let text = "Số \(longest) và \(tooLong) ĐÀ NẴNG \(String(repeating: "A", count: 100_000))"
        #expect(SearchText.syllables(text) == ["số", longest, "và", "đà", "nẵng"])
        #expect(
            SearchText.syllableBytes(text).map { String(decoding: $0, as: UTF8.self) } == SearchText.syllables(text))
        // A lower case longer than its capital ("İ" is "i" and a dot) counts as it is indexed.
        let dotted = String(repeating: "İ", count: limit / 2 + 1)
        #expect(SearchText.syllables(dotted).isEmpty)
        #expect(SearchText.syllableBytes(dotted).isEmpty)
    }
}
