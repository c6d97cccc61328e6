import ArgumentParser
import Foundation
import PortalKit

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compile a plan's yearly progress report for the city, or list the agencies that have not reported.",
        discussion: """
            portal report --plan 2021-2025 --year 2025 --lang vi --output bao-cao-2025.html
            portal report --plan 2021-2025 --year 2025 --format docx --output bao-cao-2025.docx
            portal report --plan 2021-2025 --missing      # exit status 1 when some are late
            """)

    @Option(help: "The plan's id (its file name in Content/plans/).")
    var plan: String

    @Option(help: "The reporting year (default: the current one, or the plan's last once it has ended).")
    var year: Int?

    @Option(help: "vi or en.")
    var lang = "vi"

    @Option(help: "html, or docx (through pandoc).")
    var format = "html"

    @Option(help: "The file to write.")
    var output: String?

    @Flag(help: "List the agencies that have not reported for the year; exit 1 when their report is late.")
    var missing = false

    @Option(help: "The content folder.")
    var content = "Content"

    @Option(help: "The moment to report for (as for portal build); decides the default year and lateness.")
    var now: String?

    func validate() throws {
        guard ["vi", "en"].contains(lang) else { throw ValidationError("--lang must be vi or en, got \(lang)") }
        guard ["html", "docx"].contains(format) else {
            throw ValidationError("--format must be html or docx, got \(format)")
        }
        guard missing || output != nil else { throw ValidationError("--output FILE is needed unless --missing") }
        if let now, VietnamTime.parse(now) == nil { throw ValidationError("--now is not a date: \(now)") }
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
            Terminal.error(
                "error: \(report.year) is not a reporting year of plan `\(plan)`\n  help: its reporting years: \(report.reportYears.map(String.init).joined(separator: ", "))"
            )
            throw ExitCode(64)
        }
        if missing {
            let (names, isLate) = report.missing(language: lang)
            for name in names { print(name) }
            if !names.isEmpty && isLate {
                Terminal.error(
                    "\(names.count) agencies have not reported for \(report.year), and the deadline has passed")
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
            Terminal.error("error: cannot write \(output!): \(error)")
            throw ExitCode(1)
        }
        print(output!)
    }
}
