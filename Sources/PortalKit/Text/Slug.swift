import Foundation

/// Turns Vietnamese (or any Latin-script) text into the ASCII slugs used in URLs,
/// heading ids and term paths: "Đường dây nóng" → "duong-day-nong".
public enum Slug {
    /// Folds `text` to lowercase ASCII letters and digits separated by single hyphens.
    /// Returns an empty string when nothing foldable is left (e.g. only punctuation).
    public static func make(_ text: String) -> String {
        if let slug = asciiSlug(text) { return slug }
        var out = String.UnicodeScalarView()
        var pendingHyphen = false
        for scalar in Diacritics.strip(text).unicodeScalars {
            let value = scalar.value
            let isDigit = (0x30...0x39).contains(value)
            let isUpper = (0x41...0x5A).contains(value)
            let isLower = (0x61...0x7A).contains(value)
            if isDigit || isUpper || isLower {
                if pendingHyphen && !out.isEmpty { out.append("-") }
                pendingHyphen = false
                out.append(isUpper ? Unicode.Scalar(value + 0x20)! : scalar)
            } else {
                pendingHyphen = true
            }
        }
        return String(out)
    }

    /// The same for text that is all ASCII (most file names), byte by byte; nil for other text.
    /// Every page's URL is made from its file name on every build: scalar by scalar, through
    /// `Diacritics.strip`, slugs were a quarter of the site graph's time.
    private static func asciiSlug(_ text: String) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingHyphen = false
        for byte in text.utf8 {
            let lower: UInt8
            switch byte {
            case 0x80...: return nil
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"): lower = byte
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): lower = byte + 0x20
            default:
                pendingHyphen = true
                continue
            }
            if pendingHyphen && !out.isEmpty { out.append(UInt8(ascii: "-")) }
            pendingHyphen = false
            out.append(lower)
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// Removes tone marks and vowel marks, and maps đ/Đ (which have no decomposition,
/// so Foundation's diacritic folding keeps them) to d/D.
public enum Diacritics {
    public static func strip(_ text: String) -> String {
        // Slugs, heading ids and the search index strip every title and syllable: letters
        // from the table below are looked up, and only other text is decomposed by Foundation.
        var fast = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.value < 0x80 {
                fast.append(scalar)
            } else if let base = bases[scalar.value] {
                if let base { fast.append(base) }
            } else {
                return stripByDecomposing(text)
            }
        }
        return String(fast)
    }

    /// Latin-1, Latin Extended-A/B and Latin Extended Additional (every precomposed letter of
    /// Vietnamese), and the combining marks: scalar → what it strips to (nil: nothing).
    private static let bases: [UInt32: Unicode.Scalar?] = {
        var table: [UInt32: Unicode.Scalar?] = [:]
        for value: UInt32 in Array(0x00C0...0x024F) + Array(0x1E00...0x1EFF) + Array(0x0300...0x036F) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let stripped = stripByDecomposing(String(scalar)).unicodeScalars
            guard stripped.count <= 1 else { continue }
            table[value] = .some(stripped.first)
        }
        return table
    }()

    static func stripByDecomposing(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar.value {
            case 0x0300...0x036F: continue  // combining marks: tones, breve, circumflex, horn
            case 0x0111: out.append("d")
            case 0x0110: out.append("D")
            default: out.append(scalar)
            }
        }
        return String(out)
    }
}
