import Foundation

/// How search reads text: Vietnamese words are written as space-separated syllables, so the
/// index holds syllables; each is kept folded (tones and marks removed, đ → d, so "da nang"
/// finds "Đà Nẵng") and in an exact form that ignores only where the tone mark sits ("hòa" and
/// "hoà" are the same exact form; "dê" and "dế" are not). The theme's search script does the
/// same steps to a query; `SearchTextTests` and the browser tests keep the two in step.
public enum SearchText {
    /// The longest syllable indexed, in Unicode scalars of its lower-cased NFC form (a letter
    /// with its marks is one: "ệ"); longer runs are left out, as punctuation is. A real word is
    /// far shorter: a Vietnamese syllable has at most 7 letters ("nghiêng"), the longest English
    /// dictionary words 45 ("pneumonoultramicroscopicsilicovolcanoconiosis"), and the numbers
    /// pages hold are split at their dots, commas and dashes (a phone number, a budget in đồng, a
    /// 13-digit ISBN); even a SHA-256 in hexadecimal is 64. Without a limit one pasted run of
    /// 10 MB (a data: URL, base64, a minified line) became a term of 10 MB in the index files
    /// (twice: as a term and as its exact form), which every reader fetching that shard pays for.
    /// The theme's search script drops longer syllables of a query the same way.
    public static let maximumSyllableLength = 64

    /// Lower-cased NFC syllables (runs of letters and digits, at most `maximumSyllableLength`
    /// long), in order. Text from the build is NFC already (it was normalised at the door);
    /// `nfc: true` normalises other text first.
    public static func syllables(_ text: String, nfc: Bool = true) -> [String] {
        var result: [String] = []
        var current = String.UnicodeScalarView()
        var length = 0
        for scalar in (nfc ? TextInput.nfc(text) : text).lowercased().unicodeScalars {
            let isWordPart =
                scalar.isASCII
                ? (scalar.value >= 0x61 && scalar.value <= 0x7A) || (scalar.value >= 0x30 && scalar.value <= 0x39)
                : scalar.properties.isAlphabetic || scalar.properties.numericType != nil
                    || (0x0300...0x036F).contains(scalar.value)
            if isWordPart {
                length += 1
                if length <= maximumSyllableLength { current.append(scalar) }
            } else {
                if !current.isEmpty && length <= maximumSyllableLength { result.append(String(current)) }
                current = String.UnicodeScalarView()
                length = 0
            }
        }
        if !current.isEmpty && length <= maximumSyllableLength { result.append(String(current)) }
        return result
    }

