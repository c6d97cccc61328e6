import Foundation

/// `Content/site.yml`: what the whole site shares.
public struct SiteSettings: Sendable {
    public var baseURL: BaseURL
    public var theme: String
    /// The default language first; it is served at the site root, the others under `/<code>/`.
    public var languages: [Language]
    /// Raw HTML in Markdown is omitted unless a site opts in.
    public var allowRawHTML: Bool
    /// Pages per listing page.
    public var paginate: Int
    public var feeds: Feeds
    /// The July anniversary banner, when the site runs the campaign.
    public var banner: BannerSettings?
    /// `compression:`: which precompressed copies of text files a build writes.
    public var compression = Precompression()
    /// `images:`: the photos' sizes, formats and metadata.
    public var images = PhotoSettings()
    /// Where the file was read from, for messages.
    public var file: String
    /// A digest of the file's text, as read: part of what every page is rendered from (see
    /// `InputKey`). Empty for settings made in code.
    public var sourceDigest = ""

    public var defaultLanguage: Language { languages[0] }

    public func language(_ code: String) -> Language? { languages.first { $0.code == code } }

    public struct Language: Sendable, Hashable {
        public var code: String
        public var name: String
        /// `vi_VN`, `en_US`: for Open Graph and date formatting.
        public var locale: String
        public var title: String
        public var description: String
        public var menu: [MenuItem]
        /// "" for the default language, "en/" for the others: where its pages live.
        public var pathPrefix: String
        /// The URL segment of each taxonomy in this language (`chu-de`, `tags`).
        public var taxonomySegments: [Taxonomy.Kind: String]
    }

    public struct Feeds: Sendable {
        public enum Content: String, Sendable { case full, summary }
        public var content = Content.summary
        /// Items per feed.
        public var limit = 20
    }

    public struct MenuItem: Sendable, Hashable {
        public enum Target: Sendable, Hashable {
            /// A content file, relative to the language folder (`tin-tuc/_index.md`).
            case page(String)
            /// An address: absolute (`https://…`) or a site path (`/tin-tuc/`) under the base URL.
            case url(String)
        }
        public var name: String
        public var target: Target
        public var location: SourceLocation
    }
}

/// The site's public address. Its path (`/asean/`) prefixes every link the site makes.
public struct BaseURL: Sendable, Hashable {
    /// `https://danang.gov.vn`
    public var origin: String
    /// `/asean/`: always starts and ends with `/`.
    public var path: String

    public init?(_ text: String) {
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
            scheme == "https" || scheme == "http", let host = components.host, !host.isEmpty,
            components.query == nil, components.fragment == nil
        else { return nil }
        let port = components.port.map { ":\($0)" } ?? ""
        origin = "\(scheme)://\(host.lowercased())\(port)"
        var path = components.percentEncodedPath
        if !path.hasPrefix("/") { path = "/" + path }
        if !path.hasSuffix("/") { path += "/" }
        self.path = path
    }

    /// `/asean/` + `tin-tuc/` → `/asean/tin-tuc/` — what links inside the site use.
    public func sitePath(_ relative: String) -> String { path + relative }

    /// `https://danang.gov.vn/asean/tin-tuc/` — for canonical links, hreflang, feeds.
    public func absolute(_ relative: String) -> String { origin + path + relative }

    public var string: String { origin + path }
}
