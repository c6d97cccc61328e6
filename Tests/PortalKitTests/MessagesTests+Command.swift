import Foundation
import PortalKit
import Testing

/// Catalogue entries of the commands' help texts, progress lines and reports (Sources/portal, PortalServer).
extension MessagesTests {
    static let commandEntries: [Entry] =
        commandHelpEntries + editingCommandEntries + publishingCommandEntries + reportCommandEntries
        + serveCommandEntries

    typealias Commands = CommandMessages

    static let commandHelpEntries: [Entry] = [
        Entry(message: Commands.portal, arguments: ["ASEAN"]),
        Entry(message: Commands.contentFolder),
        Entry(message: Commands.contentFolderParts, arguments: ["site.yml", "media/"]),
        Entry(message: Commands.themeFolder, arguments: ["Themes/<theme", "site.yml"]),
        Entry(message: Commands.now, arguments: ["2026-07-01", "2026-07-01T08:00"]),
        Entry(message: Commands.drafts, arguments: ["`draft: true`"]),
        Entry(message: Commands.future, arguments: ["--now"]),
        Entry(message: Commands.section, arguments: ["tin-tuc"]),
        Entry(message: Commands.agency, arguments: ["Content/agencies.yml"]),
        Entry(
            message: Commands.notADate(option: a(1), value: a(2)), arguments: [a(1), "`\(a(2))`", "2026-07-01T08:00"]),
        Entry(message: Commands.atLeastOne(option: a(1)), arguments: [a(1), "1"]),
        Entry(
            message: Commands.oneOf(option: a(1), choices: [a(2), a(3)], got: a(4)),
            arguments: [a(1), a(2), a(3), a(4)]),
        Entry(message: Commands.Build.abstract),
        Entry(message: Commands.Build.discussion),
        Entry(message: Commands.Build.output),
        Entry(message: Commands.Build.jobs),
        Entry(message: Commands.Build.baseURL, arguments: ["baseURL", "site.yml"]),
        Entry(message: Commands.Build.strict),
        Entry(message: Commands.Build.timings),
        Entry(message: Commands.Build.noWait),
        Entry(message: Commands.Build.stage("read")),
        Entry(message: Commands.Build.stage("settings")),
        Entry(message: Commands.Build.stage("front matter"), arguments: ["front matter"]),
        Entry(message: Commands.Build.stage("markdown")),
        Entry(message: Commands.Build.stage("photos")),
        Entry(message: Commands.Build.stage("theme")),
        Entry(message: Commands.Build.stage("data")),
        Entry(message: Commands.Build.stage("site graph")),
        Entry(message: Commands.Build.stage("banners")),
        Entry(message: Commands.Build.stage("render and write")),
        Entry(message: Commands.Build.badBaseURL, arguments: ["--base-url", "https://danang.gov.vn/asean/"]),
        Entry(message: Commands.Check.abstract),
        Entry(message: Commands.Check.discussion, arguments: ["1"]),
        Entry(message: Commands.Check.format, arguments: ["text", "json"]),
        Entry(message: Commands.Status.abstract, arguments: ["ok", "missing", "stale"]),
        Entry(message: Commands.Status.format, arguments: ["table", "json"]),
        Entry(message: Commands.Status.strict, arguments: ["1"]),
        Entry(message: Commands.Status.draft),
        Entry(message: Commands.Status.original, arguments: ["* "]),
        Entry(message: Commands.Status.pages(41, counts: a(1)), arguments: ["41", a(1)]),
        Entry(message: Commands.Status.missingString(key: a(1), language: a(2)), arguments: ["`\(a(1))`", a(2)]),
    ]

