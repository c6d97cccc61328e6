/// `PhotoError` and the photo warnings (the files of Content/media/), and the problems of a
/// page's `image` (`PageImage.Problem`).
public enum PhotoMessages {
    /// `found` and `named` are format names (`JPEG`, `PNG`); `named` is nil when the file's
    /// extension names no image format.
    public static func mismatch(found: String, named: String?) -> Message {
        Message(
            "photo.mismatch",
            en: named.map { "the file is a \(found) image, not \($0) as its name says" }
                ?? "the file is a \(found) image, but its name does not say so",
            vi: named.map { "tệp là ảnh \(found), không phải ảnh \($0) như tên tệp cho biết" }
                ?? "tệp là ảnh \(found), nhưng tên tệp không cho biết điều đó")
    }
    /// `fileExtension` is the one of the content, e.g. `jpg`.
    public static func mismatchHelp(fileExtension: String) -> Message {
        Message(
            "photo.mismatch.help", en: "rename the file with the extension of its content (.\(fileExtension))",
            vi: "đổi tên tệp theo đúng đuôi của nội dung tệp (.\(fileExtension))")
    }

    public static func unsupported(_ format: String) -> Message {
        Message(
            "photo.unsupported", en: "\(format) images are not published on the web",
            vi: "ảnh \(format) không được đăng lên web")
    }
    public static let unsupportedHelp = Message(
        "photo.unsupported.help", en: "save it as JPEG (photos) or PNG (drawings and screenshots)",
        vi: "lưu lại ảnh dạng JPEG (ảnh chụp) hoặc PNG (hình vẽ, ảnh chụp màn hình)")

    public static func notAnImage(_ format: String) -> Message {
        Message(
            "photo.not-an-image", en: "the file is not a \(format) image (damaged, or another kind of file)",
            vi: "tệp không phải ảnh \(format) (tệp bị hỏng, hoặc là loại tệp khác)")
    }
    /// `detail` is libvips's (in English), nil when it gave none.
    public static func corrupt(_ format: String, detail: String?) -> Message {
        Message(
            "photo.corrupt",
            en:
                "the \(format) image cannot be read: it is damaged or cut short (\(detail ?? "libvips gave no reason"))",
            vi: "không đọc được ảnh \(format): ảnh bị hỏng hoặc bị cắt cụt (\(detail ?? "libvips không nêu lý do"))")
    }
    public static func noPixels(_ format: String) -> Message {
        Message(
            "photo.no-pixels", en: "the \(format) image cannot be read: it has no pixels",
            vi: "không đọc được ảnh \(format): ảnh không có điểm ảnh nào")
    }
    /// The help of the three messages above.
    public static let damagedHelp = Message(
        "photo.damaged.help", en: "open the file in an image editor and save it again, or replace it",
        vi: "mở tệp bằng một phần mềm chỉnh sửa ảnh rồi lưu lại, hoặc thay bằng tệp khác")

    public static func shareImage(_ path: String) -> Message {
        Message(
            "photo.share-image", en: "`images.shareImage` names `\(path)`, which is not a photo of media/",
            vi: "`images.shareImage` ghi `\(path)`, nhưng đây không phải ảnh trong media/")
    }
    public static let shareImageHelp = Message(
        "photo.share-image.help",
        en: "put a JPEG or PNG in Content/media/ and name it: `shareImage: /media/NAME.jpg`",
        vi: "đặt một ảnh JPEG hoặc PNG vào Content/media/ rồi ghi tên ảnh: `shareImage: /media/NAME.jpg`")

    /// `detail` is libvips's, in English.
    public static func library(_ detail: String) -> Message {
        Message(
            "photo.library", en: "libvips could not start (\(detail))", vi: "không khởi động được libvips (\(detail))")
    }
    public static let libraryHelp = Message(
        "photo.library.help", en: "check that Debian's libvips is installed (scripts/setup-system)",
        vi: "kiểm tra gói libvips của Debian đã được cài đặt chưa (scripts/setup-system)")

    public static let cannotCache = Message(
        "photo.cannot-cache", en: "a processed photo cannot be written to the cache",
        vi: "không ghi được ảnh đã xử lý vào bộ nhớ đệm")
    public static let cannotCacheHelp = Message(
        "photo.cannot-cache.help", en: "check the permissions of .portal-cache/ beside the output",
        vi: "kiểm tra quyền ghi của thư mục .portal-cache/ bên cạnh thư mục đầu ra")

    /// A warning: `megapixels` is already rounded for display.
    public static func tooManyPixels(megapixels: Int, width: Int, height: Int, limit: Int) -> Message {
        Message(
            "photo.too-many-pixels",
            en: "the photo has \(megapixels) megapixels (\(width)×\(height)), more than \(limit)",
            vi: "ảnh có \(megapixels) megapixel (\(width)×\(height)), vượt quá \(limit) megapixel")
    }
    public static func tooManyPixelsHelp(limit: Int) -> Message {
        Message(
            "photo.too-many-pixels.help",
            en: "a web page needs no more than \(limit) megapixels; resize the photo before adding it",
            vi: "trang web không cần ảnh lớn hơn \(limit) megapixel; hãy thu nhỏ ảnh trước khi đưa vào")
    }

    /// A warning: the sizes in whole megabytes.
    public static func tooLarge(megabytes: Int, limit: Int) -> Message {
        Message(
            "photo.too-large", en: "the file is \(megabytes) MB, more than \(limit) MB",
            vi: "tệp nặng \(megabytes) MB, vượt quá \(limit) MB")
    }
    public static let tooLargeHelp = Message(
        "photo.too-large.help", en: "export the photo at a lower quality or size before adding it",
        vi: "xuất lại ảnh với chất lượng hoặc kích thước thấp hơn trước khi đưa vào")

    /// The page's `image` (its value, control characters made visible) and what is wrong with it.
    public static func pageImage(_ image: String, _ problem: PageImage.Problem) -> Message {
        switch problem {
        case .notAnImageAddress:
            Message(
                "page-image.not-an-image-address",
                en: "the page's image `\(image)` is not a file in media/ or an http(s) address",
                vi: "ảnh của trang `\(image)` không phải tệp trong media/, cũng không phải địa chỉ http(s)")
        case .spaceOrControlCharacter:
            Message(
                "page-image.space-or-control-character",
                en: "the page's image `\(image)` holds a space or a control character",
                vi: "ảnh của trang `\(image)` có dấu cách hoặc ký tự điều khiển")
        case .outside:
            Message(
                "page-image.outside", en: "the page's image `\(image)` points outside the content folder",
                vi: "ảnh của trang `\(image)` trỏ ra ngoài thư mục nội dung")
        case .notInMedia:
            Message(
                "page-image.not-in-media", en: "the page's image `\(image)` is not a file in media/",
                vi: "ảnh của trang `\(image)` không phải tệp trong media/")
        }
    }
    public static let pageImageHelp = Message(
        "page-image.help",
        en:
            "put the image in Content/media/ and write `image: /media/NAME` (or a path relative to this file, as in links), or give its https:// address",
        vi:
            "đặt ảnh vào Content/media/ và ghi `image: /media/NAME` (hoặc đường dẫn tính từ tệp này, như trong liên kết), hoặc ghi địa chỉ https:// của ảnh"
    )
    public static let pageImageSpaceHelp = Message(
        "page-image.space-or-control-character.help",
        en: "write a space in an address as %20 and remove tabs, line breaks and other invisible characters",
        vi: "ghi dấu cách trong địa chỉ thành %20, và xoá dấu tab, dấu xuống dòng cùng các ký tự ẩn khác")
}
