/// What the `portal` command line says itself: each command's `--help` texts (its abstract,
/// discussion and options), the command lines it refuses before running, and the lines the
/// commands print. One nested enum per command; the editing, publishing, report and preview
/// commands have theirs in the files beside this one.
///
/// ArgumentParser reads these at run time (`Message.text`, in this process's language); its
/// own words (`USAGE:`, `OPTIONS:`, its parse errors) stay English.
public enum CommandMessages {
    public static let portal = Message(
        "command.portal",
        en: "Builds the bilingual ASEAN Socio-Cultural Community section of the Da Nang city portal.",
        vi: "Dựng chuyên mục song ngữ Cộng đồng Văn hoá – Xã hội ASEAN của Cổng thông tin điện tử thành phố Đà Nẵng.")

    // MARK: Options several commands share

    public static let contentFolder = Message(
        "option.content", en: "The content folder.", vi: "Thư mục nội dung.")
    /// `--content` of the commands that read the whole site.
    public static let contentFolderParts = Message(
        "option.content.parts", en: "The content folder (site.yml, one folder per language, media/).",
        vi: "Thư mục nội dung (site.yml, mỗi ngôn ngữ một thư mục, media/).")
    public static let themeFolder = Message(
        "option.theme", en: "A theme folder, instead of Themes/<theme from site.yml>.",
        vi: "Thư mục giao diện dùng thay cho Themes/<theme trong site.yml>.")
    public static let now = Message(
        "option.now",
        en: "The moment to build for, in Viet Nam time unless an offset is given: 2026-07-01 or 2026-07-01T08:00 "
            + "(default: the current time).",
        vi: "Thời điểm dựng trang, tính theo giờ Việt Nam nếu không ghi múi giờ: 2026-07-01 hoặc 2026-07-01T08:00 "
            + "(mặc định: thời điểm hiện tại).")
    public static let drafts = Message(
        "option.drafts", en: "Include pages marked `draft: true`.",
        vi: "Đưa cả các trang đánh dấu `draft: true` (bản nháp) vào.")
    public static let future = Message(
        "option.future", en: "Include pages whose publish date is after --now.",
        vi: "Đưa cả các trang có ngày đăng sau --now vào.")
    /// `--section` of `portal new` and `portal import`.
    public static let section = Message(
        "option.section",
        en: "The section folder inside the language folder, e.g. tin-tuc (default: the language's root).",
        vi: "Thư mục chuyên mục trong thư mục ngôn ngữ, ví dụ tin-tuc (mặc định: thư mục gốc của ngôn ngữ).")
    /// `--agency` of `portal new` and `portal import`.
    public static let agency = Message(
        "option.agency", en: "An agency id of Content/agencies.yml.", vi: "Mã một cơ quan trong Content/agencies.yml.")

    // MARK: Command lines refused before anything runs (exit status 64)

    /// `option` is `--now`, `--date`…; `value` as typed.
    public static func notADate(option: String, value: String) -> Message {
        Message(
            "usage.not-a-date",
            en: "\(option) must be a date or date-time such as 2026-07-01 or 2026-07-01T08:00, got `\(value)`",
            vi: "\(option) phải là một ngày hoặc ngày giờ, ví dụ 2026-07-01 hoặc 2026-07-01T08:00; "
                + "giá trị đã ghi: `\(value)`")
    }

    public static func atLeastOne(option: String) -> Message {
        Message("usage.at-least-one", en: "\(option) must be at least 1", vi: "\(option) phải từ 1 trở lên")
    }

    /// `choices` such as `vi or en`'s `["vi", "en"]`.
    public static func oneOf(option: String, choices: [String], got value: String) -> Message {
        Message(
            "usage.one-of", en: "\(option) must be \(choices.joined(separator: " or ")), got \(value)",
            vi: "\(option) phải là \(choices.joined(separator: " hoặc ")); giá trị đã ghi: \(value)")
    }

    /// Seconds as `1.25` written the Vietnamese way, `1,25`.
    static func decimalComma(_ number: String) -> String { number.replacingOccurrences(of: ".", with: ",") }

    // MARK: portal build

