import Foundation
import Synchronization

/// Turns the watcher's stream of changes into builds: one at a time, each after the files have
/// been quiet for a while (an editor's save is often several writes, a `git checkout` many),
/// and a change during a build gives exactly one more build after it.
///
/// How long "quiet" is depends on what the changes left behind. A file that was there before
/// the changes began (its first change removed it) and is missing now may be half of a save by
/// rename — Vim moving the file to its backup before writing the new one, an editor deleting
/// it and creating it again — so the queue waits `settle` (200 ms) for it to come back: the
/// save gives one build, never one that finds the post gone and a second that finds it back.
/// A real deletion waits those 200 ms too. Otherwise the save is done once the files have been
/// quiet for `debounce` (40 ms by default), which gathers its writes; a temporary file that
/// was created and renamed over the real one (`sed -i`, atomic writers) is gone but was never
/// an input, so it does not make the queue wait.
final class RebuildQueue: Sendable {
    private struct State {
        var pending: [String] = []
        /// Path → whether its first change since the last build removed it.
        var firstRemoved: [String: Bool] = [:]
        var lastChange: ContinuousClock.Instant?
    }

    private let state = Mutex(State())
    /// One element means "something changed since you last looked"; newer ones replace it, so
    /// any number of changes during a build wake the loop once.
    private let wake: AsyncStream<Void>
    private let wakeContinuation: AsyncStream<Void>.Continuation
    let debounce: Duration
    let settle: Duration
    /// Whether a changed path is there now; a test may stand in for the file system.
    private let exists: @Sendable (String) -> Bool

    init(
        debounce: Duration, settle: Duration? = nil,
        exists: @escaping @Sendable (String) -> Bool = { FileManager.default.fileExists(atPath: $0) }
    ) {
        self.debounce = debounce
        self.settle = max(debounce, settle ?? debounce)
        self.exists = exists
        (wake, wakeContinuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    /// Called by the watcher, from any thread, with its changes in order.
    func record(_ changes: [FileWatcher.Change]) {
        state.withLock { state in
            for change in changes where state.firstRemoved[change.path] == nil {
                state.firstRemoved[change.path] = change.isRemoval
                state.pending.append(change.path)
            }
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
                guard
                    let (last, removed) = state.withLock({ state in
                        state.lastChange.map { ($0, state.firstRemoved.filter(\.value).map(\.key)) }
                    })
                else { break }
                let quiet = removed.contains { !exists($0) } ? settle : debounce
                let quietFrom = last.advanced(by: quiet)
                if ContinuousClock.now >= quietFrom { break }
                do { try await Task.sleep(until: quietFrom, clock: .continuous) } catch { return }
            }
            let changed = state.withLock { state in
                defer {
                    state.pending = []
                    state.firstRemoved = [:]
                }
                return state.pending
            }
            if changed.isEmpty { continue }
            await build(changed)
        }
    }
}
