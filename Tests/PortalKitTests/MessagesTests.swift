import Foundation
import PortalKit
import Testing

/// The message catalogue: every entry has both texts, non-empty, NFC, different where the
/// words differ, with each argument in both. A new catalogue entry is added to the list of
/// its area: `coreEntries` here, or the list in a `MessagesTests+Area.swift` file beside this.
@Suite struct MessagesTests {
    /// An entry and the arguments it was built with (sentinels that no message contains).
    struct Entry: Sendable, CustomStringConvertible {
        var message: Message
        var arguments: [String] = []
        /// Another form of an entry above (an optional argument left out): same code.
        var variant = false
        var description: String { message.code }
    }

    static func a(_ n: Int) -> String { "⟦\(n)⟧" }

    static let entries: [Entry] = coreEntries + shapeEntries + errorEntries + commandEntries

    static let coreEntries: [Entry] = [
        Entry(message: DiagnosticMessages.error),
        Entry(message: DiagnosticMessages.warning),
        Entry(message: DiagnosticMessages.help),
        Entry(message: DiagnosticMessages.buildFailed(errors: 37), arguments: ["37"]),
        Entry(message: BuildMessages.stageDone(a(1)), arguments: [a(1)]),
        Entry(message: BuildMessages.waiting(pid: 4242, output: a(1)), arguments: ["4242", a(1)]),
        Entry(message: BuildMessages.waiting(pid: nil, output: a(1)), arguments: [a(1)], variant: true),
        Entry(
            message: BuildMessages.built(
                pages: a(1), output: a(2), seconds: a(3), written: 41, unchanged: 42, removed: 43),
            arguments: [a(1), a(2), a(3), "41", "42", "43"]),
        Entry(message: BuildMessages.checkSummary(errors: 41, warnings: 42), arguments: ["41", "42"]),
        Entry(message: BuildMessages.checkSummary(errors: 1, warnings: 1), arguments: ["1"], variant: true),
        Entry(message: FrontMatterMessages.missingFrontMatter),
        Entry(message: FrontMatterMessages.missingFrontMatterHelp, arguments: ["title: Tiêu đề bài viết"]),
        Entry(message: FrontMatterMessages.unclosed),
        Entry(message: FrontMatterMessages.unclosedHelp, arguments: ["`---`"]),
        Entry(message: FrontMatterMessages.missingTitle, arguments: ["`title`"]),
        Entry(message: FrontMatterMessages.missingTitleHelp, arguments: ["`title: …`"]),
        Entry(message: FrontMatterMessages.notADate(key: a(1), text: a(2)), arguments: [a(1), a(2)]),
        Entry(message: FrontMatterMessages.notADateHelp(key: a(1)), arguments: [a(1), "YYYY-MM-DD"]),
        Entry(message: FrontMatterMessages.slugWithoutLetters, arguments: ["`slug`"]),
        Entry(message: FrontMatterMessages.slugWithoutLettersHelp, arguments: ["`ten-bai-viet`"]),
        Entry(message: FrontMatterMessages.unusableAlias(a(1), reason: a(2)), arguments: [a(1), a(2)]),
        Entry(message: FrontMatterMessages.unknownKey(a(1)), arguments: [a(1)]),
        Entry(message: FrontMatterMessages.didYouMean(a(1)), arguments: [a(1)]),
        Entry(message: FrontMatterMessages.knownKeys([a(1), a(2)]), arguments: [a(1), a(2)]),
        Entry(message: ContentMessages.unknownFolder(languages: [a(1)], reserved: [a(2)]), arguments: [a(1), a(2)]),
        Entry(message: ContentMessages.unknownFolderHelp, arguments: ["`languages`", "media/"]),
        Entry(message: ContentMessages.notUTF8(byteOffset: 4711), arguments: ["4711", "UTF-8"]),
        Entry(message: ContentMessages.notUTF8Help, arguments: ["UTF-8"]),
        Entry(message: ContentMessages.unreadable),
        Entry(message: ContentMessages.unreadableHelp),
        Entry(message: ContentMessages.badFileName(reason: a(1)), arguments: [a(1)]),
        Entry(message: ContentMessages.badFileNameHelp, arguments: ["`-`", "`_`"]),
        Entry(message: ContentMessages.unusedFile),
        Entry(message: ContentMessages.unusedFileHelp(languages: [a(1), a(2)]), arguments: [a(1), a(2), "media/"]),
        Entry(message: ContentMessages.notMarkdown, arguments: ["(.md)"]),
        Entry(message: ContentMessages.notMarkdownHelp(mediaFolder: a(1)), arguments: ["\(a(1))/media/"]),
        Entry(message: SettingsMessages.missingFile),
        Entry(message: SettingsMessages.missingFileHelp, arguments: ["site.yml", "--content DIR"]),
        Entry(message: SettingsMessages.notUTF8, arguments: ["site.yml", "UTF-8"]),
        Entry(message: SettingsMessages.notUTF8Help, arguments: ["UTF-8"]),
        Entry(message: SettingsMessages.missingKey(a(1)), arguments: [a(1)]),
        Entry(message: SettingsMessages.missingKeyHelp(a(1), under: nil), arguments: [a(1), "site.yml"]),
        Entry(message: SettingsMessages.missingKeyHelp(a(1), under: a(2)), arguments: [a(1), a(2)], variant: true),
        Entry(message: SettingsMessages.baseURLNotHTTP, arguments: ["`baseURL`"]),
        Entry(message: SettingsMessages.baseURLNotHTTPHelp, arguments: ["`baseURL: https://danang.gov.vn/asean/`"]),
        Entry(message: SettingsMessages.atLeastOne(a(1)), arguments: [a(1)]),
        Entry(message: SettingsMessages.feedContent(a(1)), arguments: [a(1)]),
        Entry(message: SettingsMessages.feedContentHelp, arguments: ["`full`", "`summary`"]),
        Entry(message: SettingsMessages.notALanguageCode(a(1)), arguments: [a(1)]),
        Entry(message: SettingsMessages.notALanguageCodeHelp, arguments: ["`vi`", "`en`", "Content/"]),
        Entry(message: SettingsMessages.defaultLanguageUnknown(a(1)), arguments: [a(1), "`languages`"]),
        Entry(message: SettingsMessages.chooseOneOf([a(1), a(2)]), arguments: [a(1), a(2)]),
        Entry(message: SettingsMessages.notASegment(a(1)), arguments: [a(1)]),
        Entry(message: SettingsMessages.notASegmentHelp(example: a(1)), arguments: [a(1)]),
        Entry(message: SettingsMessages.menuEntryIncomplete, arguments: ["`name`", "`page`", "`url`"]),
        Entry(
            message: SettingsMessages.menuEntryIncompleteHelp,
            arguments: ["`- { name: Tin tức, page: tin-tuc/_index.md }`"]),
        Entry(message: SettingsMessages.menuAddress(a(1), .controlCharacter), arguments: [a(1)]),
        Entry(message: SettingsMessages.menuAddress(a(1), .unsafeScheme(a(2))), arguments: [a(1), "`\(a(2)):`"]),
        Entry(message: SettingsMessages.menuAddress(a(1), .otherHost), arguments: [a(1), "`https:`"]),
        Entry(message: SettingsMessages.menuAddressHelp, arguments: ["`/ke-hoach/`", "`page: tin-tuc/_index.md`"]),
        Entry(message: SettingsMessages.unknownKey(a(1), in: a(2)), arguments: [a(1), a(2)]),
        Entry(
            message: SettingsMessages.unknownKeyHelp(suggestion: a(1), known: [a(2), a(3)]),
            arguments: [a(1), a(2), a(3)]),
        Entry(
            message: SettingsMessages.unknownKeyHelp(suggestion: nil, known: [a(2), a(3)]), arguments: [a(2), a(3)],
            variant: true),
        Entry(message: CheckMessages.missingImageAlt, arguments: ["`imageAlt`"]),
        Entry(message: CheckMessages.missingImageAltHelp, arguments: ["`imageAlt:`"]),
        Entry(message: CheckMessages.unusedImage),
        Entry(message: CheckMessages.unusedImageHelp(path: a(1)), arguments: ["(/\(a(1)))", "media/"]),
        Entry(message: CheckMessages.missingTranslation(language: a(1)), arguments: [a(1)]),
        Entry(
            message: CheckMessages.missingTranslationHelp(file: a(1), language: a(2)),
            arguments: ["portal translate \(a(1)) --to \(a(2))"]),
        Entry(message: CheckMessages.staleTranslation(source: a(1)), arguments: ["`\(a(1))`"]),
        Entry(
            message: CheckMessages.staleTranslationHelp(file: a(1)), arguments: ["portal translate --refresh \(a(1))"]),
        Entry(message: CheckMessages.notPublished(.draft)),
        Entry(message: CheckMessages.notPublished(.future), variant: true),
        Entry(message: CheckMessages.notPublished(.expired), variant: true),
        Entry(message: CheckMessages.notPublishedHelp(.draft), arguments: ["`draft: true`", "--drafts"]),
        Entry(message: CheckMessages.notPublishedHelp(.future), arguments: ["--future"], variant: true),
        Entry(message: CheckMessages.notPublishedHelp(.expired), arguments: ["`expiryDate`"], variant: true),
        Entry(message: SiteMessages.duplicateURL(a(1), first: a(2), second: a(3)), arguments: [a(1), a(2), a(3)]),
        Entry(message: SiteMessages.duplicateURLHelp, arguments: ["`slug:`"]),
        Entry(message: SiteMessages.duplicateTranslationKey(a(1), usedBy: a(2)), arguments: ["`\(a(1))`", a(2)]),
        Entry(message: SiteMessages.duplicateTranslationKeyHelp, arguments: ["translationKey"]),
        Entry(message: SiteMessages.unsluggable(a(1)), arguments: ["`\(a(1))`"]),
        Entry(message: SiteMessages.unsluggableHelp, arguments: ["`slug:`"]),
        Entry(message: SiteMessages.sectionClashes(folder: a(1), page: a(2)), arguments: [a(1), a(2)]),
        Entry(message: SiteMessages.sectionClashesHelp),
        Entry(message: SiteMessages.menuTarget(a(1), language: a(2)), arguments: ["`\(a(1))`", "`\(a(2))`"]),
        Entry(
            message: SiteMessages.menuTargetHelp(language: a(1)),
            arguments: ["Content/\(a(1))/", "`tin-tuc/_index.md`"]),
        Entry(message: EditMessages.emptyTitle),
        Entry(message: EditMessages.emptyTitleHelp, arguments: ["\"Đà Nẵng đón đoàn ASEAN\""]),
        Entry(message: EditMessages.unknownLanguage(a(1), known: [a(2), a(3)]), arguments: [a(1), a(2), a(3)]),
        Entry(message: EditMessages.unknownLanguageHelp, arguments: ["--lang"]),
        Entry(message: EditMessages.noAgencies, arguments: ["--agency", "Content/agencies.yml"]),
        Entry(message: EditMessages.noAgenciesHelp, arguments: ["--agency", "Content/agencies.yml"]),
        Entry(message: EditMessages.unknownAgency(a(1)), arguments: ["`\(a(1))`", "agencies.yml"]),
        Entry(message: EditMessages.didYouMeanAgency([a(1), a(2)]), arguments: ["`\(a(1))`, `\(a(2))`"]),
        Entry(message: EditMessages.exists),
        Entry(message: EditMessages.existsHelp),
        Entry(message: EditMessages.cannotWrite(a(1)), arguments: [a(1)]),
        Entry(message: EditMessages.cannotWriteHelp),
        Entry(message: EditMessages.notAPage, arguments: [".md"]),
        Entry(message: EditMessages.notAPageHelp, arguments: ["Content/vi/tin-tuc/bai.md"]),
        Entry(message: EditMessages.sameLanguage(a(1)), arguments: ["`\(a(1))`"]),
        Entry(message: EditMessages.sameLanguageHelp, arguments: ["--to"]),
        Entry(message: EditMessages.notATranslation, arguments: ["`translatedFrom`", "`portal translate`"]),
        Entry(message: EditMessages.notATranslationHelp, arguments: ["`portal translate`"]),
        Entry(message: EditMessages.sourceMissing(language: a(1)), arguments: ["`\(a(1))`"]),
        Entry(message: EditMessages.sourceMissingHelp, arguments: ["`translatedFrom`"]),
        Entry(message: EditMessages.outsideContent(folder: a(1), resolved: a(2)), arguments: ["\(a(1))/", a(2)]),
        Entry(
            message: EditMessages.outsideContent(folder: a(1), resolved: nil), arguments: ["\(a(1))/"], variant: true),
        Entry(
            message: EditMessages.outsideContentHelp(folder: a(1)), arguments: ["\(a(1))/", "`tin-tuc/2026`", "`..`"]),
        Entry(message: EditMessages.alreadyTranslated(source: a(1), language: a(2)), arguments: [a(1), "`\(a(2))`"]),
        Entry(
            message: EditMessages.alreadyTranslatedHelp(existing: a(1)),
            arguments: ["`portal translate --refresh \(a(1))`"]),
        Entry(message: InputPathMessages.escapes(target: a(1), root: a(2)), arguments: [a(1), a(2)]),
        Entry(message: InputPathMessages.escapesHelp),
        Entry(message: InputPathMessages.dangling(target: a(1)), arguments: [a(1)]),
        Entry(message: InputPathMessages.danglingHelp),
        Entry(message: InputPathMessages.loop),
        Entry(message: InputPathMessages.loopHelp),
    ]

