import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A folder the build reads and publishes from — the content folder, a theme folder — and
/// the one rule for symbolic links in it: a link is followed only when what it points at is
/// inside the same folder. A link leading out (`media/passwd.txt → /etc/passwd`), one that
/// points at nothing, and a loop are errors naming the link, so nothing from elsewhere on the
/// machine is ever published. Files are found with `readdir`, which says which entries are
/// links: only those are resolved, so the rule costs nothing on a tree without links.
public struct InputTree: Sendable {
    /// The folder as given, and as shown in messages.
    public let root: String
    public let displayRoot: String
    /// The folder with every link in its own path resolved: what "inside" means.
    public let realRoot: String

    public init(root: String, displayRoot: String? = nil) {
        var root = root
        while root.count > 1 && root.hasSuffix("/") { root.removeLast() }
        self.root = root
        self.displayRoot = displayRoot ?? root
        realRoot = InputTree.realPath(root) ?? root
    }

    /// One file or folder found under the root: its path below it (NFC, `/`), the path to read
    /// it from, and how to name it in messages.
    public struct Entry: Sendable {
        public var relative: String
        public var diskPath: String
        public var displayPath: String
    }

    /// Every file under `folder` (a path below the root, "" for the root itself), sorted by
    /// relative path, hidden files left out; and the links that broke the rule.
    public func files(in folder: String) -> (files: [Entry], errors: [InputPathError]) {
        var files: [Entry] = []
        var errors: [InputPathError] = []
        let start = folder.isEmpty ? root : "\(root)/\(folder)"
        let display = folder.isEmpty ? displayRoot : "\(displayRoot)/\(folder)"
        let real: String
        do throws(InputPathError) {
            guard let found = try resolved(start, display: display) else { return ([], []) }
            real = found
        } catch { return ([], [error]) }
        walk(disk: start, real: real, relative: "", display: display, ancestors: [real], into: &files, &errors)
        files.sort { $0.relative < $1.relative }
        return (files, errors)
    }

    /// The names in a folder below the root (hidden ones left out), sorted, each with what it
    /// is once links are followed. Links that break the rule are in `errors`, not in the list.
    public func entries(in folder: String) -> (entries: [(name: String, isDirectory: Bool)], errors: [InputPathError]) {
        let path = folder.isEmpty ? root : "\(root)/\(folder)"
        var entries: [(String, Bool)] = []
        var errors: [InputPathError] = []
        for (name, kind) in Self.list(path) {
            let display = folder.isEmpty ? "\(displayRoot)/\(name)" : "\(displayRoot)/\(folder)/\(name)"
            switch kind {
            case .directory: entries.append((name, true))
            case .file: entries.append((name, false))
            case .link:
                do throws(InputPathError) {
                    guard let target = try resolved("\(path)/\(name)", display: display) else { continue }
                    entries.append((name, Self.isDirectory(target)))
                } catch { errors.append(error) }
            case .other: continue
            }
        }
        return (entries.sorted { $0.0 < $1.0 }, errors)
    }

    /// The path to read a file or folder below the root from, once links are resolved, nil when
    /// there is nothing there; an error when it is a link that leaves the root, dangles or loops.
    public func resolved(_ path: String, display: String) throws(InputPathError) -> String? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        // Not a link itself, but a folder above it inside the root may be one: only a path
        // whose parent is the root itself needs no look.
        if (info.st_mode & S_IFMT) != S_IFLNK && (path as NSString).deletingLastPathComponent == root {
            return path
        }
        guard let real = Self.realPath(path) else {
            if errno == ELOOP { throw .loop(link: display) }
            throw .dangling(link: display, target: Self.linkTarget(path) ?? "?")
        }
        guard real == realRoot || real.hasPrefix(realRoot == "/" ? "/" : realRoot + "/") else {
            throw .escapes(link: display, target: real, root: displayRoot)
        }
        return real
    }

    /// The bytes of one file below the root (nil when there is none), links checked as above.
    public func read(_ path: String, display: String? = nil) throws(InputPathError) -> Data? {
        guard let real = try resolved(path, display: display ?? path) else { return nil }
        return FileManager.default.contents(atPath: real)
    }

    private func walk(
        disk: String, real: String, relative: String, display: String, ancestors: [String],
        into files: inout [Entry], _ errors: inout [InputPathError]
    ) {
        for (entry, kind) in Self.list(disk) {
            let name = TextInput.nfc(entry)
            let childDisk = "\(disk)/\(entry)"
            let childRelative = relative.isEmpty ? name : "\(relative)/\(name)"
            let childDisplay = "\(display)/\(name)"
            switch kind {
            case .file:
                files.append(Entry(relative: childRelative, diskPath: childDisk, displayPath: childDisplay))
            case .directory:
                let childReal = "\(real)/\(entry)"
                walk(
                    disk: childDisk, real: childReal, relative: childRelative, display: childDisplay,
                    ancestors: ancestors + [childReal], into: &files, &errors)
            case .link:
                do throws(InputPathError) {
                    guard let target = try resolved(childDisk, display: childDisplay) else { continue }
                    if Self.isDirectory(target) {
                        // A link to a folder that holds it would be walked for ever.
                        if ancestors.contains(where: { target == $0 || $0.hasPrefix(target + "/") }) {
                            throw .loop(link: childDisplay)
                        }
                        walk(
                            disk: target, real: target, relative: childRelative, display: childDisplay,
                            ancestors: ancestors + [target], into: &files, &errors)
                    } else {
                        files.append(Entry(relative: childRelative, diskPath: target, displayPath: childDisplay))
                    }
                } catch { errors.append(error) }
            case .other: continue
            }
        }
    }

    /// A folder's entries, hidden ones left out, sorted by name.
    static func list(_ path: String) -> [(String, FileIO.EntryKind)] {
        (FileIO.entries(of: path) ?? []).filter { !$0.name.hasPrefix(".") }.sorted { $0.name < $1.name }
    }

    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// `realpath(3)`: every link resolved; nil (errno set) when a link dangles or loops.
    public static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func linkTarget(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count >= 0 else { return nil }
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

/// A symbolic link in an input folder that the build will not follow; the texts are
/// `InputPathMessages`.
public enum InputPathError: CataloguedError {
    case escapes(link: String, target: String, root: String)
    case dangling(link: String, target: String)
    case loop(link: String)

    public var location: SourceLocation? {
        switch self {
        case .escapes(let link, _, _), .dangling(let link, _), .loop(let link): SourceLocation(file: link)
        }
    }

    public var messageText: Message {
        switch self {
        case .escapes(_, let target, let root): InputPathMessages.escapes(target: target, root: root)
        case .dangling(_, let target): InputPathMessages.dangling(target: target)
        case .loop: InputPathMessages.loop
        }
    }

    public var helpText: Message? {
        switch self {
        case .escapes: InputPathMessages.escapesHelp
        case .dangling: InputPathMessages.danglingHelp
        case .loop: InputPathMessages.loopHelp
        }
    }
}
