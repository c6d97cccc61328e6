/// `PublishError`: `portal publish` and its rollback.
public enum PublishMessages {
    /// `marker` is the file that marks a folder portal built (`.portal-output`).
    public static func notPortalOutput(marker: String) -> Message {
        Message(
            "publish.not-portal-output",
            en: "this folder is not a build of portal (it has no \(marker)); nothing was published",
            vi: "thư mục này không phải kết quả dựng trang của portal (không có tệp \(marker)); chưa có gì được đăng")
    }
    public static let notPortalOutputHelp = Message(
        "publish.not-portal-output.help", en: "give the folder `portal build` wrote with --output",
        vi: "chỉ ra thư mục mà `portal build` đã ghi kết quả vào (thư mục của tuỳ chọn --output)")

    public static let failedBuild = Message(
        "publish.failed-build",
        en:
            "the last build into this folder failed: it still holds the build before, which is not what you meant to publish",
        vi: "lần dựng trang gần nhất vào thư mục này bị lỗi: thư mục vẫn chứa kết quả của lần dựng trước đó, "
            + "không phải bản bạn định đăng")
    public static let failedBuildHelp = Message(
        "publish.failed-build.help", en: "fix the errors the build reported and build again, then publish",
        vi: "sửa các lỗi mà lần dựng trang đã báo, dựng lại, rồi mới đăng")

    public static let missingConfiguration = Message(
        "publish.missing-configuration", en: "the build's web-server configuration is missing",
        vi: "thiếu tệp cấu hình máy chủ web của lần dựng trang")
    public static let missingConfigurationHelp = Message(
        "publish.missing-configuration.help",
        en: "build again with this portal: it writes Output.nginx.conf beside the output",
        vi: "dựng lại trang bằng phiên bản portal này: portal ghi tệp Output.nginx.conf bên cạnh thư mục đầu ra")

    /// `reason` is the system's, in English; the help is `OutputMessages.cannotWriteHelp`.
    public static func cannotWrite(_ reason: String) -> Message {
        Message("publish.cannot-write", en: "cannot publish: \(reason)", vi: "không đăng được: \(reason)")
    }
    public static let cannotRead = Message(
        "publish.cannot-read", en: "cannot publish: this file of the build cannot be read",
        vi: "không đăng được: không đọc được tệp này của lần dựng trang")

    public static let nothingPublished = Message(
        "publish.nothing-published", en: "nothing has been published to this folder yet",
        vi: "chưa có bản nào được đăng vào thư mục này")
    public static let nothingPublishedHelp = Message(
        "publish.nothing-published.help", en: "publish a build first: portal publish --to DIR",
        vi: "hãy đăng một lần dựng trang trước: portal publish --to DIR")

    public static func nothingBefore(_ id: String) -> Message {
        Message(
            "publish.nothing-before", en: "\(id) is the oldest release kept: there is none before it",
            vi: "\(id) là bản phát hành cũ nhất còn được giữ: không có bản nào trước nó")
    }
    public static func unknownRelease(_ id: String, releases: [String]) -> Message {
        let list = releases.joined(separator: ", ")
        return Message(
            "publish.unknown-release",
            en: "there is no release \(id)" + (releases.isEmpty ? "" : "; the releases are \(list)"),
            vi: "không có bản phát hành \(id)" + (releases.isEmpty ? "" : "; các bản phát hành hiện có: \(list)"))
    }
    /// The help of the two messages above.
    public static let listReleasesHelp = Message(
        "publish.list-releases.help", en: "list the releases with --list",
        vi: "xem danh sách các bản phát hành bằng tuỳ chọn --list")
}
