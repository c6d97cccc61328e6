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
                    let width = try item.int(.entry(of: "images.widths"))
                    guard (16...8192).contains(width) else {
                        throw ShapeProblem(
                            location: item.location, message: PhotoSettingsMessages.widthOutOfRange(width),
                            help: PhotoSettingsMessages.widthOutOfRangeHelp)
                    }
                    widths.append(width)
                }
                guard !widths.isEmpty else {
                    throw ShapeProblem(
                        location: value.location, message: PhotoSettingsMessages.noWidths,
                        help: PhotoSettingsMessages.noWidthsHelp)
                }
                settings.widths = Array(Set(widths)).sorted()
            case "largest":
                settings.largest = try value.int("images.largest")
                guard (16...16384).contains(settings.largest) else {
                    throw ShapeProblem(
                        location: value.location, message: PhotoSettingsMessages.largestOutOfRange,
                        help: PhotoSettingsMessages.largestOutOfRangeHelp)
                }
            case "quality":
                for quality in try value.entries("images.quality") {
                    try known(quality.key, quality.keyNode, qualityKeys, in: "images.quality")
                    let number = try quality.value.int("images.quality.\(quality.key)")
                    guard (1...100).contains(number) else {
                        throw ShapeProblem(
                            location: quality.value.location,
                            message: PhotoSettingsMessages.qualityOutOfRange(quality.key),
                            help: PhotoSettingsMessages.qualityOutOfRangeHelp)
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
                        location: value.location, message: PhotoSettingsMessages.shareImageNotMedia,
                        help: PhotoSettingsMessages.shareImageNotMediaHelp)
                }
                let path: String
                switch LinkResolver.place(ofPath: LinkResolver.split(text).path, from: "site.yml") {
                case .site(let place), .content(let place): path = place
                case .outside: path = ""
                }
                guard path.hasPrefix("media/") else {
                    throw ShapeProblem(
                        location: value.location, message: PhotoSettingsMessages.shareImageNotMedia,
                        help: PhotoSettingsMessages.shareImageNotMediaHelp)
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
        throw ShapeProblem(
            location: node.location, message: SettingsMessages.unknownKey(key, in: scope),
            help: SettingsMessages.unknownKeyHelp(
                suggestion: Suggestion.closest(to: key, among: known), known: known))
    }
}
