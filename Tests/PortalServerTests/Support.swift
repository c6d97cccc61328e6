import Foundation
import Synchronization
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A small bilingual site in a temporary folder, rendered by a copy of the repository's theme.
struct PreviewSite {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    let root: String
    var content: String { root + "/Content" }

    static let postPath = "Content/vi/tin-tuc/2025-07-28-ky-niem.md"

    static func post(body: String, title: String = "Kỷ niệm ngày gia nhập") -> String {
        """
        ---
        title: \(title)
        date: 2025-07-28
        summary: Ba mươi năm.
        ---

        \(body)

        """
    }

    init() throws {
        root =
            FileManager.default.temporaryDirectory.appendingPathComponent("portal-serve-test-\(UUID().uuidString)")
            .path
        try write(
            "Content/site.yml",
            """
            baseURL: https://example.gov.vn/asean/
            theme: default
            defaultLanguage: vi
            languages:
              vi:
                name: Tiếng Việt
                locale: vi_VN
                title: Thử nghiệm
                description: Trang thử nghiệm.
                menu:
                  - name: Tin tức
                    page: tin-tuc/_index.md
              en:
                name: English
                locale: en_US
                title: Test site
                description: A test site.
                menu:
                  - name: Home
                    page: _index.md

            """)
        try write("Content/vi/_index.md", "---\ntitle: Trang chủ\ntranslationKey: home\n---\n\nXin chào.\n")
        try write("Content/en/_index.md", "---\ntitle: Home\ntranslationKey: home\n---\n\nHello.\n")
        try write("Content/vi/tin-tuc/_index.md", "---\ntitle: Tin tức\n---\n")
        try write(Self.postPath, Self.post(body: "Đà Nẵng chào mừng ngày hội lần thứ nhất."))
        try FileManager.default.createDirectory(atPath: root + "/Themes", withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            atPath: Self.repository.appendingPathComponent("Themes/default").path, toPath: root + "/Themes/default")
    }

    func write(_ path: String, _ text: String) throws {
        let full = root + "/" + path
        try FileManager.default.createDirectory(
            atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: full))
    }

    func remove() { try? FileManager.default.removeItem(atPath: root) }
}

/// Polls `condition` every 20 ms until it holds or `timeout` of waiting has passed; returns
/// whether it held.
///
/// Only time this test got to run counts (at most 100 ms per poll): the whole suite shares
/// two cores and two cooperative threads, which other targets' synchronous tests hold for
/// seconds at a time while they build big sites — a server in this process, and this loop,
/// simply wait for them. Latencies that matter are measured where they happen (see
/// `EventStream.arrival`), not by these waits.
func eventually(
    within timeout: Duration = .seconds(10), _ condition: () async throws -> Bool
) async rethrows -> Bool {
    var waited = Duration.zero
    while true {
        if try await condition() { return true }
        if waited >= timeout { return false }
        let before = ContinuousClock.now
        try? await Task.sleep(for: .milliseconds(20))
        waited += min(before.duration(to: .now), .milliseconds(100))
    }
}

/// Runs blocking work (sockets, processes) on a thread of its own, off the cooperative pool the
/// server under test needs.
func offThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread.detachNewThread { continuation.resume(with: Result { try work() }) }
    }
}

struct HTTPError: Error, CustomStringConvertible {
    var description: String
}

/// A plain HTTP/1.1 client over a socket: what a browser sends, what comes back, byte for byte.
enum HTTP {
    struct Reply: Sendable {
        var status: Int
        var headers: [String: String]  // lowercased names
        var body: String
        /// The body as it came.
        var bytes: [UInt8] = []
    }

