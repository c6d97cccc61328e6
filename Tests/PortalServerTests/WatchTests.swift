import Foundation
import Testing

@testable import PortalServer

@Suite struct WatchTests {
    static let methods: [FileWatcher.Method] = [.automatic, .polling(interval: .milliseconds(50))]

    @Test(arguments: methods)
    func reportsEditsNewFoldersAndDeletions(method: FileWatcher.Method) async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("portal-watch-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/vi", withIntermediateDirectories: true)
        try Data("a".utf8).write(to: URL(fileURLWithPath: root + "/vi/a.md"))

        let seen = Box<[String]>([])
        let watcher = FileWatcher(directories: [root, root + "/missing"], method: method) { changes in
            seen.update { $0 += changes.map(\.path) }
        }
        defer { watcher.stop() }
        #if os(Linux)
            #expect(watcher.methodName == (method == .automatic ? "inotify" : "polling"))
        #endif
        // Polling compares with a first look taken on its own thread: let it take it.
        if watcher.methodName == "polling" { try await Task.sleep(for: .milliseconds(120)) }

        try Data("changed".utf8).write(to: URL(fileURLWithPath: root + "/vi/a.md"))
        #expect(await eventually { seen.current.contains(root + "/vi/a.md") }, "\(seen.current)")

        // A new folder is watched too: what is written in it later is reported.
        try FileManager.default.createDirectory(atPath: root + "/vi/tin-tuc", withIntermediateDirectories: true)
        #expect(await eventually { seen.current.contains(root + "/vi/tin-tuc") }, "\(seen.current)")
        try Data("b".utf8).write(to: URL(fileURLWithPath: root + "/vi/tin-tuc/b.md"))
        #expect(await eventually { seen.current.contains(root + "/vi/tin-tuc/b.md") }, "\(seen.current)")

        // Editors' scratch files are not changes; a deletion is.
        try Data("x".utf8).write(to: URL(fileURLWithPath: root + "/vi/.a.md.swp"))
        try Data("x".utf8).write(to: URL(fileURLWithPath: root + "/vi/a.md~"))
        try FileManager.default.removeItem(atPath: root + "/vi/a.md")
        #expect(await eventually { seen.current.filter { $0 == root + "/vi/a.md" }.count >= 2 }, "\(seen.current)")
        #expect(!seen.current.contains { $0.hasSuffix(".swp") || $0.hasSuffix("~") }, "\(seen.current)")

        // Stopped: nothing more is reported.
        watcher.stop()
        let count = seen.current.count
        try Data("c".utf8).write(to: URL(fileURLWithPath: root + "/vi/c.md"))
        try await Task.sleep(for: .milliseconds(150))
        #expect(seen.current.count == count)
    }

    /// A link from a content folder back to its parent (an error for the build) must not make
    /// the watcher's walk endless: each real folder is walked once.
    @Test func aLinkLoopIsWalkedOnce() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("portal-watch-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/vi/tin-tuc", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: root + "/vi/tin-tuc/vong", withDestinationPath: "..")
        #expect(FileWatcher.directories(under: root) == [root, root + "/vi", root + "/vi/tin-tuc"])
    }

    /// One build at a time, once the files have been quiet for the debounce; changes while a
    /// build runs give exactly one more build after it.
    @Test func rebuildsAreDebouncedAndCoalesced() async throws {
        let debounce = Duration.milliseconds(80)
        let queue = RebuildQueue(debounce: debounce, exists: { _ in true })
        let builds = Box<[[String]]>([])
        let started = Box<[ContinuousClock.Instant]>([])
        let running = Box(0)
        let overlapped = Box(false)
        let lastRecord = Box(ContinuousClock.now)
        func record(_ paths: [String]) {
            lastRecord.update { $0 = .now }
            queue.record(paths.map { FileWatcher.Change(path: $0) })
        }
        let loop = Task {
            await queue.run { changed in
                started.update { $0.append(.now) }
                running.update { $0 += 1 }
                if running.current > 1 { overlapped.update { $0 = true } }
                builds.update { $0.append(changed) }
                if builds.current.count == 1 {
                    // Saved three times during the first build.
                    for path in ["c", "d", "c"] {
                        record([path])
                        try? await Task.sleep(for: .milliseconds(10))
                    }
                }
                running.update { $0 -= 1 }
            }
        }
        record(["a"])
        record(["b", "a"])
        let firstRecordsEnded = lastRecord.current
        #expect(await eventually { builds.current.count == 2 }, "\(builds.current)")
        #expect(builds.current == [["a", "b"], ["c", "d"]])
        // Each build waited for the debounce after the last change before it.
        let starts = started.current
        try #require(starts.count == 2)
        #expect(firstRecordsEnded.duration(to: starts[0]) >= debounce)
        #expect(lastRecord.current.duration(to: starts[1]) >= debounce)
        #expect(!overlapped.current)
        queue.finish()
        await loop.value
        #expect(builds.current.count == 2)
    }
}

/// The ways editors and tools save a file, each of which must give one rebuild — with the
/// short debounce of a plain save, and even when the file is missing for longer than that
/// half-way through.
@Suite struct SavePatternTests {
    enum Pattern: String, CaseIterable, Sendable, CustomTestStringConvertible {
        /// Written where it is.
        case inPlace
        /// A temporary file beside it, renamed over it (atomic writers).
        case temporaryRenamedOver
        /// `sed -i`: its own temporary file, renamed over the post.
        case sedInPlace
        /// Vim with `backupcopy=no`: the post renamed to its backup `post.md~`, a new post
        /// written, the backup deleted (run by the real Vim).
        case vimBackupRename
        /// The same steps by hand with a pause longer than the debounce between the rename and
        /// the write (a slow disk, a large file).
        case renameAwaySlowly
        /// Deleted, then created again after a pause longer than the debounce.
        case deleteThenCreate
        var testDescription: String { rawValue }
    }

