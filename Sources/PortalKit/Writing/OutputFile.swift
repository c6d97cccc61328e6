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

    /// The file's size in bytes (for a copy: the source's, nil when it cannot be read).
    public var size: Int? {
        switch body {
        case .text(let text): text.utf8.count
        case .data(let data): data.count
        case .copy(let source): FileIO.size(source)
        }
    }
}
