import PortalKit
import Testing

/// Catalogue entries of YAML shape problems, the catalog (plan, reports, agencies), photo and banner settings, the theme.
extension MessagesTests {
    static let shapeEntries: [Entry] = yamlEntries + catalogEntries + settingsPartsEntries + themeEntries

    typealias Subject = YAMLMessages.Subject

    static let yamlEntries: [Entry] = [
        Entry(message: YAMLMessages.syntax(a(1)), arguments: [a(1)]),
        Entry(message: YAMLMessages.syntaxHelp, arguments: ["`key: value`", "`: `"]),
        Entry(message: YAMLMessages.unreadable(a(1)), arguments: [a(1)]),
        Entry(message: YAMLMessages.duplicateKey([a(1), a(2)]), arguments: [a(1), a(2)]),
        Entry(message: YAMLMessages.duplicateKeyHelp),
        Entry(message: YAMLMessages.notAMapping(.key(a(1)), found: .list), arguments: ["`\(a(1))`"]),
        Entry(message: YAMLMessages.notAText(.key(a(1)), found: .nothing), arguments: ["`\(a(1))`", "(null)"]),
        Entry(message: YAMLMessages.notTrueOrFalse(.key(a(1)), found: .text), arguments: ["`\(a(1))`", "true"]),
        Entry(message: YAMLMessages.notAWholeNumber(.entry(of: a(1)), found: .text), arguments: ["`\(a(1))`"]),
        Entry(
            message: YAMLMessages.notAList(.key(a(1)), found: .mapping, example: "\(a(1)): [a, b]"),
            arguments: ["`\(a(1))`", "`\(a(1)): [a, b]`", "(key: value)"]),
        Entry(message: YAMLMessages.notAList(.key(a(1)), found: .text), arguments: ["`\(a(1))`"], variant: true),
        Entry(message: YAMLMessages.empty(.key(a(1))), arguments: ["`\(a(1))`"]),
        Entry(message: YAMLMessages.emptyHelp(.key(a(1))), arguments: ["`\(a(1))`"]),
        Entry(message: YAMLMessages.unknownKey(a(1), in: .plan), arguments: ["`\(a(1))`"]),
        Entry(message: YAMLMessages.missingKey(a(1), in: .name(a(2))), arguments: ["`\(a(1))`", a(2)]),
        Entry(message: YAMLMessages.missingKeyHelp(a(1)), arguments: ["`\(a(1)):`"]),
        Entry(message: YAMLMessages.notALanguage(a(1), language: a(2)), arguments: ["`\(a(1))`", "`\(a(2))`"]),
        Entry(message: YAMLMessages.languagesOfTheSite([a(1), a(2)]), arguments: ["\(a(1)), \(a(2))"]),
        Entry(message: YAMLMessages.missingLanguage(a(1), language: a(2)), arguments: ["`\(a(1))`", "`\(a(2))`"]),
        Entry(message: YAMLMessages.missingLanguageHelp(a(1)), arguments: ["`\(a(1)): …`"]),
        Entry(message: YAMLMessages.notADate(a(1), text: a(2)), arguments: ["`\(a(1))`", a(2)]),
        Entry(message: YAMLMessages.notADateHelp, arguments: ["YYYY-MM-DD"]),
        Entry(message: YAMLMessages.notUTF8, arguments: ["UTF-8"]),
        Entry(message: YAMLMessages.notUTF8Help, arguments: ["UTF-8"]),
        Entry(message: YAMLMessages.didYouMean([a(1), a(2)]), arguments: ["`\(a(1))`, `\(a(2))`"]),
    ]

