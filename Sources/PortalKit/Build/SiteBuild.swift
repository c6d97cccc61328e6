import Foundation
import Synchronization

/// What `portal build` is asked to do.
public struct BuildOptions: Sendable {
    public var contentDirectory: String
    public var outputDirectory: String
    /// A theme folder overriding site.yml's `theme`.
    public var themeDirectory: String?
    public var publication: Publication
    public var jobs: Int
    /// Replaces site.yml's `baseURL`, e.g. for a preview on another host.
    public var baseURL: BaseURL?
    /// Turns warnings about the theme's UI strings into errors.
    public var strict: Bool
    /// Told each stage's name as it ends, for a progress line on a terminal.
    public var progress: (@Sendable (String) -> Void)?
    /// When another build holds the output's lock: wait for it (told to `waiting`, with the
    /// other build's process id), or fail at once.
    public var waitForLock = true
    public var waiting: (@Sendable (Int?) -> Void)?
    /// For tests: builds the context of every page whose `InputKey` matched the last build's
    /// too, and lists in the result those whose context was not the cached one.
    public var verifyInputKeys = false
    /// Writes the `.gz` and `.br` copies `site.yml` asks for; `portal serve`'s preview does not.
    public var precompress = true
    /// Flushes the new output to disk before publishing it, so a power cut leaves one whole
    /// build; `portal serve`'s private folder, gone when it stops, does not need it.
    public var durable = true
    /// Writes the nginx and Apache configurations `portal publish` installs beside the output;
    /// `portal serve`'s private folder is never published.
    public var serverFiles = true

    public init(
        contentDirectory: String = "Content", outputDirectory: String = "Output", themeDirectory: String? = nil,
        publication: Publication, jobs: Int = ProcessInfo.processInfo.activeProcessorCount, baseURL: BaseURL? = nil,
        strict: Bool = false
    ) {
        self.strict = strict
        self.contentDirectory = contentDirectory
        self.outputDirectory = outputDirectory
        self.themeDirectory = themeDirectory
        self.publication = publication
        self.jobs = max(1, jobs)
        self.baseURL = baseURL
    }
}

public struct BuildResult: Sendable {
    public var pagesPerLanguage: [(language: String, count: Int)]
    public var filesWritten: Int
    /// Files whose bytes were already in the output, left untouched.
    public var filesUnchanged: Int
    /// Files of the previous build that the site no longer has.
    public var filesRemoved: Int
    /// Each stage's name and seconds, in order.
    public var timings: [(stage: String, seconds: Double)]
    /// With `verifyInputKeys`: output paths of pages whose input key matched but whose context
    /// changed (a dependency `InputKey` misses). Always empty otherwise.
    public var inputKeyMismatches: [String] = []
}

/// The pipeline, one line per stage: settings → sources → pages → site graph → theme →
/// Markdown → templates → output.
public enum SiteBuild {
    public static func run(_ options: BuildOptions, warnings: WarningLog) throws(BuildFailure) -> BuildResult {
        var memory: BuildMemory? = nil
        return try run(options, warnings: warnings, memory: &memory)
    }

    /// A build of a resident process: what `memory` holds is used instead of reading it again
    /// or loading the caches from `.portal-cache/`, and `memory` holds this build's afterwards
    /// (the caches are not written to disk).
    public static func run(_ options: BuildOptions, warnings: WarningLog, memory: inout BuildMemory)
        throws(BuildFailure) -> BuildResult
    {
        // Moved out, so the dictionaries inside are changed in place rather than copied.
        var held: BuildMemory? = memory
        memory = BuildMemory()
        defer { memory = held ?? BuildMemory() }
        return try run(options, warnings: warnings, memory: &held)
    }

