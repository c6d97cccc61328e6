import ArgumentParser
import Foundation
import PortalKit

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: CommandMessages.Report.abstract.text, discussion: CommandMessages.Report.discussion.text)

    @Option(help: .message(CommandMessages.Report.plan))
    var plan: String

    @Option(help: .message(CommandMessages.Report.year))
    var year: Int?

    @Option(help: .message(CommandMessages.Report.lang))
    var lang = "vi"

    @Option(help: .message(CommandMessages.Report.format))
    var format = "html"

    @Option(help: .message(CommandMessages.Report.output))
    var output: String?

    @Flag(help: .message(CommandMessages.Report.missing))
    var missing = false

    @Option(help: .message(CommandMessages.contentFolder))
    var content = "Content"

    @Option(help: .message(CommandMessages.Report.now))
    var now: String?

    func validate() throws {
        let languages = ["vi", "en"]
        guard languages.contains(lang) else {
            throw ValidationError(CommandMessages.oneOf(option: "--lang", choices: languages, got: lang))
        }
        let formats = ["html", "docx"]
        guard formats.contains(format) else {
            throw ValidationError(CommandMessages.oneOf(option: "--format", choices: formats, got: format))
        }
        guard missing || output != nil else { throw ValidationError(CommandMessages.Report.outputNeeded) }
        if let now, VietnamTime.parse(now) == nil {
            throw ValidationError(CommandMessages.notADate(option: "--now", value: now))
        }
    }

    func run() throws {
        let moment = now.flatMap(VietnamTime.parse) ?? Date()
        let report: CompiledReport
        do { report = try CompiledReport(contentDirectory: content, plan: plan, year: year, now: moment) } catch {
            // The errors alone: no build ran, and no output folder was touched.
            for problem in error.errors { Terminal.error(problem.description) }
            // An unknown `--plan` is a value out of range, like a year that is not a reporting
            // year: a command line that cannot be run (64); errors in the content fail (1).
            if error.errors.count == 1, case .unknownID(_, key: "--plan", _, _)? = error.errors[0] as? CatalogError {
                throw ExitCode(64)
            }
            throw ExitCode(1)
        }
        guard report.reportYears.contains(report.year) else {
            Terminal.report([
                Diagnostic(
                    severity: .error, location: nil,
                    message: CommandMessages.Report.notAReportingYear(report.year, plan: plan),
                    help: CommandMessages.Report.reportingYears(report.reportYears))
            ])
            throw ExitCode(64)
        }
        if missing {
            let (names, isLate) = report.missing(language: lang)
            for name in names { print(name) }
            if !names.isEmpty && isLate {
                Terminal.error(CommandMessages.Report.late(agencies: names.count, year: report.year).text)
                throw ExitCode(1)
            }
            return
        }
        let html = report.html(language: lang)
        do {
            if format == "html" {
                try html.write(toFile: output!, atomically: true, encoding: .utf8)
            } else {
                try CompiledReport.docx(html, to: output!)
            }
        } catch {
            Terminal.report([
                Diagnostic(
                    severity: .error, location: nil,
                    message: CommandMessages.Report.cannotWrite(output!, reason: "\(error)"))
            ])
            throw ExitCode(1)
        }
        print(output!)
    }
}
