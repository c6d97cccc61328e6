import Foundation

/// The reporting calendar as iCalendar (RFC 5545), one file per language, each deadline a
/// yearly recurring all-day event, so agencies can subscribe once.
struct ICalendar {
    let site: Site

    func files() -> [OutputFile] {
        guard let plan = site.catalog.plan, !plan.reporting.isEmpty else { return [] }
        return site.settings.languages.map { language in
            OutputFile(path: site.calendarPath(language.code), body: .text(calendar(plan, language: language.code)))
        }
    }

    private func calendar(_ plan: ActionPlan, language: String) -> String {
        let host = URLComponents(string: site.base.origin)?.host ?? "portal"
        // DTSTAMP must be there; the decision's date keeps the file the same on every build.
        let stamp = Self.utc(plan.date)
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//portal//\(host)//\(language.uppercased())",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH", "X-WR-CALNAME:\(Self.escape(plan.title(language)))", "X-WR-TIMEZONE:Asia/Ho_Chi_Minh",
        ]
        for deadline in plan.reporting {
            let first = ReportingCalendar.first(deadline, from: plan.date)
            let p = VietnamTime.parts(first)
            let agencies = site.catalog.agencies
            let from = deadline.from.compactMap { agencies?[$0]?.name(language) }.joined(separator: ", ")
            let to = agencies?.current(deadline.to)?.name(language) ?? deadline.to
            let description = "\(plan.number) – \(from.isEmpty ? "" : from + " → ")\(to)"
            lines += [
                "BEGIN:VEVENT",
                "UID:\(deadline.id)-\(plan.number.replacingOccurrences(of: "/", with: "-"))-\(language)@\(host)",
                "DTSTAMP:\(stamp)",
                String(format: "DTSTART;VALUE=DATE:%04d%02d%02d", p.year, p.month, p.day),
                "RRULE:FREQ=YEARLY",
                "SUMMARY:\(Self.escape(deadline.title(language)))",
                "DESCRIPTION:\(Self.escape(description))",
                "URL:\(site.base.absolute(site.planPath(language)))",
                "TRANSP:TRANSPARENT",
                "END:VEVENT",
            ]
        }
        lines.append("END:VCALENDAR")
        return lines.map(Self.fold).joined(separator: "\r\n") + "\r\n"
    }

    static func utc(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0)!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d%02d%02dT%02d%02d%02dZ", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
    }

    /// TEXT values escape backslash, semicolon, comma and newline.
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: ";", with: "\\;")
            .replacingOccurrences(of: ",", with: "\\,").replacingOccurrences(of: "\n", with: "\\n")
    }

    /// Lines longer than 75 octets continue on the next line after a space, never inside a
    /// UTF-8 sequence (Vietnamese letters are 2–3 octets).
    static func fold(_ line: String) -> String {
        var out = ""
        var count = 0
        for character in line {
            let width = String(character).utf8.count
            if count + width > 75 {
                out += "\r\n "
                count = 1
            }
            out.append(character)
            count += width
        }
        return out
    }
}
