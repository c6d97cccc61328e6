import Foundation

/// The raster formats portal publishes photos in.
public enum PhotoFormat: String, Sendable, Hashable {
    case jpeg, png, webp, heic, avif, gif, tiff, bmp

    /// By a file's first bytes; nil for anything else.
    static func sniff(_ bytes: [UInt8]) -> PhotoFormat? {
        func starts(_ prefix: [UInt8], at offset: Int = 0) -> Bool {
            bytes.count >= offset + prefix.count && Array(bytes[offset..<offset + prefix.count]) == prefix
        }
        if starts([0xFF, 0xD8, 0xFF]) { return .jpeg }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if starts(Array("RIFF".utf8)), starts(Array("WEBP".utf8), at: 8) { return .webp }
        if starts(Array("GIF8".utf8)) { return .gif }
        if starts([0x49, 0x49, 0x2A, 0x00]) || starts([0x4D, 0x4D, 0x00, 0x2A]) { return .tiff }
        if starts(Array("BM".utf8)), bytes.count >= 14 { return .bmp }
        if starts(Array("ftyp".utf8), at: 4), bytes.count >= 12 {
            let brand = String(decoding: bytes[8..<12], as: UTF8.self)
            if ["avif", "avis"].contains(brand) { return .avif }
            if ["heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1"].contains(brand) { return .heic }
        }
        return nil
    }

    /// By a file name's extension (lowercased); nil for files that are not raster images.
    static func of(name: String) -> PhotoFormat? {
        switch (name as NSString).pathExtension.lowercased() {
        case "jpg", "jpeg", "jpe", "jfif": .jpeg
        case "png": .png
        case "webp": .webp
        case "heic", "heif": .heic
        case "avif": .avif
        case "gif": .gif
        case "tif", "tiff": .tiff
        case "bmp": .bmp
        default: nil
        }
    }

    var name: String {
        switch self {
        case .jpeg: "JPEG"
        case .png: "PNG"
        case .webp: "WebP"
        case .heic: "HEIC"
        case .avif: "AVIF"
        case .gif: "GIF"
        case .tiff: "TIFF"
        case .bmp: "BMP"
        }
    }

    /// Published as it is (GIF: animations), processed, or refused.
    var isProcessed: Bool { [.jpeg, .png, .webp, .heic, .avif].contains(self) }
    var isRefused: Bool { [.tiff, .bmp].contains(self) }
}

/// One published file made from a photo.
struct PhotoFile: Sendable, Hashable {
    enum Kind: String, Sendable { case webp, fallback, share }
    /// In the output: `media/anh.jpg.480w.webp`.
    var path: String
    var width: Int
    var height: Int
    var kind: Kind
    /// Its cache key: the source's digest, how it was fitted and encoded.
    var key: String
    var size: Int
}

/// A processed photo of `Content/media/`.
struct Photo: Sendable {
    /// `media/anh.jpg`, as in the content folder.
    var source: String
    var format: PhotoFormat
    /// Upright (its EXIF orientation applied), as the source is.
    var width: Int
    var height: Int
    /// Every file published from it, narrowest first; the widest fallback is at `address`.
    var files: [PhotoFile]

    /// Where the photo is published for links: the widest file in a format browsers show, at
    /// the source's own address (`media/anh.jpg`), or for HEIC and AVIF beside it as JPEG
    /// (`media/anh.heic.jpg`).
    var address: String { fallbacks.last!.path }
    var fallbacks: [PhotoFile] { files.filter { $0.kind == .fallback } }
    var webps: [PhotoFile] { files.filter { $0.kind == .webp } }
    var share: PhotoFile? { files.first { $0.kind == .share } }
    /// The widest fallback's size: the width and height the page reserves.
    var shownWidth: Int { fallbacks.last!.width }
    var shownHeight: Int { fallbacks.last!.height }

    var mimeType: String {
        switch fallbacks.last!.path.split(separator: ".").last {
        case "png": "image/png"
        case "webp": "image/webp"
        default: "image/jpeg"
        }
    }

    /// What the page's HTML of this photo depends on, for the Markdown cache's check.
    var signature: String {
        files.filter { $0.kind != .share }.map { "\($0.path) \($0.width)x\($0.height)" }.joined(separator: ",")
    }

