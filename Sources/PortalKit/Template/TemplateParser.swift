/// Reads a template's text into `TemplateNode`s, once.
///
/// The whitespace rules follow swift-mustache's parser step by step, not only the spec, because
/// a theme must render byte for byte as before: a line holding only a section, inverted, close,
/// comment, partial, parent, block or delimiter tag leaves no trace; which tags count as "alone
/// on their line" is decided as swift-mustache decides it (see `TemplateSpecTests`, "quirk").
struct TemplateParser {
    let bytes: [UInt8]
    var index = 0
    /// The `{{$block}}` overrides of each `{{<parent}}` being read, innermost last.
    var definitions: [[String: [TemplateNode]]] = []

    /// What one level of the tree is reading (a section's body has its own copy, so a
    /// delimiter change inside a section ends with it, as in swift-mustache).
    struct State {
        /// The open section this level ends at: its name, transforms and where it opened.
        var section: (name: String, transforms: [String], openedAt: Int)?
        /// Nothing but spaces and tabs since the line began.
        var newLine = true
        /// Inside a `{{<parent}}`…`{{/parent}}`.
        var inParent = false
        /// Directly inside it, where only `{{$block}}` overrides may stand.
        var parentTopLevel = false
        /// Inside an override, lines lose the indentation its first line had.
        var definitionIndent: Int?
        var open: [UInt8] = Array("{{".utf8)
        var close: [UInt8] = Array("}}".utf8)
    }

    init(_ text: String) {
        bytes = Array(text.utf8)
    }

