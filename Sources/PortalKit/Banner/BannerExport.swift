import Foundation

/// `portal banner --year`: one year's kit without building the site — to prepare next July's
/// banners in June, or re-issue a past year's.
public struct BannerExport: Sendable {
    public var contentDirectory: String
    public var themeDirectory: String?
    public var year: Int

    public init(contentDirectory: String, themeDirectory: String? = nil, year: Int) {
        self.contentDirectory = contentDirectory
        self.themeDirectory = themeDirectory
        self.year = year
    }

    /// Writes the kit's files into `output` (created if needed) and returns their paths.
    public func write(to output: String) throws(BuildFailure) -> [String] {
        let workspace = try Workspace.load(contentDirectory: contentDirectory)
        if !workspace.errors.isEmpty { throw BuildFailure(workspace.errors) }
        let settings = workspace.settings
        guard settings.banner != nil else { throw BuildFailure([BannerError.notConfigured(settings.file)]) }
        // Every page counts here: the campaign page may still be a draft in June.
        let publication = Publication(now: Date(), includeDrafts: true, includeFuture: true)
        let graph = try SiteGraph(settings: settings, sources: workspace.sources, publication: publication)
        let directory =
            themeDirectory
            ?? (((contentDirectory as NSString).deletingLastPathComponent as NSString)
                .appendingPathComponent("Themes/\(settings.theme)"))
        let theme = try Theme.load(
            directory: directory, settings: settings, contentDirectory: contentDirectory, warnings: WarningLog())
        let moment = VietnamTime.parse(String(format: "%04d-07-28", year))!
        guard let banner = try BannerOnSite.make(settings: settings, graph: graph, theme: theme, now: moment) else {
            return []
        }
        let files: [OutputFile]
        do { files = try banner.kit.files(banner.artworks) } catch { throw BuildFailure([error]) }
        var written: [String] = []
        do {
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
            for file in files {
                let path = "\(output)/\((file.path as NSString).lastPathComponent)"
                switch file.body {
                case .text(let text): try Data(text.utf8).write(to: URL(fileURLWithPath: path))
                case .data(let data): try data.write(to: URL(fileURLWithPath: path))
                case .copy(let source):
                    try? FileManager.default.removeItem(atPath: path)
                    try FileManager.default.copyItem(atPath: source, toPath: path)
                }
                written.append(path)
            }
        } catch {
            throw BuildFailure([OutputError.cannotWrite(path: output, reason: error.localizedDescription)])
        }
        return written
    }
}
