import ArgumentParser
import Foundation
import PortalKit

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a new post or page with its front matter, named from its title.",
        discussion: """
            portal new post --lang vi --section tin-tuc --title "Đà Nẵng đón đoàn ASEAN" --agency so-ngoai-vu --tags "Hội nhập,Đối ngoại"
            writes Content/vi/tin-tuc/YYYY-MM-DD-da-nang-don-doan-asean.md and prints its path. An existing file is never replaced.
            """)

    @Argument(help: "post (dated, named YYYY-MM-DD-slug.md) or page (named slug.md).")
    var kind: NewPage.Kind

    @Option(help: "The language folder to write in.")
    var lang: String

    @Option(help: "The section folder inside the language folder, e.g. tin-tuc (default: the language's root).")
    var section = ""

    @Option(help: "The title; the file is named after it.")
    var title: String

    @Option(help: "An agency id of Content/agencies.yml.")
    var agency: String?

    @Option(help: "Comma-separated tags.")
    var tags: String?

    @Option(help: "The content folder.")
    var content = "Content"

    @Option(help: "The date to write, instead of now (Viet Nam time).")
    var now: String?

    func validate() throws {
        if let now, VietnamTime.parse(now) == nil {
            throw ValidationError("--now must be a date or date-time, got `\(now)`")
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
