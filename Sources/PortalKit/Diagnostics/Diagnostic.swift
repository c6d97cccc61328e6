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

/// An error whose texts come from the message catalogue (Messages/), in both languages; its
/// English texts are its `message` and `help`. Error types not migrated yet are plain
/// `PortalError`s and print in English in both languages.
public protocol CataloguedError: PortalError {
    var messageText: Message { get }
    var helpText: Message? { get }
}

extension CataloguedError {
    public var message: String { messageText.en }
    public var help: String? { helpText?.en }
}

extension PortalError {
    public var description: String { Diagnostic(severity: .error, self).description }

    /// Both texts of the message and help: the catalogue's, or English twice.
    var texts: (message: Message, help: Message?) {
        if let catalogued = self as? any CataloguedError { return (catalogued.messageText, catalogued.helpText) }
        return (Message(untranslated: message), help.map(Message.init(untranslated:)))
    }
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

    /// A message not in the catalogue yet: English in both languages.
    public init(severity: Severity, location: SourceLocation?, message: String, help: String? = nil) {
        self.init(
            severity: severity, location: location, message: Message(untranslated: message),
            help: help.map(Message.init(untranslated:)))
    }

    public init(severity: Severity, _ error: any PortalError) {
        let texts = error.texts
        self.init(severity: severity, location: error.location, message: texts.message, help: texts.help)
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

    public func warn(_ location: SourceLocation?, _ message: String, help: String? = nil) {
        add(Diagnostic(severity: .warning, location: location, message: message, help: help))
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
