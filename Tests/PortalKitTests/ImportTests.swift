import Foundation
import Testing

@testable import PortalKit

/// portal import: the cleaning of pandoc's model, the images' names and kinds, and one real
/// .docx (made by pandoc) imported into a site that then builds. The command line, .odt,
/// comments, tracked changes and text boxes end to end: Tests/site/test_import.py.
@Suite struct ImportTests {
    // Small builders for pandoc's model.
    static func str(_ text: String) -> PandocJSON { .node("Str", .string(text)) }
    static let space = PandocJSON.node("Space")
    static let br = PandocJSON.node("LineBreak")
    static func words(_ text: String) -> [PandocJSON] {
        var inlines: [PandocJSON] = []
        for word in text.split(separator: " ") {
            if !inlines.isEmpty { inlines.append(space) }
            inlines.append(str(String(word)))
        }
        return inlines
    }
    static func para(_ inlines: [PandocJSON]) -> PandocJSON { .node("Para", .array(inlines)) }
    static func header(_ level: Int, _ text: String, id: String = "") -> PandocJSON {
        .node("Header", .array([.int(level), .array([.string(id), .array([]), .array([])]), .array(words(text))]))
    }
    static func span(_ classes: [String], _ pairs: [(String, String)] = [], _ inlines: [PandocJSON]) -> PandocJSON {
        .node(
            "Span",
            .array([
                .array([
                    .string(""), .array(classes.map { .string($0) }),
                    .array(pairs.map { .array([.string($0.0), .string($0.1)]) }),
                ]),
                .array(inlines),
            ]))
    }
    static func link(_ text: String, _ url: String) -> PandocJSON {
        .node(
            "Link",
            .array([
                .array([.string("x"), .array([]), .array([])]), .array(words(text)),
                .array([.string(url), .string("")]),
            ]))
    }
    static func image(_ path: String, alt: String) -> PandocJSON {
        .node(
            "Image",
            .array([
                .array([.string(""), .array([]), .array([.array([.string("width"), .string("2in")])])]),
                .array(alt.isEmpty ? [] : words(alt)), .array([.string(path), .string("")]),
            ]))
    }

    func cleaner(kinds: [String: ImageKind] = [:]) -> DocumentCleaner {
        DocumentCleaner(
            imageKinds: kinds, mediaPath: "/media/bai", namer: ImageNamer(language: "vi"), document: "a.docx")
    }

