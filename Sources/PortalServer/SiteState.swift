import Foundation
import Synchronization

/// What the server knows about the last build: its generation (counting every build, good or
/// failed), and the error report while the site does not build.
final class SiteState: Sendable {
    struct Snapshot: Sendable {
        /// 0 until the first build has finished.
        var generation: Int
        /// The report of the last build when it failed; `nil` when it succeeded.
        var failure: String?
        /// What the failed build was started by, for the error page.
        var changed: [String]
    }

    private struct State {
        var snapshot = Snapshot(generation: 0, failure: nil, changed: [])
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    private let state = Mutex(State())

    var snapshot: Snapshot { state.withLock { $0.snapshot } }

    /// Records a finished build and returns its generation. Requests that were waiting for the
    /// first build go on.
    func finishBuild(failure: String?, changed: [String]) -> Int {
        let (generation, waiters) = state.withLock { state in
            state.snapshot.generation += 1
            state.snapshot.failure = failure
            state.snapshot.changed = failure == nil ? [] : changed
            defer { state.waiters = [] }
            return (state.snapshot.generation, state.waiters)
        }
        for waiter in waiters { waiter.resume() }
        return generation
    }

    /// Returns once the first build has finished (at once after that): a page requested while
    /// the server is starting is served from a finished build, never from a half-empty folder.
    func waitForFirstBuild() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let ready = state.withLock { state in
                if state.snapshot.generation > 0 { return true }
                state.waiters.append(continuation)
                return false
            }
            if ready { continuation.resume() }
        }
    }
}

/// The open event streams of the pages shown in browsers; each gets the generation of every
/// new build.
final class ReloadHub: Sendable {
    private struct State {
        var nextID = 0
        var subscribers: [Int: AsyncStream<Int>.Continuation] = [:]
        var closed = false
        /// Event responses still writing (their last chunk included).
        var responses = 0
    }

    private let state = Mutex(State())

    /// A stream of build generations. Only the newest matters to a page, so a slow reader gets
    /// the last one, not a backlog. The stream ends when the server stops.
    func subscribe() -> AsyncStream<Int> {
        let (stream, continuation) = AsyncStream.makeStream(of: Int.self, bufferingPolicy: .bufferingNewest(1))
        let id: Int? = state.withLock { state in
            if state.closed { return nil }
            defer { state.nextID += 1 }
            state.subscribers[state.nextID] = continuation
            return state.nextID
        }
        guard let id else {
            continuation.finish()
            return stream
        }
        continuation.onTermination = { [weak self] _ in
            _ = self?.state.withLock { $0.subscribers.removeValue(forKey: id) }
        }
        return stream
    }

    func broadcast(_ generation: Int) {
        let subscribers = state.withLock { Array($0.subscribers.values) }
        for subscriber in subscribers { subscriber.yield(generation) }
    }

    /// Ends every stream, so their responses finish and the server can stop without waiting for
    /// browsers to hang up.
    func close() {
        let subscribers = state.withLock { state in
            state.closed = true
            defer { state.subscribers = [:] }
            return Array(state.subscribers.values)
        }
        for subscriber in subscribers { subscriber.finish() }
    }

    var subscriberCount: Int { state.withLock { $0.subscribers.count } }

    /// Brackets an event response's writing, so `waitForResponses` knows when all are done.
    func responseStarted() { state.withLock { $0.responses += 1 } }
    func responseEnded() { state.withLock { $0.responses -= 1 } }

    /// After `close()`: waits (at most `limit`) until every event response has written its end,
    /// so browsers see the streams end cleanly rather than cut when the server stops.
    func waitForResponses(limit: Duration) async {
        let deadline = ContinuousClock.now.advanced(by: limit)
        while state.withLock({ $0.responses }) > 0 && ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(5))
        }
    }
}
