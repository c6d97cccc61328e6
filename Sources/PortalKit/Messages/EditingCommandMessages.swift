/// The editors' commands `portal new`, `portal translate` and `portal import`: their `--help`
/// texts and the lines they print. What they refuse is `EditMessages`' (and the import's own).
extension CommandMessages {
    public enum New {
        public static let abstract = Message(
            "command.new", en: "Write a new post or page with its front matter, named from its title.",
            vi: "Tạo một bài viết hoặc trang mới có sẵn phần đầu (front matter), tên tệp đặt theo tiêu đề.")
        public static let discussion = Message(
            "command.new.discussion",
            en: """
                portal new post --lang vi --section tin-tuc --title "Đà Nẵng đón đoàn ASEAN" --agency so-ngoai-vu --tags "Hội nhập,Đối ngoại"
                writes Content/vi/tin-tuc/YYYY-MM-DD-da-nang-don-doan-asean.md and prints its path. An existing file is never replaced.
                """,
            vi: """
                portal new post --lang vi --section tin-tuc --title "Đà Nẵng đón đoàn ASEAN" --agency so-ngoai-vu --tags "Hội nhập,Đối ngoại"
                tạo tệp Content/vi/tin-tuc/YYYY-MM-DD-da-nang-don-doan-asean.md và in ra đường dẫn của tệp. Tệp đã có không bao giờ bị ghi đè.
                """)
        public static let kind = Message(
            "option.new.kind", en: "post (dated, named YYYY-MM-DD-slug.md) or page (named slug.md).",
            vi: "post (bài viết có ngày, tên tệp YYYY-MM-DD-slug.md) hoặc page (trang, tên tệp slug.md).")
        public static let lang = Message(
            "option.new.lang", en: "The language folder to write in.", vi: "Thư mục ngôn ngữ để ghi tệp vào.")
        public static let title = Message(
            "option.new.title", en: "The title; the file is named after it.",
            vi: "Tiêu đề; tên tệp được đặt theo tiêu đề.")
        public static let tags = Message(
            "option.new.tags", en: "Comma-separated tags.", vi: "Các thẻ (tag), cách nhau bằng dấu phẩy.")
        public static let now = Message(
            "option.new.now", en: "The date to write, instead of now (Viet Nam time).",
            vi: "Ngày ghi vào bài, thay cho thời điểm hiện tại (giờ Việt Nam).")
    }

    public enum Translate {
        public static let abstract = Message(
            "command.translate", en: "Start a translation of a page, or record that a translation is up to date.",
            vi: "Bắt đầu bản dịch của một trang, hoặc ghi nhận rằng một bản dịch đã được cập nhật.")
        public static let discussion = Message(
            "command.translate.discussion",
            en: """
                portal translate Content/vi/tin-tuc/bai.md --to en
                  writes the English file next to the English counterpart of the section, sharing the
                  source's translationKey (added to the source if it has none), as a draft with the
                  title and summary marked TRANSLATE and a record of the source's digest.
                portal translate --refresh Content/en/news/bai.md
                  records the source's current digest once the translation has been brought up to date.
                """,
            vi: """
                portal translate Content/vi/tin-tuc/bai.md --to en
                  tạo tệp tiếng Anh trong chuyên mục tiếng Anh tương ứng, dùng chung translationKey với
                  bản gốc (thêm vào bản gốc nếu chưa có), ở dạng bản nháp, tiêu đề và tóm tắt được đánh
                  dấu TRANSLATE, kèm mã băm (digest) của bản gốc.
                portal translate --refresh Content/en/news/bai.md
                  ghi mã băm hiện tại của bản gốc khi bản dịch đã được cập nhật theo bản gốc.
                """)
        public static let file = Message(
            "option.translate.file", en: "The page to translate (or, with --refresh, the translation).",
            vi: "Trang cần dịch (hoặc, khi dùng --refresh, bản dịch).")
        public static let to = Message(
            "option.translate.to", en: "The language to translate into.", vi: "Ngôn ngữ cần dịch sang.")
        public static let refresh = Message(
            "option.translate.refresh", en: "Record the source's current digest in this translation.",
            vi: "Ghi mã băm (digest) hiện tại của bản gốc vào bản dịch này.")
        public static let toOrRefresh = Message(
            "usage.translate.to-or-refresh", en: "give either --to LANGUAGE or --refresh",
            vi: "hãy ghi một trong hai: --to NGÔN_NGỮ hoặc --refresh")
        /// Standard output; `digest` is the digest's start.
        public static func upToDate(file: String, digest: String) -> Message {
            Message(
                "command.translate.up-to-date", en: "\(file): up to date with its source (\(digest)…)",
                vi: "\(file): đã khớp với bản gốc (\(digest)…)")
        }
        public static func keyAdded(to file: String) -> Message {
            Message(
                "command.translate.key-added", en: "added a translationKey to \(file)",
                vi: "đã thêm translationKey vào \(file)")
        }
    }