    @Test func emptyParagraphsAndSpacingLineBreaksGo() {
        var cleaner = cleaner()
        let blocks = cleaner.clean(blocks: [
            Self.para([]),
            Self.para([Self.space, Self.br, Self.str(" ")]),
            Self.para(
                [Self.br] + Self.words("Một hai") + [Self.br, Self.space, Self.br] + Self.words("ba") + [Self.br]),
            Self.para(Self.words("Số 24") + [Self.br] + Self.words("Trần Phú")),
        ])
        #expect(
            blocks == [
                Self.para(Self.words("Một hai")), Self.para(Self.words("ba")),
                Self.para(Self.words("Số 24") + [Self.br] + Self.words("Trần Phú")),
            ])
        #expect(cleaner.warnings.isEmpty)
    }

    @Test func titleFromMetadataOrFirstHeading() {
        let body = [Self.para([]), Self.header(1, "Đà Nẵng đón đoàn"), Self.para(Self.words("Nội dung"))]
        let meta: PandocJSON = .object(["title": .node("MetaInlines", .array(Self.words("Đà Nẵng đón đoàn")))])
        let fromMeta = DocumentCleaner.takeTitle(meta: meta, blocks: body, documentTitle: nil)
        #expect(fromMeta.title == "Đà Nẵng đón đoàn")
        #expect(fromMeta.blocks == [Self.para([]), Self.para(Self.words("Nội dung"))])

        let fromHeading = DocumentCleaner.takeTitle(meta: .object([:]), blocks: body, documentTitle: nil)
        #expect(fromHeading.title == "Đà Nẵng đón đoàn")
        #expect(fromHeading.blocks == fromMeta.blocks)

        // A heading below the first paragraph names the post but stays in its place.
        let later = [Self.para(Self.words("Mở đầu")), Self.header(2, "Bối cảnh")]
        let kept = DocumentCleaner.takeTitle(meta: nil, blocks: later, documentTitle: nil)
        #expect(kept.title == "Bối cảnh")
        #expect(kept.blocks == later)

        // OpenDocument's title (meta.xml) removes the Title paragraph pandoc reads as text.
        let odt = DocumentCleaner.takeTitle(
            meta: nil, blocks: [Self.para(Self.words("Thông cáo")), Self.para(Self.words("x"))],
            documentTitle: "Thông cáo")
        #expect(odt.title == "Thông cáo")
        #expect(odt.blocks == [Self.para(Self.words("x"))])
        #expect(
            DocumentCleaner.takeTitle(meta: nil, blocks: [Self.para(Self.words("x"))], documentTitle: nil).title == nil)
        // A title left in the properties by a template loses to the sender's heading, and
        // serves only when there is no heading.
        let stale = DocumentCleaner.takeTitle(meta: nil, blocks: body, documentTitle: "Mẫu công văn")
        #expect(stale.title == "Đà Nẵng đón đoàn" && stale.blocks == fromMeta.blocks)
        #expect(
            DocumentCleaner.takeTitle(meta: nil, blocks: [Self.para(Self.words("x"))], documentTitle: "Mẫu").title
                == "Mẫu")
    }

    @Test func tableOfContentsLeftOutSubtitleAndAbstractKept() {
        var cleaner = cleaner()
        let blocks = cleaner.clean(blocks: [
            Self.para([Self.link("1. Giới thiệu 3", "#_Toc101")]),
            Self.para([Self.link("2. Kết quả 5", "#_Toc102"), Self.space]),
            Self.para(Self.words("Nội dung")),
        ])
        #expect(blocks == [Self.para(Self.words("Nội dung"))])
        #expect(cleaner.warnings == [.tableOfContentsLeftOut(document: "a.docx")])

        let meta: PandocJSON = .object([
            "title": .node("MetaInlines", .array(Self.words("Tiêu đề"))),
            "subtitle": .node("MetaInlines", .array(Self.words("Sapo của bài"))),
            "abstract": .node("MetaBlocks", .array([Self.para(Self.words("Tóm tắt"))])),
        ])
        #expect(
            DocumentCleaner.leadBlocks(meta: meta) == [
                Self.para(Self.words("Sapo của bài")), Self.para(Self.words("Tóm tắt")),
            ])
        #expect(DocumentCleaner.leadBlocks(meta: .object([:])).isEmpty)
    }

    @Test func headingsStartAtLevelTwoWithoutTheirIds() {
        var cleaner = cleaner()
        let blocks = DocumentCleaner.shiftHeadings(
            cleaner.clean(blocks: [Self.header(1, "Một", id: "_Toc123"), Self.header(3, "Hai")]))
        #expect(blocks == [Self.header(2, "Một"), Self.header(4, "Hai")])
    }

    @Test func trackedChangesAcceptedCommentsAndBookmarksDropped() {
        var cleaner = cleaner()
        let blocks = cleaner.clean(blocks: [
            Self.para(
                [Self.span(["insertion"], [("author", "An")], Self.words("mới"))]
                    + [Self.space, Self.span(["deletion"], [("author", "An")], Self.words("cũ")), Self.space]
                    + [Self.span(["comment-start"], [("author", "Bình")], Self.words("Xem lại")), Self.str("chữ")]
                    + [Self.span(["comment-end"], [], []), Self.space]
                    + [Self.span([], [], [.node("Underline", .array(Self.words("gạch")))]), Self.space]
                    + [.node("Strong", .array([Self.space])), Self.str("hết")])
        ])
        #expect(blocks == [Self.para(Self.words("mới chữ gạch hết"))])
        #expect(
            cleaner.warnings == [
                .insertionAccepted(author: "An", text: "mới", document: "a.docx"),
                .deletionAccepted(author: "An", text: "cũ", document: "a.docx"),
                .comment(author: "Bình", text: "Xem lại", document: "a.docx"),
            ])
    }

    @Test func linksToTheWebStayOthersKeepTheirText() {
        var cleaner = cleaner()
        let blocks = cleaner.clean(blocks: [
            Self.para([Self.link("cổng", "https://danang.gov.vn/"), Self.space, Self.link("mục", "#_Toc1")]),
            Self.para([Self.link("tệp", "file:///C:/x.doc")]),
        ])
        let web: PandocJSON = .node(
            "Link",
            .array([
                PandocJSON.noAttributes, .array(Self.words("cổng")),
                .array([.string("https://danang.gov.vn/"), .string("")]),
            ]))
        #expect(blocks == [Self.para([web, Self.space] + Self.words("mục")), Self.para(Self.words("tệp"))])
        #expect(cleaner.warnings == [.linkRemoved(url: "file:///C:/x.doc", text: "tệp", document: "a.docx")])
    }

    @Test func tablesBecomePipeTablesWithAHeaderRow() {
        func cell(_ text: String, rows: Int = 1, columns: Int = 1, blocks: [PandocJSON]? = nil) -> PandocJSON {
            .array([
                PandocJSON.noAttributes, .node("AlignDefault"), .int(rows), .int(columns),
                .array(blocks ?? [.node("Plain", .array(Self.words(text)))]),
            ])
        }
        func row(_ cells: [PandocJSON]) -> PandocJSON { .array([PandocJSON.noAttributes, .array(cells)]) }
        let table: PandocJSON = .node(
            "Table",
            .array([
                PandocJSON.noAttributes, .array([.null, .array([])]),
                .array(Array(repeating: .array([.node("AlignDefault"), .node("ColWidth", .double(0.5))]), count: 2)),
                .array([PandocJSON.noAttributes, .array([])]),
                .array([
                    .array([
                        PandocJSON.noAttributes, .int(0), .array([]),
                        .array([
                            row([cell("Năm", rows: 2), cell("Số")]),
                            row([cell("", blocks: [Self.para(Self.words("12")), Self.para(Self.words("người"))])]),
                        ]),
                    ])
                ]),
                .array([PandocJSON.noAttributes, .array([])]),
            ]))
        var cleaner = cleaner()
        let cleaned = cleaner.clean(blocks: [table])
        #expect(cleaner.warnings == [.tableSimplified(document: "a.docx")])
        let head = cleaned.first?.content?[3]?[1]?[0]?[1]?.array ?? []
        let body = cleaned.first?.content?[4]?[0]?[3]?[0]?[1]?.array ?? []
        #expect(head.map { DocumentCleaner.plainText(of: $0[4]?.array ?? []) } == ["Năm", "Số"])
        #expect(body.map { DocumentCleaner.plainText(of: $0[4]?.array ?? []) } == ["", "12 người"])
    }

    @Test func imagesNamedFromTheirDescriptionAndEMFLeftOut() {
        var cleaner = cleaner(kinds: ["m/rId5.png": .photo(.png), "m/rId6.emf": .other(format: "EMF")])
        let blocks = cleaner.clean(blocks: [
            Self.para([Self.image("m/rId5.png", alt: "Lễ kỷ niệm")]),
            Self.para([Self.image("m/rId6.emf", alt: "Sơ đồ")]),
            Self.para([Self.image("m/rId5.png", alt: "Lễ kỷ niệm")]),
        ])
        let expected = Self.para([
            .node(
                "Image",
                .array([
                    PandocJSON.noAttributes, .array([Self.str("Lễ kỷ niệm")]),
                    .array([.string("/media/bai/le-ky-niem.png"), .string("")]),
                ]))
        ])
        #expect(blocks == [expected, expected])
        #expect(cleaner.images.map(\.fileName) == ["le-ky-niem.png", nil])
        #expect(cleaner.warnings == [.imageLeftOut(name: "rId6.emf", format: "EMF", document: "a.docx")])

        var namer = ImageNamer(language: "vi")
        #expect(namer.name(alt: "", index: 3, fileExtension: "jpg") == "anh-3.jpg")
        #expect(namer.name(alt: "Ảnh", index: 4, fileExtension: "jpg") == "anh.jpg")
        #expect(namer.name(alt: "ảnh", index: 5, fileExtension: "jpg") == "anh-2.jpg")
        let long = namer.name(alt: String(repeating: "Đoàn đại biểu ", count: 8), index: 6, fileExtension: "png")
        #expect(long.count <= 64 && long.hasPrefix("doan-dai-bieu-") && !long.contains("-.") && long.hasSuffix(".png"))
        #expect(ImageNamer(language: "en").fallback == "image")
    }

    @Test func imageKindsByTheirBytes() {
        #expect(ImageKind.sniff([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) == .photo(.png))
        #expect(ImageKind.sniff([0xFF, 0xD8, 0xFF, 0xE0]).fileExtension == "jpg")
        var emf = [UInt8](repeating: 0, count: 48)
        emf[0] = 1
        emf.replaceSubrange(40..<44, with: Array(" EMF".utf8))
        #expect(ImageKind.sniff(emf) == .other(format: "EMF"))
        #expect(ImageKind.sniff([0xD7, 0xCD, 0xC6, 0x9A, 0, 0]).fileExtension == nil)
        #expect(ImageKind.sniff([0x49, 0x49, 0x2A, 0x00]) == .other(format: "TIFF"))
        #expect(ImageKind.sniff(Array("<?xml version=\"1.0\"?><svg xmlns=\"…\">".utf8)) == .svg)
    }

    @Test func lineBreaksWrittenAsBackslashesOutsideCode() {
        let markdown = "Số 24  \nTrần Phú\n\n```\ncode  \n```\n"
        #expect(WordImport.visibleLineBreaks(markdown) == "Số 24\\\nTrần Phú\n\n```\ncode  \n```\n")
    }

    /// A real Word document made by pandoc from Markdown, imported into the catalog fixture.
    @Test func aWordDocumentBecomesAPostThatBuilds() throws {
        let site = try TestSite(fixture: "catalog")
        let png = try Data(contentsOf: TestSite.fixtures.appendingPathComponent("base/Content/media/anh.png"))
        try site.write("doc/a.png", png)
        let nfd = "Hội nghị".decomposedStringWithCanonicalMapping
        try site.write(
            "doc/bai.md",
            """
            # \(nfd) ASEAN

            Đoạn **một** với [liên kết](https://danang.gov.vn/).

            ![Toàn cảnh hội nghị](a.png)

            """)
        let docx = site.root.appendingPathComponent("doc/bai.docx").path
        let pandoc = Process()
        pandoc.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        pandoc.currentDirectoryURL = site.root.appendingPathComponent("doc")
        pandoc.arguments = ["pandoc", "--from", "markdown-implicit_figures", "--output", docx, "bai.md"]
        try pandoc.run()
        pandoc.waitUntilExit()
        #expect(pandoc.terminationStatus == 0)

        let workspace = try Workspace.load(contentDirectory: site.content)
        let date = VietnamTime.parse("2026-11-29T08:00")!
        let result = try WordImport(
            document: docx, language: "vi", section: "tin-tuc", agency: nil, title: nil, date: date
        ).run(in: workspace)
        #expect(result.path == "\(site.content)/vi/tin-tuc/2026-11-29-hoi-nghi-asean.md")
        #expect(result.url == "/tin-tuc/hoi-nghi-asean/")
        #expect(result.warnings.isEmpty)
        let text = try String(contentsOfFile: result.path, encoding: .utf8)
        #expect(
            text == """
                ---
                title: "Hội nghị ASEAN"
                date: 2026-11-29T08:00:00+07:00
                summary: ""
                translationKey: "2026-11-29-hoi-nghi-asean"
                ---

                Đoạn **một** với [liên kết](https://danang.gov.vn/).

                ![Toàn cảnh hội nghị](/media/hoi-nghi-asean/toan-canh-hoi-nghi.png)

                """)
        #expect(
            FileManager.default.contentsEqual(
                atPath: "\(site.content)/media/hoi-nghi-asean/toan-canh-hoi-nghi.png",
                andPath: "\(site.root.path)/doc/a.png"))
        try site.build()
        let page = try site.read("tin-tuc/hoi-nghi-asean/index.html")
        #expect(page.contains("<picture>") && page.contains("alt=\"Toàn cảnh hội nghị\""))

        // Again: the post exists, so nothing is written, not even the images' folder.
        try FileManager.default.removeItem(atPath: "\(site.content)/media/hoi-nghi-asean")
        #expect(throws: ImportError.self) {
            _ = try WordImport(document: docx, language: "vi", section: "tin-tuc", agency: nil, title: nil, date: date)
                .run(in: try Workspace.load(contentDirectory: site.content))
        }
        #expect(!FileManager.default.fileExists(atPath: "\(site.content)/media/hoi-nghi-asean"))
    }
}