    static let editingCommandEntries: [Entry] = [
        Entry(message: Commands.New.abstract),
        Entry(
            message: Commands.New.discussion,
            arguments: [
                "--title \"Đà Nẵng đón đoàn ASEAN\"", "Content/vi/tin-tuc/YYYY-MM-DD-da-nang-don-doan-asean.md",
            ]),
        Entry(message: Commands.New.kind, arguments: ["post", "YYYY-MM-DD-slug.md", "page", "slug.md"]),
        Entry(message: Commands.New.lang),
        Entry(message: Commands.New.title),
        Entry(message: Commands.New.tags),
        Entry(message: Commands.New.now),
        Entry(message: Commands.Translate.abstract),
        Entry(
            message: Commands.Translate.discussion,
            arguments: [
                "portal translate Content/vi/tin-tuc/bai.md --to en", "translationKey", "TRANSLATE",
                "portal translate --refresh Content/en/news/bai.md",
            ]),
        Entry(message: Commands.Translate.file, arguments: ["--refresh"]),
        Entry(message: Commands.Translate.to),
        Entry(message: Commands.Translate.refresh),
        Entry(message: Commands.Translate.toOrRefresh, arguments: ["--to", "--refresh"]),
        Entry(message: Commands.Translate.upToDate(file: a(1), digest: a(2)), arguments: ["\(a(1)): ", "(\(a(2))…)"]),
        Entry(message: Commands.Translate.keyAdded(to: a(1)), arguments: ["translationKey", a(1)]),
        Entry(message: Commands.Import.abstract, arguments: ["(.docx)", "(.odt)"]),
        Entry(
            message: Commands.Import.discussion,
            arguments: [
                "portal import thong-cao.docx --lang vi --section tin-tuc --agency so-ngoai-vu", "`portal new`",
                "Content/media/<slug>/", "`portal serve`",
            ]),
        Entry(message: Commands.Import.file, arguments: [".docx", ".odt"]),
        Entry(message: Commands.Import.lang),
        Entry(message: Commands.Import.title),
        Entry(message: Commands.Import.date, arguments: ["YYYY-MM-DD"]),
        Entry(message: Commands.Import.images(folder: a(1), count: 42), arguments: ["\(a(1))/: 42"]),
        Entry(message: Commands.Import.images(folder: a(1), count: 1), arguments: ["\(a(1))/: 1"], variant: true),
        Entry(message: Commands.Import.preview(command: a(1), url: a(2)), arguments: [a(1), a(2)]),
    ]

    static let publishingCommandEntries: [Entry] = [
        Entry(message: Commands.Publish.abstract),
        Entry(
            message: Commands.Publish.discussion,
            arguments: ["DIR/releases/<id>/, DIR/current ->", "--rollback", "--list"]),
        Entry(message: Commands.Publish.to, arguments: ["(releases/, current, previous, nginx.conf, apache.conf)"]),
        Entry(message: Commands.Publish.output),
        Entry(message: Commands.Publish.keep),
        Entry(message: Commands.Publish.rollback),
        Entry(message: Commands.Publish.list),
        Entry(message: Commands.Publish.release, arguments: ["--rollback"]),
        Entry(message: Commands.Publish.rollbackAndList, arguments: ["--rollback", "--list"]),
        Entry(message: Commands.Publish.releaseWithoutRollback, arguments: ["--rollback"]),
        Entry(
            message: Commands.Publish.release(id: a(1), date: a(2), files: 41, bytes: 42, current: true),
            arguments: ["* \(a(1))  \(a(2))  41 ", "42"]),
        Entry(
            message: Commands.Publish.release(id: a(1), date: a(2), files: 41, bytes: 42, current: false),
            arguments: ["  \(a(1))  \(a(2))  41 ", "42"], variant: true),
        Entry(message: Commands.Publish.rolledBack(to: a(1)), arguments: [a(1), "nginx -s reload"]),
        Entry(
            message: Commands.Publish.published(
                output: a(1), id: a(2), folder: a(3), files: 41, linked: 42, seconds: a(4)),
            arguments: [a(1), a(2), a(3), "41", "42", a(4), "nginx -s reload"]),
        Entry(message: Commands.Banner.abstract, arguments: ["(SVG, PNG,"]),
        Entry(message: Commands.Banner.discussion, arguments: ["portal banner --year 2027 --output kit-2027"]),
        Entry(message: Commands.Banner.year(first: 1996, last: 2200), arguments: ["1996", "2200", "1995"]),
        Entry(message: Commands.Banner.content, arguments: ["site.yml"]),
        Entry(message: Commands.Banner.output),
        Entry(
            message: Commands.Banner.yearOutOfRange(9999, first: 1996, last: 2200),
            arguments: ["--year", "1996", "2200", "9999"]),
    ]

