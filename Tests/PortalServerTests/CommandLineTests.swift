import Foundation
import Testing

/// The `portal` binary as scripts see it: exit status 64 (EX_USAGE) for a command line it
/// cannot take, 1 for a command that ran and failed, and what it says on standard error.
@Suite struct CommandLineTests {
    struct Run {
        var status: Int32
        var output: String
        var errors: String
    }

    func portal(_ arguments: [String]) async throws -> Run {
        let binary = try #require(portalBinary, "no portal binary beside the tests: run `swift build` first")
        return try await offThread {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = arguments
            let (output, errors) = (Pipe(), Pipe())
            process.standardOutput = output
            process.standardError = errors
            try process.run()
            // Read to the end before waiting: a full pipe would block the process.
            let printed = output.fileHandleForReading.readDataToEndOfFile()
            let said = errors.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return Run(
                status: process.terminationStatus, output: String(decoding: printed, as: UTF8.self),
                errors: String(decoding: said, as: UTF8.self))
        }
    }

    @Test func usageErrorsExit64() async throws {
        let flag = try await portal(["build", "--no-such-flag"])
        #expect(flag.status == 64)
        #expect(flag.errors.contains("Unknown option '--no-such-flag'"), "\(flag.errors)")

        let year = try await portal(["banner", "--year", "9999", "--output", "/nonexistent/kit"])
        #expect(year.status == 64)
        #expect(year.errors.contains("--year must be from 1996 to 2200, got 9999"), "\(year.errors)")
    }

    @Test func aFailedBuildExits1() async throws {
        let site = try PreviewSite()
        defer { site.remove() }
        try site.write(PreviewSite.postPath, "---\ntitle: [không đóng\n---\n")
        let output = site.root + "/Output"
        let run = try await portal(["build", "--content", site.content, "--output", output])
        #expect(run.status == 1)
        #expect(run.errors.contains("build failed: 1 error; the output folder was left as it was"), "\(run.errors)")
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    @Test func newRefusesASectionOutsideTheContentFolder() async throws {
        let site = try PreviewSite()
        defer { site.remove() }
        let run = try await portal([
            "new", "post", "--content", site.content, "--lang", "vi", "--section", "../../escaped", "--title", "Thử",
            "--now", "2026-11-29",
        ])
        #expect(run.status == 1)
        #expect(run.output.isEmpty)
        #expect(
            run.errors.hasPrefix(
                "\(site.content)/vi/../../escaped/2026-11-29-thu.md: error: this path is outside \(site.content)/vi/"),
            "\(run.errors)")
        #expect(!FileManager.default.fileExists(atPath: site.root + "/escaped"))
    }
}
