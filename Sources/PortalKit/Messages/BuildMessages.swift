import Foundation

/// What `portal build` and `portal check` print while and after they work.
public enum BuildMessages {
    /// The terminal's progress line, rewritten after each stage (`stage` is the stage's name).
    public static func stageDone(_ stage: String) -> Message {
        Message("build.progress", en: "building… \(stage) done", vi: "đang dựng trang… xong bước \(stage)")
    }

    /// Another build holds the output folder's lock; `pid` when the lock file names it.
    public static func waiting(pid: Int?, output: String) -> Message {
        Message(
            "build.waiting",
            en: "waiting for another build\(pid.map { " (process \($0))" } ?? "") to finish writing \(output)…",
            vi: "đang chờ một lần dựng trang khác\(pid.map { " (tiến trình \($0))" } ?? "") ghi xong \(output)…")
    }

    /// `pages` is the count per language, e.g. `vi 120, en 80`; `seconds` as `1.25`, which
    /// Vietnamese writes `1,25`.
    public static func built(
        pages: String, output: String, seconds: String, written: Int, unchanged: Int, removed: Int
    ) -> Message {
        Message(
            "build.done",
            en: "Built \(pages) pages into \(output) in \(seconds) s: \(written) files written, "
                + "\(unchanged) unchanged, \(removed) removed",
            vi:
                "Đã dựng xong \(output) trong \(seconds.replacingOccurrences(of: ".", with: ",")) giây (số trang: \(pages)): ghi \(written) tệp, "
                + "\(unchanged) tệp không đổi, xoá \(removed) tệp")
    }

    /// `portal check`'s last line.
    public static func checkSummary(errors: Int, warnings: Int) -> Message {
        // Vietnamese nouns have no plural; English says "1 error", "2 errors".
        Message(
            "check.summary",
            en: "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")",
            vi: "\(errors) lỗi, \(warnings) cảnh báo")
    }
}
