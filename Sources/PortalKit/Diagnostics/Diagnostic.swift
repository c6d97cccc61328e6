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
/// where, what is wrong, and what to do — in both languages, from the message catalogue
/// (Messages/): an error type cannot give a text without its translation.
public protocol PortalError: Error, Sendable, CustomStringConvertible {
    var location: SourceLocation? { get }
    /// What is wrong, in plain words.
    var messageText: Message { get }
    /// What to do about it.
    var helpText: Message? { get }
}

/// The name error types took when they moved into the catalogue, while others had not yet:
/// every `PortalError` is catalogued now.
public typealias CataloguedError = PortalError

extension PortalError {
    /// The English texts (sorting and tests read them; people read `Diagnostic`'s).
    public var message: String { messageText.en }
    public var help: String? { helpText?.en }

    public var description: String { Diagnostic(severity: .error, self).description }
}

public struct Diagnostic: Sendable, CustomStringConvertible, Hashable {
    public enum Severity: String, Sendable, Hashable {
        case error, warning

        /// The word printed before the message; the raw value stays the code in JSON.
        public var word: Message {
            switch self {
            case .error: DiagnosticMessages.error
            case .warning: DiagnosticMessages.warning
            }
        }
    }
    public var severity: Severity
    public var location: SourceLocation?
    public var messageText: Message
    public var helpText: Message?

    /// The message in English (sorting and tests read it; people read `description(in:)`).
    public var message: String { messageText.en }
    public var help: String? { helpText?.en }

    public init(severity: Severity, location: SourceLocation?, message: Message, help: Message? = nil) {
        self.severity = severity
        self.location = location
        self.messageText = message
        self.helpText = help
    }

    public init(severity: Severity, _ error: any PortalError) {
        self.init(severity: severity, location: error.location, message: error.messageText, help: error.helpText)
    }

    /// `Content/vi/a.md:3:8: error: message` and, on the next line, what to do — in this
    /// process's language.
    public var description: String { description(in: .current) }

    /// `…: lỗi: …` and `  Cách sửa: …` in Vietnamese: the location keeps its place.
    public func description(in language: MessageLanguage) -> String {
        var text = location.map { "\($0): " } ?? ""
        text += "\(severity.word.text(in: language)): \(messageText.text(in: language))"
        if let helpText {
            text += "\n  \(DiagnosticMessages.help.text(in: language)): \(helpText.text(in: language))"
        }
        return text
    }
}

/// Several errors found in one stage: the build reports all of them at once, so an editor
/// fixes every file in one go instead of one per build.
public struct BuildFailure: Error, Sendable, CustomStringConvertible {
    public var errors: [any PortalError]

    public init(_ errors: [any PortalError]) { self.errors = errors }

    public var description: String { description(in: .current) }

    public func description(in language: MessageLanguage) -> String {
        let lines = errors.map { Diagnostic(severity: .error, $0).description(in: language) }
        return (lines + [DiagnosticMessages.buildFailed(errors: errors.count).text(in: language)])
            .joined(separator: "\n")
    }
}

/// Collects warnings from any thread; the command line prints them, tests read them.
public final class WarningLog: Sendable {
    private let store = Mutex<[Diagnostic]>([])

    public init() {}

    public func add(_ diagnostic: Diagnostic) {
        store.withLock { $0.append(diagnostic) }
    }

    public func warn(_ location: SourceLocation?, _ message: Message, help: Message? = nil) {
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
