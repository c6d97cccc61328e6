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
        site.banner = try BannerOnSite.make(settings: settings, graph: graph, theme: theme, now: now).banner
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
        /// Objects below the root that have a constant key: the stack would find theirs first.
        func nestedOwners(_ value: Any, _ path: String) -> [String] {
            switch value {
            case let object as [String: Any]:
                let own = object.keys.filter(PageContext.constantKeys.contains).map { "\(path).\($0)" }
                return own + object.flatMap { nestedOwners($0.value, "\(path).\($0.key)") }
            case let array as [Any]: return array.flatMap { nestedOwners($0, path + "[]") }
            default: return []
            }
        }
        let jobs = RenderJob.all(site)
        #expect(Set(jobs.map(\.layout)).isSuperset(of: ["page", "term", "taxonomy", "plan", "task", "search", "404"]))
        for job in jobs {
            let (_, values) = context.render(job)
            let constants = try #require(context.constants[job.language(site)])
            // The constants' own keys are theirs to have (the UI strings have a `search`).
            let nested = values.filter { !PageContext.constantKeys.contains($0.key) }.flatMap {
                nestedOwners($0.value, $0.key)
            }
            #expect(nested.isEmpty, "\(job.outputPath(site)): \(nested)")
            for key in PageContext.constantKeys {
                #expect(
                    digest(values[key]) == digest(constants.fields[key]),
                    "`\(key)` differs on \(job.outputPath(site))")
            }
        }
        #expect(context.constants.values.allSatisfy { $0.fields["i18n"] != nil && $0.fields["asset"] != nil })
    }
}

@Suite struct TemplateSpecialisationTests {
    let values = TemplateSpecialisation.values([
        "i18n": ["readMore": "Đọc tiếp", "quote": "Tom & \"Jerry\"", "braces": "{{x}}", "lines": "a\nb"],
        "site": ["title": "Cổng <ASEAN>"], "asset": ["style_css": ["url": "/assets/s.css"]], "page": ["title": "x"],
        "pillars": [["name": "not a path"]],
    ])

    @Test func writesInTheTextATagWouldRender() {
        let text = "<a>{{i18n.readMore}}</a> {{ site.title }} {{{site.title}}} {{& i18n.quote}} {{i18n.quote}}"
        #expect(
            TemplateSpecialisation.specialise(text, values: values)
                == "<a>Đọc tiếp</a> Cổng &lt;ASEAN&gt; Cổng <ASEAN> Tom & \"Jerry\" Tom &amp; &quot;Jerry&quot;")
        #expect(TemplateSpecialisation.specialise("{{asset.style_css.url}}", values: values) == "/assets/s.css")
        #expect(
            TemplateSpecialisation.specialise(
                "{{#page}}{{i18n.readMore}}{{/page}}{{#i18n}}{{/i18n}}{{site.title}}", values: values)
                == "{{#page}}Đọc tiếp{{/page}}{{#i18n}}{{/i18n}}Cổng &lt;ASEAN&gt;")
    }

    @Test func leavesEverythingElse() {
        for text in [
            "{{page.title}}", "{{#i18n.readMore}}x{{/i18n.readMore}}", "{{^site.title}}-{{/site.title}}",
            "{{i18n.missing}}", "{{i18n.braces}}", "{{i18n.lines}}", "{{>i18n.readMore}}", "{{! i18n.readMore }}",
            "{{=<% %>=}}<% i18n.readMore %>{{i18n.readMore}}", "a {{i18n", "{{{i18n.readMore}}",
            "{{#i18n}}{{site.title}}{{/i18n}}", "{{#site}}{{^page}}{{i18n.readMore}}{{/page}}{{/site}}",
        ] {
            #expect(TemplateSpecialisation.specialise(text, values: values) == text, "\(text)")
        }
    }
}
