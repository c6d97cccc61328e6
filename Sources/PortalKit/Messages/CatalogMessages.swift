/// `CatalogError` and the problems of the site's data files: `agencies.yml`, the plans of
/// `plans/`, the progress reports of `reports/`, and the ids pages name from them.
public enum CatalogMessages {
    /// An id of a data file, as messages name it.
    public enum IDKind: Sendable, Hashable, CaseIterable {
        case agency, pillar, task

        var en: String {
            switch self {
            case .agency: "agency id"
            case .pillar: "pillar id"
            case .task: "task id"
            }
        }
        var vi: String {
            switch self {
            case .agency: "mã cơ quan"
            case .pillar: "mã trụ cột"
            case .task: "mã nhiệm vụ"
            }
        }
    }

    public static func idNotASlug(_ kind: IDKind, _ id: String) -> Message {
        Message(
            "catalog.id-not-a-slug", en: "\(kind.en) `\(id)` is not a slug",
            vi: "\(kind.vi) `\(id)` không đúng dạng slug")
    }

    public static func duplicateID(_ kind: IDKind, _ id: String) -> Message {
        Message(
            "catalog.duplicate-id", en: "\(kind.en) `\(id)` is given twice", vi: "\(kind.vi) `\(id)` bị ghi hai lần")
    }
    public static let duplicateIDHelp = Message(
        "catalog.duplicate-id.help", en: "an id names one entry: rename or remove the other",
        vi: "mỗi mã chỉ dùng cho một mục: đổi mã hoặc xoá mục còn lại")

    public static func notAKindOfAgency(_ kind: String) -> Message {
        Message(
            "catalog.agency-kind", en: "`kind: \(kind)` is not a kind of agency",
            vi: "`kind: \(kind)` không phải là một loại cơ quan")
    }
    public static func agencyKindHelp(suggestion: String?, kinds: [String]) -> Message {
        let list = kinds.joined(separator: ", ")
        return Message(
            "catalog.agency-kind.help",
            en: "\(suggestion.map { "did you mean `\($0)`? " } ?? "")use one of: \(list)",
            vi: "\(suggestion.map { "có phải bạn định ghi `\($0)`? " } ?? "")dùng một trong các loại: \(list)")
    }

    public static func splitWithoutFunctions(agency: String, successors: Int) -> Message {
        Message(
            "catalog.split-without-functions",
            en: "agency `\(agency)` was split between \(successors) successors, "
                + "but not every one says which functions it took over",
            vi: "cơ quan `\(agency)` được chia cho \(successors) cơ quan kế nhiệm, "
                + "nhưng chưa phải cơ quan nào cũng ghi rõ phần chức năng được nhận")
    }
    public static let splitWithoutFunctionsHelp = Message(
        "catalog.split-without-functions.help", en: "give each successor `functions: { vi: …, en: … }`",
        vi: "ghi `functions: { vi: …, en: … }` cho từng cơ quan kế nhiệm")

    /// `role`: the key that names it (`lead`, `coordinators`) or what it is (a successor).
    public static func unknownAgency(_ id: String, role: YAMLMessages.Subject) -> Message {
        Message(
            "catalog.unknown-agency", en: "`\(id)` (\(role.en)) is not an agency of agencies.yml",
            vi: "`\(id)` (\(role.vi)) không có trong danh sách cơ quan của agencies.yml")
    }
    public static let unknownAgencyHelp = Message(
        "catalog.unknown-agency.help", en: "add it to Content/agencies.yml",
        vi: "bổ sung cơ quan này vào Content/agencies.yml")

    public static func planFileName(_ id: String) -> Message {
        Message(
            "catalog.plan-file-name", en: "plan file name `\(id).yml` is not a slug",
            vi: "tên tệp kế hoạch `\(id).yml` không đúng dạng slug")
    }
    public static let planFileNameHelp = Message(
        "catalog.plan-file-name.help", en: "name it after its period, e.g. `2021-2025.yml`",
        vi: "đặt tên tệp theo thời kỳ của kế hoạch, ví dụ `2021-2025.yml`")

