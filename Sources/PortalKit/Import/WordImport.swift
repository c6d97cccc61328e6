import Foundation

/// `portal import FILE.docx|FILE.odt`: a new post from a document agencies send, through
/// pandoc. The post is placed and its front matter written as `portal new post` does
/// (`NewPage`); its images go to `Content/media/<slug>/`; nothing existing is replaced.
public struct WordImport: Sendable {
    public var document: String
    public var language: String
    public var section: String
    public var agency: String?
    /// Replaces the document's title.
    public var title: String?
    public var date: Date

    public init(document: String, language: String, section: String, agency: String?, title: String?, date: Date) {
        self.document = document
        self.language = language
        self.section = section
        self.agency = agency
        self.title = title
        self.date = date
    }

    public struct Result: Sendable {
        /// The new post's file.
        public var path: String
        /// Its address on the site, without the base path: `/tin-tuc/slug/`.
        public var url: String
        /// `Content/media/<slug>`, nil when the document had no image.
        public var mediaFolder: String?
        /// The images' file names, in the order of the document.
        public var images: [String]
        /// The post's text, front matter included.
        public var text: String
        public var warnings: [ImportWarning]
    }

    public func run(in workspace: Workspace) throws(ImportError) -> Result {
        guard let format = DocumentPackage.format(of: document) else { throw .notADocument(document) }
        guard FileManager.default.isReadableFile(atPath: document) else {
            throw .cannotRead(document, .missing)
        }
        let package = try DocumentPackage.read(document, format: format)
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("portal-import-\(UUID().uuidString)")
        do { try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true) } catch {
            throw .cannotRead(document, .noTemporaryFolder(error.localizedDescription))
        }
        defer { try? FileManager.default.removeItem(at: work) }

        var model = try Pandoc.read(document, format: format, workDirectory: work.path)
        let (found, blocks) = DocumentCleaner.takeTitle(
            meta: model["meta"], blocks: model["blocks"]?.array ?? [], documentTitle: package.title)
        let postTitle = title ?? found
        guard let postTitle else { throw .noTitle(document) }
        let page = NewPage(
            kind: .post, language: language, section: section, title: postTitle, agency: agency, now: date)
        let planned: PlannedPage
        do { planned = try page.plan(in: workspace) } catch { throw .edit(error) }

        // Images: what each extracted file is, and for OpenDocument its description, which
        // pandoc's ODT reader leaves out, put back as the image's alt text.
        var kinds: [String: ImageKind] = [:]
        var described = DocumentCleaner.leadBlocks(meta: model["meta"]) + blocks
        for source in Self.imagePaths(in: described) {
            kinds[source] = ImageKind.sniff(file: source)
        }
        if format == .odt {
            described = Self.describing(described, with: package.imageDescriptions, under: "\(work.path)/media/")
            described = Self.restoringHeaders(described, package.tableHeaders)
        }
        let mediaSite = "/media/\(planned.slug)"
        var cleaner = DocumentCleaner(
            imageKinds: kinds, mediaPath: mediaSite, namer: ImageNamer(language: language), document: document)
        let body = DocumentCleaner.shiftHeadings(cleaner.clean(blocks: described))
        guard !body.isEmpty else { throw .empty(document) }
        model = Self.replacingBlocks(of: model, with: body)
        var markdown = Self.visibleLineBreaks(
            TextInput.nfc(try Pandoc.markdown(model, for: document, workDirectory: work.path)))
        if !markdown.hasSuffix("\n") { markdown += "\n" }

        var warnings: [ImportWarning] = package.textBoxes.map { .textBox(text: $0, document: document) }
        warnings += package.warnings.map { finding in
            switch finding.kind {
            case .comment: .comment(author: finding.author, text: finding.text, document: document)
            case .insertion: .insertionAccepted(author: finding.author, text: finding.text, document: document)
            case .deletion: .deletionAccepted(author: finding.author, text: finding.text, document: document)
            }
        }
        warnings += cleaner.warnings

