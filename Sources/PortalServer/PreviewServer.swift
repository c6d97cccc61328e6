import Foundation
import Hummingbird
import PortalKit
import Synchronization

/// What `portal serve` is asked to do.
public struct ServeOptions: Sendable {
    public var contentDirectory: String
    /// A theme folder overriding site.yml's `theme` (watched too).
    public var themeDirectory: String?
    /// A fixed moment to build for; `nil`: the time of each build, so a post scheduled for
    /// 14:00 appears with the first rebuild after 14:00.
    public var now: Date?
    public var includeDrafts: Bool
    public var includeFuture: Bool
    public var host: String
    /// 0: any free port (the `listening` event says which).
    public var port: Int
    public var jobs: Int
    /// How long files must stay quiet before a rebuild starts…
    public var debounce: Duration
    /// …and how long when a file that was there is missing: half of a save by rename, maybe
    /// (see `RebuildQueue`).
    public var settle: Duration
    public var watchMethod: FileWatcher.Method

    public init(
        contentDirectory: String = "Content", themeDirectory: String? = nil, now: Date? = nil,
        includeDrafts: Bool = false, includeFuture: Bool = false, host: String = "127.0.0.1", port: Int = 1313,
        jobs: Int = ProcessInfo.processInfo.activeProcessorCount, debounce: Duration = .milliseconds(40),
        settle: Duration = .milliseconds(200), watchMethod: FileWatcher.Method = .automatic
    ) {
        self.contentDirectory = contentDirectory
        self.themeDirectory = themeDirectory
        self.now = now
        self.includeDrafts = includeDrafts
        self.includeFuture = includeFuture
        self.host = host
        self.port = port
        self.jobs = max(1, jobs)
        self.debounce = debounce
        self.settle = settle
        self.watchMethod = watchMethod
    }

    /// The folders whose changes rebuild the site: the content, `Themes/` beside it, and the
    /// `--theme` folder (once each, a folder inside another is left to the outer one).
    public var watchedDirectories: [String] {
        let content = FileWatcher.standardized(contentDirectory)
        let themes = FileWatcher.standardized(
            ((content as NSString).deletingLastPathComponent as NSString).appendingPathComponent("Themes"))
        let candidates = [content, themes] + (themeDirectory.map { [FileWatcher.standardized($0)] } ?? [])
        var roots: [String] = []
        for candidate in candidates where !roots.contains(where: { candidate == $0 || candidate.hasPrefix($0 + "/") }) {
            roots.removeAll { $0.hasPrefix(candidate + "/") }
            roots.append(candidate)
        }
        return roots
    }
}

/// What the server tells its user: the command line prints `diagnostics` to standard error and
/// `message` to standard output (to standard error too when `kind` is `failed`).
public struct ServeEvent: Sendable {
    public enum Kind: Sendable, Equatable { case listening, built, failed, stopped }
    public var kind: Kind
    /// One line for people, in both languages.
    public var text: Message
    /// The line in this process's language.
    public var message: String { text.text }
    /// Warnings and errors, each in the `path:line:column: error|warning: …` form.
    public var diagnostics: [String]
    /// The site's address (`listening`).
    public var url: String?
    /// The build's generation (`built`, `failed`), counting from 1.
    public var generation: Int
    /// Each stage's name and seconds (`built`), for `portal serve --timings`.
    public var timings: [(stage: String, seconds: Double)] = []
}

/// What keeps the preview from starting; printed as `error: …` and `help: …` lines, without a
/// place (no file is at fault).
public enum ServeError: CataloguedError {
    case cannotListen(host: String, port: Int, reason: String)
    case cannotCreateFolder(String)

    public var location: SourceLocation? { nil }

    public var messageText: Message {
        switch self {
        case .cannotListen(let host, let port, let reason):
            CommandMessages.Serve.cannotListen(host: host, port: port, reason: reason)
        case .cannotCreateFolder(let reason): CommandMessages.Serve.cannotCreateFolder(reason: reason)
        }
    }

    public var helpText: Message? {
        switch self {
        case .cannotListen: CommandMessages.Serve.cannotListenHelp
        case .cannotCreateFolder: nil
        }
    }
}

/// `portal serve`: builds the site into a private folder, serves it on `host:port` (Hummingbird),
/// watches the content and the themes, rebuilds after each change and reloads open pages.
public final class PreviewServer: Sendable {
    public let options: ServeOptions
    private let onEvent: @Sendable (ServeEvent) -> Void
    private let stopLatch = StopSignal()

    public init(options: ServeOptions, onEvent: @escaping @Sendable (ServeEvent) -> Void) {
        self.options = options
        self.onEvent = onEvent
    }

