import Foundation
import Testing

@testable import PortalKit

/// The July campaign: banner settings, artwork, kit, and the banner on pages.
@Suite struct BannerTests {
    static let settings = """

        banner:
          event: 1995-07-28
          title:
            vi: "Kỷ niệm {n} năm Ngày Việt Nam gia nhập ASEAN ({event} – {anniversary})"
            en: "{ordinal} anniversary of Viet Nam's accession to ASEAN ({event} – {anniversary})"
          subtitle:
            vi: "Thành phố Đà Nẵng"
            en: "Da Nang City"
          page:
            vi: ky-niem.md
            en: anniversary.md
          sizes: [970x250, 728x90, 300x250, 160x600, 320x50]
        """

    func site(title: String? = nil) throws -> TestSite {
        let site = try TestSite()
        var yaml = try String(contentsOfFile: "\(site.content)/site.yml", encoding: .utf8) + Self.settings
        if let title {
            yaml = yaml.replacingOccurrences(
                of: "{ordinal} anniversary of Viet Nam's accession to ASEAN ({event} – {anniversary})", with: title)
        }
        try site.write("Content/site.yml", yaml)
        try site.write(
            "Content/vi/ky-niem.md",
            "---\ntitle: Ngày Việt Nam gia nhập ASEAN\ntranslationKey: campaign\n---\n\nGiới thiệu.\n")
        try site.write(
            "Content/en/anniversary.md", "---\ntitle: Viet Nam joining ASEAN\ntranslationKey: campaign\n---\n\nAbout.\n"
        )
        return site
    }

    @Test(arguments: [
        (1, "1st"), (2, "2nd"), (3, "3rd"), (4, "4th"), (11, "11th"), (12, "12th"), (13, "13th"), (21, "21st"),
        (30, "30th"),
        (31, "31st"), (32, "32nd"), (33, "33rd"), (101, "101st"), (111, "111th"), (112, "112th"), (113, "113th"),
        (122, "122nd"),
    ])
    func ordinals(_ n: Int, _ expected: String) {
        #expect(BannerText.ordinal(n) == expected)
    }

