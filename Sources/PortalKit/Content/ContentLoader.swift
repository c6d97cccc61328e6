import Foundation

/// Walks `Content/`: finds the language folders' Markdown, the media, and anything that
/// does not belong there. File names are NFC-normalised here, at the door.
public struct ContentLoader: Sendable {
    /// Folders under `Content/` that are not languages: media (copied), and the site's own
    /// UI strings and templates, laid over the theme's, and the action plans' data (`plans/`, `reports/`).
    public static let reservedFolders = ["media", "i18n", "layouts", "partials", "plans", "reports"]

    public var contentDirectory: String
    public var displayRoot: String
    public var settings: SiteSettings

    public init(contentDirectory: String, displayRoot: String? = nil, settings: SiteSettings) {
        self.contentDirectory = contentDirectory
        self.displayRoot = TextInput.nfc(displayRoot ?? contentDirectory)
        self.settings = settings
    }

    public struct Result: Sendable {
        public var sources: [SourceFile]
        /// Files of `Content/media/`: output-relative path (NFC) → disk path.
        public var media: [(path: String, diskPath: String)]
    }

    /// `known`: files read by an earlier build that have not changed since, by disk path
    /// (`portal serve` keeps them): taken as they are instead of read again.
    public func load(jobs: Int, warnings: WarningLog, known: [String: SourceFile] = [:]) throws(BuildFailure)
        -> Result
    {
        var found: [FoundFile] = []
        var media: [(path: String, diskPath: String)] = []
        // Symbolic links are followed only inside the content folder (InputTree).
        let tree = InputTree(root: contentDirectory, displayRoot: displayRoot)
        let (entries, linkErrors) = tree.entries(in: "")
        var errors: [any PortalError] = linkErrors
        let languages = Set(settings.languages.map(\.code))
        for (entry, isDirectory) in entries {
            let name = TextInput.nfc(entry)
            let display = "\(displayRoot)/\(name)"
            guard isDirectory else {
                if !name.hasSuffix(".yml") {
                    warnings.warn(
                        SourceLocation(file: display), ContentMessages.unusedFile,
                        help: ContentMessages.unusedFileHelp(languages: languages.sorted()))
                }
                continue
            }
            if languages.contains(name) {
                let (files, walkErrors) = tree.files(in: entry)
                errors += walkErrors as [any PortalError]
                for file in files {
                    if file.relative.hasSuffix(".md") {
                        found.append(
                            FoundFile(
                                language: name, relativePath: file.relative, diskPath: file.diskPath,
                                displayPath: file.displayPath))
                    } else {
                        warnings.warn(
                            SourceLocation(file: file.displayPath), ContentMessages.notMarkdown,
                            help: ContentMessages.notMarkdownHelp(mediaFolder: displayRoot))
                    }
                }
            } else if name == "media" {
                let (files, walkErrors) = tree.files(in: entry)
                errors += walkErrors as [any PortalError]
                for file in files {
                    // A media file's name becomes a URL path as it is: it must be one.
                    do throws(URLPath.Problem) {
                        try URLPath.checkRelative(file.relative)
                        media.append(("media/\(file.relative)", file.diskPath))
                    } catch {
                        errors.append(ContentError.badFileName(SourceLocation(file: file.displayPath), error))
                    }
                }
            } else if Self.reservedFolders.contains(name) {
                continue  // i18n, layouts and partials: read with the theme
            } else {
                errors.append(
                    ContentError.unknownFolder(
                        SourceLocation(file: display), languages: settings.languages.map(\.code)))
            }
        }
        if !errors.isEmpty { throw BuildFailure(errors) }

        let decoded = ParallelMap.map(found, jobs: jobs) { file -> Swift.Result<SourceFile, ContentError> in
            if let source = known[file.diskPath], source.displayPath == file.displayPath { return .success(source) }
            guard let data = FileManager.default.contents(atPath: file.diskPath) else {
                return .failure(.unreadable(SourceLocation(file: file.displayPath)))
            }
            do throws(TextInput.DecodeFailure) {
                let text = try TextInput.decode(data)
                return .success(
                    SourceFile(
                        language: file.language, relativePath: file.relativePath, displayPath: file.displayPath,
                        text: text, diskPath: file.diskPath))
            } catch {
                switch error {
                case .notUTF8(let offset, let line):
                    return .failure(.notUTF8(SourceLocation(file: file.displayPath, line: line), byteOffset: offset))
                }
            }
        }
        var sources: [SourceFile] = []
        for result in decoded {
            switch result {
            case .success(let source): sources.append(source)
            case .failure(let error): errors.append(error)
            }
        }
        if !errors.isEmpty { throw BuildFailure(errors) }
        return Result(sources: sources, media: media.sorted { $0.path < $1.path })
    }
}

/// Problems with the files under `Content/` themselves; the texts are `ContentMessages`.
public enum ContentError: CataloguedError {
    case unknownFolder(SourceLocation, languages: [String])
    case notUTF8(SourceLocation, byteOffset: Int)
    case unreadable(SourceLocation)
    case badFileName(SourceLocation, URLPath.Problem)

    public var location: SourceLocation? {
        switch self {
        case .unknownFolder(let l, _), .notUTF8(let l, _), .unreadable(let l), .badFileName(let l, _): l
        }
    }

    public var messageText: Message {
        switch self {
        case .unknownFolder(_, let languages):
            ContentMessages.unknownFolder(languages: languages, reserved: ContentLoader.reservedFolders)
        case .notUTF8(_, let offset): ContentMessages.notUTF8(byteOffset: offset)
        case .unreadable: ContentMessages.unreadable
        case .badFileName(_, let problem):
            URLPathMessages.quoting(problem) { ContentMessages.badFileName(reason: $0) }
        }
    }

    public var helpText: Message? {
        switch self {
        case .unknownFolder: ContentMessages.unknownFolderHelp
        case .notUTF8: ContentMessages.notUTF8Help
        case .unreadable: ContentMessages.unreadableHelp
        case .badFileName: ContentMessages.badFileNameHelp
        }
    }
}
