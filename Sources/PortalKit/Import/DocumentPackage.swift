import Foundation
import ZIPFoundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// What pandoc does not say about a document, read from the document's own XML: text boxes
/// (pandoc's readers drop them without a word), and for OpenDocument the images' descriptions,
/// the title, comments and tracked changes (pandoc's ODT reader ignores descriptions and the
/// title, drops comments and applies tracked changes silently). Element names are matched with
/// the prefixes Word and LibreOffice write (`w:`, `draw:`, `svg:`…).
struct DocumentPackage: Sendable {
    enum Format: String, Sendable { case docx, odt }

    var format: Format
    /// The text of each text box (of those Word stores twice, for old readers, once).
    var textBoxes: [String] = []
    /// OpenDocument: an image's description (LibreOffice's Description, else its Text
    /// Alternative) by its path inside the package (`Pictures/1000….png`).
    var imageDescriptions: [String: String] = [:]
    /// OpenDocument: each table's header rows (the cells' text), in document order; pandoc
    /// 2.17's ODT reader reads `table:table-header-rows` as empty cells, and LibreOffice puts a
    /// new table's first row there.
    var tableHeaders: [[[String]]] = []
    /// OpenDocument: `dc:title` of meta.xml.
    var title: String?
    /// OpenDocument: what pandoc dropped or applied without saying.
    var warnings: [(kind: Finding, author: String, text: String)] = []

    enum Finding: Sendable { case comment, insertion, deletion }

    static func format(of path: String) -> Format? {
        switch (path as NSString).pathExtension.lowercased() {
        case "docx": .docx
        case "odt": .odt
        default: nil
        }
    }

    /// Reads the parts of the package at `path` (a zip file).
    static func read(_ path: String, format: Format) throws(ImportError) -> DocumentPackage {
        let archive: Archive
        do { archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read) } catch {
            throw .cannotRead(path, .notAZip("\(error)"))
        }
        func part(_ name: String) -> Data? {
            guard let entry = archive[name] else { return nil }
            var data = Data()
            do { _ = try archive.extract(entry, skipCRC32: false) { data.append($0) } } catch { return nil }
            return data
        }
        var package = DocumentPackage(format: format)
        switch format {
        case .docx:
            guard let document = part("word/document.xml") else {
                throw .cannotRead(path, .notWord)
            }
            let scan = XMLScan.run(document, rules: .word)
            package.textBoxes = scan.textBoxes
        case .odt:
            guard let content = part("content.xml") else {
                throw .cannotRead(path, .notOpenDocument)
            }
            let scan = XMLScan.run(content, rules: .openDocument)
            package.textBoxes = scan.textBoxes
            package.imageDescriptions = scan.imageDescriptions
            package.tableHeaders = scan.tableHeaders
            package.warnings = scan.findings
            if let meta = part("meta.xml") {
                package.title = XMLScan.run(meta, rules: .openDocumentMeta).title
            }
        }
        return package
    }
}

/// One pass of XMLParser over a part, collecting what `DocumentPackage` needs.
private final class XMLScan: NSObject, XMLParserDelegate {
    enum Rules { case word, openDocument, openDocumentMeta }

    let rules: Rules
    var textBoxes: [String] = []
    var imageDescriptions: [String: String] = [:]
    var findings: [(kind: DocumentPackage.Finding, author: String, text: String)] = []
    var title: String?
    var tableHeaders: [[[String]]] = []

    private var stack: [String] = []
    /// Text being collected for the element opened at this depth of `stack`.
    private var collecting: (depth: Int, text: String)?
    // OpenDocument images: the frame's image and its descriptions.
    private var frameImage: String?
    private var frameTitle = ""
    private var frameDescription = ""
    // OpenDocument comments and tracked changes.
    private var author = ""
    /// The author's name being read (comments and changes name theirs in `dc:creator`).
    private var creator: String?
    private var inserted: [String: String] = [:]  // open insertions by change id
    private var insertionAuthors: [String: String] = [:]  // change id → author
    private var deletions: [String: (author: String, text: String)] = [:]
    private var regionID: String?
    private var regionKind: DocumentPackage.Finding?

    init(rules: Rules) { self.rules = rules }

    static func run(_ data: Data, rules: Rules) -> XMLScan {
        let scan = XMLScan(rules: rules)
        let parser = XMLParser(data: data)
        parser.delegate = scan
        parser.shouldResolveExternalEntities = false
        parser.parse()
        return scan
    }

