/// `OutputError`: the output folder a build writes (and its compressed copies, its lock).
public enum OutputMessages {
    /// `marker` is the file that marks a folder portal wrote (`.portal-output`).
    public static func notPortalOutput(marker: String) -> Message {
        Message(
            "output.not-portal-output",
            en:
                "the output folder is not empty and was not made by portal (it has no \(marker)); it was left untouched",
            vi: "thư mục đầu ra không trống và không do portal tạo (không có tệp \(marker)); thư mục được giữ nguyên")
    }
    public static let notPortalOutputHelp = Message(
        "output.not-portal-output.help",
        en: "choose an empty or new folder with --output, or empty this one yourself if it can go",
        vi: "chọn với --output một thư mục trống hoặc mới, hoặc tự xoá hết nội dung thư mục này nếu không còn cần")

    public static let notADirectory = Message(
        "output.not-a-directory", en: "the output path exists and is not a folder",
        vi: "đường dẫn đầu ra đã có và không phải một thư mục")
    public static let notADirectoryHelp = Message(
        "output.not-a-directory.help", en: "choose another --output", vi: "chọn một đường dẫn khác cho --output")

    /// `reason` is the system's, in English.
    public static func cannotWrite(_ reason: String) -> Message {
        Message("output.cannot-write", en: "cannot write: \(reason)", vi: "không ghi được: \(reason)")
    }
    public static let cannotWriteHelp = Message(
        "output.cannot-write.help", en: "check the disk space and the folder's permissions",
        vi: "kiểm tra dung lượng đĩa còn trống và quyền ghi của thư mục")

    /// A file the last build wrote, to be kept, is no longer in the output folder.
    public static let keptFileGone = Message(
        "output.kept-file-gone", en: "cannot write: the file of the last build to keep is gone",
        vi: "không ghi được: tệp của lần dựng trước cần giữ lại đã không còn")
    public static let keptFileGoneHelp = Message(
        "output.kept-file-gone.help",
        en: "build again, and leave the files of the output folder to portal",
        vi: "dựng lại trang, và không tự sửa hay xoá tệp trong thư mục đầu ra")

    /// A file to publish that cannot be read to make its `.gz` and `.br` copies.
    public static let cannotReadSource = Message(
        "output.cannot-read-source", en: "cannot read this file to write its compressed copies",
        vi: "không đọc được tệp này để ghi các bản nén của tệp")

    public static func clash(_ path: String, first: String) -> Message {
        Message(
            "output.clash", en: "writes \(path), which \(first) writes too",
            vi: "ghi ra \(path), trong khi \(first) cũng ghi ra tệp đó")
    }
    public static let clashHelp = Message(
        "output.clash.help", en: "rename the page, or the file in media/ or the theme's assets/",
        vi: "đổi tên trang, hoặc đổi tên tệp trong media/ hay trong assets/ của giao diện")

    public static func busy(pid: Int?) -> Message {
        Message(
            "output.busy",
            en:
                "another build is writing this output folder\(pid.map { " (process \($0))" } ?? ""); nothing was written",
            vi: "một lần dựng trang khác đang ghi vào thư mục đầu ra này\(pid.map { " (tiến trình \($0))" } ?? ""); "
                + "chưa có gì được ghi")
    }
    public static let busyHelp = Message(
        "output.busy.help", en: "wait for it to end and build again, or leave out --no-wait to wait for it",
        vi: "chờ lần dựng đó xong rồi dựng lại, hoặc bỏ tuỳ chọn --no-wait để portal tự chờ")

    public static let symbolicLink = Message(
        "output.symbolic-link", en: "the output folder is a symbolic link",
        vi: "thư mục đầu ra là một liên kết tượng trưng")
    public static let symbolicLinkHelp = Message(
        "output.symbolic-link.help",
        en:
            "give the real folder with --output: the build replaces the output folder as a whole, and would replace the link",
        vi: "ghi thư mục thật sau --output: mỗi lần dựng trang thay toàn bộ thư mục đầu ra, nên sẽ thay mất liên kết")

    public static func overlapsInput(_ input: String, theme: Bool) -> Message {
        Message(
            "output.overlaps-input",
            en: "the output folder and the \(theme ? "theme" : "content") folder \(input) are inside one another; "
                + "a build would publish its own output or replace its input",
            vi: "thư mục đầu ra và thư mục \(theme ? "giao diện" : "nội dung") \(input) nằm lồng trong nhau; "
                + "khi dựng, portal sẽ đăng lại chính kết quả của mình hoặc thay mất dữ liệu đầu vào")
    }
    public static let overlapsInputHelp = Message(
        "output.overlaps-input.help",
        en: "choose an output folder outside the content and theme folders, e.g. --output Output",
        vi: "chọn thư mục đầu ra nằm ngoài thư mục nội dung và thư mục giao diện, ví dụ --output Output")
}