    static let catalogEntries: [Entry] =
        [
            Entry(message: CatalogMessages.idNotASlug(.agency, a(1)), arguments: ["`\(a(1))`"]),
            Entry(message: CatalogMessages.idNotASlug(.pillar, a(1)), arguments: ["`\(a(1))`"], variant: true),
            Entry(message: CatalogMessages.duplicateID(.task, a(1)), arguments: ["`\(a(1))`"]),
            Entry(message: CatalogMessages.duplicateID(.agency, a(1)), arguments: ["`\(a(1))`"], variant: true),
            Entry(message: CatalogMessages.duplicateIDHelp),
            Entry(message: CatalogMessages.notAKindOfAgency(a(1)), arguments: ["`kind: \(a(1))`"]),
            Entry(
                message: CatalogMessages.agencyKindHelp(suggestion: a(1), kinds: [a(2), a(3)]),
                arguments: ["`\(a(1))`", "\(a(2)), \(a(3))"]),
            Entry(
                message: CatalogMessages.agencyKindHelp(suggestion: nil, kinds: [a(2), a(3)]),
                arguments: ["\(a(2)), \(a(3))"], variant: true),
            Entry(
                message: CatalogMessages.splitWithoutFunctions(agency: a(1), successors: 3),
                arguments: ["`\(a(1))`", "3"]),
            Entry(message: CatalogMessages.splitWithoutFunctionsHelp, arguments: ["`functions: { vi: …, en: … }`"]),
            Entry(message: CatalogMessages.unknownAgency(a(1), role: .name(a(2))), arguments: ["`\(a(1))` (\(a(2)))"]),
            Entry(
                message: CatalogMessages.unknownAgency(a(1), role: .successorRole),
                arguments: ["`\(a(1))`", "agencies.yml"],
                variant: true),
            Entry(message: CatalogMessages.unknownAgencyHelp, arguments: ["Content/agencies.yml"]),
            Entry(message: CatalogMessages.planFileName(a(1)), arguments: ["`\(a(1)).yml`"]),
            Entry(message: CatalogMessages.planFileNameHelp, arguments: ["`2021-2025.yml`"]),
            Entry(message: CatalogMessages.periodEndsBeforeStart),
            Entry(message: CatalogMessages.periodEndsBeforeStartHelp, arguments: ["`end`", "`start`"]),
            Entry(
                message: CatalogMessages.unknownItem(task: a(1), letter: a(2), pillar: a(3)),
                arguments: ["`\(a(1))`", "`\(a(2))`", "`\(a(3))`"]),
            Entry(message: CatalogMessages.itemsOfPillar([a(1), a(2)]), arguments: ["\(a(1)), \(a(2))"]),
            Entry(message: CatalogMessages.notADayOfTheYear(a(1)), arguments: ["`before: \(a(1))`"]),
            Entry(message: CatalogMessages.notADayOfTheYearHelp, arguments: ["MM-DD", "`before: 12-01`"]),
            Entry(
                message: CatalogMessages.heldByWithoutSuccessor(task: a(1), heldBy: a(2), lead: a(3)),
                arguments: ["`\(a(1))`", "`heldBy: \(a(2))`", "`\(a(3))`"]),
            Entry(message: CatalogMessages.heldByWithoutSuccessorHelp, arguments: ["`heldBy`", "agencies.yml"]),
            Entry(
                message: CatalogMessages.heldByNotASuccessor(task: a(1), heldBy: a(2), lead: a(3)),
                arguments: ["`\(a(1))`", "`heldBy: \(a(2))`", "`\(a(3))`"]),
            Entry(
                message: CatalogMessages.heldByNotASuccessorHelp(near: [a(1)], successors: [a(2), a(3)]),
                arguments: ["`\(a(1))`", "\(a(2)), \(a(3))"]),
            Entry(
                message: CatalogMessages.heldByNotASuccessorHelp(near: [], successors: [a(2)]), arguments: [a(2)],
                variant: true),
            Entry(message: CatalogMessages.noAgenciesFile, arguments: ["agencies.yml"]),
            Entry(message: CatalogMessages.noAgenciesFileHelp, arguments: ["Content/agencies.yml"]),
            Entry(message: CatalogMessages.planFileMoved, arguments: ["Content/plans/<id>.yml"]),
            Entry(
                message: CatalogMessages.planFileMovedHelp,
                arguments: ["Content/plans/2021-2025.yml", "`period: {start: …, end: …}`"]),
            Entry(message: CatalogMessages.twoLegacyPlans, arguments: ["(`legacyPaths: true`)"]),
            Entry(message: CatalogMessages.twoLegacyPlansHelp),
            Entry(message: CatalogMessages.reportPath(a(1)), arguments: ["`reports/\(a(1))`"]),
            Entry(message: CatalogMessages.reportPathHelp, arguments: ["reports/2021-2025/2025/so-noi-vu.yml"]),
            Entry(message: CatalogMessages.unknownPlan(a(1)), arguments: ["`\(a(1))`", "Content/plans/"]),
            Entry(
                message: CatalogMessages.notAReportingYear(2031, plan: a(1), start: a(2), end: a(3)),
                arguments: ["2031", "`\(a(1))`", a(2), a(3)]),
            Entry(message: CatalogMessages.reportingYears([2022, 2023]), arguments: ["2022, 2023"]),
            Entry(message: CatalogMessages.reportingYears([]), variant: true),
            Entry(message: CatalogMessages.unknownReportAgency(a(1)), arguments: ["`\(a(1))`", "agencies.yml"]),
            Entry(message: CatalogMessages.notATaskOfPlan(a(1), plan: a(2)), arguments: ["`\(a(1))`", "`\(a(2))`"]),
            Entry(
                message: CatalogMessages.notInvolved(agency: a(1), task: a(2)), arguments: ["`\(a(1))`", "`\(a(2))`"]),
            Entry(message: CatalogMessages.noTaskInPlan(a(1)), arguments: ["`\(a(1))`"]),
            Entry(message: CatalogMessages.notAStatus(a(1)), arguments: ["`status: \(a(1))`"]),
            Entry(
                message: CatalogMessages.hint(near: [a(1)], choices: (.statuses, [a(2), a(3)]))!,
                arguments: ["`\(a(1))`", "\(a(2)), \(a(3))"]),
            Entry(message: CatalogMessages.hint(near: [a(1)], choices: nil)!, arguments: ["`\(a(1))`"], variant: true),
        ]
        + CatalogMessages.Choices.allCases.map {
            Entry(message: CatalogMessages.hint(near: [], choices: ($0, [a(1)]))!, arguments: [a(1)], variant: true)
        } + [
            Entry(message: CatalogMessages.pandocFailed(status: 41), arguments: ["41", "scripts/setup-system"]),
            Entry(message: CatalogMessages.unknownID(a(1), key: a(2)), arguments: ["`\(a(2))`", "`\(a(1))`"]),
            Entry(message: CatalogMessages.addToDataFile(a(1)), arguments: ["Content/\(a(1))"]),
            Entry(message: CatalogMessages.noData(key: a(1), file: a(2)), arguments: ["`\(a(1))`", "Content/\(a(2))"]),
            Entry(message: CatalogMessages.noDataHelp(file: a(1)), arguments: ["Content/\(a(1))"]),
            Entry(message: CatalogMessages.tagWithoutLetters(a(1)), arguments: ["`\(a(1))`"]),
            Entry(message: CatalogMessages.tagWithoutLettersHelp),
        ]