    @Test(arguments: entries)
    func bothTextsAreThere(_ entry: Entry) {
        let message = entry.message
        #expect(!message.code.isEmpty)
        for language in MessageLanguage.allCases {
            let text = message.text(in: language)
            #expect(!text.trimmingCharacters(in: .whitespaces).isEmpty, "\(language) text is empty")
            // Compared scalar by scalar: `==` on String would call NFD and NFC equal.
            #expect(Array(text.unicodeScalars) == Array(TextInput.nfc(text).unicodeScalars), "\(language) is not NFC")
            for argument in entry.arguments {
                #expect(text.contains(argument), "\(language) text lacks \(argument): \(text)")
            }
            // No argument beyond those given (a sentinel in one language only).
            #expect(Self.sentinels(text) == Set(entry.arguments.flatMap { Self.sentinels($0) }))
        }
        #expect(message.en != message.vi, "the Vietnamese text is the English one")
        // Vietnamese prose is written with its diacritics: at least one letter outside ASCII,
        // unless the whole text is code, numbers and the arguments.
        let words = entry.arguments.reduce(message.vi) { $0.replacingOccurrences(of: $1, with: "") }
        #expect(words.unicodeScalars.contains { $0.value > 0x7F }, "\(message.vi)")
    }

    /// `portal check`'s last line: English counts one error, not "1 errors".
    @Test func checkSummaryCountsInBothLanguages() {
        #expect(BuildMessages.checkSummary(errors: 1, warnings: 1).en == "1 error, 1 warning")
        #expect(BuildMessages.checkSummary(errors: 3, warnings: 0).en == "3 errors, 0 warnings")
        #expect(BuildMessages.checkSummary(errors: 3, warnings: 1).vi == "3 lỗi, 1 cảnh báo")
    }

