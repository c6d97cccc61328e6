import CFuzzerDriver
import Foundation

@testable import PortalKit

/// What every fuzz target shares: reading the input as the loader does, and checking a
/// property. A thrown, located error is a fine outcome for any input; a crash, a sanitizer
/// report, a hang or a violated property is a finding.
public enum Fuzz {
    /// Runs libFuzzer on the target's `LLVMFuzzerTestOneInput`, with the command line's options;
    /// each target's `main` calls this.
    public static func main() -> Never {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, LLVMFuzzerTestOneInput))
    }

    /// Stops on a violated property: the message goes to standard error and `abort()` makes
    /// libFuzzer keep the input as a crash artifact.
    public static func check(
        _ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String, fileID: StaticString = #fileID,
        line: UInt = #line
    ) {
        guard !condition() else { return }
        let text = message()
        // Findings already reported can be passed over to look for others (`scripts/fuzz --skip`).
        if skipped.contains(where: { text.contains($0) }) { return }
        FileHandle.standardError.write(Data("==fuzz== property violated at \(fileID):\(line): \(text)\n".utf8))
        abort()
    }

    /// `FUZZ_SKIP`: violations whose message holds one of these texts (separated by `|`) are
    /// passed over.
    static let skipped: [String] = (ProcessInfo.processInfo.environment["FUZZ_SKIP"] ?? "").split(separator: "|")
        .map(String.init)

    /// NFC as portal composes (TextInput.nfc): Foundation's own NFC on Linux turns a
    /// supplementary-plane character before a mark into a BMP letter, which portal works around
    /// by keeping such characters and their marks as written.
    public static func isNFC(_ text: String) -> Bool {
        text.unicodeScalars.elementsEqual(TextInput.nfc(text).unicodeScalars)
    }

    /// The input as the loader reads a file (`TextInput.decode`): nil when it is not UTF-8,
    /// after checking that the failure says where.
    public static func decode(_ data: UnsafePointer<UInt8>, _ size: Int) -> String? {
        let bytes = Data(bytes: data, count: size)
        do {
            let text = try TextInput.decode(bytes)
            check(!text.utf8.contains(0x0D), "decoded text still holds a CR: \(text.debugDescription)")
            // When that finding is skipped, what follows from it (YAML and Markdown count the CR
            // as a line break) is not looked at either.
            if text.utf8.contains(0x0D) { return nil }
            check(
                isNFC(text),
                "decoded text is not NFC: \(text.unicodeScalars.map { String($0.value, radix: 16) })")
            return text
        } catch {
            switch error {
            case .notUTF8(let offset, let line):
                let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
                check(offset >= 0 && offset < size - start, "not-UTF-8 offset \(offset) outside \(size - start) bytes")
                check(line >= 1, "not-UTF-8 line \(line)")
            }
            return nil
        }
    }

    /// The input as any string, invalid UTF-8 repaired (for functions that take any text).
    public static func string(_ data: UnsafePointer<UInt8>, _ size: Int) -> String {
        String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    }

    /// A problem's location names `file`, and its line and column, when given, lie inside `text`
    /// (lines 1-based, from `firstLine` on; a column may stand one past a line's last character).
    public static func checkLocation(
        _ location: SourceLocation?, file: String, in text: String, _ what: @autoclosure () -> String,
        firstLine: Int = 1, checkColumn: Bool = true, fileID: StaticString = #fileID, line: UInt = #line
    ) {
        guard let location else {
            check(false, "\(what()) has no location", fileID: fileID, line: line)
            return
        }
        check(location.file == file, "\(what()) names \(location.file), not \(file)", fileID: fileID, line: line)
        guard let number = location.line else { return }
        let lines = text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false)
        check(
            number >= 1 && number <= lines.count, "\(what()) is at line \(number) of \(lines.count): \(location)",
            fileID: fileID, line: line)
        check(
            number >= firstLine, "\(what()) is at line \(number), above the body (line \(firstLine)): \(location)",
            fileID: fileID, line: line)
        guard checkColumn, let column = location.column, number >= 1, number <= lines.count else { return }
        let width = String(decoding: lines[number - 1], as: UTF8.self).unicodeScalars.count
        check(
            column >= 1 && column <= width + 1, "\(what()) is at column \(column) of a line \(width) long: \(location)",
            fileID: fileID, line: line)
    }

    /// The repository holding this package (for real data files to fuzz against).
    public static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}

