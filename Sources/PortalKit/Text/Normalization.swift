import Foundation

/// Everything that enters the build passes through here: editors on macOS and on the
/// Windows "Unicode tổ hợp" keyboard produce decomposed (NFD) text, which compares equal
/// in Swift but differs in bytes, file names and URLs.
public enum TextInput {
    public enum DecodeFailure: Error, Equatable {
        /// Byte offset of the first byte that is not valid UTF-8.
        case notUTF8(offset: Int, line: Int)
    }

    /// Decodes UTF-8 (dropping a byte-order mark), turns CRLF and lone CR into LF, drops
    /// invisible format characters (see `withoutFormatCharacters`) and normalises to NFC.
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
        return isSurelyNFC(bytes) ? unified : cleaned(unified)
    }

    /// True when every character is one that NFC leaves as it is and that is not a format
    /// character: ASCII, the precomposed Latin letters Vietnamese uses (Latin-1 but its soft
    /// hyphen, Latin Extended-A/B, Latin Extended Additional) and common punctuation (but the
    /// bidirectional embeddings and overrides U+202A–U+202E). Most files pass, and skip
    /// Foundation's normalisation, the costliest step of reading; anything else (combining
    /// marks above all, and every format character) takes the slow path.
    static func isSurelyNFC(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { isSurelyNFC($0) }
    }

    static func isSurelyNFC(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            if lead < 0x80 {
                // Control characters other than tab and line ends take the slow path, which drops them.
                if (lead < 0x20 && lead != 0x09 && lead != 0x0A && lead != 0x0D) || lead == 0x7F { return false }
                index += 1
                continue
            }
            let width = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
            guard index + width <= bytes.count else { return false }
            var scalar = UInt32(lead) & (width == 2 ? 0x1F : width == 3 ? 0x0F : 0x07)
            for k in 1..<width { scalar = scalar << 6 | UInt32(bytes[index + k] & 0x3F) }
            switch scalar {
            // Ranges, not a lookup per scalar, so the check stays a compare or two per byte;
            // U+00AD and U+202A–U+202E are the only format characters (Cf) inside them and
            // are left out, U+200B–U+200F, U+2060–U+2064 and U+FEFF lie outside them.
            case 0x00A0...0x00AC, 0x00AE...0x024F, 0x1E00...0x1EFF, 0x2010...0x2029, 0x202F...0x205E,
                0x20A0...0x20CF, 0x2100...0x2125, 0x2127...0x2129, 0x212C...0x2328, 0x232B...0x23FF:
                index += width
            default:
                return false
            }
        }
        return true
    }

    /// Every YAML string and path passes through here: text that is surely NFC already (see
    /// `isSurelyNFC`) skips Foundation, which decomposes and recomposes all of it. Format
    /// characters are dropped as by `decode`: a title or tag typed on the command line or
    /// pasted into a file name is cleaned the same way as one read from a file.
    public static func nfc(_ text: String) -> String {
        var text = text
        if text.withUTF8({ isSurelyNFC($0) }) { return text }
        return cleaned(text)
    }

    /// Without format characters, then NFC: in that order, because a dropped character may
    /// have stood between a letter and its combining mark ("e", U+200B, U+0301 becomes "é").
    private static func cleaned(_ text: String) -> String {
        let text = withoutFormatCharacters(text)
        guard hasSupplementaryBeforeMark(text) else { return text.precomposedStringWithCanonicalMapping }
        // Foundation's NFC on Linux composes a supplementary-plane character followed by a
        // combining mark as if it were the BMP letter of its low 16 bits (U+20041 U+0301, a
        // Chữ Nôm ideograph and an acute, became "Á"; found by fuzz-slug). Such a character and
        // the marks after it are kept as written, the text between is composed: none of these
        // characters composes with a mark in Vietnamese or English text.
        var result = ""
        var pending = String.UnicodeScalarView()
        var keeping = false
        for scalar in text.unicodeScalars {
            if scalar.value > 0xFFFF {
                result += String(pending).precomposedStringWithCanonicalMapping
                pending = String.UnicodeScalarView()
                result.unicodeScalars.append(scalar)
                keeping = true
            } else if keeping && isMark(scalar) {
                result.unicodeScalars.append(scalar)
            } else {
                keeping = false
                pending.append(scalar)
            }
        }
        return result + String(pending).precomposedStringWithCanonicalMapping
    }

    private static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return scalar.properties.canonicalCombiningClass != .notReordered
        }
    }

    private static func hasSupplementaryBeforeMark(_ text: String) -> Bool {
        var previousIsSupplementary = false
        for scalar in text.unicodeScalars {
            if previousIsSupplementary && isMark(scalar) { return true }
            previousIsSupplementary = scalar.value > 0xFFFF
        }
        return false
    }

    /// Format characters (Unicode general category Cf) are invisible: a right-to-left override
    /// (U+202E) reverses how a title reads in `<title>`, feeds and the JSON export, and a zero
    /// width space (U+200B) or a stray byte-order mark (U+FEFF) makes two tags, slugs or search
    /// terms that look identical but are not. None of them belongs in this site's text, with
    /// two kinds of exception that text needs: U+200C and U+200D (zero-width non-joiner and
    /// joiner), which emoji sequences (👩‍💻) and several scripts use, and the tag characters
    /// U+E0020–U+E007F inside an emoji tag sequence (the flags of Scotland or Wales: U+1F3F4,
    /// tags, U+E007F). Vietnamese and English use none of them.
    ///
    /// Control characters (C0 but tab and line ends, DEL, C1) go too: HTML forbids them and
    /// XML cannot hold them, so one typed as a YAML escape (`"\u0001"`) in a title made
    /// invalid pages and feeds that readers reject.
    static func withoutFormatCharacters(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isDropped) else { return text }
        var kept = String.UnicodeScalarView()
        var inTagSequence = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            let isTag = (0xE0020...0xE007F).contains(value)
            if isTag && inTagSequence {
                kept.append(scalar)
                inTagSequence = value != 0xE007F  // CANCEL TAG ends the sequence
                continue
            }
            inTagSequence = value == 0x1F3F4  // WAVING BLACK FLAG starts one
            if isDropped(scalar) { continue }
            kept.append(scalar)
        }
        return String(kept)
    }

    private static func isDropped(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D, 0x200C, 0x200D: return false
        case 0x00...0x1F, 0x7F...0x9F: return true
        default: return scalar.value >= 0xAD && scalar.properties.generalCategory == .format
        }
    }

    static func unifyNewlines(_ text: String) -> String {
        // memchr, not `utf8.contains`: this runs on every source file of every build.
        var text = text
        let hasCR = text.withUTF8 { $0.count > 0 && memchr($0.baseAddress!, 0x0D, $0.count) != nil }
        guard hasCR else { return text }
        // As bytes: Foundation's `replacingOccurrences` compares Characters, and a CR before a
        // combining mark is one Character with it, so that CR stayed (found by fuzz-frontmatter).
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var afterCR = false
        for byte in text.utf8 {
            if byte == 0x0A && afterCR {
                afterCR = false
                continue
            }
            afterCR = byte == 0x0D
            bytes.append(afterCR ? 0x0A : byte)
        }
        return String(decoding: bytes, as: UTF8.self)
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
