import Crypto
import Foundation

/// What the last build rendered, so the next one renders only what would come out different.
/// A page is the theme's templates applied to its context: when neither changed, neither did
/// the page. The cache keeps a digest of each page's context (with the theme's digest and
/// portal's own) and the size of the file it wrote, in `.portal-cache/` beside the output.
struct RenderCache: Sendable {
    /// Output path → (context digest, file size).
    var pages: [String: Entry] = [:]

    struct Entry: Sendable {
        var digest: String
        var size: Int
    }

    static let version = "1"

    static func path(for output: String) -> String {
        let parent = (output as NSString).deletingLastPathComponent
        let name = (output as NSString).lastPathComponent
        return ((parent.isEmpty ? "." : parent) as NSString).appendingPathComponent(".portal-cache/\(name).json")
    }

    /// The cache of the last build into `output`, when it was made by this portal with this theme.
    static func load(output: String, key: String) -> RenderCache {
        guard let data = FileManager.default.contents(atPath: path(for: output)),
            let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            json["key"] as? String == key, let pages = json["pages"] as? [String: [Any]]
        else { return RenderCache() }
        var cache = RenderCache()
        for (path, value) in pages {
            if value.count == 2, let digest = value[0] as? String, let size = value[1] as? Int {
                cache.pages[path] = Entry(digest: digest, size: size)
            }
        }
        return cache
    }

    func save(output: String, key: String) {
        let path = Self.path(for: output)
        try? FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let pages = self.pages.mapValues { [$0.digest, $0.size] as [Any] }
        if let data = try? JSONSerialization.data(withJSONObject: ["key": key, "pages": pages], options: [.sortedKeys])
        {
            try? data.write(to: URL(fileURLWithPath: path), options: .atomic)
        }
    }

    /// This portal's identity: a rebuilt portal may render the same context differently.
    static var executable: String {
        let path = ProcessInfo.processInfo.arguments.first ?? ""
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return path }
        let size = (attributes[.size] as? Int) ?? 0
        let date = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "\(path)|\(size)|\(date)"
    }
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
        case let text as String:
            tag(0x73, text.utf8.count)
            bytes.append(contentsOf: text.utf8)
        case let number as Int: tag(0x69, number)
        case let flag as Bool: tag(0x62, flag ? 1 : 0)
        case let number as Double: tag(0x64, Int(truncatingIfNeeded: number.bitPattern))
        case let dictionary as [String: Any]:
            tag(0x7B, dictionary.count)
            for key in dictionary.keys.sorted() {
                add(key)
                add(dictionary[key]!)
            }
        case let array as [Any]:
            tag(0x5B, array.count)
            for element in array { add(element) }
        default:
            add("?" + String(describing: value))
        }
    }

    func finish() -> String { SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined() }
}
