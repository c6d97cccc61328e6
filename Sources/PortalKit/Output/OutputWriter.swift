import CPortalSys
import Foundation

/// Writes a finished build: everything goes to a staging folder beside the output, which is
/// swapped in only once every file is written. A failed build leaves the output as it was.
public struct OutputWriter: Sendable {
    /// Present in every output folder portal writes; without it a non-empty folder is not ours
    /// to replace.
    public static let markerName = ".portal-output"
    static let markerText = "This folder is written by `portal build`; its contents are replaced on every build.\n"

    public var outputDirectory: String

    public init(outputDirectory: String) {
        var path = outputDirectory
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        self.outputDirectory = path
    }

    /// Fails before the build starts when the output folder is not portal's, so nothing is
    /// rendered in vain.
    public func checkOwnership() throws(OutputError) {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: outputDirectory, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else { throw .notADirectory(outputDirectory) }
        let entries = (try? fm.contentsOfDirectory(atPath: outputDirectory)) ?? []
        if !entries.isEmpty && !entries.contains(Self.markerName) { throw .notPortalOutput(outputDirectory) }
    }

    public struct Report: Sendable {
        public var filesWritten: Int
    }

    public func commit(_ files: [OutputFile], jobs: Int) throws(OutputError) -> Report {
        try checkOwnership()
        let fm = FileManager.default
        let parent = (outputDirectory as NSString).deletingLastPathComponent
        let name = (outputDirectory as NSString).lastPathComponent
        let staging = ((parent.isEmpty ? "." : parent) as NSString)
            .appendingPathComponent(".\(name).staging-\(ProcessInfo.processInfo.processIdentifier)")
        try? fm.removeItem(atPath: staging)
        do {
            try fm.createDirectory(atPath: staging, withIntermediateDirectories: true)
        } catch {
            throw .cannotWrite(path: staging, reason: error.localizedDescription)
        }

        var directories = Set<String>()
        for file in files {
            var dir = (file.path as NSString).deletingLastPathComponent
            while !dir.isEmpty && directories.insert(dir).inserted { dir = (dir as NSString).deletingLastPathComponent }
        }
        do {
            // Parents sort before their children.
            for dir in directories.sorted() {
                try fm.createDirectory(atPath: "\(staging)/\(dir)", withIntermediateDirectories: false)
            }
        } catch {
            try? fm.removeItem(atPath: staging)
            throw .cannotWrite(path: staging, reason: error.localizedDescription)
        }

        let marker = OutputFile(path: Self.markerName, body: .text(Self.markerText))
        let failures = ParallelMap.map(files + [marker], jobs: jobs) { file -> OutputError? in
            let target = "\(staging)/\(file.path)"
            do {
                switch file.body {
                case .text(let text): try Data(text.utf8).write(to: URL(fileURLWithPath: target))
                case .data(let data): try data.write(to: URL(fileURLWithPath: target))
                case .copy(let source): try FileManager.default.copyItem(atPath: source, toPath: target)
                }
                return nil
            } catch {
                return .cannotWrite(path: file.path, reason: error.localizedDescription)
            }
        }
        if let failure = failures.compactMap({ $0 }).first {
            try? fm.removeItem(atPath: staging)
            throw failure
        }

        if fm.fileExists(atPath: outputDirectory) {
            if portal_exchange_paths(staging, outputDirectory) != 0 {
                // The file system cannot exchange: move the old output aside, then the new in.
                let aside = staging + ".old"
                do {
                    try fm.moveItem(atPath: outputDirectory, toPath: aside)
                    try fm.moveItem(atPath: staging, toPath: outputDirectory)
                    try? fm.removeItem(atPath: aside)
                    return Report(filesWritten: files.count)
                } catch {
                    if !fm.fileExists(atPath: outputDirectory) {
                        try? fm.moveItem(atPath: aside, toPath: outputDirectory)
                    }
                    try? fm.removeItem(atPath: staging)
                    throw .cannotWrite(path: outputDirectory, reason: error.localizedDescription)
                }
            }
            try? fm.removeItem(atPath: staging)  // now holds the previous output
        } else {
            do { try fm.moveItem(atPath: staging, toPath: outputDirectory) } catch {
                try? fm.removeItem(atPath: staging)
                throw .cannotWrite(path: outputDirectory, reason: error.localizedDescription)
            }
        }
        return Report(filesWritten: files.count)
    }
}

/// Problems writing the output folder.
public enum OutputError: PortalError {
    case notPortalOutput(String)
    case notADirectory(String)
    case cannotWrite(path: String, reason: String)
    case clash(path: String, first: String, second: String)

    public var location: SourceLocation? {
        switch self {
        case .notPortalOutput(let path), .notADirectory(let path), .cannotWrite(let path, _): SourceLocation(file: path)
        case .clash(_, _, let second): SourceLocation(file: second)
        }
    }

    public var message: String {
        switch self {
        case .notPortalOutput:
            "the output folder is not empty and was not made by portal (it has no \(OutputWriter.markerName)); it was left untouched"
        case .notADirectory: "the output path exists and is not a folder"
        case .cannotWrite(_, let reason): "cannot write: \(reason)"
        case .clash(let path, let first, _): "writes \(path), which \(first) writes too"
        }
    }

    public var help: String? {
        switch self {
        case .notPortalOutput: "choose an empty or new folder with --output, or empty this one yourself if it can go"
        case .notADirectory: "choose another --output"
        case .cannotWrite: "check the disk space and the folder's permissions"
        case .clash: "rename the page, or the file in media/ or the theme's assets/"
        }
    }
}
