/// What a page is rendered from, as one digest computed without building its context: a
/// rebuild after one post's body changed finds every other page's key as it was, and keeps
/// their files without building and digesting thousands of contexts.
///
/// A page's context reads, of its own: its front matter and its body (only pages of the site
/// graph have one); and of the rest of the site only what `site` below covers: the settings
/// and data files, the base URL, the day it is built for (plan pages count days to the next
/// report), and every page's front matter and place (titles, URLs, dates, translations, tags,
/// sections: listings, term pages and language switches). No page reads another's body. So a
/// page's key is that site digest, its language's constants (UI strings, assets, the banner),
/// its output path and, for a page of the graph, its rendered body. Any change to the site
/// part changes every key; pages then go the usual way (their context is built and compared
/// with the last build's), which is also what a key missing from the cache means.
///
/// The campaign page (which holds the banner kit) has no key: it always goes the usual way.
/// Tests build with `verifyInputKeys`, which builds the context of every page whose key
/// matched and reports any whose context differs from the cached one.
enum InputKey {
    /// Everything outside a page that a page's context can read.
    static func site(_ site: Site) -> String {
        var digest = FieldDigest()
        digest.add("page-inputs-1")
        digest.add(site.base.string)
        digest.add(site.settings.sourceDigest)
        digest.add(site.catalog.sourceDigest)
        digest.add(site.photos.digest)  // the pictures, sizes and sharing images pages show
        digest.add("\(site.startOfToday.timeIntervalSince1970)")
        for page in site.graph.pages {
            for field in [
                page.contentPath, page.kind.rawValue, page.language, page.url, page.title, page.folder,
                page.translationKey, page.date.map { "\($0.timeIntervalSince1970)" } ?? "-", "\(page.weight)",
                page.source?.frontMatterText ?? "-",
            ] {
                digest.add(field)
            }
        }
        return digest.finish()
    }

    /// The key of a job's page, or nil for the campaign page.
    static func page(
        _ job: RenderJob, path: String, site: Site, siteKey: String, constants: PageContext.LanguageConstants
    ) -> String? {
        var body = "-"
        if case .page(let index, _) = job {
            guard site.banner?.isCampaign(site.graph.pages[index]) != true else { return nil }
            body = site.bodyDigest(index)
        }
        return FieldDigest.of([siteKey, constants.digest, path, body])
    }
}
