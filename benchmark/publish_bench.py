#!/usr/bin/env python3
"""The publishing benchmark's measuring half (benchmark/publish runs it after the builds).

    .venv/bin/python benchmark/publish_bench.py --publish DIR

Serves the publish folder DIR (`portal publish --to DIR`) with Debian's nginx through the
configuration portal wrote (Tests/publish/nginx_server.py), and prints the bytes on the wire
(response bodies, as nginx sends them) with `Accept-Encoding: br`, `gzip` and none for:
the home page (vi), a post (the newest Vietnamese one the home page links to), each alone and
with its stylesheet and scripts (a first visit), and a cold search query in each language —
the files Debian's headless chromium fetches for it with its cache disabled (index.json, the
term shards of its syllables, the document shards of the results shown), read from the
page's Resource Timing entries and then requested once per encoding.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from urllib.parse import urlsplit

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "Tests" / "publish"))
sys.path.insert(0, str(HERE.parent / "Tests" / "browser"))
import browser_support as support  # noqa: E402
from nginx_server import BASE, Server  # noqa: E402
from search_bench import PAGES, RESOURCES, load_page, measure  # noqa: E402

QUERIES = {"vi": "Đà Nẵng", "en": "community"}
ENCODINGS = [("br", "br"), ("gzip", "gzip"), ("none", "")]
ASSET = re.compile(r'(?:href|src)="(' + re.escape(BASE) + r'[^"]+\.(?:css|js))"')
POST = re.compile(r'href="(' + re.escape(BASE) + r'tin-tuc/[^"/]+/)"')


def wire(server: Server, paths: list[str]) -> dict[str, int]:
    """Body bytes of every path, per encoding; fails on anything but 200."""
    sizes = {}
    for name, accept in ENCODINGS:
        total = 0
        for path in paths:
            status, headers, body = server.get(path, {"Accept-Encoding": accept} if accept else {})
            if status != 200:
                raise SystemExit(f"publish_bench: {path}: HTTP {status}")
            # Files of 1 KB or less have no compressed copies (portal makes none).
            if accept and headers.get("content-encoding") != accept and len(body) > 1024:
                print(f"publish_bench: warning: {path} sent without {accept}", file=sys.stderr)
            total += len(body)
        sizes[name] = total
    return sizes


def with_assets(server: Server, page: str) -> list[str]:
    _, _, body = server.get(page)
    return [page] + sorted(set(ASSET.findall(body.decode())))


def search_files(server: Server) -> dict[str, list[str]]:
    driver = support.make_driver()
    found = {}
    try:
        driver.execute_cdp_cmd("Network.enable", {})
        driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
        for language, text in QUERIES.items():
            index = load_page(driver, server.url + BASE + PAGES[language])
            result = measure(driver, text)
            fetched = driver.execute_script(RESOURCES, index)
            paths = [urlsplit(f["name"]).path for f in fetched]
            print(f"publish_bench: {language} {text!r}: {result['results']} results, "
                  f"{len(paths)} files fetched", file=sys.stderr)
            found[f"cold search, {language} “{text}” ({len(paths)} files)"] = paths
    finally:
        driver.quit()
    return found


def main() -> None:
    ap = argparse.ArgumentParser(description="Bytes on the wire (benchmark/publish runs it).")
    ap.add_argument("--publish", required=True, type=Path, help="the publish folder")
    ap.add_argument("--work", required=True, type=Path, help="a folder for nginx's files")
    args = ap.parse_args()
    server = Server(args.work, args.publish)
    try:
        _, _, home = server.get(BASE)
        post = POST.search(home.decode())
        if not post:
            raise SystemExit("publish_bench: the home page links to no post under tin-tuc/")
        rows = {
            "home page (vi), HTML": [BASE],
            "home page (vi) + CSS/JS": with_assets(server, BASE),
            f"a post ({post.group(1)}), HTML": [post.group(1)],
            "a post + CSS/JS": with_assets(server, post.group(1)),
        }
        rows.update(search_files(server))
        print("| what | brotli | gzip | none | brotli saves vs none | brotli vs gzip |")
        print("|---|---|---|---|---|---|")
        for label, paths in rows.items():
            s = wire(server, paths)
            print(f"| {label} | {s['br']:,} B | {s['gzip']:,} B | {s['none']:,} B | "
                  f"{100 * (1 - s['br'] / s['none']):.0f} % | {100 * (s['br'] / s['gzip'] - 1):+.0f} % |")
    finally:
        server.stop()


if __name__ == "__main__":
    main()
