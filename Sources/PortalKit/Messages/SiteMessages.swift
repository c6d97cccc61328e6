/// `SiteError`: the pages put together (URLs, translation keys, menus).
public enum SiteMessages {
    public static func duplicateURL(_ url: String, first: String, second: String) -> Message {
        Message(
            "site.duplicate-url", en: "\(second) and \(first) both claim the URL \(url)",
            vi: "\(second) và \(first) cùng dùng một địa chỉ \(url)")
    }
    public static let duplicateURLHelp = Message(
        "site.duplicate-url.help", en: "give one of them another file name or `slug:`",
        vi: "đổi tên tệp hoặc `slug:` của một trong hai trang")

    public static func duplicateTranslationKey(_ key: String, usedBy first: String) -> Message {
        Message(
            "site.duplicate-translation-key",
            en: "translationKey `\(key)` is already used by \(first) in the same language",
            vi: "translationKey `\(key)` đã được dùng cho \(first) trong cùng ngôn ngữ")
    }
    public static let duplicateTranslationKeyHelp = Message(
        "site.duplicate-translation-key.help",
        en: "each language has one page per translationKey: change one of the keys",
        vi: "mỗi ngôn ngữ chỉ có một trang cho mỗi translationKey: hãy đổi một trong hai khoá")

    public static func unsluggable(_ name: String) -> Message {
        Message(
            "site.unsluggable", en: "the name `\(name)` has no letters or digits to make a URL from",
            vi: "tên `\(name)` không có chữ cái hoặc chữ số để tạo địa chỉ web")
    }
    public static let unsluggableHelp = Message(
        "site.unsluggable.help", en: "rename it, or set `slug:` in the front matter",
        vi: "đổi tên, hoặc ghi `slug:` trong phần đầu (front matter)")

    public static func sectionClashes(folder: String, page: String) -> Message {
        Message(
            "site.section-clashes", en: "the section \(folder) has the same URL as \(page)",
            vi: "chuyên mục \(folder) trùng địa chỉ với \(page)")
    }
    public static let sectionClashesHelp = Message(
        "site.section-clashes.help", en: "rename the page or the folder", vi: "đổi tên trang hoặc tên thư mục")

    public static func menuTarget(_ path: String, language: String) -> Message {
        Message(
            "site.menu-target",
            en: "the menu entry points at `\(path)`, which is not a published page of `\(language)`",
            vi: "mục trình đơn trỏ tới `\(path)`, nhưng đó không phải một trang đã đăng của `\(language)`")
    }
    public static func menuTargetHelp(language: String) -> Message {
        Message(
            "site.menu-target.help", en: "give a path relative to Content/\(language)/, e.g. `tin-tuc/_index.md`",
            vi: "ghi đường dẫn tính từ Content/\(language)/, ví dụ `tin-tuc/_index.md`")
    }
}
