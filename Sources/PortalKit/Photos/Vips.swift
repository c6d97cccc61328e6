import CVips
import Foundation

/// The only code that touches libvips: its pointers never leave this file. An image is a
/// `VipsPicture` owned by the one task that made it (not `Sendable`: it never crosses threads;
/// libvips itself is thread-safe for distinct images), released when the task drops it.
enum Vips {
    /// `vips_init` once per process.
    private static let started: Bool = portal_vips_start() == 0

    /// libvips' worker threads per pipeline. portal runs `--jobs` pipelines side by side, each
    /// on one libvips thread, so the whole stays within `--jobs` threads.
    static func start(threadsPerImage: Int) -> Bool {
        guard started else { return false }
        portal_vips_concurrency(Int32(max(1, threadsPerImage)))
        return true
    }

    /// libvips' last messages, cleaned for a one-line error.
    static func takeError() -> String {
        var buffer = [CChar](repeating: 0, count: 2048)
        portal_vips_take_error(&buffer, buffer.count)
        let text = Vips.string(buffer).split(separator: "\n").map {
            $0.trimmingCharacters(in: .whitespaces)
        }.filter { !$0.isEmpty }
        return text.joined(separator: "; ")
    }

    /// A NUL-terminated C string in `buffer`.
    static func string(_ buffer: [CChar]) -> String {
        let bytes = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    struct Failure: Error, Sendable {
        var message: String
    }

    /// What an image's header says, without decoding its pixels.
    struct Header: Sendable, Equatable {
        var loader: String
        /// As stored, before the EXIF orientation is applied.
        var width: Int
        var height: Int
        var orientation: Int
        var hasAlpha: Bool
        /// For HEIF files: `hevc` (HEIC) or `av1` (AVIF).
        var compression: String
        var pages: Int
    }

    static func header(path: String) throws(Failure) -> Header {
        guard let image = portal_vips_open(path) else { throw Failure(message: takeError()) }
        defer { portal_vips_unref(image) }
        func string(_ name: String) -> String {
            var buffer = [CChar](repeating: 0, count: 256)
            return portal_vips_get_string(image, name, &buffer, buffer.count) != 0 ? Vips.string(buffer) : ""
        }
        var pages: Int32 = 1
        if vips_image_get_typeof(image, "n-pages") != 0 { vips_image_get_int(image, "n-pages", &pages) }
        return Header(
            loader: string("vips-loader"), width: Int(vips_image_get_width(image)),
            height: Int(vips_image_get_height(image)), orientation: Int(vips_image_get_orientation(image)),
            hasAlpha: vips_image_hasalpha(image) != 0, compression: string("heif-compression"), pages: Int(pages))
    }
}

/// One image in memory, owned by the task that made it.
final class VipsPicture {
    fileprivate let image: UnsafeMutablePointer<VipsImage>

    private init(_ image: UnsafeMutablePointer<VipsImage>) { self.image = image }
    deinit { portal_vips_unref(image) }

    var width: Int { Int(vips_image_get_width(image)) }
    var height: Int { Int(vips_image_get_height(image)) }
    var hasAlpha: Bool { vips_image_hasalpha(image) != 0 }

    /// How the picture is cut from its file.
    enum Fit {
        /// Shrunk to this width (never enlarged), the aspect ratio kept.
        case width(Int)
        /// Shrunk and cut to fill exactly this size around its most interesting part (libvips'
        /// attention strategy: skin tones, saturated colour, edges).
        case attentionCrop(width: Int, height: Int)
    }

