/// One render: the output's bytes, the stack of values sections opened, the library.
///
/// What is true, what a section pushes, and how lines are indented follow swift-mustache (see
/// `TemplateSpecTests` for where that departs from the spec).
struct TemplateRenderer {
    var out: [UInt8] = []
    /// The values sections opened, the page's context first; never empty.
    var stack: [TemplateValue]
    let library: TemplateLibrary?

    /// What a level of the render knows besides the stack.
    struct Scope {
        /// Set directly inside a section over a list; partials and blocks do not see it.
        var position: TemplatePosition?
        /// Put before every line after the first a standalone partial or a block renders.
        var indentation: [UInt8]?
        /// The `{{$block}}` overrides of the parents being rendered, outermost winning.
        var overrides: [String: [TemplateNode]]?
    }

    init(context: TemplateValue, library: TemplateLibrary?) {
        stack = [context]
        self.library = library
        out.reserveCapacity(16_384)
    }

    mutating func render(_ nodes: [TemplateNode], _ scope: Scope, escaping: TemplateEscaping) {
        var escaping = escaping
        guard let indentation = scope.indentation, !indentation.isEmpty else {
            for node in nodes { render(node, scope, &escaping) }
            return
        }
        // A node's output that starts a line is indented: swift-mustache tests, before each
        // node that renders something, whether this level's output so far ends with "\n"
        // (a "\r\n" is one character to it, not "\n").
        let start = out.count
        for node in nodes {
            let before = out.count
            render(node, scope, &escaping)
            if out.count > before, before > start, out[before - 1] == 0x0A,
                before - 2 < start || out[before - 2] != 0x0D
            {
                out.insert(contentsOf: indentation, at: before)
            }
        }
    }

    mutating func render(_ node: TemplateNode, _ scope: Scope, _ escaping: inout TemplateEscaping) {
        switch node {
        case .text(let bytes):
            out.append(contentsOf: bytes)

        case .value(let name, let escaped):
            switch resolve(name, scope.position) {
            case .text(let text): (escaped ? escaping : .none).append(text, to: &out)
            case .number(let number): out.append(contentsOf: String(number).utf8)
            case .bool(let bool): out.append(contentsOf: (bool ? "true" : "false").utf8)
            // swift-mustache prints Swift's description of a list or dictionary (the latter in
            // an order that changes from run to run): nothing a theme can use.
            case .list, .object, .null, nil: break
            }

        case .section(let name, let body, inverted: false):
            switch resolve(name, scope.position) {
            case .list(let items):
                var inner = scope
                for (index, item) in items.enumerated() {
                    inner.position = TemplatePosition(index: index, isLast: index == items.count - 1)
                    stack.append(item)
                    render(body, inner, escaping: escaping)
                    stack.removeLast()
                }
            // `true` renders the body where it is: nothing pushed, the list position kept.
            case .bool(let bool): if bool { render(body, scope, escaping: escaping) }
            case .null, nil: break
            // Any other value is pushed, even "" and 0 (swift-mustache: only nil, false and
            // empty lists are false).
            case .some(let value):
                stack.append(value)
                render(
                    body, Scope(position: nil, indentation: scope.indentation, overrides: scope.overrides),
                    escaping: escaping)
                stack.removeLast()
            }

        case .section(let name, let body, inverted: true):
            switch resolve(name, scope.position) {
            case .list(let items):
                guard items.isEmpty else { return }
                stack.append(.list(items))
                render(
                    body, Scope(position: nil, indentation: scope.indentation, overrides: scope.overrides),
                    escaping: escaping)
                stack.removeLast()
            case .bool(let bool): if !bool { render(body, scope, escaping: escaping) }
            case .null, nil: render(body, scope, escaping: escaping)
            case .some: break
            }

        case .partial(let name, let indentation, let overrides):
            guard let template = library?.template(named: name) else { return }
            var inner = Scope(indentation: scope.indentation, overrides: scope.overrides)
            if let indentation { inner.indentation = (scope.indentation ?? []) + indentation }
            if let overrides {
                inner.overrides = scope.overrides?.merging(overrides) { outer, _ in outer } ?? overrides
            }
            render(template.nodes, inner, escaping: template.escaping)

        case .block(let name, let defaultBody, let indentation):
            let body = scope.overrides?[name] ?? defaultBody
            render(
                body, Scope(indentation: (scope.indentation ?? []) + indentation, overrides: scope.overrides),
                escaping: escaping)

        case .escaping(let newEscaping):
            escaping = newEscaping
        }
    }

    /// The value a name gives, nil when there is none (a null is none).
    func resolve(_ name: TemplateName, _ position: TemplatePosition?) -> TemplateValue? {
        var value: TemplateValue
        var transforms = name.transforms[...]
        switch name.root {
        case .current:
            value = stack[stack.count - 1]
        case .innermost:
            guard let found = Self.descend(stack[stack.count - 1], name.path[...]) else { return nil }
            value = found
        case .stack:
            guard let found = lookUp(name.path) else { return nil }
            value = found
        case .position:
            guard let position, let first = transforms.popFirst(), let found = first.apply(position) else { return nil }
            value = found
        }
        for transform in transforms {
            if case .null = value { return nil }
            guard let transformed = transform.apply(value) else { return nil }
            value = transformed
        }
        if case .null = value { return nil }
        return value
    }

    /// The first name from the innermost value outwards, the rest inside what it found. A key
    /// holding null stops the search (as swift-mustache's `NSNull` does).
    private func lookUp(_ path: [String]) -> TemplateValue? {
        for frame in stack.reversed() {
            if case .object(let fields) = frame, let found = fields[path[0]] {
                return Self.descend(found, path.dropFirst())
            }
        }
        return nil
    }

    private static func descend(_ value: TemplateValue, _ path: ArraySlice<String>) -> TemplateValue? {
        var value = value
        for key in path {
            guard case .object(let fields) = value, let found = fields[key] else { return nil }
            value = found
        }
        return value
    }
}
