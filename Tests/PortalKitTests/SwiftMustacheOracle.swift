import Mustache

@testable import PortalKit

/// swift-mustache set up as portal used it before its engine of `Template/`: the parity tests'
/// oracle. Layouts and partials were parsed with a pragma line selecting this escaping (the
/// same five characters as `TemplateEscaping.html`), the banner with swift-mustache's own.
struct PortalHTMLForMustache: MustacheContentType {
    static let name = "PORTAL_HTML"
    /// Registered once, before the first template is parsed.
    static let registered: Bool = {
        MustacheContentTypes.register(PortalHTMLForMustache(), named: name)
        return true
    }()
    static var pragma: String {
        _ = registered
        return "{{% CONTENT_TYPE: \(name) }}"
    }

    func escapeText(_ text: String) -> String { PortalHTML().escapeText(text) }
}

extension MustacheLibrary {
    /// Renders `layout` over a page context as portal did.
    func render(page context: [String: Any], layout: String) -> String {
        render(context, withTemplate: layout) ?? ""
    }
}
