import CPortalSys
import Foundation
import Synchronization

/// Writes a finished build so that the output folder is always exactly one whole build —
/// the previous one or the new one, never a mix — even if the build is killed or the power
/// fails at any instant:
///
/// - the new build is assembled in a second tree beside the output, `.NAME.previous` (it
///   holds the previous build between builds): changed and new files are written into it,
///   unchanged files are hard links to the published ones (so they keep their bytes, inode
///   and modification time, and `rsync` sends only what changed), and files the site no
///   longer has are removed from it;
/// - when every file is in place it is flushed to disk (`syncfs`) and exchanged with the
///   output in one `renameat2(RENAME_EXCHANGE)`: the published tree is never written to;
/// - the tree that was published becomes `.NAME.previous`, which the next build reuses, so a
///   rebuild costs the files that changed, not a copy of the site.
///
/// Builds into one output are serialised by `OutputLock`, so the assembling tree is never
/// shared; whatever a killed build left in it is put right by the next.
public struct OutputWriter: Sendable {
    /// Present in every output folder portal writes; without it a non-empty folder is not ours
    /// to replace.
    public static let markerName = ".portal-output"
    static let markerText = "This folder is written by `portal build`; its contents are replaced on every build.\n"

    public var outputDirectory: String

    public init(outputDirectory: String) {
        var path = outputDirectory
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        self.outputDirectory = path
    }

    /// `.NAME.suffix` beside the folder `NAME`.
    public static func sibling(of output: String, suffix: String) -> String {
        var path = output
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        let parent = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        return ((parent.isEmpty ? "." : parent) as NSString).appendingPathComponent(".\(name).\(suffix)")
    }

    /// Where the next build is assembled, and the previous build is kept between builds.
    public var spareDirectory: String { Self.sibling(of: outputDirectory, suffix: "previous") }

    /// Fails before the build starts when the output folder is not portal's, so nothing is
    /// rendered in vain.
    public func checkOwnership() throws(OutputError) {
        let fm = FileManager.default
        var info = stat()
        guard lstat(outputDirectory, &info) == 0 else { return }
        if (info.st_mode & S_IFMT) == S_IFLNK { throw .symbolicLink(outputDirectory) }
        guard (info.st_mode & S_IFMT) == S_IFDIR else { throw .notADirectory(outputDirectory) }
        let entries = (try? fm.contentsOfDirectory(atPath: outputDirectory)) ?? []
        if !entries.isEmpty && !entries.contains(Self.markerName) { throw .notPortalOutput(outputDirectory) }
    }

    /// Whether an earlier build is in the output (a clean build starts from an empty folder).
    public var hasPublished: Bool {
        FileIO.regularSize("\(outputDirectory)/\(Self.markerName)") != nil
    }

    public struct Report: Sendable {
        public var written: Int
        public var unchanged: Int
        public var removed: Int
        public var filesWritten: Int { written }
    }

    /// Writes a whole list of files (what `portal banner` and tests use); builds stream theirs
    /// through a `Session` as they render. Takes the output's lock for the time it writes.
    public func commit(_ files: [OutputFile], jobs: Int) throws(OutputError) -> Report {
        let lock = try OutputLock(output: outputDirectory, wait: true)
        defer { withExtendedLifetime(lock) {} }
        let session = try begin()
        let failures = ParallelMap.map(files, jobs: jobs) { file -> OutputError? in
            do throws(OutputError) {
                try session.write(file)
                return nil
            } catch { return error }
        }
        if let failure = failures.compactMap({ $0 }).first {
            session.abort()
            throw failure
        }
        return try session.commit(paths: Set(files.map(\.path)))
    }

