"""The generated nginx configuration served by Debian's real nginx, unprivileged on a free
port of 127.0.0.1 (its own prefix, pid and logs in a temporary folder), over a build
published with `portal publish`: both languages, .br and .gz identical once decoded, 304s,
cache headers, real 301s, the 404 page per language, Content-Types, security headers, no
listings; then a second release and a rollback."""

from __future__ import annotations

import gzip
import os
import re
import shutil
import sys
import time
from pathlib import Path

import brotli
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from nginx_server import BASE, REPO, Server, check_not_found, portal  # noqa: E402


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("publish")
    content = root / "site" / "Content"
    shutil.copytree(REPO / "Content", content)
    (root / "site" / "Themes").symlink_to(REPO / "Themes")
    output = root / "site" / "Output"
    portal("build", "--content", str(content), "--output", str(output), "--now", "2026-11-29T12:00")
    publish = root / "pub"
    portal("publish", "--to", str(publish), "--output", str(output))
    server = Server(root / "nginx", publish)
    yield server, output, publish, content
    server.stop()


def test_pages_in_both_languages(site):
    server, output, _, _ = site
    for path, file in [(BASE, "index.html"), (BASE + "en/", "en/index.html"), (BASE + "tin-tuc/", "tin-tuc/index.html")]:
        status, headers, body = server.get(path)
        assert status == 200, path
        assert headers["content-type"] == "text/html; charset=utf-8"
        assert body == (output / file).read_bytes()
        assert "immutable" not in headers["cache-control"]
        assert headers["cache-control"] == "public, max-age=300"


def test_brotli_and_gzip_decode_to_the_same_bytes(site):
    server, output, _, _ = site
    shard = max((output / "search").glob("terms-*.json"), key=lambda p: p.stat().st_size)
    shard = str(shard.relative_to(output))
    for path, file in [(BASE, "index.html"), (BASE + shard, shard), (BASE + "sitemap.xml", "sitemap.xml")]:
        plain = (output / file).read_bytes()
        status, headers, body = server.get(path, {"Accept-Encoding": "gzip, deflate, br"})
        assert status == 200 and headers.get("content-encoding") == "br", path
        assert brotli.decompress(body) == plain
        assert "Accept-Encoding" in headers.get("vary", "")
        status, headers, body = server.get(path, {"Accept-Encoding": "gzip"})
        assert headers.get("content-encoding") == "gzip", path
        assert gzip.decompress(body) == plain
        status, headers, body = server.get(path)
        assert "content-encoding" not in headers and body == plain
    # The .br file itself is not served as such.
    assert server.get(BASE + "index.html.br")[0] == 404


def test_conditional_requests(site):
    server, _, _, _ = site
    for encoding in ["", "br", "gzip"]:
        headers = {"Accept-Encoding": encoding} if encoding else {}
        status, first, _ = server.get(BASE + "en/", headers)
        assert status == 200
        assert server.get(BASE + "en/", {**headers, "If-None-Match": first["etag"]})[0] == 304
        assert server.get(BASE + "en/", {**headers, "If-Modified-Since": first["last-modified"]})[0] == 304


def test_assets_are_immutable(site):
    server, output, _, _ = site
    assets = [p for p in (output / "assets").rglob("*") if re.search(r"\.[0-9a-f]{8}\.(css|js)$", p.name)]
    assert assets
    for asset in assets:
        path = BASE + str(asset.relative_to(output))
        status, headers, body = server.get(path, {"Accept-Encoding": "br"})
        assert status == 200, path
        assert headers["cache-control"] == "public, max-age=31536000, immutable"
        kind = "text/css" if asset.suffix == ".css" else "text/javascript"
        assert headers["content-type"] == f"{kind}; charset=utf-8"


def test_search_shards_are_immutable_and_their_list_is_not(site):
    """A search shard is named by its digest: cached for good. index.json names the shards of
    the current release: revalidated like a page."""
    server, output, _, _ = site
    shards = [p for p in output.rglob("*.json") if re.fullmatch(r"(terms|docs)-[0-9]+-[0-9a-f]{6}\.json", p.name)]
    assert len(shards) >= 4
    for shard in shards:
        path = BASE + str(shard.relative_to(output))
        for encoding in ["br", "gzip", ""]:
            status, headers, _ = server.get(path, {"Accept-Encoding": encoding} if encoding else {})
            assert status == 200, path
            assert headers["cache-control"] == "public, max-age=31536000, immutable", (path, encoding)
            assert headers["content-type"] == "application/json"
    for index in ["search/index.json", "en/search/index.json"]:
        status, headers, _ = server.get(BASE + index)
        assert status == 200 and headers["cache-control"] == "public, max-age=300", index


def test_redirects_are_real(site):
    server, _, publish, _ = site
    redirects = re.findall(r'location = "([^"]+)" \{ return 301 "([^"]+)"; \}', (publish / "nginx.conf").read_text())
    assert len(redirects) > 10
    for source, target in redirects:
        status, headers, _ = server.get(source)
        assert status == 301, source
        assert headers["location"].endswith(target)
        assert server.get(target)[0] == 200, target
    assert server.get(BASE + "ke-hoach/nhiem-vu-3-2/")[0] == 301


def test_not_found_page_per_language(site):
    server, output, _, _ = site
    check_not_found(server, output)


def test_content_types_and_security_headers(site):
    server, output, _, _ = site
    expected = {
        "robots.txt": "text/plain; charset=utf-8",
        "sitemap.xml": "application/xml; charset=utf-8",
        "index.xml": "application/rss+xml; charset=utf-8",
        "atom.xml": "application/atom+xml; charset=utf-8",
        "posts.json": "application/json",
        "search/index.json": "application/json",
    }
    for ics in output.rglob("*.ics"):
        expected[str(ics.relative_to(output))] = "text/calendar; charset=utf-8"
    for image in list(output.rglob("*.png"))[:1] + list(output.rglob("*.svg"))[:1]:
        expected[str(image.relative_to(output))] = "image/png" if image.suffix == ".png" else "image/svg+xml"
    for file, kind in expected.items():
        status, headers, _ = server.get(BASE + file, {"Accept-Encoding": "br, gzip"})
        assert status == 200, file
        assert headers["content-type"] == kind, file
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "strict-origin-when-cross-origin"
        assert "default-src 'none'" in headers["content-security-policy"]


def test_second_release_and_rollback(site):
    server, output, publish, content = site
    first = os.readlink(publish / "current")
    about = content / "vi" / "gioi-thieu.md"
    about.write_text(about.read_text(encoding="utf-8") + "\nMột câu của bản thứ hai.\n", encoding="utf-8")
    portal("build", "--content", str(content), "--output", str(output), "--now", "2026-11-29T12:00")
    time.sleep(1)  # a release id per second
    portal("publish", "--to", str(publish), "--output", str(output))
    server.reload()
    assert os.readlink(publish / "current") != first
    assert "bản thứ hai".encode() in server.get(BASE + "gioi-thieu/")[2]
    listed = portal("publish", "--to", str(publish), "--list")
    assert listed.count("\n") == 2 and "* " in listed
    portal("publish", "--to", str(publish), "--rollback")
    server.reload()
    assert os.readlink(publish / "current") == first
    assert "bản thứ hai".encode() not in server.get(BASE + "gioi-thieu/")[2]
    # Each release's manifest lists every file with its SHA-256.
    manifest = (publish / "releases" / (Path(first).name + ".manifest")).read_text().splitlines()
    assert any(line.endswith("  index.html") for line in manifest)
