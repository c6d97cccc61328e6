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

    /// The file that marks a folder as a banner kit, as `.portal-output` marks a build's: a
    /// later `portal banner` writes over a kit, never over a folder of other files.
    public static let markerName = ".portal-banner-kit"

    /// Writes the kit's files into `output` (created if needed) and returns their paths.
    /// A folder that holds anything but a banner kit is refused before anything is made.
    public func write(to output: String) throws(BuildFailure) -> [String] {
        try Self.checkOwnership(output)
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
        guard let banner = try BannerOnSite.make(settings: settings, graph: graph, theme: theme, now: moment).banner
        else {
            return []
        }
        let files = banner.files
        var written: [String] = []
        do {
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
            // The marker first: a kit written halfway is still recognised as one next time.
            try Data("A July banner kit written by `portal banner`; it may write here again.\n".utf8).write(
                to: URL(fileURLWithPath: "\(output)/\(Self.markerName)"))
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

    /// Fails unless `output` is missing, empty, or a banner kit: one with the marker, or one
    /// written before the marker existed (nothing but a kit's files, by their names).
    static func checkOwnership(_ output: String) throws(BuildFailure) {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: output, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else { throw BuildFailure([OutputError.notADirectory(output)]) }
        let entries = (try? fm.contentsOfDirectory(atPath: output)) ?? []
        if entries.isEmpty || entries.contains(markerName) || entries.allSatisfy(isKitFile) { return }
        throw BuildFailure([BannerError.notAKit(output)])
    }

    /// `asean-2027-vi-970x250.svg` (or `.png`), `snippets-vi.txt`, `asean-banner-2027.zip`.
    static func isKitFile(_ name: String) -> Bool {
        name.wholeMatch(
            of: /asean-[0-9]{4}-[a-z-]+-[0-9]+x[0-9]+\.(svg|png)|snippets-[a-z-]+\.txt|asean-banner-[0-9]{4}\.zip/)
            != nil
    }
}
