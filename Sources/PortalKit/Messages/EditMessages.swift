/// `EditError`: the editors' commands `portal new` and `portal translate`.
public enum EditMessages {
    public static let emptyTitle = Message(
        "edit.empty-title", en: "the title has no letters or digits to name the file after",
        vi: "tiêu đề không có chữ cái hoặc chữ số nào để đặt tên tệp")
    public static let emptyTitleHelp = Message(
        "edit.empty-title.help", en: "give a title such as \"Đà Nẵng đón đoàn ASEAN\"",
        vi: "ghi một tiêu đề, ví dụ \"Đà Nẵng đón đoàn ASEAN\"")

    public static func unknownLanguage(_ code: String, known: [String]) -> Message {
        let list = known.joined(separator: ", ")
        return Message(
            "edit.unknown-language", en: "`\(code)` is not a language of the site (\(list))",
            vi: "`\(code)` không phải ngôn ngữ của trang (\(list))")
    }
    public static let unknownLanguageHelp = Message(
        "edit.unknown-language.help", en: "use --lang with one of the site's languages",
        vi: "dùng --lang với một trong các ngôn ngữ của trang")

    public static let noAgencies = Message(
        "edit.no-agencies", en: "--agency needs Content/agencies.yml, which does not exist",
        vi: "--agency cần tệp Content/agencies.yml, nhưng tệp này chưa có")
    public static let noAgenciesHelp = Message(
        "edit.no-agencies.help", en: "add Content/agencies.yml or leave out --agency",
        vi: "tạo tệp Content/agencies.yml hoặc bỏ tuỳ chọn --agency")

    public static func unknownAgency(_ id: String) -> Message {
        Message(
            "edit.unknown-agency", en: "`\(id)` is not an agency of agencies.yml",
            vi: "`\(id)` không phải cơ quan có trong agencies.yml")
    }
    /// The closest agency ids, e.g. ``so-ngoai-vu`, `so-noi-vu``.
    public static func didYouMeanAgency(_ ids: [String]) -> Message {
        let list = ids.map { "`\($0)`" }.joined(separator: ", ")
        return Message("edit.unknown-agency.help", en: "did you mean \(list)?", vi: "có phải bạn định ghi \(list)?")
    }

    public static let exists = Message(
        "edit.exists", en: "the file already exists; it was left untouched",
        vi: "tệp đã có; tệp cũ được giữ nguyên")
    public static let existsHelp = Message(
        "edit.exists.help", en: "choose another title, or edit the existing file",
        vi: "chọn tiêu đề khác, hoặc sửa trực tiếp tệp đã có")

    /// `reason` is the system's, in English.
    public static func cannotWrite(_ reason: String) -> Message {
        Message("edit.cannot-write", en: "cannot write: \(reason)", vi: "không ghi được tệp: \(reason)")
    }
    public static let cannotWriteHelp = Message(
        "edit.cannot-write.help", en: "check the folder's permissions", vi: "kiểm tra quyền ghi của thư mục")

    public static let notAPage = Message(
        "edit.not-a-page", en: "this is not a page of the content folder (a .md file under a language folder)",
        vi: "đây không phải một trang của thư mục nội dung (tệp .md trong một thư mục ngôn ngữ)")
    public static let notAPageHelp = Message(
        "edit.not-a-page.help", en: "give the path of a Markdown file, e.g. Content/vi/tin-tuc/bai.md",
        vi: "ghi đường dẫn của một tệp Markdown, ví dụ Content/vi/tin-tuc/bai.md")

    public static func sameLanguage(_ code: String) -> Message {
        Message(
            "edit.same-language", en: "the page is already in `\(code)`", vi: "trang đã được viết bằng `\(code)`")
    }
    public static let sameLanguageHelp = Message(
        "edit.same-language.help", en: "choose another language with --to", vi: "chọn ngôn ngữ khác với --to")

    public static let notATranslation = Message(
        "edit.not-a-translation",
        en: "this page has no `translatedFrom` record: it is not a translation made by `portal translate`",
        vi: "trang này không có mục `translatedFrom`: đây không phải bản dịch tạo bằng `portal translate`")
    public static let notATranslationHelp = Message(
        "edit.not-a-translation.help",
        en: "translations made with `portal translate` carry it; add one with `portal translate` first",
        vi: "bản dịch tạo bằng `portal translate` có sẵn mục này; hãy tạo bản dịch bằng `portal translate` trước")

    public static func sourceMissing(language: String) -> Message {
        Message(
            "edit.source-missing", en: "the page it was translated from no longer exists in `\(language)`",
            vi: "trang gốc của bản dịch không còn trong `\(language)`")
    }
    public static let sourceMissingHelp = Message(
        "edit.source-missing.help", en: "pair the translation with another page, or remove `translatedFrom`",
        vi: "ghép bản dịch với một trang khác, hoặc xoá `translatedFrom`")

    /// `resolved` is where the path leads, nil when a symbolic link on the way leads nowhere.
    public static func outsideContent(folder: String, resolved: String?) -> Message {
        Message(
            "edit.outside-content",
            en: "this path is outside \(folder)/"
                + (resolved.map { " (it leads to \($0))" } ?? " (a symbolic link on the way leads nowhere)")
                + "; nothing was written",
            vi: "đường dẫn này nằm ngoài \(folder)/"
                + (resolved.map { " (nó dẫn tới \($0))" }
                    ?? " (một liên kết tượng trưng trên đường dẫn không trỏ tới đâu)")
                + "; chưa có gì được ghi")
    }
    public static func outsideContentHelp(folder: String) -> Message {
        Message(
            "edit.outside-content.help",
            en: "pages are written only inside \(folder)/: give a section folder inside it, such as `tin-tuc` or "
                + "`tin-tuc/2026` (no `..`, no leading `/`), and make a section folder that is a symbolic link to "
                + "another place a real folder",
            vi: "trang chỉ được ghi trong \(folder)/: hãy chỉ một thư mục chuyên mục bên trong, ví dụ `tin-tuc` hoặc "
                + "`tin-tuc/2026` (không dùng `..`, không bắt đầu bằng `/`), và thay thư mục chuyên mục là liên kết "
                + "tượng trưng tới nơi khác bằng một thư mục thật")
    }

    public static func alreadyTranslated(source: String, language: String) -> Message {
        Message(
            "edit.already-translated",
            en:
                "this is the `\(language)` translation of \(source) (it shares its translation key); nothing was written",
            vi: "đây là bản dịch `\(language)` của \(source) (cùng khoá dịch translationKey); chưa có gì được ghi")
    }
    public static func alreadyTranslatedHelp(existing: String) -> Message {
        Message(
            "edit.already-translated.help",
            en:
                "edit this file instead; once it matches its source, record that with `portal translate --refresh \(existing)`",
            vi: "hãy sửa tệp này; khi đã khớp với bản gốc, ghi nhận bằng lệnh `portal translate --refresh \(existing)`")
    }
}
