import Foundation
import Mustache
import Testing

@testable import PortalKit

/// Contexts are handed to swift-mustache wrapped (`MustacheValues`) because it reads them
/// faster so; a theme must see no difference.
@Suite struct MustacheValuesTests {
    /// Every page of a site renders the same bytes from the wrapped context as from the plain one.
    @Test func everyPageOfASiteRendersAsFromPlainValues() throws {
        let test = try TestSite(fixture: "catalog")
        let (site, theme) = try PageContextTests.site(test, now: VietnamTime.parse("2026-07-20T12:00")!)
        let context = PageContext(site: site, theme: theme, menus: [:])
        let jobs = RenderJob.all(site)
        #expect(jobs.count > 20)
        for job in jobs {
            let (layout, values) = context.render(job)
            let plain = theme.library.render(values, withTemplate: layout) ?? ""
            let wrapped = theme.library.render(page: values, layout: layout)
            #expect(plain.contains("</html>"), "\(job.outputPath(site))")
            #expect(wrapped == plain, "\(job.outputPath(site))")
        }
    }

    /// The corners of Mustache a theme might use, each against the output plain values give.
    @Test func sectionsTransformsAndLookupsBehaveAsPlainValues() throws {
        let template = """
            {{title}}|{{{title}}}|{{&title}}|{{lowercased(title)}}|{{uppercased(name)}}|\
            {{#empty}}[empty renders]{{/empty}}{{^empty}}[not inverted]{{/empty}}|\
            {{#title}}{{.}} in {{name}}{{/title}}|\
            {{#tags}}<{{.}}>{{/tags}}{{^tags}}none{{/tags}}|{{count(tags)}}|{{#first(tags)}}{{.}}{{/first(tags)}}|\
            {{#none}}x{{/none}}{{^none}}no items{{/none}}|\
            {{#items}}{{name}}@{{url}}{{#last()}}.{{/last()}}{{^last()}}, {{/last()}}{{/items}}|\
            {{#items}}{{#first()}}{{title}}{{/first()}}{{/items}}|\
            {{#page}}{{page.number}}/{{number}}/{{flag}}/{{missing}}{{/page}}|\
            {{count(page)}}|{{#page.flag}}yes{{/page.flag}}|{{plusone(page.number)}}|{{#nested}}{{#inner}}{{name}}{{/inner}}{{/nested}}
            """
        let values: [String: Any] = [
            "title": "Tom & \"Jerry\" <ASEAN>", "name": "Đà Nẵng", "empty": "",
            "tags": ["văn hoá", "y tế"], "none": [[String: Any]](),
            "items": [["name": "a", "url": "/a/"], ["name": "b", "url": "/b/"]] as [[String: Any]],
            "page": ["number": 7, "flag": true] as [String: Any],
            "nested": ["inner": [["name": "deep"]] as [Any]] as [String: Any],
        ]
        let library = MustacheLibrary(templates: [
            "t": try MustacheTemplate(string: PortalHTML.pragma + "\n" + template)
        ])
        let plain = library.render(values, withTemplate: "t") ?? ""
        let wrapped = library.render(page: values, layout: "t")
        #expect(wrapped == plain)
        #expect(
            wrapped == "Tom &amp; &quot;Jerry&quot; &lt;ASEAN&gt;|Tom & \"Jerry\" <ASEAN>|Tom & \"Jerry\" <ASEAN>|"
                + "tom &amp; &quot;jerry&quot; &lt;asean&gt;|ĐÀ NẴNG|[empty renders]|"
                + "Tom &amp; &quot;Jerry&quot; &lt;ASEAN&gt; in Đà Nẵng|<văn hoá><y tế>|2|văn hoá|no items|"
                + "a@/a/, b@/b/.|Tom &amp; &quot;Jerry&quot; &lt;ASEAN&gt;|7/7/true/|2|yes|8|deep")
    }
}
