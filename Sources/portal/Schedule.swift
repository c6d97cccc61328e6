import ArgumentParser
import Foundation
import PortalKit

/// `--now`, `--drafts` and `--future`, as `build`, `serve` and `check` read them: the moment to
/// build for, and which pages not yet published to take as published.
struct Schedule: ParsableArguments {
    @Option(
        help:
            "The moment to build for, in Viet Nam time unless an offset is given: 2026-07-01 or 2026-07-01T08:00 (default: the current time)."
    )
    var now: String?

    @Flag(help: "Include pages marked `draft: true`.")
    var drafts = false

    @Flag(help: "Include pages whose publish date is after --now.")
    var future = false

    func validate() throws {
        if let now, VietnamTime.parse(now) == nil {
            throw ValidationError(
                "--now must be a date or date-time such as 2026-07-01 or 2026-07-01T08:00, got `\(now)`")
        }
    }

    /// `--now`, nil when it was not given.
    var moment: Date? { now.flatMap(VietnamTime.parse) }

    /// What is published at `--now`, else at the current time.
    var publication: Publication {
        Publication(now: moment ?? Date(), includeDrafts: drafts, includeFuture: future)
    }
}
