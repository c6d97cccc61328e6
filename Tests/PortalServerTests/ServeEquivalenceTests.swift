import Foundation
import PortalKit
import Testing

@testable import PortalServer

#if canImport(Glibc)
    import Glibc
#endif

/// What `portal serve` serves after each edit is what a clean `portal build` of the same
/// content makes, byte for byte — with the reload script the server adds to HTML, and nothing
/// else. The edits are of every kind a resident server must notice: a post's body, title and
/// tags, new, deleted and renamed posts, a translation, a template, a theme asset, site.yml and
/// a media file; each is made through the file system, as an editor would, and the comparison
/// waits for the reload event that tells open pages.
@Suite struct ServeEquivalenceTests {
    static let now = VietnamTime.parse("2026-11-29T12:00")!

    struct Edit: Sendable {
        var name: String
        /// The build this edit starts fails (and the next edit mends it).
        var fails = false
        var make: @Sendable (PreviewSite) throws -> Void
    }

    static func post(_ title: String, date: String, tags: [String], key: String? = nil, body: String) -> String {
        """
        ---
        title: \(title)
        date: \(date)
        summary: Tóm tắt của \(title).
        tags: [\(tags.joined(separator: ", "))]
        \(key.map { "translationKey: \($0)\n" } ?? "")---

        \(body)

        """
    }

