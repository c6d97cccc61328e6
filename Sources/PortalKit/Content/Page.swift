import Foundation

/// One page of the site: a Markdown file, or a section listing that has no `_index.md`.
/// A class: pages are made once, by the site graph, and never change; as a struct, every copy
/// out of the graph's array (in filters, look-ups, translations) retained and released each of
/// its strings (4.7 % of the CPU of a one-post rebuild in `perf`).
public final class Page: Sendable {
    public enum Kind: String, Sendable { case home, section, page }

    public let kind: Kind
    public let language: String
    /// The Markdown file; nil for a section page made up for a folder without `_index.md`.
    public let source: ParsedSource?
    public let title: String
    /// Path below the base URL, always ending in `/` (`tin-tuc/bai/`), "" for the home page.
    public let url: String
    /// `vi/tin-tuc/bai.md`: how Markdown links name the page.
    public let contentPath: String
    /// Language-relative NFC folder the page sits in (`tin-tuc`); a section's own folder for
    /// section pages ("" for the home page).
    public let folder: String
    public let translationKey: String
    public let date: Date?
    public let weight: Int

    init(
        kind: Kind, language: String, source: ParsedSource?, title: String, url: String, contentPath: String,
        folder: String, translationKey: String, date: Date?, weight: Int
    ) {
        self.kind = kind
        self.language = language
        self.source = source
        self.title = title
        self.url = url
        self.contentPath = contentPath
        self.folder = folder
        self.translationKey = translationKey
        self.date = date
        self.weight = weight
    }

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
