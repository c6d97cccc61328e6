import Foundation

/// Dates as editors write them and as readers see them. Viet Nam has kept UTC+7 without
/// daylight saving since 1975, so a fixed offset is exact and keeps builds reproducible on
/// machines without time-zone data.
public enum VietnamTime {
    public static let secondsFromGMT = 7 * 3600
    public static let zone = TimeZone(secondsFromGMT: secondsFromGMT)!

    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar
    }()

    /// Reads `2025-07-28`, `2025-07-28 09:30`, `2025-07-28T09:30:00`, with optional seconds
    /// fraction and `Z` or `±HH:MM`; without an offset the time is Viet Nam time, and a date
    /// alone is midnight in Viet Nam.
    public static func parse(_ text: String) -> Date? {
        var scanner = DigitScanner(text.trimmingCharacters(in: .whitespaces))
        guard let year = scanner.number(4), scanner.skip("-"), let month = scanner.number(2), scanner.skip("-"),
            let day = scanner.number(2)
        else { return nil }
        var hour = 0, minute = 0, second = 0
        var offset = secondsFromGMT
        if !scanner.atEnd {
            guard scanner.skip("T") || scanner.skip("t") || scanner.skip(" "), let h = scanner.number(2),
                scanner.skip(":"),
                let m = scanner.number(2)
            else { return nil }
            (hour, minute) = (h, m)
            if scanner.skip(":") {
                guard let s = scanner.number(2) else { return nil }
                second = s
                if scanner.skip(".") { guard scanner.skipDigits() else { return nil } }
            }
            _ = scanner.skip(" ")
            if scanner.skip("Z") || scanner.skip("z") {
                offset = 0
            } else if let sign = scanner.sign() {
                guard let oh = scanner.number(2, exact: false) else { return nil }
                _ = scanner.skip(":")
                guard let om = scanner.number(2) else { return nil }
                offset = sign * (oh * 3600 + om * 60)
            }
            guard scanner.atEnd else { return nil }
        }
        guard (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 60 else { return nil }
        // Foundation has no zone beyond ±18 hours (`+99:00` was a crash, not an error).
        guard let zone = TimeZone(secondsFromGMT: offset) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let components = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        guard let date = calendar.date(from: components),
            calendar.component(.day, from: date) == day, calendar.component(.month, from: date) == month
        else { return nil }  // 2025-02-30 and friends
        return date
    }

    /// Year, month, day, weekday (1 = Sunday) in Viet Nam.
    /// Worked out by arithmetic on the offset (every page's dates are formatted on every build:
    /// Calendar took a tenth of a rebuild); `VietnamTimeTests` checks it against Calendar.
    static func parts(_ date: Date) -> (year: Int, month: Int, day: Int, weekday: Int) {
        let c = civil(date)
        return (c.year, c.month, c.day, c.weekday)
    }

    /// The proleptic Gregorian date and time of day in Viet Nam (days from civil, H. Hinnant).
    static func civil(_ date: Date) -> (
        year: Int, month: Int, day: Int, weekday: Int, hour: Int, minute: Int, second: Int
    ) {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down)) + secondsFromGMT
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let time = seconds - days * 86_400
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        // 1970-01-01 was a Thursday; 1 = Sunday, as Calendar counts.
        let weekday = ((days % 7 + 7) % 7 + 4) % 7 + 1
        return (year, month, day, weekday, time / 3_600, time / 60 % 60, time % 60)
    }

    /// RFC 3339 in Viet Nam time: `2025-07-28T00:00:00+07:00`, for `<time datetime>` and feeds.
    public static func iso8601(_ date: Date) -> String {
        let c = civil(date)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let year = c.year >= 1000 ? "\(c.year)" : String(repeating: "0", count: 4 - "\(c.year)".count) + "\(c.year)"
        return "\(year)-\(two(c.month))-\(two(c.day))T\(two(c.hour)):\(two(c.minute)):\(two(c.second))+07:00"
    }
}

/// Dates as the site shows them, per language.
public enum DateText {
    static let englishMonths = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]
    static let vietnameseWeekdays = ["Chủ Nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"]
    static let englishWeekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

    /// Government style (Decree 30/2020): days below 10 and the months 1 and 2 are zero-padded,
    /// other months are not: "ngày 03 tháng 12 năm 2021", "ngày 28 tháng 7 năm 2025".
    /// English: "3 December 2021".
    public static func long(_ date: Date, language: String) -> String {
        let p = VietnamTime.parts(date)
        if language == "vi" {
            let day = p.day < 10 ? "0\(p.day)" : "\(p.day)"
            let month = p.month <= 2 ? "0\(p.month)" : "\(p.month)"
            return "ngày \(day) tháng \(month) năm \(p.year)"
        }
        return "\(p.day) \(englishMonths[p.month - 1]) \(p.year)"
    }

    /// A day of every year: "ngày 01 tháng 12" / "1 December".
    public static func dayOfYear(day: Int, month: Int, language: String) -> String {
        if language == "vi" {
            return "ngày \(day < 10 ? "0\(day)" : "\(day)") tháng \(month <= 2 ? "0\(month)" : "\(month)")"
        }
        return "\(day) \(englishMonths[month - 1])"
    }

    /// Lists: "28/7/2025" in Vietnamese, "28 Jul 2025" in English.
    public static func short(_ date: Date, language: String) -> String {
        let p = VietnamTime.parts(date)
        if language == "vi" { return "\(p.day)/\(p.month)/\(p.year)" }
        return "\(p.day) \(englishMonths[p.month - 1].prefix(3)) \(p.year)"
    }

    /// "Thứ Hai", "Chủ Nhật" / "Monday".
    public static func weekday(_ date: Date, language: String) -> String {
        let index = VietnamTime.parts(date).weekday - 1
        return language == "vi" ? vietnameseWeekdays[index] : englishWeekdays[index]
    }
}

/// Reads fixed-width digits and separators from the front of a string.
private struct DigitScanner {
    private var bytes: ArraySlice<UInt8>

    init(_ text: String) { bytes = Array(text.utf8)[...] }

    var atEnd: Bool { bytes.isEmpty }

    /// `exact`: the field must not be followed by another digit.
    mutating func number(_ width: Int, exact: Bool = true) -> Int? {
        guard bytes.count >= width, bytes.prefix(width).allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        let value = bytes.prefix(width).reduce(0) { $0 * 10 + Int($1 - 0x30) }
        bytes = bytes.dropFirst(width)
        // A longer run of digits than the field allows ("2025-7-288") is not a date.
        if exact, let next = bytes.first, (0x30...0x39).contains(next) { return nil }
        return value
    }

    mutating func skip(_ character: Character) -> Bool {
        guard let ascii = character.asciiValue, bytes.first == ascii else { return false }
        bytes = bytes.dropFirst()
        return true
    }

    mutating func skipDigits() -> Bool {
        let count = bytes.prefix { (0x30...0x39).contains($0) }.count
        bytes = bytes.dropFirst(count)
        return count > 0
    }

    mutating func sign() -> Int? {
        if skip("+") { return 1 }
        if skip("-") { return -1 }
        return nil
    }
}
