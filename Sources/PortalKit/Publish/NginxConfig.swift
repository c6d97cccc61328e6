/// The nginx configuration of a build: `location` blocks to include in the portal's `server`
/// block (see the README). nginx as Debian ships it has `gzip_static` but not the brotli
/// module, so a `.br` file is chosen by a rewrite when the client accepts it and the file is
/// there, into an internal location that labels it.
public enum NginxConfig {
    /// `root`: the folder served at the base path (a build's output, or a publish folder's
    /// `current`). `previous`: the release served before it, whose content-hashed stylesheets
    /// and scripts stay reachable so that a page fetched just before a switch still gets its
    /// own assets.
    public static func render(_ plan: ServerPlan, root: String, previous: String? = nil) -> String {
        let base = plan.basePath
        var lines: [String] = [
            "# nginx configuration for \(plan.baseURL), written by `portal build` (do not edit: it is",
            "# written again by every build and publish). Include it inside the portal's server { } block.",
            "",
        ]
        if base != "/" {
            lines.append("location = \(quote(String(base.dropLast()))) { return 301 \(quote(base)); }")
        }
        lines.append("")
        lines.append(
            "# Former addresses (aliases): real redirects; the pages with a meta refresh stay for other servers.")
        for (from, to) in plan.redirects {
            lines.append("location = \(quote(from)) { return 301 \(quote(to)); }")
        }
        if let previous {
            lines += [
                "",
                "# The release before the current one: content-hashed assets and search shards a page just",
                "# served asks for.",
                "location ^~ \(quote("/.portal-previous" + base)) {",
                "    internal;",
                "    alias \(quote(folder(previous)));",
            ]
            lines += headers(cache: ServerPlan.immutable).map { "    " + $0 }
            lines += [
                "    gzip_static on;", "    types { text/css css; text/javascript js; application/json json; }", "}",
                "# Where a fingerprinted file that is not in the current release is looked for: its name",
                "# without the .br a compressed copy adds, in the release before.",
                "location @portal_previous { rewrite ^(.+?)(\\.br)?$ /.portal-previous$1 last; }",
            ]
        }
        for language in plan.languages {
            let prefix = base + language.prefix
            lines += ["", "location \(quote(prefix)) {", "    alias \(quote(folder(root) + language.prefix));"]
            lines += [
                "index index.html;", "autoindex off;", "gzip_static on;", "disable_symlinks off;",
                "error_page 404 \(quote(language.notFound));",
                "default_type application/octet-stream;",
            ].map { "    " + $0 }
            lines += headers(cache: ServerPlan.day).map { "    " + $0 }
            lines.append("    # Nothing whose name starts with a dot (.portal-output) is served.")
            lines.append("    location ~ \(quote("/\\.")) { return 404; }")
            for kind in ServerPlan.kinds {
                let fingerprinted = kind.cache == ServerPlan.immutable
                lines.append("    location ~ \(quote(kind.pattern + "$")) {")
                lines.append("        types { } default_type \(quote(kind.type));")
                lines += headers(cache: kind.cache, vary: true).map { "        " + $0 }
                // Not `if (!-f …)`: the switch can happen between that test and the file's opening,
                // so the fallback is taken when the opening itself finds nothing.
                if fingerprinted, previous != nil {
                    lines.append("        error_page 404 = @portal_previous;")
                }
                lines += [
                    "        set $portal_br \"\";",
                    "        if ($http_accept_encoding ~* \"\\bbr\\b\") { set $portal_br \"1\"; }",
                    "        if (-f $request_filename.br) { set $portal_br \"${portal_br}1\"; }",
                    "        if ($portal_br = \"11\") { rewrite ^ $uri.br last; }",
                    "    }",
                    "    location ~ \(quote(kind.pattern + "\\.br$")) {",
                    "        internal;",
                    "        types { } default_type \(quote(kind.type));",
                    "        add_header Content-Encoding br always;",
                ]
                lines += headers(cache: kind.cache, vary: true).map { "        " + $0 }
                if fingerprinted, previous != nil {
                    lines.append("        error_page 404 = @portal_previous;")
                }
                lines.append("    }")
            }
            lines.append("}")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// nginx drops the parent's `add_header`s in a block that has its own: every block lists all.
    static func headers(cache: String, vary: Bool = false) -> [String] {
        var lines = [
            "add_header Cache-Control \(quote(cache)) always;",
            "add_header Content-Security-Policy \(quote(ServerPlan.contentSecurityPolicy)) always;",
            "add_header X-Content-Type-Options nosniff always;",
            "add_header Referrer-Policy \(ServerPlan.referrerPolicy) always;",
        ]
        if vary { lines.append("add_header Vary Accept-Encoding always;") }
        return lines
    }

    static func folder(_ path: String) -> String { path.hasSuffix("/") ? path : path + "/" }

    /// A quoted nginx string (site paths may hold spaces). Aliases hold no quote, backslash
    /// or control character: they are checked when read.
    static func quote(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
