/// `banner:` of site.yml (`BannerSettings`): the July campaign's sizes, window and wording.
public enum BannerSettingsMessages {
    public static func notASize(_ text: String) -> Message {
        Message(
            "banner-settings.size", en: "`\(text)` is not a banner size",
            vi: "`\(text)` không phải là kích thước băng rôn")
    }
    public static let notASizeHelp = Message(
        "banner-settings.size.help", en: "write WIDTHxHEIGHT in pixels, e.g. 970x250",
        vi: "ghi theo dạng RỘNGxCAO (WIDTHxHEIGHT) tính bằng điểm ảnh, ví dụ 970x250")

    /// `key`: the template and its language (`banner.title.en`).
    public static func unknownPlaceholder(_ key: String, placeholder: String) -> Message {
        Message(
            "banner-settings.placeholder", en: "`\(key)` uses `{\(placeholder)}`, which is not a placeholder",
            vi: "`\(key)` dùng `{\(placeholder)}`, nhưng đây không phải là một chỗ thay thế (placeholder)")
    }
    public static func placeholders(_ names: [String]) -> Message {
        let list = names.map { "{\($0)}" }.joined(separator: ", ")
        return Message(
            "banner-settings.placeholder.help", en: "placeholders: \(list)",
            vi: "các chỗ thay thế (placeholder): \(list)")
    }

    public static func notAMonthAndDay(_ key: String, text: String) -> Message {
        Message(
            "banner-settings.month-day", en: "`\(key)` is not a month and day: \(text)",
            vi: "`\(key)` không phải là tháng và ngày hợp lệ: \(text)")
    }
    public static let notAMonthAndDayHelp = Message(
        "banner-settings.month-day.help", en: "write MM-DD, e.g. 07-01", vi: "ghi theo dạng MM-DD, ví dụ 07-01")
}