    public static let periodEndsBeforeStart = Message(
        "catalog.period-order", en: "the period ends before it starts",
        vi: "ngày kết thúc của thời kỳ ở trước ngày bắt đầu")
    public static let periodEndsBeforeStartHelp = Message(
        "catalog.period-order.help", en: "`end` is the plan's last day, on or after `start`",
        vi: "`end` là ngày cuối cùng của kế hoạch, trùng hoặc sau ngày `start`")

    public static func unknownItem(task: String, letter: String, pillar: String) -> Message {
        Message(
            "catalog.unknown-item", en: "task `\(task)` names item `\(letter)`, which pillar `\(pillar)` does not have",
            vi: "nhiệm vụ `\(task)` ghi nội dung `\(letter)`, nhưng trụ cột `\(pillar)` không có nội dung này")
    }
    public static func itemsOfPillar(_ letters: [String]) -> Message {
        let list = letters.joined(separator: ", ")
        return Message("catalog.unknown-item.help", en: "items: \(list)", vi: "các nội dung (item): \(list)")
    }

    public static func notADayOfTheYear(_ before: String) -> Message {
        Message(
            "catalog.deadline-day", en: "`before: \(before)` is not a day of the year",
            vi: "`before: \(before)` không phải là một ngày trong năm")
    }
    public static let notADayOfTheYearHelp = Message(
        "catalog.deadline-day.help",
        en: "write the day the decision gives as MM-DD: \"trước ngày 01 tháng 12\" is `before: 12-01`",
        vi: "ghi ngày mà quyết định nêu theo dạng MM-DD: \"trước ngày 01 tháng 12\" là `before: 12-01`")

    public static func heldByWithoutSuccessor(task: String, heldBy: String, lead: String) -> Message {
        Message(
            "catalog.held-by-no-successor",
            en: "task `\(task)`: `heldBy: \(heldBy)`, but its lead `\(lead)` has no successor",
            vi: "nhiệm vụ `\(task)`: có `heldBy: \(heldBy)`, nhưng cơ quan chủ trì `\(lead)` không có cơ quan kế nhiệm")
    }
    public static let heldByWithoutSuccessorHelp = Message(
        "catalog.held-by-no-successor.help", en: "remove `heldBy`, or record the change in agencies.yml",
        vi: "xoá `heldBy`, hoặc ghi lại việc thay đổi cơ quan trong agencies.yml")

    public static func heldByNotASuccessor(task: String, heldBy: String, lead: String) -> Message {
        Message(
            "catalog.held-by-not-successor",
            en: "task `\(task)`: `heldBy: \(heldBy)` is not a successor of its lead `\(lead)`",
            vi: "nhiệm vụ `\(task)`: `heldBy: \(heldBy)` không phải cơ quan kế nhiệm của cơ quan chủ trì `\(lead)`")
    }
    public static func heldByNotASuccessorHelp(near: [String], successors: [String]) -> Message {
        let guess = near.map { "`\($0)`" }.joined(separator: ", ")
        let list = successors.joined(separator: ", ")
        return Message(
            "catalog.held-by-not-successor.help",
            en: (near.isEmpty ? "" : "did you mean \(guess)? ") + "successors: \(list)",
            vi: (near.isEmpty ? "" : "có phải bạn định ghi \(guess)? ") + "các cơ quan kế nhiệm: \(list)")
    }

    public static let noAgenciesFile = Message(
        "catalog.no-agencies-file", en: "the plan names agencies, but there is no agencies.yml",
        vi: "kế hoạch có nêu tên cơ quan, nhưng chưa có tệp agencies.yml")
    public static let noAgenciesFileHelp = Message(
        "catalog.no-agencies-file.help", en: "add Content/agencies.yml listing the agencies",
        vi: "tạo tệp Content/agencies.yml liệt kê các cơ quan")

