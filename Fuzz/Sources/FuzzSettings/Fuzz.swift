import Foundation
import FuzzSupport

@testable import PortalKit

/// `site.yml`: any bytes, read as `SiteSettings.load` reads the file, then parsed and checked
/// (`SiteSettings.parse`, banner included). Accepted settings must hold what the rest of the
/// build assumes of them, and a site graph is made from them.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let text = Fuzz.decode(data, size) else { return 0 }
    let file = "Content/site.yml"
    let settings: SiteSettings
    do {
        settings = try SiteSettings.parse(text, file: file)
    } catch {
        Fuzz.checkLocation(error.location, file: file, in: text, "error \(error.message)")
        return 0
    }
    let codes = settings.languages.map(\.code)
    Fuzz.check(!codes.isEmpty, "settings without a language")
    Fuzz.check(Set(codes).count == codes.count, "a language is given twice: \(codes)")
    for language in settings.languages {
        // `^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$`, checked here byte by byte.
        let parts = language.code.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
        let isCode =
            (2...3).contains(parts[0].utf8.count) && parts[0].utf8.allSatisfy { (0x61...0x7A).contains($0) }
            && (parts.count == 1
                || ((2...8).contains(parts[1].utf8.count)
                    && parts[1].utf8.allSatisfy {
                        (0x61...0x7A).contains($0) || (0x41...0x5A).contains($0) || (0x30...0x39).contains($0)
                    }))
        Fuzz.check(isCode, "language code \(language.code.debugDescription) is not a language code")
        Fuzz.check(
            language.pathPrefix == (language.code == settings.defaultLanguage.code ? "" : language.code + "/"),
            "language \(language.code.debugDescription) has path prefix \(language.pathPrefix.debugDescription)")
        for (kind, segment) in language.taxonomySegments {
            Fuzz.check(Fuzz.isSlug(segment), "taxonomy \(kind) segment \(segment.debugDescription) is not a slug")
        }
        for field in [language.name, language.locale, language.title, language.description] {
            Fuzz.check(!field.isEmpty, "an empty field of language \(language.code)")
        }
        for item in language.menu {
            Fuzz.checkLocation(item.location, file: file, in: text, "menu item \(item.name)")
        }
    }
    let base = settings.baseURL
    Fuzz.check(base.path.hasPrefix("/") && base.path.hasSuffix("/"), "base path \(base.path.debugDescription)")
    Fuzz.check(
        base.origin.hasPrefix("https://") || base.origin.hasPrefix("http://"), "origin \(base.origin.debugDescription)")
    Fuzz.check(BaseURL(base.string) == base, "base URL \(base.string.debugDescription) does not read back as itself")
    Fuzz.check(settings.paginate >= 1 && settings.feeds.limit >= 1, "paginate or feed limit below 1")
    if let banner = settings.banner {
        Fuzz.checkLocation(banner.location, file: file, in: text, "the banner")
        for size in banner.sizes {
            Fuzz.check((16...4000).contains(size.width) && (16...4000).contains(size.height), "banner size \(size)")
        }
        for year in [1995, 2026, 2125] {
            for code in codes {
                _ = BannerText.fill(banner.title(code), settings: banner, year: year, language: code)
                if let subtitle = banner.subtitle {
                    _ = BannerText.fill(subtitle(code), settings: banner, year: year, language: code)
                }
            }
        }
        _ = banner.isActive(at: Fuzz.now)
    }
    // The pipeline's first use of the settings: a site graph (of no pages: one home page a
    // language). Errors are fine; a crash is not.
    _ = try? SiteGraph(settings: settings, sources: [], publication: Publication(now: Fuzz.now))
    return 0
}

@main enum Main {
    static func main() { Fuzz.main() }
}
