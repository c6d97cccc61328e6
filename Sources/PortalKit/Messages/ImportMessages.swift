/// `ImportError` and `ImportWarning`: `portal import` of a Word or OpenDocument file.
public enum ImportMessages {
    public static let notADocument = Message(
        "import.not-a-document", en: "this is not a Word (.docx) or OpenDocument (.odt) file",
        vi: "đây không phải tệp Word (.docx) hay OpenDocument (.odt)")
    public static let notADocumentHelp = Message(
        "import.not-a-document.help",
        en: "save the document as .docx (Word 2007 and later) or .odt; an old .doc must be saved again as .docx first",
        vi: "lưu tài liệu dạng .docx (Word 2007 trở về sau) hoặc .odt; tệp .doc cũ cần được lưu lại thành .docx trước")

    public static func cannotRead(_ problem: ImportError.ReadProblem) -> Message {
        let (en, vi): (String, String) =
            switch problem {
            case .missing: ("no such file, or it cannot be read", "tệp không có, hoặc không đọc được")
            case .notAZip(let detail):
                (
                    "it is not a zip package (\(detail)); a .docx or .odt file is one",
                    "tệp không phải gói zip (\(detail)), trong khi tệp .docx hay .odt đều là gói zip"
                )
            case .notWord:
                (
                    "it has no word/document.xml: it is not a Word document",
                    "tệp không có word/document.xml: đây không phải tài liệu Word"
                )
            case .notOpenDocument:
                (
                    "it has no content.xml: it is not an OpenDocument text",
                    "tệp không có content.xml: đây không phải văn bản OpenDocument"
                )
            case .noTemporaryFolder(let detail):
                ("no temporary folder (\(detail))", "không tạo được thư mục tạm (\(detail))")
            }
        return Message(
            "import.cannot-read", en: "cannot read the document: \(en)", vi: "không đọc được tài liệu: \(vi)")
    }
    public static let cannotReadHelp = Message(
        "import.cannot-read.help", en: "check that the file exists and can be read",
        vi: "kiểm tra xem tệp có tồn tại và đọc được không")

    public static func pandocFailed(_ problem: ImportError.PandocProblem) -> Message {
        let (en, vi): (String, String) =
            switch problem {
            case .said(let words): (words, words)
            case .exitStatus(let status): ("exit status \(status)", "mã thoát \(status)")
            case .notInstalled: ("pandoc is not installed", "pandoc chưa được cài đặt")
            case .notStarted(let detail):
                ("pandoc could not be started (\(detail))", "không khởi động được pandoc (\(detail))")
            case .unreadableJSON(let detail):
                ("its JSON could not be read (\(detail))", "không đọc được JSON do pandoc trả về (\(detail))")
            case .cannotWrite(let path): ("cannot write in \(path)", "không ghi được vào \(path)")
            }
        return Message(
            "import.pandoc-failed", en: "pandoc could not convert the document: \(en)",
            vi: "pandoc không chuyển đổi được tài liệu: \(vi)")
    }
    public static let pandocFailedHelp = Message(
        "import.pandoc-failed.help",
        en:
            "open the document in Word or LibreOffice and save it again; check that pandoc is installed (scripts/setup-system installs it)",
        vi:
            "mở tài liệu bằng Word hoặc LibreOffice rồi lưu lại; kiểm tra pandoc đã được cài đặt chưa (scripts/setup-system sẽ cài pandoc)"
    )

    public static let noTitle = Message(
        "import.no-title", en: "the document has no title and no heading to take the post's title from",
        vi: "tài liệu không có tiêu đề hay đề mục nào để lấy làm tiêu đề bài")
    public static let noTitleHelp = Message(
        "import.no-title.help", en: "give the title with --title \"…\"", vi: "ghi tiêu đề bằng tuỳ chọn --title \"…\"")

    public static let empty = Message(
        "import.empty", en: "the document has no text or image to import",
        vi: "tài liệu không có chữ hay ảnh nào để nhập")
    public static let emptyHelp = Message(
        "import.empty.help", en: "check that this is the right document",
        vi: "kiểm tra xem đây có đúng là tài liệu cần nhập không")

    public static let mediaFolderExists = Message(
        "import.media-folder-exists", en: "this folder of images already exists; nothing was written",
        vi: "thư mục ảnh này đã có; chưa có gì được ghi")
    public static let mediaFolderExistsHelp = Message(
        "import.media-folder-exists.help",
        en:
            "a post with the same name has images there: give another title with --title, or remove the folder if it is left over",
        vi:
            "một bài cùng tên đang có ảnh trong thư mục này: ghi tiêu đề khác bằng --title, hoặc xoá thư mục nếu đó là thư mục còn sót lại"
    )

    /// `reason` is the system's, in English.
    public static func cannotWriteMedia(_ reason: String) -> Message {
        Message(
            "import.cannot-write-media", en: "cannot write the images: \(reason); nothing was kept",
            vi: "không ghi được ảnh: \(reason); không giữ lại gì")
    }
    public static let cannotWriteMediaHelp = Message(
        "import.cannot-write-media.help", en: "check the permissions of Content/media/",
        vi: "kiểm tra quyền ghi của thư mục Content/media/")

