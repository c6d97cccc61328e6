/// One message for people, in both languages. The catalogue (`*Messages.swift` beside this
/// file) builds every one with both texts at once, so a message without its translation does
/// not compile; `MessagesTests` checks that neither is empty and both carry the arguments.
public struct Message: Sendable, Hashable {
    /// A stable English identifier (`front-matter.missing-title`) for tools reading
    /// `--format json`.
    public let code: String
    public let en: String
    public let vi: String

    public init(_ code: String, en: String, vi: String) {
        self.code = code
        self.en = en
        self.vi = vi
    }

    public func text(in language: MessageLanguage) -> String {
        switch language {
        case .en: en
        case .vi: vi
        }
    }

    /// The text in this process's language.
    public var text: String { text(in: .current) }
}
