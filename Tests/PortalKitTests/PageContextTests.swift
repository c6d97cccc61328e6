import Foundation
import Testing

@testable import PortalKit

/// The page contexts as templates receive them.
@Suite struct PageContextTests {
    /// The site, as `SiteBuild` puts it together before rendering.
    static func site(_ test: TestSite, now: Date) throws -> (Site, Theme) {
        let warnings = WarningLog()
        let settings = try SiteSettings.load(contentDirectory: test.content)
        let catalog = try Catalog.load(contentDirectory: test.content, languages: settings.languages.map(\.code))
        let loaded = try ContentLoader(contentDirectory: test.content, settings: settings).load(
            jobs: 1, warnings: warnings)
        let parsed = try SiteBuild.parseAll(loaded.sources, jobs: 1, warnings: warnings)
        let graph = try SiteGraph(settings: settings, sources: parsed, publication: Publication(now: now))
        let theme = try Theme.load(
            directory: test.root.appendingPathComponent("Themes/default").path, settings: settings,
            contentDirectory: test.content, warnings: warnings)
        let bodies = try MarkdownStage(graph: graph, media: loaded.media, jobs: 1).run(warnings: warnings).bodies
        var site = Site(
            graph: graph, catalog: catalog, taxonomies: Taxonomies(graph: graph, catalog: catalog), bodies: bodies,
            now: now)
        site.banner = try BannerOnSite.make(settings: settings, graph: graph, theme: theme, now: now)
        return (site, theme)
    }

    /// The keys made once per language (and digested once for the render cache) must hold the
    /// same value on every page: a page that set one of them again would render from a context
    /// the cache does not see.
    @Test(arguments: ["2026-11-29T12:00", "2026-07-20T12:00"])
    func languageConstantsAreTheSameOnEveryPage(now: String) throws {
        let test = try TestSite(fixture: "catalog")
        let (site, theme) = try Self.site(test, now: VietnamTime.parse(now)!)
        let context = PageContext(site: site, theme: theme, menus: [:])
        func digest(_ value: Any?) -> String {
            var digest = ContextDigest()
            digest.add(value ?? "absent")
            return digest.finish()
        }
        let jobs = RenderJob.all(site)
        #expect(Set(jobs.map(\.layout)).isSuperset(of: ["page", "term", "taxonomy", "plan", "task", "search", "404"]))
        for job in jobs {
            let (_, values) = context.render(job)
            let constants = try #require(context.constants[job.language(site)])
            for key in PageContext.constantKeys {
                #expect(
                    digest(values[key]) == digest(constants.fields[key]),
                    "`\(key)` differs on \(job.outputPath(site))")
            }
        }
        #expect(context.constants.values.allSatisfy { $0.fields["i18n"] != nil && $0.fields["asset"] != nil })
    }
}
