import Foundation
import PortalKit

/// Messages for people: to standard error, so standard output stays clean for tools.
enum Terminal {
    static func report(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics { error(diagnostic.description) }
    }

    /// Rewrites the current terminal line (carriage return, clear to end of line).
    static func progress(_ text: String) {
        FileHandle.standardError.write(Data("\r\u{1B}[K\(text)".utf8))
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// `--timings`: one line per stage, `  name      0.123 s`.
    static func timingLines(_ timings: [(stage: String, seconds: Double)]) -> String {
        timings.map { stage, seconds in
            "  " + stage.padding(toLength: 18, withPad: " ", startingAt: 0) + String(format: "%8.3f s", seconds) + "\n"
        }.joined()
    }
}