    // Warnings: what was not carried over as it was.

    public static func imageWithoutDescription(_ name: String) -> Message {
        Message(
            "import.image-without-description",
            en: "the image \(name) has no description in the document, so its alt text is empty",
            vi: "ảnh \(name) không có lời mô tả trong tài liệu, nên lời mô tả ảnh (alt) trong bài để trống")
    }
    public static let imageWithoutDescriptionHelp = Message(
        "import.image-without-description.help",
        en: "write what the image shows between the brackets of ![…] at this line (for readers who cannot see it)",
        vi: "viết nội dung ảnh vào giữa cặp ngoặc vuông của ![…] ở dòng này (cho người đọc không nhìn thấy ảnh)")

    public static func imageLeftOut(_ name: String, format: String) -> Message {
        Message(
            "import.image-left-out",
            en: "the image \(name) is in \(format), which browsers do not show; it was not imported",
            vi: "ảnh \(name) ở định dạng \(format), trình duyệt không hiển thị được; ảnh không được đưa vào bài")
    }
    public static let imageLeftOutHelp = Message(
        "import.image-left-out.help",
        en:
            "save the image as PNG or JPEG from the document, put it in the post's media folder and add it with ![description](/media/…)",
        vi:
            "lưu ảnh trong tài liệu thành PNG hoặc JPEG, đặt vào thư mục ảnh của bài rồi chèn vào bài bằng ![mô tả](/media/…)"
    )

    public static func textBox(_ text: String) -> Message {
        Message(
            "import.text-box", en: "a text box was not imported: “\(text)”",
            vi: "một hộp văn bản (text box) không được đưa vào bài: “\(text)”")
    }
    public static let textBoxHelp = Message(
        "import.text-box.help", en: "copy the text into the post where it belongs, if it should be published",
        vi: "nếu nội dung này cần được đăng, hãy chép vào đúng chỗ trong bài")

    public static func comment(author: String, text: String) -> Message {
        Message(
            "import.comment", en: "a comment by \(author) was not imported: “\(text)”",
            vi: "chú thích (comment) của \(author) không được đưa vào bài: “\(text)”")
    }
    public static let commentHelp = Message(
        "import.comment.help", en: "check whether the comment asks for a change the post still needs",
        vi: "xem chú thích có đề nghị sửa điều gì mà bài vẫn cần sửa không")

    public static func insertionAccepted(author: String, text: String) -> Message {
        Message(
            "import.insertion-accepted",
            en: "a tracked change by \(author) was accepted: the inserted text “\(text)” is in the post",
            vi: "một thay đổi được theo dõi (track changes) của \(author) đã được chấp nhận: "
                + "đoạn chữ thêm vào “\(text)” có trong bài")
    }
    public static func deletionAccepted(author: String, text: String) -> Message {
        Message(
            "import.deletion-accepted",
            en: "a tracked change by \(author) was accepted: the deleted text “\(text)” is not in the post",
            vi: "một thay đổi được theo dõi (track changes) của \(author) đã được chấp nhận: "
                + "đoạn chữ bị xoá “\(text)” không có trong bài")
    }
    /// The help of the two messages above.
    public static let changeAcceptedHelp = Message(
        "import.change-accepted.help",
        en:
            "the post follows the document with all changes accepted; check with the sender if the change was not final",
        vi: "bài được lập theo tài liệu với mọi thay đổi đã được chấp nhận; nếu thay đổi chưa phải bản cuối, "
            + "xin hỏi lại nơi gửi")

    public static func linkRemoved(url: String, text: String) -> Message {
        Message(
            "import.link-removed",
            en:
                "the link “\(text)” to \(url) was removed (its text is kept): the site links only to web addresses, mailto: and tel:",
            vi:
                "liên kết “\(text)” tới \(url) đã bị bỏ (chữ được giữ lại): trang chỉ liên kết tới địa chỉ web, mailto: và tel:"
        )
    }
    public static let linkRemovedHelp = Message(
        "import.link-removed.help", en: "add a link to a web address if the text needs one",
        vi: "nếu đoạn chữ cần liên kết, hãy thêm liên kết tới một địa chỉ web")

    public static let tableSimplified = Message(
        "import.table-simplified",
        en: "a table had merged cells or several paragraphs in a cell; each cell is now one line of text",
        vi: "một bảng có ô gộp hoặc có ô chứa nhiều đoạn; nay mỗi ô chỉ còn một dòng chữ")
    public static let tableSimplifiedHelp = Message(
        "import.table-simplified.help", en: "compare the table with the document", vi: "đối chiếu bảng với tài liệu gốc"
    )

    public static let tableOfContentsLeftOut = Message(
        "import.table-of-contents-left-out", en: "the document's table of contents was not imported",
        vi: "mục lục của tài liệu không được đưa vào bài")
    public static let tableOfContentsLeftOutHelp = Message(
        "import.table-of-contents-left-out.help",
        en: "a post is read on one page; its headings are enough to find one's way",
        vi: "bài được đọc trên một trang; các đề mục trong bài đủ để người đọc theo dõi")
}
