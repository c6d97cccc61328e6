import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// One build at a time per output folder: an exclusive `flock` on a file beside the output
/// (`.Output.lock`), held from before the first read of the output until the build has
/// returned. Two builds started together would otherwise both assemble the next tree in the
/// same place. The kernel drops the lock when the process ends, however it ends, so a killed
/// build never leaves the folder locked.
public final class OutputLock: Sendable {
    private let descriptor: Int32
    public let path: String

    /// Takes the lock of `output`. When another build holds it: with `wait`, tells `waiting`
    /// (the other build's process id, when it wrote one) and blocks until that build ends;
    /// without, fails at once.
    public init(output: String, wait: Bool, waiting: (Int?) -> Void = { _ in }) throws(OutputError) {
        path = OutputLock.path(for: output)
        let parent = (path as NSString).deletingLastPathComponent
        // The output's parent may not exist yet (`--output new/place/Output`).
        try? FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard fd >= 0 else {
            throw .cannotWrite(path: path, reason: String(cString: strerror(errno)))
        }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK else {
                close(fd)
                throw .cannotWrite(path: path, reason: String(cString: strerror(errno)))
            }
            let holder = OutputLock.holder(fd)
            guard wait else {
                close(fd)
                throw .busy(output: output, pid: holder)
            }
            waiting(holder)
            while flock(fd, LOCK_EX) != 0 {
                guard errno == EINTR else {
                    close(fd)
                    throw .cannotWrite(path: path, reason: String(cString: strerror(errno)))
                }
            }
        }
        descriptor = fd
        // Who holds it, for the message of a build that has to wait.
        let pid = "\(getpid())\n"
        _ = ftruncate(fd, 0)
        _ = pwrite(fd, pid, pid.utf8.count, 0)
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }

    /// `.NAME.lock` beside the output folder `NAME`.
    public static func path(for output: String) -> String {
        OutputWriter.sibling(of: output, suffix: "lock")
    }

    private static func holder(_ fd: Int32) -> Int? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = pread(fd, &buffer, buffer.count, 0)
        guard count > 0 else { return nil }
        return Int(String(decoding: buffer[..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