    @Test func theNumberIsComputedFromTheYear() throws {
        let site = try site()
        let settings = try #require(try SiteSettings.load(contentDirectory: site.content).banner)
        #expect([2025, 2026, 2027].map { settings.number(year: $0) } == [30, 31, 32])
        #expect(
            BannerText.fill(settings.title("vi"), settings: settings, year: 2025, language: "vi")
                == "Kỷ niệm 30 năm Ngày Việt Nam gia nhập ASEAN (28/7/1995 – 28/7/2025)")
        #expect(
            BannerText.fill(settings.title("en"), settings: settings, year: 2025, language: "en")
                == "30th anniversary of Viet Nam's accession to ASEAN (28 July 1995 – 28 July 2025)")
    }

    @Test func theWindowAtItsEdgesInVietNamTime() throws {
        let site = try site()
        let settings = try #require(try SiteSettings.load(contentDirectory: site.content).banner)
        #expect(!settings.isActive(at: VietnamTime.parse("2026-06-30T23:59")!))
        #expect(settings.isActive(at: VietnamTime.parse("2026-07-01T00:00")!))
        #expect(settings.isActive(at: VietnamTime.parse("2026-07-31T23:59")!))
        #expect(!settings.isActive(at: VietnamTime.parse("2026-08-01T00:00")!))
        // 30 June 17:30 UTC is already 1 July in Viet Nam.
        #expect(settings.isActive(at: VietnamTime.parse("2026-06-30T17:30:00Z")!))
    }

    @Test(arguments: [
        (
            2025, "Kỷ niệm 30 năm Ngày Việt Nam gia nhập ASEAN (28/7/1995 – 28/7/2025)",
            "30th anniversary of Viet Nam&#39;s accession to ASEAN (28 July 1995 – 28 July 2025)"
        ),
        (
            2026, "Kỷ niệm 31 năm Ngày Việt Nam gia nhập ASEAN (28/7/1995 – 28/7/2026)",
            "31st anniversary of Viet Nam&#39;s accession to ASEAN (28 July 1995 – 28 July 2026)"
        ),
        (
            2027, "Kỷ niệm 32 năm Ngày Việt Nam gia nhập ASEAN (28/7/1995 – 28/7/2027)",
            "32nd anniversary of Viet Nam&#39;s accession to ASEAN (28 July 1995 – 28 July 2027)"
        ),
        (
            2033, "Kỷ niệm 38 năm Ngày Việt Nam gia nhập ASEAN (28/7/1995 – 28/7/2033)",
            "38th anniversary of Viet Nam&#39;s accession to ASEAN (28 July 1995 – 28 July 2033)"
        ),
    ])
    func kitForAYearHasEverySizeAndLanguage(year: Int, vi: String, en: String) throws {
        let site = try site()
        let output = site.root.appendingPathComponent("kit").path
        let files = try BannerExport(contentDirectory: site.content, year: year).write(to: output)
        #expect(files.count == 2 * 5 * 2 + 2 + 1)
        for (language, title) in [("vi", vi), ("en", en)] {
            for (width, height) in [(970, 250), (728, 90), (300, 250), (160, 600), (320, 50)] {
                let stem = "\(output)/asean-\(year)-\(language)-\(width)x\(height)"
                let png = try #require(FileManager.default.contents(atPath: stem + ".png"))
                let size = try #require(Self.pngSize(png), "\(stem).png is not a PNG")
                #expect(size == (width, height), "\(stem).png")
                let svg = try String(contentsOfFile: stem + ".svg", encoding: .utf8)
                #expect(svg.contains("<title>\(title)</title>"), "\(stem).svg")
                #expect(svg.contains("width=\"\(width)\" height=\"\(height)\""))
                #expect(svg.contains(">\(year - 1995)</text>"))
            }
        }
        #expect(FileManager.default.fileExists(atPath: "\(output)/asean-banner-\(year).zip"))
    }

    @Test func kitIsPublishedWithTheSiteAndItsSnippetsResolve() throws {
        let site = try site()
        try site.build(now: VietnamTime.parse("2026-06-15")!)
        let campaign = try site.read("ky-niem/index.html")
        let snippets = try site.read("banner/2026/snippets-vi.txt")
        let urls = snippets.matches(of: /(?:href|src)="([^"]+)"/).map { String($0.output.1) }
        #expect(urls.count == 10)
        for url in urls {
            #expect(url.hasPrefix("https://example.gov.vn/asean/"))
            let path = String(url.dropFirst("https://example.gov.vn/asean/".count))
            let file = path.hasSuffix("/") || path.isEmpty ? path + "index.html" : path
            #expect(FileManager.default.fileExists(atPath: "\(site.output)/\(file)"), "\(url)")
        }
        #expect(
            snippets.contains(
                "<a href=\"https://example.gov.vn/asean/ky-niem/\"><img src=\"https://example.gov.vn/asean/banner/2026/asean-2026-vi-728x90.png\" width=\"728\" height=\"90\" alt=\"Kỷ niệm 31 năm Ngày Việt Nam gia nhập ASEAN (28/7/1995 – 28/7/2026)\"></a>"
            ))
        // The campaign page hosts the kit: previews, downloads and the snippets.
        #expect(campaign.contains("/asean/banner/2026/asean-banner-2026.zip"))
        #expect(
            campaign.contains("<img src=\"/asean/banner/2026/asean-2026-vi-160x600.png\" width=\"160\" height=\"600\""))
        #expect(campaign.contains("&lt;a href=&quot;https://example.gov.vn/asean/ky-niem/&quot;&gt;"))
        // Outside July no page carries the banner itself.
        #expect(!(try site.read("index.html").contains("asean-2026-vi-970x250.png")))
    }

    @Test func anOverlongTitleFailsNamingSizeAndLanguage() throws {
        let site = try site(title: String(repeating: "Supercalifragilisticexpialidocious ", count: 12))
        let error = try #require(site.failure())
        #expect(
            error.contains(
                "error: the 300x250 banner in `en` cannot fit its title, even wrapped and at the smallest size"),
            "\(error)")
        #expect(error.contains("error: the 320x50 banner in `en` cannot fit its title"))
        #expect(!error.contains("banner in `vi` cannot fit"))
        #expect(error.contains("shorten `banner.title`"))
    }

    @Test func unknownPlaceholderAndMissingCampaignPage() throws {
        let site = try site(title: "{nth} anniversary")
        let error = try #require(site.failure())
        #expect(error.contains("`banner.title.en` uses `{nth}`, which is not a placeholder"))
        let other = try self.site()
        try other.remove("Content/en/anniversary.md")
        #expect(
            try #require(other.failure()).contains("the campaign page `anniversary.md` is not a published page of `en`")
        )
    }

    @Test func kitsAreReproducible() throws {
        let site = try site()
        let a = site.root.appendingPathComponent("a").path, b = site.root.appendingPathComponent("b").path
        _ = try BannerExport(contentDirectory: site.content, year: 2028).write(to: a)
        _ = try BannerExport(contentDirectory: site.content, year: 2028).write(to: b)
        #expect(TestSite.snapshot(a) == TestSite.snapshot(b))
    }

    /// Width and height from a PNG's IHDR chunk.
    static func pngSize(_ data: Data) -> (Int, Int)? {
        let bytes = [UInt8](data)
        guard bytes.count > 24, bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
            Array(bytes[12..<16]) == Array("IHDR".utf8)
        else { return nil }
        let be = { (i: Int) in bytes[i..<i + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (be(16), be(20))
    }
}
