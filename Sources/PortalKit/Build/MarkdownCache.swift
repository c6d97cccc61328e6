import Crypto
import Foundation

/// Markdown rendered by the last build, so a rebuild parses only the bodies that changed.
///
/// A body's HTML follows from its text, its first line, the raw-HTML setting and what each of
/// its links was rewritten to. The cache keeps, per body digest, the HTML, the headings and
/// every link as cmark found it with its rewritten URL. On a later build each cached link goes
/// through the link resolver again (cheap: no parsing), which also gives this build's warnings
/// and errors for it; the HTML is reused only when every link comes out the same, so a moved
/// or renamed target renders the body again.
struct MarkdownCache: Sendable {
    struct Entry: Sendable {
        var links: [(link: MarkdownLink, rewritten: String)]
        var rendered: RenderedMarkdown
    }

    /// Body digest → entry.
    var entries: [String: Entry] = [:]

    static let version = "1"

    static func key(_ body: String, firstLine: Int, allowRawHTML: Bool) -> String {
        var hash = SHA256()
        hash.update(data: Array("\(firstLine)|\(allowRawHTML)|".utf8))
        hash.update(data: Array(body.utf8))
        return ContextDigest.hex(hash.finalize())
    }

    static func identity() -> String { "\(version)|\(RenderCache.executable)" }

    static func load(output: String) -> MarkdownCache {
        guard let data = FileIO.read(RenderCache.path(for: output, kind: "markdown")) else { return MarkdownCache() }
        var reader = ByteReader(bytes: [UInt8](data))
        guard reader.string() == identity(), let count = reader.int() else { return MarkdownCache() }
        var cache = MarkdownCache()
        cache.entries.reserveCapacity(count)
        for _ in 0..<count {
            guard let key = reader.string(), let linkCount = reader.int() else { return MarkdownCache() }
            var links: [(link: MarkdownLink, rewritten: String)] = []
            for _ in 0..<linkCount {
                guard let destination = reader.string(), let flags = reader.int(), let line = reader.int(),
                    let column = reader.int(), let alt = reader.string(), let rewritten = reader.string()
                else { return MarkdownCache() }
                links.append(
                    (
                        MarkdownLink(
                            destination: destination, isImage: flags == 1, line: line, column: column, altText: alt),
                        rewritten
                    ))
            }
            guard let html = reader.string(), let headingCount = reader.int() else { return MarkdownCache() }
            var headings: [MarkdownHeading] = []
            for _ in 0..<headingCount {
                guard let level = reader.int(), let id = reader.string(), let text = reader.string() else {
                    return MarkdownCache()
                }
                headings.append(MarkdownHeading(level: level, id: id, text: text))
            }
            cache.entries[key] = Entry(links: links, rendered: RenderedMarkdown(html: html, headings: headings))
        }
        return cache
    }

    func save(output: String) {
        let path = RenderCache.path(for: output, kind: "markdown")
        var writer = ByteWriter()
        writer.string(Self.identity())
        writer.int(entries.count)
        for (key, entry) in entries.sorted(by: { $0.key < $1.key }) {
            writer.string(key)
            writer.int(entry.links.count)
            for (link, rewritten) in entry.links {
                writer.string(link.destination)
                writer.int(link.isImage ? 1 : 0)
                writer.int(link.line)
                writer.int(link.column)
                writer.string(link.altText)
                writer.string(rewritten)
            }
            writer.string(entry.rendered.html)
            writer.int(entry.rendered.headings.count)
            for heading in entry.rendered.headings {
                writer.int(heading.level)
                writer.string(heading.id)
                writer.string(heading.text)
            }
        }
        CacheFile.replace(path, with: writer.bytes)
    }
}
