import Foundation

/// The transforms swift-mustache offers on the values a `TemplateValue` can hold
/// (`{{#first(pillars)}}`, `{{^last()}}`, `{{count(items)}}`, `{{uppercased(name)}}`).
/// A transform a value does not take gives nothing, as in swift-mustache; a name no value
/// takes is a syntax error (swift-mustache would render nothing).
enum TemplateTransform: String, Sendable, CaseIterable {
    case first, last, index, even, odd
    case count, empty, reversed
    case capitalized, lowercased, uppercased
    case equalzero, plusone, minusone

    /// The transform of a value, nil when it does not apply.
    func apply(_ value: TemplateValue) -> TemplateValue? {
        switch value {
        case .list(let items):
            switch self {
            case .first: return items.first
            case .last: return items.last
            case .count: return .number(items.count)
            case .empty: return .bool(items.isEmpty)
            case .reversed: return .list(items.reversed())
            default: return nil
            }
        case .object(let fields):
            switch self {
            case .count: return .number(fields.count)
            case .empty: return .bool(fields.isEmpty)
            default: return nil
            }
        case .text(let text):
            switch self {
            case .empty: return .bool(text.isEmpty)
            case .capitalized: return .text(text.capitalized)
            case .lowercased: return .text(text.lowercased())
            case .uppercased: return .text(text.uppercased())
            case .reversed: return .text(String(text.reversed()))
            default: return nil
            }
        case .number(let number):
            switch self {
            case .equalzero: return .bool(number == 0)
            case .plusone: return .number(number &+ 1)
            case .minusone: return .number(number &- 1)
            case .even: return .bool(number & 1 == 0)
            case .odd: return .bool(number & 1 == 1)
            default: return nil
            }
        case .bool, .null:
            return nil
        }
    }

    /// The transform of a position in a list (`{{#items}}{{^last()}}, {{/last()}}{{/items}}`).
    func apply(_ position: TemplatePosition) -> TemplateValue? {
        switch self {
        case .first: return .bool(position.index == 0)
        case .last: return .bool(position.isLast)
        case .index: return .number(position.index)
        case .even: return .bool(position.index & 1 == 0)
        case .odd: return .bool(position.index & 1 == 1)
        default: return nil
        }
    }
}

/// Where a section over a list is: what `first()`, `last()`, `index()`… read.
struct TemplatePosition: Sendable {
    var index: Int
    var isLast: Bool
}