    private func inside(_ name: String) -> Bool { stack.contains(name) }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        stack.append(name)
        switch (rules, name) {
        case (.word, "w:txbxContent"):
            // Word writes a text box twice (DrawingML, and VML in mc:Fallback): count it once.
            if collecting == nil, !inside("mc:Fallback") { collecting = (stack.count, "") }
        case (.word, "w:p"), (.openDocument, "text:p"), (.openDocument, "text:h"):
            if let open = collecting, !open.text.isEmpty, !open.text.hasSuffix(" ") { collecting?.text += " " }
        case (.openDocument, "draw:text-box"):
            if collecting == nil { collecting = (stack.count, "") }
        case (.openDocument, "table:table"):
            if stack.filter({ $0 == "table:table" }).count == 1 { tableHeaders.append([]) }
        case (.openDocument, "table:table-row"):
            if inside("table:table-header-rows"), !tableHeaders.isEmpty {
                tableHeaders[tableHeaders.count - 1].append([])
            }
        case (.openDocument, "table:table-cell"), (.openDocument, "table:covered-table-cell"):
            if inside("table:table-header-rows"), collecting == nil { collecting = (stack.count, "") }
        case (.openDocument, "draw:frame"):
            frameImage = nil
            frameTitle = ""
            frameDescription = ""
        case (.openDocument, "draw:image"):
            frameImage = attributes["xlink:href"]
        case (.openDocument, "svg:title"), (.openDocument, "svg:desc"):
            if collecting == nil { collecting = (stack.count, "") }
        case (.openDocument, "dc:creator"):
            creator = ""
        case (.openDocument, "office:annotation"):
            author = ""
            collecting = (stack.count, "")
        case (.openDocument, "text:changed-region"):
            regionID = attributes["text:id"]
            author = ""
        case (.openDocument, "text:insertion"):
            regionKind = .insertion
        case (.openDocument, "text:deletion"):
            regionKind = .deletion
            collecting = (stack.count, "")
        case (.openDocument, "text:change-start"):
            if let id = attributes["text:change-id"] { inserted[id] = "" }
        case (.openDocument, "text:change-end"):
            if let id = attributes["text:change-id"], let text = inserted.removeValue(forKey: id) {
                findings.append((.insertion, insertionAuthors[id] ?? "?", DocumentCleaner.excerpt(text)))
            }
        case (.openDocument, "text:change"):
            if let id = attributes["text:change-id"], let deletion = deletions[id] {
                findings.append((.deletion, deletion.author, deletion.text))
            }
        case (.openDocumentMeta, "dc:title"):
            collecting = (stack.count, "")
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if creator != nil {
            creator? += string
            return
        }
        if inside("dc:date") { return }
        if collecting != nil, rules != .word || stack.last == "w:t" { collecting?.text += string }
        for id in inserted.keys { inserted[id, default: ""] += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        defer { stack.removeLast() }
        if name == "dc:creator", let name = creator {
            author = name.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            creator = nil
            if regionKind == .insertion, let regionID { insertionAuthors[regionID] = author }
            return
        }
        guard let open = collecting, open.depth == stack.count else {
            if rules == .openDocument, name == "draw:frame", let image = frameImage {
                let text = frameDescription.isEmpty ? frameTitle : frameDescription
                if !text.isEmpty { imageDescriptions[image] = text }
            }
            if rules == .openDocument, name == "text:changed-region" {
                regionID = nil
                regionKind = nil
            }
            return
        }
        collecting = nil
        let text = open.text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        switch name {
        case "w:txbxContent", "draw:text-box":
            if !text.isEmpty { textBoxes.append(DocumentCleaner.excerpt(text)) }
        case "table:table-cell", "table:covered-table-cell":
            if let last = tableHeaders.indices.last, let row = tableHeaders[last].indices.last {
                tableHeaders[last][row].append(text)
            }
        case "svg:title": frameTitle = text
        case "svg:desc": frameDescription = text
        case "office:annotation":
            findings.append((.comment, author.isEmpty ? "?" : author, DocumentCleaner.excerpt(text)))
        case "text:deletion":
            if let regionID { deletions[regionID] = (author.isEmpty ? "?" : author, DocumentCleaner.excerpt(text)) }
        case "dc:title":
            title = text.isEmpty ? nil : text
        default: break
        }
    }
}
