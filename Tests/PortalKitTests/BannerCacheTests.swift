import Foundation
import Testing

@testable import PortalKit

/// The July kit drawn by the last build is reused while nothing it depends on changes, and
/// drawn again as soon as anything does: a rebuild publishes what a clean build would.
@Suite struct BannerCacheTests {
    /// The kit's files (`banner/…`) of a built output.
    static func kit(_ output: String) -> [String: Data] {
        TestSite.snapshot(output).filter { $0.key.hasPrefix("banner/") }
    }

    /// Builds `site` into its output (reusing the cache), then the same content into a new
    /// folder with no cache beside it, and expects the same kit and pages in both.
    func expectLikeACleanBuild(_ site: TestSite, _ label: Comment) throws {
        try site.build()
        let clean = site.root.appendingPathComponent("clean-\(UUID().uuidString)/Output").path
        try site.build(output: clean)
        #expect(!Self.kit(site.output).isEmpty)
        #expect(Self.differing(site.output, clean).isEmpty, label)
    }

    /// The paths whose bytes differ between two outputs, or that only one has.
    static func differing(_ a: String, _ b: String) -> [String] {
        let (one, other) = (TestSite.snapshot(a), TestSite.snapshot(b))
        return Set(one.keys).union(other.keys).filter { one[$0] != other[$0] }.sorted()
    }

    @Test func aChangedTitleTemplateOrCampaignPageIsDrawnAgain() throws {
        let site = try BannerTests().site()
        let summer = VietnamTime.parse("2026-07-10T12:00")!
        try site.build(now: summer)
        let first = Self.kit(site.output)
        #expect(FileManager.default.fileExists(atPath: BannerCache.path(output: site.output)))

        // The title, as an editor changes it in site.yml.
        var yaml = try String(contentsOfFile: "\(site.content)/site.yml", encoding: .utf8)
        yaml = yaml.replacingOccurrences(of: "Da Nang City", with: "City of Da Nang")
        try site.write("Content/site.yml", yaml)
        try expectLikeACleanBuild(site, "subtitle changed")
        let zip = "banner/2026/asean-banner-2026.zip"
        #expect(Self.kit(site.output)[zip] != first[zip])
        let svg = "banner/2026/asean-2026-en-970x250.svg"
        #expect(String(decoding: try #require(Self.kit(site.output)[svg]), as: UTF8.self).contains("City of Da Nang"))

        // The theme's template: a colour of the background.
        let template = "\(site.root.path)/Themes/default/banner/banner.svg.mustache"
        let text = try String(contentsOfFile: template, encoding: .utf8)
        let recoloured = text.replacingOccurrences(of: "#22559E", with: "#22559F")
        #expect(recoloured != text, "the template draws the ASEAN blue background")
        try recoloured.write(toFile: template, atomically: true, encoding: .utf8)
        try expectLikeACleanBuild(site, "template changed")
        #expect(String(decoding: try #require(Self.kit(site.output)[svg]), as: UTF8.self).contains("#22559F"))

        // The campaign page the snippets link to.
        yaml = yaml.replacingOccurrences(of: "en: anniversary.md", with: "en: joining.md")
        try site.write("Content/site.yml", yaml)
        try site.write(
            "Content/en/joining.md", "---\ntitle: Joining ASEAN\ntranslationKey: campaign2\n---\n\nAbout.\n")
        try expectLikeACleanBuild(site, "campaign page changed")
        let snippets = String(
            decoding: try #require(Self.kit(site.output)["banner/2026/snippets-en.txt"]), as: UTF8.self)
        #expect(snippets.contains("/en/joining/"))

        // Another year's kit.
        try site.build(now: VietnamTime.parse("2027-07-10T12:00")!)
        let clean = site.root.appendingPathComponent("clean-2027/Output").path
        try site.build(now: VietnamTime.parse("2027-07-10T12:00")!, output: clean)
        #expect(Self.differing(site.output, clean).isEmpty)
        #expect(Self.kit(site.output).keys.contains("banner/2027/asean-banner-2027.zip"))
    }

    /// What makes a rebuild cheap: the artworks and zip of the cache are published as they are,
    /// not drawn again. Shown with a cache whose bytes were replaced under the right key.
    @Test func anUnchangedKitIsTakenFromTheCache() throws {
        let site = try BannerTests().site()
        try site.build()
        var cache = BannerCache.load(output: site.output)
        #expect(!cache.key.isEmpty)
        #expect(cache.drawn.count == 10, "5 sizes × 2 languages")
        cache.drawn[0].svg = "<svg id=\"from-the-cache\"/>"
        cache.save(output: site.output)
        try site.build()
        // The first artwork drawn: the first language's first size.
        let svg = try #require(Self.kit(site.output)["banner/2026/asean-2026-vi-970x250.svg"])
        #expect(String(decoding: svg, as: UTF8.self) == "<svg id=\"from-the-cache\"/>")
        // A cache of another portal or format is not read.
        try Data("not a cache".utf8).write(to: URL(fileURLWithPath: BannerCache.path(output: site.output)))
        try expectLikeACleanBuild(site, "unreadable cache")
    }

    /// The key follows the fonts: fontconfig rewrites its cache files when fonts change.
    @Test func theFontsAreInTheKey() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("fonts-\(UUID().uuidString)")
        let folder = home.appendingPathComponent("fontconfig")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let before = BannerCache.fontStamp(environment: ["XDG_CACHE_HOME": home.path])
        try Data("a font's cache".utf8).write(to: folder.appendingPathComponent("abc-le64.cache-8"))
        let after = BannerCache.fontStamp(environment: ["XDG_CACHE_HOME": home.path])
        #expect(before != after)
        #expect(after.contains("abc-le64.cache-8"))
    }
}
