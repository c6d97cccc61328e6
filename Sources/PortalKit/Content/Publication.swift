import Foundation

/// Which pages are published at a given moment, and which flags bring the others in.
public struct Publication: Sendable {
    public var now: Date
    public var includeDrafts = false
    public var includeFuture = false

    public init(now: Date, includeDrafts: Bool = false, includeFuture: Bool = false) {
        self.now = now
        self.includeDrafts = includeDrafts
        self.includeFuture = includeFuture
    }

    public enum Exclusion: String, Sendable {
        case draft, future, expired
    }

    /// Why a page is left out, or nil when it is published. A `publishDate` (else `date`)
    /// equal to now is published; an `expiryDate` equal to now has passed.
    public func exclusion(_ matter: FrontMatter) -> Exclusion? {
        if matter.draft && !includeDrafts { return .draft }
        if let start = matter.publishDate ?? matter.date, start > now, !includeFuture { return .future }
        if let end = matter.expiryDate, end <= now { return .expired }
        return nil
    }
}
