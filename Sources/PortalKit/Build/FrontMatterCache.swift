import Foundation

/// Front matter read by the last build, so a rebuild parses the YAML of changed files only.
/// Keyed by a digest of the file's name and YAML block; only blocks that read without a warning
/// are kept (a warning is given on every build, so those are read every time).
struct FrontMatterCache: Sendable {
    var entries: [String: FrontMatter] = [:]

    static let version = "2"

    static func key(file: String, yaml: String) -> String {
        FieldDigest.of([file, yaml])
    }

    static func load(output: String) -> FrontMatterCache {
        guard var reader = CacheFile.reader(RenderCache.path(for: output, kind: "frontmatter"), version: version),
            let count = reader.int()
        else { return FrontMatterCache() }
        var cache = FrontMatterCache()
        cache.entries.reserveCapacity(count)
        for _ in 0..<count {
            guard let key = reader.string(), let matter = reader.frontMatter() else { return FrontMatterCache() }
            cache.entries[key] = matter
        }
        return cache
    }

    func save(output: String) {
        var writer = CacheFile.writer(version: Self.version)
        writer.int(entries.count)
        for (key, matter) in entries.sorted(by: { $0.key < $1.key }) {
            writer.string(key)
            writer.frontMatter(matter)
        }
        CacheFile.replace(RenderCache.path(for: output, kind: "frontmatter"), with: writer.bytes)
    }
}

extension ByteWriter {
    mutating func optional(_ text: String?) {
        int(text == nil ? 0 : 1)
        if let text { string(text) }
    }

    mutating func date(_ date: Date?) {
        int(date == nil ? 0 : 1)
        if let date { int(Int(truncatingIfNeeded: date.timeIntervalSince1970.bitPattern)) }
    }

    mutating func frontMatter(_ m: FrontMatter) {
        string(m.title)
        date(m.date)
        optional(m.summary)
        optional(m.slug)
        optional(m.translationKey)
        strings(m.tags)
        optional(m.agency)
        optional(m.pillar)
        strings(m.tasks)
        optional(m.image)
        optional(m.imageAlt)
        int(m.draft ? 1 : 0)
        date(m.publishDate)
        date(m.expiryDate)
        strings(m.aliases)
        int(m.weight)
        optional(m.layout)
        optional(m.translatedFrom?.language)
        optional(m.translatedFrom?.digest)
        int(m.locations.count)
        for (key, location) in m.locations.sorted(by: { $0.key < $1.key }) {
            string(key)
            string(location.file)
            int(location.line ?? -1)
            int(location.column ?? -1)
        }
    }
}

extension ByteReader {
    mutating func optional() -> String?? {
        guard let flag = int() else { return nil }
        return flag == 0 ? .some(nil) : string().map { .some($0) }
    }

    mutating func date() -> Date?? {
        guard let flag = int() else { return nil }
        if flag == 0 { return .some(nil) }
        return int().map { .some(Date(timeIntervalSince1970: Double(bitPattern: UInt64(truncatingIfNeeded: $0)))) }
    }

    /// nil when the bytes run out or do not fit.
    mutating func frontMatter() -> FrontMatter? {
        var m = FrontMatter()
        guard let title = string(), let written = date(), let summary = optional(), let slug = optional(),
            let key = optional(), let tags = strings(), let agency = optional(), let pillar = optional(),
            let tasks = strings(), let image = optional(), let imageAlt = optional(), let draft = int(),
            let publishDate = date(), let expiryDate = date(), let aliases = strings(), let weight = int(),
            let layout = optional(), let fromLanguage = optional(), let fromDigest = optional(),
            let locationCount = int(), locationCount >= 0
        else { return nil }
        (m.title, m.date, m.summary, m.slug, m.translationKey) = (title, written, summary, slug, key)
        (m.tags, m.agency, m.pillar, m.tasks, m.image, m.imageAlt) = (tags, agency, pillar, tasks, image, imageAlt)
        (m.draft, m.publishDate, m.expiryDate, m.aliases, m.weight) = (
            draft == 1, publishDate, expiryDate, aliases, weight
        )
        m.layout = layout
        if let language = fromLanguage, let digest = fromDigest {
            m.translatedFrom = FrontMatter.TranslationRecord(language: language, digest: digest)
        }
        for _ in 0..<locationCount {
            guard let name = string(), let file = string(), let line = int(), let column = int() else { return nil }
            m.locations[name] = SourceLocation(
                file: file, line: line < 0 ? nil : line, column: column < 0 ? nil : column)
        }
        return m
    }
}
