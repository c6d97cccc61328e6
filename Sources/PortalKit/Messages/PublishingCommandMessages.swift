/// `portal publish` and `portal banner`: their `--help` texts and the lines they print. What
/// goes wrong while publishing is `PublishError`'s.
extension CommandMessages {
    public enum Publish {
        public static let abstract = Message(
            "command.publish",
            en: "Publish a finished build as a release and switch to it atomically; roll back; list releases.",
            vi: "Xuất bản một bản dựng hoàn chỉnh thành một phiên bản (release) và chuyển sang phiên bản đó trong "
                + "một bước; quay lại phiên bản trước; liệt kê các phiên bản.")
        public static let discussion = Message(
            "command.publish.discussion",
            en: """
                portal publish --to /srv/portal            DIR/releases/<id>/, DIR/current -> it
                portal publish --to /srv/portal --rollback  back to the release before
                portal publish --to /srv/portal --list
                """,
            vi: """
                portal publish --to /srv/portal            DIR/releases/<id>/, DIR/current -> phiên bản đó
                portal publish --to /srv/portal --rollback  quay lại phiên bản trước
                portal publish --to /srv/portal --list      liệt kê các phiên bản
                """)
        public static let to = Message(
            "option.publish.to", en: "The publish folder (releases/, current, previous, nginx.conf, apache.conf).",
            vi: "Thư mục xuất bản (releases/, current, previous, nginx.conf, apache.conf).")
        public static let output = Message(
            "option.publish.output", en: "The output folder of the build to publish.",
            vi: "Thư mục đầu ra của bản dựng cần xuất bản.")
        public static let keep = Message(
            "option.publish.keep", en: "How many releases to keep (the newest; never the current or previous one).",
            vi: "Số phiên bản được giữ lại (các bản mới nhất; bản hiện tại và bản trước đó không bao giờ bị xoá).")
        public static let rollback = Message(
            "option.publish.rollback",
            en: "Switch back to the release before the current one, or to the release given.",
            vi: "Quay lại phiên bản trước phiên bản hiện tại, hoặc sang phiên bản được chỉ định.")
        public static let list = Message(
            "option.publish.list", en: "List the releases with their dates and file counts.",
            vi: "Liệt kê các phiên bản kèm ngày tạo và số tệp.")
        public static let release = Message(
            "option.publish.release", en: "With --rollback: the release to switch to.",
            vi: "Dùng với --rollback: phiên bản cần chuyển sang.")
        public static let rollbackAndList = Message(
            "usage.publish.rollback-and-list", en: "--rollback and --list cannot be used together",
            vi: "không dùng được --rollback và --list cùng lúc")
        public static let releaseWithoutRollback = Message(
            "usage.publish.release-without-rollback", en: "a release id is only taken with --rollback",
            vi: "chỉ ghi mã phiên bản khi dùng --rollback")
        /// One line of `--list`: `* 20261204T061500Z  2026-12-04 06:15:00 UTC  812 files  9311 bytes`.
        public static func release(id: String, date: String, files: Int, bytes: Int, current: Bool) -> Message {
            let mark = current ? "*" : " "
            return Message(
                "command.publish.release", en: "\(mark) \(id)  \(date)  \(files) files  \(bytes) bytes",
                vi: "\(mark) \(id)  \(date)  \(files) tệp  \(bytes) byte")
        }
        public static func rolledBack(to id: String) -> Message {
            Message(
                "command.publish.rolled-back", en: "current is now \(id); reload the web server: nginx -s reload",
                vi: "phiên bản hiện tại là \(id); hãy nạp lại máy chủ web: nginx -s reload")
        }
        /// `seconds` as `1.25`.
        public static func published(
            output: String, id: String, folder: String, files: Int, linked: Int, seconds: String
        ) -> Message {
            Message(
                "command.publish.published",
                en: "Published \(output) as \(id) in \(folder): \(files) files, \(linked) linked to the release "
                    + "before or the build, \(seconds) s; reload the web server: nginx -s reload",
                vi: "Đã xuất bản \(output) thành phiên bản \(id) trong \(folder): \(files) tệp, \(linked) tệp liên kết "
                    + "(hard link) tới phiên bản trước hoặc tới bản dựng, \(decimalComma(seconds)) giây; "
                    + "hãy nạp lại máy chủ web: nginx -s reload")
        }
    }

    public enum Banner {
        public static let abstract = Message(
            "command.banner",
            en: "Write one year's July anniversary banner kit (SVG, PNG, snippets, zip) without building the site.",
            vi: "Tạo bộ banner kỷ niệm tháng Bảy của một năm (SVG, PNG, đoạn mã nhúng, tệp zip) mà không dựng trang.")
        public static let discussion = Message(
            "command.banner.discussion", en: "portal banner --year 2027 --output kit-2027",
            vi: "Ví dụ: portal banner --year 2027 --output kit-2027")
        /// `first` and `last` are the years a kit can be made for.
        public static func year(first: Int, last: Int) -> Message {
            Message(
                "option.banner.year",
                en: "The year of the anniversary, \(first) to \(last) (the number is the year minus 1995).",
                vi: "Năm kỷ niệm, từ \(first) đến \(last) (lần kỷ niệm thứ mấy bằng năm trừ 1995).")
        }
        public static let content = Message(
            "option.banner.content", en: "The content folder (its site.yml has the banner settings).",
            vi: "Thư mục nội dung (tệp site.yml trong đó có phần cài đặt banner).")
        public static let output = Message(
            "option.banner.output", en: "The folder to write the kit into.", vi: "Thư mục để ghi bộ banner vào.")
        public static func yearOutOfRange(_ year: Int, first: Int, last: Int) -> Message {
            Message(
                "usage.banner.year", en: "--year must be from \(first) to \(last), got \(year)",
                vi: "--year phải từ \(first) đến \(last); giá trị đã ghi: \(year)")
        }
    }
}
