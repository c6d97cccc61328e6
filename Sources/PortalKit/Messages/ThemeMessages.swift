/// `ThemeError` and the theme's warnings: its folder, theme.yml, templates, UI strings
/// (`i18n/<lang>.yml`) and assets, checked before anything renders.
public enum ThemeMessages {
    public static let missingTheme = Message(
        "theme.missing", en: "the theme folder does not exist", vi: "không tìm thấy thư mục giao diện (theme)")
    public static let missingThemeHelp = Message(
        "theme.missing.help", en: "set `theme:` in site.yml to a folder under Themes/, or pass --theme DIR",
        vi: "ghi `theme:` trong site.yml là tên một thư mục trong Themes/, hoặc chỉ rõ thư mục bằng --theme DIR")

    public static let missingManifest = Message(
        "theme.missing-manifest", en: "the theme has no theme.yml", vi: "giao diện (theme) chưa có tệp theme.yml")
    public static let missingManifestHelp = Message(
        "theme.missing-manifest.help", en: "add theme.yml with `name:` and `requires:` (see docs/themes.md)",
        vi: "tạo tệp theme.yml có `name:` và `requires:` (xem docs/themes.md)")

    /// Where an unknown key of theme.yml's `images` stands, for `SettingsMessages.unknownKey`.
    public static let imagesOfManifest = "`images` (theme.yml)"

    public static let unreadable = Message(
        "theme.unreadable", en: "the template cannot be read as UTF-8 text",
        vi: "không đọc được mẫu (template) dưới dạng văn bản UTF-8")

    public static func duplicateName(_ name: String, first: String) -> Message {
        Message(
            "theme.duplicate-name", en: "a template named `\(name)` is also defined in \(first)",
            vi: "mẫu (template) tên `\(name)` đã có ở \(first)")
    }
    public static let duplicateNameHelp = Message(
        "theme.duplicate-name.help", en: "layouts and partials share one set of names: rename one",
        vi: "bố cục (layouts) và mẫu con (partials) dùng chung một bộ tên: hãy đổi tên một trong hai tệp")

    /// `detail` is the Mustache parser's own words (English).
    public static func syntax(_ detail: String) -> Message {
        Message(
            "theme.syntax", en: "the template cannot be parsed: \(detail)",
            vi: "mẫu (template) không đúng cú pháp: \(detail)")
    }
    public static let syntaxHelp = Message(
        "theme.syntax.help", en: "check that every {{#section}} is closed by {{/section}} with the same name",
        vi: "kiểm tra để mỗi {{#section}} đều được đóng bằng {{/section}} cùng tên")

    public static func missingLayout(_ name: String) -> Message {
        Message(
            "theme.missing-layout", en: "the theme has no `\(name)` layout",
            vi: "giao diện (theme) chưa có bố cục (layout) `\(name)`")
    }
    public static func missingLayoutHelp(_ name: String) -> Message {
        Message("theme.missing-layout.help", en: "add layouts/\(name).mustache", vi: "tạo tệp layouts/\(name).mustache")
    }

    public static func missingPartial(_ name: String) -> Message {
        Message(
            "theme.missing-partial", en: "the template uses `\(name)`, which the theme does not have",
            vi: "mẫu (template) dùng `\(name)`, nhưng giao diện (theme) không có mẫu này")
    }
    public static func missingPartialHelp(_ name: String) -> Message {
        Message(
            "theme.missing-partial.help", en: "add partials/\(name).mustache, or fix the name",
            vi: "tạo tệp partials/\(name).mustache, hoặc sửa lại tên")
    }

    /// An error with `--strict` (and for a key a template uses), else a warning.
    public static func missingString(_ key: String, language: String) -> Message {
        Message(
            "theme.missing-string", en: "the UI string `\(key)` is missing in `\(language)`",
            vi: "chuỗi giao diện `\(key)` chưa có bằng `\(language)`")
    }
    public static func missingStringHelp(_ key: String, language: String) -> Message {
        Message(
            "theme.missing-string.help",
            en: "add `\(key): …` to i18n/\(language).yml in the theme or in Content/i18n/",
            vi: "thêm `\(key): …` vào i18n/\(language).yml của giao diện (theme) hoặc vào Content/i18n/")
    }
    /// Under the warning, which stands on the table lacking the key.
    public static func addMissingString(_ key: String, language: String) -> Message {
        Message(
            "theme.missing-string.add", en: "add `\(key): …` to this file or to Content/i18n/\(language).yml",
            vi: "thêm `\(key): …` vào tệp này hoặc vào Content/i18n/\(language).yml")
    }

    public static func unknownLayout(_ name: String) -> Message {
        Message(
            "theme.unknown-layout", en: "`layout: \(name)` names a layout the theme does not have",
            vi: "`layout: \(name)` là bố cục (layout) mà giao diện (theme) không có")
    }
    public static let unknownLayoutHelp = Message(
        "theme.unknown-layout.help", en: "use one of the theme's layouts, or remove `layout:`",
        vi: "dùng một bố cục có trong giao diện (theme), hoặc xoá `layout:`")

    public static func missingAsset(_ key: String) -> Message {
        Message(
            "theme.missing-asset", en: "the template uses the asset `\(key)`, which the theme's assets/ does not have",
            vi: "mẫu (template) dùng tệp tài nguyên `\(key)`, nhưng thư mục assets/ của giao diện không có tệp này")
    }
    public static func missingAssetHelp(known: [String]) -> Message {
        let list = known.joined(separator: ", ")
        return Message(
            "theme.missing-asset.help",
            en: "stylesheets and scripts are named by path with `_` for `/` and `.`: \(list)",
            vi: "tệp định dạng (CSS) và tệp lệnh (script) được gọi theo đường dẫn, thay `/` và `.` bằng `_`: \(list)")
    }
}
