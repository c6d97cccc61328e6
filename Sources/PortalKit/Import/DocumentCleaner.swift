import Foundation

/// Turns the document pandoc read (its JSON model, with `--track-changes=all`) into the body of
/// a post: what Markdown and the site keep (headings, paragraphs, lists, tables, links, bold,
/// italic, strikethrough, footnotes, images), without what Word leaves around it: empty
/// paragraphs, line breaks typed for spacing, bookmarks, styles, spans and their attributes.
/// Tracked changes are accepted (the text Word shows with "No Markup": what the sender last
/// saw), comments and raw Word or HTML fragments are left out; every such finding is a warning.
/// Pure: the images are named here but copied by `WordImport`.
struct DocumentCleaner {
    /// The images pandoc extracted (their paths in its JSON) and what they are.
    var imageKinds: [String: ImageKind]
    /// Where the post's images go on the site: `/media/<slug>`.
    var mediaPath: String
    var namer: ImageNamer
    /// The document's path, for warnings.
    var document: String

    private(set) var images: [ImportedImage] = []
    private(set) var warnings: [ImportWarning] = []
    private var tableWarned = false
    private var contentsWarned = false

    init(imageKinds: [String: ImageKind], mediaPath: String, namer: ImageNamer, document: String) {
        self.imageKinds = imageKinds
        self.mediaPath = mediaPath
        self.namer = namer
        self.document = document
    }

    // MARK: Title