    static func connect(port: Int) throws -> Int32 {
        #if canImport(Glibc)
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
            let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw HTTPError(description: "socket: \(errno)") }
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            close(fd)
            throw HTTPError(description: "connect to port \(port): errno \(errno)")
        }
        return fd
    }

    static func send(_ fd: Int32, _ text: String) throws {
        let bytes = Array(text.utf8)
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard n > 0 else { throw HTTPError(description: "send: errno \(errno)") }
            sent += n
        }
    }

    static func request(_ method: String, path: String, port: Int, accept: String = "text/html") -> String {
        "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAccept: \(accept)\r\nConnection: close\r\n\r\n"
    }

    /// One request on a new connection (`Connection: close`), read to the end.
    static func get(_ path: String, port: Int, accept: String = "text/html", method: String = "GET") async throws
        -> Reply
    {
        try await offThread {
            let fd = try connect(port: port)
            defer { close(fd) }
            try send(fd, request(method, path: path, port: port, accept: accept))
            var data: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let n = recv(fd, &buffer, buffer.count, 0)
                if n < 0 { throw HTTPError(description: "recv: errno \(errno)") }
                if n == 0 { break }
                data += buffer[0..<n]
            }
            return try parse(data)
        }
    }

    static func parse(_ data: [UInt8]) throws -> Reply {
        let separator: [UInt8] = [13, 10, 13, 10]
        guard let end = (0..<max(0, data.count - 3)).first(where: { Array(data[$0..<$0 + 4]) == separator }) else {
            throw HTTPError(description: "no header end in \(data.count) bytes")
        }
        let head = String(decoding: data[..<end], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = head[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else {
            throw HTTPError(description: "bad status line \(head[0])")
        }
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(
                in: .whitespaces)
        }
        var body = Array(data[(end + 4)...])
        if let length = headers["content-length"].flatMap(Int.init), length <= body.count {
            body = Array(body[..<length])
        }
        return Reply(status: status, headers: headers, body: String(decoding: body, as: UTF8.self), bytes: body)
    }
}

/// An open `EventSource` connection: a thread reads it and keeps everything that arrived.
final class EventStream: Sendable {
    private let fd: Int32
    private let received = Box("")
    private let ended = Box(false)
    private let arrivals = Box<[ContinuousClock.Instant]>([])

    init(port: Int, path: String = "/__portal/events") throws {
        fd = try HTTP.connect(port: port)
        try HTTP.send(
            fd,
            "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAccept: text/event-stream\r\n\r\n")
        let fd = self.fd
        let received = self.received
        let ended = self.ended
        let arrivals = self.arrivals
        Thread.detachNewThread {
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let n = recv(fd, &buffer, buffer.count, 0)
                if n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) { continue }
                if n <= 0 { break }
                let text = String(decoding: buffer[0..<n], as: UTF8.self)
                received.update { $0 += text }
                let count = Self.parse(received.current).count
                arrivals.update { while $0.count < count { $0.append(.now) } }
            }
            ended.update { $0 = true }
        }
    }

    var text: String { received.current }
    /// The server closed the stream (its end arrived, or the connection was closed).
    var hasEnded: Bool { ended.current }

    /// The `data:` values received so far, in order.
    var events: [String] { Self.parse(text) }

    /// When the `data:` event numbered `index` (from 0) arrived, as the reading thread saw it —
    /// whatever the test's own tasks were doing then.
    func arrival(ofEvent index: Int) -> ContinuousClock.Instant? {
        let all = arrivals.current
        return index < all.count ? all[index] : nil
    }

    static func parse(_ text: String) -> [String] {
        // By scalars: a String's "\r\n" is one Character, which splitting on "\n" would miss.
        text.unicodeScalars.split(separator: "\n").compactMap { scalars in
            let line = String(String.UnicodeScalarView(scalars)).trimmingCharacters(in: .whitespacesAndNewlines)
            return line.hasPrefix("data: ") ? String(line.dropFirst(6)) : nil
        }
    }

    /// Whether the chunked body's last chunk (`0\r\n\r\n`) arrived: the stream ended cleanly.
    var endedCleanly: Bool { text.hasSuffix("0\r\n\r\n") }

    func close() { shutdown(fd, Int32(SHUT_RDWR)) }

    deinit {
        shutdown(fd, Int32(SHUT_RDWR))
        Glibc.close(fd)
    }
}

/// A value shared between a test and the callbacks it hands out.
final class Box<Value: Sendable>: Sendable {
    private let value: Mutex<Value>

    init(_ value: Value) { self.value = Mutex(value) }

    var current: Value { value.withLock { $0 } }

    func update(_ body: (inout Value) -> Void) { value.withLock { body(&$0) } }
}

/// The `portal` binary `swift test` builds beside the test bundle.
let portalBinary: String? = {
    let candidates = [
        Bundle.main.executableURL?.deletingLastPathComponent(),
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
        Bundle.main.bundleURL.deletingLastPathComponent(),
    ].compactMap { $0 }
    for folder in candidates {
        let path = folder.appendingPathComponent("portal").path
        if FileManager.default.isExecutableFile(atPath: path) { return path }
    }
    return nil
}()
