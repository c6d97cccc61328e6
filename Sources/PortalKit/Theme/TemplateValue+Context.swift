/// The page contexts (`PageContext`, `PlanContext`, `ProgressContext`) and the banner's are
/// still made as `[String: Any]`, the shape swift-mustache read. The engine reads only
/// `TemplateValue`, so a context is converted once, before it renders: a cast per value of the
/// context, where swift-mustache cast every value a tag found to several protocols, tag after
/// tag. The values every page of a language shares are converted once per language
/// (`PageContext.LanguageConstants`).
extension TemplateValue {
    init(contextValue value: Any) {
        switch value {
        case let text as String: self = .text(text)
        case let flag as Bool: self = .bool(flag)
        case let number as Int: self = .number(number)
        case let object as [String: Any]: self = .object(object.mapValues(TemplateValue.init(contextValue:)))
        case let list as [[String: Any]]:
            self = .list(list.map { .object($0.mapValues(TemplateValue.init(contextValue:))) })
        case let list as [String]: self = .list(list.map(TemplateValue.text))
        case let list as [Any]: self = .list(list.map(TemplateValue.init(contextValue:)))
        case let converted as TemplateValue: self = converted
        // An optional that holds a value matched above (casts look through `Optional`); one
        // that holds nothing is a null, as swift-mustache took it.
        case let optional as any OptionalContextValue:
            self = optional.wrapped.map(TemplateValue.init(contextValue:)) ?? .null
        default: self = .text(String(describing: value))
        }
    }

    /// A page's context: the language's shared values as converted once, the rest now.
    static func context(_ fields: [String: Any], shared: [String: TemplateValue]) -> TemplateValue {
        var object = shared
        object.reserveCapacity(shared.count + fields.count)
        for (key, value) in fields where shared[key] == nil { object[key] = TemplateValue(contextValue: value) }
        return .object(object)
    }
}

private protocol OptionalContextValue {
    var wrapped: Any? { get }
}

extension Optional: OptionalContextValue {
    fileprivate var wrapped: Any? { self.map { $0 as Any } }
}
