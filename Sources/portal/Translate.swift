import ArgumentParser
import Foundation
import PortalKit

struct Translate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start a translation of a page, or record that a translation is up to date.",
        discussion: """
            portal translate Content/vi/tin-tuc/bai.md --to en
              writes the English file next to the English counterpart of the section, sharing the
              source's translationKey (added to the source if it has none), as a draft with the
              title and summary marked TRANSLATE and a record of the source's digest.
            portal translate --refresh Content/en/news/bai.md
              records the source's current digest once the translation has been brought up to date.
            """)

    @Argument(help: "The page to translate (or, with --refresh, the translation).")
    var file: String

    @Option(help: "The language to translate into.")
    var to: String?

    @Flag(help: "Record the source's current digest in this translation.")
    var refresh = false

    @Option(help: "The content folder.")
    var content = "Content"

    func validate() throws {
        if refresh == (to != nil) { throw ValidationError("give either --to LANGUAGE or --refresh") }
    }

    func run() throws {
        do {
            let translator = Translator(workspace: try Workspace.load(contentDirectory: content))
            if refresh {
                let digest = try translator.refresh(file: file)
                print("\(file): up to date with its source (\(digest.prefix(19))…)")
            } else {
                let result = try translator.translate(file: file, to: to!)
                if result.keyAdded { Terminal.error("added a translationKey to \(file)") }
                print(result.path)
            }
        } catch {
            // BuildFailure and EditError describe themselves with file, line and help.
            Terminal.error(String(describing: error))
            throw ExitCode(1)
        }
    }
}
