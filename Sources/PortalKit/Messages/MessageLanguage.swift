import Foundation

/// The language `portal` speaks to the person at the terminal: Vietnamese for the section's
/// editors, English otherwise. Chosen once per process from the environment; code that needs
/// another (tests, a server answering in the page's language) passes one explicitly.
public enum MessageLanguage: String, Sendable, CaseIterable {
    case en, vi

    /// This process's language, read once: `PORTAL_LANG` first, then the locale.
    public static let current = chosen(by: ProcessInfo.processInfo.environment)

    /// `PORTAL_LANG=vi|en` forces the language (another value is ignored). Otherwise the first
    /// non-empty of `LC_ALL`, `LC_MESSAGES`, `LANG` — the order POSIX gives them — decides:
    /// any value starting with `vi` (`vi`, `vi_VN.UTF-8`) is Vietnamese, anything else English.
    public static func chosen(by environment: [String: String]) -> MessageLanguage {
        if let forced = environment["PORTAL_LANG"].flatMap({ MessageLanguage(rawValue: $0.lowercased()) }) {
            return forced
        }
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty }
        return locale?.hasPrefix("vi") == true ? .vi : .en
    }
}
