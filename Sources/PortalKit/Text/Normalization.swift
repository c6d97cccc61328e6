import Foundation

/// Everything that enters the build passes through here: editors on macOS and on the
/// Windows "Unicode tổ hợp" keyboard produce decomposed (NFD) text, which compares equal
/// in Swift but differs in bytes, file names and URLs.
public enum TextInput {
    public enum DecodeFailure: Error, Equatable {
        /// Byte offset of the first byte that is not valid UTF-8.
        case notUTF8(offset: Int, line: Int)
    }

    /// Decodes UTF-8 (dropping a byte-order mark), turns CRLF and lone CR into LF, and
    /// normalises to NFC.
    public static func decode(_ data: Data) throws(DecodeFailure) -> String {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        // The standard library validates in one fast pass; only a file that fails is walked
        // scalar by scalar to say where.
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let bad = firstInvalidUTF8(bytes) ?? 0
            let line = bytes[..<bad].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
            throw .notUTF8(offset: bad, line: line)
        }
        let unified = unifyNewlines(text)
        return isSurelyNFC(bytes) ? unified : nfc(unified)
    }

    /// True when every character is one that NFC leaves as it is: ASCII, the precomposed Latin
    /// letters Vietnamese uses (Latin-1, Latin Extended-A/B, Latin Extended Additional) and
    /// common punctuation. Most files pass, and skip Foundation's normalisation, the costliest
    /// step of reading; anything else (combining marks above all) is normalised.
    static func isSurelyNFC(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { isSurelyNFC($0) }
    }

    static func isSurelyNFC(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let width = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
            guard index + width <= bytes.count else { return false }
            var scalar = UInt32(lead) & (width == 2 ? 0x1F : width == 3 ? 0x0F : 0x07)
            for k in 1..<width { scalar = scalar << 6 | UInt32(bytes[index + k] & 0x3F) }
            switch scalar {
            case 0x00A0...0x024F, 0x1E00...0x1EFF, 0x2010...0x205E, 0x20A0...0x20CF, 0x2100...0x2125, 0x2127...0x2129,
                0x212C...0x2328, 0x232B...0x23FF:
                index += width
            default:
                return false
            }
        }
        return true
    }

    /// Every YAML string and path passes through here: text that is surely NFC already (see
    /// `isSurelyNFC`) skips Foundation, which decomposes and recomposes all of it.
    public static func nfc(_ text: String) -> String {
        var text = text
        if text.withUTF8({ isSurelyNFC($0) }) { return text }
        return text.precomposedStringWithCanonicalMapping
    }

    static func unifyNewlines(_ text: String) -> String {
        // memchr, not `utf8.contains`: this runs on every source file of every build.
        var text = text
        let hasCR = text.withUTF8 { $0.count > 0 && memchr($0.baseAddress!, 0x0D, $0.count) != nil }
        guard hasCR else { return text }
        return text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }

    /// Index of the first byte that does not belong to a valid UTF-8 sequence.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        var start = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                offset += UTF8.width(scalar)
                start = offset
            case .emptyInput:
                return nil
            case .error:
                return start
            }
        }
    }
}
