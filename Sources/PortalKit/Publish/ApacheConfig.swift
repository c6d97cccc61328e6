import Foundation

/// The same rules for Apache httpd, which many government portals run: directives for the
/// site's folder, as its `.htaccess` or inside `<Directory "…/current">` (mod_rewrite,
/// mod_headers, mod_mime, mod_dir, mod_alias).
public enum ApacheConfig {
    public static func render(_ plan: ServerPlan) -> String {
        let base = plan.basePath
        var lines: [String] = [
            "# Apache configuration for \(plan.baseURL), written by `portal build`: use it as the",
            "# .htaccess of the folder served at \(base) or inside its <Directory> block.",
            "Options -Indexes -MultiViews +FollowSymLinks",
            "DirectoryIndex index.html",
        ]
        // The default language's 404 page, then each other language's for its folder. Apache
        // takes a section's opening, directives and closing on lines of their own.
        if let home = plan.languages.first(where: { $0.prefix.isEmpty }) {
            lines.append("ErrorDocument 404 \(home.notFound)")
        }
        for language in plan.languages where !language.prefix.isEmpty {
            lines += section(
                "If \"%{REQUEST_URI} =~ m#^\(regex(base + language.prefix))#\"",
                "ErrorDocument 404 \(language.notFound)")
        }
        lines += [
            "", "# Content types: each kind of text file, and the compressed copies as encodings, not types.",
            "RemoveType .gz .br",
            "AddEncoding gzip .gz", "AddEncoding br .br",
            "AddType \"text/html; charset=utf-8\" .html", "AddType \"text/css; charset=utf-8\" .css",
            "AddType \"text/javascript; charset=utf-8\" .js", "AddType \"application/xml; charset=utf-8\" .xml",
            "AddType application/json .json", "AddType \"text/calendar; charset=utf-8\" .ics",
            "AddType \"text/csv; charset=utf-8\" .csv", "AddType \"text/plain; charset=utf-8\" .txt",
            "AddType image/svg+xml .svg",
        ]
        // FilesMatch compares the file's name alone.
        lines += filesMatch(#"^atom\.xml(\.br|\.gz)?$"#, #"ForceType "application/atom+xml; charset=utf-8""#)
        lines += filesMatch(#"^index\.xml(\.br|\.gz)?$"#, #"ForceType "application/rss+xml; charset=utf-8""#)
        lines += [
            "",
            "RewriteEngine On",
            "RewriteBase \(base)",
            "# Nothing whose name starts with a dot (.portal-output) is served.",
            "RewriteRule \"(^|/)\\.\" - [R=404,L]",
            "# A compressed copy is served only through the rules below, never asked for by name.",
            "RewriteCond \"%{ENV:REDIRECT_STATUS}\" \"^$\"",
            "RewriteRule \"\\.(br|gz)$\" - [R=404,L]",
            "# The .br or .gz copy when the client accepts it and the copy is there.",
            "RewriteCond \"%{HTTP:Accept-Encoding}\" \"\\bbr\\b\"",
            "RewriteCond \"%{REQUEST_FILENAME}.br\" -f",
            "RewriteRule \"^(.+\\.(html|css|js|json|xml|svg|ics|txt|csv))$\" \"$1.br\" [E=no-gzip:1,L]",
            "RewriteCond \"%{HTTP:Accept-Encoding}\" \"gzip\"",
            "RewriteCond \"%{REQUEST_FILENAME}.gz\" -f",
            "RewriteRule \"^(.+\\.(html|css|js|json|xml|svg|ics|txt|csv))$\" \"$1.gz\" [E=no-gzip:1,L]",
            "",
            "# Former addresses (aliases): real redirects.",
        ]
        for (from, to) in plan.redirects {
            lines.append("RedirectMatch 301 \"^\(regex(from))$\" \"\(to)\"")
        }
        lines += [
            "",
            "Header always set Content-Security-Policy \"\(ServerPlan.contentSecurityPolicy)\"",
            "Header always set X-Content-Type-Options nosniff",
            "Header always set Referrer-Policy \(ServerPlan.referrerPolicy)",
            "Header set Cache-Control \"\(ServerPlan.day)\"",
        ]
        lines += filesMatch(
            #"\.(html|css|js|json|xml|ics|csv|txt)(\.br|\.gz)?$"#, "Header set Cache-Control \"\(ServerPlan.short)\"")
        lines += filesMatch(
            #"\.[0-9a-f]{8}\.(css|js)(\.br|\.gz)?$"#, "Header set Cache-Control \"\(ServerPlan.immutable)\"")
        lines += filesMatch(
            "^" + ServerPlan.searchShard + #"(\.br|\.gz)?$"#, "Header set Cache-Control \"\(ServerPlan.immutable)\"")
        // Every file that has compressed copies varies by Accept-Encoding, the plain one too.
        lines += filesMatch(
            #"\.(html|css|js|json|xml|svg|ics|csv|txt)(\.br|\.gz)?$"#, "Header append Vary Accept-Encoding")
        return lines.joined(separator: "\n") + "\n"
    }

    static func section(_ opening: String, _ directive: String) -> [String] {
        let name = opening.prefix { $0 != " " }
        return ["<\(opening)>", "    \(directive)", "</\(name)>"]
    }

    static func filesMatch(_ pattern: String, _ directive: String) -> [String] {
        section("FilesMatch \"\(pattern)\"", directive)
    }

    /// A literal for a PCRE pattern.
    static func regex(_ text: String) -> String {
        var out = ""
        for character in text {
            if "\\.^$|?*+()[]{}#\"".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }
}
