/// Finds output paths claimed twice: two things writing one file would silently lose one.
struct ClashCheck {
    /// Path → who claimed it first, worked out only for the message.
    private var owners: [String: () -> String] = [:]
    private(set) var errors: [OutputError] = []

    mutating func add(_ path: String, owner: @escaping () -> String) {
        if let first = owners[path] {
            errors.append(.clash(path: path, first: first(), second: owner()))
        } else {
            owners[path] = owner
        }
    }
}
