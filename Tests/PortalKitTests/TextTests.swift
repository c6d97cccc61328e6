import Foundation
import Testing

@testable import PortalKit

@Suite struct SlugTests {
    @Test(arguments: [
        ("Đường dây nóng", "duong-day-nong"),
        ("Đà Nẵng", "da-nang"),
        ("Tin tức", "tin-tuc"),
        ("Sở Lao động - Thương binh và Xã hội", "so-lao-dong-thuong-binh-va-xa-hoi"),
        ("## Hoạt động chính", "hoat-dong-chinh"),
        ("Hội nhập", "hoi-nhap"),
        ("  Kỷ niệm 30 năm!  ", "ky-niem-30-nam"),
        ("ASEAN – Việt Nam (1995)", "asean-viet-nam-1995"),
        ("Thủy lợi / thuỷ sản", "thuy-loi-thuy-san"),
        ("!!!", ""),
        // All ASCII (file names): folded byte by byte, the same way.
        ("2025-07-28-Ky-niem_30--NAM.md", "2025-07-28-ky-niem-30-nam-md"),
        ("--a--b--", "a-b"),
        ("", ""),
        ("Tab\tand~tilde@Z9", "tab-and-tilde-z9"),
    ])
    func folds(_ input: String, _ expected: String) {
        #expect(Slug.make(input) == expected)
    }

    @Test func decomposedInputFoldsTheSame() {
        let nfd = "Đà Nẵng đón đoàn ASEAN".decomposedStringWithCanonicalMapping
        #expect(nfd.utf8.count > "Đà Nẵng đón đoàn ASEAN".utf8.count)
        #expect(Slug.make(nfd) == "da-nang-don-doan-asean")
    }
}

@Suite struct TextInputTests {
    @Test func dropsByteOrderMarkAndCRLF() throws {
        let data = Data([0xEF, 0xBB, 0xBF]) + Data("a\r\nb\rc\n".utf8)
        #expect(try TextInput.decode(data) == "a\nb\nc\n")
    }

    @Test func normalisesToNFC() throws {
        let nfd = "Đà Nẵng".decomposedStringWithCanonicalMapping
        let decoded = try TextInput.decode(Data(nfd.utf8))
        #expect(Array(decoded.utf8) == Array("Đà Nẵng".precomposedStringWithCanonicalMapping.utf8))
        #expect(decoded.utf8.count == 11 && nfd.utf8.count == 14)
    }

    @Test func nfcOfTextThatIsNFCAlreadyIsTheSameAndOtherTextIsNormalised() {
        #expect(TextInput.nfc("Đà Nẵng") == "Đà Nẵng")
        #expect(Array(TextInput.nfc("Đà Nẵng".decomposedStringWithCanonicalMapping).utf8) == Array("Đà Nẵng".utf8))
        #expect(Array(TextInput.nfc("\u{2126}").utf8) == Array("\u{03A9}".utf8))
    }

    /// The table `Diacritics.strip` looks letters up in gives what Foundation's decomposition
    /// gives, letter by letter, NFC or NFD, and for text outside the table.
    @Test func strippingByTableEqualsStrippingByDecomposition() {
        var letters = (0x00C0...0x024F).compactMap(Unicode.Scalar.init).map { String($0) }
        letters += (0x1E00...0x1EFF).compactMap(Unicode.Scalar.init).map { String($0) }
        for text in letters + ["Đà Nẵng", "Cộng đồng ASEAN 2025", "ﬁn Ωmega ㄱ", "ệ\u{0301}", "\u{0301}a"] {
            for form in [text, text.decomposedStringWithCanonicalMapping] {
                #expect(
                    Diacritics.strip(form) == Diacritics.stripByDecomposing(form), "\(form.unicodeScalars.map(\.value))"
                )
            }
        }
        #expect(Diacritics.strip("Đường dây nóng") == "Duong day nong")
    }

    @Test func theFastNFCCheckOnlyPassesWhatNFCLeavesAlone() {
        let vietnamese = "Đà Nẵng – “Cộng đồng” ơ ư ă … Ỹ ỹ €"
        #expect(TextInput.isSurelyNFC(Array(vietnamese.utf8)))
        #expect(!TextInput.isSurelyNFC(Array(vietnamese.decomposedStringWithCanonicalMapping.utf8)))
        // Singletons NFC replaces: the ohm sign, the angstrom sign, a Greek tonos letter.
        for text in ["\u{2126}", "\u{212B}", "\u{1F71}", "\u{0340}", "ㄱ", "\u{F900}"] {
            #expect(!TextInput.isSurelyNFC(Array(text.utf8)), "\(text)")
        }
    }

    @Test func reportsTheFirstInvalidByteAndItsLine() {
        let data = Data("ok\nline two \u{00}".utf8) + Data([0xE2, 0x28, 0xA1])
        #expect(throws: TextInput.DecodeFailure.notUTF8(offset: 13, line: 2)) { try TextInput.decode(data) }
    }
}

