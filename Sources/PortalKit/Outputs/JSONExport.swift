import Foundation

/// `posts.json` per language (`en/posts.json` …): every published post as structured data,
/// what Circular 22/2023 asks portals to share and what the city portal's systems import.
struct JSONExport {
    let site: Site

    /// A post's line as a resident process keeps it, with everything it was made from.
    struct Kept: Sendable {
        var inputs: Inputs
        var json: String
    }

    /// What a post's line is made from besides the page's file (kept by identity: a file read
    /// as it was keeps its parsed page, `BuildMemory.parsed`): its address, title and date,
    /// its translations' addresses, the catalogue's names and the site's address.
    struct Inputs: Equatable, Sendable {
        var url: String
        var title: String
        var date: Date?
        var translations: [String]
        var catalog: String
        var base: String
    }

    /// Each post's line with its file's page, by content path.
    typealias KeptLines = [String: (source: ParsedSource, kept: Kept)]

    func files() -> [OutputFile] { files(kept: nil).files }

    /// The files. With `kept` (a resident process), only the lines of posts whose inputs are
    /// not those it says (by content path) are made again, and the lines to keep for the next
    /// build come back; without it, nothing is compared or kept.
    func files(kept: KeptLines?) -> (files: [OutputFile], kept: KeptLines) {
        var next: KeptLines = [:]
        let files = site.settings.languages.map { language in
            let posts = site.posts(language.code).map { index in
                let page = site.graph.pages[index]
                guard let kept, let source = page.source else { return post(index) }
                let inputs = Inputs(
                    url: page.url, title: page.title, date: page.date,
                    translations: site.graph.translations(of: page).map { "\($0.language) \($0.url)" },
                    catalog: site.catalog.sourceDigest, base: site.base.string)
                let json: String
                if let known = kept[page.contentPath], known.source === source, known.kept.inputs == inputs {
                    json = known.kept.json
                } else {
                    json = post(index)
                }
                next[page.contentPath] = (source, Kept(inputs: inputs, json: json))
                return json
            }
            // Keys in sorted order, one post per line: the same bytes on every build. Written
            // directly (a walk over [String: Any] cast every value; this runs over every post).
            let list = posts.isEmpty ? "[]" : "[\n" + posts.joined(separator: ",\n") + "\n]"
            let document = Self.object([
                ("language", JSONText.string(language.code)), ("posts", list),
                ("title", JSONText.string(language.title)),
                ("url", JSONText.string(site.base.absolute(language.pathPrefix))),
            ])
            return OutputFile(path: language.pathPrefix + "posts.json", body: .text(document + "\n"))
        }
        return (files, next)
    }

    /// `{"key":value,…}` from keys in sorted order and values already JSON.
    private static func object(_ fields: [(String, String)]) -> String {
        "{" + fields.map { JSONText.string($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
    }

    private static func strings(_ list: [String]) -> String {
        "[" + list.map(JSONText.string).joined(separator: ",") + "]"
    }

    private func post(_ index: Int) -> String {
        let page = site.graph.pages[index]
        let matter = page.frontMatter
        var fields: [(String, String)] = []
        if let id = matter.agency {
            let name = site.catalog.agencies?[id]?.name(page.language) ?? id
            fields.append(("agency", Self.object([("id", JSONText.string(id)), ("name", JSONText.string(name))])))
        }
        if let date = page.date { fields.append(("date", JSONText.string(VietnamTime.iso8601(date)))) }
        if let id = matter.pillar {
            let name = site.catalog.plan?.pillar(id)?.name(page.language) ?? id
            fields.append(("pillar", Self.object([("id", JSONText.string(id)), ("name", JSONText.string(name))])))
        }
        if let summary = matter.summary { fields.append(("summary", JSONText.string(summary))) }
        let translations = site.graph.translations(of: page).filter { $0.language != page.language }.map {
            Self.object([
                ("language", JSONText.string($0.language)), ("url", JSONText.string(site.base.absolute($0.url))),
            ])
        }
        fields += [
            ("tags", Self.strings(matter.tags)), ("tasks", Self.strings(matter.tasks)),
            ("title", JSONText.string(page.title)), ("translations", "[" + translations.joined(separator: ",") + "]"),
            ("url", JSONText.string(site.base.absolute(page.url))),
        ]
        return Self.object(fields)
    }
}
