/// A template that cannot be parsed: where (1-based line and column of the offending tag, the
/// column counted in characters) and what is wrong, in English.
public struct TemplateSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var message: String

    public init(line: Int, column: Int, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "\(line):\(column): \(message)" }
}
