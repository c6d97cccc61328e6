import Foundation
import Testing

@testable import PortalKit

/// Photos of media/ (issue 17): made in each test by `scripts/make-photo` (libvips' command
/// line and exiftool) with a GPS position, a serial number, a P3 profile and EXIF orientation 6,
/// then read back with exiftool and libvips.
@Suite(.serialized) struct PhotoTests {
    static let makePhoto = TestSite.repository.appendingPathComponent("scripts/make-photo").path

    static func run(_ tool: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(tool) \(arguments) failed")
        return String(decoding: data, as: UTF8.self)
    }

    /// A site whose post shows `media/anh.jpg` (1200×800 stored, orientation 6: 800×1200 upright)
    /// as its image and in its body, with a PNG drawing (transparent half) and a WebP.
    static func photoSite() throws -> TestSite {
        let site = try TestSite()
        try FileManager.default.createDirectory(atPath: "\(site.content)/media", withIntermediateDirectories: true)
        _ = try run(makePhoto, ["\(site.content)/media/anh.jpg", "1200", "800", "6"])
        _ = try run(makePhoto, ["\(site.content)/media/ve.png", "600", "400"])
        _ = try run(makePhoto, ["\(site.content)/media/w.webp", "500", "300", "1", "2"])
        try site.write(
            "Content/vi/tin-tuc/2025-09-01-anh.md",
            """
            ---
            title: Ảnh
            date: 2025-09-01
            image: /media/anh.jpg
            imageAlt: Lễ kỷ niệm
            ---

            ![Đoàn đại biểu](../../media/anh.jpg "Đoàn đại biểu ASEAN")

            Hình vẽ ![Sơ đồ](/media/ve.png) và ![Ảnh WebP](/media/w.webp).
            """)
        return site
    }

