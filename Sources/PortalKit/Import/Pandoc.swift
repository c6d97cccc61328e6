import Foundation

/// Debian's pandoc, run as a process: it reads Word and OpenDocument (and extracts their
/// images), and writes the cleaned document back as GitHub-flavoured Markdown, which is what
/// the site's cmark-gfm reads.
enum Pandoc {
    /// The document as pandoc's JSON model, its images extracted under `mediaDirectory`.
    /// `--track-changes=all` keeps Word's tracked changes and comments as marked spans, so that
    /// they are accepted and reported here rather than applied without a word.
    static func read(_ path: String, format: DocumentPackage.Format, workDirectory: String) throws(ImportError)
        -> PandocJSON
    {
        var arguments = ["--from", format.rawValue, "--to", "json", "--extract-media", "\(workDirectory)/media"]
        if format == .docx { arguments.append("--track-changes=all") }
        let output = try run(arguments + ["--", path], workDirectory: workDirectory, document: path)
        do { return try JSONDecoder().decode(PandocJSON.self, from: output) } catch {
            throw .pandocFailed(path, .unreadableJSON("\(error)"))
        }
    }

    /// Markdown for cmark-gfm: pipe tables, footnotes and strikethrough, no raw HTML (what
    /// Markdown cannot say was simplified before), one line per paragraph (`--wrap=none`: diffs
    /// of later edits stay readable).
    static func markdown(_ document: PandocJSON, for path: String, workDirectory: String) throws(ImportError)
        -> String
    {
        let input = "\(workDirectory)/document.json"
        do { try JSONEncoder().encode(document).write(to: URL(fileURLWithPath: input)) } catch {
            throw .pandocFailed(path, .cannotWrite(input))
        }
        let output = try run(
            ["--from", "json", "--to", "gfm+footnotes-raw_html", "--wrap=none", "--", input],
            workDirectory: workDirectory, document: path)
        return String(decoding: output, as: UTF8.self)
    }

    /// Standard error goes to a file of the work folder, so that a pipe filling up while
    /// standard output is read cannot block pandoc.
    private static func run(_ arguments: [String], workDirectory: String, document: String) throws(ImportError)
        -> Data
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["pandoc"] + arguments
        let errorPath = "\(workDirectory)/pandoc-errors.txt"
        guard FileManager.default.createFile(atPath: errorPath, contents: nil),
            let errors = FileHandle(forWritingAtPath: errorPath)
        else { throw .pandocFailed(document, .cannotWrite(workDirectory)) }
        defer { try? errors.close() }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { throw .pandocFailed(document, .notStarted("\(error)")) }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let reason = ((try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? "")
                .trimmingCharacters(in: .whitespacesAndNewlines)
            throw .pandocFailed(
                document,
                process.terminationStatus == 127
                    ? .notInstalled : reason.isEmpty ? .exitStatus(process.terminationStatus) : .said(reason))
        }
        return data
    }
}
