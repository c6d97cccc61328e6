import Foundation
import PortalKit
import Testing

/// A site in a temporary folder, made from `Fixtures/base` with a fixture laid over it, or
/// from files given in the test. The repository's own theme renders it.
struct TestSite {
    static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    static let repository = testsDirectory.deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = testsDirectory.appendingPathComponent("Fixtures")
    static let defaultNow = VietnamTime.parse("2026-11-29T12:00")!

    let root: URL
    var content: String { root.appendingPathComponent("Content").path }
    var output: String { root.appendingPathComponent("Output").path }

    /// `fixture: nil` gives the base site alone.
    init(fixture: String? = nil, base: Bool = true) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("portal-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        if base { try Self.copyTree(Self.fixtures.appendingPathComponent("base"), to: root) }
        if let fixture { try Self.copyTree(Self.fixtures.appendingPathComponent(fixture), to: root) }
        // The repository's theme, as a site's own Themes/ folder.
        try Self.copyTree(
            Self.repository.appendingPathComponent("Themes"), to: root.appendingPathComponent("Themes"), into: true)
    }

    /// Writes `text` at `path` under the site root, creating folders.
    func write(_ path: String, _ text: String) throws {
        try write(path, Data(text.utf8))
    }

    func write(_ path: String, _ data: Data) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    func remove(_ path: String) throws {
        try FileManager.default.removeItem(at: root.appendingPathComponent(path))
    }

    @discardableResult
    func build(
        now: Date = TestSite.defaultNow, drafts: Bool = false, future: Bool = false, jobs: Int = 2,
        output: String? = nil, warnings: WarningLog = WarningLog()
    ) throws(BuildFailure) -> BuildResult {
        var options = BuildOptions(
            contentDirectory: content, outputDirectory: output ?? self.output,
            publication: Publication(now: now, includeDrafts: drafts, includeFuture: future), jobs: jobs)
        // Every rebuild in every test checks that a page kept by its input key would have had
        // the same context (see `InputKey`).
        options.verifyInputKeys = true
        let result = try SiteBuild.run(options, warnings: warnings)
        #expect(result.inputKeyMismatches.isEmpty, "input keys that matched over changed contexts")
        return result
    }

    /// Builds expecting failure; returns the failure's text as the command line prints it.
    func failure(jobs: Int = 2) -> String? {
        do {
            try build(jobs: jobs)
            return nil
        } catch {
            return error.description
        }
    }

    /// A built file's text; `path` is inside the output folder.
    func read(_ path: String, in output: String? = nil) throws -> String {
        try String(contentsOfFile: "\(output ?? self.output)/\(path)", encoding: .utf8)
    }

    /// Every file of a folder: relative path → bytes.
    static func snapshot(_ directory: String) -> [String: Data] {
        var files: [String: Data] = [:]
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return files }
        for case let path as String in enumerator {
            var isDirectory: ObjCBool = false
            let full = "\(directory)/\(path)"
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[path] = FileManager.default.contents(atPath: full)
            }
        }
        return files
    }

    private static func copyTree(_ source: URL, to destination: URL, into: Bool = false) throws {
        let fm = FileManager.default
        guard let enumerator = fm.enumerator(atPath: source.path) else { return }
        for case let path as String in enumerator {
            let from = source.appendingPathComponent(path)
            let to = destination.appendingPathComponent(path)
            var isDirectory: ObjCBool = false
            _ = fm.fileExists(atPath: from.path, isDirectory: &isDirectory)
            if isDirectory.boolValue {
                try fm.createDirectory(at: to, withIntermediateDirectories: true)
            } else {
                try fm.createDirectory(at: to.deletingLastPathComponent(), withIntermediateDirectories: true)
                if fm.fileExists(atPath: to.path) { try fm.removeItem(at: to) }
                try fm.copyItem(at: from, to: to)
            }
        }
    }
}
