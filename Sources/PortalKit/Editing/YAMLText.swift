/// Writing YAML values by hand for new files: double-quoted scalars. A JSON string literal is
/// a valid YAML double-quoted scalar, so the JSON escaping serves.
enum YAMLText {
    static func quoted(_ text: String) -> String { JSONText.string(text) }

    static func list(_ items: [String]) -> String { "[" + items.map(quoted).joined(separator: ", ") + "]" }
}
