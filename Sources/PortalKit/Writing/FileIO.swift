import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Plain POSIX file calls for the output: one open, write and close per file, no fsync (the
/// build can be run again; the portal team's publish step copies the result), no attribute
/// look-ups. On a build of thousands of small files these calls are most of the time.
enum FileIO {
    struct Failure: Error {
        var path: String
        var reason: String
        init(_ path: String) {
            self.path = path
            reason = String(cString: strerror(errno))
        }

        init(path: String, reason: String) {
            self.path = path
            self.reason = reason
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

    /// Every regular file under `root`, as paths relative to it. One `readdir` walk, taking
    /// the kind of each entry from the directory itself (FileManager's enumerator with a `stat`
    /// per file cost a tenth of a rebuild of 13,000 files).
    static func files(under root: String) -> [String] {
        var result: [String] = []
        var folders = [""]
        while let relative = folders.popLast() {
            guard let directory = opendir(relative.isEmpty ? root : "\(root)/\(relative)") else { continue }
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                if name == "." || name == ".." { continue }
                let path = relative.isEmpty ? name : "\(relative)/\(name)"
                switch Int32(entry.pointee.d_type) {
                case Int32(DT_DIR): folders.append(path)
                case Int32(DT_REG): result.append(path)
                case Int32(DT_UNKNOWN):
                    // Some file systems do not say: ask.
                    if isDirectory("\(root)/\(path)") {
                        folders.append(path)
                    } else if size("\(root)/\(path)") != nil {
                        result.append(path)
                    }
                default: continue
                }
            }
        }
        return result
    }
}
