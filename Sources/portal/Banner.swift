import ArgumentParser
import Foundation
import PortalKit

struct Banner: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write one year's July anniversary banner kit (SVG, PNG, snippets, zip) without building the site.",
        discussion: "portal banner --year 2027 --output kit-2027")

    /// The years a kit can be made for: from the first anniversary on, up to a bound that
    /// catches a mistyped year (20277) rather than rendering a kit nobody asked for.
    static let years = 1996...2200

    @Option(
        help:
            "The year of the anniversary, \(Banner.years.lowerBound) to \(Banner.years.upperBound) (the number is the year minus 1995)."
    )
    var year: Int

    @Option(help: "The content folder (its site.yml has the banner settings).")
    var content = "Content"

    @Option(help: "A theme folder, instead of Themes/<theme from site.yml>.")
    var theme: String?

    @Option(help: "The folder to write the kit into.")
    var output: String

    func validate() throws {
        guard Self.years.contains(year) else {
            throw ValidationError(
                "--year must be from \(Self.years.lowerBound) to \(Self.years.upperBound), got \(year)")
        }
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
