import Foundation

/// `banner:` in site.yml: the July campaign for the anniversary of Viet Nam joining ASEAN.
/// The wording is data (templates with placeholders), not code.
public struct BannerSettings: Sendable {
    /// The day being remembered: 28 July 1995.
    public var event: Date
    /// When pages show the banner each year, as month and day, both days included, in Viet Nam.
    public var from: (month: Int, day: Int)
    public var to: (month: Int, day: Int)
    /// Language → title template, e.g. "Kỷ niệm {n} năm Ngày Việt Nam gia nhập ASEAN ({event} – {anniversary})".
    public var title: Localized
    public var subtitle: Localized?
    /// Language → the campaign page (a content file of that language) the banner links to.
    public var page: Localized
    public var sizes: [BannerSize]
    public var location: SourceLocation

    static let keys = ["event", "window", "title", "subtitle", "page", "sizes"]

    static func parse(_ node: YAMLNode, languages: [String]) throws(ShapeProblem) -> BannerSettings {
        let f = try node.fields("banner", known: keys, required: ["event", "title", "page", "sizes"])
        var from = (7, 1), to = (7, 31)
        if let window = f["window"] {
            let w = try window.fields("banner.window", known: ["from", "to"], required: ["from", "to"])
            from = try monthDay(w["from"]!, "banner.window.from")
            to = try monthDay(w["to"]!, "banner.window.to")
        }
        var sizes: [BannerSize] = []
        for item in try f["sizes"]!.list("banner.sizes") {
            let text = try item.nonEmptyString(.entry(of: "banner.sizes"))
            guard let size = BannerSize(text) else {
                throw ShapeProblem(
                    location: item.location, message: BannerSettingsMessages.notASize(text),
                    help: BannerSettingsMessages.notASizeHelp)
            }
            sizes.append(size)
        }
        let title = try f["title"]!.localized("banner.title", languages: languages)
        let subtitle = try f["subtitle"].map { node throws(ShapeProblem) in
            try node.localized("banner.subtitle", languages: languages)
        }
        for (key, template) in [("banner.title", title)] + (subtitle.map { [("banner.subtitle", $0)] } ?? []) {
            for (language, text) in template.texts {
                if let unknown = BannerText.unknownPlaceholder(in: text) {
                    throw ShapeProblem(
                        location: f[key == "banner.title" ? "title" : "subtitle"]!.location,
                        message: BannerSettingsMessages.unknownPlaceholder("\(key).\(language)", placeholder: unknown),
                        help: BannerSettingsMessages.placeholders(BannerText.placeholders))
                }
            }
        }
        return BannerSettings(
            event: try f["event"]!.date("banner.event"), from: from, to: to, title: title, subtitle: subtitle,
            page: try f["page"]!.localized("banner.page", languages: languages), sizes: sizes, location: node.location)
    }

    /// `07-01` → (7, 1).
    private static func monthDay(_ node: YAMLNode, _ key: String) throws(ShapeProblem) -> (Int, Int) {
        let text = try node.nonEmptyString(key)
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 2, (1...12).contains(parts[0]), (1...31).contains(parts[1]) else {
            throw ShapeProblem(
                location: node.location, message: BannerSettingsMessages.notAMonthAndDay(key, text: text),
                help: BannerSettingsMessages.notAMonthAndDayHelp)
        }
        return (parts[0], parts[1])
    }

    /// Whether `now` (in Viet Nam) falls inside the window of its year.
    public func isActive(at now: Date) -> Bool {
        let p = VietnamTime.parts(now)
        let today = (p.month, p.day)
        return from <= to ? (today >= from && today <= to) : (today >= from || today <= to)
    }

    /// The anniversary number for a year: 2025 → 30.
    public func number(year: Int) -> Int { year - VietnamTime.parts(event).year }
}

public struct BannerSize: Sendable, Hashable, CustomStringConvertible {
    public var width: Int
    public var height: Int

    public init?(_ text: String) {
        let parts = text.lowercased().split(separator: "x").compactMap { Int($0) }
        guard parts.count == 2, (16...4000).contains(parts[0]), (16...4000).contains(parts[1]) else { return nil }
        width = parts[0]
        height = parts[1]
    }

    public var description: String { "\(width)x\(height)" }
}

/// Filling the title templates.
public enum BannerText {
    static let placeholders = ["n", "ordinal", "year", "event", "anniversary"]

    /// "31st", "112th": English ordinals for any number.
    public static func ordinal(_ n: Int) -> String {
        let lastTwo = n % 100
        if (11...13).contains(lastTwo) { return "\(n)th" }
        switch n % 10 {
        case 1: return "\(n)st"
        case 2: return "\(n)nd"
        case 3: return "\(n)rd"
        default: return "\(n)th"
        }
    }

    /// Fills `{n}`, `{ordinal}`, `{year}`, `{event}` (28/7/1995 or 28 July 1995) and
    /// `{anniversary}` (the same day in `year`).
    public static func fill(_ template: String, settings: BannerSettings, year: Int, language: String) -> String {
        let event = VietnamTime.parts(settings.event)
        func date(_ y: Int) -> String {
            language == "vi"
                ? "\(event.day)/\(event.month)/\(y)" : "\(event.day) \(DateText.englishMonths[event.month - 1]) \(y)"
        }
        let n = settings.number(year: year)
        return template.replacingOccurrences(of: "{n}", with: "\(n)")
            .replacingOccurrences(of: "{ordinal}", with: ordinal(n))
            .replacingOccurrences(of: "{year}", with: "\(year)")
            .replacingOccurrences(of: "{event}", with: date(event.year))
            .replacingOccurrences(of: "{anniversary}", with: date(year))
    }

    static func unknownPlaceholder(in template: String) -> String? {
        var rest = template[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            let name = String(rest[rest.index(after: open)..<close])
            if !placeholders.contains(name) { return name }
            rest = rest[rest.index(after: close)...]
        }
        return nil
    }
}
