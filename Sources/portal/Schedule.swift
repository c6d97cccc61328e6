import ArgumentParser
import Foundation
import PortalKit

/// `--now`, `--drafts` and `--future`, as `build`, `serve` and `check` read them: the moment to
/// build for, and which pages not yet published to take as published.
struct Schedule: ParsableArguments {
    @Option(help: .message(CommandMessages.now))
    var now: String?

    @Flag(help: .message(CommandMessages.drafts))
    var drafts = false

    @Flag(help: .message(CommandMessages.future))
    var future = false

    func validate() throws {
        if let now, VietnamTime.parse(now) == nil {
            throw ValidationError(CommandMessages.notADate(option: "--now", value: now))
        }
    }

    /// `--now`, nil when it was not given.
    var moment: Date? { now.flatMap(VietnamTime.parse) }

    /// What is published at `--now`, else at the current time.
    var publication: Publication {
        Publication(now: moment ?? Date(), includeDrafts: drafts, includeFuture: future)
    }
}
