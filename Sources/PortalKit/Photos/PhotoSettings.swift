import Foundation

/// `images:` of `site.yml`: how photos of `Content/media/` are published.
///
/// ```yaml
/// images:
///   widths: [480, 800, 1200, 1600]   # the responsive sizes (never wider than the photo)
///   largest: 2400                    # the widest a published photo is (the original's address)
///   quality: { jpeg: 82, webp: 80 }
///   keepCopyright: false             # true: keep EXIF Artist and Copyright, nothing else
///   shareImage: /media/chia-se.jpg   # og:image of pages that have no image of their own
/// ```
public struct PhotoSettings: Sendable, Hashable {
    public var widths = [480, 800, 1200, 1600]
    public var largest = 2400
    public var jpegQuality = 82
    public var webpQuality = 80
    public var keepCopyright = false
    /// A file of `media/` (`media/…`, as written: a site path or relative to site.yml).
    public var shareImage: String?
    public var shareImageLocation: SourceLocation?

    public init() {}

    static let keys = ["widths", "largest", "quality", "keepCopyright", "shareImage"]
    static let qualityKeys = ["jpeg", "webp"]

    static func parse(_ node: YAMLNode) throws(ShapeProblem) -> PhotoSettings {
        var settings = PhotoSettings()
        for entry in try node.entries("images") {
            try known(entry.key, entry.keyNode, keys, in: "images")
            let value = entry.value
            switch entry.key {
            case "widths":
                var widths: [Int] = []
                for item in try value.list("images.widths") {
                    let width = try item.int("an entry of `images.widths`")
                    guard (16...8192).contains(width) else {
                        throw ShapeProblem(
                            location: item.location, message: "the width \(width) is not between 16 and 8192 pixels",
                            help: "give widths in pixels, e.g. [480, 800, 1200, 1600]")
                    }
                    widths.append(width)
                }
                guard !widths.isEmpty else {
                    throw ShapeProblem(
                        location: value.location, message: "`images.widths` is empty",
                        help: "give at least one width, e.g. [480, 800, 1200, 1600]")
                }
                settings.widths = Array(Set(widths)).sorted()
            case "largest":
                settings.largest = try value.int("images.largest")
                guard (16...16384).contains(settings.largest) else {
                    throw ShapeProblem(
                        location: value.location, message: "`images.largest` is not between 16 and 16384 pixels",
                        help: "e.g. `largest: 2400`")
                }
            case "quality":
                for quality in try value.entries("images.quality") {
                    try known(quality.key, quality.keyNode, qualityKeys, in: "images.quality")
                    let number = try quality.value.int("images.quality.\(quality.key)")
                    guard (1...100).contains(number) else {
                        throw ShapeProblem(
                            location: quality.value.location,
                            message: "`images.quality.\(quality.key)` is not between 1 and 100",
                            help: "80 is a good quality for photos on the web")
                    }
                    if quality.key == "jpeg" { settings.jpegQuality = number } else { settings.webpQuality = number }
                }
            case "keepCopyright": settings.keepCopyright = try value.bool("images.keepCopyright")
            default:
                let text = try value.nonEmptyString("images.shareImage")
                switch LinkResolver.address(text, isImage: true) {
                case .path: break
                default:
                    throw ShapeProblem(
                        location: value.location, message: "`images.shareImage` is not a file of media/",
                        help: "put the image in Content/media/ and write `shareImage: /media/NAME`")
                }
                let path: String
                switch LinkResolver.place(ofPath: LinkResolver.split(text).path, from: "site.yml") {
                case .site(let place), .content(let place): path = place
                case .outside: path = ""
                }
                guard path.hasPrefix("media/") else {
                    throw ShapeProblem(
                        location: value.location, message: "`images.shareImage` is not a file of media/",
                        help: "put the image in Content/media/ and write `shareImage: /media/NAME`")
                }
                settings.shareImage = path
                settings.shareImageLocation = value.location
            }
        }
        return settings
    }

    private static func known(_ key: String, _ node: YAMLNode, _ known: [String], in scope: String)
        throws(ShapeProblem)
    {
        guard !known.contains(key) else { return }
        let hint = Suggestion.closest(to: key, among: known).map { "did you mean `\($0)`? " } ?? ""
        throw ShapeProblem(
            location: node.location, message: "unknown key `\(key)` in \(scope)",
            help: "\(hint)known keys here: \(known.joined(separator: ", "))")
    }
}