@Suite struct DateTests {
    /// The arithmetic gives what Foundation's Calendar gives in UTC+7, from 1900 to 2100,
    /// around midnight and over leap days.
    @Test func civilDatesEqualCalendars() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = VietnamTime.zone
        var instants: [TimeInterval] = stride(from: -2_208_988_800.0, to: 4_102_444_800, by: 133_337.5).map { $0 }
        for day in ["1969-12-31", "1970-01-01", "2000-02-29", "2024-02-29", "2100-03-01", "1900-03-01"] {
            let midnight = VietnamTime.parse(day)!.timeIntervalSince1970
            instants += [midnight - 1, midnight, midnight + 0.5, midnight + 86_399]
        }
        for instant in instants {
            let date = Date(timeIntervalSince1970: instant)
            let c = calendar.dateComponents([.year, .month, .day, .weekday, .hour, .minute, .second], from: date)
            let mine = VietnamTime.civil(date)
            let expected: [Int] = [c.year!, c.month!, c.day!, c.weekday!, c.hour!, c.minute!, c.second!]
            let got: [Int] = [mine.year, mine.month, mine.day, mine.weekday, mine.hour, mine.minute, mine.second]
            #expect(got == expected, "\(instant)")
        }
        #expect(VietnamTime.iso8601(VietnamTime.parse("2025-07-28 09:05")!) == "2025-07-28T09:05:00+07:00")
    }

    @Test func parsesDatesAsVietnamTime() throws {
        let date = try #require(VietnamTime.parse("2025-07-28"))
        #expect(VietnamTime.iso8601(date) == "2025-07-28T00:00:00+07:00")
        #expect(date.timeIntervalSince1970 == 1_753_635_600)
        #expect(VietnamTime.parse("2025-07-28T09:30") == date.addingTimeInterval(9.5 * 3600))
        #expect(VietnamTime.parse("2025-07-28 09:30:00") == date.addingTimeInterval(9.5 * 3600))
        #expect(VietnamTime.parse("2025-07-27T17:00:00Z") == date)
        #expect(VietnamTime.parse("2025-07-27T19:00:00+02:00") == date)
        #expect(VietnamTime.parse("2025-07-28T00:00:00.250+0700") == date)
    }

    @Test(arguments: [
        "2025-13-01", "2025-02-30", "28/7/2025", "2025-7-28", "tomorrow", "2025-07-28T25:00", "2025-07-288",
        "2025-07-28T09", "2025-07-28T09:30+7",
    ])
    func rejects(_ text: String) {
        #expect(VietnamTime.parse(text) == nil)
    }

    @Test func governmentStyleInVietnamese() throws {
        #expect(
            DateText.long(try #require(VietnamTime.parse("2021-12-03")), language: "vi") == "ngày 03 tháng 12 năm 2021")
        #expect(
            DateText.long(try #require(VietnamTime.parse("2026-02-05")), language: "vi") == "ngày 05 tháng 02 năm 2026")
        #expect(
            DateText.long(try #require(VietnamTime.parse("2025-07-28")), language: "vi") == "ngày 28 tháng 7 năm 2025")
        #expect(
            DateText.long(try #require(VietnamTime.parse("2025-01-10")), language: "vi") == "ngày 10 tháng 01 năm 2025")
        #expect(DateText.short(try #require(VietnamTime.parse("2025-07-28")), language: "vi") == "28/7/2025")
        #expect(DateText.long(try #require(VietnamTime.parse("2021-12-03")), language: "en") == "3 December 2021")
    }

    @Test func weekdays() throws {
        #expect(DateText.weekday(try #require(VietnamTime.parse("2025-07-28")), language: "vi") == "Thứ Hai")
        #expect(DateText.weekday(try #require(VietnamTime.parse("2025-07-27")), language: "vi") == "Chủ Nhật")
        // Late evening UTC is already the next day in Viet Nam.
        #expect(DateText.weekday(try #require(VietnamTime.parse("2025-07-27T20:00:00Z")), language: "en") == "Monday")
    }

    @Test func vietnameseCollation() {
        let words = ["đường", "dân", "ăn", "an", "bé", "âm", "ê", "em"]
        let sorted = words.sorted { Collation.areInIncreasingOrder($0, $1, language: "vi") }
        #expect(sorted == ["an", "ăn", "âm", "bé", "dân", "đường", "em", "ê"])
    }
}
