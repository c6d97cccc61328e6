/// The site's files other than pages — feeds, sitemap, JSON export, calendar, search indexes,
/// the banner kit — each made by a generator on a worker thread beside the pages.
extension RenderStage {
    /// What a generator gives: files to write (and work for later, done while the output is
    /// committed), the paths of files the output already holds, or why it could not.
    enum Generated: Sendable {
        case files([OutputFile], later: (@Sendable () -> Void)? = nil)
        case kept([String])
        case failed(any PortalError)
    }

    /// One of the site's files other than pages, made on a worker thread.
    struct Generator: Sendable {
        /// Who makes a file, for the message when two make the same one.
        let owner: @Sendable (String) -> String
        /// For a language's search index: the digest of what it is made from.
        var search: (language: String, digest: String)?
        let make: @Sendable () -> Generated
    }
}

extension RenderStage.Generator {
    /// The generators of a site; a language whose search index is in the output as `searchCache`
    /// says gives the paths of its files. Otherwise the documents an earlier build read are
    /// taken from the language's `SearchTermCache` when `reuse` is true (a rebuild).
    static func all(site: Site, searchCache: SearchCache, output: String, reuse: Bool) -> [Self] {
        var generators: [Self] = site.settings.languages.map { language in
            let code = language.code
            let digest = SearchCache.digest(site, language: code)
            return Self(owner: { _ in "the search index of `\(code)`" }, search: (code, digest)) {
                if let paths = searchCache.files(language: code, digest: digest, output: output) {
                    return .kept(paths)
                }
                let path = RenderCache.path(for: output, kind: "search-terms-\(code)")
                let index = SearchIndex(site: site).files(
                    language: code, cache: reuse ? SearchTermCache.load(path) : SearchTermCache())
                // A rebuild saves the documents while the output is committed (this index is its
                // longest task); a clean build, busy with every page, saves them now and frees
                // them (both languages' documents held to the end cost 120 MB at 5,000 posts).
                guard reuse else {
                    index.cache.save(path)
                    return .files(index.files)
                }
                let cache = index.cache
                return .files(index.files, later: { cache.save(path) })
            }
        }
        let plain: [(String, @Sendable () -> [OutputFile])] = [
            ("the feeds", { Feeds(site: site).files() }), ("the sitemap", { Sitemap(site: site).files() }),
            ("the JSON export", { JSONExport(site: site).files() }),
            ("the calendar", { ICalendar(site: site).files() }),
        ]
        generators += plain.map { name, make in
            Self(owner: { _ in name }) { RenderStage.Generated.files(make()) }
        }
        if let banner = site.banner {
            generators.append(
                Self(owner: { "the banner kit's \($0)" }) { () -> RenderStage.Generated in
                    do throws(BannerError) { return .files(try banner.kit.files(banner.artworks)) } catch {
                        return .failed(error)
                    }
                })
        }
        return generators
    }
}
