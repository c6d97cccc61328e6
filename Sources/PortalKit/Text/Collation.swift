import Foundation

/// Sorting text the way a reader of the language expects: in Vietnamese a ă â b c d đ e ê …,
/// which plain `sorted()` (code point order) gets wrong.
public enum Collation {
    public static func areInIncreasingOrder(_ a: String, _ b: String, language: String) -> Bool {
        let locale = Locale(identifier: language == "vi" ? "vi_VN" : "en_US")
        let result = a.compare(b, options: [.caseInsensitive], range: nil, locale: locale)
        if result == .orderedSame { return a < b }  // a total order, so output never depends on input order
        return result == .orderedAscending
    }
}