    @Test func vietnameseWritesADecimalComma() {
        let line = BuildMessages.built(
            pages: "vi 4, en 3", output: "Output", seconds: "0.18", written: 79, unchanged: 0, removed: 0)
        #expect(
            line.vi
                == "Đã dựng xong Output trong 0,18 giây (số trang: vi 4, en 3): ghi 79 tệp, 0 tệp không đổi, xoá 0 tệp")
        #expect(line.en == "Built vi 4, en 3 pages into Output in 0.18 s: 79 files written, 0 unchanged, 0 removed")
    }

    /// A code names one message for tools reading `--format json`: two messages never share one.
    @Test func codesAreUnique() {
        let codes = Self.entries.filter { !$0.variant }.map(\.message.code)
        #expect(Set(codes).count == codes.count, "a code given twice: \(codes.sorted())")
        for entry in Self.entries where entry.variant { #expect(codes.contains(entry.message.code)) }
    }

    static func sentinels(_ text: String) -> Set<String> {
        Set(text.matches(of: /⟦\d+⟧/).map { String($0.output) })
    }

    @Test func languageFromEnvironment() {
        let chosen = MessageLanguage.chosen(by:)
        #expect(chosen([:]) == .en)
        #expect(chosen(["LANG": "vi_VN.UTF-8"]) == .vi)
        #expect(chosen(["LANG": "C.UTF-8"]) == .en)
        #expect(chosen(["LANG": "vi"]) == .vi)
        // POSIX order: LC_ALL, then LC_MESSAGES, then LANG; an empty one does not count.
        #expect(chosen(["LC_ALL": "en_US.UTF-8", "LANG": "vi_VN.UTF-8"]) == .en)
        #expect(chosen(["LC_ALL": "", "LC_MESSAGES": "vi_VN.UTF-8", "LANG": "en_US.UTF-8"]) == .vi)
        #expect(chosen(["LC_MESSAGES": "", "LANG": "vi_VN.UTF-8"]) == .vi)
        // PORTAL_LANG wins over every locale; another value than vi or en is ignored.
        #expect(chosen(["PORTAL_LANG": "en", "LC_ALL": "vi_VN.UTF-8"]) == .en)
        #expect(chosen(["PORTAL_LANG": "vi", "LANG": "C"]) == .vi)
        #expect(chosen(["PORTAL_LANG": "fr", "LANG": "vi_VN.UTF-8"]) == .vi)
    }
}
