import Foundation
import Testing

@testable import PortalKit

/// Invisible format characters (Unicode Cf) are dropped where text enters the build, with
/// the NFC normalisation: a right-to-left override must not reverse a title in feeds, and a
/// zero-width space must not make a second tag that looks like the first.
@Suite struct FormatCharacterTests {
    static let invisible: [Unicode.Scalar] = ["\u{202E}", "\u{200B}", "\u{FEFF}"]

    @Test func aTitleAndATagWithFormatCharactersBuildWithoutThem() throws {
        let site = try TestSite()
        // The base site's post is tagged "Hội nhập"; this one too, with a zero-width space inside.
        try site.write(
            "Content/vi/tin-tuc/2026-01-05-le-hoi.md",
            "---\ntitle: \"Lễ hội\u{202E} pháo hoa\u{200B} quốc tế\u{FEFF}\"\ndate: 2026-01-05\n"
                + "tags: [\"Hội nh\u{200B}ập\"]\n---\n\nNội dung\u{200B} bài.\n")
        try site.build()
        let title = "Lễ hội pháo hoa quốc tế"
        let page = try site.read("tin-tuc/le-hoi/index.html")
        let feed = try site.read("atom.xml")
        let json = try site.read("posts.json")
        #expect(page.contains("<title>\(title)"))
        #expect(feed.contains("<title>\(title)</title>"))
        #expect(json.contains("\"title\":\"\(title)\""))
        #expect(json.contains("\"tags\":[\"Hội nhập\"],\"tasks\":[],\"title\":\"\(title)\""))
        for (name, text) in [("page", page), ("feed", feed), ("JSON", json)] {
            for scalar in Self.invisible {
                #expect(!text.unicodeScalars.contains(scalar), "U+\(String(scalar.value, radix: 16)) in the \(name)")
            }
            #expect(!text.lowercased().contains("\\u202e") && !text.lowercased().contains("\\u200b"))
        }
        // One tag, holding both posts.
        let tags = try site.read("chu-de/index.html")
        #expect(tags.matches(of: /href="\/asean\/chu-de\/[^"]+\/"/).count == 1, "\(tags)")
        let tag = try site.read("chu-de/hoi-nhap/index.html")
        #expect(tag.contains(title) && tag.contains("Kỷ niệm ngày gia nhập"))
    }

    @Test func whatIsDroppedAndWhatIsKept() throws {
        #expect(TextInput.nfc("a\u{202E}b\u{200B}c\u{FEFF}d\u{00AD}e\u{2060}f\u{200E}g") == "abcdefg")
        #expect(try TextInput.decode(Data("ti\u{202E}tle\u{FEFF}\n".utf8)) == "title\n")
        // A dropped character between a letter and its mark: the two compose.
        #expect(Array(TextInput.nfc("e\u{200B}\u{0301}").utf8) == Array("é".utf8))
        // Joiners and an emoji tag sequence (the flag of Scotland) stay as they were.
        let kept = ["👩‍💻", "क्‍ष", "می‌خواهم", "🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}"]
        for text in kept { #expect(TextInput.nfc(text) == text) }
        // Tag characters outside such a sequence are dropped.
        #expect(TextInput.nfc("a\u{E0041}b") == "ab")
        // Vietnamese and common punctuation still take the fast path; format characters do not.
        #expect(TextInput.isSurelyNFC(Array("Đà Nẵng – “Cộng đồng” … ‰ ‹a›".utf8)))
        for text in ["\u{202A}", "\u{202E}", "\u{00AD}", "\u{200B}", "\u{2060}", "\u{FEFF}"] {
            #expect(
                !TextInput.isSurelyNFC(Array(text.utf8)), "U+\(String(text.unicodeScalars.first!.value, radix: 16))")
        }
    }
}
