/// `portal serve`: its `--help` texts, the lines the preview server prints as it builds and
/// rebuilds, and what keeps it from starting (`ServeError`).
extension CommandMessages {
    public enum Serve {
        public static let abstract = Message(
            "command.serve", en: "Preview the site on this computer, rebuilt and reloaded as you edit.",
            vi: "Xem trước trang web trên máy này; trang được dựng lại và tự tải lại ngay khi bạn sửa.")
        public static let discussion = Message(
            "command.serve.discussion",
            en: "Builds the site into a private folder and serves it on 127.0.0.1. Every change under the content "
                + "folder, Themes/ and the --theme folder rebuilds it, and open pages reload by themselves; while "
                + "the site does not build, pages show its errors instead. `portal build`'s output never contains "
                + "the reload script. Ctrl-C stops.",
            vi: "Dựng trang vào một thư mục riêng và phục vụ trên 127.0.0.1. Mỗi thay đổi trong thư mục nội dung, "
                + "Themes/ và thư mục --theme đều làm trang được dựng lại, và các trang đang mở tự tải lại; khi "
                + "trang chưa dựng được, trình duyệt hiển thị các lỗi thay cho trang. Kết quả của `portal build` "
                + "không bao giờ chứa đoạn mã tự tải lại này. Nhấn Ctrl-C để dừng.")
        public static let port = Message(
            "option.serve.port", en: "The port to serve on, on 127.0.0.1; 0 picks a free one.",
            vi: "Cổng phục vụ trên 127.0.0.1; 0 để tự chọn một cổng còn trống.")
        public static let poll = Message(
            "option.serve.poll",
            en: "Look for changes every 250 ms instead of inotify (for content on a network share).",
            vi: "Kiểm tra thay đổi 250 ms một lần thay vì dùng inotify (cho nội dung nằm trên thư mục dùng chung "
                + "qua mạng).")
        public static let timings = Message(
            "option.serve.timings", en: "After each build, print how long each stage took.",
            vi: "Sau mỗi lần dựng, in thời gian chạy của từng bước.")
        public static let portRange = Message(
            "usage.serve.port", en: "--port must be between 0 and 65535",
            vi: "--port phải nằm trong khoảng từ 0 đến 65535")

        // MARK: What the server prints

        /// `watched` lists the folders; `method` is the watcher's (`inotify`, `polling`).
        public static func listening(url: String, watched: [String], method: String) -> Message {
            let folders = watched.joined(separator: ", ")
            let viMethod = method == "polling" ? "kiểm tra định kỳ, polling" : method
            return Message(
                "serve.listening", en: "Serving \(url) — watching \(folders) (\(method)); Ctrl-C stops",
                vi: "Đang phục vụ \(url) — theo dõi \(folders) (\(viMethod)); nhấn Ctrl-C để dừng")
        }

        /// What set a rebuild off: `changes`, the changed files as shown.
        public static func cause(_ changes: [String]) -> Message {
            switch changes.count {
            case 0: return Message("serve.cause.none", en: "no change", vi: "không có thay đổi")
            case 1:
                return Message("serve.cause.one", en: "a change to \(changes[0])", vi: "thay đổi ở \(changes[0])")
            default:
                let listed = changes.prefix(3).joined(separator: ", ") + (changes.count > 3 ? ", …" : "")
                return Message(
                    "serve.cause.several", en: "changes to \(changes.count) files (\(listed))",
                    vi: "thay đổi ở \(changes.count) tệp (\(listed))")
            }
        }

        /// `cause` is nil for the first build; `pages` the count per language (`vi 3, en 1`);
        /// `mended` when the build before had failed.
        public static func built(cause: Message?, pages: String, seconds: String, mended: Bool) -> Message {
            let seconds = (en: seconds, vi: decimalComma(seconds))
            let again = (en: mended ? "; the site builds again" : "", vi: mended ? "; trang đã dựng được trở lại" : "")
            guard let cause else {
                return Message(
                    "serve.built", en: "Built \(pages) pages in \(seconds.en) s\(again.en)",
                    vi: "Đã dựng xong (số trang: \(pages)) trong \(seconds.vi) giây\(again.vi)")
            }
            return Message(
                "serve.rebuilt", en: "Rebuilt after \(cause.en): \(pages) pages in \(seconds.en) s\(again.en)",
                vi: "Đã dựng lại sau \(cause.vi) (số trang: \(pages)) trong \(seconds.vi) giây\(again.vi)")
        }

        public static func failed(cause: Message?, errors: Int, seconds: String) -> Message {
            let count = errors == 1 ? "1 error" : "\(errors) errors"
            let after = (en: cause.map { " after \($0.en)" } ?? "", vi: cause.map { " sau \($0.vi)" } ?? "")
            return Message(
                cause == nil ? "serve.build-failed" : "serve.rebuild-failed",
                en: "\(cause == nil ? "Build" : "Rebuild") failed\(after.en) (\(count), \(seconds) s): "
                    + "the browser shows the errors until they are fixed",
                vi: "\(cause == nil ? "Dựng trang" : "Dựng lại") không thành công\(after.vi) (\(errors) lỗi, "
                    + "\(decimalComma(seconds)) giây): trình duyệt hiển thị các lỗi cho đến khi chúng được sửa")
        }

        public static let stopped = Message("serve.stopped", en: "Stopped", vi: "Đã dừng")

        // MARK: ServeError

        /// `reason` is the system's, in English (`Address already in use`).
        public static func cannotListen(host: String, port: Int, reason: String) -> Message {
            Message(
                "serve.cannot-listen", en: "cannot listen on \(host):\(port): \(reason)",
                vi: "không mở được cổng \(host):\(port): \(reason)")
        }
        public static let cannotListenHelp = Message(
            "serve.cannot-listen.help",
            en: "another program (or another `portal serve`) may use the port; choose another with --port, "
                + "or --port 0 for any free one",
            vi: "có thể một chương trình khác (hoặc một `portal serve` khác) đang dùng cổng này; hãy chọn cổng "
                + "khác bằng --port, hoặc --port 0 để tự chọn một cổng còn trống")
        public static func cannotCreateFolder(reason: String) -> Message {
            Message(
                "serve.cannot-create-folder", en: "cannot create the preview's private folder: \(reason)",
                vi: "không tạo được thư mục riêng cho bản xem trước: \(reason)")
        }
    }
}
