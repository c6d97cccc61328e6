import Foundation
import Testing

@testable import PortalKit

/// `portal banner --output DIR` writes into a new or empty folder or an earlier kit's, and
/// never over a folder of other files.
@Suite struct BannerKitFolderTests {
    @Test func aFolderOfOtherFilesIsRefusedAndLeftAsItWas() throws {
        let site = try BannerTests().site()
        let output = site.root.appendingPathComponent("Documents").path
        try site.write("Documents/report.txt", "keep me")
        try site.write("Documents/asean-banner-2027.zip", "not a zip, and not to be overwritten")
        let before = TestSite.snapshot(output)
        do {
            _ = try BannerExport(contentDirectory: site.content, year: 2027).write(to: output)
            Issue.record("the kit was written into a folder of other files")
        } catch {
            let text = error.description
            #expect(
                text.contains(
                    "\(output): error: the folder is not empty and is not a banner kit (it has no .portal-banner-kit); nothing was written to it"
                ), "\(text)")
            #expect(text.contains("help: choose a new or empty folder with --output, or the folder of an earlier kit"))
        }
        #expect(TestSite.snapshot(output) == before)

        // A file where the folder should be is refused too.
        try site.write("kit.txt", "a file")
        #expect(throws: BuildFailure.self) {
            try BannerExport(contentDirectory: site.content, year: 2027).write(
                to: site.root.appendingPathComponent("kit.txt").path)
        }
    }

    @Test func aKitFolderIsWrittenAgain() throws {
        let site = try BannerTests().site()
        let output = site.root.appendingPathComponent("kit").path
        _ = try BannerExport(contentDirectory: site.content, year: 2027).write(to: output)
        #expect(FileManager.default.fileExists(atPath: "\(output)/\(BannerExport.markerName)"))
        // Another year into the same kit folder, and again after the marker was lost (a kit
        // made before there was one): its files alone say what it is.
        let files = try BannerExport(contentDirectory: site.content, year: 2028).write(to: output)
        #expect(files.contains("\(output)/asean-banner-2028.zip"))
        try FileManager.default.removeItem(atPath: "\(output)/\(BannerExport.markerName)")
        _ = try BannerExport(contentDirectory: site.content, year: 2028).write(to: output)
        #expect(FileManager.default.fileExists(atPath: "\(output)/asean-banner-2027.zip"))
    }
}
