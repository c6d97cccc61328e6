/// `MarkdownError` and the warnings about a page's links and images (LinkResolver, and the
/// fragment check after rendering).
public enum LinkMessages {
    public static func missingPage(_ target: String) -> Message {
        Message(
            "link.missing-page", en: "the link to `\(target)` points at a page that does not exist",
            vi: "liên kết tới `\(target)` trỏ tới một trang không tồn tại")
    }
    public static let missingPageHelp = Message(
        "link.missing-page.help",
        en: "check the file name and the folder; links are relative to this file, e.g. ../tin-tuc/bai.md",
        vi: "kiểm tra tên tệp và thư mục; đường dẫn của liên kết tính từ tệp này, ví dụ ../tin-tuc/bai.md")

    public static func unpublishedTarget(_ target: String, _ exclusion: Publication.Exclusion) -> Message {
        Message(
            "link.unpublished-target",
            en:
                "the link to `\(target)` points at a page that is not published in this build (\(exclusion.explanation))",
            vi:
                "liên kết tới `\(target)` trỏ tới một trang không được đăng trong lần dựng này (\(exclusion.vietnameseExplanation))"
        )
    }
    public static func unpublishedTargetHelp(_ exclusion: Publication.Exclusion) -> Message {
        Message("link.unpublished-target.help", en: exclusion.remedy, vi: exclusion.vietnameseRemedy)
    }

    public static func missingFile(_ target: String) -> Message {
        Message(
            "link.missing-file", en: "the link to `\(target)` points at a file that does not exist",
            vi: "liên kết tới `\(target)` trỏ tới một tệp không tồn tại")
    }
    public static let missingFileHelp = Message(
        "link.missing-file.help", en: "put the file in Content/media/ and link it as /media/NAME",
        vi: "đặt tệp vào Content/media/ và liên kết tới tệp dạng /media/TÊN-TỆP")

    public static func missingAlt(_ destination: String) -> Message {
        Message(
            "link.missing-alt", en: "the image `\(destination)` has no alt text",
            vi: "ảnh `\(destination)` chưa có lời mô tả ảnh (alt)")
    }
    public static func missingAltHelp(_ destination: String) -> Message {
        Message(
            "link.missing-alt.help",
            en: "describe the image for people who cannot see it: ![mô tả ảnh](\(destination))",
            vi: "mô tả nội dung ảnh cho người không nhìn thấy ảnh: ![mô tả ảnh](\(destination))")
    }

    public static let controlCharacter = Message(
        "link.control-character", en: "the link to an address with a control character was removed",
        vi: "liên kết tới một địa chỉ có ký tự điều khiển đã bị bỏ")
    public static let controlCharacterHelp = Message(
        "link.control-character.help",
        en: "write the address without tabs, line breaks or other invisible characters",
        vi: "ghi địa chỉ không có dấu tab, dấu xuống dòng hay ký tự ẩn nào khác")

    public static func unsafeScheme(_ scheme: String) -> Message {
        Message(
            "link.unsafe-scheme", en: "the link to a `\(scheme):` address was removed",
            vi: "liên kết tới địa chỉ `\(scheme):` đã bị bỏ")
    }
    public static let unsafeSchemeHelp = Message(
        "link.unsafe-scheme.help", en: "only http(s), mailto and tel links are published",
        vi: "chỉ các liên kết http(s), mailto và tel được đăng")

    public static func neitherPageNorMedia(_ destination: String) -> Message {
        Message(
            "link.neither-page-nor-media",
            en: "the relative link `\(destination)` is neither a Markdown page nor a file in media/",
            vi:
                "liên kết tương đối `\(destination)` không trỏ tới trang Markdown nào, cũng không trỏ tới tệp nào trong media/"
        )
    }
    public static let neitherPageNorMediaHelp = Message(
        "link.neither-page-nor-media.help",
        en: "link pages by their .md file and files as /media/…, so links survive URL changes",
        vi:
            "liên kết tới trang bằng tệp .md của trang và tới tệp dạng /media/…, để liên kết vẫn đúng khi địa chỉ thay đổi"
    )

    /// A `#fragment` naming no heading of the page `target` (its file).
    public static func unknownFragment(_ fragment: String, target: String) -> Message {
        Message(
            "link.unknown-fragment", en: "`#\(fragment)` is not a heading of \(target)",
            vi: "`#\(fragment)` không phải một đề mục của \(target)")
    }
    /// With the closest heading id, if one is close.
    public static func unknownFragmentHelp(suggestion: String?) -> Message {
        Message(
            "link.unknown-fragment.help",
            en: suggestion.map { "did you mean `#\($0)`?" } ?? "heading ids are the heading text folded like slugs",
            vi: suggestion.map { "có phải bạn định ghi `#\($0)`?" }
                ?? "id của đề mục là chữ của đề mục viết thường, bỏ dấu, nối bằng dấu gạch ngang như tên trong địa chỉ")
    }
}

extension Publication.Exclusion {
    /// Why the page is left out of this build: a clause of the messages about a link to it
    /// (here) and of `portal check`'s warning (CheckMessages.notPublished).
    var explanation: String {
        switch self {
        case .draft: "it is a draft"
        case .future: "its publish date is in the future"
        case .expired: "its expiry date has passed"
        }
    }

    var vietnameseExplanation: String {
        switch self {
        case .draft: "đây là bản nháp"
        case .future: "ngày đăng của trang chưa tới"
        case .expired: "trang đã quá ngày hết hạn"
        }
    }

    var remedy: String {
        switch self {
        case .draft: "publish it (remove `draft: true`) or remove the link; --drafts builds drafts too"
        case .future: "remove the link until then; --future builds future pages too"
        case .expired: "remove the link or the page's `expiryDate`"
        }
    }

    var vietnameseRemedy: String {
        switch self {
        case .draft: "đăng trang (xoá `draft: true`) hoặc xoá liên kết tới trang; tuỳ chọn --drafts dựng cả bản nháp"
        case .future: "xoá liên kết tới trang cho tới ngày đăng; tuỳ chọn --future dựng cả trang chưa tới ngày đăng"
        case .expired: "xoá liên kết tới trang, hoặc xoá `expiryDate` của trang"
        }
    }
}