    static let settingsPartsEntries: [Entry] = [
        Entry(message: PhotoSettingsMessages.widthOutOfRange(4711), arguments: ["4711", "16", "8192"]),
        Entry(message: PhotoSettingsMessages.widthOutOfRangeHelp, arguments: ["[480, 800, 1200, 1600]"]),
        Entry(message: PhotoSettingsMessages.noWidths, arguments: ["`images.widths`"]),
        Entry(message: PhotoSettingsMessages.noWidthsHelp, arguments: ["[480, 800, 1200, 1600]"]),
        Entry(message: PhotoSettingsMessages.largestOutOfRange, arguments: ["`images.largest`", "16384"]),
        Entry(message: PhotoSettingsMessages.largestOutOfRangeHelp, arguments: ["`largest: 2400`"]),
        Entry(message: PhotoSettingsMessages.qualityOutOfRange(a(1)), arguments: ["`images.quality.\(a(1))`", "100"]),
        Entry(message: PhotoSettingsMessages.qualityOutOfRangeHelp, arguments: ["80"]),
        Entry(message: PhotoSettingsMessages.shareImageNotMedia, arguments: ["`images.shareImage`", "media/"]),
        Entry(
            message: PhotoSettingsMessages.shareImageNotMediaHelp,
            arguments: ["Content/media/", "`shareImage: /media/NAME`"]),
        Entry(message: BannerSettingsMessages.notASize(a(1)), arguments: ["`\(a(1))`"]),
        Entry(message: BannerSettingsMessages.notASizeHelp, arguments: ["WIDTHxHEIGHT", "970x250"]),
        Entry(
            message: BannerSettingsMessages.unknownPlaceholder(a(1), placeholder: a(2)),
            arguments: ["`\(a(1))`", "`{\(a(2))}`"]),
        Entry(message: BannerSettingsMessages.placeholders([a(1), a(2)]), arguments: ["{\(a(1))}, {\(a(2))}"]),
        Entry(message: BannerSettingsMessages.notAMonthAndDay(a(1), text: a(2)), arguments: ["`\(a(1))`", a(2)]),
        Entry(message: BannerSettingsMessages.notAMonthAndDayHelp, arguments: ["MM-DD", "07-01"]),
    ]

