/// The words around every diagnostic, and the summary of a failed build: the shape of the line
/// (`path:line:column: error: …`) is the same in both languages, so editors' tools still jump
/// to the place; only the words change.
public enum DiagnosticMessages {
    public static let error = Message("severity.error", en: "error", vi: "lỗi")
    public static let warning = Message("severity.warning", en: "warning", vi: "cảnh báo")
    /// Starts the line under a diagnostic that says what to do.
    public static let help = Message("diagnostic.help", en: "help", vi: "Cách sửa")

    public static func buildFailed(errors: Int) -> Message {
        Message(
            "build.failed",
            en: "build failed: \(errors == 1 ? "1 error" : "\(errors) errors"); the output folder was left as it was",
            vi: "dựng trang không thành công: \(errors) lỗi; thư mục đầu ra được giữ nguyên như trước")
    }
}