    @Test func publishedPhotosHaveNoMetadataAndAreUpright() throws {
        let site = try Self.photoSite()
        try site.build()
        let media = "\(site.output)/media"
        let files = try FileManager.default.contentsOfDirectory(atPath: media).sorted()
        #expect(
            files == [
                "anh.jpg", "anh.jpg.480w.jpg", "anh.jpg.480w.webp", "anh.jpg.800w.webp", "anh.jpg.share.jpg",
                "anh.png", "anh.png.8w.webp", "anh.png.share.jpg", "ve.png", "ve.png.480w.png", "ve.png.480w.webp",
                "ve.png.600w.webp", "ve.png.share.jpg", "w.webp", "w.webp.480w.webp", "w.webp.share.jpg",
            ])
        // exiftool: no EXIF, GPS, XMP, IPTC, ICC or maker notes in any published file.
        let json = try Self.run("exiftool", ["-j", "-G1", "-a", "-n"] + files.map { "\(media)/\($0)" })
        let records = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect(records.count == files.count)
        for record in records {
            let name = (record["SourceFile"] as? String ?? "").split(separator: "/").last ?? ""
            let groups = [
                "EXIF", "IFD0", "IFD1", "ExifIFD", "GPS", "XMP", "IPTC", "ICC_Profile", "MakerNotes", "ICC-header",
            ]
            let leaked = record.keys.filter { key in groups.contains { key.hasPrefix($0 + ":") } }
            #expect(leaked.isEmpty, "\(name) keeps \(leaked)")
            #expect(record["GPS:GPSLatitude"] == nil && record["IFD0:Orientation"] == nil, "\(name)")
        }
        // Upright: the red block stored top-left is top-right once turned 90° clockwise.
        let header = try Vips.header(path: "\(media)/anh.jpg")
        #expect(header.width == 800 && header.height == 1200 && header.orientation == 1)
        let corner = try Self.run("vips", ["getpoint", "\(media)/anh.jpg", "780", "20"])
        let values = corner.split(separator: " ").compactMap { Double($0) }
        #expect(values.count == 3 && values[0] > 150 && values[1] < 90 && values[2] < 90, "top right: \(corner)")
        // sRGB, 8 bits, within their widths; the PNG keeps its transparency.
        for (file, width) in [
            ("anh.jpg.480w.jpg", 480), ("anh.jpg.800w.webp", 800), ("ve.png", 600), ("ve.png.480w.png", 480),
        ] {
            let header = try Vips.header(path: "\(media)/\(file)")
            #expect(header.width == width, "\(file)")
        }
        #expect(try Vips.header(path: "\(media)/ve.png").hasAlpha)
        let interpretation = try Self.run("vipsheader", ["-f", "interpretation", "\(media)/anh.jpg"])
        #expect(interpretation.contains("sRGB"), "\(interpretation)")
        let share = try Vips.header(path: "\(media)/anh.jpg.share.jpg")
        #expect(share.width == 800 && share.height == 630)
    }

    @Test func picturesHaveSizesAndCaptions() throws {
        let site = try Self.photoSite()
        let warnings = WarningLog()
        try site.build(warnings: warnings)
        let html = try site.read("tin-tuc/anh/index.html")
        let sizes = "(min-width: 50rem) 46rem, calc(100vw - 2rem)"
        #expect(
            html.contains(
                "<figure class=\"photo\"><picture><source type=\"image/webp\" srcset=\"/asean/media/anh.jpg.480w.webp 480w, /asean/media/anh.jpg.800w.webp 800w\" sizes=\"\(sizes)\"><img src=\"/asean/media/anh.jpg\" srcset=\"/asean/media/anh.jpg.480w.jpg 480w, /asean/media/anh.jpg 800w\" sizes=\"\(sizes)\" width=\"800\" height=\"1200\" alt=\"Đoàn đại biểu\" loading=\"lazy\" decoding=\"async\"></picture><figcaption>Đoàn đại biểu ASEAN</figcaption></figure>"
            ), "\(html)")
        // The lead image loads first; the drawing stays PNG; a WebP needs no <picture>.
        #expect(html.contains("alt=\"Lễ kỷ niệm\" fetchpriority=\"high\" decoding=\"async\"></picture>"))
        #expect(
            html.contains(
                "<img src=\"/asean/media/ve.png\" srcset=\"/asean/media/ve.png.480w.png 480w, /asean/media/ve.png 600w\""
            ))
        #expect(html.contains("Hình vẽ <picture>"))
        #expect(
            html.contains(
                "<img src=\"/asean/media/w.webp\" srcset=\"/asean/media/w.webp.480w.webp 480w, /asean/media/w.webp 500w\""
            ))
        #expect(
            html.contains(
                "<meta property=\"og:image\" content=\"https://example.gov.vn/asean/media/anh.jpg.share.jpg\">"))
        #expect(html.contains("<meta property=\"og:image:width\" content=\"800\">"))
        #expect(warnings.all.filter { $0.message.contains("alt") }.isEmpty)
    }

    @Test func sameBytesWhateverJobsAndNothingRedoneOnARebuild() throws {
        let site = try Self.photoSite()
        try site.build(jobs: 1)
        let other = site.root.appendingPathComponent("Output4").path
        try site.build(jobs: 4, output: other)
        let one = TestSite.snapshot("\(site.output)/media"), four = TestSite.snapshot("\(other)/media")
        #expect(one.count == 16 && one == four)

        // A rebuild processes nothing: every cached file stays as it was (same inode and time).
        let cache = PhotoStage.folder(output: site.output)
        func stamps() -> [String: FileStamp] {
            var found: [String: FileStamp] = [:]
            for name in (try? FileManager.default.contentsOfDirectory(atPath: cache)) ?? [] where name != "index" {
                found[name] = FileStamp("\(cache)/\(name)")
            }
            return found
        }
        let before = stamps()
        let result = try site.build(jobs: 2)
        #expect(stamps() == before)
        #expect(result.filesWritten == 0)
        // A changed WebP quality redoes the WebP files only.
        let settings = try String(contentsOfFile: "\(site.content)/site.yml", encoding: .utf8)
        try site.write("Content/site.yml", settings + "images:\n  quality: {webp: 60}\n")
        try site.build(jobs: 2)
        let after = stamps()
        let kept = before.filter { after[$0.key] == $0.value }.count
        #expect(kept == 9, "the JPEG, PNG and sharing files stay")  // 16 files less 7 WebP
        #expect(after.count == 16)
    }

    @Test func damagedMismatchedAndUnsupportedImagesAreErrors() throws {
        let site = try TestSite()
        let media = "\(site.content)/media"
        _ = try Self.run(Self.makePhoto, ["\(media)/goc.jpg", "400", "300"])
        let jpeg = try Data(contentsOf: URL(fileURLWithPath: "\(media)/goc.jpg"))
        try site.write("Content/media/cut.jpg", jpeg.prefix(jpeg.count / 2))
        try site.write("Content/media/png-named.jpg", try Data(contentsOf: URL(fileURLWithPath: "\(media)/anh.png")))
        try site.write("Content/media/jpeg-named.gif", jpeg)
        try site.write("Content/media/text.png", "not an image")
        try site.write("Content/media/scan.tiff", Data([0x49, 0x49, 0x2A, 0x00, 0, 0, 0, 0]))
        let failure = try #require(site.failure())
        for expected in [
            "\(media)/png-named.jpg: error: the file is a PNG image, not JPEG as its name says",
            "\(media)/jpeg-named.gif: error: the file is a JPEG image, not GIF as its name says",
            "\(media)/text.png: error: the file is not a PNG image (damaged, or another kind of file)",
            "\(media)/scan.tiff: error: TIFF images are not published on the web",
        ] {
            #expect(failure.contains(expected), "\(failure)")
        }
        // The cut file is found once the others are fixed: its header reads, its pixels do not.
        for name in ["png-named.jpg", "jpeg-named.gif", "text.png", "scan.tiff"] {
            try site.remove("Content/media/\(name)")
        }
        let cut = try #require(site.failure())
        #expect(
            cut.contains("\(media)/cut.jpg: error: the JPEG image cannot be read: it is damaged or cut short"), "\(cut)"
        )
        #expect(!FileManager.default.fileExists(atPath: site.output))
    }

    @Test func largePhotosAndMissingAltTextAreWarnedAbout() throws {
        let site = try TestSite()
        // 8200 × 5000 = 41 megapixels of black: quick to make, over the 40-megapixel mark.
        let path = "\(site.content)/media/lon.jpg"
        let black = site.root.appendingPathComponent("black.v").path
        _ = try Self.run("vips", ["black", black, "8200", "5000"])
        _ = try Self.run("vips", ["copy", black, path])
        try site.write(
            "Content/vi/tin-tuc/2025-09-02-lon.md",
            "---\ntitle: Lớn\ndate: 2025-09-02\nimage: /media/lon.jpg\n---\n\n![](/media/lon.jpg)\n")
        let warnings = WarningLog()
        try site.build(warnings: warnings)
        let lines = warnings.all.map(\.description)
        #expect(
            lines.contains { $0.hasPrefix("\(path): warning: the photo has 41 megapixels (8200×5000), more than 40") },
            "\(lines)")
        #expect(
            lines.contains { $0.contains("2025-09-02-lon.md:4:8: warning: the page's image has no `imageAlt`") },
            "\(lines)")
        #expect(
            lines.contains {
                $0.contains("2025-09-02-lon.md:7:1: warning: the image `/media/lon.jpg` has no alt text")
            }, "\(lines)")
        // The largest published file is `images.largest` wide.
        #expect(try Vips.header(path: "\(site.output)/media/lon.jpg").width == 2400)

        var options = BuildOptions(
            contentDirectory: site.content, outputDirectory: site.output,
            publication: Publication(now: TestSite.defaultNow), strict: true)
        options.jobs = 2
        #expect(throws: BuildFailure.self) { try SiteBuild.run(options, warnings: WarningLog()) }
    }

    @Test func checkReportsImagesNoPageUses() throws {
        let site = try Self.photoSite()
        try site.write(
            "Content/media/thua.png", try Data(contentsOf: URL(fileURLWithPath: "\(site.content)/media/anh.png")))
        try site.write("Content/media/tai-lieu.pdf", "%PDF-1.4")
        let findings = SiteCheck(contentDirectory: site.content, publication: Publication(now: TestSite.defaultNow))
            .run().map(\.oneLine)
        let unused = findings.filter { $0.contains("no page shows or links this image") }
        #expect(unused.count == 1 && unused[0].hasPrefix("\(site.content)/media/thua.png: warning:"), "\(findings)")
    }
}
