import Crypto
import Foundation

/// `portal publish`: a finished build becomes a release in a publish folder, and the folder's
/// `current` switches to it in one step.
///
/// ```
/// DIR/releases/20261204T061500Z/          the build's files; unchanged ones are hard links
/// DIR/releases/20261204T061500Z.manifest  SHA-256, size and path of every file
/// DIR/releases/20261204T061500Z.nginx.conf, .apache.conf   its server configurations
/// DIR/current  -> releases/20261204T061500Z   (a symbolic link replaced with rename)
/// DIR/previous -> the release current pointed to before (its hashed assets stay reachable)
/// DIR/nginx.conf, DIR/apache.conf          the current release's configurations
/// ```
public struct Publisher: Sendable {
    public let directory: String
    public let output: String

    public init(directory: String, output: String) {
        var path = directory
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        self.directory = OutputPlace.resolved(path)
        self.output = output
    }

    var releases: String { "\(directory)/releases" }

    public struct Release: Sendable {
        public var id: String
        public var files: Int
        public var bytes: Int
        public var isCurrent: Bool
        /// Files that were hard links to the release before (or to the build), not copies.
        public var linked = 0
    }

    /// Publishes the build in `output`, keeps the newest `keep` releases.
    public func publish(keep: Int, now: Date = Date()) throws(PublishError) -> Release {
        // The build's own lock: no build exchanges the output while it is read.
        let lock: OutputLock
        do { lock = try OutputLock(output: output, wait: true) } catch { throw .output(error) }
        defer { withExtendedLifetime(lock) {} }
        guard FileIO.regularSize("\(output)/\(OutputWriter.markerName)") != nil else { throw .notPortalOutput(output) }
        if BuildStatus.lastBuildFailed(output: output) { throw .failedBuild(output) }
        guard
            let nginx = FileIO.read(ServerFiles.nginxPath(output: output)).map({ String(decoding: $0, as: UTF8.self) })
        else { throw .missing(ServerFiles.nginxPath(output: output)) }
        let apache = FileIO.read(ServerFiles.apachePath(output: output)) ?? Data()

        do throws(FileIO.Failure) {
            try Self.makeDirectories(releases)
        } catch { throw .cannotWrite(error.path, error.reason) }
        let id = newID(now)
        let previousID = currentID()
        let previousManifest = previousID.map { readManifest($0) } ?? [:]
        let staging = "\(releases)/.\(id).partial"
        FileIO.removeTree(staging)
        let files = FileIO.tree(under: output).files.filter { $0 != OutputWriter.markerName }.sorted()
        let output = self.output, releases = self.releases
        let results = ParallelMap.map(files, jobs: ProcessInfo.processInfo.activeProcessorCount) {
            path -> Result<(String, Int, Bool), PublishError> in
            let source = "\(output)/\(path)", target = "\(staging)/\(path)"
            guard let data = FileIO.read(source) else { return .failure(.cannotRead(source)) }
            let digest = Hex.string(SHA256.hash(data: data))
            do throws(FileIO.Failure) {
                try Self.makeDirectories((target as NSString).deletingLastPathComponent)
                // Same bytes as the release before: a hard link to its file, else to the build's
                // (the build never writes a file in place), else a copy (another file system).
                if let previousID, previousManifest[path]?.digest == digest,
                    link("\(releases)/\(previousID)/\(path)", target) == 0
                {
                    return .success((digest, data.count, true))
                }
                if link(source, target) == 0 { return .success((digest, data.count, true)) }
                try FileIO.write(data, to: target)
                return .success((digest, data.count, false))
            } catch { return .failure(.cannotWrite(error.path, error.reason)) }
        }
        var manifest: [String] = []
        var bytes = 0, linked = 0
        for (path, result) in zip(files, results) {
            switch result {
            case .failure(let error):
                FileIO.removeTree(staging)
                throw error
            case .success(let (digest, size, isLink)):
                manifest.append("\(digest)  \(size)  \(path)")
                bytes += size
                if isLink { linked += 1 }
            }
        }
        let current = "\(directory)/current"
        let configured = nginx.replacingOccurrences(
            of: "\"\(OutputPlace.resolved(output))/", with: "\"\(current)/"
        ).replacingOccurrences(
            of: "\"\(OutputPlace.resolved(OutputWriter.sibling(of: output, suffix: "previous")))/",
            with: "\"\(directory)/previous/")
        do throws(FileIO.Failure) {
            try FileIO.write(Data((manifest.joined(separator: "\n") + "\n").utf8), to: "\(releases)/\(id).manifest")
            try FileIO.write(Data(configured.utf8), to: "\(releases)/\(id).nginx.conf")
            try FileIO.write(apache, to: "\(releases)/\(id).apache.conf")
            try FileIO.syncFileSystem(of: staging)
            try FileIO.rename(staging, "\(releases)/\(id)")
            try switchTo(id)
        } catch {
            FileIO.removeTree(staging)
            throw .cannotWrite(error.path, error.reason)
        }
        prune(keep: max(1, keep))
        return Release(id: id, files: files.count, bytes: bytes, isCurrent: true, linked: linked)
    }

    /// Switches `current` back to `id`, or to the release before the current one.
    public func rollback(to id: String?) throws(PublishError) -> String {
        let all = releaseIDs()
        guard let current = currentID() else { throw .nothingPublished(directory) }
        let target: String
        if let id {
            guard all.contains(id) else { throw .unknownRelease(id, all) }
            target = id
        } else {
            guard let index = all.firstIndex(of: current), index > 0 else { throw .nothingBefore(current) }
            target = all[index - 1]
        }
        do throws(FileIO.Failure) { try switchTo(target) } catch { throw .cannotWrite(error.path, error.reason) }
        return target
    }

