import Testing

@testable import PortalKit

/// One case of the engine's own Mustache tests: a template, the context it renders, the
/// partials it may name, and the exact output. `quirk` marks swift-mustache behaviour that the
/// spec would not give; `TemplateParityTests` renders those with swift-mustache too.
struct TemplateSpecCase: Sendable, CustomTestStringConvertible {
    var name: String
    var template: String
    var context: TemplateValue
    var partials: [String: String] = [:]
    var expected: String
    var quirk = false

    var testDescription: String { name }

    init(
        _ name: String, _ template: String, _ context: TemplateValue = .object([:]),
        partials: [String: String] = [:], _ expected: String, quirk: Bool = false
    ) {
        self.name = name
        self.template = template
        self.context = context
        self.partials = partials
        self.expected = expected
        self.quirk = quirk
    }

    /// A case with no context.
    init(_ name: String, _ template: String, _ expected: String, quirk: Bool = false) {
        self.init(name, template, .object([:]), expected, quirk: quirk)
    }

    func render() throws -> String {
        var templates: [String: Template] = [:]
        for (name, text) in partials { templates[name] = try Template(text) }
        return try Template(template).render(context, library: TemplateLibrary(templates: templates))
    }
}

/// `.object` from pairs, to keep the cases short.
func object(_ fields: KeyValuePairs<String, TemplateValue>) -> TemplateValue {
    .object(Dictionary(fields.map { ($0.key, $0.value) }, uniquingKeysWith: { $1 }))
}

/// `.list` of texts.
func texts(_ items: String...) -> TemplateValue {
    .list(items.map(TemplateValue.text))
}
