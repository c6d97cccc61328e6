import Synchronization

/// What a resident process (`portal serve`) knows of the two trees of its own output folder
/// after a build it committed: every file of the published tree and of the spare tree, and
/// which of them are one file (hard links of each other). With it, a rebuild of 13,000 files
/// neither walks the two trees (10,000 folders each) nor asks the file system, file by file,
/// whether a file it keeps is already in place: a third of a body edit's rebuild went to
/// those `stat`s and `getdents`.
///
/// Only the builds of the process that holds it write that output (its private preview
/// folder), and each build takes what the ledger knows as it begins and gives it back only
/// when its tree is committed: a build that fails midway, having written part of the spare
/// tree, leaves no ledger, and the next build asks the file system as `portal build` does.
public final class OutputLedger: Sendable {
    /// Each file of a tree, with a token: a file of the spare tree and a file of the published
    /// tree are one and the same exactly when they have the same token.
    struct Trees: Sendable {
        var published: [String: Int]
        var spare: [String: Int]
        /// The build that committed these trees (tokens of newer builds are greater).
        var build: Int
    }

    private let state = Mutex<Trees?>(nil)
    /// Counts builds, also those that began without trees, so a token is never reused.
    private let builds = Mutex(0)

    public init() {}

    /// The trees as the last committed build left them, now taken: until `commit` gives the
    /// next ones, nothing is known.
    func begin() -> (trees: Trees?, build: Int) {
        let build = builds.withLock { count in
            count += 1
            return count
        }
        return (
            state.withLock { trees in
                defer { trees = nil }
                return trees
            }, build
        )
    }

    func commit(_ trees: Trees) { state.withLock { $0 = trees } }

    /// Tokens of a build: a file it wrote, and a file it kept (linked into the new tree from
    /// the published one, so that file is in both trees once the two change places).
    static func writtenToken(build: Int) -> Int { 2 * build }
    static func keptToken(build: Int) -> Int { 2 * build + 1 }
    /// A file of the spare tree that the published tree does not share.
    static let notShared = -1
}
