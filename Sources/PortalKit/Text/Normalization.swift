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
        if let bad = firstInvalidUTF8(bytes) {
            let line = bytes[..<bad].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
            throw .notUTF8(offset: bad, line: line)
        }
        let text = String(decoding: bytes, as: UTF8.self)
        return nfc(unifyNewlines(text))
    }

    public static func nfc(_ text: String) -> String {
        text.precomposedStringWithCanonicalMapping
    }

    static func unifyNewlines(_ text: String) -> String {
        guard text.utf8.contains(0x0D) else { return text }
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
