import Foundation
import Synchronization

/// Turns the watcher's stream of changes into builds: one at a time, each after the files have
/// been quiet for `debounce` (an editor's save is often several writes, a `git checkout` many),
/// and a change during a build gives exactly one more build after it.
final class RebuildQueue: Sendable {
    private struct State {
        var pending: [String] = []
        var pendingSet: Set<String> = []
        var lastChange: ContinuousClock.Instant?
    }

    private let state = Mutex(State())
    /// One element means "something changed since you last looked"; newer ones replace it, so
    /// any number of changes during a build wake the loop once.
    private let wake: AsyncStream<Void>
    private let wakeContinuation: AsyncStream<Void>.Continuation
    let debounce: Duration

    init(debounce: Duration) {
        self.debounce = debounce
        (wake, wakeContinuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    /// Called by the watcher, from any thread.
    func record(_ paths: [String]) {
        state.withLock { state in
            for path in paths where state.pendingSet.insert(path).inserted { state.pending.append(path) }
            state.lastChange = .now
        }
        wakeContinuation.yield()
    }

    /// Ends `run` once the build in progress, if any, is done.
    func finish() { wakeContinuation.finish() }

    /// Calls `build` with the changed paths after each quiet period, until `finish()` or
    /// cancellation. Must be called once.
    func run(build: ([String]) async -> Void) async {
        for await _ in wake {
            while true {
                guard let last = state.withLock({ $0.lastChange }) else { break }
                let quietFrom = last.advanced(by: debounce)
                if ContinuousClock.now >= quietFrom { break }
                do { try await Task.sleep(until: quietFrom, clock: .continuous) } catch { return }
            }
            let changed = state.withLock { state in
                defer {
                    state.pending = []
                    state.pendingSet = []
                }
                return state.pending
            }
            if changed.isEmpty { continue }
            await build(changed)
        }
    }
}
