import ArgumentParser
import Foundation
import PortalKit

struct Translate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: CommandMessages.Translate.abstract.text, discussion: CommandMessages.Translate.discussion.text)

    @Argument(help: .message(CommandMessages.Translate.file))
    var file: String

    @Option(help: .message(CommandMessages.Translate.to))
    var to: String?

    @Flag(help: .message(CommandMessages.Translate.refresh))
    var refresh = false

    @Option(help: .message(CommandMessages.contentFolder))
    var content = "Content"

    func validate() throws {
        if refresh == (to != nil) { throw ValidationError(CommandMessages.Translate.toOrRefresh) }
    }

    func run() throws {
        do {
            let translator = Translator(workspace: try Workspace.load(contentDirectory: content))
            if refresh {
                let digest = try translator.refresh(file: file)
                print(CommandMessages.Translate.upToDate(file: file, digest: String(digest.prefix(19))).text)
            } else {
                let result = try translator.translate(file: file, to: to!)
                if result.keyAdded { Terminal.error(CommandMessages.Translate.keyAdded(to: file).text) }
                print(result.path)
            }
        } catch {
            // BuildFailure and EditError describe themselves with file, line and help.
            Terminal.error(String(describing: error))
            throw ExitCode(1)
        }
    }
}
