import ArgumentParser
import Foundation
import PortalKit

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: CommandMessages.Import.abstract.text, discussion: CommandMessages.Import.discussion.text)

    @Argument(help: .message(CommandMessages.Import.file))
    var file: String

    @Option(help: .message(CommandMessages.Import.lang))
    var lang: String

    @Option(help: .message(CommandMessages.section))
    var section = ""

    @Option(help: .message(CommandMessages.agency))
    var agency: String?

    @Option(help: .message(CommandMessages.Import.title))
    var title: String?

    @Option(help: .message(CommandMessages.Import.date))
    var date: String?

    @Option(help: .message(CommandMessages.contentFolder))
    var content = "Content"

    func validate() throws {
        if let date, VietnamTime.parse(date) == nil {
            throw ValidationError(CommandMessages.notADate(option: "--date", value: date))
        }
    }

    func run() throws {
        let when = date.flatMap(VietnamTime.parse) ?? Date()
        do {
            let workspace = try Workspace.load(contentDirectory: content)
            let result = try WordImport(
                document: file, language: lang, section: section, agency: agency, title: title, date: when
            ).run(in: workspace)
            Terminal.report(result.warnings.map { Diagnostic(severity: .warning, $0) })
            print(result.path)
            if let folder = result.mediaFolder {
                print(CommandMessages.Import.images(folder: folder, count: result.images.count).text)
            }
            // A post dated later than now is published (and previewed) only with --future.
            let future = when > Date() ? " --future" : ""
            let contentOption = content == "Content" ? "" : " --content \(content)"
            print(
                CommandMessages.Import.preview(
                    command: "portal serve\(contentOption)\(future)", url: "http://127.0.0.1:1313\(result.url)"
                ).text)
        } catch {
            // BuildFailure and ImportError describe themselves with file, line and help.
            Terminal.error(String(describing: error))
            throw ExitCode(1)
        }
    }
}
