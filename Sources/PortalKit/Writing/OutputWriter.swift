import CPortalSys
import Foundation
import Synchronization

/// Writes a finished build without ever leaving the output half old, half new:
///
/// - a first build goes to a staging folder beside the output, renamed into place at the end;
/// - later builds compare every file with what is published: unchanged files are not touched
///   (their modification times stay, so `rsync` sends only what changed); changed and new
///   files are first written beside their targets as hidden `.NAME.portal-new` files, and only
///   when all of them are written are they renamed over their targets and stale files removed.
///   Any failure before that point removes what was written and leaves the output as it was.
public struct OutputWriter: Sendable {
    /// Present in every output folder portal writes; without it a non-empty folder is not ours
    /// to replace.
    public static let markerName = ".portal-output"
    static let markerText = "This folder is written by `portal build`; its contents are replaced on every build.\n"
    static let pendingSuffix = ".portal-new"

    public var outputDirectory: String

    public init(outputDirectory: String) {
        var path = outputDirectory
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        self.outputDirectory = path
    }

    /// Fails before the build starts when the output folder is not portal's, so nothing is
    /// rendered in vain.
    public func checkOwnership() throws(OutputError) {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: outputDirectory, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else { throw .notADirectory(outputDirectory) }
        let entries = (try? fm.contentsOfDirectory(atPath: outputDirectory)) ?? []
        if !entries.isEmpty && !entries.contains(Self.markerName) { throw .notPortalOutput(outputDirectory) }
    }

    /// Whether an earlier build is in the output (a clean build starts from an empty folder).
    public var hasPublished: Bool {
        FileManager.default.fileExists(atPath: "\(outputDirectory)/\(Self.markerName)")
    }

    public struct Report: Sendable {
        public var written: Int
        public var unchanged: Int
        public var removed: Int
        public var filesWritten: Int { written }
    }

