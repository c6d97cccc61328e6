import CPortalSys
import Foundation

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

    public struct Report: Sendable {
        public var written: Int
        public var unchanged: Int
        public var removed: Int
        public var filesWritten: Int { written }
    }

    public func commit(_ files: [OutputFile], jobs: Int) throws(OutputError) -> Report {
        try checkOwnership()
        let all = files + [OutputFile(path: Self.markerName, body: .text(Self.markerText))]
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: outputDirectory)) ?? []
        if entries.isEmpty { return try writeFresh(all, jobs: jobs) }
        return try update(all, jobs: jobs)
    }

    // MARK: First build

    private func writeFresh(_ files: [OutputFile], jobs: Int) throws(OutputError) -> Report {
        let fm = FileManager.default
        let parent = (outputDirectory as NSString).deletingLastPathComponent
        let name = (outputDirectory as NSString).lastPathComponent
        let staging = ((parent.isEmpty ? "." : parent) as NSString)
            .appendingPathComponent(".\(name).staging-\(ProcessInfo.processInfo.processIdentifier)")
        try? fm.removeItem(atPath: staging)
        // The output's parent may not exist yet (`--output new/place/Output`).
        try? fm.createDirectory(
            atPath: (staging as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        do throws(FileIO.Failure) {
            try FileIO.makeDirectory(staging)
            for directory in Self.directories(of: files) { try FileIO.makeDirectory("\(staging)/\(directory)") }
        } catch {
            try? fm.removeItem(atPath: staging)
            throw .cannotWrite(path: error.path, reason: error.reason)
        }
        let failures = ParallelMap.map(files, jobs: jobs) { file -> FileIO.Failure? in
            do throws(FileIO.Failure) {
                try Self.write(file, to: "\(staging)/\(file.path)")
                return nil
            } catch { return error }
        }
        if let failure = failures.compactMap({ $0 }).first {
            try? fm.removeItem(atPath: staging)
            throw .cannotWrite(path: failure.path, reason: failure.reason)
        }
        // An empty output folder may exist: exchange it with the staging folder in one step.
        if fm.fileExists(atPath: outputDirectory) {
            if portal_exchange_paths(staging, outputDirectory) == 0 {
                try? fm.removeItem(atPath: staging)
                return Report(written: files.count, unchanged: 0, removed: 0)
            }
            try? fm.removeItem(atPath: outputDirectory)
        }
        do { try fm.moveItem(atPath: staging, toPath: outputDirectory) } catch {
            try? fm.removeItem(atPath: staging)
            throw .cannotWrite(path: outputDirectory, reason: error.localizedDescription)
        }
        return Report(written: files.count, unchanged: 0, removed: 0)
    }

    // MARK: Later builds

    private func update(_ files: [OutputFile], jobs: Int) throws(OutputError) -> Report {
        let root = outputDirectory
        // Folders that do not exist yet, created now and removed again on failure.
        var created: [String] = []
        for directory in Self.directories(of: files) where !FileIO.isDirectory("\(root)/\(directory)") {
            do throws(FileIO.Failure) {
                if FileIO.size("\(root)/\(directory)") != nil {
                    // A file stands where a folder is needed: it goes in the commit step.
                    throw FileIO.Failure("\(root)/\(directory)")
                }
                try FileIO.makeDirectory("\(root)/\(directory)")
                created.append(directory)
            } catch {
                rollBack(pending: [], created: created)
                throw .cannotWrite(
                    path: error.path, reason: "a file stands where a folder is needed, or: \(error.reason)")
            }
        }

        enum Outcome: Sendable {
            case unchanged
            case pending(String)
            case failed(FileIO.Failure)
        }
        let outcomes = ParallelMap.map(files, jobs: jobs) { file -> Outcome in
            let target = "\(root)/\(file.path)"
            if Self.sameBytes(file, at: target) { return .unchanged }
            let directory = (file.path as NSString).deletingLastPathComponent
            let name = (file.path as NSString).lastPathComponent
            let pending = (directory.isEmpty ? root : "\(root)/\(directory)") + "/.\(name)\(Self.pendingSuffix)"
            do throws(FileIO.Failure) {
                try Self.write(file, to: pending)
                return .pending(pending)
            } catch { return .failed(error) }
        }
        var pending: [(String, String)] = []
        var failure: FileIO.Failure?
        for (file, outcome) in zip(files, outcomes) {
            switch outcome {
            case .unchanged: continue
            case .pending(let path): pending.append((path, "\(root)/\(file.path)"))
            case .failed(let error): failure = failure ?? error
            }
        }
        if let failure {
            rollBack(pending: pending.map(\.0), created: created)
            throw .cannotWrite(path: failure.path, reason: failure.reason)
        }

        // Everything is written: put it in place, then drop what the site no longer has.
        for (from, to) in pending {
            if FileIO.isDirectory(to) { try? FileManager.default.removeItem(atPath: to) }
            do throws(FileIO.Failure) { try FileIO.rename(from, to) } catch {
                throw .cannotWrite(path: error.path, reason: error.reason)
            }
        }
        let wanted = Set(files.map(\.path))
        let stale = FileIO.files(under: root).filter { !wanted.contains($0) }
        for path in stale { unlink("\(root)/\(path)") }
        Self.removeEmptyDirectories(root)
        return Report(written: pending.count, unchanged: files.count - pending.count, removed: stale.count)
    }

    private func rollBack(pending: [String], created: [String]) {
        for path in pending { unlink(path) }
        for directory in created.reversed() { rmdir("\(outputDirectory)/\(directory)") }
    }

    // MARK: Helpers

    /// Every folder the files need, parents before children.
    static func directories(of files: [OutputFile]) -> [String] {
        var directories = Set<String>()
        for file in files {
            var directory = (file.path as NSString).deletingLastPathComponent
            while !directory.isEmpty && directories.insert(directory).inserted {
                directory = (directory as NSString).deletingLastPathComponent
            }
        }
        return directories.sorted { $0.count != $1.count ? $0.count < $1.count : $0 < $1 }
    }

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
            return existing.elementsEqual(text.utf8)
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
    static func removeEmptyDirectories(_ root: String) {
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return }
        var directories: [String] = []
        for case let path as String in enumerator where FileIO.isDirectory("\(root)/\(path)") {
            directories.append(path)
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
