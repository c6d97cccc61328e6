import ArgumentParser
import Foundation
import PortalKit

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: CommandMessages.New.abstract.text, discussion: CommandMessages.New.discussion.text)

    @Argument(help: .message(CommandMessages.New.kind))
    var kind: NewPage.Kind

    @Option(help: .message(CommandMessages.New.lang))
    var lang: String

    @Option(help: .message(CommandMessages.section))
    var section = ""

    @Option(help: .message(CommandMessages.New.title))
    var title: String

    @Option(help: .message(CommandMessages.agency))
    var agency: String?

    @Option(help: .message(CommandMessages.New.tags))
    var tags: String?

    @Option(help: .message(CommandMessages.contentFolder))
    var content = "Content"

    @Option(help: .message(CommandMessages.New.now))
    var now: String?

    func validate() throws {
        if let now, VietnamTime.parse(now) == nil {
            throw ValidationError(CommandMessages.notADate(option: "--now", value: now))
        }
    }

    func run() throws {
        do {
            let workspace = try Workspace.load(contentDirectory: content)
            let page = NewPage(
                kind: kind, language: lang, section: section, title: title, agency: agency,
                tags: (tags ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
                    !$0.isEmpty
                },
                now: now.flatMap(VietnamTime.parse) ?? Date())
            print(try page.write(in: workspace))
        } catch {
            // BuildFailure and EditError describe themselves with file, line and help.
            Terminal.error(String(describing: error))
            throw ExitCode(1)
        }
    }
}

extension NewPage.Kind: ExpressibleByArgument {}
