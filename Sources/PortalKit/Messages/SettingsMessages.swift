/// `SettingsError`: `site.yml`.
public enum SettingsMessages {
    public static let missingFile = Message(
        "settings.missing-file", en: "the site settings file is missing", vi: "thiếu tệp thiết lập của trang (site.yml)"
    )
    public static let missingFileHelp = Message(
        "settings.missing-file.help",
        en: "create site.yml in the content folder (see docs/reference.md, \"Site settings\"), or pass --content DIR",
        vi: "tạo tệp site.yml trong thư mục nội dung (xem docs/reference.md, mục \"Site settings\"), "
            + "hoặc chỉ rõ thư mục bằng --content DIR")

    public static let notUTF8 = Message(
        "settings.not-utf8", en: "site.yml is not UTF-8 text", vi: "site.yml không phải văn bản UTF-8")
    public static let notUTF8Help = Message(
        "settings.not-utf8.help", en: "save the file as UTF-8", vi: "lưu lại tệp theo bảng mã UTF-8")

    /// `key` may be dotted (`languages.vi.title`).
    public static func missingKey(_ key: String) -> Message {
        Message("settings.missing-key", en: "`\(key)` is missing", vi: "thiếu khoá `\(key)`")
    }
    public static func missingKeyHelp(_ key: String, under parent: String?) -> Message {
        guard let parent else {
            return Message(
                "settings.missing-key.help", en: "add `\(key):` to site.yml", vi: "thêm `\(key):` vào site.yml")
        }
        return Message(
            "settings.missing-key.help", en: "add `\(key):` under `\(parent):`",
            vi: "thêm `\(key):` vào dưới `\(parent):`")
    }

    public static let baseURLNotHTTP = Message(
        "settings.base-url", en: "`baseURL` is not an http(s) address",
        vi: "`baseURL` không phải địa chỉ http(s)")
    public static let baseURLNotHTTPHelp = Message(
        "settings.base-url.help",
        en: "write the public address of the section, e.g. `baseURL: https://danang.gov.vn/asean/`",
        vi: "ghi địa chỉ công khai của chuyên mục, ví dụ `baseURL: https://danang.gov.vn/asean/`")

    public static func atLeastOne(_ key: String) -> Message {
        Message("settings.at-least-one", en: "`\(key)` must be at least 1", vi: "`\(key)` phải lớn hơn hoặc bằng 1")
    }

    public static func feedContent(_ value: String) -> Message {
        Message("settings.feed-content", en: "`feeds.content` is `\(value)`", vi: "`feeds.content` là `\(value)`")
    }
    public static let feedContentHelp = Message(
        "settings.feed-content.help", en: "use `full` (the whole post) or `summary`",
        vi: "dùng `full` (toàn bộ bài viết) hoặc `summary` (phần tóm tắt)")

    public static func notALanguageCode(_ code: String) -> Message {
        Message(
            "settings.language-code", en: "`\(code)` is not a language code",
            vi: "`\(code)` không phải mã ngôn ngữ")
    }
    public static let notALanguageCodeHelp = Message(
        "settings.language-code.help",
        en: "use a code such as `vi` or `en`; it is also the name of the language's folder in Content/",
        vi: "dùng mã như `vi` hoặc `en`; mã này cũng là tên thư mục của ngôn ngữ đó trong Content/")

    public static func defaultLanguageUnknown(_ code: String) -> Message {
        Message(
            "settings.default-language",
            en: "`defaultLanguage` is `\(code)`, which is not one of `languages`",
            vi: "`defaultLanguage` là `\(code)`, nhưng mã này không có trong `languages`")
    }
    public static func chooseOneOf(_ choices: [String]) -> Message {
        let list = choices.joined(separator: ", ")
        return Message("settings.choose-one-of", en: "choose one of: \(list)", vi: "chọn một trong các mã: \(list)")
    }

    public static func notASegment(_ segment: String) -> Message {
        Message(
            "settings.segment", en: "`\(segment)` is not a URL segment",
            vi: "`\(segment)` không dùng được làm một phần của địa chỉ web")
    }
    public static func notASegmentHelp(example: String) -> Message {
        Message(
            "settings.segment.help",
            en: "use lowercase ASCII letters, digits and hyphens, e.g. `\(example)`",
            vi: "chỉ dùng chữ thường không dấu, chữ số và dấu gạch ngang, ví dụ `\(example)`")
    }

    public static let menuEntryIncomplete = Message(
        "settings.menu-entry", en: "a menu entry needs `name` and either `page` or `url`",
        vi: "mỗi mục trình đơn cần có `name` và một trong hai khoá `page` hoặc `url`")
    public static let menuEntryIncompleteHelp = Message(
        "settings.menu-entry.help", en: "e.g. `- { name: Tin tức, page: tin-tuc/_index.md }`",
        vi: "ví dụ `- { name: Tin tức, page: tin-tuc/_index.md }`")

    /// Why a menu address is refused.
    public enum MenuAddressProblem: Sendable, Hashable {
        case controlCharacter
        case unsafeScheme(String)
        case otherHost
    }

    public static func menuAddress(_ shown: String, _ problem: MenuAddressProblem) -> Message {
        switch problem {
        case .controlCharacter:
            Message(
                "settings.menu-address.control", en: "the menu address `\(shown)` holds a control character",
                vi: "địa chỉ trình đơn `\(shown)` chứa ký tự điều khiển")
        case .unsafeScheme(let scheme):
            Message(
                "settings.menu-address.scheme",
                en: "the menu address `\(shown)` is a `\(scheme):` address, which the site does not link to",
                vi: "địa chỉ trình đơn `\(shown)` là địa chỉ `\(scheme):`, loại địa chỉ trang không liên kết tới")
        case .otherHost:
            Message(
                "settings.menu-address.host",
                en: "the menu address `\(shown)` names another host without saying `https:`",
                vi: "địa chỉ trình đơn `\(shown)` trỏ tới máy chủ khác nhưng không ghi `https:`")
        }
    }
    public static let menuAddressHelp = Message(
        "settings.menu-address.help",
        en: "write a path of the site (`/ke-hoach/`), a page (`page: tin-tuc/_index.md`), "
            + "or an http(s), mailto: or tel: address",
        vi: "ghi một đường dẫn của trang (`/ke-hoach/`), một trang (`page: tin-tuc/_index.md`), "
            + "hoặc một địa chỉ http(s), mailto: hay tel:")

    /// `scope` is where the key stands: `site.yml`, `feeds`, `languages.vi`…
    public static func unknownKey(_ key: String, in scope: String) -> Message {
        Message(
            "settings.unknown-key", en: "unknown key `\(key)` in \(scope)",
            vi: "khoá `\(key)` trong \(scope) không được hỗ trợ")
    }
    public static func unknownKeyHelp(suggestion: String?, known: [String]) -> Message {
        let list = known.joined(separator: ", ")
        return Message(
            "settings.unknown-key.help",
            en: "\(suggestion.map { "did you mean `\($0)`? " } ?? "")known keys here: \(list)",
            vi: "\(suggestion.map { "có phải bạn định ghi `\($0)`? " } ?? "")các khoá hợp lệ ở đây: \(list)")
    }
}
