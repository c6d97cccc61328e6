import ArgumentParser

@main
struct Portal: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "portal",
        abstract: "Builds the bilingual ASEAN Socio-Cultural Community section of the Da Nang city portal.",
        subcommands: [
            Build.self, New.self, Import.self, Translate.self, Status.self, Check.self, Serve.self, Banner.self,
            Publish.self, Report.self,
        ],
        defaultSubcommand: Build.self
    )
}
