import Foundation

/// Where the editors' commands (`new`, `translate`) may write: inside a language folder of the
/// content folder, once symbolic links are followed. A section given as `../../x` or `/etc`,
/// or a section folder that is a link to `/tmp`, would otherwise put a file (and the folders
/// on its way) anywhere the user can write. Every write of those commands asks here first.
public enum ContentPath {
    /// Throws `EditError.outsideContent` unless `path` (a file or folder that may not exist
    /// yet) resolves inside `<contentDirectory>/<language>`, and that folder inside
    /// `contentDirectory`.
    public static func checkWritable(_ path: String, language: String, contentDirectory: String) throws(EditError) {
        let folder = "\(contentDirectory)/\(language)"
        guard let content = resolved(contentDirectory), let languageFolder = resolved(folder),
            let target = resolved(path), isInside(languageFolder, content), isInside(target, languageFolder)
        else {
            throw .outsideContent(path, folder: folder, resolved: resolved(path))
        }
    }

    /// `path` made absolute with every symbolic link followed, `.` and `..` applied, for a path
    /// whose end does not exist yet too (what does not exist holds no links: its `..` are
    /// applied to the text). Nil when a link leads nowhere or in a loop: where a write through
    /// it would land cannot be told.
    static func resolved(_ path: String) -> String? {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var result: [Substring] = []  // components of a path without links
        for component in absolute.split(separator: "/") {
            switch component {
            case ".": continue
            case "..": _ = result.popLast()
            default:
                result.append(component)
                let current = "/" + result.joined(separator: "/")
                var status = stat()
                guard lstat(current, &status) == 0, status.st_mode & S_IFMT == S_IFLNK else { continue }
                // A link: replaced by where it leads (realpath follows chains of links).
                guard let real = realpath(current, nil) else { return nil }
                defer { free(real) }
                result = String(cString: real).split(separator: "/")
            }
        }
        return "/" + result.joined(separator: "/")
    }

    /// Whether `path` is `folder` or below it (both resolved).
    static func isInside(_ path: String, _ folder: String) -> Bool {
        folder == "/" || path == folder || path.hasPrefix(folder + "/")
    }
}
