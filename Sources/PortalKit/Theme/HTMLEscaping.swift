/// HTML escaping of a text portal writes into HTML itself (a photo's `alt`, a figure's caption,
/// a value written into a template by `TemplateSpecialisation`): the same five characters as
/// a template's `{{x}}` (`TemplateEscaping.html`, whose bytes these are).
struct PortalHTML {
    func escapeText(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        TemplateEscaping.html.append(text, to: &out)
        return out.count == text.utf8.count ? text : String(decoding: out, as: UTF8.self)
    }
}
