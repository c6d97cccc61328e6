/// The YAML reader's problems (`ShapeProblem`): a file that is not well-formed YAML, a value of
/// the wrong kind, a key given twice or missing, a text missing in a language. Keys and file
/// names are written as they are in both languages.
public enum YAMLMessages {
    /// What a message is about, a noun phrase in both languages: a key or a file, written as it
    /// is, or a thing described in words ("a task of the report"). Kept apart from `Message`:
    /// it is a part of a sentence, not a sentence with a code of its own.
    public struct Subject: Sendable, Hashable {
        public let en: String
        public let vi: String

        init(en: String, vi: String) {
            self.en = en
            self.vi = vi
        }

        /// A key, in backticks: `title`, `images.widths`.
        public static func key(_ name: String) -> Subject { Subject(en: "`\(name)`", vi: "`\(name)`") }
        /// A file or a key as it is written, without backticks: site.yml, lead.
        public static func name(_ name: String) -> Subject { Subject(en: name, vi: name) }
        /// An item of a list: an entry of `tags`.
        public static func entry(of key: String) -> Subject {
            Subject(en: "an entry of `\(key)`", vi: "một mục của `\(key)`")
        }

        // What a YAML value is, as "found …" names it.
        public static let trueOrFalseValue = Subject(en: "a true/false value", vi: "giá trị true/false")
        public static let number = Subject(en: "a number", vi: "một số")
        public static let nothing = Subject(en: "nothing (null)", vi: "giá trị rỗng (null)")
        public static let text = Subject(en: "a text", vi: "văn bản")
        public static let mapping = Subject(en: "a mapping (key: value)", vi: "một bảng khoá: giá trị (key: value)")
        public static let list = Subject(en: "a list", vi: "danh sách")
        public static let alias = Subject(en: "an alias", vi: "một tham chiếu (alias)")

        // The documents and parts of documents read.
        public static let frontMatter = Subject(en: "the front matter", vi: "phần đầu (front matter)")
        public static let i18nTable = Subject(en: "an i18n table", vi: "bảng chuỗi giao diện (i18n)")
        public static let plan = Subject(en: "a plan", vi: "kế hoạch")
        public static let pillar = Subject(en: "a pillar", vi: "một trụ cột")
        public static let item = Subject(en: "an item", vi: "một nội dung (item)")
        public static let task = Subject(en: "a task", vi: "một nhiệm vụ")
        public static let document = Subject(en: "a document", vi: "một văn bản")
        public static let reportingDeadline = Subject(en: "a reporting deadline", vi: "một hạn báo cáo")
        public static let agency = Subject(en: "an agency", vi: "một cơ quan")
        public static let successor = Subject(en: "a successor", vi: "một cơ quan kế nhiệm")
        /// What names an agency that agencies.yml lacks, beside its keys (`lead`, `to`).
        public static let successorRole = Subject(en: "successor", vi: "cơ quan kế nhiệm")
        public static let report = Subject(en: "a report", vi: "báo cáo")
        public static let reportTask = Subject(en: "a task of the report", vi: "một nhiệm vụ trong báo cáo")
        public static let figure = Subject(en: "a figure", vi: "một số liệu")

        /// Every subject described in words, for the test that each has its Vietnamese.
        public static let described: [Subject] = [
            trueOrFalseValue, number, nothing, text, mapping, list, alias, frontMatter, i18nTable, plan, pillar,
            item, task, document, reportingDeadline, agency, successor, successorRole, report, reportTask, figure,
            entry(of: "tags"),
        ]
    }

    /// libyaml's own words (`detail`) stay English: they name the construct it stopped at.
    public static func syntax(_ detail: String) -> Message {
        Message(
            "yaml.syntax", en: "the YAML is not well formed: \(detail)",
            vi: "YAML không đúng cú pháp: \(detail)")
    }
    public static let syntaxHelp = Message(
        "yaml.syntax.help",
        en:
            "check indentation, the `key: value` form, and quote values that contain `: ` or start with a special character",
        vi: "kiểm tra thụt lề và dạng `key: value`; đặt trong dấu ngoặc kép các giá trị có chứa `: ` "
            + "hoặc bắt đầu bằng một ký tự đặc biệt")

    /// `detail` is the YAML library's description of an error it gives no place for.
    public static func unreadable(_ detail: String) -> Message {
        Message("yaml.unreadable", en: "the YAML cannot be read: \(detail)", vi: "không đọc được YAML: \(detail)")
    }

    public static func duplicateKey(_ keys: [String]) -> Message {
        let list = keys.joined(separator: ", ")
        return Message("yaml.duplicate-key", en: "a key is given twice: \(list)", vi: "khoá bị ghi hai lần: \(list)")
    }
    public static let duplicateKeyHelp = Message(
        "yaml.duplicate-key.help", en: "keep one of them", vi: "chỉ giữ lại một trong hai")

