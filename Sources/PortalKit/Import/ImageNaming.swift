import Foundation

/// What an image extracted from a document is, by its first bytes (Word keeps a picture's
/// original name nowhere the reader sees, and pandoc names them `rId12.png` or `image3.emf`).
enum ImageKind: Sendable, Equatable {
    /// A format the site publishes: JPEG, PNG, WebP, HEIC and AVIF are processed by the
    /// build's photo stage, GIF is published as it is.
    case photo(PhotoFormat)
    case svg
    /// Anything browsers do not show (EMF and WMF drawings, TIFF, BMP): left out.
    case other(format: String)

    static func sniff(_ bytes: [UInt8]) -> ImageKind {
        if let format = PhotoFormat.sniff(bytes) {
            return format.isRefused ? .other(format: format.name) : .photo(format)
        }
        func starts(_ prefix: [UInt8], at offset: Int = 0) -> Bool {
            bytes.count >= offset + prefix.count && Array(bytes[offset..<offset + prefix.count]) == prefix
        }
        if starts([0x01, 0x00, 0x00, 0x00]), starts(Array(" EMF".utf8), at: 40) { return .other(format: "EMF") }
        if starts([0xD7, 0xCD, 0xC6, 0x9A]) || starts([0x01, 0x00, 0x09, 0x00]) { return .other(format: "WMF") }
        let head = String(decoding: bytes.prefix(512), as: UTF8.self)
        if head.contains("<svg") { return .svg }
        return .other(format: "an unknown format")
    }

    static func sniff(file path: String) -> ImageKind {
        guard let handle = FileHandle(forReadingAtPath: path) else { return .other(format: "an unreadable file") }
        defer { try? handle.close() }
        let data = (try? handle.read(upToCount: 512)) ?? Data()
        return sniff([UInt8](data))
    }

    /// The extension its file gets, nil for a kind that is left out.
    var fileExtension: String? {
        switch self {
        case .photo(let format):
            switch format {
            case .jpeg: "jpg"
            case .png: "png"
            case .webp: "webp"
            case .gif: "gif"
            case .heic: "heic"
            case .avif: "avif"
            case .tiff, .bmp: nil
            }
        case .svg: "svg"
        case .other: nil
        }
    }

    var name: String {
        switch self {
        case .photo(let format): format.name
        case .svg: "SVG"
        case .other(let format): format
        }
    }
}

/// Names the post's images: from their description (`le-ky-niem-asean.jpg`), which says what
/// they show in the address too, else `anh-2.jpg` (`image-2.jpg` in English) by their place in
/// the document; each name once. Every name is a slug, so it passes the site's checks of
/// media paths (`URLPath.checkRelative`), which are applied again before anything is written.
struct ImageNamer: Sendable {
    /// `anh` or `image`.
    var fallback: String
    private var taken: Set<String> = []

    init(language: String) {
        fallback = language == "vi" ? "anh" : "image"
    }

    mutating func name(alt: String, index: Int, fileExtension: String) -> String {
        var stem = Slug.make(alt)
        // Long descriptions make long addresses: cut at a hyphen before 60 characters.
        if stem.count > 60 {
            let cut = stem.prefix(60)
            stem = String(cut.lastIndex(of: "-").map { cut[..<$0] } ?? cut)
        }
        if stem.isEmpty { stem = "\(fallback)-\(index)" }
        var name = "\(stem).\(fileExtension)"
        var n = 2
        while taken.contains(name) {
            name = "\(stem)-\(n).\(fileExtension)"
            n += 1
        }
        taken.insert(name)
        return name
    }
}
