/// `ContentError`: the files under `Content/` themselves.
public enum ContentMessages {
    public static func unknownFolder(languages: [String], reserved: [String]) -> Message {
        let codes = languages.joined(separator: ", ")
        let others = reserved.joined(separator: ", ")
        return Message(
            "content.unknown-folder",
            en: "this folder is neither a language of the site (\(codes)) nor one of \(others)",
            vi: "thư mục này không phải thư mục ngôn ngữ của trang (\(codes)) cũng không phải một trong \(others)")
    }
    public static let unknownFolderHelp = Message(
        "content.unknown-folder.help",
        en:
            "move its pages into a language folder, add the language to site.yml under `languages`, or put files in media/",
        vi: "chuyển các trang trong đó vào một thư mục ngôn ngữ, khai báo ngôn ngữ trong site.yml ở mục `languages`, "
            + "hoặc đặt tệp vào media/")

    public static func notUTF8(byteOffset: Int) -> Message {
        Message(
            "content.not-utf8", en: "the file is not UTF-8 text (invalid byte at offset \(byteOffset))",
            vi: "tệp không phải văn bản UTF-8 (byte không hợp lệ ở vị trí \(byteOffset))")
    }
    public static let notUTF8Help = Message(
        "content.not-utf8.help", en: "save the file as UTF-8 (in most editors: Save with encoding → UTF-8)",
        vi:
            "lưu lại tệp theo bảng mã UTF-8 (trong phần lớn trình soạn thảo: Lưu với bảng mã (Save with encoding) → UTF-8)"
    )

    public static let unreadable = Message(
        "content.unreadable", en: "the file cannot be read", vi: "không đọc được tệp")
    public static let unreadableHelp = Message(
        "content.unreadable.help", en: "check the file's permissions", vi: "kiểm tra quyền truy cập của tệp")

    /// `reason` comes from the URL path checker, whose messages are not in the catalogue yet.
    public static func badFileName(reason: String) -> Message {
        Message(
            "content.bad-file-name", en: "this file's name cannot be part of a web address: \(reason)",
            vi: "tên tệp này không dùng được trong địa chỉ web: \(reason)")
    }
    public static let badFileNameHelp = Message(
        "content.bad-file-name.help", en: "rename the file with letters, digits, `-` and `_`",
        vi: "đặt lại tên tệp, chỉ dùng chữ cái, chữ số, `-` và `_`")

    /// A warning: a file at the top of `Content/` that no stage reads.
    public static let unusedFile = Message(
        "content.unused-file", en: "this file is not used by the build",
        vi: "tệp này không được dùng khi dựng trang")
    public static func unusedFileHelp(languages: [String]) -> Message {
        let codes = languages.joined(separator: ", ")
        return Message(
            "content.unused-file.help",
            en: "Markdown belongs in a language folder (\(codes)), images and downloads in media/",
            vi: "tệp Markdown đặt trong thư mục ngôn ngữ (\(codes)), ảnh và tệp tải về đặt trong media/")
    }

    /// A warning: an image or other file inside a language folder.
    public static let notMarkdown = Message(
        "content.not-markdown", en: "only Markdown (.md) files are read from language folders",
        vi: "trong thư mục ngôn ngữ chỉ các tệp Markdown (.md) được đọc")
    public static func notMarkdownHelp(mediaFolder: String) -> Message {
        Message(
            "content.not-markdown.help",
            en: "move images and downloads to \(mediaFolder)/media/ and link them as /media/…",
            vi: "chuyển ảnh và tệp tải về vào \(mediaFolder)/media/ rồi liên kết tới chúng dạng /media/…")
    }
}