    /// `<picture>` (WebP first, then the fallback) or, when both are the same format, `<img>`,
    /// with `srcset`, `sizes`, the width and height of the real aspect ratio, and lazy loading
    /// unless it is the page's lead image.
    func html(alt: String, base: BaseURL, sizes: String, lead: Bool, className: String? = nil) -> String {
        func srcset(_ files: [PhotoFile]) -> String {
            files.map { "\(base.sitePath(LinkResolver.encode($0.path))) \($0.width)w" }.joined(separator: ", ")
        }
        let sizesAttribute = PortalHTML().escapeText(sizes)
        var img = "<img"
        if let className { img += " class=\"\(className)\"" }
        img += " src=\"\(base.sitePath(LinkResolver.encode(address)))\""
        let fallbacks = self.fallbacks
        if fallbacks.count > 1 { img += " srcset=\"\(srcset(fallbacks))\" sizes=\"\(sizesAttribute)\"" }
        img += " width=\"\(shownWidth)\" height=\"\(shownHeight)\" alt=\"\(PortalHTML().escapeText(alt))\""
        img += lead ? " fetchpriority=\"high\" decoding=\"async\">" : " loading=\"lazy\" decoding=\"async\">"
        let webps = self.webps
        guard !webps.isEmpty else { return img }
        return
            "<picture><source type=\"image/webp\" srcset=\"\(srcset(webps))\" sizes=\"\(sizesAttribute)\">\(img)</picture>"
    }
}

/// The photos of a build, by their `media/…` path, and the media files published as they are.
public struct PhotoSet: Sendable {
    var photos: [String: Photo] = [:]
    /// Media that are not processed photos (PDFs, GIFs, SVGs…): output path → disk path.
    var copies: [(path: String, diskPath: String)] = []
    /// Derivatives: output path, cache file, and the key the cache knows it by.
    var files: [(file: PhotoFile, cachePath: String)] = []
    /// The `og:image` of pages without an image of their own.
    var defaultShare: PhotoFile?
    /// `images.sizes`-independent digest of every photo's published files, for caches.
    var digest = ""

    public init() {}

    func photo(_ mediaPath: String) -> Photo? { photos[mediaPath] }

    /// The address a link to a media file reaches (`media/anh.heic` → `media/anh.heic.jpg`).
    func address(of mediaPath: String) -> String { photos[mediaPath]?.address ?? mediaPath }
}

/// Debian's libvips 8.14 writes an EXIF chunk into WebP files even when told to strip all
/// metadata (its saver rebuilds EXIF from the image's fields: orientation, resolution, colour
/// space). This removes the EXIF, XMP and ICC chunks of a WebP and clears their flags.
enum WebPMetadata {
    static func stripped(_ data: Data) -> Data {
        let bytes = [UInt8](data)
        guard bytes.count >= 12, bytes[0..<4] == [0x52, 0x49, 0x46, 0x46][...], bytes[8..<12] == Array("WEBP".utf8)[...]
        else { return data }
        var out: [UInt8] = Array(bytes[0..<12])
        var offset = 12
        while offset + 8 <= bytes.count {
            let fourCC = String(decoding: bytes[offset..<offset + 4], as: UTF8.self)
            let size =
                Int(bytes[offset + 4]) | Int(bytes[offset + 5]) << 8 | Int(bytes[offset + 6]) << 16
                | Int(bytes[offset + 7]) << 24
            let end = offset + 8 + size + (size & 1)
            guard end <= bytes.count else { return data }
            var chunk = Array(bytes[offset..<end])
            switch fourCC {
            case "EXIF", "XMP ", "ICCP": break
            case "VP8X":
                chunk[8] &= ~UInt8(0x20 | 0x08 | 0x04)  // ICC, EXIF, XMP flags
                out += chunk
            default: out += chunk
            }
            offset = end
        }
        let riffSize = UInt32(out.count - 8)
        for k in 0..<4 { out[4 + k] = UInt8((riffSize >> (8 * UInt32(k))) & 0xFF) }
        return Data(out)
    }
}
