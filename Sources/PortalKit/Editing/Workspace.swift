import Foundation

/// The content folder as the editors' commands see it: every page parsed, drafts and future
/// pages included, and every problem collected instead of stopping at the first.
public struct Workspace: Sendable {
    public var contentDirectory: String
    public var settings: SiteSettings
    public var catalog: Catalog
    public var media: [(path: String, diskPath: String)]
    public var sources: [ParsedSource]
    /// Problems that would stop a build.
    public var errors: [any PortalError]
    public let warnings: WarningLog

    /// Fails only when the site settings cannot be read: nothing else makes sense without them.
    public static func load(contentDirectory: String, jobs: Int = ProcessInfo.processInfo.activeProcessorCount)
        throws(BuildFailure) -> Workspace
    {
        let settings: SiteSettings
        do { settings = try SiteSettings.load(contentDirectory: contentDirectory) } catch {
            throw BuildFailure([error])
        }
        let warnings = WarningLog()
        var errors: [any PortalError] = []
        var catalog = Catalog()
        do {
            catalog = try Catalog.load(contentDirectory: contentDirectory, languages: settings.languages.map(\.code))
        } catch {
            errors += error.errors
        }
        var files: [SourceFile] = []
        var media: [(path: String, diskPath: String)] = []
        do {
            let loaded = try ContentLoader(contentDirectory: contentDirectory, settings: settings).load(
                jobs: jobs, warnings: warnings)
            files = loaded.sources
            media = loaded.media
        } catch { errors += error.errors }
        var sources: [ParsedSource] = []
        for result in ParallelMap.map(
            files, jobs: jobs,
            { source -> Result<ParsedSource, FrontMatterError> in
                do throws(FrontMatterError) {
                    return .success(try FrontMatterParser.parse(source, warnings: warnings))
                } catch {
                    return .failure(error)
                }
            })
        {
            switch result {
            case .success(let parsed): sources.append(parsed)
            case .failure(let error): errors.append(error)
            }
        }
        return Workspace(
            contentDirectory: contentDirectory, settings: settings, catalog: catalog, media: media, sources: sources,
            errors: errors, warnings: warnings)
    }

    public func source(atPath path: String) -> ParsedSource? {
        let wanted = Self.standardise(path)
        return sources.first { Self.standardise(diskPath(of: $0)) == wanted }
    }

    /// The file on disk of a parsed page.
    public func diskPath(of parsed: ParsedSource) -> String { parsed.source.diskPath }

    static func standardise(_ path: String) -> String {
        TextInput.nfc(URL(fileURLWithPath: path).standardizedFileURL.path)
    }

    /// The theme's UI strings with the site's overrides, for reports.
    public func strings(themeDirectory: String?) -> [String: [String: String]] {
        let directory =
            themeDirectory
            ?? (((contentDirectory as NSString).deletingLastPathComponent as NSString)
                .appendingPathComponent("Themes/\(settings.theme)"))
        var ignored: [any PortalError] = []
        return I18nTables.load(
            themeDirectory: directory, contentDirectory: contentDirectory, languages: settings.languages.map(\.code),
            strict: false, errors: &ignored, warnings: WarningLog())
    }
}
