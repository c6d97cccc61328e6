import Foundation
import Synchronization
import Testing

@testable import PortalKit

/// Nothing from outside the content and theme folders is published, however a link in them
/// points; a link inside them is followed.
@Suite struct SymbolicLinkTests {
    let fm = FileManager.default

    @Test func aMediaFileLinkedFromOutsideIsAnErrorNamingLinkAndTarget() throws {
        let site = try TestSite()
        let secret = site.root.appendingPathComponent("secret.txt").path
        try Data("SECRET-7f3a".utf8).write(to: URL(fileURLWithPath: secret))
        try fm.createSymbolicLink(atPath: "\(site.content)/media/passwd.txt", withDestinationPath: secret)
        let error = try #require(site.failure())
        #expect(error.contains("\(site.content)/media/passwd.txt: error: this symbolic link points at"), "\(error)")
        #expect(error.contains("secret.txt, outside \(site.content)"), "\(error)")
        #expect(!fm.fileExists(atPath: site.output))
    }

    @Test(arguments: ["media/photos", "vi/tin-tuc/ngoai"])
    func aFolderLinkedFromOutsideIsAnError(_ place: String) throws {
        let site = try TestSite()
        let outside = site.root.appendingPathComponent("elsewhere")
        try fm.createDirectory(at: outside, withIntermediateDirectories: true)
        try Data("---\ntitle: Ngoài\n---\n".utf8).write(to: outside.appendingPathComponent("bai.md"))
        try fm.createSymbolicLink(atPath: "\(site.content)/\(place)", withDestinationPath: outside.path)
        let error = try #require(site.failure())
        #expect(error.contains("\(site.content)/\(place): error: this symbolic link points at"), "\(error)")
    }

    @Test func aPageLinkedFromOutsideIsAnError() throws {
        let site = try TestSite()
        let outside = site.root.appendingPathComponent("bai.md").path
        try Data("---\ntitle: Ngoài\n---\n".utf8).write(to: URL(fileURLWithPath: outside))
        try fm.createSymbolicLink(atPath: "\(site.content)/vi/tin-tuc/ngoai.md", withDestinationPath: outside)
        let error = try #require(site.failure())
        #expect(error.contains("\(site.content)/vi/tin-tuc/ngoai.md: error: this symbolic link points at \(outside)"))
    }

    @Test func linksInsideTheContentFolderAreFollowed() throws {
        let site = try TestSite()
        try fm.createSymbolicLink(atPath: "\(site.content)/media/cung-anh.png", withDestinationPath: "anh.png")
        try site.write("Content/vi/su-kien/hoi-thao.md", "---\ntitle: Hội thảo\n---\n")
        try fm.createSymbolicLink(
            atPath: "\(site.content)/vi/ban-sao", withDestinationPath: "\(site.content)/vi/su-kien")
        try site.build()
        // Published as the photo it is (processed like the file it links to).
        #expect(fm.contentsEqual(atPath: "\(site.output)/media/cung-anh.png", andPath: "\(site.output)/media/anh.png"))
        #expect(fm.fileExists(atPath: "\(site.output)/ban-sao/hoi-thao/index.html"))
    }

    @Test func aLoopIsAClearError() throws {
        let site = try TestSite()
        try fm.createSymbolicLink(atPath: "\(site.content)/vi/tin-tuc/vong", withDestinationPath: "../tin-tuc")
        try fm.createSymbolicLink(atPath: "\(site.content)/media/a", withDestinationPath: "b")
        try fm.createSymbolicLink(atPath: "\(site.content)/media/b", withDestinationPath: "a")
        let error = try #require(site.failure())
        #expect(error.contains("\(site.content)/vi/tin-tuc/vong: error: this symbolic link leads back"), "\(error)")
        #expect(error.contains("\(site.content)/media/a: error: this symbolic link leads back"), "\(error)")
        #expect(!error.contains("disk space"))
    }

    @Test func aDanglingLinkNamesWhatItPointsAt() throws {
        let site = try TestSite()
        try fm.createSymbolicLink(atPath: "\(site.content)/media/gone.png", withDestinationPath: "nowhere.png")
        let error = try #require(site.failure())
        #expect(error.contains("media/gone.png: error: this symbolic link points at nowhere.png, which does not exist"))
    }

