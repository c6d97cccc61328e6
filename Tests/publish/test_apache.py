"""The generated Apache configuration served by Debian's real apache2, unprivileged on a free
port of 127.0.0.1 (its own ServerRoot, pid and logs in a temporary folder), over a build
published with `portal publish`, the configuration included in the release folder's
<Directory> block as the README says: .br and .gz copies chosen by Accept-Encoding and
identical once decoded, real 301s for every alias, the 404 page per language, cache headers,
Content-Types and security headers, no listing, no dotfile."""

from __future__ import annotations

import gzip
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import brotli
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from nginx_server import BASE, REPO, check_not_found, free_port, http_get, portal, wait_for_port  # noqa: E402

APACHE = shutil.which("apache2") or "/usr/sbin/apache2"
MODULES = Path("/usr/lib/apache2/modules")


class Apache:
    """Debian's apache2 serving the publish folder's current release (as nginx_server.Server)."""

    def __init__(self, root: Path, publish: Path):
        if not Path(APACHE).exists():
            raise RuntimeError("apache2 is missing: scripts/setup-system test installs it")
        self.root = root
        self.port = free_port()
        (root / "logs").mkdir(parents=True)
        modules = ["mpm_event", "authz_core", "mime", "dir", "alias", "rewrite", "headers"]
        # As root, apache2 runs its children as another user: nobody reads the world-readable
        # temporary folder the test publishes into.
        user = "User nobody\nGroup nogroup\n" if os.geteuid() == 0 else ""
        (root / "httpd.conf").write_text("\n".join(
            [f"LoadModule {m}_module {MODULES}/mod_{m}.so" for m in modules] + [
                f"ServerRoot {root}", f"Listen 127.0.0.1:{self.port}", "ServerName localhost",
                f"PidFile {root}/httpd.pid", f"ErrorLog {root}/logs/error.log", "LogLevel warn",
                f"DefaultRuntimeDir {root}", "TypesConfig /etc/mime.types", user,
                f"DocumentRoot {root}/empty", f"Alias {BASE} {publish}/current/",
                f"<Directory {publish}/current/>", "    Require all granted",
                f"    Include {publish}/apache.conf", "</Directory>", ""]))
        (root / "empty").mkdir()
        self.process = subprocess.Popen(
            [APACHE, "-d", str(root), "-f", str(root / "httpd.conf"), "-DFOREGROUND"],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        wait_for_port(self.port, self.process, "apache2")

    def get(self, path: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
        return http_get(self.port, path, headers)

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)
        errors = (self.root / "logs" / "error.log").read_text(errors="replace")
        assert "AH00526" not in errors and "Invalid command" not in errors, errors


@pytest.fixture(scope="module")
def site():
    root = Path(tempfile.mkdtemp(prefix="portal-apache-"))
    root.chmod(0o755)
    try:
        output = root / "Output"
        portal("build", "--content", str(REPO / "Content"), "--output", str(output),
               "--now", "2026-11-29T12:00")
        publish = root / "pub"
        portal("publish", "--to", str(publish), "--output", str(output))
        server = Apache(root / "apache", publish)
        yield server, output, publish
        server.stop()
    finally:
        shutil.rmtree(root, ignore_errors=True)


def test_pages_and_encodings(site):
    server, output, _ = site
    shard = max((output / "search").glob("terms-*.json"), key=lambda p: p.stat().st_size)
    shard = str(shard.relative_to(output))
    for path, file in [(BASE, "index.html"), (BASE + "en/", "en/index.html"), (BASE + shard, shard),
                       (BASE + "sitemap.xml", "sitemap.xml")]:
        plain = (output / file).read_bytes()
        status, headers, body = server.get(path, {"Accept-Encoding": "gzip, deflate, br"})
        assert status == 200 and headers.get("content-encoding") == "br", (path, headers)
        assert brotli.decompress(body) == plain
        assert "Accept-Encoding" in headers.get("vary", ""), path
        status, headers, body = server.get(path, {"Accept-Encoding": "gzip"})
        assert headers.get("content-encoding") == "gzip", (path, headers)
        assert gzip.decompress(body) == plain
        status, headers, body = server.get(path)
        assert status == 200 and "content-encoding" not in headers and body == plain, path
        assert "Accept-Encoding" in headers.get("vary", ""), path
    # The .br file itself is not served as such.
    assert server.get(BASE + "index.html.br")[0] == 404


def test_redirects_are_real(site):
    server, _, publish = site
    redirects = re.findall(r'RedirectMatch 301 "\^(.+)\$" "([^"]+)"', (publish / "apache.conf").read_text())
    assert len(redirects) > 10
    for pattern, target in redirects:
        source = re.sub(r"\\(.)", r"\1", pattern)
        status, headers, _ = server.get(source)
        assert status == 301, source
        assert headers["location"].endswith(target), (source, headers["location"])
        assert server.get(target)[0] == 200, target


def test_not_found_page_per_language(site):
    server, output, _ = site
    check_not_found(server, output)


def test_cache_headers_and_content_types(site):
    server, output, _ = site
    expected = {
        "index.html": ("text/html; charset=utf-8", "public, max-age=300"),
        "robots.txt": ("text/plain; charset=utf-8", None),
        "sitemap.xml": ("application/xml; charset=utf-8", "public, max-age=300"),
        "index.xml": ("application/rss+xml; charset=utf-8", "public, max-age=300"),
        "atom.xml": ("application/atom+xml; charset=utf-8", "public, max-age=300"),
        "posts.json": ("application/json", "public, max-age=300"),
        "search/index.json": ("application/json", "public, max-age=300"),
    }
    for shard in output.rglob("*.json"):
        if re.fullmatch(r"(terms|docs)-[0-9]+-[0-9a-f]{6}\.json", shard.name):
            expected[str(shard.relative_to(output))] = ("application/json", "public, max-age=31536000, immutable")
    assert sum(1 for v in expected.values() if v[0] == "application/json") > 4
    for ics in output.rglob("*.ics"):
        expected[str(ics.relative_to(output))] = ("text/calendar; charset=utf-8", "public, max-age=300")
    for asset in (output / "assets").rglob("*"):
        if re.search(r"\.[0-9a-f]{8}\.(css|js)$", asset.name):
            kind = "text/css" if asset.suffix == ".css" else "text/javascript"
            expected[str(asset.relative_to(output))] = (f"{kind}; charset=utf-8", "public, max-age=31536000, immutable")
    for image in list(output.rglob("*.png"))[:1]:
        expected[str(image.relative_to(output))] = ("image/png", "public, max-age=86400")
    for file, (kind, cache) in expected.items():
        for encoding in ["br, gzip", "gzip", ""]:
            status, headers, _ = server.get(BASE + file, {"Accept-Encoding": encoding} if encoding else {})
            assert status == 200, file
            assert headers["content-type"] == kind, (file, encoding, headers["content-type"])
            if cache:
                assert headers["cache-control"] == cache, (file, encoding, headers["cache-control"])
            assert headers["x-content-type-options"] == "nosniff"
            assert headers["referrer-policy"] == "strict-origin-when-cross-origin"
            assert "default-src 'none'" in headers["content-security-policy"]
