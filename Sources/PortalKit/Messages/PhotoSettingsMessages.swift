/// `images:` of site.yml (`PhotoSettings`): the sizes and qualities photos are published at.
public enum PhotoSettingsMessages {
    public static func widthOutOfRange(_ width: Int) -> Message {
        Message(
            "images.width-range", en: "the width \(width) is not between 16 and 8192 pixels",
            vi: "chiều rộng \(width) không nằm trong khoảng từ 16 đến 8192 điểm ảnh")
    }
    public static let widthOutOfRangeHelp = Message(
        "images.width-range.help", en: "give widths in pixels, e.g. [480, 800, 1200, 1600]",
        vi: "ghi chiều rộng theo điểm ảnh (pixel), ví dụ [480, 800, 1200, 1600]")

    public static let noWidths = Message(
        "images.no-widths", en: "`images.widths` is empty", vi: "`images.widths` đang để trống")
    public static let noWidthsHelp = Message(
        "images.no-widths.help", en: "give at least one width, e.g. [480, 800, 1200, 1600]",
        vi: "ghi ít nhất một chiều rộng, ví dụ [480, 800, 1200, 1600]")

    public static let largestOutOfRange = Message(
        "images.largest-range", en: "`images.largest` is not between 16 and 16384 pixels",
        vi: "`images.largest` không nằm trong khoảng từ 16 đến 16384 điểm ảnh")
    public static let largestOutOfRangeHelp = Message(
        "images.largest-range.help", en: "e.g. `largest: 2400`", vi: "ví dụ `largest: 2400`")

    /// `key`: `jpeg` or `webp`.
    public static func qualityOutOfRange(_ key: String) -> Message {
        Message(
            "images.quality-range", en: "`images.quality.\(key)` is not between 1 and 100",
            vi: "`images.quality.\(key)` không nằm trong khoảng từ 1 đến 100")
    }
    public static let qualityOutOfRangeHelp = Message(
        "images.quality-range.help", en: "80 is a good quality for photos on the web",
        vi: "mức 80 là chất lượng phù hợp cho ảnh đăng trên trang web")

    public static let shareImageNotMedia = Message(
        "images.share-image", en: "`images.shareImage` is not a file of media/",
        vi: "`images.shareImage` không phải là một tệp trong media/")
    public static let shareImageNotMediaHelp = Message(
        "images.share-image.help", en: "put the image in Content/media/ and write `shareImage: /media/NAME`",
        vi: "đặt ảnh vào Content/media/ và ghi `shareImage: /media/NAME`")
}