    /// Starts writing a build. The caller holds the output's `OutputLock`. `ledger`: what a
    /// resident process knows of the output's trees, used instead of asking the file system.
    public func begin(ledger: OutputLedger? = nil) throws(OutputError) -> Session {
        try checkOwnership()
        // Left by builds that died: staging folders of first builds (this version's and
        // earlier ones', `.NAME.staging-PID`) and a published tree set aside by the fallback
        // swap (`.NAME.old-PID`). With the lock held, no live build owns any of them.
        let parent = (outputDirectory as NSString).deletingLastPathComponent
        let name = (outputDirectory as NSString).lastPathComponent
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: parent.isEmpty ? "." : parent)) ?? []
        where entry.hasPrefix(".\(name).staging-") || entry.hasPrefix(".\(name).old-") {
            FileIO.removeTree((parent.isEmpty ? "." : parent) + "/" + entry)
        }
        let spare = spareDirectory
        var info = stat()
        if lstat(spare, &info) == 0 && (info.st_mode & S_IFMT) != S_IFDIR { unlink(spare) }
        do throws(FileIO.Failure) { try FileIO.makeDirectory(spare) } catch {
            throw .cannotWrite(path: error.path, reason: error.reason)
        }
        // From here the spare tree is no longer a whole build: it loses its marker first.
        unlink("\(spare)/\(Self.markerName)")
        return Session(output: outputDirectory, spare: spare, fresh: !hasPublished, ledger: ledger)
    }

    /// One build's writes. `write` and `keep` may be called from any thread as files are
    /// rendered; nothing published changes until `commit`.
    public final class Session: Sendable {
        let output: String
        /// The tree being assembled.
        let spare: String
        private let fresh: Bool
        private struct State {
            var directories: Set<String> = []
            /// Every file put in the spare tree by this build.
            var placed: Set<String> = []
            var written: [String] = []
            var unchanged = 0
            /// With a ledger: each file placed, with its token (see `OutputLedger`).
            var tokens: [String: Int] = [:]
        }
        private let state = Mutex(State())
        /// What the spare tree and the published output hold when the session begins, listed on
        /// another thread while the build renders (10,000 folders take a tenth of a second to
        /// walk); `commit` waits for them.
        private let listings = Listings()
        private let listing = DispatchGroup()
        private final class Listings: Sendable {
            let spare = Mutex<FileIO.Tree>(FileIO.Tree())
            let published = Mutex<[String]>([])
        }

        /// The resident process's ledger, and what it knew as this build began (nil: nothing).
        private let ledger: OutputLedger?
        private let known: OutputLedger.Trees?
        private let build: Int

        init(output: String, spare: String, fresh: Bool, ledger: OutputLedger? = nil) {
            self.output = output
            self.spare = spare
            self.fresh = fresh
            self.ledger = ledger
            var (known, build) = ledger.map { $0.begin() } ?? (nil, 0)
            // `begin` took the marker out of the spare tree.
            known?.spare.removeValue(forKey: OutputWriter.markerName)
            (self.known, self.build) = (known, build)
            if let known, !fresh {
                // The server's own trees, as its last build left them: nothing to walk.
                listings.spare.withLock { $0.files = Array(known.spare.keys) }
                listings.published.withLock { $0 = Array(known.published.keys) }
                return
            }
            DispatchQueue.global().async(group: listing) { [listings] in
                let tree = FileIO.tree(under: spare)
                listings.spare.withLock { $0 = tree }
                guard !fresh else { return }
                let files = FileIO.tree(under: output).files
                listings.published.withLock { $0 = files }
            }
        }

        /// A first build: there is nothing published to compare with.
        public var isFresh: Bool { fresh }

        /// Takes a file the published output already holds, as it is: a hard link in the new
        /// tree, so its bytes and modification time stay.
        public func keep(_ path: String) {
            do throws(FileIO.Failure) {
                try link(path)
            } catch {
                // The published file vanished or cannot be linked: the commit finds it missing.
                return
            }
            placeKept(path)
        }

        private func placeKept(_ path: String) {
            // Linked: the same file in the new tree as in the published one, which becomes the
            // spare tree.
            let token = known?.published[path] ?? OutputLedger.keptToken(build: build)
            state.withLock {
                $0.unchanged += 1
                $0.placed.insert(path)
                if ledger != nil { $0.tokens[path] = token }
            }
        }

        /// Whether the published output holds the file at `path` (as the last build left it,
        /// when the ledger knows; otherwise at `size` bytes).
        public func holds(_ path: String, size: Int) -> Bool {
            if let known, !fresh { return known.published[path] != nil }
            return FileIO.size("\(output)/\(path)") == size
        }

        /// Writes one file into the new tree, or links the published one when it holds the
        /// same bytes.
        public func write(_ file: OutputFile) throws(OutputError) {
            do throws(FileIO.Failure) {
                if !fresh, known.map({ $0.published[file.path] != nil }) ?? true,
                    OutputWriter.sameBytes(file, at: "\(output)/\(file.path)")
                {
                    try link(file.path)
                    placeKept(file.path)
                    return
                }
                try makeParents(of: file.path)
                let target = "\(spare)/\(file.path)"
                FileIO.clear(target)
                try OutputWriter.write(file, to: target)
                let token = OutputLedger.writtenToken(build: build)
                state.withLock {
                    $0.written.append(file.path)
                    $0.placed.insert(file.path)
                    if ledger != nil { $0.tokens[file.path] = token }
                }
            } catch {
                throw .cannotWrite(path: error.path, reason: error.reason)
            }
        }

        /// `spare/path` becomes the published `output/path` (the same inode), unless it is already.
        private func link(_ path: String) throws(FileIO.Failure) {
            // The ledger knows the two trees share this file already.
            if let known, !fresh, let token = known.published[path], known.spare[path] == token { return }
            let from = "\(output)/\(path)", to = "\(spare)/\(path)"
            guard let published = FileIO.identity(from) else { throw FileIO.Failure(from) }
            if FileIO.identity(to) == published { return }
            try makeParents(of: path)
            FileIO.clear(to)
            if Glibc.link(from, to) != 0 { throw FileIO.Failure(to) }
        }

        /// Makes the folders above `path` in the spare tree, replacing whatever else stands there
        /// (the tree is ours: a killed build may have left a file where a folder goes).
        private func makeParents(of path: String) throws(FileIO.Failure) {
            var missing: [String] = []
            var directory = (path as NSString).deletingLastPathComponent
            while !directory.isEmpty, !state.withLock({ $0.directories.contains(directory) }) {
                missing.append(directory)
                directory = (directory as NSString).deletingLastPathComponent
            }
            for directory in missing.reversed() {
                let full = "\(spare)/\(directory)"
                // mkdir first: another thread may be making the same folder at this moment,
                // and only a folder may be there once it has (clashing paths were refused).
                if mkdir(full, 0o755) != 0 {
                    guard errno == EEXIST else { throw FileIO.Failure(full) }
                    if !FileIO.isRealDirectory(full) {
                        FileIO.clear(full)  // a file or link a killed build left where a folder goes
                        try FileIO.makeDirectory(full)
                    }
                }
                state.withLock { _ = $0.directories.insert(directory) }
            }
        }

        /// Gives up the build: the output was never touched. The spare tree is left for the next
        /// build to put right, except after a first build, when it holds nothing of value.
        public func abort() {
            listing.wait()
            if fresh { FileIO.removeTree(spare) }
        }

        /// Puts the new tree in place; `paths` is every file of the build, so the rest goes.
        /// `durable`: flushed to disk first (see below); a preview's private folder skips it.
        public func commit(paths: Set<String>, durable: Bool = true) throws(OutputError) -> Report {
            let wanted = paths.union([OutputWriter.markerName])
            listing.wait()
            // Files in the spare tree from an older build that this one does not have.
            let tree = listings.spare.withLock { $0 }
            var emptied = Set(tree.emptyDirectories)
            for path in tree.files where !wanted.contains(path) {
                unlink("\(spare)/\(path)")
                var directory = (path as NSString).deletingLastPathComponent
                while !directory.isEmpty, emptied.insert(directory).inserted {
                    directory = (directory as NSString).deletingLastPathComponent
                }
            }
            for directory in emptied.sorted(by: { $0.count > $1.count }) { rmdir("\(spare)/\(directory)") }
            // Links and other odd entries a killed build (or a hand) left: those at a path this
            // build has since written were replaced already, and must stay.
            let placed = state.withLock { $0.placed }
            for path in tree.others where !placed.contains(path) { FileIO.clear("\(spare)/\(path)") }

            let missing = wanted.subtracting(placed).subtracting([OutputWriter.markerName])
            if let path = missing.sorted().first {
                throw .keptFileGone("\(output)/\(path)")
            }
            // Last, so that a tree without the marker is never taken for a whole build.
            try write(OutputFile(path: OutputWriter.markerName, body: .text(OutputWriter.markerText)))

            let (written, unchanged) = state.withLock { ($0.written.count, $0.unchanged) }
            let published = listings.published.withLock { $0 }
            let removed = published.filter { !wanted.contains($0) }.count
            do throws(FileIO.Failure) {
                // Every byte of the new tree on disk before it is published: after a power cut
                // the output is then one build or the other, never files without their data.
                if durable { try FileIO.syncFileSystem(of: spare) }
                try swap()
            } catch {
                throw .cannotWrite(path: error.path, reason: error.reason)
            }
            if fresh { FileIO.removeTree(spare) }
            if let ledger {
                // The published tree becomes the spare one; its files the new tree kept are in both.
                let tokens = state.withLock { $0.tokens }
                let spare: [String: Int]
                if fresh {
                    spare = [:]
                } else if let known {
                    spare = known.published
                } else {
                    let kept = OutputLedger.keptToken(build: build)
                    spare = Dictionary(
                        published.map { ($0, tokens[$0] == kept ? kept : OutputLedger.notShared) },
                        uniquingKeysWith: { a, _ in a })
                }
                ledger.commit(OutputLedger.Trees(published: tokens, spare: spare, build: build))
            }
            return Report(written: written, unchanged: unchanged, removed: removed)
        }

        /// Exchanges the new tree with the output in one step.
        private func swap() throws(FileIO.Failure) {
            let parent = (output as NSString).deletingLastPathComponent
            defer { FileIO.syncDirectory(parent.isEmpty ? "." : parent) }
            var info = stat()
            guard lstat(output, &info) == 0 else {
                try FileIO.rename(spare, output)  // a first build into a folder that did not exist
                return
            }
            if portal_exchange_paths(spare, output) == 0 { return }
            guard errno == EINVAL || errno == ENOSYS || errno == ENOTSUP else { throw FileIO.Failure(output) }
            // A file system that cannot exchange: set the output aside, then rename. For an
            // instant there is no output at all, but never a mix of two builds.
            let aside = OutputWriter.sibling(of: output, suffix: "old-\(getpid())")
            try FileIO.rename(output, aside)
            do throws(FileIO.Failure) { try FileIO.rename(spare, output) } catch {
                try? FileIO.rename(aside, output)
                throw error
            }
            try FileIO.rename(aside, spare)
        }
    }

    // MARK: Helpers

    static func write(_ file: OutputFile, to path: String) throws(FileIO.Failure) {
        switch file.body {
        case .text(let text):
            var text = text
            var failure: FileIO.Failure?
            text.withUTF8 { buffer in
                do throws(FileIO.Failure) { try FileIO.write(UnsafeRawBufferPointer(buffer), to: path) } catch {
                    failure = error
                }
            }
            if let failure { throw failure }
        case .data(let data): try FileIO.write(data, to: path)
        case .copy(let source):
            guard let data = FileIO.read(source) else { throw FileIO.Failure(source) }
            try FileIO.write(data, to: path)
        }
    }

    /// Whether the file at `path` already holds exactly these bytes (sizes first: cheap).
    static func sameBytes(_ file: OutputFile, at path: String) -> Bool {
        guard let size = FileIO.regularSize(path) else { return false }
        switch file.body {
        case .text(let text):
            guard text.utf8.count == size, let existing = FileIO.read(path) else { return false }
            // Compared as two buffers: `Data.elementsEqual` walks an iterator byte by byte.
            var text = text
            return text.withUTF8 { new in
                existing.withUnsafeBytes { old in memcmp(old.baseAddress!, new.baseAddress!, size) == 0 }
            }
        case .data(let data):
            guard data.count == size, let existing = FileIO.read(path) else { return false }
            return existing == data
        case .copy(let source):
            guard FileIO.size(source) == size, let existing = FileIO.read(path), let new = FileIO.read(source) else {
                return false
            }
            return existing == new
        }
    }
}

