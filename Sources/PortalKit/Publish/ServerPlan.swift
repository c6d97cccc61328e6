import Crypto
import Foundation

/// What a web server needs to know to serve a build as portal means it: the base path, each
/// language's folder and 404 page, the redirects of former addresses, and the Content
/// Security Policy the theme's pages need. `NginxConfig` and `ApacheConfig` write it out.
public struct ServerPlan: Sendable, Equatable {
    /// `/asean/` (always with slashes at both ends).
    public var basePath: String
    /// The site's address, for the configuration's header.
    public var baseURL: String
    /// Each language's folder under the base path (`""` for the default, `en/`) and its 404
    /// page as a site path, longest folder first.
    public var languages: [(prefix: String, notFound: String)]
    /// Former address (a site path, percent-decoded, as the server compares it) → the page's
    /// site path: every alias and former plan address.
    public var redirects: [(from: String, to: String)]

    public static func == (a: Self, b: Self) -> Bool {
        a.basePath == b.basePath && a.baseURL == b.baseURL
            && a.languages.map { $0.prefix + "\u{0}" + $0.notFound }
                == b.languages.map { $0.prefix + "\u{0}" + $0.notFound }
            && a.redirects.map { $0.from + "\u{0}" + $0.to } == b.redirects.map { $0.from + "\u{0}" + $0.to }
    }

    /// The policy the default theme needs: its own stylesheet, scripts and search index
    /// (`'self'`), images from the site, `https:` (front matter images agencies host) and
    /// `data:` (Markdown allows data: images), and the only inline styles a page has —
    /// cmark-gfm's table alignments, allowed by their hashes. No inline script, no plugin, no
    /// framing by another site.
    public static let contentSecurityPolicy: String = {
        let alignments = ["left", "center", "right"].map { side in
            "'sha256-\(Data(SHA256.hash(data: Data("text-align: \(side)".utf8))).base64EncodedString())'"
        }
        return [
            "default-src 'none'", "script-src 'self'",
            "style-src 'self' 'unsafe-hashes' " + alignments.joined(separator: " "),
            "img-src 'self' https: data:", "connect-src 'self'", "font-src 'self'", "form-action 'self'",
            "base-uri 'self'", "frame-ancestors 'self'",
        ].joined(separator: "; ")
    }()

    static let referrerPolicy = "strict-origin-when-cross-origin"

    /// `Cache-Control` by kind of file: content-hashed names never change their bytes.
    static let immutable = "public, max-age=31536000, immutable"
    static let short = "public, max-age=300"
    static let day = "public, max-age=86400"

    /// A search shard's file name (`terms-3-a1b2c3.json`, `docs-0-…`): named by its digest, so
    /// immutable like the assets; `index.json`, which names the shards, is not.
    static let searchShard = #"(terms|docs)-[0-9]+-[0-9a-f]{\#(SearchIndex.digestLength)}\.json"#

    /// The kinds of text files the configurations name, most specific first: the regular
    /// expression on the path (without its end), the Content-Type and the Cache-Control.
    static let kinds: [(pattern: String, type: String, cache: String)] = [
        (#"\.[0-9a-f]{8}\.css"#, "text/css; charset=utf-8", immutable),
        (#"\.[0-9a-f]{8}\.js"#, "text/javascript; charset=utf-8", immutable),
        ("/search/" + searchShard, "application/json", immutable),
        (#"\.html"#, "text/html; charset=utf-8", short),
        (#"\.css"#, "text/css; charset=utf-8", short),
        (#"\.js"#, "text/javascript; charset=utf-8", short),
        (#"/atom\.xml"#, "application/atom+xml; charset=utf-8", short),
        (#"/index\.xml"#, "application/rss+xml; charset=utf-8", short),
        (#"\.xml"#, "application/xml; charset=utf-8", short),
        (#"\.json"#, "application/json", short),
        (#"\.ics"#, "text/calendar; charset=utf-8", short),
        (#"\.csv"#, "text/csv; charset=utf-8", short),
        (#"\.txt"#, "text/plain; charset=utf-8", short),
        (#"\.svg"#, "image/svg+xml", day),
    ]

    /// The plan of a built site.
    init(site: Site) {
        let base = site.base
        basePath = base.path
        baseURL = base.string
        languages = site.settings.languages.map { language in
            (language.pathPrefix, base.sitePath(PageContext.notFoundPath(language)))
        }.sorted { $0.prefix.count > $1.prefix.count }
        var redirects: [(String, String)] = []
        for job in RenderJob.all(site) {
            let path: String, target: String
            switch job {
            case .alias(let from, let index):
                path = from
                target = site.graph.pages[index].url
            case .plan(.legacyTask(let plan, let id), let language):
                path = job.outputPath(site)
                target = site.taskPath(plan: plan, id, language)
            default: continue
            }
            let to = base.sitePath(target)
            // `x/index.html` is asked for as `x/`, `x` and itself.
            if path == "index.html" || path.hasSuffix("/index.html") {
                let folder = String(path.dropLast("index.html".count))
                let forms = [folder, folder.isEmpty ? nil : String(folder.dropLast()), path].compactMap { $0 }
                for form in forms { redirects.append((base.sitePath(form), to)) }
            } else {
                redirects.append((base.sitePath(path), to))
            }
        }
        self.redirects = redirects.sorted { $0.0 < $1.0 }
    }
}
