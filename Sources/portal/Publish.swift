import ArgumentParser
import Foundation
import PortalKit

struct Publish: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Publish a finished build as a release and switch to it atomically; roll back; list releases.",
        discussion: """
            portal publish --to /srv/portal            DIR/releases/<id>/, DIR/current -> it
            portal publish --to /srv/portal --rollback  back to the release before
            portal publish --to /srv/portal --list
            """)

    @Option(help: "The publish folder (releases/, current, previous, nginx.conf, apache.conf).")
    var to: String

    @Option(help: "The output folder of the build to publish.")
    var output = "Output"

    @Option(help: "How many releases to keep (the newest; never the current or previous one).")
    var keep = 5

    @Flag(help: "Switch back to the release before the current one, or to the release given.")
    var rollback = false

    @Flag(help: "List the releases with their dates and file counts.")
    var list = false

    @Argument(help: "With --rollback: the release to switch to.")
    var release: String?

    func validate() throws {
        if keep < 1 { throw ValidationError("--keep must be at least 1") }
        if rollback && list { throw ValidationError("--rollback and --list cannot be used together") }
        if release != nil && !rollback { throw ValidationError("a release id is only taken with --rollback") }
    }

    func run() throws {
        let publisher = Publisher(directory: to, output: output)
        do {
            if list {
                for release in publisher.list() {
                    print(
                        "\(release.isCurrent ? "*" : " ") \(release.id)  \(Self.date(release.id))  "
                            + "\(release.files) files  \(release.bytes) bytes")
                }
            } else if rollback {
                let id = try publisher.rollback(to: release)
                print("current is now \(id); reload the web server: nginx -s reload")
            } else {
                let started = Date()
                let release = try publisher.publish(keep: keep)
                print(
                    "Published \(output) as \(release.id) in \(to): \(release.files) files, "
                        + "\(release.linked) linked to the release before or the build, "
                        + String(format: "%.2f s", Date().timeIntervalSince(started))
                        + "; reload the web server: nginx -s reload")
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