    static let reportCommandEntries: [Entry] = [
        Entry(message: Commands.Report.abstract),
        Entry(
            message: Commands.Report.discussion,
            arguments: [
                "portal report --plan 2021-2025 --year 2025 --lang vi --output bao-cao-2025.html",
                "portal report --plan 2021-2025 --year 2025 --format docx --output bao-cao-2025.docx",
                "portal report --plan 2021-2025 --missing      # ",
            ]),
        Entry(message: Commands.Report.plan, arguments: ["Content/plans/"]),
        Entry(message: Commands.Report.year),
        Entry(message: Commands.Report.lang, arguments: ["vi", "en"]),
        Entry(message: Commands.Report.format, arguments: ["html", "docx", "pandoc"]),
        Entry(message: Commands.Report.output),
        Entry(message: Commands.Report.missing, arguments: ["1"]),
        Entry(message: Commands.Report.now, arguments: ["portal build"]),
        Entry(message: Commands.Report.outputNeeded, arguments: ["--output", "--missing"]),
        Entry(message: Commands.Report.notAReportingYear(2030, plan: a(1)), arguments: ["2030", "`\(a(1))`"]),
        Entry(message: Commands.Report.reportingYears([2022, 2023]), arguments: ["2022, 2023"]),
        Entry(message: Commands.Report.late(agencies: 41, year: 2025), arguments: ["41", "2025"]),
        Entry(message: Commands.Report.cannotWrite(a(1), reason: a(2)), arguments: [a(1), a(2)]),
    ]

    static let serveCommandEntries: [Entry] = [
        Entry(message: Commands.Serve.abstract),
        Entry(
            message: Commands.Serve.discussion,
            arguments: ["127.0.0.1", "Themes/", "--theme", "`portal build`", "Ctrl-C"]),
        Entry(message: Commands.Serve.port, arguments: ["127.0.0.1", "0"]),
        Entry(message: Commands.Serve.poll, arguments: ["250 ms", "inotify"]),
        Entry(message: Commands.Serve.timings),
        Entry(message: Commands.Serve.portRange, arguments: ["--port", "0", "65535"]),
        Entry(
            message: Commands.Serve.listening(url: a(1), watched: [a(2), a(3)], method: "inotify"),
            arguments: [a(1), "\(a(2)), \(a(3))", "(inotify)", "Ctrl-C"]),
        Entry(
            message: Commands.Serve.listening(url: a(1), watched: [a(2)], method: "polling"),
            arguments: [a(1), a(2), "polling"],
            variant: true),
        Entry(message: Commands.Serve.cause([])),
        Entry(message: Commands.Serve.cause([a(1)]), arguments: [a(1)]),
        Entry(
            message: Commands.Serve.cause([a(1), a(2), a(3), a(4)]), arguments: ["4", "(\(a(1)), \(a(2)), \(a(3)), …)"]),
        Entry(
            message: Commands.Serve.built(cause: nil, pages: a(1), seconds: a(2), mended: false),
            arguments: [a(1), a(2)]),
        Entry(
            message: Commands.Serve.built(cause: nil, pages: a(1), seconds: a(2), mended: true),
            arguments: [a(1), a(2)],
            variant: true),
        Entry(
            message: Commands.Serve.built(
                cause: Commands.Serve.cause([a(3)]), pages: a(1), seconds: a(2), mended: false),
            arguments: [a(1), a(2), a(3)]),
        Entry(message: Commands.Serve.failed(cause: nil, errors: 41, seconds: a(1)), arguments: ["41", a(1)]),
        Entry(
            message: Commands.Serve.failed(cause: Commands.Serve.cause([a(2)]), errors: 1, seconds: a(1)),
            arguments: ["1", a(1), a(2)]),
        Entry(message: Commands.Serve.stopped),
        Entry(
            message: Commands.Serve.cannotListen(host: a(1), port: 4242, reason: a(2)),
            arguments: ["\(a(1)):4242", a(2)]),
        Entry(message: Commands.Serve.cannotListenHelp, arguments: ["`portal serve`", "--port", "--port 0"]),
        Entry(message: Commands.Serve.cannotCreateFolder(reason: a(1)), arguments: [a(1)]),
    ]

    /// Every stage a build goes through has its Vietnamese name for the progress line.
    @Test func everyBuildStageIsNamedInVietnamese() throws {
        let site = try TestSite()
        defer { try? FileManager.default.removeItem(at: site.root) }
        let stages = try site.build().timings.map(\.stage)
        #expect(stages.count >= 8, "\(stages)")
        for stage in stages {
            let name = Commands.Build.stage(stage)
            #expect(name.code != "build.stage" && name.en == stage && name.vi != stage, "\(stage)")
        }
    }
}
