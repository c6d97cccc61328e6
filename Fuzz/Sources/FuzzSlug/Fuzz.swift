import Foundation
import FuzzSupport

@testable import PortalKit

/// `Slug.make` and `Diacritics.strip` on any text: slugs are `[a-z0-9]` runs joined by single
/// hyphens, slugging a slug changes nothing, canonically equivalent texts (NFC, NFD) give the
/// same slug, and the table-driven strip agrees with stripping by decomposition.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = Fuzz.string(data, size)
    let slug = Slug.make(text)
    let bytes = Array(slug.utf8)
    Fuzz.check(
        bytes.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D },
        "slug \(slug.debugDescription) holds a character outside [a-z0-9-]")
    Fuzz.check(bytes.first != 0x2D && bytes.last != 0x2D, "slug \(slug.debugDescription) starts or ends with -")
    Fuzz.check(!slug.contains("--"), "slug \(slug.debugDescription) has a double hyphen")
    Fuzz.check(Slug.make(slug) == slug, "slugging \(slug.debugDescription) again changes it")
    // The same text typed composed and decomposed, each taken in as portal takes in every text
    // (TextInput.nfc: format characters dropped, then NFC with the workaround for Foundation's
    // supplementary-plane bug), gives one slug. Foundation's NFC alone, or an NFD text that kept
    // its zero-width spaces, is not what any slug is made from.
    let nfc = TextInput.nfc(text)
    let nfd = TextInput.nfc(text.decomposedStringWithCanonicalMapping)
    Fuzz.check(
        Slug.make(nfc) == Slug.make(nfd),
        "NFC and NFD slugs differ: \(Slug.make(nfc).debugDescription) vs \(Slug.make(nfd).debugDescription)")

    let stripped = Diacritics.strip(text)
    let slow = Diacritics.stripByDecomposing(text)
    Fuzz.check(
        stripped.unicodeScalars.elementsEqual(slow.unicodeScalars),
        "strip \(stripped.unicodeScalars.map(\.value)) differs from stripping by decomposition \(slow.unicodeScalars.map(\.value))"
    )
    Fuzz.check(
        !stripped.unicodeScalars.contains { (0x0300...0x036F).contains($0.value) || $0 == "đ" || $0 == "Đ" },
        "strip left a mark or đ: \(stripped.unicodeScalars.map(\.value))")
    return 0
}

@main enum Main {
    static func main() { Fuzz.main() }
}
