import CCmarkGFM
import Foundation

/// A link or image destination as written in Markdown, with where it stands in the file.
public struct MarkdownLink: Sendable {
    public var destination: String
    public var isImage: Bool
    public var line: Int
    public var column: Int
    /// For images: the text alternative (`![this](…)`).
    public var altText: String = ""
}

/// A heading of the body, with the id it was given.
public struct MarkdownHeading: Sendable {
    public var level: Int
    public var id: String
    public var text: String
}

public struct RenderedMarkdown: Sendable {
    public var html: String
    public var headings: [MarkdownHeading]
}

/// The only code that touches cmark-gfm: C pointers never leave this file.
public enum MarkdownRenderer {
    /// cmark-gfm 0.29.0.gfm.6 adds and removes inline "special characters" in process-wide
    /// tables around the inline pass of each parse (`process_inlines` in `cmark_parser_finish`),
    /// so overlapping inline passes corrupt each other. That pass runs under this lock; block
    /// parsing, walking and rendering a tree are per-document and run freely.
    private static let parseLock = NSLock()

    /// `cmark_gfm_core_extensions_ensure_registered` is not thread safe: run it once.
    private static let extensionsRegistered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

    /// Renders `markdown` to HTML. Headings get unique ids folded like slugs; every link and
    /// image destination passes through `rewrite`, which returns the URL to use, or "" to
    /// remove the address: a link then leaves its text, an image its alt text. Lines are
    /// counted from `firstLine` so they are lines of the file.
    public static func render(
        _ markdown: String, allowRawHTML: Bool, firstLine: Int = 1,
        rewrite: (MarkdownLink) -> String, picture: ((MarkdownLink) -> String?)? = nil
    ) -> RenderedMarkdown {
        _ = extensionsRegistered
        // Footnotes; tables with style attributes (HTML5 has no `align`). Without
        // CMARK_OPT_UNSAFE cmark replaces raw HTML by a comment and drops unsafe URLs.
        var options = CMARK_OPT_FOOTNOTES | CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES | CMARK_OPT_VALIDATE_UTF8
        if allowRawHTML { options |= CMARK_OPT_UNSAFE }

        let parser = cmark_parser_new(options)!
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            if let ext = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, ext) }
        }
        // Feeding builds the blocks, which reads no shared table (the reference definitions it
        // parses included); the tables are set and cleared inside `cmark_parser_finish`, around
        // its inline pass, so only that holds the lock.
        markdown.utf8CString.withUnsafeBufferPointer { buffer in
            cmark_parser_feed(parser, buffer.baseAddress, buffer.count - 1)
        }
        parseLock.lock()
        let root = cmark_parser_finish(parser)!
        parseLock.unlock()
        defer { cmark_node_free(root) }

        var headings: [OpaquePointer] = []
        var links: [OpaquePointer] = []
        var tables: [OpaquePointer] = []
        let iterator = cmark_iter_new(root)
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator)
            else { continue }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_HEADING: headings.append(node)
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE: links.append(node)
            default:
                if let name = cmark_node_get_type_string(node), strcmp(name, "table") == 0 { tables.append(node) }
            }
        }
        cmark_iter_free(iterator)

        // Split as bytes: splitting Characters would run grapheme breaking over the whole body.
        let lines = links.isEmpty ? [] : markdown.utf8.split(separator: 0x0A, omittingEmptySubsequences: false)
        var rewrites: [(link: MarkdownLink, url: String, rewritten: String)] = []
        rewrites.reserveCapacity(links.count)
        for node in links {
            let isImage = cmark_node_get_type(node) == CMARK_NODE_IMAGE
            let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
            let (line, byteColumn) = place(of: node, url: url, in: lines)
            let link = MarkdownLink(
                destination: url, isImage: isImage, line: line + firstLine - 1,
                column: characterColumn(byteColumn: byteColumn, line: line, in: lines),
                altText: isImage ? plainText(node) : "")
            rewrites.append((link, url, rewrite(link)))
        }
        // Applied innermost first (the walk met outer nodes first): removing an image frees
        // the links inside its description, which must not be touched after.
        for (node, change) in zip(links, rewrites).reversed() {
            if change.rewritten.isEmpty {
                removeAddress(of: node, isImage: change.link.isImage, altText: change.link.altText)
            } else if change.link.isImage, let html = picture?(change.link) {
                replaceImage(node, html: html)
            } else if change.rewritten != change.url {
                cmark_node_set_url(node, change.rewritten)
            }
        }

        // The old headings, unlinked: the text of their inline children (raw HTML included)
        // still points into their buffers, so they are freed only once the HTML is written.
        var replacedHeadings: [OpaquePointer] = []
        defer { for heading in replacedHeadings { cmark_node_free(heading) } }
        var usedIDs: [String: Int] = [:]
        var result: [MarkdownHeading] = []
        for node in headings {
            let text = plainText(node)
            var id = Slug.make(text)
            if id.isEmpty { id = "section" }
            if let count = usedIDs[id] {
                var n = count
                var candidate: String
                repeat {
                    n += 1
                    candidate = "\(id)-\(n)"
                } while usedIDs[candidate] != nil
                usedIDs[id] = n
                id = candidate
            }
            usedIDs[id] = usedIDs[id] ?? 0
            let level = Int(cmark_node_get_heading_level(node))
            result.append(MarkdownHeading(level: level, id: id, text: text))
            replaceHeading(node, level: level, id: id)
            replacedHeadings.append(node)
        }

        for table in tables { wrapTable(table) }

        let extensions = cmark_parser_get_syntax_extensions(parser)
        let rendered = cmark_render_html(root, options, extensions)!
        defer { free(rendered) }
        return RenderedMarkdown(html: withoutControlCharacters(rendered), headings: result)
    }

    /// cmark decodes numeric character references as written, so `&#1;` in a body becomes
    /// U+0001 in the HTML, which HTML forbids (and feeds, being XML, cannot hold). Text read
    /// from files has no control characters left (TextInput), so only references make them:
    /// they are dropped here, in one pass over the bytes that copies nothing when none is found.
    static func withoutControlCharacters(_ html: UnsafePointer<CChar>) -> String {
        let count = strlen(html)
        let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(html).assumingMemoryBound(to: UInt8.self), count: count)
        func isControl(_ index: Int) -> Int {  // how many bytes a control character takes there, or 0
            let byte = bytes[index]
            if byte < 0x20 { return byte == 0x09 || byte == 0x0A || byte == 0x0D ? 0 : 1 }
            if byte == 0x7F { return 1 }
            if byte == 0xC2, index + 1 < count, (0x80...0x9F).contains(bytes[index + 1]) { return 2 }
            return 0
        }
        var index = 0
        while index < count && isControl(index) == 0 { index += 1 }
        guard index < count else { return String(decoding: bytes, as: UTF8.self) }
        var kept = Array(bytes[..<index])
        kept.reserveCapacity(count)
        while index < count {
            let width = isControl(index)
            if width == 0 {
                kept.append(bytes[index])
                index += 1
            } else {
                index += width
            }
        }
        return String(decoding: kept, as: UTF8.self)
    }

    /// A link or image without its address: `<a href="">` would point at the page itself and
    /// `<img src="">` is not valid HTML (cmark writes both for the addresses it refuses), so a
    /// link gives way to its text, with its emphasis and code, and an image to its alt text,
    /// as plain text that the renderer escapes.
    private static func removeAddress(of node: OpaquePointer, isImage: Bool, altText: String) {
        if isImage {
            if !altText.isEmpty {
                let text = cmark_node_new(CMARK_NODE_TEXT)!
                cmark_node_set_literal(text, altText)
                cmark_node_insert_before(node, text)
            }
        } else {
            while let child = cmark_node_first_child(node) {
                cmark_node_unlink(child)
                cmark_node_insert_before(node, child)
            }
        }
        cmark_node_unlink(node)
        cmark_node_free(node)
    }

    /// A photo's `<picture>` in the image's place. An image alone in its paragraph becomes a
    /// `<figure>`, its title (`![alt](a.jpg "title")`) the figure's caption.
    private static func replaceImage(_ image: OpaquePointer, html: String) {
        let title = cmark_node_get_title(image).map { String(cString: $0) } ?? ""
        let parent = cmark_node_parent(image)
        let alone =
            parent.map { cmark_node_get_type($0) == CMARK_NODE_PARAGRAPH } == true
            && cmark_node_first_child(parent) == image && cmark_node_last_child(parent) == image
        if alone, let paragraph = parent {
            let caption = title.isEmpty ? "" : "<figcaption>\(PortalHTML().escapeText(title))</figcaption>"
            let figure = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)!
            cmark_node_set_on_enter(figure, "<figure class=\"photo\">\(html)\(caption)</figure>")
            cmark_node_set_on_exit(figure, "")
            cmark_node_insert_before(paragraph, figure)
            cmark_node_unlink(paragraph)
            cmark_node_free(paragraph)
        } else {
            let inline = cmark_node_new(CMARK_NODE_CUSTOM_INLINE)!
            cmark_node_set_on_enter(inline, html)
            cmark_node_set_on_exit(inline, "")
            cmark_node_insert_before(image, inline)
            cmark_node_unlink(image)
            cmark_node_free(image)
        }
    }

    /// Where a link starts (line, byte column). Links made by the autolink extension, and the
    /// links of a paragraph the table extension turned into a table, have no place (0, 0), and
    /// `www.` autolinks one a byte early: when what stands at cmark's place is not the start
    /// of the link as written, the place is where its address first appears within the nearest
    /// block that has a place, else that block's start (found by fuzz-markdown).
    private static func place(of node: OpaquePointer, url: String, in lines: [Substring.UTF8View]) -> (Int, Int) {
        let line = Int(cmark_node_get_start_line(node))
        let column = Int(cmark_node_get_start_column(node))
        // An autolink's text is its address as written (`www.a.vn` for `http://www.a.vn`).
        let written = cmark_node_first_child(node).flatMap { cmark_node_get_literal($0) }.map { String(cString: $0) }
        if line >= 1, line <= lines.count, column >= 1 {
            let rest = lines[line - 1].dropFirst(column - 1)
            let starts = ["[", "![", "<", written ?? "["].contains { rest.starts(with: $0.utf8) }
            if starts { return (line, column) }
        }
        var block = line > 0 ? node : cmark_node_parent(node)
        while let current = block, cmark_node_get_start_line(current) <= 0 { block = cmark_node_parent(current) }
        guard let block else { return (1, 1) }
        let first = Int(cmark_node_get_start_line(block))
        let last = max(first, Int(cmark_node_get_end_line(block)))
        for needle in [url, written].compactMap({ $0 }) where !needle.isEmpty {
            let bytes = Array(needle.utf8)
            for number in first...last where number <= lines.count {
                let text = Array(lines[number - 1])
                guard text.count >= bytes.count else { continue }
                for start in 0...(text.count - bytes.count)
                where text[start..<(start + bytes.count)].elementsEqual(bytes) {
                    // A Markdown link starts at its `[`: step back to it when the address is in `](…)`.
                    if start >= 2, text[start - 1] == UInt8(ascii: "("), text[start - 2] == UInt8(ascii: "]"),
                        let open = text[..<(start - 2)].lastIndex(of: UInt8(ascii: "["))
                    {
                        return (number, open > 0 && text[open - 1] == UInt8(ascii: "!") ? open : open + 1)
                    }
                    return (number, start + 1)
                }
            }
        }
        return line > 0 ? (line, max(column, 1)) : (first, max(1, Int(cmark_node_get_start_column(block))))
    }

    /// cmark counts columns in bytes; editors count characters ("Đọc" is 3, not 6).
    private static func characterColumn(byteColumn: Int, line: Int, in lines: [Substring.UTF8View]) -> Int {
        guard line >= 1, line <= lines.count, byteColumn >= 1 else { return byteColumn }
        let utf8 = lines[line - 1]
        guard let end = utf8.index(utf8.startIndex, offsetBy: byteColumn - 1, limitedBy: utf8.endIndex) else {
            return byteColumn
        }
        let before = utf8[..<end]
        // Only text before the link that is not ASCII needs counting as Characters.
        if before.allSatisfy({ $0 < 0x80 }) { return before.count + 1 }
        return String(decoding: before, as: UTF8.self).count + 1
    }

    /// cmark writes `<h2>` without attributes: a custom block carrying the opening and
    /// closing tags takes the heading's place and keeps its children. The heading is left
    /// unlinked, not freed: its children's text lives in its buffer (found by fuzz-markdown).
    private static func replaceHeading(_ heading: OpaquePointer, level: Int, id: String) {
        let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)!
        cmark_node_set_on_enter(block, "<h\(level) id=\"\(id)\">")
        cmark_node_set_on_exit(block, "</h\(level)>")
        while let child = cmark_node_first_child(heading) {
            cmark_node_unlink(child)
            cmark_node_append_child(block, child)
        }
        cmark_node_insert_before(heading, block)
        cmark_node_unlink(heading)
    }

    /// Wide tables scroll inside a box of their own instead of the page; the box is a labelled,
    /// focusable region so keyboard users can scroll it too (WCAG 2.1.1). Its name is the header
    /// row's text.
    private static func wrapTable(_ table: OpaquePointer) {
        var label = cmark_node_first_child(table).map(plainTextOfCells) ?? ""
        if label.count > 80 { label = String(label.prefix(80)) + "…" }
        let escaped = label.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "<", with: "&lt;")
        let box = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)!
        cmark_node_set_on_enter(
            box, "<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"\(escaped)\">")
        cmark_node_set_on_exit(box, "</div>")
        cmark_node_insert_before(table, box)
        cmark_node_unlink(table)
        cmark_node_append_child(box, table)
    }

    /// A table row's cells as "a, b, c".
    private static func plainTextOfCells(_ row: OpaquePointer) -> String {
        var cells: [String] = []
        var cell = cmark_node_first_child(row)
        while let current = cell {
            let text = plainText(current).trimmingCharacters(in: .whitespaces)
            if !text.isEmpty { cells.append(text) }
            cell = cmark_node_next(current)
        }
        return cells.joined(separator: ", ")
    }

    /// The text a reader sees in a node: its text and code spans, marks included.
    private static func plainText(_ node: OpaquePointer) -> String {
        var text = ""
        let iterator = cmark_iter_new(node)
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iterator)
            else { continue }
            switch cmark_node_get_type(child) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if let literal = cmark_node_get_literal(child) { text += String(cString: literal) }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text += " "
            default: break
            }
        }
        cmark_iter_free(iterator)
        return text
    }
}