    static let debounce = Duration.milliseconds(40)
    static let settle = Duration.milliseconds(300)

    @Test(arguments: Pattern.allCases)
    func oneSaveIsOneRebuild(_ pattern: Pattern) async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("portal-save-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/vi", withIntermediateDirectories: true)
        let post = root + "/vi/post.md"
        try Data("---\ntitle: Cũ\n---\n\nBài cũ.\n".utf8).write(to: URL(fileURLWithPath: post))

        let queue = RebuildQueue(debounce: Self.debounce, settle: Self.settle)
        let watcher = FileWatcher(directories: [root]) { queue.record($0) }
        defer { watcher.stop() }
        #expect(watcher.methodName == "inotify")
        let builds = Box<[[String]]>([])
        let contents = Box<[String?]>([])
        let loop = Task {
            await queue.run { changed in
                builds.update { $0.append(changed) }
                contents.update { $0.append(try? String(contentsOfFile: post, encoding: .utf8)) }
            }
        }
        defer {
            queue.finish()
            loop.cancel()
        }

        let new = "---\ntitle: Mới\n---\n\nBài mới.\n"
        // The save runs on a thread of its own, as an editor is a process of its own: in the
        // whole suite, tasks share two cooperative threads with the tests that build sites, and
        // a `Task.sleep` of 120 ms there could last longer than the queue's 300 ms settle, so
        // the "slow" saves became two saves (the queue was right; the test's timing was not).
        let pause = useconds_t(Self.debounce.components.attoseconds / 1_000_000_000_000 * 3)
        switch pattern {
        case .inPlace:
            try Data(new.utf8).write(to: URL(fileURLWithPath: post))
        case .temporaryRenamedOver:
            try Data(new.utf8).write(to: URL(fileURLWithPath: post + ".tmp4711"))
            #expect(rename(post + ".tmp4711", post) == 0)
        case .sedInPlace:
            try run("/usr/bin/sed", ["-i", "s/cũ/mới/; s/Cũ/Mới/", post])
        case .vimBackupRename:
            let vim = try #require(
                ["/usr/bin/vim", "/usr/bin/vim.tiny", "/usr/bin/vi"].first(where: FileManager.default.isExecutableFile),
                "Vim is installed by scripts/setup-system test")
            try run(
                vim,
                [
                    "-u", "NONE", "-i", "NONE", "-n", "-es", "-c", "set backupcopy=no writebackup nobackup",
                    "-c", "%s/cũ/mới/", "-c", "%s/Cũ/Mới/", "-c", "wq", post,
                ])
        case .renameAwaySlowly:
            let steps = await onThread {
                [
                    rename(post, post + "~") == 0, usleep(pause) == 0,
                    (try? Data(new.utf8).write(to: URL(fileURLWithPath: post))) != nil, unlink(post + "~") == 0,
                ]
            }
            #expect(steps == [true, true, true, true])
        case .deleteThenCreate:
            let steps = await onThread {
                [
                    unlink(post) == 0, usleep(pause) == 0,
                    (try? Data(new.utf8).write(to: URL(fileURLWithPath: post))) != nil,
                ]
            }
            #expect(steps == [true, true, true])
        }

        #expect(await eventually { !builds.current.isEmpty }, "no rebuild")
        // Long enough for a second rebuild, had the save given one.
        try await Task.sleep(for: Self.settle * 2)
        #expect(builds.current.count == 1, "\(builds.current)")
        #expect(builds.current.first?.contains(post) == true, "\(builds.current)")
        #expect(contents.current.first??.contains("Bài mới.") == true, "the build saw the saved file")
    }

    /// A real deletion is one rebuild too (after the longer wait).
    @Test func aDeletionIsOneRebuild() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("portal-save-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/vi", withIntermediateDirectories: true)
        try Data("a".utf8).write(to: URL(fileURLWithPath: root + "/vi/a.md"))
        let queue = RebuildQueue(debounce: Self.debounce, settle: Self.settle)
        let watcher = FileWatcher(directories: [root]) { queue.record($0) }
        defer { watcher.stop() }
        let builds = Box<[[String]]>([])
        let loop = Task { await queue.run { changed in builds.update { $0.append(changed) } } }
        defer {
            queue.finish()
            loop.cancel()
        }
        #expect(unlink(root + "/vi/a.md") == 0)
        #expect(await eventually { !builds.current.isEmpty }, "no rebuild")
        try await Task.sleep(for: Self.settle)
        #expect(builds.current == [[root + "/vi/a.md"]])
    }

    /// Runs `body` on a thread of its own (not one of Swift concurrency's shared threads) and
    /// returns what it returns.
    private func onThread<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            let thread = Thread { continuation.resume(returning: body()) }
            thread.start()
        }
    }

    private func run(_ tool: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(tool) \(arguments)")
    }
}

extension FileWatcher.Method: CustomTestStringConvertible {
    public var testDescription: String {
        switch self {
        case .automatic: "automatic"
        case .polling: "polling"
        }
    }
}
