import ArgumentParser
import Foundation
import PortalKit

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Find everything wrong in the content without building: links, images, ids, translations, UI strings.",
        discussion: "Each finding is one line, path:line:column: error|warning: message. Exits 1 when there are errors."
    )

    @Option(help: "text (default) or json.")
    var format: CheckFormat = .text

    @Option(help: "The content folder.")
    var content = "Content"

    @Option(help: "A theme folder, instead of Themes/<theme from site.yml>.")
    var theme: String?

    @OptionGroup var schedule: Schedule

    func run() throws {
        let check = SiteCheck(
            contentDirectory: content, themeDirectory: theme,
            publication: schedule.publication)
        let findings = check.run()
        switch format {
        case .text:
            for finding in findings { print(finding.oneLine) }
            let errors = findings.filter { $0.severity == .error }.count
            Terminal.error(BuildMessages.checkSummary(errors: errors, warnings: findings.count - errors).text)
        case .json:
            let data = try JSONSerialization.data(
                withJSONObject: findings.map(\.json), options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
            print(String(decoding: data, as: UTF8.self))
        }
        if findings.contains(where: { $0.severity == .error }) { throw ExitCode(1) }
    }
}

enum CheckFormat: String, ExpressibleByArgument {
    case text, json
}
