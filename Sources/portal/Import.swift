import ArgumentParser
import Foundation
import PortalKit

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a new post from a Word (.docx) or OpenDocument (.odt) file, with its images.",
        discussion: """
            Example: portal import thong-cao.docx --lang vi --section tin-tuc --agency so-ngoai-vu

            Writes Content/vi/tin-tuc/YYYY-MM-DD-<slug of the title>.md with the front matter of `portal new`, \
            puts the document's images in Content/media/<slug>/, and prints the post's path and the address \
            to preview it with `portal serve`. The title is the document's title, else its first heading.

            Tracked changes are accepted; comments and text boxes are not imported. Each of these is a \
            warning, as is each image without a description. An existing post or media folder is never \
            replaced.
            """)

    @Argument(help: "The .docx or .odt file.")
    var file: String

    @Option(help: "The language of the document: the language folder to write in.")
    var lang: String

    @Option(help: "The section folder inside the language folder, e.g. tin-tuc (default: the language's root).")
    var section = ""

    @Option(help: "An agency id of Content/agencies.yml.")
    var agency: String?

    @Option(help: "The title, instead of the document's.")
    var title: String?

    @Option(help: "The post's date (YYYY-MM-DD or a date-time), instead of now (Viet Nam time).")
    var date: String?

    @Option(help: "The content folder.")
    var content = "Content"

    func validate() throws {
        if let date, VietnamTime.parse(date) == nil {
            throw ValidationError("--date must be a date or date-time, got `\(date)`")
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
                print("\(folder)/: \(result.images.count) image\(result.images.count == 1 ? "" : "s")")
            }
            // A post dated later than now is published (and previewed) only with --future.
            let future = when > Date() ? " --future" : ""
            let contentOption = content == "Content" ? "" : " --content \(content)"
            print("preview: portal serve\(contentOption)\(future), then open http://127.0.0.1:1313\(result.url)")
        } catch {
            // BuildFailure and ImportError describe themselves with file, line and help.
            Terminal.error(String(describing: error))
            throw ExitCode(1)
        }
    }
}
