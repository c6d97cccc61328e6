import Foundation

/// The search index of each language as the last build wrote it, so a rebuild that changes no
/// page of a language does not index its thousands of pages again.
///
/// A language's index follows from its pages' titles, URLs, dates, weights, summaries, bodies
/// and headings, the plan's tasks, and the base URL: a digest of exactly those (with portal's
/// own identity) is kept with the paths and sizes of the files the index was written to. When
/// the digest is the same and every file is still there with its size, the files are kept.
struct SearchCache: Sendable {
    struct Entry: Sendable {
        var digest: String
        var files: [(path: String, size: Int)]
    }

    /// Language code → entry.
    var languages: [String: Entry] = [:]

    /// 2: shards named by digest, pairs of adjacent terms instead of positions. 3: a term
    /// counts at most `SearchIndex.occurrencesCounted` times a field.
    static let version = "3"

    /// What the language's index is made from.
    static func digest(_ site: Site, language: String) -> String {
        var digest = FieldDigest()
        digest.add(site.base.string)
        digest.add(site.language(language).pathPrefix)
        for (index, page) in site.graph.pages.enumerated() where page.language == language {
            digest.add(page.contentPath)
            digest.add(page.kind.rawValue)
            digest.add(page.url)
            digest.add(page.title)
            digest.add(page.frontMatter.summary ?? "\u{0}")
            digest.add(page.date.map { "\($0.timeIntervalSince1970)" } ?? "-")
            digest.add("\(page.weight)")
            digest.add(site.bodyDigest(index))
            for heading in site.bodies[index]?.headings ?? [] { digest.add(heading.text) }
            digest.add("\u{0}")
        }
        for plan in site.catalog.plans {
            for task in plan.tasks {
                digest.add(task.id)
                digest.add(task.title(language))
                digest.add(task.summary(language))
                digest.add(site.taskPath(plan: plan.id, task.id, language))
            }
        }
        return digest.finish()
    }

    /// The files still in `output` for this digest, or nil when the index must be built.
    func files(language: String, digest: String, output: String) -> [String]? {
        guard let entry = languages[language], entry.digest == digest else { return nil }
        for file in entry.files where FileIO.size("\(output)/\(file.path)") != file.size { return nil }
        return entry.files.map(\.path)
    }

    static func load(output: String) -> SearchCache {
        guard var reader = CacheFile.reader(RenderCache.path(for: output, kind: "search"), version: version),
            let count = reader.int()
        else { return SearchCache() }
        var cache = SearchCache()
        for _ in 0..<count {
            guard let language = reader.string(), let digest = reader.string(), let fileCount = reader.int() else {
                return SearchCache()
            }
            var files: [(path: String, size: Int)] = []
            for _ in 0..<fileCount {
                guard let path = reader.string(), let size = reader.int() else { return SearchCache() }
                files.append((path, size))
            }
            cache.languages[language] = Entry(digest: digest, files: files)
        }
        return cache
    }

    func save(output: String) {
        let path = RenderCache.path(for: output, kind: "search")
        var writer = CacheFile.writer(version: Self.version)
        writer.int(languages.count)
        for (language, entry) in languages.sorted(by: { $0.key < $1.key }) {
            writer.string(language)
            writer.string(entry.digest)
            writer.int(entry.files.count)
            for file in entry.files {
                writer.string(file.path)
                writer.int(file.size)
            }
        }
        CacheFile.replace(path, with: writer.bytes)
    }
}
