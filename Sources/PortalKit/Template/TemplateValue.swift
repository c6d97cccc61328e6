/// What a template reads: built by the page contexts; no `Any`.
///
/// The engine pattern-matches these cases, so a tag costs no dynamic cast (swift-mustache
/// casts every value it finds to several protocols, a third of its time).
public enum TemplateValue: Sendable, Equatable {
    case text(String)
    case number(Int)
    case bool(Bool)
    case list([TemplateValue])
    case object([String: TemplateValue])
    case null
}