    @Test func aThemeAssetLinkedFromOutsideIsAnError() throws {
        let site = try TestSite()
        let secret = site.root.appendingPathComponent("secret.css").path
        try Data("body{}".utf8).write(to: URL(fileURLWithPath: secret))
        let link = site.root.appendingPathComponent("Themes/default/assets/leak.css").path
        try fm.createSymbolicLink(atPath: link, withDestinationPath: secret)
        let error = try #require(site.failure())
        #expect(error.contains("assets/leak.css: error: this symbolic link points at \(secret)"), "\(error)")
    }

    @Test func theContentFolderItselfMayBeALink() throws {
        let site = try TestSite()
        let alias = site.root.appendingPathComponent("Trang").path
        try fm.createSymbolicLink(atPath: alias, withDestinationPath: site.content)
        var options = BuildOptions(
            contentDirectory: alias, outputDirectory: site.output,
            themeDirectory: site.root.appendingPathComponent("Themes/default").path,
            publication: Publication(now: TestSite.defaultNow))
        options.jobs = 2
        try SiteBuild.run(options, warnings: WarningLog())
        #expect(fm.fileExists(atPath: "\(site.output)/media/anh.png"))
    }
}

/// Aliases become files of the output: each is checked where it is written.
@Suite struct AliasTests {
    @Test(arguments: [
        ("../../x", "`..` segment"), ("/../../y", "`..` segment"), ("/a/./b/", "`.` segment"),
        ("//evil.example/", "names another host"), ("javascript:alert(1)", "`javascript:` is a link to elsewhere"),
        ("/a//b/", "empty segment"), ("/a\"b/", "the character `\"`"), ("/a<b>/", "the character `<`"),
        ("/a%2F..%2Fb/", "the character `/`"), ("/a'b/", "the character `'`"),
        ("/a%07b/", "invisible or control character (U+0007)"),
        ("/a?b=1", "`?` or `#`"), ("/a%zz/", "`%` that is not followed"),
    ])
    func aBadAliasIsAnErrorAtItsLine(_ alias: String, _ problem: String) throws {
        let site = try TestSite()
        let yaml = alias.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\u{7}", with: "\\a")
        try site.write(
            "Content/vi/tin-tuc/bi-danh.md", "---\ntitle: Bí danh\naliases:\n  - /cu/\n  - \"\(yaml)\"\n---\n")
        let error = try #require(site.failure())
        #expect(error.contains("\(site.content)/vi/tin-tuc/bi-danh.md:5:5: error: the alias"), "\(error)")
        #expect(error.contains(problem), "\(error)")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter {
            $0.contains("staging") || $0.contains("portal-new")
        }
        #expect(leftovers.isEmpty)
    }

    @Test func percentEscapesAreDecodedIntoTheFileAWebServerLooksFor() throws {
        #expect(try URLPath.aliasOutputPath("/tin-t%E1%BB%A9c/cu/", languagePrefix: "") == "tin-tức/cu/index.html")
        #expect(try URLPath.aliasOutputPath("cu/bai.html", languagePrefix: "en/") == "en/cu/bai.html")
        #expect(try URLPath.aliasOutputPath("/", languagePrefix: "en/") == "index.html")
        #expect(try URLPath.aliasOutputPath("cu", languagePrefix: "en/") == "en/cu/index.html")
    }
}

/// The output folder is never inside, equal to or around an input folder.
@Suite struct OutputPlaceSafetyTests {
    @Test(arguments: ["Content/media/out", "Themes/default/assets/x", "Content", ".", "Themes"])
    func anOutputOverlappingAnInputIsRefused(_ place: String) throws {
        let site = try TestSite()
        let before = TestSite.snapshot(site.root.path)
        let output = site.root.appendingPathComponent(place).path
        #expect(throws: BuildFailure.self) { try site.build(output: output) }
        do { try site.build(output: output) } catch {
            #expect(error.description.contains("the output folder and the"), "\(error)")
            #expect(error.description.contains("are inside one another"))
        }
        #expect(TestSite.snapshot(site.root.path) == before)
    }

