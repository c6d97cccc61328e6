import CPortalSys
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Plain POSIX file calls for the output: one open, write and close per file, no fsync (the
/// build can be run again; the portal team's publish step copies the result), no attribute
/// look-ups. On a build of thousands of small files these calls are most of the time.
enum FileIO {
    /// A call that failed, and the system's reason (`strerror`, in English): the messages
    /// quoting it (OutputMessages, PublishMessages) are in the catalogue, the reason is the
    /// system's own words.
    struct Failure: Error {
        var path: String
        var reason: String
        init(_ path: String) {
            self.path = path
            reason = String(cString: strerror(errno))
        }
    }

    static func write(_ bytes: UnsafeRawBufferPointer, to path: String) throws(Failure) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw Failure(path) }
        defer { close(fd) }
        var offset = 0
        while offset < bytes.count {
            let n = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                throw Failure(path)
            }
            offset += n
        }
    }

    static func write(_ data: Data, to path: String) throws(Failure) {
        var failure: Failure?
        data.withUnsafeBytes { buffer in
            do throws(Failure) { try write(buffer, to: path) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    static func read(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

    /// Size of a regular file, nil when there is none (or it is a folder).
    static func size(_ path: String) -> Int? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int(info.st_size)
    }

    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// Creates one folder; an existing one is fine.
    static func makeDirectory(_ path: String) throws(Failure) {
        if mkdir(path, 0o755) != 0 && errno != EEXIST { throw Failure(path) }
    }

    static func rename(_ from: String, _ to: String) throws(Failure) {
        if Glibc.rename(from, to) != 0 { throw Failure(to) }
    }

    /// Every regular file under `root`, as paths relative to it.
    static func files(under root: String) -> [String] { tree(under: root).files }

    /// Size of a regular file that is not a symbolic link, nil otherwise.
    static func regularSize(_ path: String) -> Int? {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int(info.st_size)
    }

    /// A regular file's device and inode (not following a symbolic link): two paths with the
    /// same identity are one file.
    static func identity(_ path: String) -> [UInt64]? {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return [UInt64(info.st_dev), UInt64(info.st_ino)]
    }

    /// A folder, and not a symbolic link to one.
    static func isRealDirectory(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// Removes whatever stands at `path` (a file, a link, a folder with its contents).
    static func clear(_ path: String) {
        if unlink(path) != 0 && (errno == EISDIR || errno == EPERM) { removeTree(path) }
    }

    /// Removes a folder and everything under it, never following a symbolic link.
    static func removeTree(_ path: String) {
        guard isRealDirectory(path) else {
            unlink(path)
            return
        }
        let tree = tree(under: path)
        for file in tree.files + tree.others { unlink("\(path)/\(file)") }
        for directory in tree.directories.sorted(by: { $0.count > $1.count }) { rmdir("\(path)/\(directory)") }
        rmdir(path)
    }

    /// What a walk of a folder found, as paths relative to it.
    struct Tree: Sendable {
        var files: [String] = []
        var directories: [String] = []
        var emptyDirectories: [String] = []
        /// Symbolic links, sockets, pipes, devices: never part of a build.
        var others: [String] = []
    }

    /// What a folder entry is, not following a symbolic link.
    enum EntryKind: Sendable { case file, directory, link, other }

    /// A folder's entries (but `.` and `..`), unsorted, each with its kind as `readdir` tells
    /// it: no `stat` per entry (a `stat` per file cost a tenth of a rebuild of 13,000 files),
    /// except on file systems that do not say.
    static func entries(of path: String) -> [(name: String, kind: EntryKind)]? {
        guard let directory = opendir(path) else { return nil }
        defer { closedir(directory) }
        var result: [(String, EntryKind)] = []
        while let entry = readdir(directory) {
            // Read in place: `entry.pointee` would copy a whole `dirent`, past the entry's end.
            let name = String(cString: portal_dirent_name(entry))
            if name == "." || name == ".." { continue }
            var type = Int32(portal_dirent_type(entry))
            if type == Int32(DT_UNKNOWN) {
                var info = stat()
                guard lstat("\(path)/\(name)", &info) == 0 else { continue }
                switch info.st_mode & S_IFMT {
                case S_IFDIR: type = Int32(DT_DIR)
                case S_IFREG: type = Int32(DT_REG)
                case S_IFLNK: type = Int32(DT_LNK)
                default: type = Int32(DT_FIFO)
                }
            }
            switch type {
            case Int32(DT_REG): result.append((name, .file))
            case Int32(DT_DIR): result.append((name, .directory))
            case Int32(DT_LNK): result.append((name, .link))
            default: result.append((name, .other))
            }
        }
        return result
    }

    /// Everything under `root`, symbolic links not followed.
    static func tree(under root: String) -> Tree {
        var tree = Tree()
        var folders = [""]
        while let relative = folders.popLast() {
            guard let entries = entries(of: relative.isEmpty ? root : "\(root)/\(relative)") else { continue }
            if entries.isEmpty && !relative.isEmpty { tree.emptyDirectories.append(relative) }
            for (name, kind) in entries {
                let path = relative.isEmpty ? name : "\(relative)/\(name)"
                switch kind {
                case .directory:
                    folders.append(path)
                    tree.directories.append(path)
                case .file: tree.files.append(path)
                case .link, .other: tree.others.append(path)
                }
            }
        }
        return tree
    }

    /// Flushes the file system that holds `path` (`syncfs`): the data of every file written
    /// there reaches the disk before the tree holding them is published.
    static func syncFileSystem(of path: String) throws(Failure) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw Failure(path) }
        defer { close(fd) }
        if portal_syncfs(fd) != 0 { throw Failure(path) }
    }

    /// Makes a rename in `directory` durable.
    static func syncDirectory(_ directory: String) {
        let fd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }
}
