import Foundation
import Testing

@testable import PortalKit

/// `new` and `translate` write only inside the content folder's language folders, and
/// `translate` never makes a second translation of a page.
@Suite struct EditingSafetyTests {
    func workspace(_ site: TestSite) throws -> Workspace { try Workspace.load(contentDirectory: site.content) }

    func newPost(_ site: TestSite, section: String) throws -> String {
        try NewPage(
            kind: .post, language: "vi", section: section, title: "Thông báo", now: VietnamTime.parse("2026-11-29")!
        ).write(in: try workspace(site))
    }

    /// The error's text as the command line prints it, or nil when there was none.
    func refusal(_ body: () throws -> Any) -> String? {
        do {
            _ = try body()
            return nil
        } catch {
            return String(describing: error)
        }
    }

    @Test func newRefusesSectionsThatLeaveTheLanguageFolder() throws {
        let site = try TestSite()
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("portal-outside-\(UUID())").path
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: outside) }
        // A section folder that is a link to a folder outside.
        try FileManager.default.createSymbolicLink(atPath: "\(site.content)/vi/lien-ket", withDestinationPath: outside)

        for section in ["../../escaped", "/etc", "/tmp", "tin-tuc/../../..", "lien-ket", "lien-ket/con"] {
            let error = try #require(
                refusal { try newPost(site, section: section) }, "--section \(section) was written")
            #expect(error.contains("error: this path is outside \(site.content)/vi/"), "\(error)")
            #expect(error.contains("; nothing was written"))
            #expect(error.contains("help: pages are written only inside \(site.content)/vi/"))
        }
        let escaped = try #require(refusal { try newPost(site, section: "../../escaped") })
        #expect(
            escaped.hasPrefix(
                "\(site.content)/vi/../../escaped/2026-11-29-thong-bao.md: error: this path is outside \(site.content)/vi/ (it leads to \(site.root.resolvingSymlinksInPath().path)/escaped/2026-11-29-thong-bao.md)"
            ), "\(escaped)")
        let linked = try #require(refusal { try newPost(site, section: "lien-ket") })
        #expect(linked.contains("(it leads to \(URL(fileURLWithPath: outside).resolvingSymlinksInPath().path)/"))
        // Nothing was made: not the file, not a folder on its way.
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("escaped").path))
        #expect(!FileManager.default.fileExists(atPath: "/etc/2026-11-29-thong-bao.md"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside).isEmpty)
    }

    @Test func newWritesIntoNestedSectionsInside() throws {
        let site = try TestSite()
        #expect(
            try newPost(site, section: "tin-tuc/2026/thang-11")
                == "\(site.content)/vi/tin-tuc/2026/thang-11/2026-11-29-thong-bao.md")
        // `..` that stays inside is fine.
        #expect(
            try newPost(site, section: "tin-tuc/2026/../su-kien")
                == "\(site.content)/vi/tin-tuc/2026/../su-kien/2026-11-29-thong-bao.md")
        #expect(FileManager.default.fileExists(atPath: "\(site.content)/vi/tin-tuc/su-kien/2026-11-29-thong-bao.md"))
    }

    /// The English section folder is a link to a folder of media: inside the content folder
    /// (so the build reads through it) but not the English folder a translation belongs in.
    @Test func translateRefusesATargetFolderThatLinksOut() throws {
        let site = try TestSite()
        let source = "\(site.content)/vi/su-kien/le-hoi.md"
        let original = "---\ntitle: Lễ hội\n---\n\nNội dung.\n"
        try site.write("Content/vi/su-kien/le-hoi.md", original)
        try FileManager.default.createDirectory(
            atPath: "\(site.content)/media/tai-lieu", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: "\(site.content)/en/su-kien", withDestinationPath: "../media/tai-lieu")

        let error = try #require(
            refusal { try Translator(workspace: try workspace(site)).translate(file: source, to: "en") })
        #expect(
            error.hasPrefix(
                "\(site.content)/en/su-kien/le-hoi.md: error: this path is outside \(site.content)/en/ (it leads to \(site.content)/media/tai-lieu/le-hoi.md)"
            ), "\(error)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: "\(site.content)/media/tai-lieu").isEmpty)
        // The source did not get a translationKey either.
        #expect(try String(contentsOfFile: source, encoding: .utf8) == original)
    }

    @Test func translateRefusesAPageThatIsTranslatedAlready() throws {
        let site = try TestSite()
        try site.write(
            "Content/vi/gioi-thieu.md", "---\ntitle: Giới thiệu\ntranslationKey: about\n---\n\nVề chúng tôi.\n")
        try site.write("Content/en/about.md", "---\ntitle: About\ntranslationKey: about\n---\n\nAbout us.\n")
        let before = TestSite.snapshot(site.content)
        let error = try #require(
            refusal {
                try Translator(workspace: try workspace(site)).translate(
                    file: "\(site.content)/vi/gioi-thieu.md", to: "en")
            })
        #expect(
            error
                == """
                \(site.content)/en/about.md: error: this is the `en` translation of \(site.content)/vi/gioi-thieu.md (it shares its translation key); nothing was written
                  help: edit this file instead; once it matches its source, record that with `portal translate --refresh \(site.content)/en/about.md`
                """)
        #expect(TestSite.snapshot(site.content) == before)
        #expect(!FileManager.default.fileExists(atPath: "\(site.content)/en/gioi-thieu.md"))

        // In a section too: the English news post is the Vietnamese one's translation.
        let again = try #require(
            refusal {
                try Translator(workspace: try workspace(site)).translate(
                    file: "\(site.content)/vi/tin-tuc/2025-07-28-ky-niem.md", to: "en")
            })
        #expect(
            again.hasPrefix("\(site.content)/en/news/2025-07-28-anniversary.md: error: this is the `en` translation"))
    }
}
