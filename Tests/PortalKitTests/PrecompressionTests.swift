import CCompression
import Foundation
import Testing

@testable import PortalKit

/// The `.gz` and `.br` copies beside the output's text files: deterministic, decoding to the
/// file's bytes, made only for text over 1 KB, kept when unchanged, and as `site.yml` says.
@Suite struct PrecompressionTests {
    static func gunzip(_ data: Data) -> Data? {
        var stream = z_stream()
        guard inflateInit2_(&stream, 15 + 16, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            return nil
        }
        defer { inflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: 1 << 24)
        var input = [UInt8](data)
        let status = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                stream.next_in = inBuffer.baseAddress
                stream.avail_in = uInt(inBuffer.count)
                stream.next_out = outBuffer.baseAddress
                stream.avail_out = uInt(outBuffer.count)
                return inflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { return nil }
        return Data(output.prefix(Int(stream.total_out)))
    }

    static func unbrotli(_ data: Data) -> Data? {
        var size = 1 << 24
        var output = [UInt8](repeating: 0, count: size)
        let input = [UInt8](data)
        let result = output.withUnsafeMutableBufferPointer { out in
            BrotliDecoderDecompress(input.count, input, &size, out.baseAddress)
        }
        guard result == BROTLI_DECODER_RESULT_SUCCESS else { return nil }
        return Data(output.prefix(size))
    }

    @Test func copiesAreDeterministicAndDecodeToTheBytes() throws {
        let text = Data(String(repeating: "Cộng đồng Văn hóa – Xã hội ASEAN, Đà Nẵng. ", count: 200).utf8)
        let first = text.withUnsafeBytes { Precompression().compress($0) }
        let second = text.withUnsafeBytes { Precompression().compress($0) }
        #expect(first.map(\.suffix) == [".br", ".gz"])
        #expect(first.map(\.bytes) == second.map(\.bytes))
        let gzip = Data(first[1].bytes), brotli = Data(first[0].bytes)
        // RFC 1952 header: magic, deflate, no flags (no file name), modification time 0.
        #expect(Array(gzip.prefix(8)) == [0x1f, 0x8b, 8, 0, 0, 0, 0, 0])
        #expect(Self.gunzip(gzip) == text)
        #expect(Self.unbrotli(brotli) == text)
        #expect(brotli.count < gzip.count && gzip.count < text.count)
        // Turned off one by one.
        #expect(text.withUnsafeBytes { Precompression(gzip: false).compress($0) }.map(\.suffix) == [".br"])
        #expect(text.withUnsafeBytes { Precompression(brotli: false).compress($0) }.map(\.suffix) == [".gz"])
    }

    @Test func onlyTextFilesOverOneKilobyte() {
        let on = Precompression()
        #expect(on.applies(to: "tin-tuc/index.html", size: 1025))
        #expect(!on.applies(to: "tin-tuc/index.html", size: 1024))
        for path in ["a.css", "a.js", "a.json", "a.xml", "a.svg", "a.ics", "a.txt", "a.csv"] {
            #expect(on.applies(to: path, size: 5000), "\(path)")
        }
        for path in ["media/anh.png", "banner/kit.zip", "media/a.jpg", "a.pdf", "html", "x.html/file"] {
            #expect(!on.applies(to: path, size: 5000), "\(path)")
        }
        #expect(!Precompression(gzip: false, brotli: false).applies(to: "a.html", size: 5000))
    }

    @Test func aBuildWritesCopiesKeepsThemAndIsReproducible() throws {
        let site = try TestSite()
        let first = try site.build()
        let home = "\(site.output)/index.html"
        let html = try Data(contentsOf: URL(fileURLWithPath: home))
        #expect(html.count > 1024)
        #expect(Self.unbrotli(try Data(contentsOf: URL(fileURLWithPath: home + ".br"))) == html)
        #expect(Self.gunzip(try Data(contentsOf: URL(fileURLWithPath: home + ".gz"))) == html)
        let files = TestSite.snapshot(site.output)
        for (path, bytes) in files where Precompression().applies(to: path, size: bytes.count) {
            #expect(files[path + ".gz"] != nil, "no \(path).gz")
        }
        #expect(!files.keys.contains { $0.hasPrefix("media/") && ($0.hasSuffix(".gz") || $0.hasSuffix(".br")) })
        #expect(files["robots.txt.gz"] == nil)  // 1 KB or less
        #expect(first.filesWritten == files.count)

        // Nothing changed: nothing is written, the copies are the same files.
        let inode = try FileManager.default.attributesOfItem(atPath: home + ".br")[.systemFileNumber] as? Int
        let again = try site.build()
        #expect(again.filesWritten == 0)
        #expect(try FileManager.default.attributesOfItem(atPath: home + ".br")[.systemFileNumber] as? Int == inode)

        // One post changes: its page and its copies are written; a clean build is the same.
        let post = try FileManager.default.contentsOfDirectory(atPath: "\(site.content)/vi/tin-tuc")
            .filter { $0.hasSuffix(".md") && $0 != "_index.md" }.sorted()[0]
        let postPath = "\(site.content)/vi/tin-tuc/\(post)"
        try (try String(contentsOfFile: postPath, encoding: .utf8) + "\nMột câu mới.\n").write(
            toFile: postPath, atomically: true, encoding: .utf8)
        let third = try site.build()
        #expect(third.filesWritten > 0 && third.filesWritten < 20)
        let clean = site.root.appendingPathComponent("clean").path
        try site.build(output: clean)
        let a = TestSite.snapshot(site.output), b = TestSite.snapshot(clean)
        #expect(a.keys.sorted() == b.keys.sorted())
        #expect(a.keys.filter { a[$0] != b[$0] }.isEmpty)

        // Turned off in site.yml: the copies go.
        let settings = "\(site.content)/site.yml"
        try (try String(contentsOfFile: settings, encoding: .utf8) + "compression:\n  gzip: false\n  brotli: false\n")
            .write(toFile: settings, atomically: true, encoding: .utf8)
        try site.build()
        let off = TestSite.snapshot(site.output)
        #expect(!off.keys.contains { $0.hasSuffix(".gz") || $0.hasSuffix(".br") })
    }

    @Test func aMisspeltCompressionKeyIsAnError() throws {
        let site = try TestSite()
        let settings = "\(site.content)/site.yml"
        try (try String(contentsOfFile: settings, encoding: .utf8) + "compression:\n  gzipp: false\n")
            .write(toFile: settings, atomically: true, encoding: .utf8)
        let failure = site.failure() ?? ""
        #expect(failure.contains("gzipp"))
        #expect(failure.contains("site.yml:"))
    }
}