    /// Asks `run()` to stop: the event streams end, the server closes, the private folder goes.
    /// Safe from any thread (a signal handler's queue), any number of times, also before `run`.
    public func stop() { stopLatch.fire(nil) }

    /// Serves until `stop()`. Throws when the port cannot be had.
    public func run() async throws {
        let workspace = try PrivateFolder()
        defer { workspace.remove() }
        let site = SiteState()
        let hub = ReloadHub()
        let responder = SiteResponder(root: workspace.output, site: site, hub: hub)
        let (boundPorts, bound) = AsyncThrowingStream.makeStream(of: Int.self)
        var app = Application(
            responder: responder,
            configuration: .init(address: .hostname(options.host, port: options.port), serverName: nil),
            onServerRunning: { channel in
                bound.yield(channel.localAddress?.port ?? 0)
                bound.finish()
            })
        // The server's own log would only repeat what the events say, and it calls the way it
        // stops (cancellation, below) an error. What goes wrong at start is thrown instead.
        app.logger.logLevel = .critical
        let server = app
        let options = self.options
        let stopLatch = self.stopLatch

        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                do {
                    try await server.run()
                    bound.finish()
                } catch {
                    bound.finish(throwing: error)
                    if !(error is CancellationError) { stopLatch.fire(error) }
                }
            }
            var port: Int?
            do {
                for try await value in boundPorts {
                    port = value
                    break
                }
            } catch {
                throw ServeError.cannotListen(host: options.host, port: options.port, reason: Self.reason(error))
            }
            guard let port else { return }
            let url = "http://\(options.host):\(port)/"

            let queue = RebuildQueue(debounce: options.debounce, settle: options.settle)
            let watcher = FileWatcher(directories: options.watchedDirectories, method: options.watchMethod) {
                queue.record($0)
            }
            // What the builds keep between them (see BuildMemory): passed from one to the next.
            let first = await self.build(
                changed: [], memory: BuildMemory(), into: workspace.output, url: url, site: site, hub: hub)
            let watched = options.watchedDirectories.filter(FileWatcher.isDirectory).map(Self.display)
            onEvent(
                ServeEvent(
                    kind: .listening,
                    text: CommandMessages.Serve.listening(url: url, watched: watched, method: watcher.methodName),
                    diagnostics: [], url: url, generation: site.snapshot.generation))
            group.addTask {
                var memory = first
                // Edits saved meanwhile wait in the queue.
                await Self.offThePool { first.prepareSpareTree(output: workspace.output) }
                await queue.run { changed in
                    memory.forget(changed: changed, contentDirectory: options.contentDirectory)
                    memory = await self.build(
                        changed: changed, memory: memory, into: workspace.output, url: url, site: site, hub: hub)
                }
            }

