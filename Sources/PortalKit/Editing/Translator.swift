import Foundation

/// `portal translate`: starts a translation next to its counterpart section, and records
/// what it was made from so `portal status` can tell when the source changed.
public struct Translator: Sendable {
    public var workspace: Workspace

    public init(workspace: Workspace) { self.workspace = workspace }

    public struct Result: Sendable {
        /// The translation's path.
        public var path: String
        /// True when a `translationKey` had to be added to the source.
        public var keyAdded: Bool
    }

    public func translate(file: String, to language: String) throws(EditError) -> Result {
        guard let source = workspace.source(atPath: file) else { throw .notAPage(file) }
        guard workspace.settings.language(language) != nil else {
            throw .unknownLanguage(language, known: workspace.settings.languages.map(\.code))
        }
        guard source.source.language != language else { throw .sameLanguage(language) }
        // Its translation may be anywhere in that language (`en/about.md` for
        // `vi/gioi-thieu.md`): a second one would only compete with it.
        if let existing = workspace.sources.first(where: {
            $0.source.language == language && $0.translationGroup == source.translationGroup
        }) {
            throw .alreadyTranslated(file, existing: workspace.diskPath(of: existing), language: language)
        }

        let relative = source.source.relativePath
        let folder = (relative as NSString).deletingLastPathComponent
        let name = (relative as NSString).lastPathComponent
        let targetFolder = counterpart(of: folder, from: source.source.language, to: language)
        let directory = ([workspace.contentDirectory, language] + targetFolder.split(separator: "/").map(String.init))
            .joined(separator: "/")
        let path = "\(directory)/\(name)"
        try ContentPath.checkWritable(path, language: language, contentDirectory: workspace.contentDirectory)
        guard !FileManager.default.fileExists(atPath: path) else { throw .exists(path) }

        // The pair needs a key: the source's, or a new one written into the source.
        var key = source.frontMatter.translationKey
        var keyAdded = false
        if key == nil {
            try ContentPath.checkWritable(
                workspace.diskPath(of: source), language: source.source.language,
                contentDirectory: workspace.contentDirectory)
            let stem = Slug.make(String(name.dropLast(3)))
            let used = Set(workspace.sources.compactMap(\.frontMatter.translationKey))
            var candidate = stem.isEmpty ? "page" : stem
            var n = 2
            while used.contains(candidate) {
                candidate = "\(stem)-\(n)"
                n += 1
            }
            try FrontMatterEditor.insert(
                line: "translationKey: \(YAMLText.quoted(candidate))", into: workspace.diskPath(of: source))
            key = candidate
            keyAdded = true
        }

        let matter = source.frontMatter
        let sourceName = workspace.settings.language(source.source.language)?.name ?? source.source.language
        var lines = ["---", "title: \(YAMLText.quoted("TRANSLATE: " + matter.title))"]
        if let summary = matter.summary { lines.append("summary: \(YAMLText.quoted("TRANSLATE: " + summary))") }
        if let date = matter.date { lines.append("date: \(VietnamTime.iso8601(date))") }
        if let date = matter.publishDate { lines.append("publishDate: \(VietnamTime.iso8601(date))") }
        lines.append("translationKey: \(YAMLText.quoted(key!))")
        if !matter.tags.isEmpty { lines.append("tags: \(YAMLText.list(matter.tags))") }
        if let agency = matter.agency { lines.append("agency: \(agency)") }
        if let pillar = matter.pillar { lines.append("pillar: \(pillar)") }
        if !matter.tasks.isEmpty { lines.append("tasks: \(YAMLText.list(matter.tasks))") }
        if let weight = Optional(matter.weight), weight != 0 { lines.append("weight: \(weight)") }
        // Unpublished until the translator removes it.
        lines.append("draft: true")
        lines += [
            "translatedFrom:", "  language: \(source.source.language)", "  digest: \(SourceDigest.of(source))", "---",
            "",
            "TRANSLATE: the text below is the \(sourceName) original, kept for reference. Replace it with the translation, translate `title`, `summary` and `tags`, then remove `draft: true`.",
            "", source.body,
        ]
        var text = lines.joined(separator: "\n")
        if !text.hasSuffix("\n") { text += "\n" }
        try FrontMatterEditor.create(path, text)
        return Result(path: path, keyAdded: keyAdded)
    }