    static func run(_ options: BuildOptions, warnings: WarningLog, memory: inout BuildMemory?) throws(BuildFailure)
        -> BuildResult
    {
        var clock = StageClock(progress: options.progress)
        let content = options.contentDirectory
        let writer = OutputWriter(outputDirectory: options.outputDirectory)

        var settings: SiteSettings
        do { settings = try SiteSettings.load(contentDirectory: content) } catch { throw BuildFailure([error]) }
        if let baseURL = options.baseURL { settings.baseURL = baseURL }
        let themeDirectory =
            options.themeDirectory
            ?? (((content as NSString).deletingLastPathComponent as NSString)
                .appendingPathComponent("Themes/\(settings.theme)"))
        // One build at a time into an output, for the whole build: the next tree is assembled
        // in one place beside it, and the caches describe one build.
        let lock: OutputLock
        do throws(OutputError) {
            try OutputPlace.check(output: writer.outputDirectory, content: content, theme: themeDirectory)
            lock = try OutputLock(output: writer.outputDirectory, wait: options.waitForLock) { pid in
                options.waiting?(pid)
            }
            try writer.checkOwnership()
        } catch { throw BuildFailure([error]) }
        defer { withExtendedLifetime(lock) {} }
        // Recorded for `portal publish`, which refuses the output after a failed build.
        var succeeded = false
        defer { BuildStatus.record(output: writer.outputDirectory, failed: !succeeded) }
        clock.lap("settings")

        let catalog: Catalog
        if let kept = memory?.catalog, kept.settings == settings.sourceDigest {
            catalog = kept.catalog
        } else {
            catalog = try Catalog.load(contentDirectory: content, languages: settings.languages.map(\.code))
            memory?.catalog = (settings.sourceDigest, catalog)
        }
        clock.lap("data")

        let loaded = try ContentLoader(contentDirectory: content, settings: settings).load(
            jobs: options.jobs, warnings: warnings, known: memory?.sources ?? [:])
        if memory != nil {
            memory?.sources = Dictionary(loaded.sources.map { ($0.diskPath, $0) }, uniquingKeysWith: { a, _ in a })
        }
        clock.lap("read")

        let photos = try PhotoStage(
            media: loaded.media, settings: settings.images, displayRoot: content, output: writer.outputDirectory,
            jobs: options.jobs
        ).run(warnings: warnings)
        clock.lap("photos")

        // Caches keyed by content (front matter, Markdown, search documents) hold nothing of the
        // output's state, so each is written as soon as it is known, on another thread, while
        // the build goes on: at the end of a clean build, 60 MB of Markdown would be written
        // while the other core waited.
        let output = writer.outputDirectory
        let cacheWrites = DispatchGroup()
        defer { cacheWrites.wait() }

        let parsed: [ParsedSource]
        if let known = memory?.parsed {
            // A resident process: a file read as it was has the front matter it had.
            (parsed, memory!.parsed) = try parseAll(
                loaded.sources, jobs: options.jobs, warnings: warnings, known: known)
        } else {
            // A clean build (no output yet) starts from nothing: caches only serve rebuilds.
            let frontMatterCache = writer.hasPublished ? FrontMatterCache.load(output: output) : FrontMatterCache()
            let nextFrontMatter: FrontMatterCache?
            (parsed, nextFrontMatter) = try parseAll(
                loaded.sources, jobs: options.jobs, warnings: warnings, cache: frontMatterCache)
            if let nextFrontMatter {
                DispatchQueue.global().async(group: cacheWrites) { nextFrontMatter.save(output: output) }
            }
        }
        try checkReferences(parsed, catalog: catalog)
        clock.lap("front matter")

        let graph = try SiteGraph(
            settings: settings, sources: parsed, publication: options.publication, jobs: options.jobs)
        // The tags' and agencies' pages need the graph alone: made on another thread while the
        // theme loads and the Markdown renders.
        let taxonomiesMade = DispatchGroup()
        let taxonomiesBox = Mutex<Taxonomies?>(nil)
        DispatchQueue.global().async(group: taxonomiesMade) { [catalog] in
            let taxonomies = Taxonomies(graph: graph, catalog: catalog)
            taxonomiesBox.withLock { $0 = taxonomies }
        }
        defer { taxonomiesMade.wait() }
        clock.lap("site graph")

        let theme: Theme
        if let kept = memory?.theme, kept.settings == settings.sourceDigest {
            theme = kept.theme
            kept.warnings.forEach(warnings.add)
        } else {
            let own = WarningLog()
            defer { own.all.forEach(warnings.add) }
            theme = try Theme.load(
                directory: themeDirectory, settings: settings, contentDirectory: content, strict: options.strict,
                warnings: own)
            if memory != nil { memory?.theme = (settings.sourceDigest, theme, own.all) }
        }
        clock.lap("theme")

        var markdown = MarkdownStage(graph: graph, media: loaded.media, jobs: options.jobs)
        markdown.photos = photos
        markdown.imageSizes = theme.imageSizes
        markdown.strictAltText = options.strict
        markdown.resident = memory != nil
        if let kept = memory?.markdown {
            markdown.cache = kept
            memory?.markdown = MarkdownCache()  // held once, not twice, while the stage runs
        } else if writer.hasPublished {
            markdown.cache = MarkdownCache.load(output: output, jobs: options.jobs)
        }
        let (bodies, markdownCache) = try markdown.run(warnings: warnings)
        if memory == nil {
            let previousMarkdown = markdown.cache
            DispatchQueue.global().async(group: cacheWrites) {
                markdownCache.save(output: output, previous: previousMarkdown)
            }
        }
        clock.lap("markdown")

        taxonomiesMade.wait()
        var site = Site(
            graph: graph, catalog: catalog, taxonomies: taxonomiesBox.withLock { $0! }, bodies: bodies,
            now: options.publication.now)
        site.photos = photos
        // A body taken from the cache in a resident process has the digest it had.
        let knownDigests = memory?.bodyDigests ?? [:]
        let keys = markdownCache.pageKeys
        site.bodyDigests = ParallelMap.map(Array(bodies.indices), jobs: options.jobs) { index in
            if index < keys.count, let key = keys[index], !markdownCache.made.contains(key),
                let digest = knownDigests[key]
            {
                return digest
            }
            return Site.digest(bodies[index])
        }
        if memory != nil {
            memory?.markdown = markdownCache
            var digests: [String: String] = [:]
            for (index, key) in keys.enumerated() { if let key { digests[key] = site.bodyDigests[index] } }
            memory?.bodyDigests = digests
        }
        // The kit as the last build drew it, when nothing it depends on changed (`BannerCache`).
        let bannerCache =
            settings.banner == nil ? BannerCache() : memory?.banner ?? BannerCache.load(output: output)
        let (banner, nextBannerCache) = try BannerOnSite.make(
            settings: settings, graph: graph, theme: theme, now: options.publication.now, cache: bannerCache)
        site.banner = banner
        if memory != nil {
            memory?.banner = nextBannerCache
        } else if nextBannerCache.key != bannerCache.key {
            DispatchQueue.global().async(group: cacheWrites) { nextBannerCache.save(output: output) }
        }
        clock.lap("banners")

        var render = RenderStage(
            site: site, theme: theme, media: photos.copies, verifyInputKeys: options.verifyInputKeys,
            precompress: options.precompress)
        render.memory = memory?.render
        render.durable = options.durable
        let (report, mismatches, renderMemory) = try render.run(
            jobs: options.jobs, writer: writer, cacheWrites: cacheWrites)
        if let renderMemory { memory?.render = renderMemory }
        clock.lap("render and write")
        if options.serverFiles {
            do throws(FileIO.Failure) {
                try ServerFiles.write(ServerPlan(site: site), output: writer.outputDirectory)
            } catch {
                throw BuildFailure([OutputError.cannotWrite(path: error.path, reason: error.reason)])
            }
        }
        succeeded = true

        let counts = settings.languages.map { language in
            (language.code, graph.pages.filter { $0.language == language.code }.count)
        }
        return BuildResult(
            pagesPerLanguage: counts, filesWritten: report.written, filesUnchanged: report.unchanged,
            filesRemoved: report.removed, timings: clock.laps, inputKeyMismatches: mismatches)
    }

