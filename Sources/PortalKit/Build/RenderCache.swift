import Crypto
import Foundation

/// What the last build rendered, so the next one renders only what would come out different.
/// A page is the theme's templates applied to its context: when neither changed, neither did
/// the page. The cache keeps a digest of each page's context (with the theme's digest and
/// portal's own) and the size of the file it wrote, in `.portal-cache/` beside the output.
struct RenderCache: Sendable {
    /// Output path → (context digest, file size, input key).
    var pages: [String: Entry] = [:]

    struct Entry: Sendable {
        var digest: String
        var size: Int
        /// The page's `InputKey`, "-" for the campaign page.
        var inputKey = "-"
    }

    static let version = "4"

    /// `.portal-cache/<output's name>.<kind>` beside the output (`json` for this cache).
    static func path(for output: String, kind: String = "json") -> String {
        let parent = (output as NSString).deletingLastPathComponent
        let name = (output as NSString).lastPathComponent
        return ((parent.isEmpty ? "." : parent) as NSString).appendingPathComponent(".portal-cache/\(name).\(kind)")
    }

    /// The cache of the last build into `output`, when it was made by this portal with this
    /// theme (`theme`: the theme's digest). Written as the other caches are (`CacheFile`); JSON
    /// through Foundation took half a second at 10,000 pages.
    static func load(output: String, theme: String) -> RenderCache {
        guard var reader = CacheFile.reader(path(for: output), version: version), reader.string() == theme,
            let count = reader.int(), count >= 0
        else { return RenderCache() }
        var cache = RenderCache()
        cache.pages.reserveCapacity(count)
        for _ in 0..<count {
            guard let page = reader.string(), let digest = reader.string(), let size = reader.int(),
                let inputKey = reader.string()
            else { return RenderCache() }
            cache.pages[page] = Entry(digest: digest, size: size, inputKey: inputKey)
        }
        return cache
    }

    func save(output: String, theme: String) {
        var writer = CacheFile.writer(version: Self.version)
        writer.string(theme)
        writer.int(pages.count)
        // Sorted, so the same build writes the same file.
        for (page, entry) in pages.sorted(by: { $0.key < $1.key }) {
            writer.string(page)
            writer.string(entry.digest)
            writer.int(entry.size)
            writer.string(entry.inputKey)
        }
        CacheFile.replace(Self.path(for: output), with: writer.bytes)
    }

    /// This portal's identity: a rebuilt portal may render the same context differently.
    /// Looked up once per process (every cache's identity names it, the Markdown cache once
    /// per shard); a binary replaced while `portal serve` runs is not the code running.
    static let executable: String = {
        let path = ProcessInfo.processInfo.arguments.first ?? ""
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return path }
        let size = (attributes[.size] as? Int) ?? 0
        let date = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "\(path)|\(size)|\(date)"
    }()
}

/// A SHA-256 over a template context, walked in a fixed order (dictionary keys sorted). The
/// bytes are gathered in one buffer and hashed once: this runs for every page of every build.
struct ContextDigest {
    private var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(16_384) }

    private mutating func tag(_ tag: UInt8, _ count: Int) {
        bytes.append(tag)
        var n = UInt64(count)
        withUnsafeBytes(of: &n) { bytes.append(contentsOf: $0) }
    }

    mutating func add(_ value: Any) {
        switch value {
        case let text as String: add(text)
        case let number as Int: tag(0x69, number)
        case let flag as Bool: tag(0x62, flag ? 1 : 0)
        case let number as Double: tag(0x64, Int(truncatingIfNeeded: number.bitPattern))
        case let dictionary as [String: Any]: add(dictionary)
        // Lists of objects and of strings are named before `[Any]`: casting them to `[Any]`
        // would copy the array, boxing each element.
        case let array as [[String: Any]]:
            tag(0x5B, array.count)
            for element in array { add(element) }
        case let array as [String]:
            tag(0x5B, array.count)
            for element in array { add(element) }
        case let array as [Any]:
            tag(0x5B, array.count)
            for element in array { add(element) }
        default:
            add("?" + String(describing: value))
        }
    }

    private mutating func add(_ text: String) {
        tag(0x73, text.utf8.count)
        bytes.append(contentsOf: text.utf8)
    }

    /// Entries in key order; sorted as pairs, so no key is hashed again to find its value.
    private mutating func add(_ dictionary: [String: Any]) {
        tag(0x7B, dictionary.count)
        for (key, value) in dictionary.sorted(by: { $0.key < $1.key }) {
            add(key)
            add(value)
        }
    }

    /// A page's context: the keys every page of its language shares are taken as their digest,
    /// made once per language, instead of being walked on every page.
    mutating func add(_ context: [String: Any], constants: PageContext.LanguageConstants) {
        tag(0x43, context.count)
        add(constants.digest)
        for (key, value) in context.sorted(by: { $0.key < $1.key }) where !PageContext.constantKeys.contains(key) {
            add(key)
            add(value)
        }
    }

    func finish() -> String { Hex.string(SHA256.hash(data: bytes)) }

}
