import ArgumentParser
import Foundation
import PortalKit

struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: CommandMessages.Status.abstract.text)

    @Option(help: .message(CommandMessages.Status.format))
    var format: OutputFormat = .table

    @Flag(help: .message(CommandMessages.Status.strict))
    var strict = false

    @Option(help: .message(CommandMessages.contentFolder))
    var content = "Content"

    @Option(help: .message(CommandMessages.themeFolder))
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
                            + (entry.draft ? " " + CommandMessages.Status.draft.text : "")
                    })
        }
        let widths = (0..<(languages.count + 1)).map { column in lines.map { $0[column].count }.max() ?? 0 }
        var text = lines.map { line in
            line.enumerated().map { $1.padding(toLength: widths[$0] + 2, withPad: " ", startingAt: 0) }.joined()
                .trimmingCharacters(in: .whitespaces)
        }.joined(separator: "\n")
        text += "\n" + CommandMessages.Status.original.text
        let counts = TranslationReport.State.allCases.map { state in
            "\(report.rows.flatMap(\.entries).filter { $0.state == state }.count) \(state.rawValue)"
        }
        text += "\n" + CommandMessages.Status.pages(report.rows.count, counts: counts.joined(separator: ", ")).text
        for missing in report.missingStrings {
            text += "\n" + CommandMessages.Status.missingString(key: missing.key, language: missing.language).text
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
