import Crypto
import Foundation

/// Cache files are written beside their place and renamed over it, so a build stopped halfway
/// leaves the old file whole; a cache that cannot be written only costs the next build time.
enum CacheFile {
    /// A cache file's first field: its format and the portal that wrote it (a rebuilt portal
    /// may render the same input differently). A file with another is not read.
    private static func identity(_ version: String) -> String { "\(version)|\(RenderCache.executable)" }

    /// A writer that has put down the identity.
    static func writer(version: String) -> ByteWriter {
        var writer = ByteWriter()
        writer.string(identity(version))
        return writer
    }

    /// A reader past the identity, or nil when the file is missing or another's.
    static func reader(_ path: String, version: String) -> ByteReader? {
        guard let data = FileIO.read(path) else { return nil }
        var reader = ByteReader(bytes: [UInt8](data))
        return reader.string() == identity(version) ? reader : nil
    }

    static func replace(_ path: String, with bytes: [UInt8]) {
        try? FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let pending = path + ".new"
        // Written from the array's own storage: a Data copy of a 60 MB cache costs 60 MB more.
        let written = bytes.withUnsafeBytes { buffer in
            (try? FileIO.write(buffer, to: pending)) != nil
        }
        if !written || (try? FileIO.rename(pending, path)) == nil { unlink(pending) }
    }
}

/// Length-prefixed strings and little-endian integers: the cache files' whole format.
struct ByteWriter {
    var bytes: [UInt8] = []

    mutating func int(_ value: Int) {
        withUnsafeBytes(of: Int64(value).littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func string(_ text: String) {
        int(text.utf8.count)
        bytes.append(contentsOf: text.utf8)
    }

    mutating func strings(_ texts: [String]) {
        int(texts.count)
        for text in texts { string(text) }
    }

    /// A non-negative integer in 7-bit groups, low first (LEB128): the search cache's millions
    /// of small numbers take a byte or two each instead of eight.
    mutating func varint(_ value: Int) {
        precondition(value >= 0, "varint takes non-negative integers")
        var rest = UInt64(value)
        while rest >= 0x80 {
            bytes.append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }
}

struct ByteReader {
    let bytes: ArraySlice<UInt8>
    var offset: Int

    init(bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        offset = bytes.startIndex
    }

    init(bytes: [UInt8]) { self.init(bytes: bytes[...]) }

    var isAtEnd: Bool { offset == bytes.endIndex }

    mutating func int() -> Int? {
        guard offset + 8 <= bytes.endIndex else { return nil }
        var value: Int64 = 0
        for k in (0..<8).reversed() { value = value << 8 | Int64(bytes[offset + k]) }
        offset += 8
        return Int(value)
    }

    mutating func string() -> String? {
        guard let bytes = slice() else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A length-prefixed run of bytes, as they are (no copy).
    mutating func slice() -> ArraySlice<UInt8>? {
        guard let count = int(), count >= 0, count <= bytes.endIndex - offset else { return nil }
        defer { offset += count }
        return bytes[offset..<offset + count]
    }

    mutating func strings() -> [String]? {
        guard let count = int(), count >= 0, count <= bytes.endIndex - offset else { return nil }
        var texts: [String] = []
        texts.reserveCapacity(count)
        for _ in 0..<count {
            guard let text = string() else { return nil }
            texts.append(text)
        }
        return texts
    }

    mutating func varint() -> Int? {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while offset < bytes.endIndex, shift < 63 {
            let byte = bytes[offset]
            offset += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return Int(value) }
            shift += 7
        }
        return nil
    }
}

/// A SHA-256 over texts each preceded by its length, so that no two lists of texts give the
/// same bytes ("ab", "c" and "a", "bc" differ): the caches' keys and digests.
struct FieldDigest {
    private var hash = SHA256()

    mutating func add(_ text: String) {
        var count = UInt64(text.utf8.count)
        withUnsafeBytes(of: &count) { hash.update(bufferPointer: $0) }
        var text = text
        text.withUTF8 { hash.update(bufferPointer: UnsafeRawBufferPointer($0)) }
    }

    func finish() -> String { Hex.string(hash.finalize()) }

    static func of(_ texts: [String]) -> String {
        var digest = FieldDigest()
        for text in texts { digest.add(text) }
        return digest.finish()
    }
}