    public static let planFileMoved = Message(
        "catalog.plan-file-moved", en: "plans are now in Content/plans/<id>.yml, each with its period",
        vi: "các kế hoạch nay được đặt trong Content/plans/<id>.yml, mỗi kế hoạch có thời kỳ riêng")
    public static let planFileMovedHelp = Message(
        "catalog.plan-file-moved.help",
        en: "move it to Content/plans/2021-2025.yml (its id) and add `period: {start: …, end: …}`",
        vi: "chuyển tệp sang Content/plans/2021-2025.yml (theo mã kế hoạch) và thêm `period: {start: …, end: …}`")

    public static let twoLegacyPlans = Message(
        "catalog.legacy-paths", en: "two plans claim the former addresses (`legacyPaths: true`)",
        vi: "có hai kế hoạch cùng dùng các địa chỉ cũ (`legacyPaths: true`)")
    public static let twoLegacyPlansHelp = Message(
        "catalog.legacy-paths.help", en: "only the plan that was once the site's only plan keeps them",
        vi: "chỉ kế hoạch từng là kế hoạch duy nhất của trang được giữ các địa chỉ này")

    // Progress reports.

    public static func reportPath(_ relative: String) -> Message {
        Message(
            "progress-report.path",
            en: "a report is `reports/<plan-id>/<year>/<agency-id>.yml`, not `reports/\(relative)`",
            vi: "tệp báo cáo phải đặt tại `reports/<plan-id>/<year>/<agency-id>.yml`, không phải `reports/\(relative)`"
        )
    }
    public static let reportPathHelp = Message(
        "progress-report.path.help", en: "e.g. reports/2021-2025/2025/so-noi-vu.yml",
        vi: "ví dụ reports/2021-2025/2025/so-noi-vu.yml")

    public static func unknownPlan(_ id: String) -> Message {
        Message(
            "progress-report.unknown-plan", en: "`\(id)` (the report's folder) is not a plan of Content/plans/",
            vi: "`\(id)` (thư mục của báo cáo) không phải là một kế hoạch trong Content/plans/")
    }

    public static func notAReportingYear(_ year: Int, plan: String, start: String, end: String) -> Message {
        Message(
            "progress-report.not-a-reporting-year",
            en: "\(year) is not a reporting year of plan `\(plan)` (its period: \(start) to \(end))",
            vi: "năm \(year) không phải là năm báo cáo của kế hoạch `\(plan)` (thời kỳ: từ \(start) đến \(end))")
    }
    public static func reportingYears(_ years: [Int]) -> Message {
        guard !years.isEmpty else {
            return Message(
                "progress-report.not-a-reporting-year.help", en: "the plan has no reporting deadline",
                vi: "kế hoạch không có hạn báo cáo nào")
        }
        let list = years.map(String.init).joined(separator: ", ")
        return Message(
            "progress-report.not-a-reporting-year.help", en: "its reporting years: \(list)",
            vi: "các năm báo cáo: \(list)")
    }

    public static func unknownReportAgency(_ id: String) -> Message {
        Message(
            "progress-report.unknown-agency", en: "`\(id)` (the report's file name) is not an agency of agencies.yml",
            vi: "`\(id)` (tên tệp báo cáo) không có trong danh sách cơ quan của agencies.yml")
    }

    public static func notATaskOfPlan(_ task: String, plan: String) -> Message {
        Message(
            "progress-report.unknown-task", en: "`\(task)` is not a task of plan `\(plan)`",
            vi: "`\(task)` không phải là nhiệm vụ của kế hoạch `\(plan)`")
    }

    public static func notInvolved(agency: String, task: String) -> Message {
        Message(
            "progress-report.not-involved",
            en: "`\(agency)` neither leads nor coordinates task `\(task)`, nor took it over from another agency",
            vi: "`\(agency)` không chủ trì, không phối hợp thực hiện nhiệm vụ `\(task)`, "
                + "cũng không nhận lại nhiệm vụ này từ cơ quan khác")
    }
    public static func noTaskInPlan(_ plan: String) -> Message {
        Message(
            "progress-report.not-involved.help", en: "this agency has no task in plan `\(plan)`",
            vi: "cơ quan này không có nhiệm vụ nào trong kế hoạch `\(plan)`")
    }