    /// Writes a whole list of files (what `portal banner` and tests use); builds stream theirs
    /// through a `Session` as they render.
    public func commit(_ files: [OutputFile], jobs: Int) throws(OutputError) -> Report {
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

    /// Starts writing a build: into a staging folder when there is no output yet, beside the
    /// published files otherwise.
    public func begin() throws(OutputError) -> Session {
        try checkOwnership()
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: outputDirectory)) ?? []
        if entries.isEmpty {
            let fm = FileManager.default
            let parent = (outputDirectory as NSString).deletingLastPathComponent
            let name = (outputDirectory as NSString).lastPathComponent
            let staging = ((parent.isEmpty ? "." : parent) as NSString)
                .appendingPathComponent(".\(name).staging-\(ProcessInfo.processInfo.processIdentifier)")
            try? fm.removeItem(atPath: staging)
            // The output's parent may not exist yet (`--output new/place/Output`).
            try? fm.createDirectory(
                atPath: (staging as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            do throws(FileIO.Failure) { try FileIO.makeDirectory(staging) } catch {
                throw .cannotWrite(path: error.path, reason: error.reason)
            }
            return Session(output: outputDirectory, staging: staging)
        }
        return Session(output: outputDirectory, staging: nil)
    }

    /// One build's writes. `write` may be called from any thread as files are rendered;
    /// nothing published changes until `commit`.
    public final class Session: Sendable {
        let output: String
        /// Set for a first build: every file goes here, and the folder becomes the output.
        let staging: String?
        private struct State {
            var directories: Set<String> = []
            /// Folders made inside the published output, removed again on abort.
            var created: [String] = []
            var pending: [(String, String)] = []
            var unchanged = 0
        }
        private let state = Mutex(State())
        /// The files the output held when the session began, listed on another thread while
        /// the build renders (10,000 folders take a tenth of a second to walk, as long as a
        /// one-post rebuild's whole commit); `commit` waits for it.
        private let published = Listing()
        private let listing = DispatchGroup()
        private final class Listing: Sendable { let files = Mutex<[String]>([]) }

        init(output: String, staging: String?) {
            self.output = output
            self.staging = staging
            guard staging == nil else { return }
            DispatchQueue.global().async(group: listing) { [published] in
                let files = FileIO.files(under: output)
                published.files.withLock { $0 = files }
            }
        }

        /// A first build: there is nothing published to compare with.
        public var isFresh: Bool { staging != nil }

        /// Counts a file the build did not write because the output already holds it.
        public func keep(_ path: String) {
            state.withLock { $0.unchanged += 1 }
        }

        /// Writes one file (to staging, or beside its target when its bytes differ).
        public func write(_ file: OutputFile) throws(OutputError) {
            let root = staging ?? output
            do throws(FileIO.Failure) {
                try makeParents(of: file.path, under: root)
                if let staging {
                    try OutputWriter.write(file, to: "\(staging)/\(file.path)")
                    return
                }
                let target = "\(root)/\(file.path)"
                if OutputWriter.sameBytes(file, at: target) {
                    state.withLock { $0.unchanged += 1 }
                    return
                }
                let directory = (file.path as NSString).deletingLastPathComponent
                let name = (file.path as NSString).lastPathComponent
                let pending =
                    (directory.isEmpty ? root : "\(root)/\(directory)") + "/.\(name)\(OutputWriter.pendingSuffix)"
                try OutputWriter.write(file, to: pending)
                state.withLock { $0.pending.append((pending, target)) }
            } catch {
                throw .cannotWrite(path: error.path, reason: error.reason)
            }
        }

        private func makeParents(of path: String, under root: String) throws(FileIO.Failure) {
            var missing: [String] = []
            var directory = (path as NSString).deletingLastPathComponent
            while !directory.isEmpty, !state.withLock({ $0.directories.contains(directory) }) {
                missing.append(directory)
                directory = (directory as NSString).deletingLastPathComponent
            }
            for directory in missing.reversed() {
                let full = "\(root)/\(directory)"
                if !FileIO.isDirectory(full) {
                    if FileIO.size(full) != nil {
                        throw FileIO.Failure(path: full, reason: "a file stands where a folder is needed")
                    }
                    try FileIO.makeDirectory(full)
                    if staging == nil { state.withLock { $0.created.append(directory) } }
                }
                state.withLock { _ = $0.directories.insert(directory) }
            }
        }

        /// Removes what this session wrote: the output stays as it was.
        public func abort() {
            if let staging {
                try? FileManager.default.removeItem(atPath: staging)
                return
            }
            let (pending, created) = state.withLock { ($0.pending, $0.created) }
            for (path, _) in pending { unlink(path) }
            for directory in created.sorted(by: { $0.count > $1.count }) { rmdir("\(output)/\(directory)") }
        }

        /// Puts everything in place; `paths` is every file of the build, so the rest goes.
        public func commit(paths: Set<String>) throws(OutputError) -> Report {
            let marker = OutputFile(path: OutputWriter.markerName, body: .text(OutputWriter.markerText))
            try write(marker)
            let wanted = paths.union([OutputWriter.markerName])
            if let staging {
                let fm = FileManager.default
                // An empty output folder may exist: exchange it with the staging folder in one step.
                if fm.fileExists(atPath: output) {
                    if portal_exchange_paths(staging, output) == 0 {
                        try? fm.removeItem(atPath: staging)
                        return Report(written: wanted.count, unchanged: 0, removed: 0)
                    }
                    try? fm.removeItem(atPath: output)
                }
                do { try fm.moveItem(atPath: staging, toPath: output) } catch {
                    abort()
                    throw .cannotWrite(path: output, reason: error.localizedDescription)
                }
                return Report(written: wanted.count, unchanged: 0, removed: 0)
            }
            let (pending, unchanged) = state.withLock { ($0.pending, $0.unchanged) }
            for (from, to) in pending {
                if FileIO.isDirectory(to) { try? FileManager.default.removeItem(atPath: to) }
                do throws(FileIO.Failure) { try FileIO.rename(from, to) } catch {
                    throw .cannotWrite(path: error.path, reason: error.reason)
                }
            }
            listing.wait()
            // The listing may have seen this session's pending files, renamed since; files
            // added by hand while the build ran are left for the next one.
            let renamed = Set(pending.map { String($0.0.dropFirst(output.count + 1)) })
            let stale = published.files.withLock { $0 }.filter { !wanted.contains($0) && !renamed.contains($0) }
            for path in stale { unlink("\(output)/\(path)") }
            OutputWriter.removeEmptyParents(of: stale, in: output)
            return Report(written: pending.count, unchanged: unchanged, removed: stale.count)
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
        guard let size = FileIO.size(path) else { return false }
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

    /// Removes folders left empty by removed pages, deepest first.
    /// Removes the folders that removing `files` left empty, deepest first (only they can be).
    static func removeEmptyParents(of files: [String], in root: String) {
        var directories: Set<String> = []
        for file in files {
            var directory = (file as NSString).deletingLastPathComponent
            while !directory.isEmpty, directories.insert(directory).inserted {
                directory = (directory as NSString).deletingLastPathComponent
            }
        }
        for directory in directories.sorted(by: { $0.count > $1.count }) { rmdir("\(root)/\(directory)") }
    }
}

/// Problems writing the output folder.
public enum OutputError: PortalError {
    case notPortalOutput(String)
    case notADirectory(String)
    case cannotWrite(path: String, reason: String)
    case clash(path: String, first: String, second: String)

    public var location: SourceLocation? {
        switch self {
        case .notPortalOutput(let path), .notADirectory(let path), .cannotWrite(let path, _): SourceLocation(file: path)
        case .clash(_, _, let second): SourceLocation(file: second)
        }
    }

    public var message: String {
        switch self {
        case .notPortalOutput:
            "the output folder is not empty and was not made by portal (it has no \(OutputWriter.markerName)); it was left untouched"
        case .notADirectory: "the output path exists and is not a folder"
        case .cannotWrite(_, let reason): "cannot write: \(reason)"
        case .clash(let path, let first, _): "writes \(path), which \(first) writes too"
        }
    }

    public var help: String? {
        switch self {
        case .notPortalOutput: "choose an empty or new folder with --output, or empty this one yourself if it can go"
        case .notADirectory: "choose another --output"
        case .cannotWrite: "check the disk space and the folder's permissions"
        case .clash: "rename the page, or the file in media/ or the theme's assets/"
        }
    }
}