    /// The agency, pillar and task ids pages name must exist; tags must have a slug.
    static func checkReferences(_ parsed: [ParsedSource], catalog: Catalog) throws(BuildFailure) {
        var errors: [any PortalError] = []
        var hasSlug: [String: Bool] = [:]  // per spelling: thousands of pages share a few tags
        for page in parsed {
            errors += catalog.check(page.frontMatter, file: page.source.displayPath) as [any PortalError]
            for tag in page.frontMatter.tags {
                if hasSlug[tag] == nil { hasSlug[tag] = !Slug.make(tag).isEmpty }
                guard hasSlug[tag] == false else { continue }
                errors.append(
                    FrontMatterError.shape(
                        ShapeProblem(
                            location: page.frontMatter.locations["tags"]
                                ?? SourceLocation(file: page.source.displayPath),
                            message: CatalogMessages.tagWithoutLetters(tag),
                            help: CatalogMessages.tagWithoutLettersHelp)))
            }
        }
        if !errors.isEmpty { throw BuildFailure(errors) }
    }

    static func parseAll(_ sources: [SourceFile], jobs: Int, warnings: WarningLog) throws(BuildFailure)
        -> [ParsedSource]
    {
        try parseAll(sources, jobs: jobs, warnings: warnings, cache: FrontMatterCache()).parsed
    }

