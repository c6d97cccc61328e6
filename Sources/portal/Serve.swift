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
        abstract: CommandMessages.Serve.abstract.text, discussion: CommandMessages.Serve.discussion.text)

    @Option(help: .message(CommandMessages.contentFolderParts))
    var content = "Content"

    @Option(help: .message(CommandMessages.themeFolder))
    var theme: String?

    @Option(help: .message(CommandMessages.Serve.port))
    var port = 1313

    /// Without `--now`, each rebuild is for the time it runs.
    @OptionGroup var schedule: Schedule

    @Flag(help: .message(CommandMessages.Serve.poll))
    var poll = false

    @Flag(help: .message(CommandMessages.Serve.timings))
    var timings = false

    func validate() throws {
        if !(0...65535).contains(port) { throw ValidationError(CommandMessages.Serve.portRange) }
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