    /// The post's title and the blocks without it: the document's own title (Word's Title
    /// style, which pandoc reads into `meta.title`), else its first heading. The block that
    /// carries the title is removed when it opens the document, since the site prints the title
    /// above the body; a first heading further down stays where it is. `documentTitle` (an
    /// OpenDocument's `dc:title`, which pandoc does not read) counts when the document opens
    /// with it (LibreOffice's Title paragraph) or has no heading: a title left in a template's
    /// properties must not win over the heading the sender wrote.
    static func takeTitle(meta: PandocJSON?, blocks: [PandocJSON], documentTitle: String?) -> (
        title: String?, blocks: [PandocJSON]
    ) {
        var blocks = blocks
        // The first block that holds text: an empty paragraph may come before the title.
        let first = blocks.firstIndex { !plainText(of: [$0]).trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        let opensWith = { (title: String) -> Bool in
            guard let first, ["Header", "Para", "Plain"].contains(blocks[first].tag) else { return false }
            return sameText(plainText(of: [blocks[first]]), title)
        }
        if let title = meta?["title"].flatMap(metaText).flatMap(nonEmpty) {
            if opensWith(title) { blocks.remove(at: first!) }
            return (title, blocks)
        }
        let stored = documentTitle.flatMap(nonEmpty)
        if let stored, opensWith(stored) {
            blocks.remove(at: first!)
            return (stored, blocks)
        }
        guard let heading = blocks.firstIndex(where: { $0.tag == "Header" }) else { return (stored, blocks) }
        let title = nonEmpty(plainText(of: [blocks[heading]]))
        if heading == first { blocks.remove(at: heading) }
        return (title, blocks)
    }

    /// What pandoc's Word reader takes out of the body into metadata besides the title —
    /// paragraphs in Word's Subtitle and Abstract styles, often the lead of a news item — as
    /// paragraphs to put back at the top of the body, so no text is lost.
    static func leadBlocks(meta: PandocJSON?) -> [PandocJSON] {
        ["subtitle", "abstract"].flatMap { key -> [PandocJSON] in
            guard let value = meta?[key] else { return [] }
            switch value.tag {
            case "MetaInlines", "MetaString":
                guard let text = metaText(value).flatMap(nonEmpty) else { return [] }
                return [
                    .node("Para", value.tag == "MetaInlines" ? value.content! : .array([.node("Str", .string(text))]))
                ]
            case "MetaBlocks": return value.content?.array ?? []
            default: return []
            }
        }
    }

    private static func metaText(_ value: PandocJSON) -> String? {
        switch value.tag {
        case "MetaString": value.content?.string
        case "MetaInlines": plainText(inlines: value.content?.array ?? [])
        case "MetaBlocks": plainText(of: value.content?.array ?? [])
        default: nil
        }
    }

    private static func nonEmpty(_ text: String) -> String? {
        let trimmed = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return trimmed.isEmpty ? nil : trimmed
    }

    private static func sameText(_ a: String, _ b: String) -> Bool {
        TextInput.nfc(nonEmpty(a) ?? "") == TextInput.nfc(nonEmpty(b) ?? "")
    }

    /// The text of blocks or inlines, spaces and line breaks as single spaces.
    static func plainText(of blocks: [PandocJSON]) -> String {
        blocks.map { block -> String in
            switch block.tag {
            case "Para", "Plain": plainText(inlines: block.content?.array ?? [])
            case "Header": plainText(inlines: block.content?[2]?.array ?? [])
            case "Div", "BlockQuote":
                plainText(of: (block.tag == "Div" ? block.content?[1] : block.content)?.array ?? [])
            case "BulletList": (block.content?.array ?? []).map { plainText(of: $0.array ?? []) }.joined(separator: " ")
            case "OrderedList":
                (block.content?[1]?.array ?? []).map { plainText(of: $0.array ?? []) }.joined(separator: " ")
            default: ""
            }
        }.filter { !$0.isEmpty }.joined(separator: " ")
    }

    static func plainText(inlines: [PandocJSON]) -> String {
        var text = ""
        for inline in inlines {
            switch inline.tag {
            case "Str": text += inline.content?.string ?? ""
            case "Space", "SoftBreak", "LineBreak": text += " "
            case "Code", "Math": text += inline.content?[1]?.string ?? ""
            case "Emph", "Strong", "Underline", "Strikeout", "SmallCaps", "Superscript", "Subscript":
                text += plainText(inlines: inline.content?.array ?? [])
            case "Span", "Quoted", "Cite", "Link", "Image":
                let words = plainText(inlines: inline.content?[1]?.array ?? [])
                if inline.tag == "Quoted" {
                    text += inline.content?[0]?.tag == "SingleQuote" ? "‘\(words)’" : "“\(words)”"
                } else if !(inline.tag == "Span" && isDeletion(inline)) {
                    text += words
                }
            default: break
            }
        }
        return text
    }

    private static func isDeletion(_ span: PandocJSON) -> Bool {
        PandocJSON.classes(of: span.content?[0]).contains { $0 == "deletion" || $0 == "comment-start" }
    }

    // MARK: Headings

    /// Headings moved so the highest is level 2: level 1 is the post's title on the page.
    static func shiftHeadings(_ blocks: [PandocJSON]) -> [PandocJSON] {
        let levels = blocks.compactMap { $0.tag == "Header" ? $0.content?[0]?.int : nil }
        guard let top = levels.min(), top != 2 else { return blocks }
        return blocks.map { block in
            guard block.tag == "Header", let level = block.content?[0]?.int, let rest = block.content?.array else {
                return block
            }
            return .node("Header", .array([.int(min(6, level - top + 2))] + rest.dropFirst()))
        }
    }

    // MARK: Blocks

    mutating func clean(blocks: [PandocJSON]) -> [PandocJSON] {
        blocks.flatMap { clean(block: $0) }
    }

    private mutating func clean(block: PandocJSON) -> [PandocJSON] {
        let content = block.content
        switch block.tag {
        case "Para", "Plain":
            let inlines = content?.array ?? []
            // Word's table of contents: paragraphs of links to its hidden `_Toc` bookmarks
            // (with the page numbers); the site shows the post on one page, without one.
            if inlines.contains(where: { $0.tag == "Link" }),
                inlines.allSatisfy({ Self.isBlank($0) || Self.isTableOfContentsLink($0) })
            {
                if !contentsWarned { warnings.append(.tableOfContentsLeftOut(document: document)) }
                contentsWarned = true
                return []
            }
            let tag = block.tag!
            return Self.paragraphs(clean(inlines: inlines)).map { .node(tag, .array($0)) }
        case "Header":
            let inlines = Self.trimmed(clean(inlines: content?[2]?.array ?? []).map(Self.lineBreakAsSpace))
            guard !inlines.isEmpty, let level = content?[0] else { return [] }
            return [.node("Header", .array([level, PandocJSON.noAttributes, .array(inlines)]))]
        case "BulletList":
            let items = cleanItems(content?.array ?? [])
            return items.isEmpty ? [] : [.node("BulletList", .array(items))]
        case "OrderedList":
            let items = cleanItems(content?[1]?.array ?? [])
            // The start number is kept; Word's numbering styles (a., i., (1)) are not Markdown's.
            let start = content?[0]?[0] ?? .int(1)
            let attributes: PandocJSON = .array([start, .node("DefaultStyle"), .node("DefaultDelim")])
            return items.isEmpty ? [] : [.node("OrderedList", .array([attributes, .array(items)]))]
        case "BlockQuote":
            let inner = clean(blocks: content?.array ?? [])
            return inner.isEmpty ? [] : [.node("BlockQuote", .array(inner))]
        case "Div":
            return clean(blocks: content?[1]?.array ?? [])
        case "LineBlock":
            let lines = (content?.array ?? []).map { $0.array ?? [] }
            let joined = Array(lines.map { $0 }.joined(separator: [PandocJSON.node("LineBreak")]))
            return clean(block: .node("Para", .array(joined)))
        case "DefinitionList":
            // Markdown has no definition lists: each term becomes a bold line over its text.
            return (content?.array ?? []).flatMap { entry -> [PandocJSON] in
                let term = clean(block: .node("Para", .array([.node("Strong", entry[0] ?? .array([]))])))
                let definitions = (entry[1]?.array ?? []).flatMap { clean(blocks: $0.array ?? []) }
                return term + definitions
            }
        case "CodeBlock":
            guard let text = content?[1], text.string?.isEmpty == false else { return [] }
            return [.node("CodeBlock", .array([PandocJSON.noAttributes, text]))]
        case "HorizontalRule":
            return [block]
        case "Table":
            return cleanTable(block)
        default:
            // RawBlock (Word or HTML fragments), Null, and anything newer than this code knows.
            return []
        }
    }

    private mutating func cleanItems(_ items: [PandocJSON]) -> [PandocJSON] {
        items.compactMap { item in
            let blocks = clean(blocks: item.array ?? [])
            return blocks.isEmpty ? nil : .array(blocks)
        }
    }

    // MARK: Tables

    /// A table as a pipe table can hold it: a header row (the first row when Word marked none),
    /// every row as wide as the table, each cell one line of text. Merged cells are split into
    /// the first cell and empty ones; a cell's paragraphs and lists run together.
    private mutating func cleanTable(_ table: PandocJSON) -> [PandocJSON] {
        guard let parts = table.content?.array, parts.count == 6 else { return [] }
        let caption = clean(blocks: parts[1][1]?.array ?? [])
        let columns = max(1, parts[2].array?.count ?? 1)
        var rows: [PandocJSON] = parts[3][1]?.array ?? []
        for body in parts[4].array ?? [] {
            rows += (body[2]?.array ?? []) + (body[3]?.array ?? [])
        }
        rows += parts[5][1]?.array ?? []
        var simplified = false
        var grid: [[[PandocJSON]?]] = []
        var pending: [Int: Int] = [:]  // column → rows still covered by a cell above
        for row in rows {
            var line: [[PandocJSON]?] = []
            var column = 0
            for cell in row[1]?.array ?? [] {
                while let left = pending[column], left > 0 {
                    line.append([])
                    pending[column] = left - 1
                    column += 1
                }
                let rowSpan = cell[2]?.int ?? 1
                let columnSpan = cell[3]?.int ?? 1
                let blocks = clean(blocks: cell[4]?.array ?? [])
                if rowSpan > 1 || columnSpan > 1 || blocks.count > 1
                    || blocks.contains(where: { !["Plain", "Para"].contains($0.tag) })
                {
                    simplified = true
                }
                line.append(Self.cellInlines(blocks))
                for extra in 0..<columnSpan {
                    if rowSpan > 1 { pending[column + extra] = rowSpan - 1 }
                    if extra > 0 { line.append([]) }
                }
                column += columnSpan
            }
            while column < columns {
                if let left = pending[column], left > 0 { pending[column] = left - 1 }
                line.append([])
                column += 1
            }
            grid.append(Array(line.prefix(columns)))
        }
        grid.removeAll { row in row.allSatisfy { ($0 ?? []).isEmpty } }
        guard !grid.isEmpty else { return caption }
        if simplified && !tableWarned {
            warnings.append(.tableSimplified(document: document))
            tableWarned = true
        }
        func row(_ cells: [[PandocJSON]?]) -> PandocJSON {
            .array([
                PandocJSON.noAttributes,
                .array(
                    cells.map {
                        .array([
                            PandocJSON.noAttributes, .node("AlignDefault"), .int(1), .int(1),
                            .array(($0 ?? []).isEmpty ? [] : [.node("Plain", .array($0 ?? []))]),
                        ])
                    }),
            ])
        }
        // Word marks a header row only when the table's style says so; a pipe table needs one.
        let head = grid[0]
        let body = Array(grid.dropFirst())
        let table: PandocJSON = .node(
            "Table",
            .array([
                PandocJSON.noAttributes,
                .array([.null, .array([])]),
                .array(Array(repeating: .array([.node("AlignDefault"), .node("ColWidthDefault")]), count: columns)),
                .array([PandocJSON.noAttributes, .array([row(head)])]),
                .array([.array([PandocJSON.noAttributes, .int(0), .array([]), .array(body.map(row))])]),
                .array([PandocJSON.noAttributes, .array([])]),
            ]))
        return caption + [table]
    }

    /// A cell's blocks as one line: paragraphs and list items joined by spaces.
    private static func cellInlines(_ blocks: [PandocJSON]) -> [PandocJSON] {
        var inlines: [PandocJSON] = []
        for block in blocks {
            let parts: [PandocJSON]
            switch block.tag {
            case "Para", "Plain": parts = block.content?.array ?? []
            case "Header": parts = block.content?[2]?.array ?? []
            case "BulletList", "OrderedList", "BlockQuote", "Div":
                let text = plainText(of: [block])
                parts = text.isEmpty ? [] : [.node("Str", .string(text))]
            default: parts = []
            }
            if !parts.isEmpty {
                if !inlines.isEmpty { inlines.append(.node("Space")) }
                inlines += parts.map(lineBreakAsSpace)
            }
        }
        return trimmed(inlines)
    }

    // MARK: Inlines

    private mutating func clean(inlines: [PandocJSON]) -> [PandocJSON] {
        var result: [PandocJSON] = []
        for inline in inlines {
            result += clean(inline: inline)
        }
        return result
    }

    private mutating func clean(inline: PandocJSON) -> [PandocJSON] {
        let content = inline.content
        switch inline.tag {
        case "Str", "Space", "SoftBreak", "LineBreak", "Math":
            return [inline]
        case "Code":
            return [.node("Code", .array([PandocJSON.noAttributes, content?[1] ?? .string("")]))]
        case "Emph", "Strong", "Strikeout":
            let inner = clean(inlines: content?.array ?? [])
            // Bold or italic around nothing but spaces (common in Word) would print `** **`.
            if inner.allSatisfy(Self.isBlank) { return inner.isEmpty ? [] : [.node("Space")] }
            return [.node(inline.tag!, .array(inner))]
        case "Underline", "SmallCaps", "Superscript", "Subscript":
            // Styles the site does not print: the text stays.
            return clean(inlines: content?.array ?? [])
        case "Quoted":
            return [
                .node(
                    "Quoted",
                    .array([content?[0] ?? .node("DoubleQuote"), .array(clean(inlines: content?[1]?.array ?? []))]))
            ]
        case "Cite":
            return clean(inlines: content?[1]?.array ?? [])
        case "Span":
            return clean(span: inline)
        case "Link":
            return clean(link: inline)
        case "Image":
            return clean(image: inline)
        case "Note":
            let blocks = clean(blocks: content?.array ?? [])
            return blocks.isEmpty ? [] : [.node("Note", .array(blocks))]
        default:
            // RawInline (Word fields, HTML), and anything newer than this code knows.
            return []
        }
    }

    /// Spans carry Word's bookmarks, styles and, with `--track-changes=all`, its tracked changes
    /// and comments: insertions are kept, deletions and comments left out, each one reported.
    private mutating func clean(span: PandocJSON) -> [PandocJSON] {
        let attributes = span.content?[0]
        let inlines = span.content?[1]?.array ?? []
        let classes = PandocJSON.classes(of: attributes)
        let author = PandocJSON.value("author", in: attributes) ?? "?"
        let text = Self.excerpt(Self.plainText(inlines: inlines))
        if classes.contains("comment-start") {
            warnings.append(.comment(author: author, text: text, document: document))
            return []
        }
        if classes.contains("comment-end") { return [] }
        if classes.contains("deletion") {
            if !text.isEmpty { warnings.append(.deletionAccepted(author: author, text: text, document: document)) }
            return []
        }
        if classes.contains("insertion"), !text.isEmpty {
            warnings.append(.insertionAccepted(author: author, text: text, document: document))
        }
        return clean(inlines: inlines)
    }

    private mutating func clean(link: PandocJSON) -> [PandocJSON] {
        let inner = clean(inlines: link.content?[1]?.array ?? [])
        let url = (link.content?[2]?[0]?.string ?? "").trimmingCharacters(in: .whitespaces)
        let lowered = url.lowercased()
        // Internal links lead to Word's bookmarks, which are not kept.
        if url.hasPrefix("#") || url.isEmpty { return inner }
        guard ["http://", "https://", "mailto:", "tel:"].contains(where: lowered.hasPrefix) else {
            warnings.append(
                .linkRemoved(
                    url: url, text: Self.excerpt(Self.plainText(inlines: inner)), document: document))
            return inner
        }
        let text = inner.allSatisfy(Self.isBlank) ? [PandocJSON.node("Str", .string(url))] : inner
        return [.node("Link", .array([PandocJSON.noAttributes, .array(text), .array([.string(url), .string("")])]))]
    }

    private mutating func clean(image: PandocJSON) -> [PandocJSON] {
        guard let source = image.content?[2]?[0]?.string else { return [] }
        let alt = Self.plainText(inlines: image.content?[1]?.array ?? [])
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let name: String
        if let known = images.first(where: { $0.source == source }) {
            guard let file = known.fileName else { return [] }
            name = file
        } else {
            let kind = imageKinds[source] ?? .other(format: Self.formatName(of: source))
            guard let ext = kind.fileExtension else {
                images.append(ImportedImage(source: source, fileName: nil, alt: alt))
                warnings.append(
                    .imageLeftOut(
                        name: (source as NSString).lastPathComponent, format: kind.name, document: document))
                return []
            }
            name = namer.name(alt: alt, index: images.count + 1, fileExtension: ext)
            images.append(ImportedImage(source: source, fileName: name, alt: alt))
        }
        return [
            .node(
                "Image",
                .array([
                    PandocJSON.noAttributes, .array(alt.isEmpty ? [] : [.node("Str", .string(alt))]),
                    .array([.string("\(mediaPath)/\(name)"), .string("")]),
                ]))
        ]
    }

    private static func isTableOfContentsLink(_ inline: PandocJSON) -> Bool {
        inline.tag == "Link" && (inline.content?[2]?[0]?.string ?? "").hasPrefix("#_Toc")
    }

    private static func formatName(of path: String) -> String {
        let ext = (path as NSString).pathExtension.uppercased()
        return ext.isEmpty ? "an unknown format" : ext
    }

    // MARK: Spacing

    static func isBlank(_ inline: PandocJSON) -> Bool {
        switch inline.tag {
        case "Space", "SoftBreak", "LineBreak": true
        case "Str": (inline.content?.string ?? "").allSatisfy(\.isWhitespace)
        case "Emph", "Strong", "Strikeout", "Underline", "SmallCaps", "Superscript", "Subscript":
            (inline.content?.array ?? []).allSatisfy(isBlank)
        default: false
        }
    }

    private static func lineBreakAsSpace(_ inline: PandocJSON) -> PandocJSON {
        inline.tag == "LineBreak" || inline.tag == "SoftBreak" ? .node("Space") : inline
    }

    /// Without blank inlines at either end, and spaces in a row as one.
    static func trimmed(_ inlines: [PandocJSON]) -> [PandocJSON] {
        var result = Array(inlines.drop(while: isBlank).reversed().drop(while: isBlank).reversed())
        var index = 1
        while index < result.count {
            if result[index].tag == "Space", ["Space", "SoftBreak"].contains(result[index - 1].tag) {
                result.remove(at: index)
            } else {
                index += 1
            }
        }
        return result
    }

    /// A paragraph's inlines as the paragraphs they are: two or more line breaks in a row
    /// (Shift+Enter typed for spacing) end a paragraph, line breaks at either end go, a single
    /// one inside stays (an address, the lines of a signature). Nothing is left of a paragraph
    /// that held only spaces and breaks.
    static func paragraphs(_ inlines: [PandocJSON]) -> [[PandocJSON]] {
        var result: [[PandocJSON]] = []
        var current: [PandocJSON] = []
        var index = 0
        while index < inlines.count {
            if inlines[index].tag == "LineBreak" {
                var end = index
                var breaks = 0
                while end < inlines.count, isBlank(inlines[end]) {
                    if inlines[end].tag == "LineBreak" { breaks += 1 }
                    end += 1
                }
                if breaks >= 2 {
                    result.append(current)
                    current = []
                } else {
                    current.append(.node("LineBreak"))
                }
                index = end
                continue
            }
            current.append(inlines[index])
            index += 1
        }
        result.append(current)
        return result.map(trimmed).filter { !$0.isEmpty }
    }

    /// A finding's text, short enough for one line of a warning.
    static func excerpt(_ text: String) -> String {
        let words = TextInput.nfc(text).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return words.count > 80 ? String(words.prefix(79)) + "…" : words
    }
}

/// One image of the document: where pandoc put it, its file name in the post's media folder
/// (nil: left out), and its description.
struct ImportedImage: Sendable, Equatable {
    var source: String
    var fileName: String?
    var alt: String
}
