/// `FrontMatterError` and the front matter's warnings.
public enum FrontMatterMessages {
    public static let missingFrontMatter = Message(
        "front-matter.missing", en: "the page has no front matter", vi: "trang chưa có phần đầu (front matter)")
    public static let missingFrontMatterHelp = Message(
        "front-matter.missing.help",
        en: "start the file with a block such as:\n  ---\n  title: Tiêu đề bài viết\n  ---",
        vi: "mở đầu tệp bằng một khối như sau:\n  ---\n  title: Tiêu đề bài viết\n  ---")

    public static let unclosed = Message(
        "front-matter.unclosed", en: "the front matter is not closed",
        vi: "phần đầu (front matter) chưa được đóng")
    public static let unclosedHelp = Message(
        "front-matter.unclosed.help", en: "end the front matter with a line holding only `---`",
        vi: "kết thúc phần đầu bằng một dòng chỉ có `---`")

    public static let missingTitle = Message(
        "front-matter.missing-title", en: "the page has no `title`", vi: "thiếu tiêu đề (`title`)")
    public static let missingTitleHelp = Message(
        "front-matter.missing-title.help", en: "add `title: …` to the front matter",
        vi: "thêm `title: …` vào phần đầu (front matter) của tệp")

    public static func notADate(key: String, text: String) -> Message {
        Message(
            "front-matter.not-a-date", en: "`\(key)` is not a date: \(text)",
            vi: "`\(key)` không phải là ngày hợp lệ: \(text)")
    }
    public static func notADateHelp(key: String) -> Message {
        Message(
            "front-matter.not-a-date.help",
            en: "write it as YYYY-MM-DD, or YYYY-MM-DDTHH:MM (Viet Nam time), e.g. `\(key): 2025-07-28`",
            vi: "ghi theo dạng YYYY-MM-DD, hoặc YYYY-MM-DDTHH:MM (giờ Việt Nam), ví dụ `\(key): 2025-07-28`")
    }

    public static let slugWithoutLetters = Message(
        "front-matter.slug-without-letters", en: "`slug` has no letters or digits",
        vi: "`slug` không có chữ cái hoặc chữ số nào")
    public static let slugWithoutLettersHelp = Message(
        "front-matter.slug-without-letters.help", en: "write a slug such as `ten-bai-viet`",
        vi: "ghi slug theo dạng như `ten-bai-viet`")

    /// `reason` comes from the URL path checker, whose messages are not in the catalogue yet.
    public static func unusableAlias(_ alias: String, reason: String) -> Message {
        Message(
            "front-matter.unusable-alias", en: "the alias `\(alias)` is not usable: \(reason)",
            vi: "không dùng được địa chỉ phụ (alias) `\(alias)`: \(reason)")
    }

    public static func unknownKey(_ key: String) -> Message {
        Message(
            "front-matter.unknown-key", en: "unknown front matter key `\(key)` is ignored",
            vi: "khoá `\(key)` không có trong danh sách khoá của phần đầu (front matter) nên được bỏ qua")
    }

    /// The help of an unknown key: the closest known one.
    public static func didYouMean(_ key: String) -> Message {
        Message("suggestion.did-you-mean", en: "did you mean `\(key)`?", vi: "có phải bạn định ghi `\(key)`?")
    }

    public static func knownKeys(_ keys: [String]) -> Message {
        let list = keys.joined(separator: ", ")
        return Message("suggestion.known-keys", en: "known keys: \(list)", vi: "các khoá hợp lệ: \(list)")
    }
}
