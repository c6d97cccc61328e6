/// A parsed template: a tree of these, built once, walked by every render.
enum TemplateNode: Sendable {
    /// Text as it is, UTF-8.
    case text([UInt8])
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{&name}}` (not).
    case value(TemplateName, escaped: Bool)
    /// `{{#name}}…{{/name}}`, or `{{^name}}…{{/name}}` when inverted.
    case section(TemplateName, [TemplateNode], inverted: Bool)
    /// `{{>name}}` (no overrides) or `{{<name}}…{{/name}}` (the blocks it overrides).
    /// `indentation` is set when the tag stands alone on its line: every line the partial
    /// renders after its first is indented by it.
    case partial(String, indentation: [UInt8]?, overrides: [String: [TemplateNode]]?)
    /// `{{$name}}default{{/name}}` in a parent: an override if one was given, else the default.
    case block(String, [TemplateNode], indentation: [UInt8])
    /// `{{% CONTENT_TYPE: … }}`: how the rest of the template (and its sections) escapes.
    case escaping(TemplateEscaping)
}

/// A tag's name, split at parse time so a render only walks it.
struct TemplateName: Sendable {
    enum Root: Sendable {
        /// `{{.}}`: the innermost value.
        case current
        /// `{{.a.b}}`: looked up in the innermost value only.
        case innermost
        /// `{{a.b}}`: `a` looked up from the innermost value outwards, `b` inside it.
        case stack
        /// `{{last()}}`: the position in the list a section walks.
        case position
    }
    var root: Root
    var path: [String]
    /// Applied first to last (`first(reversed(x))` reverses, then takes the first).
    var transforms: [TemplateTransform]
}
