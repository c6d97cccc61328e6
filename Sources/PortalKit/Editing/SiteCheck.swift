import Foundation

/// `portal check`: everything that can be wrong in the content, found without writing a
/// build — errors that would stop one, and warnings that would not.
public struct SiteCheck: Sendable {
    public var contentDirectory: String
    public var themeDirectory: String?
    public var publication: Publication

    public init(contentDirectory: String, themeDirectory: String? = nil, publication: Publication) {
        self.contentDirectory = contentDirectory
        self.themeDirectory = themeDirectory
        self.publication = publication
    }

    public func run(jobs: Int = ProcessInfo.processInfo.activeProcessorCount) -> [Diagnostic] {
        let workspace: Workspace
        do { workspace = try Workspace.load(contentDirectory: contentDirectory, jobs: jobs) } catch {
            return error.errors.map { Diagnostic(severity: .error, $0) }
        }
        var errors = workspace.errors
        let warnings = workspace.warnings
        let settings = workspace.settings

        let mediaFiles = Set(workspace.media.map(\.path))
        for page in workspace.sources {
            errors += workspace.catalog.check(page.frontMatter, file: page.source.displayPath) as [any PortalError]
            let matter = page.frontMatter
            if let exclusion = publication.exclusion(matter) {
                let key =
                    exclusion == .draft
                    ? "draft"
                    : exclusion == .future ? (matter.publishDate != nil ? "publishDate" : "date") : "expiryDate"
                warnings.warn(
                    matter.locations[key] ?? SourceLocation(file: page.source.displayPath),
                    CheckMessages.notPublished(exclusion), help: CheckMessages.notPublishedHelp(exclusion))
            }
            if matter.image != nil {
                // Every page, drafts and future ones too: the build checks those it publishes.
                if let error = PageImage.check(page, mediaFiles: mediaFiles) { errors.append(error) }
                if (matter.imageAlt ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
                    warnings.add(
                        PageImage.missingAlt(matter.locations["image"] ?? SourceLocation(file: page.source.displayPath))
                    )
                }
            }
        }

        // Links and fragments: the pages as this build would publish them.
        do {
            let graph = try SiteGraph(settings: settings, sources: workspace.sources, publication: publication)
            let markdown = MarkdownStage(graph: graph, media: workspace.media, jobs: jobs)
            let rendered = markdown.render(warnings: warnings)
            errors += rendered.errors
            // Photos of media/ that no page shows or links (drafts and future pages count).
            var used = Set<String>()
            for page in graph.pages {
                guard let source = page.source else { continue }
                let key = MarkdownCache.key(
                    source.body, firstLine: source.bodyFirstLine, allowRawHTML: graph.settings.allowRawHTML)
                for (link, _) in rendered.cache.entries[key]?.links ?? []
                where LinkResolver.address(link.destination, isImage: true) == .path {
                    switch LinkResolver.place(
                        ofPath: LinkResolver.split(link.destination).path, from: source.source.contentPath)
                    {
                    case .site(let path), .content(let path): used.insert(path)
                    case .outside: break
                    }
                }
            }
            for source in workspace.sources {
                if let image = source.frontMatter.image,
                    case .success(.media(let path, _)) = PageImage.target(image, file: source.source.contentPath)
                {
                    used.insert(path)
                }
            }
            if let share = settings.images.shareImage { used.insert(share) }
            for file in workspace.media where PhotoFormat.of(name: file.path)?.isProcessed == true {
                if !used.contains(file.path) {
                    warnings.warn(
                        SourceLocation(file: "\(contentDirectory)/\(file.path)"), CheckMessages.unusedImage,
                        help: CheckMessages.unusedImageHelp(path: file.path))
                }
            }
        } catch {
            errors += error.errors
        }

        let themeDirectory =
            self.themeDirectory
            ?? (((contentDirectory as NSString).deletingLastPathComponent as NSString)
                .appendingPathComponent("Themes/\(settings.theme)"))
        do {
            _ = try Theme.load(
                directory: themeDirectory, settings: settings, contentDirectory: contentDirectory, warnings: warnings)
        } catch { errors += error.errors }

        let report = TranslationReport(
            settings: settings, sources: workspace.sources, strings: workspace.strings(themeDirectory: themeDirectory))
        for row in report.rows {
            let existing = row.entries.compactMap(\.file)
            for entry in row.entries {
                switch entry.state {
                case .ok: continue
                case .missing:
                    warnings.warn(
                        SourceLocation(file: existing.first ?? row.key),
                        CheckMessages.missingTranslation(language: entry.language),
                        help: CheckMessages.missingTranslationHelp(
                            file: existing.first ?? "FILE", language: entry.language))
                case .stale:
                    warnings.warn(
                        SourceLocation(file: entry.file ?? row.key),
                        CheckMessages.staleTranslation(source: entry.source ?? ""),
                        help: CheckMessages.staleTranslationHelp(file: entry.file ?? "FILE"))
                }
            }
        }
        let diagnostics = errors.map { Diagnostic(severity: .error, $0) } + warnings.all
        // Theme loading may report a string twice (once per check); keep one of each.
        var seen = Set<Diagnostic>()
        return diagnostics.filter { seen.insert($0).inserted }.sorted {
            ($0.location?.file ?? "", $0.location?.line ?? 0, $0.location?.column ?? 0, $0.message)
                < ($1.location?.file ?? "", $1.location?.line ?? 0, $1.location?.column ?? 0, $1.message)
        }
    }
}

extension Diagnostic {
    /// One line: `path:line:column: severity: message (help)`, in this process's language.
    public var oneLine: String { oneLine(in: .current) }

    /// In Vietnamese the help in brackets starts with `Cách sửa:`; in English it stands alone,
    /// as it always has.
    public func oneLine(in language: MessageLanguage) -> String {
        var text = location.map { "\($0): " } ?? ""
        text += "\(severity.word.text(in: language)): \(messageText.text(in: language))"
        if let helpText {
            let help = helpText.text(in: language).replacingOccurrences(of: "\n", with: " ")
            text += language == .en ? " (\(help))" : " (\(DiagnosticMessages.help.text(in: language)): \(help))"
        }
        return text
    }

    public var json: [String: Any] { json(in: .current) }

    /// Keys and `severity` stay English for tools; `code` names the catalogue's message;
    /// `message` and `help` are in `language`.
    public func json(in language: MessageLanguage) -> [String: Any] {
        var fields: [String: Any] = [
            "severity": severity.rawValue, "code": messageText.code, "message": messageText.text(in: language),
        ]
        if let location {
            fields["file"] = location.file
            if let line = location.line { fields["line"] = line }
            if let column = location.column { fields["column"] = column }
        }
        if let helpText { fields["help"] = helpText.text(in: language) }
        return fields
    }
}
