/// `InputPathError`: a symbolic link under `Content/` or the theme that the build will not follow.
public enum InputPathMessages {
    public static func escapes(target: String, root: String) -> Message {
        Message(
            "input-path.escapes",
            en: "this symbolic link points at \(target), outside \(root); only files inside it are published",
            vi: "liên kết tượng trưng này trỏ tới \(target), nằm ngoài \(root); chỉ các tệp bên trong \(root) được đăng"
        )
    }
    public static let escapesHelp = Message(
        "input-path.escapes.help", en: "copy the file into the folder instead of linking to it, or remove the link",
        vi: "sao chép tệp vào thư mục thay vì liên kết tới tệp, hoặc xoá liên kết")

    public static func dangling(target: String) -> Message {
        Message(
            "input-path.dangling", en: "this symbolic link points at \(target), which does not exist",
            vi: "liên kết tượng trưng này trỏ tới \(target), nhưng nơi đó không tồn tại")
    }
    public static let danglingHelp = Message(
        "input-path.dangling.help", en: "remove the link, or make it point at a file that exists",
        vi: "xoá liên kết, hoặc cho liên kết trỏ tới một tệp có thật")

    public static let loop = Message(
        "input-path.loop", en: "this symbolic link leads back to a folder that holds it (a loop)",
        vi: "liên kết tượng trưng này dẫn ngược về thư mục chứa chính nó (vòng lặp)")
    public static let loopHelp = Message(
        "input-path.loop.help", en: "remove the link, or point it at a folder that does not hold it",
        vi: "xoá liên kết, hoặc cho liên kết trỏ tới một thư mục không chứa nó")
}
