/// The warnings `portal check` adds to the build's: alt text, unused photos, translations.
public enum CheckMessages {
    /// Also the build's warning (an error under `--strict`) for a page's `image`.
    public static let missingImageAlt = Message(
        "check.missing-image-alt", en: "the page's image has no `imageAlt`",
        vi: "ảnh của trang chưa có mô tả (`imageAlt`)")
    public static let missingImageAltHelp = Message(
        "check.missing-image-alt.help", en: "describe the image in `imageAlt:` for people who cannot see it",
        vi: "mô tả nội dung ảnh trong `imageAlt:` cho người không nhìn thấy ảnh")

    public static let unusedImage = Message(
        "check.unused-image", en: "no page shows or links this image",
        vi: "chưa có trang nào hiển thị hoặc liên kết tới ảnh này")
    /// `path` is the image's path under the site, e.g. `media/anh.jpg`.
    public static func unusedImageHelp(path: String) -> Message {
        Message(
            "check.unused-image.help", en: "use it in a page (![mô tả](/\(path))) or remove it from media/",
            vi: "dùng ảnh trong một trang (![mô tả](/\(path))) hoặc xoá ảnh khỏi media/")
    }

    public static func missingTranslation(language: String) -> Message {
        Message(
            "check.missing-translation", en: "no `\(language)` translation",
            vi: "chưa có bản dịch `\(language)`")
    }
    public static func missingTranslationHelp(file: String, language: String) -> Message {
        Message(
            "check.missing-translation.help", en: "portal translate \(file) --to \(language)",
            vi: "tạo bản dịch bằng lệnh: portal translate \(file) --to \(language)")
    }

    public static func staleTranslation(source: String) -> Message {
        Message(
            "check.stale-translation",
            en: "the translation is stale: its `\(source)` source changed since it was translated",
            vi: "bản dịch đã cũ: bản gốc `\(source)` đã thay đổi sau khi được dịch")
    }
    public static func staleTranslationHelp(file: String) -> Message {
        Message(
            "check.stale-translation.help", en: "bring it up to date, then run: portal translate --refresh \(file)",
            vi: "cập nhật bản dịch, sau đó chạy lệnh: portal translate --refresh \(file)")
    }

    /// A draft, a future or an expired page: the reason and remedy a link to such a page gets
    /// (`Publication.Exclusion`'s texts in LinkMessages.swift).
    public static func notPublished(_ exclusion: Publication.Exclusion) -> Message {
        Message(
            "check.not-published", en: "the page is not published now: \(exclusion.explanation)",
            vi: "trang hiện không được đăng: \(exclusion.vietnameseExplanation)")
    }
    public static func notPublishedHelp(_ exclusion: Publication.Exclusion) -> Message {
        Message("check.not-published.help", en: exclusion.remedy, vi: exclusion.vietnameseRemedy)
    }
}