    public static func notAStatus(_ status: String) -> Message {
        Message(
            "progress-report.status", en: "`status: \(status)` is not a status",
            vi: "`status: \(status)` không phải là một trạng thái hợp lệ")
    }

    /// What the valid ids listed under a report's problem are.
    public enum Choices: Sendable, Hashable, CaseIterable {
        case plans, agencies, tasks, itsTasks, statuses

        var en: String {
            switch self {
            case .plans: "plans"
            case .agencies: "agencies"
            case .tasks: "tasks"
            case .itsTasks: "its tasks"
            case .statuses: "statuses"
            }
        }
        var vi: String {
            switch self {
            case .plans: "các kế hoạch"
            case .agencies: "các cơ quan"
            case .tasks: "các nhiệm vụ"
            case .itsTasks: "các nhiệm vụ của cơ quan"
            case .statuses: "các trạng thái"
            }
        }
    }

    /// The closest valid ids, and all of them when `choices` is given (they are few); nil
    /// when there is neither.
    public static func hint(near: [String], choices: (Choices, [String])?) -> Message? {
        guard !near.isEmpty || choices != nil else { return nil }
        let guess = near.map { "`\($0)`" }.joined(separator: ", ")
        let list = choices.map { ($0.0, $0.1.joined(separator: ", ")) }
        return Message(
            "progress-report.hint",
            en: [near.isEmpty ? nil : "did you mean \(guess)?", list.map { "\($0.0.en): \($0.1)" }]
                .compactMap { $0 }.joined(separator: " "),
            vi: [near.isEmpty ? nil : "có phải bạn định ghi \(guess)?", list.map { "\($0.0.vi): \($0.1)" }]
                .compactMap { $0 }.joined(separator: " "))
    }

    // The ids pages name.

    /// The reason `portal report --format docx` could not write its file.
    public static func pandocFailed(status: Int) -> Message {
        Message(
            "progress-report.pandoc-failed",
            en: "pandoc failed with status \(status) (is it installed? scripts/setup-system installs it)",
            vi: "pandoc không chạy thành công (mã thoát \(status); pandoc đã được cài đặt chưa? "
                + "scripts/setup-system sẽ cài pandoc)")
    }

    public static func unknownID(_ id: String, key: String) -> Message {
        Message(
            "catalog.unknown-id", en: "`\(key)` names `\(id)`, which is not a known id",
            vi: "`\(key)` ghi `\(id)`, nhưng mã này không có trong dữ liệu của trang")
    }
    /// `file`: where such ids are defined (`agencies.yml`, `plans/<id>.yml`).
    public static func addToDataFile(_ file: String) -> Message {
        Message("catalog.unknown-id.help", en: "add it to Content/\(file)", vi: "bổ sung mã này vào Content/\(file)")
    }

    public static func noData(key: String, file: String) -> Message {
        Message(
            "catalog.no-data", en: "`\(key)` is used, but Content/\(file) does not exist",
            vi: "có dùng `\(key)`, nhưng chưa có Content/\(file)")
    }
    public static func noDataHelp(file: String) -> Message {
        Message(
            "catalog.no-data.help", en: "add Content/\(file), or remove the key",
            vi: "tạo Content/\(file), hoặc xoá khoá này")
    }

    public static func tagWithoutLetters(_ tag: String) -> Message {
        Message(
            "front-matter.tag-without-letters", en: "the tag `\(tag)` has no letters or digits to make a URL from",
            vi: "thẻ `\(tag)` không có chữ cái hoặc chữ số nào để tạo địa chỉ web")
    }
    public static let tagWithoutLettersHelp = Message(
        "front-matter.tag-without-letters.help", en: "write the tag with letters or digits",
        vi: "ghi thẻ bằng chữ cái hoặc chữ số")
}