    /// One level of the tree: up to the close of `state.section`, or to the end of the text.
    mutating func parse(_ state: State) throws(TemplateSyntaxError) -> [TemplateNode] {
        var nodes: [TemplateNode] = []
        var state = state
        /// Spaces and tabs that began the line, held back until it is known whether the tag
        /// after them stands alone.
        var indent: ArraySlice<UInt8> = []
        while index < bytes.count {
            if state.newLine {
                let spaces = readSpacesAndTabs()
                if state.inParent, !state.parentTopLevel {
                    if let definitionIndent = state.definitionIndent {
                        indent = spaces.dropFirst(definitionIndent)
                    } else {
                        state.definitionIndent = spaces.count
                    }
                } else {
                    indent = spaces
                }
            }
            let (text, tagStart) = readText(state)
            if tagStart == nil, index < bytes.count {
                // A line break ends the text.
                nodes.append(.text(Array(indent) + text + [0x0A]))
                index += 1
                state.newLine = true
                continue
            }
            if !text.isEmpty {
                nodes.append(.text(Array(indent + text)))
                indent = []
                state.newLine = false
            }
            guard let tagStart else { break }
            guard index < bytes.count else {
                throw error(at: tagStart, "the tag is not closed: add `\(string(state.close))`")
            }
            /// Emits the held-back indentation: the tag does not stand alone.
            func flushIndent() {
                if !indent.isEmpty {
                    nodes.append(.text(Array(indent)))
                    indent = []
                }
            }
            func append(_ node: TemplateNode) throws(TemplateSyntaxError) {
                if state.parentTopLevel {
                    throw error(
                        at: tagStart,
                        "only `{{$block}}…{{/block}}` overrides may stand directly inside a parent "
                            + "`{{<\(state.section?.name ?? "")}}`: move this tag into an override")
                }
                nodes.append(node)
            }
            var standalone = false
            switch bytes[index] {
            case UInt8(ascii: "#"), UInt8(ascii: "^"):
                let inverted = bytes[index] == UInt8(ascii: "^")
                index += 1
                let (name, transforms) = try readName(state, tagStart: tagStart)
                let parsed = try Self.name(name, transforms, at: tagStart, in: self)
                if isStandalone(state) {
                    standalone = true
                } else {
                    flushIndent()
                }
                var inner = state
                inner.section = (name, transforms, tagStart)
                inner.parentTopLevel = false
                inner.newLine = standalone
                let body = try parse(inner)
                try append(.section(parsed, body, inverted: inverted))

            case UInt8(ascii: "/"):
                index += 1
                let (name, transforms) = try readName(state, tagStart: tagStart)
                guard let section = state.section, section.name == name, section.transforms == transforms else {
                    let closing = Self.spelled(name, transforms)
                    if let section = state.section {
                        let (line, column) = position(of: section.openedAt)
                        let open = Self.spelled(section.name, section.transforms)
                        throw error(
                            at: tagStart,
                            "`{{/\(closing)}}` does not close the open section `\(open)` (line \(line), column "
                                + "\(column)): close that first with {{/\(open)}}")
                    }
                    throw error(at: tagStart, "`{{/\(closing)}}` closes no open section: remove it")
                }
                if !isStandalone(state) { flushIndent() }
                return nodes

            case UInt8(ascii: "!"):
                index += 1
                guard let end = find(state.close, from: index) else {
                    throw error(at: tagStart, "the comment is not closed: add `\(string(state.close))`")
                }
                index = end + state.close.count
                standalone = isStandalone(state)

            case UInt8(ascii: "{"), UInt8(ascii: "&"):
                let triple = bytes[index] == UInt8(ascii: "{")
                flushIndent()
                index += 1
                let (name, transforms) = try readName(state, tagStart: tagStart)
                if triple {
                    guard index < bytes.count, bytes[index] == UInt8(ascii: "}") else {
                        throw error(at: tagStart, "`{{{\(name)` is not closed: add `}\(string(state.close))`")
                    }
                    index += 1
                }
                try append(.value(Self.name(name, transforms, at: tagStart, in: self), escaped: false))

            case UInt8(ascii: ">"):
                index += 1
                let name = try readPartialName(state, tagStart: tagStart)
                flushIndentKeeping(&nodes, indent)
                if isStandalone(state) {
                    standalone = true
                    try append(.partial(name, indentation: Array(indent), overrides: nil))
                } else {
                    try append(.partial(name, indentation: nil, overrides: nil))
                }
                indent = []

            case UInt8(ascii: "<"):
                index += 1
                let name = try readPartialName(state, tagStart: tagStart)
                flushIndentKeeping(&nodes, indent)
                standalone = isStandalone(state)
                var inner = state
                inner.section = (name, [], tagStart)
                inner.newLine = true
                inner.inParent = true
                inner.parentTopLevel = true
                definitions.append([:])
                _ = try parse(inner)
                let overrides = definitions.removeLast()
                try append(.partial(name, indentation: Array(indent), overrides: overrides))
                indent = []

            case UInt8(ascii: "$"):
                index += 1
                let (name, transforms) = try readName(state, tagStart: tagStart)
                guard transforms.isEmpty else {
                    throw error(at: tagStart, "a block `{{$\(name)}}` takes no transform: remove the brackets")
                }
                if state.parentTopLevel {
                    standalone = isStandalone(state)
                    var inner = state
                    inner.section = (name, [], tagStart)
                    inner.parentTopLevel = false
                    inner.newLine = standalone
                    let body = try parse(inner)
                    definitions[definitions.count - 1][name] = body
                } else {
                    flushIndentKeeping(&nodes, indent)
                    standalone = isStandalone(state)
                    var inner = state
                    inner.section = (name, [], tagStart)
                    inner.newLine = standalone
                    let body = try parse(inner)
                    try append(.block(name, body, indentation: Array(indent)))
                    indent = []
                }

            case UInt8(ascii: "="):
                index += 1
                (state.open, state.close) = try readDelimiters(state, tagStart: tagStart)
                standalone = isStandalone(state)

            case UInt8(ascii: "%"):
                index += 1
                let escaping = try readPragma(state, tagStart: tagStart)
                try append(.escaping(escaping))
                standalone = isStandalone(state)

            default:
                flushIndent()
                let (name, transforms) = try readName(state, tagStart: tagStart)
                try append(.value(Self.name(name, transforms, at: tagStart, in: self), escaped: true))
            }
            state.newLine = standalone
        }
        if let section = state.section {
            let spelled = Self.spelled(section.name, section.transforms)
            let (line, column) = position(of: section.openedAt)
            throw error(
                at: section.openedAt,
                "unclosed section `\(spelled)` opened at line \(line), column \(column): add {{/\(spelled)}}")
        }
        return nodes
    }

    /// Partials, parents and blocks put the indentation before them in the output even when
    /// they stand alone (swift-mustache does, and indents the lines after by it too), and keep
    /// it for the node.
    private func flushIndentKeeping(_ nodes: inout [TemplateNode], _ indent: ArraySlice<UInt8>) {
        if !indent.isEmpty { nodes.append(.text(Array(indent))) }
    }
}
