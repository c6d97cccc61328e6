import Crypto
import Foundation
import Synchronization

/// Makes the `.gz` and `.br` copies of a build's text files (`Precompression`) as the files
/// are written, on the thread that wrote each, and writes them through the build's session
/// like any other file: the clash check and the atomic exchange cover them, and a copy whose
/// bytes the output already holds is a hard link to it.
///
/// Brotli at quality 11 takes about 2 CPU-seconds per megabyte, so copies are made only for
/// what changed. `.portal-cache/<output>.compressed` keeps, for every file the published
/// output has copies of, the SHA-256 of its bytes and the suffixes made; it is removed before
/// the output changes and written after, so it always describes the published output. Then:
/// - a file whose bytes are the published file's (written as a link, or kept without being
///   rendered) keeps the published copies;
/// - a file whose bytes (by digest) were another published file's takes that file's copies;
/// - anything else is compressed.
final class Precompressor: Sendable {
    let settings: Precompression
    private let session: OutputWriter.Session
    private let output: String
    /// The last build's index (empty for a first build or other settings).
    private let previous: [String: Entry]
    private let previousByDigest: [String: String]
    private let next = Mutex<[String: Entry]>([:])

    struct Entry: Sendable {
        var digest: String
        /// The suffixes of the copies made, `.br` and `.gz` (one is left out when it is not
        /// smaller than the file).
        var suffixes: [String]
    }

    static let version = "1"

    init(settings: Precompression, session: OutputWriter.Session) {
        self.settings = settings
        self.session = session
        output = session.output
        previous = session.isFresh ? [:] : Self.load(output: session.output, settings: settings)
        var byDigest: [String: String] = [:]
        for (path, entry) in previous { byDigest[entry.digest] = path }
        previousByDigest = byDigest
    }

    /// Every copy placed by this build, for the commit.
    var paths: [String] {
        next.withLock { entries in entries.flatMap { path, entry in entry.suffixes.map { path + $0 } } }
    }

    /// After `session.write(file)`: places the file's copies. A file written as a link to the
    /// published one has its bytes.
    func wrote(_ file: OutputFile) throws(OutputError) {
        guard !settings.suffixes.isEmpty, let size = file.size, settings.applies(to: file.path, size: size) else {
            return
        }
        if isPublished(file.path), keepPublished(file.path) { return }
        let bytes: Data
        switch file.body {
        case .text(let text): bytes = Data(text.utf8)
        case .data(let data): bytes = data
        case .copy(let source):
            guard let data = FileIO.read(source) else { throw .cannotReadSource(source) }
            bytes = data
        }
        try make(file.path, bytes: bytes)
    }

    /// After `session.keep(path)`: the published file is taken as it is, and so are its copies
    /// (else they are made from the published bytes).
    func kept(_ path: String) throws(OutputError) {
        guard !settings.suffixes.isEmpty, let size = FileIO.regularSize("\(output)/\(path)"),
            settings.applies(to: path, size: size)
        else { return }
        if keepPublished(path) { return }
        guard let bytes = FileIO.read("\(output)/\(path)") else {
            throw .keptFileGone("\(output)/\(path)")
        }
        try make(path, bytes: bytes)
    }

    /// Whether the new tree's file is the published one (a hard link: same bytes).
    private func isPublished(_ path: String) -> Bool {
        guard let placed = FileIO.identity("\(session.spare)/\(path)") else { return false }
        return FileIO.identity("\(output)/\(path)") == placed
    }

    /// Keeps the published copies of an unchanged file, when the index says they are its own.
    private func keepPublished(_ path: String) -> Bool {
        guard let entry = previous[path],
            entry.suffixes.allSatisfy({ FileIO.regularSize("\(output)/\(path)\($0)") != nil })
        else { return false }
        for suffix in entry.suffixes { session.keep(path + suffix) }
        next.withLock { $0[path] = entry }
        return true
    }

    private func make(_ path: String, bytes: Data) throws(OutputError) {
        let digest = Hex.string(SHA256.hash(data: bytes))
        var made: [(suffix: String, bytes: Data)] = []
        // The same bytes at another path of the last build: its copies are these.
        if let other = previousByDigest[digest], let entry = previous[other] {
            for suffix in entry.suffixes {
                guard let copy = FileIO.read("\(output)/\(other)\(suffix)") else { break }
                made.append((suffix, copy))
            }
            if made.count != entry.suffixes.count { made = [] }
        }
        if made.isEmpty {
            made = bytes.withUnsafeBytes { settings.compress($0) }.map { ($0.suffix, Data($0.bytes)) }
        }
        for (suffix, copy) in made { try session.write(OutputFile(path: path + suffix, body: .data(copy))) }
        next.withLock { $0[path] = Entry(digest: digest, suffixes: made.map(\.suffix)) }
    }

    // MARK: The index

    static func indexPath(output: String) -> String { RenderCache.path(for: output, kind: "compressed") }

    private static func settingsKey(_ settings: Precompression) -> String { settings.suffixes.joined() }

    private static func load(output: String, settings: Precompression) -> [String: Entry] {
        guard var reader = CacheFile.reader(indexPath(output: output), version: version),
            reader.string() == settingsKey(settings), let count = reader.int(), count >= 0
        else { return [:] }
        var entries: [String: Entry] = [:]
        entries.reserveCapacity(count)
        for _ in 0..<count {
            guard let path = reader.string(), let digest = reader.string(), let suffixes = reader.strings() else {
                return [:]
            }
            entries[path] = Entry(digest: digest, suffixes: suffixes)
        }
        return entries
    }

    /// Before the output changes: a build stopped before `save` leaves no index, and the next
    /// build compresses what it writes.
    func removeIndex() { unlink(Self.indexPath(output: output)) }

    /// After the output changed: the index of what it now holds.
    func save() {
        var writer = CacheFile.writer(version: Self.version)
        writer.string(Self.settingsKey(settings))
        let entries = next.withLock { $0 }
        writer.int(entries.count)
        for (path, entry) in entries.sorted(by: { $0.key < $1.key }) {
            writer.string(path)
            writer.string(entry.digest)
            writer.strings(entry.suffixes)
        }
        CacheFile.replace(Self.indexPath(output: output), with: writer.bytes)
    }
}
