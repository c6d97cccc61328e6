import Foundation
import PortalKit
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Watches folders (recursively) and reports the paths that changed.
///
/// On Linux it is inotify: changes arrive at once, nothing runs while nobody types, and it
/// scales to sites of thousands of posts (one watch per folder, not per file). Polling — the
/// size, modification time and inode of every file, every 250 ms — is the fallback: where
/// inotify is missing (other systems), where it cannot be had (the per-user watch limit
/// `fs.inotify.max_user_watches` is used up), and on request (`--poll`), for content on a
/// network share or a container mount, where inotify does not see changes made on another
/// machine. Both report the same thing, so the rebuild does not care which one runs; the tests
/// run both.
public final class FileWatcher: Sendable {
    public enum Method: Sendable, Equatable {
        /// inotify where possible, else polling every 250 ms.
        case automatic
        case polling(interval: Duration)
    }

    /// One path that changed: written, created or removed (deleted or moved away).
    public struct Change: Sendable, Hashable {
        public var path: String
        /// The path was deleted or moved away by this event: the rebuild queue waits longer for
        /// it to come back (a save by rename) than after a write.
        public var isRemoval: Bool

        public init(path: String, isRemoval: Bool = false) {
            self.path = path
            self.isRemoval = isRemoval
        }
    }

    private let stopAction: @Sendable () -> Void
    /// `inotify` or `polling`, for messages and tests.
    public let methodName: String

    /// Starts watching `directories` (those that exist) and calls `onChange` from a thread of its
    /// own with each batch of changes, in the order they happened. Names that editors use for temporary files (hidden
    /// files, `name~`, Vim's swap files and its `4913` probe) are left out, as the build skips
    /// hidden files too.
    public init(
        directories: [String], method: Method = .automatic, onChange: @escaping @Sendable ([Change]) -> Void
    ) {
        let roots = directories.map { Self.standardized($0) }.filter { Self.isDirectory($0) }
        #if os(Linux)
            if method == .automatic, let watcher = InotifyWatcher(roots: roots, onChange: onChange) {
                stopAction = { watcher.stop() }
                methodName = "inotify"
                return
            }
        #endif
        let interval: Duration
        switch method {
        case .automatic: interval = .milliseconds(250)
        case .polling(let every): interval = every
        }
        let poller = PollingWatcher(roots: roots, interval: interval, onChange: onChange)
        stopAction = { poller.stop() }
        methodName = "polling"
    }

    /// Stops watching; no `onChange` call starts after this returns. Safe to call more than once.
    public func stop() { stopAction() }

    deinit { stopAction() }

    /// The form of every path reported (`BuildMemory` reads them in it).
    static func standardized(_ path: String) -> String { BuildMemory.standardized(path) }

    static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// Names the build skips or that are an editor's scratch files: not worth a rebuild.
    static func isIgnored(name: String) -> Bool {
        name.hasPrefix(".") || name.hasSuffix("~") || name.hasSuffix(".swp") || name.hasSuffix(".swx")
            || name == "4913"
    }

    /// Every folder under `root` (itself included), hidden ones skipped. Links to folders are
    /// followed (a theme may be a link to another folder), each real folder once: a link back
    /// to a parent (which the build reports as an error) must not make the walk endless.
    static func directories(under root: String) -> [String] {
        var seen: Set<String> = []
        return directories(under: root, seen: &seen)
    }

    private static func directories(under root: String, seen: inout Set<String>) -> [String] {
        guard seen.insert(InputTree.realPath(root) ?? root).inserted else { return [] }
        var result = [root]
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        for entry in entries.sorted() where !entry.hasPrefix(".") {
            let path = root + "/" + entry
            if isDirectory(path) { result += directories(under: path, seen: &seen) }
        }
        return result
    }
}

/// A latch that says when a watcher was told to stop, and makes a stopping caller wait for a
/// callback that is already running.
private final class StopLatch: Sendable {
    private let stopped = Mutex(false)

    var isStopped: Bool { stopped.withLock { $0 } }

    /// Returns true the first time only.
    func stop() -> Bool {
        stopped.withLock { stopped in
            defer { stopped = true }
            return !stopped
        }
    }

    /// Runs `body` unless stopped; `stop()` waits while it runs.
    func ifRunning(_ body: () -> Void) {
        stopped.withLock { stopped in if !stopped { body() } }
    }
}

