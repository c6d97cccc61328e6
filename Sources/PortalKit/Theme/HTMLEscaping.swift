import Mustache

/// HTML escaping for templates. swift-mustache's own escapes character by character through
/// a dictionary, which profiles as a tenth of a build; most texts have nothing to escape, and
/// this returns those as they are after one pass over their bytes. Every theme template is
/// parsed with a `CONTENT_TYPE` pragma line selecting it (see `Theme.load`).
struct PortalHTML: MustacheContentType {
    static let name = "PORTAL_HTML"
    /// Registered once, before the first template is parsed.
    static let registered: Bool = {
        MustacheContentTypes.register(PortalHTML(), named: name)
        return true
    }()
    static var pragma: String {
        _ = registered
        return "{{% CONTENT_TYPE: \(name) }}"
    }

    func escapeText(_ text: String) -> String {
        // &, <, >, ", ' are ASCII: no byte of a multi-byte UTF-8 sequence can be one of them.
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else {
            return text
        }
        var out = [UInt8]()
        out.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case 0x26: out += Array("&amp;".utf8)
            case 0x3C: out += Array("&lt;".utf8)
            case 0x3E: out += Array("&gt;".utf8)
            case 0x22: out += Array("&quot;".utf8)
            case 0x27: out += Array("&#39;".utf8)
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
