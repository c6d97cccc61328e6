/// Templates by name: the names partials (`{{>name}}`) and parents (`{{<name}}`) use.
public struct TemplateLibrary: Sendable {
    let templates: [String: Template]

    public init(templates: [String: Template]) {
        self.templates = templates
    }

    public func template(named name: String) -> Template? {
        templates[name]
    }

    /// nil when there is no such template.
    public func render(_ context: TemplateValue, template name: String) -> String? {
        templates[name]?.render(context, library: self)
    }
}
