import Foundation
import Hummingbird
import Testing

@testable import PortalServer

/// The preview's only redirect, a folder to its address with a `/`, stays on the preview:
/// `GET //evil.example` must not answer `Location: //evil.example/`, which a browser follows
/// to another host.
@Suite struct RedirectTests {
    /// The preview's responder over a folder made here (so that folders named like hosts
    /// exist at its root), answering real requests on a free port.
    func serving(_ root: String, _ body: (Int) async throws -> Void) async throws {
        let site = SiteState()
        _ = site.finishBuild(failure: nil, changed: [])
        let (ports, bound) = AsyncStream.makeStream(of: Int.self)
        var app = Application(
            responder: SiteResponder(root: root, site: site, hub: ReloadHub()),
            configuration: .init(address: .hostname("127.0.0.1", port: 0), serverName: nil),
            onServerRunning: { channel in
                bound.yield(channel.localAddress?.port ?? 0)
                bound.finish()
            })
        app.logger.logLevel = .critical  // its start and stop would only clutter the test log
        let server = Task { [app] in
            try? await app.run()
            bound.finish()  // a server that could not start ends the wait below
        }
        defer { server.cancel() }
        var port = 0
        for await value in ports {
            port = value
            break
        }
        try #require(port > 0, "the server did not start")
        try await body(port)
    }

    @Test func folderRedirectsStayOnThePreview() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("portal-redirect-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        for folder in ["tin-tuc", "evil.example/x", "\\evil.example", "ảnh đẹp"] {
            try FileManager.default.createDirectory(atPath: "\(root)/\(folder)", withIntermediateDirectories: true)
            try Data("<p>x</p>".utf8).write(to: URL(fileURLWithPath: "\(root)/\(folder)/index.html"))
        }
        try await serving(root) { port in
            for (path, location) in [
                ("/tin-tuc", "/tin-tuc/"),
                ("/tin-tuc?trang=2", "/tin-tuc/?trang=2"),
                ("//evil.example", "/evil.example/"),
                ("///evil.example/x", "/evil.example/x/"),
                ("//evil.example//x", "/evil.example/x/"),
                ("/\\evil.example", "/%5Cevil.example/"),
                ("/%5Cevil.example", "/%5Cevil.example/"),
                ("/%2F%2Fevil.example", "/evil.example/"),
                ("/%E1%BA%A3nh%20%C4%91%E1%BA%B9p", "/%E1%BA%A3nh%20%C4%91%E1%BA%B9p/"),
            ] {
                let reply = try await HTTP.get(path, port: port)
                #expect(reply.status == 302, "\(path)")
                #expect(reply.headers["location"] == location, "\(path)")
            }
            // The folder itself is served at the address redirected to.
            let page = try await HTTP.get("/evil.example/x/", port: port)
            #expect(page.status == 200 && page.body.hasPrefix("<p>x</p>"))
        }
    }
}
