import Foundation

/// `posts.json` per language (`en/posts.json` …): every published post as structured data,
/// what Circular 22/2023 asks portals to share and what the city portal's systems import.
struct JSONExport {
    let site: Site

    func files() -> [OutputFile] {
        site.settings.languages.map { language in
            let posts = site.posts(language.code).map { post($0) }
            let document: [String: Any] = [
                "language": language.code, "title": language.title, "url": site.base.absolute(language.pathPrefix),
                "posts": posts,
            ]
            // Sorted keys, one post per line: the same bytes on every build.
            return OutputFile(path: language.pathPrefix + "posts.json", body: .text(JSONText.value(document) + "\n"))
        }
    }

    private func post(_ index: Int) -> [String: Any] {
        let page = site.graph.pages[index]
        let matter = page.frontMatter
        var post: [String: Any] = [
            "title": page.title, "url": site.base.absolute(page.url), "tags": matter.tags, "tasks": matter.tasks,
            "translations": site.graph.translations(of: page).filter { $0.language != page.language }.map {
                ["language": $0.language, "url": site.base.absolute($0.url)]
            },
        ]
        if let date = page.date { post["date"] = VietnamTime.iso8601(date) }
        if let summary = matter.summary { post["summary"] = summary }
        if let id = matter.agency {
            post["agency"] = ["id": id, "name": site.catalog.agencies?[id]?.name(page.language) ?? id]
        }
        if let id = matter.pillar {
            post["pillar"] = ["id": id, "name": site.catalog.plan?.pillar(id)?.name(page.language) ?? id]
        }
        return post
    }
}
