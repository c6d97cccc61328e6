/// Lower-case hexadecimal, two digits a byte: how digests are written (file names, caches,
/// `translatedFrom`). By hand: `String(format:)` per byte was a measurable cost at 10,000 pages.
enum Hex {
    static func string(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
