import Dispatch
import Synchronization

/// The site's files other than pages — feeds, sitemap, JSON export, calendar, search indexes,
/// the banner kit — each made by a generator on a worker thread beside the pages.
extension RenderStage {
    /// What a generator gives: files to write, the paths of files the output already holds, or
    /// why it could not.
    enum Generated: Sendable {
        case files([OutputFile])
        case kept([String])
        /// Files to write, and files of the output to keep as they are, with their sizes.
        case partly([OutputFile], kept: [(path: String, size: Int)])
        case failed(any PortalError)
    }

    /// One of the site's files other than pages, made on a worker thread.
    struct Generator: Sendable {
        /// Who makes a file, for the message when two make the same one.
        let owner: @Sendable (String) -> String
        /// For a language's search index: the digest of what it is made from, told by the
        /// generator as it runs (on its worker thread) and read once the generators are done.
        var search: (language: String, digest: RenderStage.Handover<String>)?
        let make: @Sendable () -> Generated
    }
}

extension RenderStage.Generator {
    /// The generators of a site; a language whose search index is in the output as `searchCache`
    /// says gives the paths of its files. Otherwise the documents an earlier build read are
    /// taken from the language's `SearchTermCache` when `reuse` is true (a rebuild); the next
    /// build's are written on another thread, in `cacheWrites`.
    /// With `terms` (a resident process), the indexes kept are patched and given back to it
    /// rather than made from documents read from and written to `.portal-cache/`.
    static func all(
        site: Site, searchCache: SearchCache, output: String, reuse: Bool, cacheWrites: DispatchGroup,
        terms: RenderStage.SearchTermStore? = nil, export: RenderStage.Handover<JSONExport.KeptLines>? = nil,
        bySiteKey: RenderStage.Handover<[String: RenderStage.KeptFiles]>? = nil, siteKey: String = ""
    ) -> [Self] {
        var generators: [Self] = site.settings.languages.map { language in
            let code = language.code
            let told = RenderStage.Handover("")
            return Self(owner: { _ in "the search index of `\(code)`" }, search: (code, told)) {
                // Here, on a worker thread: a pass over every page, which the build waited for.
                let digest = SearchCache.digest(site, language: code)
                told.value = digest
                if let paths = searchCache.files(language: code, digest: digest, output: output) {
                    terms?.keep(code)
                    return .kept(paths)
                }
                if let terms {
                    let index = SearchIndex(site: site).files(language: code, resident: terms.take(code)) {
                        FileIO.regularSize("\(output)/\($0)") == $1
                    }
                    terms.give(code, index.resident)
                    return index.kept.isEmpty ? .files(index.files) : .partly(index.files, kept: index.kept)
                }
                let path = RenderCache.path(for: output, kind: "search-terms-\(code)")
                let index = SearchIndex(site: site).files(
                    language: code, cache: reuse ? SearchTermCache.load(path) : SearchTermCache())
                // A rebuild saves the documents on another thread (this index is its longest
                // task); a clean build, whose threads are all busy with pages, saves them here
                // and frees them (waiting for a free thread, both languages' documents were
                // held to the end: 120 MB at 5,000 posts).
                if reuse {
                    let cache = index.cache
                    DispatchQueue.global().async(group: cacheWrites) { cache.save(path) }
                } else {
                    index.cache.save(path)
                }
                return .files(index.files)
            }
        }
        // `followsSiteKey`: made from nothing but what `InputKey.site` digests (every page's file
        // name, front matter, address and date, the settings, the catalogue, the base URL), so a
        // resident process keeps them as they are while that digest is the last build's, as after
        // an edit to a body. The feeds show bodies; the calendar and progress data are cheap.
        let plain: [(name: String, followsSiteKey: Bool, make: @Sendable () -> [OutputFile])] = [
            ("the feeds", false, { Feeds(site: site).files() }), ("the sitemap", true, { Sitemap(site: site).files() }),
            (
                "the JSON export", true,
                {
                    guard let export else { return JSONExport(site: site).files() }
                    let (files, kept) = JSONExport(site: site).files(kept: export.value)
                    export.value = kept
                    return files
                }
            ),
            ("the calendar", false, { ICalendar(site: site).files() }),
            ("the progress data", false, { ProgressData(site: site).files() }),
        ]
        generators += plain.map { name, followsSiteKey, make in
            Self(owner: { _ in name }) {
                guard let bySiteKey, followsSiteKey else { return .files(make()) }
                if let last = bySiteKey.value[name], last.key == siteKey { return .kept(last.paths) }
                let files = make()
                bySiteKey.update { $0[name] = RenderStage.KeptFiles(key: siteKey, paths: files.map(\.path)) }
                return .files(files)
            }
        }
        if let banner = site.banner {
            generators.append(
                Self(owner: { "the banner kit's \($0)" }) { () -> RenderStage.Generated in
                    .files(banner.files)
                })
        }
        return generators
    }
}

extension RenderStage {
    /// What a generator of a resident process's build takes from the last build and gives the
    /// next, on its worker thread.
    final class Handover<Value: Sendable>: Sendable {
        private let state: Mutex<Value>

        init(_ value: Value) { state = Mutex(value) }

        var value: Value {
            get { state.withLock { $0 } }
            set { state.withLock { $0 = newValue } }
        }

        func update(_ change: (inout Value) -> Void) { state.withLock { change(&$0) } }
    }

    /// A generator's files as the last build made them, with the key they were made for.
    struct KeptFiles: Sendable {
        var key: String
        var paths: [String]
    }

    /// A resident process's search indexes for one build: each language's as the last build
    /// left it, and this build's as they are made, on worker threads.
    final class SearchTermStore: Sendable {
        private struct State {
            var kept: [String: SearchIndexResident]
            var next: [String: SearchIndexResident] = [:]
        }
        private let state: Mutex<State>

        init(kept: [String: SearchIndexResident]) { state = Mutex(State(kept: kept)) }

        /// The language's index as the last build left it.
        func take(_ language: String) -> SearchIndexResident? {
            state.withLock { $0.kept.removeValue(forKey: language) }
        }

        /// The language's index was kept as it was: so are its documents.
        func keep(_ language: String) {
            state.withLock { state in
                if let cache = state.kept.removeValue(forKey: language) { state.next[language] = cache }
            }
        }

        func give(_ language: String, _ index: SearchIndexResident) { state.withLock { $0.next[language] = index } }

        var next: [String: SearchIndexResident] { state.withLock { $0.next } }
    }
}
