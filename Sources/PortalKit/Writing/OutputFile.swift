import Foundation

/// One file of the built site.
public struct OutputFile: Sendable {
    public enum Body: Sendable {
        case text(String)
        case data(Data)
        /// Copied from the content or theme folder as it is.
        case copy(from: String)
    }

    /// Inside the output folder, with `/`: `tin-tuc/bai/index.html`.
    public var path: String
    public var body: Body

    public init(path: String, body: Body) {
        self.path = path
        self.body = body
    }
}
