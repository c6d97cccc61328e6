import Foundation
import Hummingbird

/// Answers every request of the preview: the built site from the private output folder (with
/// the reload script in HTML), the event stream, and the error page while the build is broken.
///
/// It is a responder of its own rather than a `Router` with `FileMiddleware`: the middleware
/// streams files as they are, while every HTML response here is rewritten (the script) or
/// replaced (the error page), and a missing page gets the site's own 404 page.
struct SiteResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    /// The output folder the builds are swapped into.
    let root: String
    let site: SiteState
    let hub: ReloadHub

    func respond(to request: Request, context: Context) async throws -> Response {
        guard request.method == .get || request.method == .head else {
            return Response(
                status: .methodNotAllowed, headers: [.allow: "GET, HEAD", .cacheControl: "no-store"],
                body: text("405 method not allowed\n"))
        }
        let path = request.uri.path
        if path == LiveReload.eventsPath { return events() }
        var response: Response
        if path.hasPrefix(LiveReload.prefix) {
            response = Response(status: .notFound, headers: plainText, body: text("404 not found\n"))
        } else {
            await site.waitForFirstBuild()
            response = page(path: path, query: request.uri.query, accept: request.headers[.accept] ?? "")
        }
        return request.method == .head ? response.createHeadResponse() : response
    }

    // MARK: The site

    enum Resolution: Equatable {
        case file(String)
        case redirect(String)
        case notFound
    }

    /// Maps a URL path to a file of the output: `/a/` → `a/index.html`; `/a` when `a` is a
    /// folder → a redirect to `/a/`, so the page's relative links work. Paths that climb out
    /// (`..`) or name hidden files (the `.portal-output` marker) are not found.
    static func resolve(_ path: String, root: String) -> Resolution {
        guard let decoded = path.removingPercentEncoding, decoded.hasPrefix("/") else { return .notFound }
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: true)
        if segments.contains(where: { $0.hasPrefix(".") || $0.contains("\0") }) { return .notFound }
        let file = ([root] + segments.map(String.init)).joined(separator: "/")
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory) else { return .notFound }
        if !isDirectory.boolValue { return .file(file) }
        guard decoded.hasSuffix("/") else { return .redirect(folderLocation(segments)) }
        let index = file + (file.hasSuffix("/") ? "" : "/") + "index.html"
        var indexIsDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: index, isDirectory: &indexIsDirectory),
            !indexIsDirectory.boolValue
        else { return .notFound }
        return .file(index)
    }

    /// A folder's address for a redirect, `/a/b/`, made from its segments (each percent-encoded
    /// again), never from the request's path as it came: `//evil.example` or `/\evil.example`
    /// plus a `/` is an address on another host to a browser (which reads `\` as `/`), so
    /// the preview would send its user anywhere a link told it to. Empty segments are gone, so
    /// the result is `/` and a segment, never `//`, a `\` or a scheme.
    static func folderLocation(_ segments: [Substring]) -> String {
        "/"
            + segments.map { $0.addingPercentEncoding(withAllowedCharacters: segmentCharacters) ?? "" }
            .joined(separator: "/") + "/"
    }

    /// What may stand unencoded in a segment: the URL path's characters but `/` and `;`.
    private static let segmentCharacters = CharacterSet.urlPathAllowed.subtracting(CharacterSet(charactersIn: "/;"))

    /// The nearest `404.html` above a missing path: `/en/x/` gets `en/404.html` (the English
    /// one), anything else the default language's `404.html`.
    static func notFoundPage(for path: String, root: String) -> String? {
        let decoded = path.removingPercentEncoding ?? path
        var segments = decoded.split(separator: "/").map(String.init).filter { !$0.hasPrefix(".") }
        if !decoded.hasSuffix("/") && !segments.isEmpty { segments.removeLast() }
        while true {
            let candidate = ([root] + segments + ["404.html"]).joined(separator: "/")
            if FileManager.default.isReadableFile(atPath: candidate) { return candidate }
            if segments.isEmpty { return nil }
            segments.removeLast()
        }
    }

    static func contentType(ofFile path: String) -> String {
        let ext = (path as NSString).pathExtension.lowercased()
        guard let type = MediaType.getMediaType(forExtension: ext) else { return "application/octet-stream" }
        let text = type.description
        let needsCharset =
            text.hasPrefix("text/") || ["application/javascript", "application/json", "application/xml"].contains(text)
        return needsCharset && type.parameter == nil ? text + "; charset=utf-8" : text
    }

    /// Whether a request is for a page (and so gets the error page while the build is broken):
    /// HTML files and folders, and missing paths a browser asks for as a page.
    static func wantsPage(_ resolution: Resolution, path: String, accept: String) -> Bool {
        switch resolution {
        case .file(let file): return LiveReload.isHTML(contentType: contentType(ofFile: file))
        case .redirect: return false
        case .notFound:
            let ext = (path as NSString).pathExtension.lowercased()
            return accept.contains("text/html") || path.hasSuffix("/") || ext.isEmpty || ext == "html"
                || ext == "htm"
        }
    }

    private func page(path: String, query: String?, accept: String) -> Response {
        let snapshot = site.snapshot
        let resolution = Self.resolve(path, root: root)
        if let failure = snapshot.failure, Self.wantsPage(resolution, path: path, accept: accept) {
            let html = ErrorPage.html(report: failure, changed: snapshot.changed, generation: snapshot.generation)
            return Response(
                status: .internalServerError, headers: headers(contentType: "text/html; charset=utf-8"),
                body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
        }
        switch resolution {
        case .file(let file):
            if let response = serve(file: file, status: .ok, generation: snapshot.generation) { return response }
        case .redirect(let location):
            let target = query.map { "\(location)?\($0)" } ?? location
            return Response(status: .found, headers: [.location: target, .cacheControl: "no-store"])
        case .notFound:
            break
        }
        if let notFound = Self.notFoundPage(for: path, root: root),
            let response = serve(file: notFound, status: .notFound, generation: snapshot.generation)
        {
            return response
        }
        return Response(status: .notFound, headers: plainText, body: text("404 not found\n"))
    }

    /// The file's bytes, with the reload script when it is HTML. Files are read whole: they are
    /// the pages and media of one site on the local disk (kilobytes, read from the page cache),
    /// and HTML has to be whole to get the script anyway.
    private func serve(file: String, status: HTTPResponse.Status, generation: Int) -> Response? {
        guard let data = FileManager.default.contents(atPath: file) else { return nil }
        let type = Self.contentType(ofFile: file)
        var bytes = [UInt8](data)
        if LiveReload.isHTML(contentType: type) { bytes = LiveReload.inject(into: bytes, generation: generation) }
        return Response(
            status: status, headers: headers(contentType: type),
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    // MARK: Events

    /// `data: <generation>` now and after every build, until the browser leaves or the server
    /// stops. `retry` makes a browser reconnect quickly after the server restarts.
    private func events() -> Response {
        let hub = self.hub
        let site = self.site
        return Response(
            status: .ok,
            headers: [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-store"],
            body: ResponseBody { writer in
                hub.responseStarted()
                defer { hub.responseEnded() }
                let generations = hub.subscribe()
                try await writer.write(ByteBuffer(string: "retry: 1000\n\n"))
                let current = site.snapshot.generation
                if current > 0 { try await writer.write(ByteBuffer(string: "data: \(current)\n\n")) }
                for await generation in generations {
                    try await writer.write(ByteBuffer(string: "data: \(generation)\n\n"))
                }
                try await writer.finish(nil)
            })
    }

    // MARK: Helpers

    private var plainText: HTTPFields { headers(contentType: "text/plain; charset=utf-8") }

    /// Nothing is cached: a reload must show the new build.
    private func headers(contentType: String) -> HTTPFields {
        [.contentType: contentType, .cacheControl: "no-store"]
    }

    private func text(_ string: String) -> ResponseBody { ResponseBody(byteBuffer: ByteBuffer(string: string)) }
}
