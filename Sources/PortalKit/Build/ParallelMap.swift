import Dispatch
import Synchronization

/// Runs `transform` over `items` on up to `jobs` threads and returns the results in the
/// order of `items`, so parallel work never changes what a build produces.
enum ParallelMap {
    static func map<T: Sendable, R: Sendable>(_ items: [T], jobs: Int, _ transform: @Sendable (T) -> R) -> [R] {
        let workers = max(1, min(jobs, items.count))
        if workers == 1 { return items.map(transform) }
        let next = Atomic<Int>(0)
        let results = Mutex<[(Int, R)]>([])
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            var local: [(Int, R)] = []
            while true {
                let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard index < items.count else { break }
                local.append((index, transform(items[index])))
            }
            results.withLock { $0 += local }
        }
        return results.withLock { all in all.sorted { $0.0 < $1.0 }.map(\.1) }
    }

    /// The same, with a `state` each worker thread makes for itself and keeps for all its items:
    /// what is costly to make, and not `Sendable`, is made once per thread instead of per item.
    static func map<T: Sendable, R: Sendable, State>(
        _ items: [T], jobs: Int, state makeState: @Sendable () -> State,
        _ transform: @Sendable (inout State, T) -> R
    ) -> [R] {
        let workers = max(1, min(jobs, items.count))
        let next = Atomic<Int>(0)
        let results = Mutex<[(Int, R)]>([])
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            var state = makeState()
            var local: [(Int, R)] = []
            while true {
                let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard index < items.count else { break }
                local.append((index, transform(&state, items[index])))
            }
            results.withLock { $0 += local }
        }
        return results.withLock { all in all.sorted { $0.0 < $1.0 }.map(\.1) }
    }
}