    /// The pages of a resident process, which keeps them by disk path: a file whose text is the
    /// one kept (the same string, as `ContentLoader` hands back a file it did not read again)
    /// is not split or parsed again. Gives the pages to keep for the next build: those that
    /// parsed without a warning (the others are parsed again, so their warnings are said again).
    static func parseAll(
        _ sources: [SourceFile], jobs: Int, warnings: WarningLog, known: [String: (text: String, page: ParsedSource)]
    ) throws(BuildFailure) -> (parsed: [ParsedSource], known: [String: (text: String, page: ParsedSource)]) {
        let results = ParallelMap.map(sources, jobs: jobs) {
            source -> Result<(ParsedSource, cacheable: Bool), FrontMatterError> in
            // The text as read is kept beside the page, which does not hold it.
            if let (text, page) = known[source.diskPath], page.source.displayPath == source.displayPath,
                text == source.text
            {
                return .success((page, true))
            }
            do throws(FrontMatterError) {
                let own = WarningLog()
                let page = try FrontMatterParser.parse(source, warnings: own)
                let found = own.all
                found.forEach(warnings.add)
                return .success((page, found.isEmpty))
            } catch {
                return .failure(error)
            }
        }
        var parsed: [ParsedSource] = []
        var errors: [any PortalError] = []
        var next: [String: (text: String, page: ParsedSource)] = [:]
        for (source, result) in zip(sources, results) {
            switch result {
            case .success(let (page, cacheable)):
                parsed.append(page)
                if cacheable { next[source.diskPath] = (source.text, page) }
            case .failure(let error): errors.append(error)
            }
        }
        if !errors.isEmpty { throw BuildFailure(errors) }
        return (parsed, next)
    }

    /// The pages, and the cache for the next build (nil when it would be the same as `cache`).
    static func parseAll(_ sources: [SourceFile], jobs: Int, warnings: WarningLog, cache: FrontMatterCache)
        throws(BuildFailure) -> (parsed: [ParsedSource], cache: FrontMatterCache?)
    {
        let results = ParallelMap.map(sources, jobs: jobs) {
            source -> Result<(ParsedSource, key: String, cacheable: Bool), FrontMatterError> in
            do throws(FrontMatterError) {
                let parts = try FrontMatterParser.split(source)
                let key = FrontMatterCache.key(file: source.displayPath, yaml: parts.yaml)
                if let matter = cache.entries[key] {
                    return .success((FrontMatterParser.parsed(source, matter, parts), key, true))
                }
                let own = WarningLog()
                let matter = try FrontMatterParser.frontMatter(parts.yaml, file: source.displayPath, warnings: own)
                let found = own.all
                found.forEach(warnings.add)
                return .success((FrontMatterParser.parsed(source, matter, parts), key, found.isEmpty))
            } catch {
                return .failure(error)
            }
        }
        var parsed: [ParsedSource] = []
        var errors: [any PortalError] = []
        var next = FrontMatterCache()
        for result in results {
            switch result {
            case .success(let (page, key, cacheable)):
                parsed.append(page)
                if cacheable { next.entries[key] = page.frontMatter }
            case .failure(let error): errors.append(error)
            }
        }
        if !errors.isEmpty { throw BuildFailure(errors) }
        let unchanged =
            next.entries.count == cache.entries.count && next.entries.keys.allSatisfy { cache.entries[$0] != nil }
        return (parsed, unchanged ? nil : next)
    }
}

/// Times the stages of a build.
struct StageClock {
    private var last = DispatchTime.now()
    private(set) var laps: [(stage: String, seconds: Double)] = []
    let progress: (@Sendable (String) -> Void)?

    init(progress: (@Sendable (String) -> Void)? = nil) { self.progress = progress }

    mutating func lap(_ stage: String) {
        let now = DispatchTime.now()
        laps.append((stage, Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1e9))
        last = now
        progress?(stage)
    }
}
