import Foundation
import Mustache
import Testing

@testable import PortalKit

/// The engine renders every template of `Themes/default` byte for byte as swift-mustache does
/// (as `Theme.load` sets it up: portal's pragma and `PortalHTML` for layouts and partials, the
/// library's own escaping for the banner), on the contexts of a real site's pages and on
/// variants of them made to reach every branch: strings full of `& < > " '`, every list empty,
/// every Boolean flipped, keys missing.
@Suite struct TemplateParityTests {
    static let theme = TestSite.repository.appendingPathComponent("Themes/default")

    /// The theme's layouts and partials, by name, as text.
    static func themeTexts() throws -> [String: String] {
        var texts: [String: String] = [:]
        for folder in ["layouts", "partials"] {
            let directory = theme.appendingPathComponent(folder)
            for file in try FileManager.default.contentsOfDirectory(atPath: directory.path)
            where file.hasSuffix(".mustache") {
                texts[String(file.dropLast(".mustache".count))] = try String(
                    contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
            }
        }
        return texts
    }

    /// Both engines' libraries over the same texts.
    struct Libraries {
        var mustache: MustacheLibrary
        var engine: TemplateLibrary

        init(_ texts: [String: String]) throws {
            mustache = MustacheLibrary(
                templates: try texts.mapValues {
                    try MustacheTemplate(string: PortalHTMLForMustache.pragma + "\n" + $0)
                })
            engine = TemplateLibrary(templates: try texts.mapValues { try Template($0) })
        }

        /// The two renders of `layout` over `context`.
        func render(_ context: TemplateValue, layout: String) -> (mustache: String, engine: String) {
            guard case .object = context, let fields = context.any as? [String: Any] else { return ("", "?") }
            return (mustache.render(page: fields, layout: layout), engine.render(context, template: layout) ?? "")
        }
    }

    /// The page contexts of the `catalog` fixture site and of the `progress` one with the
    /// repository's plan and agencies: every layout of the theme among them.
    static func siteContexts() throws -> [(layout: String, path: String, context: TemplateValue)] {
        let progress = try ProgressTests().sampleSite()
        var pages: [(layout: String, path: String, context: TemplateValue)] = []
        for (test, now) in [(try TestSite(fixture: "catalog"), "2026-07-20T12:00"), (progress, "2026-12-04T12:00")] {
            let (site, theme) = try PageContextTests.site(test, now: VietnamTime.parse(now)!)
            let context = PageContext(site: site, theme: theme, menus: [:])
            for job in RenderJob.all(site) {
                let (layout, values) = context.render(job)
                pages.append((layout, job.outputPath(site), TemplateValue(contextValue: values)))
            }
        }
        // No fixture has a campaign page with a banner kit: one written here, over a page's
        // context, with the fields `BannerKit` gives.
        if let page = pages.first(where: { $0.layout == "page" }), case .object(var fields) = page.context {
            let size = { (width: Int, height: Int) in
                object([
                    "size": .text("\(width)x\(height)"), "width": .number(width), "height": .number(height),
                    "png": .text("/kit/\(width)x\(height).png"), "svg": .text("/kit/\(width)x\(height).svg"),
                    "alt": .text("Ngày ASEAN \"2026\" & <Đà Nẵng>"),
                    "snippet": .text("<a href=\"https://example.vn/\"><img src=\"/kit/a.png\" alt=\"x &#39; y\"></a>"),
                ])
            }
            fields["kit"] = object([
                "year": .number(2026), "title": .text("Tuần lễ ASEAN's"), "zip": .text("/kit/asean-2026.zip"),
                "zipName": .text("asean-2026.zip"), "sizes": .list([size(1200, 300), size(300, 250)]),
            ])
            pages.append(("campaign", page.path + " (campaign)", .object(fields)))
        }
        return pages
    }

    @Test func everyLayoutOfTheThemeRendersAsSwiftMustacheOnEveryVariant() throws {
        let libraries = try Libraries(try Self.themeTexts())
        let pages = try Self.siteContexts()
        #expect(pages.count > 20)
        var layouts = Set<String>()
        let variants: [(String, (TemplateValue) -> TemplateValue)] = [
            ("as built", { $0 }),
            ("awkward strings", { $0.mapTexts { "\($0) & <b> \"q\" 'a' Đà Nẵng" } }),
            ("empty strings", { $0.mapTexts { _ in "" } }),
            ("lists emptied", { $0.emptyingLists() }),
            ("Booleans flipped", { $0.flippingBooleans() }),
            ("keys missing", { $0.droppingKeys(keepOdd: true) }),
            ("other keys missing", { $0.droppingKeys(keepOdd: false) }),
            ("keys null", { $0.nullingKeys() }),
        ]
        var compared = 0
        for page in pages {
            layouts.insert(page.layout)
            for (variant, change) in variants {
                let (mustache, engine) = libraries.render(change(page.context), layout: page.layout)
                #expect(engine == mustache, "\(page.path), \(variant): \(Self.firstDifference(engine, mustache))")
                if variant == "as built" {
                    #expect(engine.contains("</html>"), "\(page.path)")
                    if page.layout == "campaign" { #expect(engine.contains("<section class=\"banner-size\"")) }
                }
                compared += 1
            }
        }
        // Every layout of the theme is among them (`baseof` is the others' parent).
        let all = try FileManager.default.contentsOfDirectory(
            atPath: Self.theme.appendingPathComponent("layouts").path)
        #expect(layouts.count == all.count - 1, "\(layouts.sorted())")
        #expect(compared == pages.count * variants.count)
    }

    /// The banner template, parsed without portal's pragma, escapes as swift-mustache's
    /// `HTMLContentType` does; the engine's `.htmlLegacy` matches it.
    @Test func bannerRendersAsSwiftMustache() throws {
        let text = try String(
            contentsOf: Self.theme.appendingPathComponent("banner/banner.svg.mustache"), encoding: .utf8)
        let mustache = try MustacheTemplate(string: text)
        let engine = try Template(text, escaping: .htmlLegacy)
        let line = { (id: String, text: String) in
            object(["id": .text(id), "text": .text(text), "x": .text("12.5"), "y": .text("40")])
        }
        let badge = object([
            "x": .number(10), "y": .number(10), "width": .number(80), "height": .number(80), "centerX": .text("50"),
            "numberY": .text("55.2"), "numberSize": .text("33"), "labelY": .text("70"), "labelSize": .text("11"),
        ])
        let contexts: [TemplateValue] = [
            object([
                "width": .number(1200), "height": .number(300), "language": .text("vi"),
                "title": .text("Đà Nẵng & \"ASEAN\" <2026> l'été '\u{301}"), "number": .text("12"),
                "font": .text("Noto Sans"), "titleSize": .text("48"), "subtitleSize": .text("24"), "badge": badge,
                "titleLines": .list([line("title-0", "Đà Nẵng &"), line("title-1", "<ASEAN> 'x'")]),
                "subtitleLines": .list([line("subtitle-0", "\"quoted\"")]),
            ]),
            object([
                "width": .number(600), "height": .number(150), "language": .text("en"), "title": .text(""),
                "number": .number(3), "badge": badge, "titleLines": .list([]), "subtitleLines": .list([]),
            ]),
        ]
        for context in contexts {
            #expect(engine.render(context) == mustache.render(context.any))
        }
    }

    /// Our spec cases render the same with swift-mustache, the quirks above all (one case
    /// differs on purpose, listed).
    @Test func specCasesAgreeWithSwiftMustache() throws {
        let cases =
            TemplateSpecTests.interpolation + TemplateSpecTests.names + TemplateSpecTests.sections
            + TemplateSpecTests.inverted + TemplateSpecTests.comments + TemplateSpecTests.delimiters
            + TemplateSpecTests.standalone + TemplatePartialTests.partials + TemplatePartialTests.inheritance
            + TemplatePartialTests.transforms
        #expect(cases.filter(\.quirk).count >= 15)
        // Lists and objects print Swift's debug text in swift-mustache.
        let differing: Set<String> = ["lists and objects print nothing"]
        for c in cases where !differing.contains(c.name) {
            let library = MustacheLibrary(templates: try c.partials.mapValues { try MustacheTemplate(string: $0) })
            let mustache = try MustacheTemplate(string: c.template).render(c.context.any, library: library)
            #expect(mustache == (try c.render()), "\(c.name)")
        }
    }

    static func firstDifference(_ a: String, _ b: String) -> String {
        let a = Array(a.utf8)
        let b = Array(b.utf8)
        let index = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
        let around = { (bytes: [UInt8]) in
            String(decoding: bytes[max(0, index - 80)..<min(bytes.count, index + 80)], as: UTF8.self)
        }
        return "at byte \(index):\nengine:   \(around(a))\nmustache: \(around(b))"
    }
}
