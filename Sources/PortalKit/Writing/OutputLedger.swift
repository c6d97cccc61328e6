import Foundation
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

extension OutputWriter {
    /// After a resident process's first build, which leaves no spare tree: makes one now, every
    /// published file hard-linked into it, and tells the ledger. The first rebuild then keeps
    /// the files it shares without linking 13,000 of them while an editor waits (1.1–1.3 s of
    /// the first save's rebuild at 5,000 posts a language). Takes the output's lock; does
    /// nothing when the ledger knows of a spare tree already, or knows nothing.
    public func prepareSpareTree(ledger: OutputLedger) {
        guard let lock = try? OutputLock(output: outputDirectory, wait: true) else { return }
        defer { withExtendedLifetime(lock) {} }
        let (taken, _) = ledger.begin()
        guard var trees = taken, trees.spare.isEmpty, hasPublished else {
            if let taken { ledger.commit(taken) }
            return
        }
        let spare = spareDirectory
        // Whatever stands there is not the ledger's: the first build removed its spare tree.
        FileIO.removeTree(spare)
        do throws(FileIO.Failure) { try FileIO.makeDirectory(spare) } catch {
            ledger.commit(trees)
            return
        }
        var made: Set<String> = [""]
        for (path, token) in trees.published where path != Self.markerName {
            let folder = (path as NSString).deletingLastPathComponent
            if !made.contains(folder) {
                var missing: [String] = []
                var directory = folder
                while !made.contains(directory) {
                    missing.append(directory)
                    directory = (directory as NSString).deletingLastPathComponent
                }
                for directory in missing.reversed() {
                    mkdir("\(spare)/\(directory)", 0o755)
                    made.insert(directory)
                }
            }
            // Only a file linked is known to be in both trees.
            if link("\(outputDirectory)/\(path)", "\(spare)/\(path)") == 0 { trees.spare[path] = token }
        }
        ledger.commit(trees)
    }
}
