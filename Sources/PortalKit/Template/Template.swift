/// A Mustache template, parsed once, rendered against typed contexts (`TemplateValue`).
public struct Template: Sendable {
    let nodes: [TemplateNode]
    let escaping: TemplateEscaping

    /// Parses once. Errors carry the 1-based line and column of the offending tag.
    public init(_ text: String, escaping: TemplateEscaping = .html) throws(TemplateSyntaxError) {
        var parser = TemplateParser(text)
        nodes = try parser.parse(TemplateParser.State())
        self.escaping = escaping
    }

    /// Renders alone (partials / parents resolved in `library`, nil = none).
    public func render(_ context: TemplateValue, library: TemplateLibrary? = nil) -> String {
        var renderer = TemplateRenderer(context: context, library: library)
        renderer.render(nodes, TemplateRenderer.Scope(), escaping: escaping)
        return String(decoding: renderer.out, as: UTF8.self)
    }
}
