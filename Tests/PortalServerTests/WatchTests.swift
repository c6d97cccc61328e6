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
        let watcher = FileWatcher(directories: [root, root + "/missing"], method: method) { paths in
            seen.update { $0 += paths }
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
        let queue = RebuildQueue(debounce: debounce)
        let builds = Box<[[String]]>([])
        let started = Box<[ContinuousClock.Instant]>([])
        let running = Box(0)
        let overlapped = Box(false)
        let lastRecord = Box(ContinuousClock.now)
        func record(_ paths: [String]) {
            lastRecord.update { $0 = .now }
            queue.record(paths)
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

extension FileWatcher.Method: CustomTestStringConvertible {
    public var testDescription: String {
        switch self {
        case .automatic: "automatic"
        case .polling: "polling"
        }
    }
}
