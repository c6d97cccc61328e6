import ArgumentParser
import Foundation
import PortalKit

struct Banner: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write one year's July anniversary banner kit (SVG, PNG, snippets, zip) without building the site.",
        discussion: "portal banner --year 2027 --output kit-2027")

    @Option(help: "The year of the anniversary (the number is the year minus 1995).")
    var year: Int

    @Option(help: "The content folder (its site.yml has the banner settings).")
    var content = "Content"

    @Option(help: "A theme folder, instead of Themes/<theme from site.yml>.")
    var theme: String?

    @Option(help: "The folder to write the kit into.")
    var output: String

    func validate() throws {
        guard (1996...2200).contains(year) else { throw ValidationError("--year must be after 1995, got \(year)") }
    }

    func run() throws {
        do {
            let files = try BannerExport(contentDirectory: content, themeDirectory: theme, year: year).write(to: output)
            for file in files { print(file) }
        } catch {
            Terminal.error(error.description)
            throw ExitCode(1)
        }
    }
}
