/// `portal report`: its `--help` texts, the command lines it refuses and what it prints. The
/// errors in the plan's data are `CatalogError`'s.
extension CommandMessages {
    public enum Report {
        public static let abstract = Message(
            "command.report",
            en: "Compile a plan's yearly progress report for the city, or list the agencies that have not reported.",
            vi: "Tổng hợp báo cáo tiến độ hằng năm của một kế hoạch để gửi Thành phố, hoặc liệt kê các cơ quan "
                + "chưa báo cáo.")
        public static let discussion = Message(
            "command.report.discussion",
            en: """
                portal report --plan 2021-2025 --year 2025 --lang vi --output bao-cao-2025.html
                portal report --plan 2021-2025 --year 2025 --format docx --output bao-cao-2025.docx
                portal report --plan 2021-2025 --missing      # exit status 1 when some are late
                """,
            vi: """
                portal report --plan 2021-2025 --year 2025 --lang vi --output bao-cao-2025.html
                portal report --plan 2021-2025 --year 2025 --format docx --output bao-cao-2025.docx
                portal report --plan 2021-2025 --missing      # mã thoát 1 khi có cơ quan đã quá hạn
                """)
        public static let plan = Message(
            "option.report.plan", en: "The plan's id (its file name in Content/plans/).",
            vi: "Mã kế hoạch (tên tệp của kế hoạch trong Content/plans/).")
        public static let year = Message(
            "option.report.year",
            en: "The reporting year (default: the current one, or the plan's last once it has ended).",
            vi: "Năm báo cáo (mặc định: năm hiện tại, hoặc năm cuối của kế hoạch khi kế hoạch đã kết thúc).")
        public static let lang = Message("option.report.lang", en: "vi or en.", vi: "vi hoặc en.")
        public static let format = Message(
            "option.report.format", en: "html, or docx (through pandoc).", vi: "html, hoặc docx (chuyển qua pandoc).")
        public static let output = Message("option.report.output", en: "The file to write.", vi: "Tệp cần ghi.")
        public static let missing = Message(
            "option.report.missing",
            en: "List the agencies that have not reported for the year; exit 1 when their report is late.",
            vi: "Liệt kê các cơ quan chưa báo cáo năm đó; mã thoát 1 khi báo cáo đã quá hạn.")
        public static let now = Message(
            "option.report.now",
            en: "The moment to report for (as for portal build); decides the default year and lateness.",
            vi: "Thời điểm lập báo cáo (như với portal build); quyết định năm mặc định và việc tính quá hạn.")
        public static let outputNeeded = Message(
            "usage.report.output", en: "--output FILE is needed unless --missing",
            vi: "cần ghi --output TỆP, trừ khi dùng --missing")

        public static func notAReportingYear(_ year: Int, plan: String) -> Message {
            Message(
                "command.report.not-a-reporting-year", en: "\(year) is not a reporting year of plan `\(plan)`",
                vi: "\(year) không phải năm báo cáo của kế hoạch `\(plan)`")
        }
        public static func reportingYears(_ years: [Int]) -> Message {
            let list = years.map(String.init).joined(separator: ", ")
            return Message(
                "command.report.not-a-reporting-year.help", en: "its reporting years: \(list)",
                vi: "các năm báo cáo của kế hoạch: \(list)")
        }
        public static func late(agencies: Int, year: Int) -> Message {
            Message(
                "command.report.late",
                en: "\(agencies) agencies have not reported for \(year), and the deadline has passed",
                vi: "\(agencies) cơ quan chưa báo cáo năm \(year), và đã quá hạn nộp báo cáo")
        }
        /// `reason` is the system's, in English.
        public static func cannotWrite(_ file: String, reason: String) -> Message {
            Message(
                "command.report.cannot-write", en: "cannot write \(file): \(reason)",
                vi: "không ghi được tệp \(file): \(reason)")
        }
    }
}
