import Foundation

/// One page of the site: a Markdown file, or a section listing that has no `_index.md`.
public struct Page: Sendable {
    public enum Kind: String, Sendable { case home, section, page }

    public var kind: Kind
    public var language: String
    /// The Markdown file; nil for a section page made up for a folder without `_index.md`.
    public var source: ParsedSource?
    public var title: String
    /// Path below the base URL, always ending in `/` (`tin-tuc/bai/`), "" for the home page.
    public var url: String
    /// `vi/tin-tuc/bai.md`: how Markdown links name the page.
    public var contentPath: String
    /// Language-relative NFC folder the page sits in (`tin-tuc`); a section's own folder for
    /// section pages ("" for the home page).
    public var folder: String
    public var translationKey: String
    public var date: Date?
    public var weight: Int

    public var frontMatter: FrontMatter { source?.frontMatter ?? FrontMatter(title: title) }
    public var displayPath: String { source?.source.displayPath ?? contentPath }
    /// Where the page's HTML is written inside the output: `tin-tuc/bai/index.html`.
    public var outputPath: String { url + "index.html" }
}

extension FrontMatter {
    init(title: String) {
        self.init()
        self.title = title
    }
}