            let failure = await stopLatch.wait()
            watcher.stop()
            queue.finish()
            hub.close()
            await hub.waitForResponses(limit: .seconds(1))
            // Hummingbird stops gracefully on swift-service-lifecycle's graceful shutdown, which
            // code that depends on Hummingbird alone cannot trigger. Cancelling its task closes
            // the listening socket and the idle keep-alive connections at once: all a preview
            // needs, now that the event streams have ended.
            group.cancelAll()
            try await group.waitForAll()
            if let failure { throw failure }
        }
        onEvent(
            ServeEvent(kind: .stopped, text: CommandMessages.Serve.stopped, diagnostics: [], url: nil, generation: 0))
    }

    /// One build into the private folder; reports it and tells open pages. Gives back what the
    /// next build may reuse.
    private func build(
        changed: [String], memory: BuildMemory, into output: String, url: String, site: SiteState, hub: ReloadHub
    ) async -> BuildMemory {
        let started = ContinuousClock.now
        var buildOptions = BuildOptions(
            contentDirectory: options.contentDirectory, outputDirectory: output,
            themeDirectory: options.themeDirectory,
            publication: Publication(
                now: options.now ?? Date(), includeDrafts: options.includeDrafts, includeFuture: options.includeFuture),
            jobs: options.jobs, baseURL: BaseURL(url))
        // A preview is sent uncompressed over the loopback: brotli's copies would only slow each rebuild.
        buildOptions.precompress = false
        // The private folder goes when the server stops: no need to flush it to disk.
        buildOptions.durable = false
        buildOptions.serverFiles = false
        let build = buildOptions
        let warnings = WarningLog()
        // The build blocks its threads (files, cmark, its own parallel map): off the
        // cooperative pool, which the server's requests need meanwhile.
        let (result, memory) = await withCheckedContinuation {
            (continuation: CheckedContinuation<(Result<BuildResult, BuildFailure>, BuildMemory), Never>) in
            DispatchQueue.global(qos: .userInitiated).async {
                var memory = memory
                do throws(BuildFailure) {
                    let built = try SiteBuild.run(build, warnings: warnings, memory: &memory)
                    continuation.resume(returning: (.success(built), memory))
                } catch {
                    continuation.resume(returning: (.failure(error), memory))
                }
            }
        }
        let elapsed = started.duration(to: .now)
        let seconds = String(
            format: "%.2f", Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        let warningLines = warnings.all.map(\.description)
        // Tools that write a temporary file and rename it over the real one (sed -i, some
        // editors) report the temporary name too; it is gone by now, unlike a deleted page,
        // which is only named when nothing else changed.
        let existing = changed.filter { FileManager.default.fileExists(atPath: $0) }
        let changed = existing.isEmpty ? changed : existing
        let cause = changed.isEmpty ? nil : Self.describe(changed: changed)
        switch result {
        case .success(let built):
            let wasBroken = site.snapshot.failure != nil
            let generation = site.finishBuild(failure: nil, changed: changed)
            hub.broadcast(generation)
            let pages = built.pagesPerLanguage.map { "\($0.language) \($0.count)" }.joined(separator: ", ")
            onEvent(
                ServeEvent(
                    kind: .built,
                    text: CommandMessages.Serve.built(cause: cause, pages: pages, seconds: seconds, mended: wasBroken),
                    diagnostics: warningLines, url: nil, generation: generation, timings: built.timings))
        case .failure(let failure):
            let report = (warningLines + [failure.description]).joined(separator: "\n")
            let generation = site.finishBuild(failure: report, changed: changed.map(Self.display))
            hub.broadcast(generation)
            onEvent(
                ServeEvent(
                    kind: .failed,
                    text: CommandMessages.Serve.failed(cause: cause, errors: failure.errors.count, seconds: seconds),
                    diagnostics: warningLines + failure.errors.map(\.description), url: nil, generation: generation))
        }
        return memory
    }

    /// The system's words for a socket error (`Address already in use`) rather than SwiftNIO's
    /// description of the call that failed.
    /// Runs blocking work (the file system, a lock) on a dispatch thread, off the cooperative
    /// pool that the server's requests need.
    static func offThePool(_ work: @escaping @Sendable () -> Void) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            DispatchQueue.global(qos: .userInitiated).async {
                work()
                continuation.resume()
            }
        }
    }

    static func reason(_ error: any Error) -> String {
        let text = "\(error)"
        guard let range = text.range(of: #"errno: (\d+)"#, options: .regularExpression),
            let code = Int32(text[range].dropFirst("errno: ".count))
        else { return text }
        return String(cString: strerror(code))
    }

    /// `a change to Content/vi/a.md`, `changes to 3 files (Content/vi/a.md, …)`.
    static func describe(changed: [String]) -> Message { CommandMessages.Serve.cause(changed.map(display)) }

    /// A path relative to the working folder when it is inside it, as editors typed it.
    static func display(_ path: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath
        let absolute = path.hasPrefix("/") ? path : cwd + "/" + path
        let standardized = FileWatcher.standardized(absolute)
        if standardized.hasPrefix(cwd + "/") { return String(standardized.dropFirst(cwd.count + 1)) }
        return standardized
    }
}

/// Fired once, by `stop()` (no error) or by the server failing (its error); `wait` returns then.
private final class StopSignal: Sendable {
    private struct State {
        var fired = false
        var error: (any Error)?
        var waiters: [CheckedContinuation<(any Error)?, Never>] = []
    }

    private let state = Mutex(State())

    func fire(_ error: (any Error)?) {
        let waiters = state.withLock { state -> [CheckedContinuation<(any Error)?, Never>] in
            guard !state.fired else { return [] }
            state.fired = true
            state.error = error
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.resume(returning: error) }
    }

    func wait() async -> (any Error)? {
        await withCheckedContinuation { continuation in
            let fired: (Bool, (any Error)?) = state.withLock { state in
                if state.fired { return (true, state.error) }
                state.waiters.append(continuation)
                return (false, nil)
            }
            if fired.0 { continuation.resume(returning: fired.1) }
        }
    }
}

/// The folder the builds go to, outside the project (nothing to ignore in git), removed when
/// the server stops: `<tmp>/portal-serve-XXXXXX/site`, the staging folder beside it.
private struct PrivateFolder {
    let folder: String
    var output: String { folder + "/site" }

    init() throws {
        var template = Array(
            (NSTemporaryDirectory() as NSString).appendingPathComponent("portal-serve-XXXXXX").utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw ServeError.cannotCreateFolder(String(cString: strerror(errno)))
        }
        folder = String(cString: made)
    }

    func remove() { try? FileManager.default.removeItem(atPath: folder) }
}