    static let edits: [Edit] = [
        Edit(name: "a post's body") {
            try $0.write(
                "Content/vi/tin-tuc/2025-07-01-hop-tac.md",
                post(
                    "Hợp tác ASEAN", date: "2025-07-01", tags: ["ASEAN", "Văn hóa"], key: "hop-tac",
                    body:
                        "Đà Nẵng đẩy mạnh hợp tác.\n\n## Kết quả mới\n\nThêm một đoạn. Xem [tin kỷ niệm](2025-07-28-ky-niem.md)."
                ))
        },
        Edit(name: "a post's title") {
            try $0.write(
                PreviewSite.postPath, PreviewSite.post(body: "Đà Nẵng chào mừng ngày hội.", title: "Kỷ niệm 31 năm"))
        },
        Edit(name: "a post's tags") {
            try $0.write(
                "Content/vi/tin-tuc/2025-07-01-hop-tac.md",
                post(
                    "Hợp tác ASEAN", date: "2025-07-01", tags: ["ASEAN", "Văn hóa", "Du lịch"], key: "hop-tac",
                    body:
                        "Đà Nẵng đẩy mạnh hợp tác.\n\n## Kết quả mới\n\nThêm một đoạn. Xem [tin kỷ niệm](2025-07-28-ky-niem.md)."
                ))
        },
        // The same title, date and body under another address: the search index's row of the
        // post changes while what its terms are read from does not.
        Edit(name: "a post's slug") {
            try $0.write(
                "Content/vi/tin-tuc/2025-07-01-hop-tac.md",
                post(
                    "Hợp tác ASEAN", date: "2025-07-01\nslug: hop-tac-asean", tags: ["ASEAN", "Văn hóa", "Du lịch"],
                    key: "hop-tac",
                    body:
                        "Đà Nẵng đẩy mạnh hợp tác.\n\n## Kết quả mới\n\nThêm một đoạn. Xem [tin kỷ niệm](2025-07-28-ky-niem.md)."
                ))
        },
        // A failure found once the pages are written into the tree being assembled (the edited
        // post among them); then the edit undone: the post's page as published is kept, and
        // must not be taken from that half-made tree.
        Edit(name: "a post's body and a media file where a page is", fails: true) { site in
            try site.write(PreviewSite.postPath, PreviewSite.post(body: "Bản nháp hỏng.", title: "Kỷ niệm 31 năm"))
            try site.write("Content/media/bai/index.html", "<p>Trùng.</p>\n")
        },
        Edit(name: "both undone") { site in
            #expect(unlink(site.root + "/Content/media/bai/index.html") == 0)
            try site.write(
                PreviewSite.postPath, PreviewSite.post(body: "Đà Nẵng chào mừng ngày hội.", title: "Kỷ niệm 31 năm"))
        },
        Edit(name: "a new post") {
            try $0.write(
                "Content/vi/tin-tuc/2025-08-02-le-hoi.md",
                post("Lễ hội pháo hoa", date: "2025-08-02", tags: ["Du lịch"], body: "Lễ hội trên sông Hàn."))
        },
        Edit(name: "a deleted post") { site in
            #expect(unlink(site.root + "/Content/vi/tin-tuc/2025-06-15-xoa.md") == 0)
        },
        Edit(name: "a renamed post") { site in
            #expect(
                rename(
                    site.root + "/Content/vi/tin-tuc/2025-08-02-le-hoi.md",
                    site.root + "/Content/vi/tin-tuc/2025-08-02-le-hoi-phao-hoa.md") == 0)
        },
        Edit(name: "a translation added") {
            try $0.write(
                "Content/en/news/2025-07-01-cooperation.md",
                post(
                    "ASEAN cooperation", date: "2025-07-01", tags: ["ASEAN"], key: "hop-tac",
                    body: "Da Nang steps up its cooperation."))
        },
        Edit(name: "a template") { site in
            let path = site.root + "/Themes/default/layouts/page.mustache"
            let text = try String(contentsOfFile: path, encoding: .utf8)
            #expect(text.contains("</article>"))
            try Data(text.replacingOccurrences(of: "</article>", with: "<p>Mẫu đã sửa.</p></article>").utf8).write(
                to: URL(fileURLWithPath: path))
        },
        Edit(name: "a theme asset") { site in
            let path = site.root + "/Themes/default/assets/style.css"
            let text = try String(contentsOfFile: path, encoding: .utf8)
            try Data((text + "\n.edited { color: #123456; }\n").utf8).write(to: URL(fileURLWithPath: path))
        },
        Edit(name: "site.yml") { site in
            let path = site.root + "/Content/site.yml"
            let text = try String(contentsOfFile: path, encoding: .utf8)
            #expect(text.contains("description: Trang thử nghiệm."))
            try Data(
                text.replacingOccurrences(of: "description: Trang thử nghiệm.", with: "description: Trang đã sửa.").utf8
            ).write(to: URL(fileURLWithPath: path))
        },
        Edit(name: "a media file") {
            try $0.write("Content/media/bao-cao.txt", "Báo cáo, bản thứ hai.\n")
        },
        Edit(name: "a new media file") {
            try $0.write("Content/media/lich.txt", "Lịch làm việc.\n")
        },
        Edit(name: "a post saved by rename, as Vim does") { site in
            let path = site.root + "/" + PreviewSite.postPath
            #expect(rename(path, path + "~") == 0)
            try site.write(PreviewSite.postPath, PreviewSite.post(body: "Lưu kiểu Vim.", title: "Kỷ niệm 31 năm"))
            #expect(unlink(path + "~") == 0)
        },
    ]

    @Test func everyEditServesWhatACleanBuildMakes() async throws {
        let site = try PreviewSite()
        defer { site.remove() }
        try site.write(
            "Content/vi/tin-tuc/2025-07-01-hop-tac.md",
            Self.post(
                "Hợp tác ASEAN", date: "2025-07-01", tags: ["ASEAN", "Văn hóa"], key: "hop-tac",
                body: "Đà Nẵng đẩy mạnh hợp tác.\n\n## Kết quả\n\nXem [tin kỷ niệm](2025-07-28-ky-niem.md)."))
        try site.write(
            "Content/vi/tin-tuc/2025-06-15-xoa.md",
            Self.post("Tin sẽ xoá", date: "2025-06-15", tags: ["Văn hóa"], body: "Tin này sẽ bị xoá."))
        try site.write("Content/en/news/_index.md", "---\ntitle: News\n---\n")
        try site.write("Content/media/bao-cao.txt", "Báo cáo.\n")
        // A page that never changes, linking to one whose address does: its link must follow.
        try site.write(
            "Content/vi/tin-tuc/2025-05-20-lien-ket.md",
            Self.post(
                "Liên kết", date: "2025-05-20", tags: ["ASEAN"], body: "Xem [tin hợp tác](2025-07-01-hop-tac.md)."))
        // A page at media/bai/, which a media file can clash with once the pages are written.
        try site.write("Content/vi/media/bai.md", Self.post("Bài", date: "2025-05-01", tags: ["ASEAN"], body: "Bài."))

        let events = Box<[ServeEvent]>([])
        let server = PreviewServer(
            options: ServeOptions(contentDirectory: site.content, now: Self.now, port: 0, jobs: 2),
            onEvent: { event in events.update { $0.append(event) } })
        let task = Task { try await server.run() }
        defer { server.stop() }
        #expect(await eventually(within: .seconds(60)) { events.current.contains { $0.kind == .listening } })
        let url = try #require(events.current.first { $0.kind == .listening }?.url)
        let port = try #require(URLComponents(string: url)?.port)
        let stream = try EventStream(port: port)
        defer { stream.close() }
        #expect(await eventually { stream.events == ["1"] }, "got \(stream.text)")

        let clean = site.root + "/clean"
        var everServed: Set<String> = []
        try await compare(site: site, url: url, port: port, generation: 1, clean: clean + "-0", everServed: &everServed)
        for (number, edit) in Self.edits.enumerated() {
            let generation = number + 2
            try edit.make(site)
            #expect(
                await eventually(within: .seconds(30)) { stream.events.last == "\(generation)" },
                "no reload after \(edit.name): \(stream.text)")
            let event = events.current.last { $0.generation == generation }
            if edit.fails {
                #expect(event?.kind == .failed, "\(edit.name): \(event?.message ?? "no build")")
                continue
            }
            #expect(event?.kind == .built, "\(edit.name): \(event?.message ?? "no build") \(event?.diagnostics ?? [])")
            try await compare(
                site: site, url: url, port: port, generation: generation, clean: "\(clean)-\(number + 1)",
                everServed: &everServed, edit: edit.name)
        }
        // One build per edit: none was split in two by the debounce, none lost.
        try await Task.sleep(for: .milliseconds(500))
        #expect(stream.events.last == "\(Self.edits.count + 1)", "got \(stream.text)")

        server.stop()
        try await task.value
    }

    /// Builds the site as it is now into `clean` (a new folder: a clean build), and fetches
    /// every file of it from the server: each must come back as written, HTML with the reload
    /// script where the server puts it. Files of earlier builds that this one does not have
    /// must be gone from the server too.
    private func compare(
        site: PreviewSite, url: String, port: Int, generation: Int, clean: String, everServed: inout Set<String>,
        edit: String = "the first build"
    ) async throws {
        var options = BuildOptions(
            contentDirectory: site.content, outputDirectory: clean, publication: Publication(now: Self.now), jobs: 2,
            baseURL: BaseURL(url))
        options.precompress = false
        _ = try SiteBuild.run(options, warnings: WarningLog())
        var isFolder: ObjCBool = false
        let files = try FileManager.default.subpathsOfDirectory(atPath: clean).filter { path in
            !path.split(separator: "/").contains { $0.hasPrefix(".") }
                && FileManager.default.fileExists(atPath: clean + "/" + path, isDirectory: &isFolder)
                && !isFolder.boolValue
        }
        #expect(files.contains("index.html") && files.contains("media/bao-cao.txt"))
        var differing: [String] = []
        for path in files.sorted() {
            let reply = try await HTTP.get("/" + path, port: port, accept: "*/*")
            var expected = [UInt8](try Data(contentsOf: URL(fileURLWithPath: clean + "/" + path)))
            if LiveReload.isHTML(contentType: reply.headers["content-type"] ?? "") {
                expected = LiveReload.inject(into: expected, generation: generation)
            }
            if reply.status != 200 || reply.bytes != expected { differing.append(path) }
        }
        #expect(differing.isEmpty, "after \(edit), served differently from a clean build: \(differing)")
        let gone = everServed.subtracting(files)
        for path in gone.sorted() {
            let reply = try await HTTP.get("/" + path, port: port, accept: "*/*")
            #expect(reply.status == 404, "after \(edit), /\(path) of an earlier build is still served")
        }
        everServed.formUnion(files)
        try FileManager.default.removeItem(atPath: clean)
    }
}
