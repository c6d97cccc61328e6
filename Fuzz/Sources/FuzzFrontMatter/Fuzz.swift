import Foundation
import FuzzSupport

@testable import PortalKit

/// Front matter: any bytes, read as the loader reads a file (`TextInput.decode`), then split
/// and checked by `FrontMatterParser.parse`, then made a page (its URL from the file name
/// and `slug`) and its dates and aliases used as a build uses them. Which file the bytes are
/// depends on the input's length (a post, a section's `_index.md`, an English page).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let text = Fuzz.decode(data, size) else { return 0 }
    let paths = ["vi/tin-tuc/2025-07-28-bai-viet.md", "vi/tin-tuc/_index.md", "en/news/post.md"]
    let source = Fuzz.source(paths[size % paths.count], text)
    let warnings = WarningLog()
    let parsed: ParsedSource
    do {
        parsed = try FrontMatterParser.parse(source, warnings: warnings)
    } catch {
        Fuzz.checkLocation(error.location, file: source.displayPath, in: text, "error \(error.message)")
        return 0
    }
    for warning in warnings.all {
        Fuzz.checkLocation(warning.location, file: source.displayPath, in: text, "warning \(warning.message)")
    }
    let matter = parsed.frontMatter
    Fuzz.check(!matter.title.isEmpty, "a page without a title was accepted")
    Fuzz.check(
        matter.title == matter.title.trimmingCharacters(in: .whitespacesAndNewlines), "the title is not trimmed")
    for (key, location) in matter.locations {
        Fuzz.checkLocation(location, file: source.displayPath, in: text, "the location of `\(key)`")
    }
    // The body starts on the line the parser says (what Markdown errors are counted from).
    if !parsed.body.isEmpty {
        let before = text.utf8.count - parsed.body.utf8.count
        let line = Fuzz.lineCount(String(decoding: text.utf8.prefix(before), as: UTF8.self))
        Fuzz.check(
            before >= 0 && line == parsed.bodyFirstLine,
            "the body starts on line \(line), the parser says \(parsed.bodyFirstLine)")
        Fuzz.check(text.hasSuffix(parsed.body), "the body is not the end of the file")
    }
    if let slug = matter.slug { Fuzz.check(!Slug.make(slug).isEmpty, "an unsluggable slug was accepted") }
    // Dates as the build uses them.
    for date in [matter.date, matter.publishDate, matter.expiryDate].compactMap({ $0 }) {
        let parts = VietnamTime.parts(date)
        Fuzz.check((1...12).contains(parts.month) && (1...31).contains(parts.day), "a date's parts: \(parts)")
    }
    _ = Publication(now: Fuzz.now).exclusion(matter)
    _ = parsed.translationGroup
    // The page's place in the site.
    if let page = try? SiteGraph.page(for: parsed, settings: Fuzz.settings) {
        Fuzz.check(page.url.isEmpty || page.url.hasSuffix("/"), "page URL \(page.url.debugDescription)")
        let segments = page.url.split(separator: "/", omittingEmptySubsequences: false).dropLast()
        Fuzz.check(
            segments.allSatisfy { Fuzz.isSlug(String($0)) }, "page URL \(page.url.debugDescription) is not slugs")
    }
    // Every alias the parser accepted is a usable output path.
    for alias in matter.aliases {
        for prefix in ["", "en/"] {
            if let path = try? URLPath.aliasOutputPath(alias, languagePrefix: prefix) {
                Fuzz.checkOutputPath(path, from: alias)
            }
        }
    }
    return 0
}

@main enum Main {
    static func main() { Fuzz.main() }
}
