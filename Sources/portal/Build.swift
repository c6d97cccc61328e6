import ArgumentParser
import Foundation
import PortalKit

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site from the content folder into the output folder.",
        discussion: """
            The new build is assembled beside the output and exchanged with it in one step only \
            when the whole build succeeded: the output is always one whole build, and a failed or \
            killed build leaves it exactly as it was. Builds into one output folder run one at a \
            time.
            """)

    @Option(help: "The content folder (site.yml, one folder per language, media/).")
    var content = "Content"

    @Option(help: "The output folder; replaced as a whole on success.")
    var output = "Output"

    @Option(help: "A theme folder, instead of Themes/<theme from site.yml>.")
    var theme: String?

    @OptionGroup var schedule: Schedule

    @Option(help: "Threads to use (default: all cores).")
    var jobs: Int?

    @Option(help: "Public address to build for, instead of site.yml's baseURL.")
    var baseURL: String?

    @Flag(help: "Treat a UI string missing in one language as an error, not a warning.")
    var strict = false

    @Flag(help: "Print how long each stage took.")
    var timings = false

    @Flag(help: "Fail at once when another build is writing the same output folder, instead of waiting for it.")
    var noWait = false

    func validate() throws {
        if let baseURL, BaseURL(baseURL) == nil {
            throw ValidationError("--base-url must be an http(s) address such as https://danang.gov.vn/asean/")
        }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
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
            options.progress = { (stage: String) in Terminal.progress(BuildMessages.stageDone(stage).text) }
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
