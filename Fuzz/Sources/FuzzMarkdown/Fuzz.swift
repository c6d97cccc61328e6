import Foundation
import FuzzSupport

@testable import PortalKit

/// A small site to resolve links against: pages in both languages, a section, a draft and a
/// future post (links to them are errors), and media files.
let graph: SiteGraph = {
    let files = [
        ("vi/_index.md", "---\ntitle: Trang chủ\ntranslationKey: home\n---\n"),
        ("vi/gioi-thieu.md", "---\ntitle: Giới thiệu\n---\n## Năm đặc trưng\n"),
        ("vi/tin-tuc/_index.md", "---\ntitle: Tin tức\ntranslationKey: news\n---\n"),
        ("vi/tin-tuc/2025-07-28-bai.md", "---\ntitle: Bài viết\ndate: 2025-07-28\n---\n"),
        ("vi/tin-tuc/nhap.md", "---\ntitle: Bản nháp\ndraft: true\n---\n"),
        ("vi/tin-tuc/sau.md", "---\ntitle: Sau này\ndate: 2099-01-01\n---\n"),
        ("vi/tin-tuc/mua-he/index.md", "---\ntitle: Mùa hè\n---\n"),
        ("en/_index.md", "---\ntitle: Home\ntranslationKey: home\n---\n"),
        ("en/news/_index.md", "---\ntitle: News\ntranslationKey: news\n---\n"),
        ("en/news/post.md", "---\ntitle: A post\ndate: 2025-07-28\nslug: the-post\n---\n"),
    ]
    do {
        let sources = try files.map { path, text throws in
            try FrontMatterParser.parse(Fuzz.source(path, text), warnings: WarningLog())
        }
        return try SiteGraph(settings: Fuzz.settings, sources: sources, publication: Publication(now: Fuzz.now))
    } catch {
        fatalError("the fuzzers' own site does not build: \(error)")
    }
}()

let resolver = LinkResolver(graph: graph, mediaFiles: ["media/anh.jpg", "media/tài liệu.pdf", "media/a b/c.png"])
let pagesWithFiles = graph.pages.filter { $0.source != nil }

/// Markdown bodies: any bytes, read as the loader reads a file, rendered by
/// `MarkdownRenderer.render` with every link and image through the build's `LinkResolver`,
/// from one of the fake site's pages (chosen by the input's length, as is whether raw HTML is
/// allowed: one input in four). Links resolve to `""`, themselves or a path under the base
/// URL; every error and warning is on a line of the body (its column is not checked:
/// cmark-gfm gives a link whose text spans lines the line of its end and the column of its
/// start); heading ids are unique slugs; without raw HTML the HTML holds only the elements and
/// attributes cmark-gfm and portal write, with no script URL.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let markdown = Fuzz.decode(data, size) else { return 0 }
    let page = pagesWithFiles[size % pagesWithFiles.count]
    let allowRawHTML = (size / pagesWithFiles.count) % 4 == 0
    let firstLine = page.source!.bodyFirstLine
    // The file as its lines are counted: the front matter's lines, then the body.
    let file = String(repeating: "\n", count: firstLine - 1) + markdown
    var outcome = LinkResolver.Outcome()
    let base = graph.settings.baseURL.path
    let rendered = MarkdownRenderer.render(markdown, allowRawHTML: allowRawHTML, firstLine: firstLine) { link in
        let rewritten = resolver.resolve(link, from: page, into: &outcome)
        Fuzz.check(
            rewritten.isEmpty || rewritten == link.destination || rewritten.utf8.starts(with: base.utf8),
            "link \(link.destination.debugDescription) became \(rewritten.debugDescription)")
        return rewritten
    }
    for error in outcome.errors {
        Fuzz.checkLocation(
            error.location, file: page.displayPath, in: file, "error \(error.message)", firstLine: firstLine,
            checkColumn: false)
    }
    for warning in outcome.warnings {
        Fuzz.checkLocation(
            warning.location, file: page.displayPath, in: file, "warning \(warning.message)", firstLine: firstLine,
            checkColumn: false)
    }
    for fragment in outcome.fragments {
        Fuzz.check(
            graph.page(contentPath: fragment.targetContentPath) != nil,
            "fragment #\(fragment.fragment) of a page not in the site: \(fragment.targetContentPath)")
    }
    var ids: Set<String> = []
    for heading in rendered.headings {
        Fuzz.check(ids.insert(heading.id).inserted, "heading id \(heading.id) is given twice")
        Fuzz.check(Fuzz.isSlug(heading.id), "heading id \(heading.id.debugDescription) is not a slug")
        Fuzz.check((1...6).contains(heading.level), "heading level \(heading.level)")
    }
    if !allowRawHTML { HTMLCheck.check(rendered.html) }
    return 0
}

@main enum Main {
    static func main() { Fuzz.main() }
}
