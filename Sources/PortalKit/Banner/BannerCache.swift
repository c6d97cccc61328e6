import CRsvg
import Foundation

/// The July kit as the last build drew it: every artwork's SVG and PNG, and the zip.
///
/// Laying out and drawing the banners (librsvg, Pango, fontconfig, cairo, libpng) and zipping
/// them took 0.2 CPU-seconds of every build of the section's own content, and half a second of
/// wall time on a busy machine, out of a rebuild that otherwise takes 0.25 s — on every save in
/// `portal serve` too, for a kit that changes once a year. The kit is a function of its inputs,
/// all of them in `key`: the banner settings as the kit reads them, the year, the languages,
/// base URL and campaign pages, the theme's banner template, librsvg's version and the fonts
/// installed (through fontconfig's caches). With the same key the kit's bytes are the same, so a
/// build that takes them from here writes what drawing them again would.
///
/// Kept in `.portal-cache/NAME.banner` beside the output (in memory in `portal serve`). Like the
/// photos' cache it serves a build into an empty folder too: nothing in it describes the output.
struct BannerCache: Sendable {
    static let version = "banner-1"

    var key = ""
    /// Each artwork's SVG and PNG, in the order `BannerKit.artworks` draws them.
    var drawn: [(svg: String, png: Data)] = []
    var zip = Data()

    func drawings(for key: String) -> [(svg: String, png: Data)]? {
        key == self.key && !key.isEmpty && !zip.isEmpty ? drawn : nil
    }

    static func path(output: String) -> String { RenderCache.path(for: output, kind: "banner") }

    static func load(output: String) -> BannerCache {
        guard var reader = CacheFile.reader(path(output: output), version: version),
            let key = reader.string(), let count = reader.int(), count >= 0
        else { return BannerCache() }
        var drawn: [(svg: String, png: Data)] = []
        for _ in 0..<count {
            guard let svg = reader.string(), let png = reader.slice() else { return BannerCache() }
            drawn.append((svg, Data(png)))
        }
        guard let zip = reader.slice(), reader.isAtEnd else { return BannerCache() }
        return BannerCache(key: key, drawn: drawn, zip: Data(zip))
    }

    func save(output: String) {
        var writer = CacheFile.writer(version: Self.version)
        writer.string(key)
        writer.int(drawn.count)
        for (svg, png) in drawn {
            writer.string(svg)
            writer.int(png.count)
            writer.bytes.append(contentsOf: png)
        }
        writer.int(zip.count)
        writer.bytes.append(contentsOf: zip)
        CacheFile.replace(Self.path(output: output), with: writer.bytes)
    }

    /// librsvg's version as the process runs it (not as it was compiled against).
    static var libraryVersion: String { "librsvg \(rsvg_major_version).\(rsvg_minor_version).\(rsvg_micro_version)" }

    /// The fonts Pango can draw with, as far as it shows outside fontconfig: fontconfig keeps one
    /// cache file per font folder and rewrites it when a font is added, changed or removed
    /// (Debian's font packages run `fc-cache`), so their names, sizes and times change with the
    /// fonts. Both the system's caches and the user's.
    static func fontStamp(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        var folders = ["/var/cache/fontconfig"]
        if let cache = environment["XDG_CACHE_HOME"], !cache.isEmpty {
            folders.append("\(cache)/fontconfig")
        } else if let home = environment["HOME"], !home.isEmpty {
            folders.append("\(home)/.cache/fontconfig")
        }
        var lines: [String] = []
        for folder in folders {
            for name in ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted() {
                var info = stat()
                guard stat("\(folder)/\(name)", &info) == 0 else { continue }
                lines.append("\(folder)/\(name) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)")
            }
        }
        return lines.joined(separator: "\n")
    }
}

extension BannerKit {
    /// Every input of the kit's files (see `BannerCache`); `templateText` is the theme's
    /// `banner/banner.svg.mustache` as read.
    func cacheKey(templateText: String) -> String {
        var fields = [
            BannerCache.version, BannerCache.libraryVersion, BannerCache.fontStamp(), templateText, String(year),
            String(settings.number(year: year)), String(settings.event.timeIntervalSince1970), base.origin, base.path,
            settings.sizes.map(\.description).joined(separator: " "),
        ]
        for language in languages {
            fields += [
                language.code, language.pathPrefix, title(language.code), subtitle(language.code) ?? "\u{0}",
                campaignPages[language.code] ?? "\u{0}",
            ]
        }
        return FieldDigest.of(fields)
    }
}