extension Fuzz {
    /// A two-language site's settings, as the fake sites of the targets use.
    public static let settingsText = """
        baseURL: https://example.gov.vn/asean/
        theme: default
        defaultLanguage: vi
        languages:
          vi:
            name: Tiếng Việt
            locale: vi_VN
            title: Cộng đồng Văn hóa – Xã hội ASEAN
            description: Chuyên mục.
          en:
            name: English
            locale: en_US
            title: ASEAN Socio-Cultural Community
            description: Section.
        """

    public static let settings: SiteSettings = {
        do { return try SiteSettings.parse(settingsText, file: "Content/site.yml") } catch {
            fatalError("the fuzzers' own settings do not parse: \(error)")
        }
    }()

    /// The moment the fake sites are built for.
    public static let now = VietnamTime.parse("2026-11-29T08:00")!

    /// A source file of the fake site, as the loader makes it.
    public static func source(_ contentPath: String, _ text: String) -> SourceFile {
        let language = String(contentPath.prefix { $0 != "/" })
        let relative = String(contentPath.dropFirst(language.count + 1))
        return SourceFile(
            language: language, relativePath: relative, displayPath: "Content/\(contentPath)", text: text,
            diskPath: "/nonexistent/Content/\(contentPath)")
    }

    /// The number of lines of `text` as an editor counts them.
    public static func lineCount(_ text: String) -> Int { text.utf8.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 } }

    /// True when `text` is a slug: `[a-z0-9]` runs joined by single hyphens.
    public static func isSlug(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return !bytes.isEmpty && bytes.first != 0x2D && bytes.last != 0x2D
            && bytes.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D }
            && !text.contains("--")
    }
}

extension Fuzz {
    /// What `URLPath` promises of a path it accepts: relative, no empty, `.` or `..` segment,
    /// and no character that HTML or a web server would read as something else.
    public static func checkOutputPath(
        _ path: String, from input: String, fileID: StaticString = #fileID, line: UInt = #line
    ) {
        let shown = "\(input.debugDescription) → \(path.debugDescription)"
        check(!path.isEmpty, "empty output path for \(shown)", fileID: fileID, line: line)
        check(path.utf8.first != UInt8(ascii: "/"), "absolute output path \(shown)", fileID: fileID, line: line)
        // Split as bytes: a `/` followed by a combining mark is one Character with it.
        for segment in path.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false) {
            check(!segment.isEmpty, "empty segment in \(shown)", fileID: fileID, line: line)
            check(
                !segment.elementsEqual(".".utf8) && !segment.elementsEqual("..".utf8), "dot segment in \(shown)",
                fileID: fileID, line: line)
            check(segment.count <= 255, "segment longer than 255 bytes in \(shown)", fileID: fileID, line: line)
        }
        for scalar in path.unicodeScalars {
            let category = scalar.properties.generalCategory
            check(
                !"\"'<>`\\?#".unicodeScalars.contains(scalar) && category != .control && category != .format
                    && category != .lineSeparator && category != .paragraphSeparator && category != .surrogate
                    && category != .privateUse && category != .unassigned,
                "output path holds U+\(String(scalar.value, radix: 16, uppercase: true)): \(shown)", fileID: fileID,
                line: line)
        }
        check(
            isNFC(path),
            "output path is not NFC: \(shown)", fileID: fileID, line: line)
    }
}