/// Problems writing the output folder; the texts are `OutputMessages`.
public enum OutputError: CataloguedError {
    case notPortalOutput(String)
    case notADirectory(String)
    /// `reason` is the system's (strerror), in English.
    case cannotWrite(path: String, reason: String)
    /// A file of the last build that this one keeps is no longer there.
    case keptFileGone(String)
    /// A file to publish cannot be read to make its compressed copies.
    case cannotReadSource(String)
    case clash(path: String, first: String, second: String)
    case busy(output: String, pid: Int?)
    case symbolicLink(String)
    case overlapsInput(output: String, input: String, kind: InputKind)

    /// The input folder an output folder must stay out of.
    public enum InputKind: Sendable { case content, theme }

    public var location: SourceLocation? {
        switch self {
        case .notPortalOutput(let path), .notADirectory(let path), .cannotWrite(let path, _), .keptFileGone(let path),
            .cannotReadSource(let path), .busy(let path, _), .symbolicLink(let path), .overlapsInput(let path, _, _):
            SourceLocation(file: path)
        case .clash(_, _, let second): SourceLocation(file: second)
        }
    }

    public var messageText: Message {
        switch self {
        case .notPortalOutput: OutputMessages.notPortalOutput(marker: OutputWriter.markerName)
        case .notADirectory: OutputMessages.notADirectory
        case .cannotWrite(_, let reason): OutputMessages.cannotWrite(reason)
        case .keptFileGone: OutputMessages.keptFileGone
        case .cannotReadSource: OutputMessages.cannotReadSource
        case .clash(let path, let first, _): OutputMessages.clash(path, first: first)
        case .busy(_, let pid): OutputMessages.busy(pid: pid)
        case .symbolicLink: OutputMessages.symbolicLink
        case .overlapsInput(_, let input, let kind): OutputMessages.overlapsInput(input, theme: kind == .theme)
        }
    }

    public var helpText: Message? {
        switch self {
        case .notPortalOutput: OutputMessages.notPortalOutputHelp
        case .notADirectory: OutputMessages.notADirectoryHelp
        case .cannotWrite: OutputMessages.cannotWriteHelp
        case .keptFileGone: OutputMessages.keptFileGoneHelp
        case .cannotReadSource: ContentMessages.unreadableHelp
        case .clash: OutputMessages.clashHelp
        case .busy: OutputMessages.busyHelp
        case .symbolicLink: OutputMessages.symbolicLinkHelp
        case .overlapsInput: OutputMessages.overlapsInputHelp
        }
    }
}