    /// The releases, oldest first.
    public func list() -> [Release] {
        let current = currentID()
        return releaseIDs().map { id in
            let manifest = readManifest(id)
            return Release(
                id: id, files: manifest.count, bytes: manifest.values.reduce(0) { $0 + $1.size },
                isCurrent: id == current)
        }
    }

    // MARK: Helpers

    /// A folder and those above it; existing ones are fine (several threads make the same).
    static func makeDirectories(_ path: String) throws(FileIO.Failure) {
        if FileIO.isRealDirectory(path) { return }
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty && parent != path { try makeDirectories(parent) }
        try FileIO.makeDirectory(path)
    }

    /// `previous` to what `current` was, then `current` to `id`, each a symbolic link made
    /// beside and renamed over the old one (rename is atomic); then the configurations.
    private func switchTo(_ id: String) throws(FileIO.Failure) {
        if let old = currentID(), old != id { try relink("previous", to: "releases/\(old)") }
        try relink("current", to: "releases/\(id)")
        for kind in ["nginx.conf", "apache.conf"] {
            guard let data = FileIO.read("\(releases)/\(id).\(kind)") else { continue }
            try FileIO.write(data, to: "\(directory)/.\(kind).new")
            try FileIO.rename("\(directory)/.\(kind).new", "\(directory)/\(kind)")
        }
        FileIO.syncDirectory(directory)
    }

    private func relink(_ name: String, to target: String) throws(FileIO.Failure) {
        let pending = "\(directory)/.\(name).new"
        unlink(pending)
        if symlink(target, pending) != 0 { throw FileIO.Failure(pending) }
        try FileIO.rename(pending, "\(directory)/\(name)")
    }

    func currentID() -> String? {
        guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "\(directory)/current") else {
            return nil
        }
        return (target as NSString).lastPathComponent
    }

    func releaseIDs() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: releases)) ?? [])
            .filter { !$0.hasPrefix(".") && FileIO.isRealDirectory("\(releases)/\($0)") }.sorted()
    }

    /// A UTC time stamp, with `-2`, `-3`… when a release of that second exists.
    private func newID(_ now: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        let stamp = formatter.string(from: now)
        var id = stamp, n = 1
        while FileIO.size("\(releases)/\(id)") != nil || FileIO.size("\(releases)/\(id).manifest") != nil {
            n += 1
            id = "\(stamp)-\(n)"
        }
        return id
    }

    func readManifest(_ id: String) -> [String: (digest: String, size: Int)] {
        guard let data = FileIO.read("\(releases)/\(id).manifest") else { return [:] }
        var entries: [String: (String, Int)] = [:]
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 4, omittingEmptySubsequences: true)
            guard parts.count >= 3, let size = Int(parts[1]) else { continue }
            // The path is what follows the second double space (it may hold spaces).
            let fields = line.components(separatedBy: "  ")
            guard fields.count >= 3 else { continue }
            entries[fields[2...].joined(separator: "  ")] = (String(parts[0]), size)
        }
        return entries
    }

    /// Removes the oldest releases beyond `keep`, never the current or previous one.
    private func prune(keep: Int) {
        let all = releaseIDs()
        guard all.count > keep else { return }
        let protected = Set([currentID(), previousID()].compactMap { $0 })
        for id in all.prefix(all.count - keep) where !protected.contains(id) {
            FileIO.removeTree("\(releases)/\(id)")
            for suffix in ["manifest", "nginx.conf", "apache.conf"] { unlink("\(releases)/\(id).\(suffix)") }
        }
    }

    private func previousID() -> String? {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "\(directory)/previous")).map {
            ($0 as NSString).lastPathComponent
        }
    }
}

/// Problems publishing a build; the texts are `PublishMessages`.
public enum PublishError: CataloguedError {
    case notPortalOutput(String)
    case failedBuild(String)
    case missing(String)
    case output(OutputError)
    /// `reason` is the system's (strerror), in English.
    case cannotWrite(String, String)
    /// A file of the build that cannot be read.
    case cannotRead(String)
    case nothingPublished(String)
    case nothingBefore(String)
    case unknownRelease(String, [String])

    public var location: SourceLocation? {
        switch self {
        case .notPortalOutput(let path), .failedBuild(let path), .missing(let path), .cannotWrite(let path, _),
            .cannotRead(let path), .nothingPublished(let path):
            SourceLocation(file: path)
        case .output(let error): error.location
        case .nothingBefore, .unknownRelease: nil
        }
    }

    public var messageText: Message {
        switch self {
        case .notPortalOutput: PublishMessages.notPortalOutput(marker: OutputWriter.markerName)
        case .failedBuild: PublishMessages.failedBuild
        case .missing: PublishMessages.missingConfiguration
        case .output(let error): error.messageText
        case .cannotWrite(_, let reason): PublishMessages.cannotWrite(reason)
        case .cannotRead: PublishMessages.cannotRead
        case .nothingPublished: PublishMessages.nothingPublished
        case .nothingBefore(let id): PublishMessages.nothingBefore(id)
        case .unknownRelease(let id, let all): PublishMessages.unknownRelease(id, releases: all)
        }
    }

    public var helpText: Message? {
        switch self {
        case .notPortalOutput: PublishMessages.notPortalOutputHelp
        case .failedBuild: PublishMessages.failedBuildHelp
        case .missing: PublishMessages.missingConfigurationHelp
        case .output(let error): error.helpText
        case .cannotWrite: OutputMessages.cannotWriteHelp
        case .cannotRead: ContentMessages.unreadableHelp
        case .nothingPublished: PublishMessages.nothingPublishedHelp
        case .nothingBefore, .unknownRelease: PublishMessages.listReleasesHelp
        }
    }
}