    @Test func anOutputReachedThroughALinkIntoTheContentIsRefused() throws {
        let site = try TestSite()
        let link = site.root.appendingPathComponent("Ra").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "\(site.content)/media")
        #expect(throws: BuildFailure.self) { try site.build(output: "\(link)/out") }
        #expect(!FileManager.default.fileExists(atPath: "\(site.content)/media/out"))
    }
}

/// Builds into one output run one at a time.
@Suite struct OutputLockTests {
    @Test func aSecondBuildWithoutWaitingFailsAtOnceAndWritesNothing() throws {
        let site = try TestSite()
        try site.build()
        let before = TestSite.snapshot(site.output)
        let held = try OutputLock(output: site.output, wait: false)
        var options = BuildOptions(
            contentDirectory: site.content, outputDirectory: site.output,
            publication: Publication(now: TestSite.defaultNow))
        options.waitForLock = false
        do {
            try SiteBuild.run(options, warnings: WarningLog())
            Issue.record("the build ran while the lock was held")
        } catch {
            #expect(error.description.contains("another build is writing this output folder (process \(getpid()))"))
        }
        #expect(TestSite.snapshot(site.output) == before)
        withExtendedLifetime(held) {}
    }

    @Test func aWaitingBuildSaysSoAndRunsOnceTheLockIsFree() async throws {
        let site = try TestSite()
        var held: OutputLock? = try OutputLock(output: site.output, wait: false)
        let told = Mutex<[Int?]>([])
        var options = BuildOptions(
            contentDirectory: site.content, outputDirectory: site.output,
            publication: Publication(now: TestSite.defaultNow))
        options.waiting = { pid in told.withLock { $0.append(pid) } }
        let build = Task.detached { [options] in try SiteBuild.run(options, warnings: WarningLog()) }
        try await Task.sleep(for: .milliseconds(500))
        #expect(!FileManager.default.fileExists(atPath: "\(site.output)/index.html"))
        #expect(held != nil)
        held = nil  // the lock goes with it
        _ = try await build.value
        #expect(told.withLock { $0 } == [Int(getpid())])
        #expect(FileManager.default.fileExists(atPath: "\(site.output)/index.html"))
    }
}

/// Control characters typed as YAML escapes never reach pages or feeds (HTML forbids them,
/// XML cannot hold them).
@Suite struct ControlCharacterTests {
    @Test func aControlCharacterInATitleIsDropped() throws {
        let site = try TestSite()
        try site.write(
            "Content/vi/tin-tuc/dieu-khien.md",
            "---\ntitle: \"Tin\\u0001 mới\\u007F\\u0085\"\ntags: [\"Hội\\u0002nhập\"]\ndate: 2026-11-01\n---\n\nNội\u{1}dung.\n"
        )
        try site.build()
        let page = try site.read("tin-tuc/dieu-khien/index.html")
        #expect(page.contains("<title>Tin mới"))
        let feed = try site.read("index.xml")
        #expect(feed.contains("<title>Tin mới</title>"))
        #expect(page.contains("Nộidung."))
        for text in [page, feed] {
            #expect(
                !text.unicodeScalars.contains {
                    ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || (0x7F...0x9F).contains($0.value)
                })
        }
        #expect(TextInput.nfc("a\u{1}\tb\u{85}") == "a\tb")
    }
}

extension ControlCharacterTests {
    /// cmark turns `&#1;` into U+0001: none reaches the page.
    @Test func aNumericReferenceToAControlCharacterIsDropped() throws {
        let site = try TestSite()
        try site.write(
            "Content/vi/tin-tuc/tham-chieu.md",
            "---\ntitle: Tham chiếu\ndate: 2026-11-01\n---\n\nA&#1;B <&#1;javascript:alert(1)> C&#x7f;D&#133;E &#9;F\n")
        try site.build()
        let page = try site.read("tin-tuc/tham-chieu/index.html")
        #expect(page.contains("AB &lt;javascript:alert(1)&gt; CDE \tF"), "\(page)")
    }
}
