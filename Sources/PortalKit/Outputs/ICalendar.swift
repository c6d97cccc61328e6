import Foundation

/// Each plan's reporting calendar as iCalendar (RFC 5545), one file per language: each
/// deadline a yearly all-day event on its last day ("before 1 December" is 30 November) that
/// ends with the plan (`UNTIL`), so agencies can subscribe once and nothing is announced past
/// the plan's period.
struct ICalendar {
    let site: Site

    func files() -> [OutputFile] {
        var files: [OutputFile] = []
        for plan in site.catalog.plans where !plan.reporting.isEmpty {
            for language in site.settings.languages.map(\.code) {
                let text = calendar(plan, language: language)
                files.append(OutputFile(path: site.calendarPath(plan: plan.id, language), body: .text(text)))
                // A subscription does not follow an HTML redirect: the former address keeps
                // the same calendar.
                if plan.legacyPaths {
                    files.append(OutputFile(path: site.legacyCalendarPath(language), body: .text(text)))
                }
            }
        }
        return files
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
        let agencies = site.catalog.agencies
        for deadline in plan.reporting {
            let days = ReportingCalendar.occurrences(deadline, of: plan)
            guard let first = days.first, let last = days.last else { continue }
            let from = deadline.from.compactMap { agencies?[$0]?.name(language) }.joined(separator: ", ")
            let to = agencies?[deadline.to]?.name(language) ?? deadline.to
            let before = DateText.dayOfYear(day: deadline.day, month: deadline.month, language: language)
            let due = language == "vi" ? "Hạn: trước \(before)" : "Due before \(before)"
            let description = "\(plan.number) – \(due) – \(from.isEmpty ? "" : from + " → ")\(to)"
            lines += [
                "BEGIN:VEVENT",
                "UID:\(deadline.id)-\(plan.id)-\(plan.number.replacingOccurrences(of: "/", with: "-"))-\(language)@\(host)",
                "DTSTAMP:\(stamp)",
                "DTSTART;VALUE=DATE:\(Self.day(first))",
                // A DATE start takes a DATE `UNTIL` (RFC 5545 3.3.10): the last occurrence.
                "RRULE:FREQ=YEARLY;UNTIL=\(Self.day(last))",
                "SUMMARY:\(Self.escape(deadline.title(language)))",
                "DESCRIPTION:\(Self.escape(description))",
                "URL:\(site.base.absolute(site.planPath(plan.id, language)))",
                "TRANSP:TRANSPARENT",
                "END:VEVENT",
            ]
        }
        lines.append("END:VCALENDAR")
        return lines.map(Self.fold).joined(separator: "\r\n") + "\r\n"
    }

    static func day(_ date: Date) -> String {
        let p = VietnamTime.parts(date)
        return String(format: "%04d%02d%02d", p.year, p.month, p.day)
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
