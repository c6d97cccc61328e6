import ArgumentParser
import Foundation
import PortalKit

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: CommandMessages.Build.abstract.text, discussion: CommandMessages.Build.discussion.text)

    @Option(help: .message(CommandMessages.contentFolderParts))
    var content = "Content"

    @Option(help: .message(CommandMessages.Build.output))
    var output = "Output"

    @Option(help: .message(CommandMessages.themeFolder))
    var theme: String?

    @OptionGroup var schedule: Schedule

    @Option(help: .message(CommandMessages.Build.jobs))
    var jobs: Int?

    @Option(help: .message(CommandMessages.Build.baseURL))
    var baseURL: String?

    @Flag(help: .message(CommandMessages.Build.strict))
    var strict = false

    @Flag(help: .message(CommandMessages.Build.timings))
    var timings = false

    @Flag(help: .message(CommandMessages.Build.noWait))
    var noWait = false

    func validate() throws {
        if let baseURL, BaseURL(baseURL) == nil {
            throw ValidationError(CommandMessages.Build.badBaseURL)
        }
        if let jobs, jobs < 1 { throw ValidationError(CommandMessages.atLeastOne(option: "--jobs")) }
    }

    func run() throws {
        let started = Date()
        var options = BuildOptions(
            contentDirectory: content, outputDirectory: output, themeDirectory: theme,
            publication: schedule.publication,
            jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount, baseURL: baseURL.flatMap(BaseURL.init),
            strict: strict)
        // A progress line on a terminal; nothing when the output goes to a file or a pipe.
        let onTerminal = isatty(STDERR_FILENO) == 1
        if onTerminal {
            options.progress = { (stage: String) in
                Terminal.progress(BuildMessages.stageDone(CommandMessages.Build.stage(stage).text).text)
            }
        }
        options.waitForLock = !noWait
        let output = self.output
        options.waiting = { pid in Terminal.error(BuildMessages.waiting(pid: pid, output: output).text) }
        let warnings = WarningLog()
        do {
            let result = try SiteBuild.run(options, warnings: warnings)
            if onTerminal { Terminal.progress("") }
            Terminal.report(warnings.all)
            let pages = result.pagesPerLanguage.map { "\($0.language) \($0.count)" }.joined(separator: ", ")
            let seconds = String(format: "%.2f", Date().timeIntervalSince(started))
            print(
                BuildMessages.built(
                    pages: pages, output: output, seconds: seconds, written: result.filesWritten,
                    unchanged: result.filesUnchanged, removed: result.filesRemoved
                ).text)
            if timings { print(Terminal.timingLines(result.timings), terminator: "") }
        } catch {
            if onTerminal { Terminal.progress("") }
            Terminal.report(warnings.all)
            Terminal.error(error.description)
            throw ExitCode(1)
        }
    }
}
