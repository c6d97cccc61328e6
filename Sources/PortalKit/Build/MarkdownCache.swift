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
    /// Keys whose entry this build made rather than read from the cache.
    var made: Set<String> = []
    /// This build's key of each page of the graph, in order (nil for pages without a file);
    /// not saved.
    var pageKeys: [String?] = []
    /// In a resident process, each file's whole result (its key included), by disk path, with
    /// the page it was made from and the digest of what its links were resolved against
    /// (`MarkdownStage.linkContext`). A resident process keeps the page of a file that did not
    /// change (`BuildMemory.parsed`): the result is reused whole while the links' digest is the
    /// same, and its key otherwise, rather than 10,000 bodies digested on every build. Not saved.
    var results: [String: (page: ParsedSource, allowRawHTML: Bool, links: String, result: MarkdownStage.PageResult)] =
        [:]

    static let version = "2"

    static func key(_ body: String, firstLine: Int, allowRawHTML: Bool) -> String {
        FieldDigest.of(["\(firstLine)", "\(allowRawHTML)", body])
    }

    /// The cache is kept in `shardCount` files by the first digits of the key, so a rebuild
    /// that changes one body rewrites one file of a few megabytes, not the whole cache.
    static let shardCount = 32

    static func shard(of key: String) -> Int { Int(key.prefix(2), radix: 16).map { $0 % shardCount } ?? 0 }

    static func folder(output: String) -> String { RenderCache.path(for: output, kind: "markdown") }

    /// Every shard that reads whole and was written by this portal; a shard that does not is
    /// left out (its bodies are rendered again, and the shard written anew).
    static func load(output: String, jobs: Int) -> MarkdownCache {
        let folder = folder(output: output)
        let shards = ParallelMap.map(Array(0..<shardCount), jobs: jobs) { shard -> [String: Entry] in
            guard var reader = CacheFile.reader("\(folder)/\(shard)", version: version) else { return [:] }
            return readShard(&reader) ?? [:]
        }
        var cache = MarkdownCache()
        cache.entries.reserveCapacity(shards.reduce(0) { $0 + $1.count })
        for entries in shards { cache.entries.merge(entries) { $1 } }
        return cache
    }

    private static func readShard(_ reader: inout ByteReader) -> [String: Entry]? {
        guard let count = reader.int() else { return nil }
        var entries: [String: Entry] = [:]
        entries.reserveCapacity(count)
        for _ in 0..<count {
            guard let key = reader.string(), let linkCount = reader.int() else { return nil }
            var links: [(link: MarkdownLink, rewritten: String)] = []
            for _ in 0..<linkCount {
                guard let destination = reader.string(), let flags = reader.int(), let line = reader.int(),
                    let column = reader.int(), let alt = reader.string(), let rewritten = reader.string()
                else { return nil }
                links.append(
                    (
                        MarkdownLink(
                            destination: destination, isImage: flags == 1, line: line, column: column, altText: alt),
                        rewritten
                    ))
            }
            guard let html = reader.string(), let headingCount = reader.int() else { return nil }
            var headings: [MarkdownHeading] = []
            for _ in 0..<headingCount {
                guard let level = reader.int(), let id = reader.string(), let text = reader.string() else {
                    return nil
                }
                headings.append(MarkdownHeading(level: level, id: id, text: text))
            }
            entries[key] = Entry(links: links, rendered: RenderedMarkdown(html: html, headings: headings))
        }
        return entries
    }

    /// Writes the shards whose bodies differ from `previous` (what this build read): a key
    /// added or gone, or an entry this build made (`made`).
    func save(output: String, previous: MarkdownCache) {
        let folder = Self.folder(output: output)
        // An older portal kept the cache in one file where the folder goes.
        if FileIO.size(folder) != nil, !FileIO.isDirectory(folder) { unlink(folder) }
        var now = [[String]](repeating: [], count: Self.shardCount)
        var before = [[String]](repeating: [], count: Self.shardCount)
        for key in entries.keys { now[Self.shard(of: key)].append(key) }
        for key in previous.entries.keys { before[Self.shard(of: key)].append(key) }
        var dirty = Set(made.map(Self.shard(of:)))
        for shard in 0..<Self.shardCount where now[shard].sorted() != before[shard].sorted() { dirty.insert(shard) }
        for shard in dirty.sorted() {
            var writer = CacheFile.writer(version: Self.version)
            writer.int(now[shard].count)
            for key in now[shard].sorted() { write(key, entries[key]!, to: &writer) }
            CacheFile.replace("\(folder)/\(shard)", with: writer.bytes)
        }
    }

    private func write(_ key: String, _ entry: Entry, to writer: inout ByteWriter) {
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
}
