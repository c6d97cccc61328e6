/// Templates with the values every page of a language shares written into them.
///
/// Each `{{i18n.readMore}}` is looked up at render time through the context stack. A third of
/// a page's tags name values that are the same on all its language's pages
/// (`PageContext.constantKeys`: UI strings, site title, asset URLs…). Each language gets its
/// own copy of the templates with those tags replaced by the text they would render, so the
/// look-up and escaping happen once per language instead of once per page. (Under
/// swift-mustache a look-up cost about 1.5 µs and this was a quarter of a build; the engine of
/// `Template/` is cheaper per tag, and this still spares it a third of its tags.)
///
/// The text is the same as the tag's because the look-up always ends at the root: no object a
/// section can put on the stack has one of those keys (`PageContextTests` checks), except the
/// constants themselves (the UI strings have a `search`), so nothing is replaced inside a
/// section over a constant (`{{#i18n}}…{{/i18n}}`). Only plain variables are replaced
/// (`{{a.b}}`, `{{{a.b}}}`, `{{&a.b}}`), and only by text holding no line break and no braces
/// that could read as a tag. A template that changes its delimiters (`{{=…=}}`) is left as it is.
enum TemplateSpecialisation {
    /// `site.title` → its text, for every string and number among the language's constants.
    static func values(_ fields: [String: Any]) -> [String: String] {
        var values: [String: String] = [:]
        func walk(_ value: Any, _ path: String) {
            switch value {
            case let text as String: values[path] = text
            case let number as Int: values[path] = String(number)
            case let object as [String: Any]: for (key, child) in object { walk(child, path + "." + key) }
            default: break
            }
        }
        for (key, value) in fields where PageContext.constantKeys.contains(key) { walk(value, key) }
        return values.filter { !$0.value.contains("\n") && !$0.value.contains("{{") && !$0.value.contains("}}") }
    }

    /// The template's text with each plain variable tag naming one of `values` replaced.
    static func specialise(_ text: String, values: [String: String]) -> String {
        guard !text.contains("{{=") else { return text }
        var out = ""
        var rest = text[...]
        /// Open sections, and how many of them are over a constant.
        var sections: [Bool] = []
        var overConstants = 0
        while let open = rest.range(of: "{{") {
            out += rest[..<open.lowerBound]
            let tag = rest[open.lowerBound...]
            let triple = tag.hasPrefix("{{{")
            let close = triple ? "}}}" : "}}"
            guard let end = tag.range(of: close) else {
                rest = tag
                break
            }
            var name = tag[tag.index(open.lowerBound, offsetBy: triple ? 3 : 2)..<end.lowerBound]
            var escaped = !triple
            if !triple, name.first == "&" {
                name = name.dropFirst()
                escaped = false
            }
            let key = name.trimmingCharacters(in: .whitespaces)
            if !triple, let sigil = key.first, sigil == "#" || sigil == "^" {
                let first = key.dropFirst().trimmingCharacters(in: .whitespaces).split(separator: ".").first
                let isConstant = first.map { PageContext.constantKeys.contains(String($0)) } ?? false
                sections.append(isConstant)
                if isConstant { overConstants += 1 }
            } else if !triple, key.first == "/", let closed = sections.popLast(), closed {
                overConstants -= 1
            }
            if overConstants == 0, let value = values[key], key.first.map({ $0.isLetter }) == true {
                out += escaped ? PortalHTML().escapeText(value) : value
            } else {
                out += tag[..<end.upperBound]
            }
            rest = tag[end.upperBound...]
        }
        return out + rest
    }
}