    /// The file at `path` fitted, upright, in sRGB, 8 bits, with no metadata at all; decoded
    /// with shrink-on-load and sequential access, then held in memory (at most the fitted size).
    static func load(_ path: String, fit: Fit) throws(Vips.Failure) -> VipsPicture {
        var out: UnsafeMutablePointer<VipsImage>?
        let status: Int32
        switch fit {
        case .width(let width):
            status = portal_vips_thumbnail(path, &out, Int32(width), 10_000_000, Int32(VIPS_INTERESTING_NONE.rawValue))
        case .attentionCrop(let width, let height):
            status = portal_vips_thumbnail(
                path, &out, Int32(width), Int32(height), Int32(VIPS_INTERESTING_ATTENTION.rawValue))
        }
        guard status == 0, let lazy = out else { throw Vips.Failure(message: Vips.takeError()) }
        let fitted = VipsPicture(lazy)
        var eight: UnsafeMutablePointer<VipsImage>?
        guard portal_vips_srgb8(fitted.image, &eight) == 0, let eight else {
            throw Vips.Failure(message: Vips.takeError())
        }
        let converted = VipsPicture(eight)
        // Computing the pixels here decodes the file once for every format saved from it, and
        // reports a truncated or corrupt file now.
        guard let memory = portal_vips_copy_memory(converted.image) else {
            throw Vips.Failure(message: Vips.takeError())
        }
        portal_vips_remove_metadata(memory)
        return VipsPicture(memory)
    }

    /// The picture on white, for formats without transparency.
    func flattened() throws(Vips.Failure) -> VipsPicture {
        guard hasAlpha else { return self }
        var out: UnsafeMutablePointer<VipsImage>?
        guard portal_vips_flatten_white(image, &out) == 0, let out else {
            throw Vips.Failure(message: Vips.takeError())
        }
        let flat = VipsPicture(out)
        guard let memory = portal_vips_copy_memory(flat.image) else { throw Vips.Failure(message: Vips.takeError()) }
        return VipsPicture(memory)
    }

    enum Encoding: Equatable {
        case jpeg(quality: Int)
        case webp(quality: Int)
        case png
        case avif(quality: Int)
    }

    /// The picture encoded. With `keep` (EXIF field names such as `exif-ifd0-Copyright` and their
    /// values), EXIF holding only those fields is written; otherwise no metadata at all.
    func encoded(_ encoding: Encoding, keep: [(field: String, value: String)] = []) throws(Vips.Failure) -> Data {
        // The fields go on a copy, so the other formats saved from this picture stay bare.
        var target = image
        var copy: VipsPicture?
        if !keep.isEmpty {
            guard let memory = portal_vips_copy_memory(image) else { throw Vips.Failure(message: Vips.takeError()) }
            copy = VipsPicture(memory)
            target = memory
            for (field, value) in keep { portal_vips_set_string(memory, field, value) }
        }
        let strip: Int32 = keep.isEmpty ? 1 : 0
        var buffer: UnsafeMutableRawPointer?
        var length = 0
        let status: Int32 =
            switch encoding {
            case .jpeg(let quality): portal_vips_jpegsave(target, &buffer, &length, Int32(quality), strip)
            case .webp(let quality): portal_vips_webpsave(target, &buffer, &length, Int32(quality), strip)
            case .png: portal_vips_pngsave(target, &buffer, &length, strip)
            case .avif(let quality): portal_vips_avifsave(target, &buffer, &length, Int32(quality), strip)
            }
        withExtendedLifetime(copy) {}
        guard status == 0, let buffer else { throw Vips.Failure(message: Vips.takeError()) }
        defer { portal_g_free(buffer) }
        return Data(bytes: buffer, count: length)
    }

    /// A string field of the file at `path` (read from its header), e.g. its EXIF copyright.
    static func fields(of path: String, _ names: [String]) -> [(field: String, value: String)] {
        guard let image = portal_vips_open(path) else {
            _ = Vips.takeError()
            return []
        }
        defer { portal_vips_unref(image) }
        return names.compactMap { name in
            var buffer = [CChar](repeating: 0, count: 1024)
            guard portal_vips_get_string(image, name, &buffer, buffer.count) != 0 else { return nil }
            // libvips gives `value (human form, ASCII, N components, M bytes)` (a copyright's human
            // form is `photographer (Photographer) - editor (Editor)`): the value alone.
            var value = Vips.string(buffer)
            if value.hasSuffix(" bytes)"), let range = value.range(of: " (") {
                value = String(value[..<range.lowerBound])
            }
            return value.isEmpty || value == "[None]" ? nil : (name, value)
        }
    }
}

extension Vips {
    /// `8.14.1`: part of every photo cache key (another libvips may encode other bytes).
    static let version: String = {
        "\(vips_version(0)).\(vips_version(1)).\(vips_version(2))"
    }()
}
