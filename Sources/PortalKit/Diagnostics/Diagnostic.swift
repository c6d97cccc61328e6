import Foundation
import Synchronization

/// Where a problem is: a file, and a line and column when they are known (1-based).
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?

    public init(file: String, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `path:line:column`, the form editors' tools turn into a link.
    public var description: String {
        switch (line, column) {
        case let (line?, column?): "\(file):\(line):\(column)"
        case let (line?, nil): "\(file):\(line)"
        default: file
        }
    }
}

/// What every stage's error type provides, so the command line prints them all alike:
/// where, what is wrong, and what to do.
public protocol PortalError: Error, Sendable, CustomStringConvertible {
    var location: SourceLocation? { get }
    /// What is wrong, in plain words.
    var message: String { get }
    /// What to do about it.
    var help: String? { get }
}

extension PortalError {
    public var description: String { Diagnostic(severity: .error, self).description }
}

public struct Diagnostic: Sendable, CustomStringConvertible, Hashable {
    public enum Severity: String, Sendable, Hashable { case error, warning }
    public var severity: Severity
    public var location: SourceLocation?
    public var message: String
    public var help: String?

    public init(severity: Severity, location: SourceLocation?, message: String, help: String? = nil) {
        self.severity = severity
        self.location = location
        self.message = message
        self.help = help
    }

    public init(severity: Severity, _ error: any PortalError) {
        self.init(severity: severity, location: error.location, message: error.message, help: error.help)
    }

    /// `Content/vi/a.md:3:8: error: message` and, on the next line, what to do.
    public var description: String {
        var text = location.map { "\($0): " } ?? ""
        text += "\(severity.rawValue): \(message)"
        if let help { text += "\n  help: \(help)" }
        return text
    }
}

/// Several errors found in one stage: the build reports all of them at once, so an editor
/// fixes every file in one go instead of one per build.
public struct BuildFailure: Error, Sendable, CustomStringConvertible {
    public var errors: [any PortalError]

    public init(_ errors: [any PortalError]) { self.errors = errors }

    public var description: String {
        let lines = errors.map(\.description)
        let count = errors.count == 1 ? "1 error" : "\(errors.count) errors"
        return (lines + ["build failed: \(count); the output folder was left as it was"]).joined(separator: "\n")
    }
}

/// Collects warnings from any thread; the command line prints them, tests read them.
public final class WarningLog: Sendable {
    private let store = Mutex<[Diagnostic]>([])

    public init() {}

    public func add(_ diagnostic: Diagnostic) {
        store.withLock { $0.append(diagnostic) }
    }

    public func warn(_ location: SourceLocation?, _ message: String, help: String? = nil) {
        add(Diagnostic(severity: .warning, location: location, message: message, help: help))
    }

    /// Sorted by file, line and column so the report reads the same on every run.
    public var all: [Diagnostic] {
        store.withLock { $0 }.sorted {
            ($0.location?.file ?? "", $0.location?.line ?? 0, $0.location?.column ?? 0, $0.message)
                < ($1.location?.file ?? "", $1.location?.line ?? 0, $1.location?.column ?? 0, $1.message)
        }
    }
}
