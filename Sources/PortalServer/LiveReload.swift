import PortalKit
import Foundation

/// What `portal serve` adds to the pages it serves — and only there: `portal build` never
/// sees any of this, its output is published as it is.
public enum LiveReload {
    /// Every path of the preview server's own lives under this prefix, which no page can take:
    /// page and folder URLs are slugs (lowercase ASCII letters, digits and single hyphens), and
    /// the other top-level folders are language codes, `media/` and `assets/`.
    public static let prefix = "/__portal/"
    /// The Server-Sent Events stream that tells open pages the site changed.
    public static let eventsPath = "/__portal/events"

    /// The script put before `</body>`. `generation` numbers the build the page comes from: the
    /// stream sends the current generation as soon as it connects and again after every build,
    /// and the page reloads when it differs. So a page that was served just before a rebuild
    /// finished, and connects just after, reloads too instead of showing stale text.
    public static func script(generation: Int) -> String {
        """
        <script>(()=>{const g=\(generation),s=new EventSource("\(eventsPath)");\
        s.onmessage=e=>{if(e.data!==String(g)){s.close();location.reload()}}})()</script>
        """
    }

    /// `html` with the script before its last `</body>` (any case), or at its end when it has
    /// none. Works on bytes, so a page that is not valid UTF-8 is served as it was written.
    public static func inject(into html: [UInt8], generation: Int) -> [UInt8] {
        let script = Array(Self.script(generation: generation).utf8)
        guard let index = lastIndex(ofCaseInsensitive: Array("</body".utf8), in: html) else {
            return html + script
        }
        var result = html
        result.insert(contentsOf: script, at: index)
        return result
    }

    /// Whether a response of this content type gets the script: HTML only — never CSS,
    /// scripts, feeds, JSON, images or anything else.
    public static func isHTML(contentType: String) -> Bool {
        let type = contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        return type.lowercased() == "text/html"
    }

    static func lastIndex(ofCaseInsensitive needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count else { return nil }
        func lower(_ byte: UInt8) -> UInt8 { byte >= 65 && byte <= 90 ? byte + 32 : byte }
        var start = haystack.count - needle.count
        while start >= 0 {
            var matches = true
            for offset in 0..<needle.count where lower(haystack[start + offset]) != needle[offset] {
                matches = false
                break
            }
            if matches { return start }
            start -= 1
        }
        return nil
    }
}

/// The page every HTML request gets while the site does not build.
enum ErrorPage {
    /// `text` is the build's report (`BuildFailure.description` and the warnings): each
    /// `path:line:column: error: …` line keeps its location visible and bold.
    static func html(report text: String, changed: [String], generation: Int) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            let line = String(line)
            // The report is in the process's language: `: lỗi: ` marks an error as `: error: ` does.
            for (kind, word) in severityWords {
                let marker = ": \(word): "
                if let range = line.range(of: marker), let first = line.first, !first.isWhitespace,
                    !line[..<range.lowerBound].contains(": ")
                {
                    let location = String(line[..<range.lowerBound])
                    return "<strong class=\"loc\">\(escape(location))</strong>: "
                        + "<span class=\"\(kind)\">\(escape(word)):</span> \(escape(String(line[range.upperBound...])))"
                }
            }
            return escape(line)
        }
        let changedNote =
            changed.isEmpty
            ? ""
            : "<p class=\"changed\">Thay đổi gần nhất · Last change: \(changed.map(escape).joined(separator: ", "))</p>\n"
        // The report in the text font, not a monospaced one: Debian's default monospace (DejaVu
        // Sans Mono) has no precomposed ỗ, ế, ồ…, so a Vietnamese report's marks landed beside
        // their letters ("lỗi" read "lôĩ").
        return """
            <!DOCTYPE html>
            <html lang="vi">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Lỗi khi dựng trang – Build failed – portal serve</title>
            <style>
            body{font:16px/1.5 system-ui,sans-serif;margin:2rem;color:#1b1b1b;background:#fff8f6}
            h1{color:#a4000f;font-size:1.5rem;margin:0 0 .5rem}
            pre{background:#fff;border:1px solid #e3b5b0;border-left:6px solid #a4000f;padding:1rem;\
            overflow:auto;font:15px/1.5 system-ui,sans-serif;white-space:pre-wrap}
            .loc{color:#00427a}.error{color:#a4000f;font-weight:bold}.warning{color:#8a5300;font-weight:bold}
            .changed{color:#555;font-size:.9rem}
            </style>
            </head>
            <body>
            <h1>Lỗi khi dựng trang · Build failed</h1>
            <p>Sửa tệp được nêu dưới đây rồi lưu lại: trang sẽ tự tải lại.<br>
            Fix the file named below and save it: this page reloads by itself.</p>
            \(changedNote)<pre>\(lines.joined(separator: "\n"))</pre>
            \(LiveReload.script(generation: generation))
            </body>
            </html>

            """
    }

    /// Each severity's class and the words that print it, in both languages.
    static let severityWords: [(kind: String, word: String)] = [
        (Diagnostic.Severity.error, DiagnosticMessages.error), (.warning, DiagnosticMessages.warning),
    ].flatMap { severity, word in MessageLanguage.allCases.map { (severity.rawValue, word.text(in: $0)) } }

    /// HTML-escaped text for the error page (`&#39;` for quotes: any HTML version reads it).
    static func escape(_ text: String) -> String {
        XML.escape(text).replacingOccurrences(of: "&apos;", with: "&#39;")
    }
}