    public enum Build {
        public static let abstract = Message(
            "command.build", en: "Build the site from the content folder into the output folder.",
            vi: "Dựng trang web từ thư mục nội dung vào thư mục đầu ra.")
        public static let discussion = Message(
            "command.build.discussion",
            en: "The new build is assembled beside the output and exchanged with it in one step only when the whole "
                + "build succeeded: the output is always one whole build, and a failed or killed build leaves it "
                + "exactly as it was. Builds into one output folder run one at a time.",
            vi: "Bản dựng mới được tạo bên cạnh thư mục đầu ra và chỉ thay vào thư mục đầu ra trong một bước khi "
                + "toàn bộ quá trình dựng thành công: thư mục đầu ra luôn là một bản dựng trọn vẹn; nếu dựng không "
                + "thành công hoặc bị dừng giữa chừng, thư mục đầu ra được giữ nguyên như trước. Các lần dựng vào "
                + "cùng một thư mục đầu ra chạy lần lượt từng lần một.")
        public static let output = Message(
            "option.build.output", en: "The output folder; replaced as a whole on success.",
            vi: "Thư mục đầu ra; được thay toàn bộ khi dựng thành công.")
        public static let jobs = Message(
            "option.build.jobs", en: "Threads to use (default: all cores).",
            vi: "Số luồng xử lý (mặc định: tất cả các nhân của máy).")
        public static let baseURL = Message(
            "option.build.base-url", en: "Public address to build for, instead of site.yml's baseURL.",
            vi: "Địa chỉ công khai để dựng trang, thay cho baseURL trong site.yml.")
        public static let strict = Message(
            "option.build.strict", en: "Treat a UI string missing in one language as an error, not a warning.",
            vi: "Coi một chuỗi giao diện còn thiếu ở một ngôn ngữ là lỗi, không chỉ là cảnh báo.")
        public static let timings = Message(
            "option.build.timings", en: "Print how long each stage took.", vi: "In thời gian chạy của từng bước.")
        public static let noWait = Message(
            "option.build.no-wait",
            en: "Fail at once when another build is writing the same output folder, instead of waiting for it.",
            vi: "Dừng ngay và báo lỗi khi một lần dựng khác đang ghi vào cùng thư mục đầu ra, thay vì chờ.")
        /// A stage of the build (SiteBuild's names) in the progress line. `--timings` keeps the
        /// English names, which benchmark/ reads; a stage not named here shows its name in both.
        public static func stage(_ name: String) -> Message {
            let vi: String? =
                switch name {
                case "read": "đọc tệp"
                case "settings": "đọc site.yml"
                case "front matter": "đọc phần đầu (front matter)"
                case "markdown": "chuyển Markdown"
                case "photos": "xử lý ảnh"
                case "theme": "nạp giao diện"
                case "data": "đọc dữ liệu"
                case "site graph": "sắp xếp trang"
                case "banners": "tạo banner"
                case "render and write": "dựng và ghi trang"
                default: nil
                }
            guard let vi else { return Message("build.stage", en: name, vi: name) }
            return Message("build.stage.\(name.replacingOccurrences(of: " ", with: "-"))", en: name, vi: vi)
        }
        public static let badBaseURL = Message(
            "usage.base-url", en: "--base-url must be an http(s) address such as https://danang.gov.vn/asean/",
            vi: "--base-url phải là một địa chỉ http(s), ví dụ https://danang.gov.vn/asean/")
    }

    // MARK: portal check

    public enum Check {
        public static let abstract = Message(
            "command.check",
            en: "Find everything wrong in the content without building: links, images, ids, translations, UI strings.",
            vi: "Tìm mọi lỗi trong nội dung mà không dựng trang: liên kết, hình ảnh, mã định danh, bản dịch, "
                + "chuỗi giao diện.")
        public static let discussion = Message(
            "command.check.discussion",
            en: "Each finding is one line, path:line:column: error|warning: message. Exits 1 when there are errors.",
            vi: "Mỗi vấn đề tìm thấy được in trên một dòng: đường-dẫn:dòng:cột: lỗi|cảnh báo: nội dung. "
                + "Mã thoát là 1 khi có lỗi.")
        public static let format = Message(
            "option.check.format", en: "text (default) or json.", vi: "text (mặc định) hoặc json.")
    }

    // MARK: portal status

    public enum Status {
        public static let abstract = Message(
            "command.status",
            en: "Show, for every page and language, whether its translation is ok, missing or stale.",
            vi: "Cho biết, với mỗi trang và mỗi ngôn ngữ, bản dịch đã đầy đủ (ok), còn thiếu (missing) "
                + "hay đã cũ (stale).")
        public static let format = Message(
            "option.status.format", en: "table (default) or json.", vi: "table (bảng, mặc định) hoặc json.")
        public static let strict = Message(
            "option.status.strict", en: "Exit with status 1 when a translation or UI string is missing or stale.",
            vi: "Trả mã thoát 1 khi có bản dịch hoặc chuỗi giao diện còn thiếu hoặc đã cũ.")
        /// After a page's state in the table (`missing (draft)`).
        public static let draft = Message("command.status.draft", en: "(draft)", vi: "(bản nháp)")
        /// The table's footnote to the `*` after an original's state.
        public static let original = Message("command.status.original", en: "* the original", vi: "* bản gốc")
        /// `counts` is `3 ok, 1 stale, 0 missing`: the states keep the table's words.
        public static func pages(_ count: Int, counts: String) -> Message {
            Message("command.status.pages", en: "\(count) pages: \(counts)", vi: "Tổng cộng \(count) trang: \(counts)")
        }
        public static func missingString(key: String, language: String) -> Message {
            Message(
                "command.status.missing-string", en: "UI string `\(key)` is missing in \(language)",
                vi: "chuỗi giao diện `\(key)` chưa có bản \(language)")
        }
    }
}
