import Foundation

/// How search reads text: Vietnamese words are written as space-separated syllables, so the
/// index holds syllables; each is kept folded (tones and marks removed, đ → d, so "da nang"
/// finds "Đà Nẵng") and in an exact form that ignores only where the tone mark sits ("hòa" and
/// "hoà" are the same exact form; "dê" and "dế" are not). The theme's search script does the
/// same steps to a query; `SearchTextTests` and the browser tests keep the two in step.
public enum SearchText {
    /// Lower-cased NFC syllables (runs of letters and digits), in order. Text from the build is
    /// NFC already (it was normalised at the door); `nfc: true` normalises other text first.
    public static func syllables(_ text: String, nfc: Bool = true) -> [String] {
        var result: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in (nfc ? TextInput.nfc(text) : text).lowercased().unicodeScalars {
            let isWordPart =
                scalar.isASCII
                ? (scalar.value >= 0x61 && scalar.value <= 0x7A) || (scalar.value >= 0x30 && scalar.value <= 0x39)
                : scalar.properties.isAlphabetic || scalar.properties.numericType != nil
                    || (0x0300...0x036F).contains(scalar.value)
            if isWordPart {
                current.append(scalar)
            } else if !current.isEmpty {
                result.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { result.append(String(current)) }
        return result
    }

    /// The same syllables as `syllables`, as UTF-8 bytes, for text that is NFC already (what the
    /// build holds): ASCII is lower-cased by hand, other letters through Swift, once per letter.
    static func syllableBytes(_ text: String) -> [[UInt8]] {
        var result: [[UInt8]] = []
        var current: [UInt8] = []
        var lowered: [Unicode.Scalar: [UInt8]] = [:]
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                if (0x61...0x7A).contains(value) || (0x30...0x39).contains(value) {
                    current.append(UInt8(value))
                } else if (0x41...0x5A).contains(value) {
                    current.append(UInt8(value + 0x20))
                } else if !current.isEmpty {
                    result.append(current)
                    current.removeAll(keepingCapacity: true)
                }
                continue
            }
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil
                || (0x0300...0x036F).contains(value)
            {
                if let bytes = lowered[scalar] {
                    current += bytes
                } else {
                    let bytes = Array(String(scalar).lowercased().utf8)
                    lowered[scalar] = bytes
                    current += bytes
                }
            } else if !current.isEmpty {
                result.append(current)
                current.removeAll(keepingCapacity: true)
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    /// "Đà" → "da": no tones, no marks, đ → d.
    public static func fold(_ syllable: String) -> String { Diacritics.strip(syllable).lowercased() }

    /// The five tone marks of Vietnamese (huyền, sắc, ngã, hỏi, nặng) and their numbers.
    static let tones: [UInt32: Character] = [0x0300: "2", 0x0301: "1", 0x0303: "4", 0x0309: "3", 0x0323: "5"]

    /// The syllable with its tone mark taken off and written as a digit after it: "hòa" and
    /// "hoà" → "hoa2", "dế" → "dê1", "dê" → "dê0". Vowel marks (â, ă, ê, ô, ơ, ư) stay.
    public static func exact(_ syllable: String) -> String {
        var tone: Character = "0"
        var base = String.UnicodeScalarView()
        for scalar in syllable.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
            if let digit = tones[scalar.value] { tone = digit } else { base.append(scalar) }
        }
        return String(base).precomposedStringWithCanonicalMapping + String(tone)
    }
}
