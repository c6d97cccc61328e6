/// Finds what a Mustache template refers to by name, with positions, so the theme can be
/// validated up front: `{{> partial}}`, `{{< parent}}` and `{{i18n.key}}`.
enum TemplateScan {
    struct Reference {
        enum Kind { case partial, parent, i18n, asset }
        var kind: Kind
        var name: String
        var line: Int
        var column: Int
    }

    static func references(in text: String) -> [Reference] {
        var found: [Reference] = []
        for (lineIndex, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let open = rest.range(of: "{{") {
                guard let close = rest[open.upperBound...].range(of: "}}") else { break }
                var tag = rest[open.upperBound..<close.lowerBound]
                let column = line.distance(from: line.startIndex, to: open.lowerBound) + 1
                rest = rest[close.upperBound...]
                if tag.hasPrefix("{") || tag.hasPrefix("&") { tag = tag.dropFirst() }
                tag = tag.drop { $0 == " " }
                var kind: Reference.Kind?
                if tag.hasPrefix(">") {
                    kind = .partial
                    tag = tag.dropFirst()
                } else if tag.hasPrefix("<") {
                    kind = .parent
                    tag = tag.dropFirst()
                } else {
                    // `{{i18n.key}}`, and sections over it: `{{#i18n.key}}`, `{{^i18n.key}}`.
                    if let first = tag.first, "#^".contains(first) { tag = tag.dropFirst() }
                    tag = tag.drop { $0 == " " }
                    if tag.hasPrefix("i18n.") {
                        kind = .i18n
                        tag = tag.dropFirst(5)
                    } else if tag.hasPrefix("asset.") {
                        // `{{asset.style_css.url}}`: the key is the part before `.url` / `.integrity`.
                        kind = .asset
                        tag = tag.dropFirst(6).prefix { $0 != "." }
                    }
                }
                guard let kind else { continue }
                let name = tag.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: ["}"])
                found.append(Reference(kind: kind, name: String(name), line: lineIndex + 1, column: column))
            }
        }
        return found
    }
}