    /// The same syllables as `syllables`, as UTF-8 bytes, for text that is NFC already (what the
    /// build holds).
    static func syllableBytes(_ text: String) -> [[UInt8]] {
        var result: [[UInt8]] = []
        var reader = SyllableReader()
        reader.forEachSyllable(in: text) { result.append($0) }
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

/// Reads the syllables of `SearchText.syllables` as UTF-8 bytes, for text that is NFC already
/// (what the build holds), without a string or an array per syllable: the search index reads
/// millions. ASCII is lower-cased by hand; what Unicode says of other scalars (a word part or
/// not, and its lower case through Swift) is looked up once per scalar and kept.
struct SyllableReader {
    /// What is known of a scalar below `table.count` (Latin, Vietnamese, combining marks,
    /// punctuation): 0 nothing yet, -1 not a word part, 1 a word part that is its own lower
    /// case, n > 1 a word part whose lower case is `lowered[n - 2]`. Scalars above: `others`.
    private var table = [Int32](repeating: 0, count: 0x3000)
    private var others: [UInt32: Int32] = [:]
    private var lowered: [[UInt8]] = []
    /// The number of scalars of each `lowered` (a lower case may be longer: "İ" → "i̇").
    private var loweredLength: [Int] = []
    /// The syllable being read; one buffer for all of them. Past `maximumSyllableLength`
    /// scalars nothing more is kept (`length` still counts), and the syllable is dropped.
    private var current: [UInt8] = []
    private var length = 0

    /// Calls `body` with each syllable's bytes, in order; the array is reused after the call.
    mutating func forEachSyllable(in text: String, _ body: ([UInt8]) -> Void) {
        var text = text
        text.withUTF8 { bytes in
            var i = 0
            while i < bytes.count {
                let lead = bytes[i]
                let limit = SearchText.maximumSyllableLength
                if lead < 0x80 {
                    i += 1
                    if (0x61...0x7A).contains(lead) || (0x30...0x39).contains(lead) {
                        length += 1
                        if length <= limit { current.append(lead) }
                    } else if (0x41...0x5A).contains(lead) {
                        length += 1
                        if length <= limit { current.append(lead + 0x20) }
                    } else {
                        finish(body)
                    }
                    continue
                }
                // A multi-byte scalar (Swift strings hold valid UTF-8).
                let width = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
                var value = UInt32(lead) & (0x7F >> UInt32(width))
                for k in 1..<width { value = value << 6 | UInt32(bytes[i + k] & 0x3F) }
                switch kind(of: value) {
                case -1: finish(body)
                case 1:
                    length += 1
                    if length <= limit { current.append(contentsOf: bytes[i..<(i + width)]) }
                case let n:
                    length += loweredLength[Int(n) - 2]
                    if length <= limit { current.append(contentsOf: lowered[Int(n) - 2]) }
                }
                i += width
            }
        }
        finish(body)
    }

    /// Hands the syllable read so far (if any, and not too long) to `body` and starts the next.
    private mutating func finish(_ body: ([UInt8]) -> Void) {
        guard !current.isEmpty else { return }
        if length <= SearchText.maximumSyllableLength { body(current) }
        current.removeAll(keepingCapacity: true)
        length = 0
    }

    /// A non-ASCII scalar's entry, as in `table`, looked up once.
    private mutating func kind(of value: UInt32) -> Int32 {
        if value < table.count, table[Int(value)] != 0 { return table[Int(value)] }
        if value >= table.count, let known = others[value] { return known }
        let scalar = Unicode.Scalar(value)!
        let kind: Int32
        if scalar.properties.isAlphabetic || scalar.properties.numericType != nil
            || (0x0300...0x036F).contains(value)
        {
            let lower = Array(String(scalar).lowercased().utf8)
            if lower.elementsEqual(String(scalar).utf8) {
                kind = 1
            } else {
                lowered.append(lower)
                loweredLength.append(String(scalar).lowercased().unicodeScalars.count)
                kind = Int32(lowered.count + 1)
            }
        } else {
            kind = -1
        }
        if value < table.count { table[Int(value)] = kind } else { others[value] = kind }
        return kind
    }
}

/// Distinct syllables → ids 0, 1, 2…, in the order first seen: an open-addressing hash table
/// over one array of bytes (a `[[UInt8]: Int]` would hash every syllable through `Hasher` and
/// hold an array for each).
struct SyllableTable {
    private var bytes: [UInt8] = []  // every syllable's bytes, one after another
    private var ends: [Int] = [0]  // syllable `id` is bytes[ends[id]..<ends[id + 1]]
    private var hashes: [UInt64] = []  // each syllable's hash
    private var slots = [Int32](repeating: -1, count: 1 << 12)  // -1 free, else an id
    private var shift = 64 - 12  // slots.count is 1 << (64 - shift)

    /// The syllable's id, and whether it was seen here for the first time.
    mutating func id(of syllable: [UInt8]) -> (id: Int, isNew: Bool) {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325  // 64-bit FNV-1a
        for byte in syllable { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        var slot = self.slot(hash)
        while slots[slot] >= 0 {
            let id = Int(slots[slot])
            if hashes[id] == hash, bytes[ends[id]..<ends[id + 1]].elementsEqual(syllable) { return (id, false) }
            slot = (slot + 1) & (slots.count - 1)
        }
        let id = hashes.count
        bytes += syllable
        ends.append(bytes.count)
        hashes.append(hash)
        slots[slot] = Int32(id)
        if hashes.count * 2 > slots.count { grow() }
        return (id, true)
    }

    /// The first slot to try: the hash's top bits after a Fibonacci multiply (FNV's low bits
    /// are not well mixed).
    private func slot(_ hash: UInt64) -> Int { Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> shift) }

    /// Twice the slots, kept at most half full.
    private mutating func grow() {
        shift -= 1
        slots = [Int32](repeating: -1, count: slots.count * 2)
        for (id, hash) in hashes.enumerated() {
            var slot = self.slot(hash)
            while slots[slot] >= 0 { slot = (slot + 1) & (slots.count - 1) }
            slots[slot] = Int32(id)
        }
    }
}
