import Foundation

/// What a resident process (`portal serve`) keeps between its builds into one output: the
/// sources as read, the settings' data, the theme, and the build caches that `portal build`
/// keeps in `.portal-cache/` (front matter, Markdown, rendered pages, search documents and
/// indexes) — held here instead of read from disk and written back on every build.
///
/// A value, passed into `SiteBuild.run` and given back changed: the server owns it and runs
/// one build at a time. The caches are the command line's, with the same keys (a body's
/// digest, a page's context digest, a document's digest), so what they reuse is exactly what
/// an incremental `portal build` reuses, and a rebuild's output is the same as a clean build's.
/// What is kept by file — the sources, the theme, the settings' data — is kept until `forget`
/// is told that one of its files changed.
public struct BuildMemory: Sendable {
    /// Markdown files as read, by disk path (as `ContentLoader` gives it).
    var sources: [String: SourceFile] = [:]
    /// The theme as loaded, with the warnings loading it gave (said again on every build that
    /// reuses it), for settings whose text had this digest.
    var theme: (settings: String, theme: Theme, warnings: [Diagnostic])?
    /// `agencies.yml`, the plans and the reports.
    var catalog: (settings: String, catalog: Catalog)?
    /// The files' pages (front matter split and parsed), by disk path, with the text they were
    /// parsed from (the string `sources` holds).
    var parsed: [String: (text: String, page: ParsedSource)] = [:]
    var markdown = MarkdownCache()
    /// Each body's digest (`Site.digest`) by its Markdown cache key, for bodies the Markdown
    /// stage took from the cache (a body it rendered again is digested again).
    var bodyDigests: [String: String] = [:]
    /// The July kit's artworks and zip as last drawn.
    var banner = BannerCache()
    /// The caches that describe the output: valid only while nothing else writes it.
    var render = RenderStage.Memory()

    public init() {}

    /// After the first build into `output`: its spare tree, made now rather than during the
    /// first rebuild (`OutputWriter.prepareSpareTree`).
    public func prepareSpareTree(output: String) {
        OutputWriter(outputDirectory: output).prepareSpareTree(ledger: render.ledger)
    }

    /// Forgets what depends on these paths, as a file watcher reports them (absolute or as
    /// given, standardised: `FileWatcher.standardized`): a Markdown file is read again; a
    /// folder of the content (made, moved, deleted) has every file under it read again; any
    /// other file — `site.yml`, the data files, templates, UI strings, theme assets — has the
    /// theme and the data loaded again. The caches keyed by content need nothing: a changed
    /// input has another key.
    public mutating func forget(changed paths: [String], contentDirectory: String) {
        let given = Self.trimmed(contentDirectory)
        let standard = Self.standardized(contentDirectory)
        var reloadTheme = false
        for path in paths {
            let path = Self.standardized(path)
            guard path == standard || path.hasPrefix(standard + "/") else {
                reloadTheme = true  // the theme folder, or Themes/ beside the content
                continue
            }
            let relative = path.dropFirst(standard.count)
            let segments = relative.split(separator: "/")
            let key = given + relative
            // Language folders and media/ hold pages and files; every other name at the top
            // is the settings, data or the site's own templates and strings.
            if segments.count < 2 || ContentLoader.reservedFolders.contains(String(segments[0])) {
                reloadTheme = true
            }
            if sources.removeValue(forKey: key) == nil {
                // A folder (or a file the last build did not read): everything under it.
                let prefix = key + "/"
                for known in sources.keys where known.hasPrefix(prefix) { sources.removeValue(forKey: known) }
            }
        }
        if reloadTheme {
            theme = nil
            catalog = nil
        }
    }

    static func trimmed(_ path: String) -> String {
        var path = path
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        return path
    }

    /// The form a file watcher gives paths in (`FileWatcher.standardized`).
    public static func standardized(_ path: String) -> String {
        trimmed((path as NSString).standardizingPath)
    }
}
