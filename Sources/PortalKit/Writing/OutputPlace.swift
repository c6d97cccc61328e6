import Foundation

/// Where an output folder may be: not inside, equal to, or around the content or theme
/// folder. An output inside `Content/media/` is published again into itself by every build
/// (copying its own copies), and an output around the content would be replaced with it.
/// Compared once every symbolic link is resolved, for the part of the output's path that
/// exists.
enum OutputPlace {
    static func check(output: String, content: String, theme: String) throws(OutputError) {
        let placed = resolved(output)
        for (kind, input) in [(OutputError.InputKind.content, content), (.theme, theme)] {
            let folder = resolved(input)
            if placed == folder || placed.hasPrefix(folder + "/") || folder.hasPrefix(placed + "/") {
                throw .overlapsInput(output: output, input: input, kind: kind)
            }
        }
    }

    /// The absolute path with links resolved: the longest part of it that exists goes through
    /// `realpath`, and the rest is added as written (without `.` or `..`).
    static func resolved(_ path: String) -> String {
        let absolute =
            path.hasPrefix("/")
            ? path : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(path)
        var parts = (absolute as NSString).standardizingPath.split(separator: "/").map(String.init)
        var rest: [String] = []
        while true {
            let prefix = "/" + parts.joined(separator: "/")
            if let real = InputTree.realPath(prefix) {
                let joined = ([real == "/" ? "" : real] + rest).joined(separator: "/")
                return joined.isEmpty ? "/" : joined
            }
            guard let last = parts.popLast() else { return absolute }
            rest.insert(last, at: 0)
        }
    }
}