    /// Records the current digest of the source in a translation that was brought up to date.
    public func refresh(file: String) throws(EditError) -> String {
        guard let page = workspace.source(atPath: file) else { throw .notAPage(file) }
        guard let record = page.frontMatter.translatedFrom,
            let location = page.frontMatter.locations["translatedFrom.digest"]
        else { throw .notATranslation(file) }
        guard
            let source = workspace.sources.first(where: {
                $0.source.language == record.language && $0.translationGroup == page.translationGroup
            })
        else { throw .sourceMissing(file, language: record.language) }
        let digest = SourceDigest.of(source)
        try ContentPath.checkWritable(
            workspace.diskPath(of: page), language: page.source.language, contentDirectory: workspace.contentDirectory)
        try FrontMatterEditor.replaceValue(at: location, with: digest, in: workspace.diskPath(of: page))
        return digest
    }

    /// The folder of `folder`'s counterpart section in `language`: the section whose
    /// `_index.md` shares its translation key, else the same path.
    func counterpart(of folder: String, from: String, to language: String) -> String {
        guard !folder.isEmpty else { return "" }
        let index = workspace.sources.first {
            $0.source.language == from && $0.source.relativePath == "\(folder)/_index.md"
        }
        if let index,
            let match = workspace.sources.first(where: {
                $0.source.language == language && $0.translationGroup == index.translationGroup
                    && ($0.source.relativePath as NSString).lastPathComponent == "_index.md"
            })
        {
            return (match.source.relativePath as NSString).deletingLastPathComponent
        }
        let parent = (folder as NSString).deletingLastPathComponent
        let mapped = counterpart(of: parent, from: from, to: language)
        let last = (folder as NSString).lastPathComponent
        return mapped.isEmpty ? last : "\(mapped)/\(last)"
    }
}

/// Edits front matter as text, so the rest of the file keeps its bytes (line ends, NFD, order).
enum FrontMatterEditor {
    /// Adds `line` as the last line of the front matter.
    static func insert(line: String, into path: String) throws(EditError) {
        guard var bytes = FileManager.default.contents(atPath: path).map(Array.init) else { throw .notAPage(path) }
        let usesCRLF = bytes.firstIndex(of: 0x0A).map { $0 > 0 && bytes[$0 - 1] == 0x0D } ?? false
        let newline: [UInt8] = usesCRLF ? [0x0D, 0x0A] : [0x0A]
        // The closing `---`: the first line after the first that is exactly `---` or `...`.
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var lineIndex = 0
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            var content = Array(bytes[start..<end])
            if content.last == 0x0D { content.removeLast() }
            if lineIndex > 0 && (content == Array("---".utf8) || content == Array("...".utf8)) {
                bytes.insert(contentsOf: Array(line.utf8) + newline, at: start)
                try write(path, Data(bytes))
                return
            }
            lineIndex += 1
            start = end + 1
        }
        throw .notAPage(path)
    }

    /// Replaces the scalar that starts at `location` (line and column of the value) up to the
    /// end of its line.
    static func replaceValue(at location: SourceLocation, with value: String, in path: String) throws(EditError) {
        guard let data = FileManager.default.contents(atPath: path), let line = location.line,
            let column = location.column
        else { throw .notAPage(path) }
        var lines = data.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        let hasBOM = data.starts(with: [0xEF, 0xBB, 0xBF])
        guard line - 1 < lines.count else { throw .notAPage(path) }
        var target = lines[line - 1]
        if line == 1 && hasBOM { target.removeFirst(3) }
        let carriage = target.last == 0x0D
        // Columns count characters; find the byte offset.
        let text = String(decoding: target, as: UTF8.self)
        let prefix = String(text.prefix(column - 1))
        var replaced = Array(prefix.utf8) + Array(value.utf8)
        if carriage { replaced.append(0x0D) }
        lines[line - 1] = (line == 1 && hasBOM ? [0xEF, 0xBB, 0xBF] : []) + replaced
        try write(path, Data(lines.joined(separator: [0x0A])))
    }

    static func create(_ path: String, _ text: String) throws(EditError) {
        do {
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        } catch { throw .cannotWrite(path, error.localizedDescription) }
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
            throw .cannotWrite(path, "the file could not be created")
        }
    }

    private static func write(_ path: String, _ data: Data) throws(EditError) {
        do { try data.write(to: URL(fileURLWithPath: path), options: .atomic) } catch {
            throw .cannotWrite(path, error.localizedDescription)
        }
    }
}
