import ArgumentParser
import Dispatch
import Foundation
import PortalKit
import PortalServer
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Preview the site on this computer, rebuilt and reloaded as you edit.",
        discussion: """
            Builds the site into a private folder and serves it on 127.0.0.1. Every change under \
            the content folder, Themes/ and the --theme folder rebuilds it, and open pages reload \
            by themselves; while the site does not build, pages show its errors instead. \
            `portal build`'s output never contains the reload script. Ctrl-C stops.
            """)

    @Option(help: "The content folder (site.yml, one folder per language, media/).")
    var content = "Content"

    @Option(help: "A theme folder, instead of Themes/<theme from site.yml>.")
    var theme: String?

    @Option(help: "The port to serve on, on 127.0.0.1; 0 picks a free one.")
    var port = 1313

    /// Without `--now`, each rebuild is for the time it runs.
    @OptionGroup var schedule: Schedule

    @Flag(help: "Look for changes every 250 ms instead of inotify (for content on a network share).")
    var poll = false

    @Flag(help: "After each build, print how long each stage took.")
    var timings = false

    func validate() throws {
        if !(0...65535).contains(port) { throw ValidationError("--port must be between 0 and 65535") }
    }

    func run() throws {
        let options = ServeOptions(
            contentDirectory: content, themeDirectory: theme, now: schedule.moment,
            includeDrafts: schedule.drafts, includeFuture: schedule.future, port: port,
            watchMethod: poll ? .polling(interval: .milliseconds(250)) : .automatic)
        let timings = self.timings
        let server = PreviewServer(options: options) { event in
            for line in event.diagnostics { Terminal.error(line) }
            if event.kind == .failed {
                Terminal.error(event.message)
            } else {
                // Unbuffered, so the lines appear as they happen even when piped.
                FileHandle.standardOutput.write(Data((event.message + "\n").utf8))
            }
            if timings, !event.timings.isEmpty {
                FileHandle.standardOutput.write(Data(Terminal.timingLines(event.timings).utf8))
            }
        }

        // Ctrl-C or SIGTERM: stop cleanly (the event streams end, the private folder goes);
        // a second one ends the process at once.
        let interrupts = Atomic<Int>(0)
        var sources: [any DispatchSourceSignal] = []
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                if interrupts.add(1, ordering: .relaxed).newValue > 1 { Foundation.exit(130) }
                server.stop()
            }
            source.resume()
            sources.append(source)
        }
        defer { for source in sources { source.cancel() } }

        // `portal` is a synchronous command (its root is a `ParsableCommand`), so the server runs
        // in a task while this thread waits for it.
        let outcome = Mutex<Result<Void, any Error>?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task {
            let result: Result<Void, any Error>
            do { result = .success(try await server.run()) } catch { result = .failure(error) }
            outcome.withLock { $0 = result }
            done.signal()
        }
        done.wait()
        if case .failure(let error) = outcome.withLock({ $0 }) {
            Terminal.error("\(error)")
            throw ExitCode(1)
        }
    }
}
