import ArgumentParser
import PortalKit

@main
struct Portal: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "portal",
        abstract: CommandMessages.portal.text,
        subcommands: [
            Build.self, New.self, Import.self, Translate.self, Status.self, Check.self, Serve.self, Banner.self,
            Publish.self, Report.self,
        ],
        defaultSubcommand: Build.self
    )
}
