/// Why a path from content (an alias, a media file's name) cannot be a path of the site
/// (`URLPath.Problem`): a reason clause that the messages of the front matter and the content
/// loader quote, and its remedy.
public enum URLPathMessages {
    public static func reason(_ problem: URLPath.Problem) -> Message {
        switch problem {
        case .empty: Message("url-path.empty", en: "the path is empty", vi: "đường dẫn trống")
        case .hasScheme(let scheme):
            Message(
                "url-path.has-scheme", en: "`\(scheme):` is a link to elsewhere, not a path on this site",
                vi: "`\(scheme):` là liên kết tới nơi khác, không phải đường dẫn trên trang này")
        case .otherHost:
            Message(
                "url-path.other-host", en: "a path starting with `//` names another host",
                vi: "đường dẫn bắt đầu bằng `//` chỉ tới một máy chủ khác")
        case .queryOrFragment:
            Message(
                "url-path.query-or-fragment", en: "a path with `?` or `#` cannot be a file of the site",
                vi: "đường dẫn có `?` hoặc `#` không thể là một tệp của trang")
        case .dotSegment(let segment):
            Message(
                "url-path.dot-segment", en: "the path has a `\(segment)` segment",
                vi: "đường dẫn có đoạn `\(segment)`")
        case .emptySegment:
            Message(
                "url-path.empty-segment", en: "the path has an empty segment (`//`)",
                vi: "đường dẫn có đoạn trống (`//`)")
        case .forbiddenCharacter(let scalar):
            forbiddenCharacter(scalar)
        case .badPercentEscape:
            Message(
                "url-path.bad-percent-escape",
                en: "the path has a `%` that is not followed by two hex digits of UTF-8",
                vi: "đường dẫn có dấu `%` không đi kèm hai chữ số hệ mười sáu của UTF-8")
        case .tooLong(let segment):
            Message(
                "url-path.too-long", en: "the segment `\(segment.prefix(40))…` is longer than 255 bytes",
                vi: "đoạn `\(segment.prefix(40))…` dài quá 255 byte")
        }
    }

    /// A visible ASCII character is shown as it is, any other by its code point (`U+200B`):
    /// the message must not hide part of itself.
    static func forbiddenCharacter(_ scalar: Unicode.Scalar) -> Message {
        if scalar.value < 0x80, scalar.value >= 0x21, scalar.value != 0x7F {
            return Message(
                "url-path.forbidden-character", en: "the path holds the character `\(scalar)`",
                vi: "đường dẫn có ký tự `\(scalar)`")
        }
        let hex = String(scalar.value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        return Message(
            "url-path.forbidden-character", en: "the path holds an invisible or control character (\(code))",
            vi: "đường dẫn có một ký tự ẩn hoặc ký tự điều khiển (\(code))")
    }

    public static func help(_ problem: URLPath.Problem) -> Message {
        switch problem {
        case .hasScheme, .otherHost:
            Message(
                "url-path.elsewhere.help", en: "write a path on this site, such as `/tin-tuc/bai-cu/`",
                vi: "ghi một đường dẫn trên trang này, ví dụ `/tin-tuc/bai-cu/`")
        case .dotSegment, .emptySegment:
            Message(
                "url-path.segments.help",
                en:
                    "write the path in full from the site's root, such as `/tin-tuc/bai-cu/`, without `.`, `..` or `//`",
                vi: "ghi đầy đủ đường dẫn từ gốc của trang, ví dụ `/tin-tuc/bai-cu/`, không dùng `.`, `..` hay `//`")
        case .forbiddenCharacter:
            Message(
                "url-path.forbidden-character.help",
                en: "use letters, digits and `-`, `_`, `.`, `~` in paths; percent-escapes such as `%20` are decoded",
                vi: "chỉ dùng chữ cái, chữ số và `-`, `_`, `.`, `~` trong đường dẫn; mã thoát phần trăm như `%20` "
                    + "sẽ được giải mã")
        case .queryOrFragment:
            Message(
                "url-path.query-or-fragment.help", en: "remove the part from `?` or `#`",
                vi: "bỏ phần từ dấu `?` hoặc `#` trở đi")
        case .badPercentEscape:
            Message(
                "url-path.bad-percent-escape.help", en: "write `%25` for a percent sign, or the character itself",
                vi: "ghi `%25` thay cho dấu phần trăm, hoặc ghi chính ký tự đó")
        case .empty:
            Message(
                "url-path.empty.help", en: "write a path such as `/tin-tuc/bai-cu/`",
                vi: "ghi một đường dẫn, ví dụ `/tin-tuc/bai-cu/`")
        case .tooLong: Message("url-path.too-long.help", en: "shorten it", vi: "rút ngắn đoạn này")
        }
    }

    /// A message around the problem's reason, each language's text with the reason in that
    /// language: `make` is e.g. `ContentMessages.badFileName(reason:)`.
    public static func quoting(_ problem: URLPath.Problem, in make: (String) -> Message) -> Message {
        let reason = reason(problem)
        let (en, vi) = (make(reason.en), make(reason.vi))
        return Message(en.code, en: en.en, vi: vi.vi)
    }
}
