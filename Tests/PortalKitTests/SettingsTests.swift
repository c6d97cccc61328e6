import Foundation
import Testing

@testable import PortalKit

@Suite struct SettingsTests {
    static let valid = """
        baseURL: https://danang.gov.vn/asean
        theme: default
        defaultLanguage: vi
        languages:
          en:
            name: English
            locale: en_US
            title: ASEAN
            description: Section.
          vi:
            name: Tiếng Việt
            locale: vi_VN
            title: ASEAN
            description: Chuyên mục.
            menu:
              - name: Tin tức
                page: tin-tuc/_index.md
              - name: Cổng
                url: https://danang.gov.vn/
        """

    @Test func readsAValidFile() throws {
        let settings = try SiteSettings.parse(Self.valid, file: "site.yml")
        #expect(settings.baseURL.string == "https://danang.gov.vn/asean/")
        #expect(settings.baseURL.sitePath("tin-tuc/") == "/asean/tin-tuc/")
        #expect(settings.languages.map(\.code) == ["vi", "en"])  // the default first
        #expect(settings.defaultLanguage.pathPrefix == "")
        #expect(settings.language("en")?.pathPrefix == "en/")
        #expect(settings.language("vi")?.menu.count == 2)
        #expect(settings.allowRawHTML == false)
    }

    func problem(_ yaml: String) -> SettingsError? {
        do {
            _ = try SiteSettings.parse(yaml, file: "Content/site.yml")
            return nil
        } catch { return error }
    }

    @Test func unknownKeyNamesLineColumnAndSuggestion() throws {
        let yaml = Self.valid.replacingOccurrences(of: "theme: default", with: "themes: default")
        let problem = try #require(self.problem(yaml))
        #expect(problem.location?.description == "Content/site.yml:2:1")
        #expect(problem.message == "unknown key `themes` in site.yml")
        #expect(problem.help?.contains("did you mean `theme`?") == true)
    }

    @Test func missingKeyIsNamed() throws {
        let yaml = Self.valid.replacingOccurrences(of: "theme: default\n", with: "")
        let problem = try #require(self.problem(yaml))
        #expect(problem.message == "`theme` is missing")
        #expect(problem.location?.file == "Content/site.yml")
    }

    @Test func wrongTypeNamesTheKeyAndPlace() throws {
        let yaml = Self.valid.replacingOccurrences(
            of: "    title: ASEAN\n    description: Section.", with: "    title: [ASEAN]\n    description: Section.")
        let problem = try #require(self.problem(yaml))
        #expect(problem.location?.description == "Content/site.yml:8:12")
        #expect(problem.message == "`languages.en.title` must be a text, found a list")
    }

    @Test func missingLanguageKey() throws {
        let yaml = Self.valid.replacingOccurrences(of: "    locale: en_US\n", with: "")
        let problem = try #require(self.problem(yaml))
        #expect(problem.message == "`languages.en.locale` is missing")
        #expect(problem.location?.line == 6)
    }

    @Test func badBaseURL() throws {
        let problem = try #require(
            self.problem(Self.valid.replacingOccurrences(of: "https://danang.gov.vn/asean", with: "danang.gov.vn")))
        #expect(problem.message.contains("`baseURL` is not an http(s) address"))
        #expect(problem.location?.description == "Content/site.yml:1:10")
    }

    @Test func defaultLanguageMustBeALanguage() throws {
        let problem = try #require(
            self.problem(Self.valid.replacingOccurrences(of: "defaultLanguage: vi", with: "defaultLanguage: fr")))
        #expect(problem.message.contains("`defaultLanguage` is `fr`, which is not one of `languages`"))
    }

    @Test func menuEntryNeedsATarget() throws {
        let problem = try #require(
            self.problem(Self.valid.replacingOccurrences(of: "        page: tin-tuc/_index.md\n", with: "")))
        #expect(problem.message.contains("a menu entry needs `name` and either `page` or `url`"))
        #expect(problem.location?.line == 16)
    }

    @Test func missingFileSaysWhatToDo() {
        do {
            _ = try SiteSettings.load(contentDirectory: "/nonexistent-folder")
            Issue.record("loaded a missing file")
        } catch {
            #expect(error.description.contains("site.yml: error: the site settings file is missing"))
            #expect(error.help?.contains("--content") == true)
        }
    }
}
