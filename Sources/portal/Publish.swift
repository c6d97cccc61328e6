import ArgumentParser
import Foundation
import PortalKit

struct Publish: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: CommandMessages.Publish.abstract.text, discussion: CommandMessages.Publish.discussion.text)

    @Option(help: .message(CommandMessages.Publish.to))
    var to: String

    @Option(help: .message(CommandMessages.Publish.output))
    var output = "Output"

    @Option(help: .message(CommandMessages.Publish.keep))
    var keep = 5

    @Flag(help: .message(CommandMessages.Publish.rollback))
    var rollback = false

    @Flag(help: .message(CommandMessages.Publish.list))
    var list = false

    @Argument(help: .message(CommandMessages.Publish.release))
    var release: String?

    func validate() throws {
        if keep < 1 { throw ValidationError(CommandMessages.atLeastOne(option: "--keep")) }
        if rollback && list { throw ValidationError(CommandMessages.Publish.rollbackAndList) }
        if release != nil && !rollback { throw ValidationError(CommandMessages.Publish.releaseWithoutRollback) }
    }

    func run() throws {
        let publisher = Publisher(directory: to, output: output)
        do {
            if list {
                for release in publisher.list() {
                    print(
                        CommandMessages.Publish.release(
                            id: release.id, date: Self.date(release.id), files: release.files, bytes: release.bytes,
                            current: release.isCurrent
                        ).text)
                }
            } else if rollback {
                let id = try publisher.rollback(to: release)
                print(CommandMessages.Publish.rolledBack(to: id).text)
            } else {
                let started = Date()
                let release = try publisher.publish(keep: keep)
                print(
                    CommandMessages.Publish.published(
                        output: output, id: release.id, folder: to, files: release.files, linked: release.linked,
                        seconds: String(format: "%.2f", Date().timeIntervalSince(started))
                    ).text)
            }
        } catch {
            Terminal.error(error.description)
            throw ExitCode(1)
        }
    }

    /// `20261204T061500Z` → `2026-12-04 06:15:00 UTC`.
    static func date(_ id: String) -> String {
        let c = Array(id)
        guard c.count >= 16 else { return id }
        return "\(String(c[0..<4]))-\(String(c[4..<6]))-\(String(c[6..<8])) "
            + "\(String(c[9..<11])):\(String(c[11..<13])):\(String(c[13..<15])) UTC"
    }
}
