import Foundation

/// Turns Vietnamese (or any Latin-script) text into the ASCII slugs used in URLs,
/// heading ids and term paths: "Đường dây nóng" → "duong-day-nong".
public enum Slug {
    /// Folds `text` to lowercase ASCII letters and digits separated by single hyphens.
    /// Returns an empty string when nothing foldable is left (e.g. only punctuation).
    public static func make(_ text: String) -> String {
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
}

/// Removes tone marks and vowel marks, and maps đ/Đ (which have no decomposition,
/// so Foundation's diacritic folding keeps them) to d/D.
public enum Diacritics {
    public static func strip(_ text: String) -> String {
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