        let images = cleaner.images.compactMap { image in image.fileName.map { (image, $0) } }
        var mediaFolder: String?
        if !images.isEmpty {
            let folder = "\(workspace.contentDirectory)/media/\(planned.slug)"
            try Self.writeMedia(images.map { ($0.0.source, $0.1) }, to: folder, workspace: workspace)
            mediaFolder = folder
        }
        let text = planned.frontMatter + "\n" + markdown
        do { try NewPage.write(planned, body: markdown) } catch {
            // The post could not be written: its images would be orphans.
            if let mediaFolder { try? FileManager.default.removeItem(atPath: mediaFolder) }
            throw .edit(error)
        }
        for (image, name) in images where image.alt.isEmpty {
            warnings.append(
                .imageWithoutDescription(
                    name: name, Self.location(of: "](\(mediaSite)/\(name))", in: text, file: planned.path)))
        }
        return Result(
            path: planned.path, url: planned.url, mediaFolder: mediaFolder, images: images.map(\.1), text: text,
            warnings: warnings)
    }

    /// Copies the images into a new folder; a folder that exists is refused (mkdir, not a
    /// check before it, so two imports at once cannot share one).
    static func writeMedia(_ images: [(source: String, name: String)], to folder: String, workspace: Workspace)
        throws(ImportError)
    {
        let media = "\(workspace.contentDirectory)/media"
        do {
            try FileManager.default.createDirectory(atPath: media, withIntermediateDirectories: true)
            try ContentPath.checkWritable(folder, language: "media", contentDirectory: workspace.contentDirectory)
        } catch let error as EditError {
            throw .edit(error)
        } catch {
            throw .cannotWriteMedia(folder, error.localizedDescription)
        }
        guard mkdir(folder, 0o755) == 0 else {
            if errno == EEXIST { throw .mediaFolderExists(folder) }
            throw .cannotWriteMedia(folder, String(cString: strerror(errno)))
        }
        for (source, name) in images {
            do {
                try URLPath.checkRelative("\(folder.split(separator: "/").last!)/\(name)")
                try FileManager.default.copyItem(atPath: source, toPath: "\(folder)/\(name)")
            } catch {
                try? FileManager.default.removeItem(atPath: folder)
                throw .cannotWriteMedia("\(folder)/\(name)", "\(error)")
            }
        }
    }

    /// Every image's path in pandoc's model, in document order.
    static func imagePaths(in blocks: [PandocJSON]) -> [String] {
        var found: [String] = []
        func walk(_ value: PandocJSON) {
            if value.tag == "Image", let path = value.content?[2]?[0]?.string { found.append(path) }
            switch value {
            case .array(let items): items.forEach(walk)
            case .object(let fields): fields.values.forEach(walk)
            default: break
            }
        }
        blocks.forEach(walk)
        return found
    }

    /// OpenDocument images with their descriptions from content.xml as alt text.
    static func describing(_ blocks: [PandocJSON], with descriptions: [String: String], under prefix: String)
        -> [PandocJSON]
    {
        func walk(_ value: PandocJSON) -> PandocJSON {
            if value.tag == "Image", var parts = value.content?.array, parts.count == 3,
                let path = parts[2][0]?.string, path.hasPrefix(prefix),
                let text = descriptions[String(path.dropFirst(prefix.count))],
                (parts[1].array ?? []).isEmpty
            {
                parts[1] = .array([.node("Str", .string(text))])
                return .node("Image", .array(parts))
            }
            switch value {
            case .array(let items): return .array(items.map(walk))
            case .object(let fields): return .object(fields.mapValues(walk))
            default: return value
            }
        }
        return blocks.map(walk)
    }

    /// OpenDocument tables whose header row pandoc read as empty, with the header's text from
    /// content.xml (the n-th table outside others gets the n-th table's header).
    static func restoringHeaders(_ blocks: [PandocJSON], _ headers: [[[String]]]) -> [PandocJSON] {
        var index = 0
        func cell(_ text: String) -> PandocJSON {
            .array([
                PandocJSON.noAttributes, .node("AlignDefault"), .int(1), .int(1),
                .array(text.isEmpty ? [] : [.node("Plain", .array([.node("Str", .string(text))]))]),
            ])
        }
        func walk(_ value: PandocJSON) -> PandocJSON {
            if value.tag == "Table", var parts = value.content?.array, parts.count == 6 {
                defer { index += 1 }
                let rows = parts[3][1]?.array ?? []
                let empty = rows.allSatisfy { row in
                    (row[1]?.array ?? []).allSatisfy { ($0[4]?.array ?? []).isEmpty }
                }
                guard !rows.isEmpty, empty, index < headers.count, !headers[index].isEmpty else { return value }
                let restored = headers[index].map { row in
                    PandocJSON.array([PandocJSON.noAttributes, .array(row.map(cell))])
                }
                parts[3] = .array([parts[3][0] ?? PandocJSON.noAttributes, .array(restored)])
                return .node("Table", .array(parts))
            }
            switch value {
            case .array(let items): return .array(items.map(walk))
            case .object(let fields):
                // Objects are pandoc's nodes: their content in order.
                return .object(fields.mapValues(walk))
            default: return value
            }
        }
        return blocks.map(walk)
    }

    static func replacingBlocks(of model: PandocJSON, with blocks: [PandocJSON]) -> PandocJSON {
        guard case .object(var fields) = model else { return model }
        fields["blocks"] = .array(blocks)
        // The title is the front matter's; nothing else of the document's metadata is written.
        fields["meta"] = .object([:])
        return .object(fields)
    }

    /// pandoc writes a line break as two spaces at the end of the line, which no one sees and
    /// editors' tools strip: a backslash says the same to cmark and can be seen. Lines of
    /// fenced code are left as they are.
    static func visibleLineBreaks(_ markdown: String) -> String {
        var fence: Substring?
        var lines: [Substring] = []
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let start = line.drop { $0 == " " }
            if let open = fence {
                if start.hasPrefix(open) { fence = nil }
            } else if start.hasPrefix("```") || start.hasPrefix("~~~") {
                fence = start.prefix { $0 == start.first }
            } else if line.hasSuffix("  "), !line.hasSuffix("   "), line.contains(where: { $0 != " " }) {
                lines.append(Substring(line.dropLast(2) + "\\"))
                continue
            }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    /// Line and column of `needle` in `text` (1-based; the column counts characters).
    static func location(of needle: String, in text: String, file: String) -> SourceLocation {
        guard let range = text.range(of: needle) else { return SourceLocation(file: file) }
        let before = text[..<range.lowerBound]
        let line = before.reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
        let lineStart = before.lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex
        // The image starts at its `![` before the alt text (empty here).
        let column = text[lineStart..<range.lowerBound].count - 1
        return SourceLocation(file: file, line: line, column: max(1, column))
    }
}
