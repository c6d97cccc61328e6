import CRsvg
import Foundation

/// The only code that touches librsvg and cairo: measuring text as librsvg lays it out, and
/// rendering an SVG to a PNG of exact pixel size. Pango's font set-up is not known to be safe
/// across threads, so every call runs under one lock; banners are few.
enum SVGRasterizer {
    private static let lock = NSLock()

    struct Box: Sendable, Equatable {
        var x: Double
        var y: Double
        var width: Double
        var height: Double
    }

    /// What went wrong, in librsvg's or cairo's words (English): `BannerError` says it.
    enum Failure: Error, Sendable {
        case invalidSVG(String)
        case render(String)
    }

    /// The ink extents (or, with `logical`, the advance boxes) of the elements with the given
    /// ids where they stand when the document fills `viewport` (width, height) pixels; without a
    /// viewport, each element's own extents from its origin (for measuring widths).
    static func boxes(svg: String, ids: [String], logical useLogical: Bool = false, viewport: (Int, Int)? = nil)
        throws(Failure) -> [String: Box]
    {
        lock.lock()
        defer { lock.unlock() }
        let handle = try load(svg)
        defer { g_object_unref(UnsafeMutableRawPointer(handle)) }
        var boxes: [String: Box] = [:]
        for id in ids {
            var ink = RsvgRectangle()
            var logical = RsvgRectangle()
            var error: UnsafeMutablePointer<GError>?
            var area = RsvgRectangle(x: 0, y: 0, width: Double(viewport?.0 ?? 0), height: Double(viewport?.1 ?? 0))
            let found =
                viewport == nil
                ? rsvg_handle_get_geometry_for_element(handle, "#\(id)", &ink, &logical, &error)
                : rsvg_handle_get_geometry_for_layer(handle, "#\(id)", &area, &ink, &logical, &error)
            if found != 0 {
                let rect = useLogical ? logical : ink
                boxes[id] = Box(x: rect.x, y: rect.y, width: rect.width, height: rect.height)
            } else if let error {
                g_error_free(error)
            }
        }
        return boxes
    }

    /// Renders the whole document into a `width`×`height` PNG.
    static func png(svg: String, width: Int, height: Int) throws(Failure) -> Data {
        lock.lock()
        defer { lock.unlock() }
        let handle = try load(svg)
        defer { g_object_unref(UnsafeMutableRawPointer(handle)) }
        let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(width), Int32(height))
        defer { cairo_surface_destroy(surface) }
        let context = cairo_create(surface)
        defer { cairo_destroy(context) }
        var viewport = RsvgRectangle(x: 0, y: 0, width: Double(width), height: Double(height))
        var error: UnsafeMutablePointer<GError>?
        guard rsvg_handle_render_document(handle, context, &viewport, &error) != 0 else {
            let message = error.map { String(cString: $0.pointee.message) } ?? "unknown error"
            if let error { g_error_free(error) }
            throw .render(message)
        }
        cairo_surface_flush(surface)
        // cairo writes PNGs to files or streams; a temporary file is the simplest honest path.
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "portal-banner-\(UUID().uuidString).png"
        ).path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let status = cairo_surface_write_to_png(surface, path)
        guard status == CAIRO_STATUS_SUCCESS, let data = FileManager.default.contents(atPath: path) else {
            throw .render(String(cString: cairo_status_to_string(status)))
        }
        return data
    }

    private static func load(_ svg: String) throws(Failure) -> UnsafeMutablePointer<RsvgHandle> {
        var error: UnsafeMutablePointer<GError>?
        let bytes = Array(svg.utf8)
        guard
            let handle = bytes.withUnsafeBufferPointer({
                rsvg_handle_new_from_data($0.baseAddress, gsize($0.count), &error)
            })
        else {
            let message = error.map { String(cString: $0.pointee.message) } ?? "unknown error"
            if let error { g_error_free(error) }
            throw .invalidSVG(message)
        }
        // 96 dpi: one SVG user unit is one pixel.
        rsvg_handle_set_dpi(handle, 96)
        return handle
    }
}
