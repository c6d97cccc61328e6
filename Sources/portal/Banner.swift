import ArgumentParser
import Foundation
import PortalKit

struct Banner: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: CommandMessages.Banner.abstract.text, discussion: CommandMessages.Banner.discussion.text)

    /// The years a kit can be made for: from the first anniversary on, up to a bound that
    /// catches a mistyped year (20277) rather than rendering a kit nobody asked for.
    static let years = 1996...2200

    @Option(help: .message(CommandMessages.Banner.year(first: Banner.years.lowerBound, last: Banner.years.upperBound)))
    var year: Int

    @Option(help: .message(CommandMessages.Banner.content))
    var content = "Content"

    @Option(help: .message(CommandMessages.themeFolder))
    var theme: String?

    @Option(help: .message(CommandMessages.Banner.output))
    var output: String

    func validate() throws {
        guard Self.years.contains(year) else {
            throw ValidationError(
                CommandMessages.Banner.yearOutOfRange(year, first: Self.years.lowerBound, last: Self.years.upperBound))
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
