import CCompression
import Foundation

/// The `.gz` and `.br` files beside the output's text files, so a web server sends them as
/// they are (nginx's `gzip_static`, a rewrite to the `.br` file) instead of compressing every
/// response again: the Vietnamese search index alone is about 8 MB gzipped at 5,000 posts.
/// Both are deterministic — the gzip header carries no time or file name — so the same bytes
/// give the same compressed bytes on every build, and unchanged files stay unchanged.
public struct Precompression: Sendable, Hashable {
    /// `site.yml`'s `compression.gzip` and `compression.brotli`; both on by default.
    public var gzip = true
    public var brotli = true

    public init(gzip: Bool = true, brotli: Bool = true) {
        self.gzip = gzip
        self.brotli = brotli
    }

    /// Text files compress; images, PDFs and zips already are compressed.
    static let extensions: Set<String> = ["html", "css", "js", "json", "xml", "svg", "ics", "txt", "csv"]
    /// Files of 1 KB or less gain less than the headers of a compressed response cost.
    static let minimumSize = 1024

    /// The suffixes made, brotli first: `.br`, `.gz`.
    var suffixes: [String] { (brotli ? [".br"] : []) + (gzip ? [".gz"] : []) }

    /// Whether a file of this path and size gets compressed copies.
    func applies(to path: String, size: Int) -> Bool {
        guard !suffixes.isEmpty, size > Self.minimumSize else { return false }
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return false }
        return Self.extensions.contains(String(path[path.index(after: dot)...]).lowercased())
    }

    /// The paths a file's compressed copies may take (each is left out when it would not be
    /// smaller than the file): for the clash check before anything is published.
    func candidatePaths(for path: String, size: Int) -> [String] {
        applies(to: path, size: size) ? suffixes.map { path + $0 } : []
    }

    /// The compressed copies of `bytes`, suffix and body, each only when smaller than `bytes`.
    func compress(_ bytes: UnsafeRawBufferPointer) -> [(suffix: String, bytes: [UInt8])] {
        var made: [(String, [UInt8])] = []
        if brotli, let encoded = Self.brotli(bytes), encoded.count < bytes.count { made.append((".br", encoded)) }
        if gzip, let encoded = Self.gzip(bytes), encoded.count < bytes.count { made.append((".gz", encoded)) }
        return made
    }

    /// gzip (RFC 1952) at zlib's level 9 with its largest window and memory: zlib writes a
    /// header with modification time 0, no file name and its own OS byte, so the output
    /// depends on the bytes alone.
    static func gzip(_ input: UnsafeRawBufferPointer) -> [UInt8]? {
        var stream = z_stream()
        // windowBits 15 + 16: the gzip wrapper instead of zlib's.
        guard
            deflateInit2_(
                &stream, 9, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY, zlibVersion(),
                Int32(MemoryLayout<z_stream>.size)) == Z_OK
        else { return nil }
        defer { deflateEnd(&stream) }
        let bound = Int(deflateBound(&stream, uLong(input.count))) + 32
        var output = [UInt8](repeating: 0, count: bound)
        let status = output.withUnsafeMutableBytes { out -> Int32 in
            stream.next_in = UnsafeMutablePointer(
                mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self) ?? UnsafePointer(bitPattern: 1)!)
            stream.avail_in = uInt(input.count)
            stream.next_out = out.baseAddress!.assumingMemoryBound(to: Bytef.self)
            stream.avail_out = uInt(out.count)
            return deflate(&stream, Z_FINISH)
        }
        guard status == Z_STREAM_END else { return nil }
        output.removeSubrange(Int(stream.total_out)...)
        return output
    }

    /// Brotli (RFC 7932) at quality 11, the best, with the default 4 MiB window, in text mode.
    static func brotli(_ input: UnsafeRawBufferPointer) -> [UInt8]? {
        var size = BrotliEncoderMaxCompressedSize(input.count)
        if size == 0 { size = input.count + 1024 }
        var output = [UInt8](repeating: 0, count: size)
        let ok = output.withUnsafeMutableBufferPointer { out in
            BrotliEncoderCompress(
                BROTLI_MAX_QUALITY, BROTLI_DEFAULT_WINDOW, BROTLI_MODE_TEXT, input.count,
                input.baseAddress?.assumingMemoryBound(to: UInt8.self), &size, out.baseAddress)
        }
        guard ok == BROTLI_TRUE else { return nil }
        output.removeSubrange(size...)
        return output
    }
}
