import Foundation

@testable import PortalKit

/// Test-only: the engine's values as the `Any` swift-mustache reads (the other way is the
/// build's own `TemplateValue(contextValue:)`), and the variants `TemplateParityTests` renders.
extension TemplateValue {
    /// As swift-mustache reads it (a null is `NSNull`, which it treats as no value).
    var any: Any {
        switch self {
        case .text(let text): text
        case .number(let number): number
        case .bool(let bool): bool
        case .list(let items): items.map(\.any)
        case .object(let fields): fields.mapValues(\.any)
        case .null: NSNull()
        }
    }

    func mapTexts(_ change: (String) -> String) -> TemplateValue {
        switch self {
        case .text(let text): .text(change(text))
        case .list(let items): .list(items.map { $0.mapTexts(change) })
        case .object(let fields): .object(fields.mapValues { $0.mapTexts(change) })
        default: self
        }
    }

    func emptyingLists() -> TemplateValue {
        switch self {
        case .list: .list([])
        case .object(let fields): .object(fields.mapValues { $0.emptyingLists() })
        default: self
        }
    }

    func flippingBooleans() -> TemplateValue {
        switch self {
        case .bool(let bool): .bool(!bool)
        case .list(let items): .list(items.map { $0.flippingBooleans() })
        case .object(let fields): .object(fields.mapValues { $0.flippingBooleans() })
        default: self
        }
    }

    /// Every other key of each object (in key order) removed.
    func droppingKeys(keepOdd: Bool) -> TemplateValue {
        everyOtherKey(keepOdd: keepOdd) { _ in nil }
    }

    /// Every other key of each object (in key order) set to null.
    func nullingKeys() -> TemplateValue {
        everyOtherKey(keepOdd: true) { _ in .null }
    }

    private func everyOtherKey(keepOdd: Bool, _ change: (TemplateValue) -> TemplateValue?) -> TemplateValue {
        switch self {
        case .list(let items):
            return .list(items.map { $0.everyOtherKey(keepOdd: keepOdd, change) })
        case .object(let fields):
            var result: [String: TemplateValue] = [:]
            for (index, key) in fields.keys.sorted().enumerated() {
                let value = fields[key]!.everyOtherKey(keepOdd: keepOdd, change)
                result[key] = (index % 2 == 1) == keepOdd ? value : change(value)
            }
            return .object(result)
        default:
            return self
        }
    }
}
