import Foundation

/// The web-server configurations a build writes beside its output (not inside it, so they are
/// never served): `Output.nginx.conf` and `Output.apache.conf`, for serving the output
/// folder itself. `portal publish` writes the same for its `current` release.
public enum ServerFiles {
    public static func nginxPath(output: String) -> String { besideOutput(output, suffix: "nginx.conf") }
    public static func apachePath(output: String) -> String { besideOutput(output, suffix: "apache.conf") }

    /// `NAME.suffix` beside the folder `NAME`.
    static func besideOutput(_ output: String, suffix: String) -> String {
        var path = output
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        return "\(path).\(suffix)"
    }

    /// Written whole, by rename, after the build is in place.
    static func write(_ plan: ServerPlan, output: String) throws(FileIO.Failure) {
        // The previous build is kept beside the output (`.NAME.previous`) until the next build
        // starts: its content-hashed assets stay reachable for pages fetched just before.
        let root = OutputPlace.resolved(output)
        let previous = OutputPlace.resolved(OutputWriter.sibling(of: output, suffix: "previous"))
        try replace(
            nginxPath(output: output), with: NginxConfig.render(plan, root: root, previous: previous), output: output)
        try replace(apachePath(output: output), with: ApacheConfig.render(plan), output: output)
    }

    /// Written in `.portal-cache/` first, so that a build killed meanwhile leaves nothing new
    /// beside the output.
    static func replace(_ path: String, with text: String, output: String) throws(FileIO.Failure) {
        let pending = RenderCache.path(for: output, kind: (path as NSString).lastPathComponent + ".new")
        try? FileManager.default.createDirectory(
            atPath: (pending as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try FileIO.write(Data(text.utf8), to: pending)
        try FileIO.rename(pending, path)
    }
}

/// Whether the last build into an output failed: its output is then the build before, and
/// `portal publish` refuses it until a build succeeds. Kept in `.portal-cache/`.
public enum BuildStatus {
    static func path(output: String) -> String { RenderCache.path(for: output, kind: "failed") }

    static func record(output: String, failed: Bool) {
        if failed {
            CacheFile.replace(path(output: output), with: Array("the last build failed\n".utf8))
        } else {
            unlink(path(output: output))
        }
    }

    /// True when the last build into `output` failed.
    public static func lastBuildFailed(output: String) -> Bool { FileIO.size(path(output: output)) != nil }
}
