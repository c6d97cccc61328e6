import ArgumentParser
import Foundation
import PortalKit

struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show, for every page and language, whether its translation is ok, missing or stale.")

    @Option(help: "table (default) or json.")
    var format: OutputFormat = .table

    @Flag(help: "Exit with status 1 when a translation or UI string is missing or stale.")
    var strict = false

    @Option(help: "The content folder.")
    var content = "Content"

    @Option(help: "A theme folder, instead of Themes/<theme from site.yml>.")
    var theme: String?

    func run() throws {
        let workspace: Workspace
        do { workspace = try Workspace.load(contentDirectory: content) } catch {
            Terminal.error(error.description)
            throw ExitCode(1)
        }
        let report = TranslationReport(
            settings: workspace.settings, sources: workspace.sources, strings: workspace.strings(themeDirectory: theme))
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(report.json), as: UTF8.self))
        case .table:
            print(table(report, languages: workspace.settings.languages.map(\.code)))
        }
        for error in workspace.errors { Terminal.error(Diagnostic(severity: .error, error).oneLine) }
        if strict && report.hasProblems { throw ExitCode(1) }
    }

    func table(_ report: TranslationReport, languages: [String]) -> String {
        var lines: [[String]] = [["page"] + languages]
        for row in report.rows {
            let original = row.entries.first { $0.isOriginal }?.file ?? row.entries.compactMap(\.file).first ?? row.key
            lines.append(
                [original]
                    + row.entries.map { entry in
                        entry.state.rawValue + (entry.isOriginal && report.rows.count > 0 ? "*" : "")
                            + (entry.draft ? " (draft)" : "")
                    })
        }
        let widths = (0..<(languages.count + 1)).map { column in lines.map { $0[column].count }.max() ?? 0 }
        var text = lines.map { line in
            line.enumerated().map { $1.padding(toLength: widths[$0] + 2, withPad: " ", startingAt: 0) }.joined()
                .trimmingCharacters(in: .whitespaces)
        }.joined(separator: "\n")
        text += "\n* the original"
        let counts = TranslationReport.State.allCases.map { state in
            "\(report.rows.flatMap(\.entries).filter { $0.state == state }.count) \(state.rawValue)"
        }
        text += "\n\(report.rows.count) pages: " + counts.joined(separator: ", ")
        for missing in report.missingStrings {
            text += "\nUI string `\(missing.key)` is missing in \(missing.language)"
        }
        return text
    }
}

enum OutputFormat: String, ExpressibleByArgument {
    case table, json
}

extension TranslationReport.State: CaseIterable {
    public static let allCases: [TranslationReport.State] = [.ok, .stale, .missing]
}

extension TranslationReport {
    struct JSON: Encodable {
        var pages: [Row]
        var missingStrings: [MissingString]
    }

    var json: JSON { JSON(pages: rows, missingStrings: missingStrings) }
}