    public enum Import {
        public static let abstract = Message(
            "command.import", en: "Write a new post from a Word (.docx) or OpenDocument (.odt) file, with its images.",
            vi: "Tạo bài viết mới từ một tệp Word (.docx) hoặc OpenDocument (.odt), kèm các hình ảnh trong tệp.")
        public static let discussion = Message(
            "command.import.discussion",
            en: """
                Example: portal import thong-cao.docx --lang vi --section tin-tuc --agency so-ngoai-vu

                Writes Content/vi/tin-tuc/YYYY-MM-DD-<slug of the title>.md with the front matter of `portal new`, \
                puts the document's images in Content/media/<slug>/, and prints the post's path and the address \
                to preview it with `portal serve`. The title is the document's title, else its first heading.

                Tracked changes are accepted; comments and text boxes are not imported. Each of these is a \
                warning, as is each image without a description. An existing post or media folder is never \
                replaced.
                """,
            vi: """
                Ví dụ: portal import thong-cao.docx --lang vi --section tin-tuc --agency so-ngoai-vu

                Tạo tệp Content/vi/tin-tuc/YYYY-MM-DD-<slug của tiêu đề>.md với phần đầu (front matter) như \
                `portal new`, đặt các hình ảnh của văn bản vào Content/media/<slug>/, rồi in ra đường dẫn của bài \
                và địa chỉ để xem trước bằng `portal serve`. Tiêu đề là tiêu đề của văn bản, nếu không có thì là \
                đề mục đầu tiên.

                Các thay đổi được theo dõi (tracked changes) được chấp nhận; chú thích (comment) và hộp văn bản \
                (text box) không được nhập. Mỗi trường hợp như vậy là một cảnh báo, cũng như mỗi hình ảnh không \
                có mô tả. Bài viết hoặc thư mục ảnh đã có không bao giờ bị ghi đè.
                """)
        public static let file = Message(
            "option.import.file", en: "The .docx or .odt file.", vi: "Tệp .docx hoặc .odt cần nhập.")
        public static let lang = Message(
            "option.import.lang", en: "The language of the document: the language folder to write in.",
            vi: "Ngôn ngữ của văn bản: thư mục ngôn ngữ để ghi bài vào.")
        public static let title = Message(
            "option.import.title", en: "The title, instead of the document's.",
            vi: "Tiêu đề, thay cho tiêu đề của văn bản.")
        public static let date = Message(
            "option.import.date", en: "The post's date (YYYY-MM-DD or a date-time), instead of now (Viet Nam time).",
            vi: "Ngày của bài viết (YYYY-MM-DD hoặc ngày giờ), thay cho thời điểm hiện tại (giờ Việt Nam).")
        /// Standard output, after the post's path: `Content/media/slug/: 2 images`.
        public static func images(folder: String, count: Int) -> Message {
            Message(
                "command.import.images", en: "\(folder)/: \(count) image\(count == 1 ? "" : "s")",
                vi: "\(folder)/: \(count) ảnh")
        }
        /// `command` is `portal serve` with its options; `url` the post's address on it.
        public static func preview(command: String, url: String) -> Message {
            Message(
                "command.import.preview", en: "preview: \(command), then open \(url)",
                vi: "xem trước: \(command), rồi mở \(url)")
        }
    }
}