    static let themeEntries: [Entry] = [
        Entry(message: ThemeMessages.missingTheme),
        Entry(message: ThemeMessages.missingThemeHelp, arguments: ["`theme:`", "site.yml", "Themes/", "--theme DIR"]),
        Entry(message: ThemeMessages.missingManifest, arguments: ["theme.yml"]),
        Entry(message: ThemeMessages.missingManifestHelp, arguments: ["`name:`", "`requires:`", "docs/themes.md"]),
        Entry(message: ThemeMessages.unreadable, arguments: ["UTF-8"]),
        Entry(message: ThemeMessages.duplicateName(a(1), first: a(2)), arguments: ["`\(a(1))`", a(2)]),
        Entry(message: ThemeMessages.duplicateNameHelp),
        Entry(message: ThemeMessages.syntax(a(1)), arguments: [a(1)]),
        Entry(message: ThemeMessages.syntaxHelp, arguments: ["{{#section}}", "{{/section}}"]),
        Entry(message: ThemeMessages.missingLayout(a(1)), arguments: ["`\(a(1))`"]),
        Entry(message: ThemeMessages.missingLayoutHelp(a(1)), arguments: ["layouts/\(a(1)).mustache"]),
        Entry(message: ThemeMessages.missingPartial(a(1)), arguments: ["`\(a(1))`"]),
        Entry(message: ThemeMessages.missingPartialHelp(a(1)), arguments: ["partials/\(a(1)).mustache"]),
        Entry(message: ThemeMessages.missingString(a(1), language: a(2)), arguments: ["`\(a(1))`", "`\(a(2))`"]),
        Entry(
            message: ThemeMessages.missingStringHelp(a(1), language: a(2)),
            arguments: ["`\(a(1)): …`", "i18n/\(a(2)).yml", "Content/i18n/"]),
        Entry(
            message: ThemeMessages.addMissingString(a(1), language: a(2)),
            arguments: ["`\(a(1)): …`", "Content/i18n/\(a(2)).yml"]),
        Entry(message: ThemeMessages.unknownLayout(a(1)), arguments: ["`layout: \(a(1))`"]),
        Entry(message: ThemeMessages.unknownLayoutHelp, arguments: ["`layout:`"]),
        Entry(message: ThemeMessages.missingAsset(a(1)), arguments: ["`\(a(1))`", "assets/"]),
        Entry(message: ThemeMessages.missingAssetHelp(known: [a(1), a(2)]), arguments: ["`_`", "\(a(1)), \(a(2))"]),
    ]

    /// The parts of sentences the YAML reader's messages are built from (what a value is, what
    /// a mapping is) are written in both languages too.
    @Test(arguments: Subject.described)
    func subjectsAreTranslated(_ subject: Subject) {
        #expect(!subject.en.isEmpty && !subject.vi.isEmpty)
        #expect(subject.en != subject.vi)
        #expect(Array(subject.vi.unicodeScalars) == Array(TextInput.nfc(subject.vi).unicodeScalars))
        #expect(subject.vi.unicodeScalars.contains { $0.value > 0x7F }, "\(subject.vi)")
    }

    /// A key or a file name is written as it is in both languages.
    @Test func keysStayAsTheyAre() {
        #expect(Subject.key("images.widths").vi == "`images.widths`")
        #expect(Subject.name("site.yml").en == "site.yml" && Subject.name("site.yml").vi == "site.yml")
        #expect(
            YAMLMessages.notAText(.key("title"), found: .list).vi
                == "`title` phải là văn bản, nhưng ở đây là danh sách")
    }
}