    public static func notAMapping(_ subject: Subject, found: Subject) -> Message {
        Message(
            "yaml.not-a-mapping", en: "\(subject.en) must be a mapping of keys to values, found \(found.en)",
            vi: "\(subject.vi) phải là một bảng các cặp khoá: giá trị, nhưng ở đây là \(found.vi)")
    }

    public static func notAText(_ subject: Subject, found: Subject) -> Message {
        Message(
            "yaml.not-a-text", en: "\(subject.en) must be a text, found \(found.en)",
            vi: "\(subject.vi) phải là văn bản, nhưng ở đây là \(found.vi)")
    }

    public static func notTrueOrFalse(_ subject: Subject, found: Subject) -> Message {
        Message(
            "yaml.not-true-or-false", en: "\(subject.en) must be true or false, found \(found.en)",
            vi: "\(subject.vi) phải là true hoặc false, nhưng ở đây là \(found.vi)")
    }

    public static func notAWholeNumber(_ subject: Subject, found: Subject) -> Message {
        Message(
            "yaml.not-a-whole-number", en: "\(subject.en) must be a whole number, found \(found.en)",
            vi: "\(subject.vi) phải là một số nguyên, nhưng ở đây là \(found.vi)")
    }

    /// `example`: a list written out (`tags: [a, b]`), for a key people fill in by hand.
    public static func notAList(_ subject: Subject, found: Subject, example: String? = nil) -> Message {
        Message(
            "yaml.not-a-list",
            en: "\(subject.en) must be a list\(example.map { ", e.g. `\($0)`" } ?? ""), found \(found.en)",
            vi: "\(subject.vi) phải là danh sách\(example.map { ", ví dụ `\($0)`" } ?? ""), nhưng ở đây là \(found.vi)")
    }

    public static func empty(_ subject: Subject) -> Message {
        Message("yaml.empty", en: "\(subject.en) is empty", vi: "\(subject.vi) đang để trống")
    }
    public static func emptyHelp(_ subject: Subject) -> Message {
        Message("yaml.empty.help", en: "give \(subject.en) a value", vi: "ghi giá trị cho \(subject.vi)")
    }

    /// A key the reader does not know in a mapping described in words; site.yml's mappings have
    /// `SettingsMessages.unknownKey` (and every one of them its help).
    public static func unknownKey(_ key: String, in subject: Subject) -> Message {
        Message(
            "yaml.unknown-key", en: "unknown key `\(key)` in \(subject.en)",
            vi: "khoá `\(key)` trong \(subject.vi) không được hỗ trợ")
    }

    public static func missingKey(_ key: String, in subject: Subject) -> Message {
        Message("yaml.missing-key", en: "\(subject.en) has no `\(key)`", vi: "\(subject.vi) thiếu khoá `\(key)`")
    }
    public static func missingKeyHelp(_ key: String) -> Message {
        Message("yaml.missing-key.help", en: "add `\(key):`", vi: "thêm `\(key):`")
    }

    public static func notALanguage(_ key: String, language: String) -> Message {
        Message(
            "yaml.not-a-language",
            en: "`\(key)` has a text in `\(language)`, which is not a language of the site",
            vi: "`\(key)` có văn bản bằng `\(language)`, nhưng đây không phải ngôn ngữ của trang")
    }
    public static func languagesOfTheSite(_ languages: [String]) -> Message {
        let list = languages.joined(separator: ", ")
        return Message(
            "yaml.not-a-language.help", en: "languages: \(list)", vi: "các ngôn ngữ của trang: \(list)")
    }

    public static func missingLanguage(_ key: String, language: String) -> Message {
        Message(
            "yaml.missing-language", en: "`\(key)` has no text in `\(language)`",
            vi: "`\(key)` chưa có văn bản bằng `\(language)`")
    }
    public static func missingLanguageHelp(_ language: String) -> Message {
        Message("yaml.missing-language.help", en: "add `\(language): …`", vi: "thêm `\(language): …`")
    }

    /// A date in a data file (front matter has `FrontMatterMessages.notADate`, with times).
    public static func notADate(_ key: String, text: String) -> Message {
        Message(
            "yaml.not-a-date", en: "`\(key)` is not a date: \(text)", vi: "`\(key)` không phải là ngày hợp lệ: \(text)")
    }
    public static let notADateHelp = Message(
        "yaml.not-a-date.help", en: "write it as YYYY-MM-DD", vi: "ghi theo dạng YYYY-MM-DD")

    /// A data file (agencies, plans, reports, UI strings) that is not UTF-8.
    public static let notUTF8 = Message(
        "yaml.not-utf8", en: "the file is not UTF-8 text", vi: "tệp không phải văn bản UTF-8")
    public static let notUTF8Help = Message(
        "yaml.not-utf8.help", en: "save it as UTF-8", vi: "lưu lại tệp theo bảng mã UTF-8")

    /// The help under a wrong value with near valid ones.
    public static func didYouMean(_ candidates: [String]) -> Message {
        let list = candidates.map { "`\($0)`" }.joined(separator: ", ")
        return Message("yaml.did-you-mean", en: "did you mean \(list)?", vi: "có phải bạn định ghi \(list)?")
    }
}