#if os(Linux)
    /// inotify: one watch per folder; new folders get theirs as they appear.
    private final class InotifyWatcher: Sendable {
        private let latch = StopLatch()
        /// The write end of a pipe the watching thread polls beside the inotify descriptor.
        private let wakeWrite: Int32

        init?(roots: [String], onChange: @escaping @Sendable ([FileWatcher.Change]) -> Void) {
            let inotify = inotify_init1(Int32(IN_CLOEXEC) | Int32(IN_NONBLOCK))
            guard inotify >= 0 else { return nil }
            var wake: [Int32] = [0, 0]
            guard pipe(&wake) == 0 else {
                close(inotify)
                return nil
            }
            _ = fcntl(wake[0], F_SETFD, FD_CLOEXEC)
            _ = fcntl(wake[1], F_SETFD, FD_CLOEXEC)
            var prepared = InotifyLoop(inotify: inotify, wakeRead: wake[0], roots: roots)
            guard prepared.addInitialWatches() else {
                // Most likely the watch limit: poll instead.
                close(inotify)
                close(wake[0])
                close(wake[1])
                return nil
            }
            wakeWrite = wake[1]
            let latch = self.latch
            let initial = prepared
            // The loop and its table of watches belong to this thread alone.
            Thread.detachNewThread {
                var loop = initial
                loop.run { paths in latch.ifRunning { onChange(paths) } }
            }
        }

        func stop() {
            guard latch.stop() else { return }
            var byte: UInt8 = 1
            _ = write(wakeWrite, &byte, 1)
            close(wakeWrite)
        }
    }

    /// The watching thread's state: the inotify descriptor and which folder each watch is.
    private struct InotifyLoop: Sendable {
        let inotify: Int32
        let wakeRead: Int32
        let roots: [String]
        var folders: [Int32: String] = [:]

        static let mask: UInt32 = UInt32(
            IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB
                | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR)

        init(inotify: Int32, wakeRead: Int32, roots: [String]) {
            self.inotify = inotify
            self.wakeRead = wakeRead
            self.roots = roots
        }

        /// False when a watch could not be added (the limit): the caller falls back to polling.
        mutating func addInitialWatches() -> Bool {
            for root in roots {
                for folder in FileWatcher.directories(under: root) where !addWatch(folder) { return false }
            }
            return true
        }

        @discardableResult
        mutating func addWatch(_ folder: String) -> Bool {
            let wd = inotify_add_watch(inotify, folder, Self.mask)
            guard wd >= 0 else { return errno == ENOENT || errno == ENOTDIR }  // gone already: fine
            folders[wd] = folder
            return true
        }

        mutating func run(report: ([FileWatcher.Change]) -> Void) {
            defer {
                close(inotify)
                close(wakeRead)
            }
            let bufferSize = 64 * 1024
            let buffer = UnsafeMutableRawPointer.allocate(byteCount: bufferSize, alignment: 8)
            defer { buffer.deallocate() }
            while true {
                var fds = [
                    pollfd(fd: inotify, events: Int16(POLLIN), revents: 0),
                    pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0),
                ]
                let ready = poll(&fds, 2, -1)
                if ready < 0 {
                    if errno == EINTR { continue }
                    return
                }
                if fds[1].revents != 0 { return }
                guard fds[0].revents != 0 else { continue }
                var changed: [FileWatcher.Change] = []
                while true {
                    let count = read(inotify, buffer, bufferSize)
                    if count < 0 && errno == EINTR { continue }
                    if count <= 0 { break }  // EAGAIN: drained
                    changed += handle(UnsafeRawBufferPointer(start: buffer, count: count))
                }
                // In order: whether a path's first event removed it tells the queue it was there
                // before, so the same change twice in a row is said once.
                changed = changed.enumerated().filter { $0.offset == 0 || changed[$0.offset - 1] != $0.element }.map(
                    \.element)
                if !changed.isEmpty { report(changed) }
            }
        }

        /// The paths of one read's events; new folders get watches (with everything already in
        /// them, which may have been created before the watch was).
        mutating func handle(_ events: UnsafeRawBufferPointer) -> [FileWatcher.Change] {
            var changed: [FileWatcher.Change] = []
            var offset = 0
            let headerSize = MemoryLayout<inotify_event>.size
            while offset + headerSize <= events.count {
                let wd = events.loadUnaligned(fromByteOffset: offset, as: Int32.self)
                let mask = events.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
                let nameLength = Int(events.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
                let nameBytes = events[(offset + headerSize)..<min(events.count, offset + headerSize + nameLength)]
                let name = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
                offset += headerSize + nameLength

                if mask & UInt32(IN_Q_OVERFLOW) != 0 {
                    // Events were lost: say everything changed (a rebuild reads everything anyway).
                    changed += roots.map { FileWatcher.Change(path: $0) }
                    continue
                }
                if mask & UInt32(IN_IGNORED) != 0 {
                    folders.removeValue(forKey: wd)
                    continue
                }
                guard let folder = folders[wd] else { continue }
                if name.isEmpty {
                    // The folder itself: deleted or moved away, or its attributes changed.
                    let removed = mask & UInt32(IN_DELETE_SELF | IN_MOVE_SELF) != 0
                    changed.append(FileWatcher.Change(path: folder, isRemoval: removed))
                    continue
                }
                if FileWatcher.isIgnored(name: name) { continue }
                let path = folder + "/" + name
                changed.append(
                    FileWatcher.Change(path: path, isRemoval: mask & UInt32(IN_DELETE | IN_MOVED_FROM) != 0))
                if mask & UInt32(IN_ISDIR) != 0 && mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                    for sub in FileWatcher.directories(under: path) { addWatch(sub) }
                }
            }
            return changed
        }
    }
