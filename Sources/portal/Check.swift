import ArgumentParser
import Foundation
import PortalKit

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: CommandMessages.Check.abstract.text, discussion: CommandMessages.Check.discussion.text)

    @Option(help: .message(CommandMessages.Check.format))
    var format: CheckFormat = .text

    @Option(help: .message(CommandMessages.contentFolder))
    var content = "Content"

    @Option(help: .message(CommandMessages.themeFolder))
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
