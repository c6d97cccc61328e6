import Foundation
import Testing

@testable import PortalKit

/// cmark-gfm keeps inline parsing state in process-wide tables (DESIGN.md, "Traps"): a
/// parallel build must give the same bytes as a serial one, and every run the same bytes.
@Suite struct ReproducibilityTests {
    /// A page body dense in what exercises cmark's shared tables: strikethrough, autolinks,
    /// tables, footnotes, task lists and emphasis, varied per page.
    static func body(_ n: Int) -> String {
        """
        ## Mục \(n) – Đà Nẵng

        ~~Cũ \(n)~~ và ~mới~ tại www.danang.gov.vn/\(n) hoặc https://asean.org/p/\(n)?a=1&b=2, thư: ban\(n)@danang.gov.vn.

        | Cột | ~~Số~~ | Liên kết |
        |:----|-------:|:--------:|
        | a\(n) | ~~\(n)~~ | https://example.org/\(n) |
        | **đậm** | *nghiêng* | www.asean.org |

        - [x] Việc \(n) ~~xong~~
        - [ ] Việc khác https://danang.gov.vn/t/\(n)

        Chú thích[^a\(n)] và `mã ~~\(n)~~` và ***~~cả hai~~***.

        [^a\(n)]: Ghi chú \(n) ~~gạch~~ www.example.com/\(n).

        ## Mục \(n) – Đà Nẵng
        """
    }

    func makeSite(pages: Int) throws -> TestSite {
        let site = try TestSite()
        for n in 0..<pages {
            try site.write(
                "Content/vi/tin-tuc/bai-\(n).md",
                "---\ntitle: Bài \(n) ~~thử~~\ndate: 2025-07-\(String(format: "%02d", n % 28 + 1))\ntags: [Thẻ \(n % 7)]\n---\n\n\(Self.body(n))\n"
            )
            if n % 2 == 0 {
                try site.write(
                    "Content/en/news/post-\(n).md",
                    "---\ntitle: Post \(n)\ntranslationKey: p\(n)\ndate: 2025-06-01\n---\n\n\(Self.body(n))\n")
            }
        }
        return site
    }

    @Test func parallelBuildEqualsSerialBuild() throws {
        let site = try makeSite(pages: 600)
        let serial = site.root.appendingPathComponent("serial").path
        let parallel = site.root.appendingPathComponent("parallel").path
        try site.build(jobs: 1, output: serial)
        try site.build(jobs: 4, output: parallel)
        let a = TestSite.snapshot(serial), b = TestSite.snapshot(parallel)
        #expect(a.count > 900)
        #expect(a.keys.sorted() == b.keys.sorted())
        let different = a.keys.filter { a[$0] != b[$0] }.sorted()
        #expect(different.isEmpty, "differ: \(different.prefix(5))")
        // The content really went through cmark's extensions.
        let page = try site.read("tin-tuc/bai-7/index.html", in: serial)
        #expect(page.contains("<del>Cũ 7</del>"))
        #expect(page.contains("<a href=\"https://asean.org/p/7?a=1&amp;b=2\">"))
        #expect(page.contains("<h2 id=\"muc-7-da-nang-1\">"))
    }

    @Test func repeatedBuildsAreByteIdentical() throws {
        let site = try makeSite(pages: 60)
        let first = site.root.appendingPathComponent("first").path
        let second = site.root.appendingPathComponent("second").path
        try site.build(jobs: 3, output: first)
        try site.build(jobs: 3, output: second)
        #expect(TestSite.snapshot(first) == TestSite.snapshot(second))
    }
}