#endif

/// Polling: compares the size, modification time and inode of every file and folder with the
/// previous look (a file saved twice within one look, to the same size and time, is missed:
/// file systems here keep nanoseconds, so only a tool that resets the time could do that).
private final class PollingWatcher: Sendable {
    private let latch = StopLatch()

    private struct Stamp: Equatable {
        var size: Int64
        var modified: timespec
        var inode: UInt64

        static func == (a: Stamp, b: Stamp) -> Bool {
            a.size == b.size && a.inode == b.inode && a.modified.tv_sec == b.modified.tv_sec
                && a.modified.tv_nsec == b.modified.tv_nsec
        }
    }

    init(roots: [String], interval: Duration, onChange: @escaping @Sendable ([FileWatcher.Change]) -> Void) {
        let latch = self.latch
        Thread.detachNewThread {
            var previous = Self.scan(roots)
            let nanoseconds =
                interval.components.seconds * 1_000_000_000 + interval.components.attoseconds / 1_000_000_000
            while !latch.isStopped {
                var pause = timespec(
                    tv_sec: Int(nanoseconds / 1_000_000_000), tv_nsec: Int(nanoseconds % 1_000_000_000))
                nanosleep(&pause, nil)
                if latch.isStopped { return }
                let current = Self.scan(roots)
                var changed = current.compactMap { path, stamp in
                    previous[path] == stamp ? nil : FileWatcher.Change(path: path)
                }
                changed += previous.keys.filter { current[$0] == nil }.map {
                    FileWatcher.Change(path: $0, isRemoval: true)
                }
                previous = current
                if !changed.isEmpty { latch.ifRunning { onChange(changed.sorted { $0.path < $1.path }) } }
            }
        }
    }

    func stop() { _ = latch.stop() }

    private static func scan(_ roots: [String]) -> [String: Stamp] {
        var stamps: [String: Stamp] = [:]
        func visit(_ path: String, depth: Int) {
            var info = stat()
            guard stat(path, &info) == 0 else { return }
            #if canImport(Darwin)
                let modified = info.st_mtimespec
            #else
                let modified = info.st_mtim
            #endif
            stamps[path] = Stamp(size: Int64(info.st_size), modified: modified, inode: UInt64(info.st_ino))
            // Links are followed (a theme may be a link to another folder), to a depth that a
            // link to a parent folder cannot make endless.
            guard (info.st_mode & S_IFMT) == S_IFDIR, depth < 32 else { return }
            for entry in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            where !FileWatcher.isIgnored(name: entry) {
                visit(path + "/" + entry, depth: depth + 1)
            }
        }
        for root in roots { visit(root, depth: 0) }
        return stamps
    }
}
