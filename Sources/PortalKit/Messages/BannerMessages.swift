/// `BannerError`: the July banners (`portal build` with `banner:` in site.yml, `portal banner`).
public enum BannerMessages {
    public static func overflow(size: String, language: String, title: String) -> Message {
        Message(
            "banner.overflow",
            en:
                "the \(size) banner in `\(language)` cannot fit its title, even wrapped and at the smallest size: \(title)",
            vi:
                "banner cỡ \(size) bằng `\(language)` không đủ chỗ cho tiêu đề, kể cả khi xuống dòng và ở cỡ chữ nhỏ nhất: \(title)"
        )
    }
    public static let overflowHelp = Message(
        "banner.overflow.help",
        en: "shorten `banner.title` (or the subtitle) in site.yml, or remove this size from `banner.sizes`",
        vi: "rút gọn `banner.title` (hoặc phụ đề) trong site.yml, hoặc bỏ kích cỡ này khỏi `banner.sizes`")

    /// What librsvg or cairo said (`detail`, in English) when drawing the template's SVG.
    public static func cannotDraw(size: String, language: String, detail: String) -> Message {
        Message(
            "banner.cannot-draw", en: "the \(size) banner in `\(language)` cannot be drawn: \(detail)",
            vi: "không vẽ được banner cỡ \(size) bằng `\(language)`: \(detail)")
    }
    /// librsvg refused the SVG the template made (`detail`, its words).
    public static func invalidSVG(size: String, language: String, detail: String) -> Message {
        Message(
            "banner.invalid-svg",
            en: "the \(size) banner in `\(language)` cannot be drawn: the template does not make valid SVG (\(detail))",
            vi: "không vẽ được banner cỡ \(size) bằng `\(language)`: mẫu không tạo ra SVG hợp lệ (\(detail))")
    }
    public static func missingLineIDs(size: String, language: String) -> Message {
        Message(
            "banner.missing-line-ids",
            en:
                "the \(size) banner in `\(language)` cannot be drawn: the template must give each text line its id (title-0, subtitle-0 …)",
            vi:
                "không vẽ được banner cỡ \(size) bằng `\(language)`: mẫu phải gán id cho từng dòng chữ (title-0, subtitle-0 …)"
        )
    }
    /// The help of the three messages above.
    public static let templateHelp = Message(
        "banner.template.help", en: "check the theme's banner/banner.svg.mustache",
        vi: "kiểm tra tệp banner/banner.svg.mustache của giao diện")

    public static let missingTemplate = Message(
        "banner.missing-template", en: "the theme has no banner template", vi: "giao diện chưa có mẫu banner")
    public static let missingTemplateHelp = Message(
        "banner.missing-template.help", en: "add banner/banner.svg.mustache to the theme",
        vi: "thêm tệp banner/banner.svg.mustache vào giao diện")

    public static func missingPage(_ path: String, language: String) -> Message {
        Message(
            "banner.missing-page", en: "the campaign page `\(path)` is not a published page of `\(language)`",
            vi: "trang kỷ niệm `\(path)` không phải một trang đang được đăng của `\(language)`")
    }
    public static func missingPageHelp(language: String) -> Message {
        Message(
            "banner.missing-page.help",
            en: "write the campaign page in Content/\(language)/ or fix `banner.page` in site.yml",
            vi: "viết trang kỷ niệm trong Content/\(language)/ hoặc sửa `banner.page` trong site.yml")
    }

    /// `detail` is ZIPFoundation's, in English; nil when it gave none.
    public static func zip(_ detail: String?) -> Message {
        Message(
            "banner.zip",
            en: "the banner kit's zip cannot be written" + (detail.map { ": \($0)" } ?? ""),
            vi: "không ghi được tệp zip của bộ banner" + (detail.map { ": \($0)" } ?? ""))
    }

    public static let notConfigured = Message(
        "banner.not-configured", en: "site.yml has no `banner:` settings", vi: "site.yml chưa có thiết lập `banner:`")
    public static let notConfiguredHelp = Message(
        "banner.not-configured.help", en: "add `banner:` to site.yml (see docs/reference.md, \"The July banner\")",
        vi: "thêm mục `banner:` vào site.yml (xem docs/reference.md, phần \"The July banner\")")

    /// `marker` is the file that marks a kit's folder (`.portal-banner-kit`).
    public static func notAKit(marker: String) -> Message {
        Message(
            "banner.not-a-kit",
            en: "the folder is not empty and is not a banner kit (it has no \(marker)); nothing was written to it",
            vi: "thư mục không trống và không phải một bộ banner (không có tệp \(marker)); chưa có gì được ghi vào đó")
    }
    public static let notAKitHelp = Message(
        "banner.not-a-kit.help", en: "choose a new or empty folder with --output, or the folder of an earlier kit",
        vi: "chọn với --output một thư mục mới hoặc trống, hoặc thư mục của một bộ banner làm trước đây")
}
