#!/usr/bin/env python3
"""The search benchmark's measuring half (benchmark/search runs it after the build).

    .venv/bin/python benchmark/search_bench.py --out OUT --content CONTENT [--posts N]
        [--reps 5] [--json PATH] [--repo REPO] [--meta key=value …]

1. Index sizes, read from OUT: per language, the whole index folder (`search/`, `en/search/`)
   raw and gzipped (level 6, as `gzip -6` and as a server compresses JSON), index.json, the term
   shards (count, min/median/max raw and gzipped) and the document shards.
2. Query times in Debian's headless chromium (selenium, chromium-driver): OUT is served under
   the site's base path (`/asean/`) on 127.0.0.1; for each query the time from setting the
   input's value and dispatching an `input` event to `#search-results` getting `data-query`
   equal to the query (search.js sets it when it shows that query's results), `performance.now()`
   both. Cold: a fresh page load with the HTTP cache disabled (CDP `Network.setCacheDisabled`),
   so index.json and every shard is fetched; warm: the same query again on that page (after
   clearing the box), when search.js has every file it needs. REPS times each; median and max.

3. Bytes on the wire, with --pagefind (benchmark/search has run Pagefind on OUT into
   OUT/pagefind): OUT served by a server of this script that counts the bytes it sends per
   request (headers and body), gzip as nginx sends it (a file's `.gz` copy when portal wrote
   one, else compressed at level 6, for text types; 304 to a matching If-None-Match). For
   each query, in a fresh chromium (empty profile: cold) the portal search page loaded with
   `?q=` until its results show, then Pagefind's `pagefind.js` `search()` and `data()` of its
   top 5 from a blank page of the same language; then the same again in that browser
   (warm: HTTP cache kept, `Cache-Control: max-age=300` as the generated nginx sends JSON).
   Prints bytes per query and both top-5 lists (titles).

Prints markdown tables; with --json writes everything (every sample) to PATH.
"""

from __future__ import annotations

import argparse
import gzip
import http.server
import json
import os
import platform
import re
import statistics
import sys
import threading
import time
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

HERE = Path(__file__).resolve().parent
REPO = HERE.parent

QUERIES = {
    "vi": ["da nang", "Đà Nẵng", "bao ton van hoa", "cộng đồng văn hóa", "hội nhập quốc tế", "an sinh xã hội"],
    "en": ["da nang", "community", "social protection", "regional integration"],
}
# The search page of each language, under the base path (as Tests/search).
PAGES = {"vi": "tim-kiem/", "en": "en/search/"}
DEBOUNCE_MS = 120  # search.js: DELAY, between the last input event and the search
SLOW_3G_BPS = 400_000  # the README's slow 3G link, bits per second

# --------------------------------------------------------------------------- sizes


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def spread(values: list[int]) -> dict:
    if not values:
        return {"count": 0}
    return {"count": len(values), "min": min(values), "median": statistics.median(values),
            "max": max(values), "total": sum(values)}


def index_sizes(out: Path, language: str, index_url_path: str, base_path: str) -> dict:
    folder = out / index_url_path[len(base_path):]
    files = sorted(p for p in folder.iterdir() if p.is_file() and p.suffix == ".json")
    raw: dict[str, int] = {}
    zipped: dict[str, int] = {}
    for path in files:
        data = path.read_bytes()
        raw[path.name], zipped[path.name] = len(data), gz(data)
    manifest = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    terms = [n for n in raw if re.fullmatch(r"terms-\d+(-[0-9a-f]+)?\.json", n)]
    docs = [n for n in raw if re.fullmatch(r"docs-\d+(-[0-9a-f]+)?\.json", n)]
    biggest = max(terms, key=lambda n: raw[n]) if terms else None
    return {
        "language": language,
        "folder": folder.relative_to(out).as_posix() + "/",
        "documents": manifest.get("documents"),
        "files": len(files),
        "bytes": sum(raw.values()),
        "gzip_bytes": sum(zipped.values()),
        "index_json": {"bytes": raw.get("index.json"), "gzip_bytes": zipped.get("index.json")},
        "term_shards": {"raw": spread([raw[n] for n in terms]), "gzip": spread([zipped[n] for n in terms]),
                        "largest": biggest},
        "doc_shards": {"raw": spread([raw[n] for n in docs]), "gzip": spread([zipped[n] for n in docs])},
        "per_file": {n: [raw[n], zipped[n]] for n in raw},
    }


def cpu_busy(seconds: float = 2.0) -> float | None:
    """The share of the machine's CPU time (all cores) spent busy over `seconds`, from /proc/stat,
    taken while this script waits: what other processes use."""
    def sample():
        with open("/proc/stat", encoding="ascii") as stat:
            fields = [int(x) for x in stat.readline().split()[1:]]
        return sum(fields), fields[3] + (fields[4] if len(fields) > 4 else 0)  # total, idle + iowait
    try:
        total0, idle0 = sample()
        time.sleep(seconds)
        total1, idle1 = sample()
    except (OSError, ValueError, IndexError):
        return None
    return 1 - (idle1 - idle0) / max(1, total1 - total0)


# --------------------------------------------------------------------------- server and browser

# The browser tests' helpers (standard library at import, selenium when a driver is made):
# the same server under the base path and the same chromium.
sys.path.insert(0, str(REPO / "Tests" / "browser"))
import browser_support as support  # noqa: E402


# --------------------------------------------------------------------------- in the page

# Sets the query and waits for its results: arguments[0] the query. The time it returns runs
# from just before the value is set to the moment search.js sets data-query (seen by a
# MutationObserver, so without polling granularity). `fired`: when search.js's 120 ms input
# delay ended (its setTimeout callback is wrapped for this one call), to tell the debounce
# from the search itself.
MEASURE = r"""
const text = arguments[0], done = arguments[arguments.length - 1];
const input = document.getElementById('search-input');
const list = document.getElementById('search-results');
const status = document.getElementById('search-status');
const original = window.setTimeout;
let fired = null, finished = false, observer = null;
window.setTimeout = function (fn, ms, ...rest) {
  if (ms === %(debounce)d && typeof fn === 'function') {
    const inner = fn;
    fn = function () { fired = performance.now(); return inner.apply(this, arguments); };
  }
  return original.call(window, fn, ms, ...rest);
};
function finish(result) {
  if (finished) return;
  finished = true;
  if (observer) observer.disconnect();
  window.setTimeout = original;
  done(result);
}
function check() {
  if (list.getAttribute('data-query') !== text) return;
  const t1 = performance.now();
  finish({ok: true, t0, t1, fired, status: status.textContent, shown: list.children.length});
}
observer = new MutationObserver(check);
observer.observe(list, {attributes: true, attributeFilter: ['data-query']});
original.call(window, () => finish({ok: false, status: status.textContent,
                                    query: list.getAttribute('data-query')}), 30000);
const t0 = performance.now();
input.value = text;
input.dispatchEvent(new Event('input', {bubbles: true}));
check();
""" % {"debounce": DEBOUNCE_MS}

RESOURCES = r"""
const prefix = arguments[0];
return performance.getEntriesByType('resource')
  .filter(e => new URL(e.name).pathname.startsWith(prefix) && /\.json$/.test(new URL(e.name).pathname))
  .map(e => ({name: e.name, transferSize: e.transferSize, encodedBodySize: e.encodedBodySize,
              decodedBodySize: e.decodedBodySize, duration: e.duration}));
"""


def load_page(driver, url: str) -> str:
    """A fresh page load; returns the form's data-index (the index folder's URL path)."""
    driver.get(url)
    for _ in range(300):
        if driver.execute_script("return document.readyState") == "complete":
            break
        time.sleep(0.01)
    index = driver.execute_script(
        "const f = document.querySelector('form[data-index]'); return f && f.getAttribute('data-index')")
    if not index:
        raise SystemExit(f"search_bench: {url} has no form[data-index]: not the search page?")
    return index


def measure(driver, text: str) -> dict:
    result = driver.execute_async_script(MEASURE, text)
    if not result.get("ok"):
        raise SystemExit(f"search_bench: no results shown for {text!r} within 30 s "
                         f"(status {result.get('status')!r}, data-query {result.get('query')!r})")
    total = result["t1"] - result["t0"]
    after = result["t1"] - result["fired"] if result.get("fired") is not None else None
    match = re.match(r"\s*([\d.,\s]+)", result["status"] or "")
    count = int(re.sub(r"\D", "", match.group(1))) if match and re.sub(r"\D", "", match.group(1)) else 0
    return {"ms": total, "after_debounce_ms": after, "results": count, "shown": result["shown"],
            "status": result["status"]}


def clear(driver) -> None:
    """An empty box: search.js shows nothing and sets data-query to "" (so that the same query
    runs again rather than being skipped as unchanged)."""
    driver.execute_async_script(r"""
      const done = arguments[arguments.length - 1];
      const input = document.getElementById('search-input'), list = document.getElementById('search-results');
      input.value = '';
      input.dispatchEvent(new Event('input', {bubbles: true}));
      const t = Date.now();
      (function wait() {
        if (list.getAttribute('data-query') === '') done(true);
        else if (Date.now() - t > 10000) done(false);
        else setTimeout(wait, 5);
      })();
    """)


def run_queries(out: Path, base_url_path: str, reps: int) -> tuple[dict, dict]:
    """Times every query; returns (per language, its data-index path) and the measurements."""
    server = support.serve(out, "https://localhost" + base_url_path)
    results: dict[str, dict] = {}
    index_paths: dict[str, str] = {}
    with server as site:
        driver = support.make_driver()
        try:
            driver.execute_cdp_cmd("Network.enable", {})
            driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
            browser = driver.capabilities.get("browserVersion")
            for language, queries in QUERIES.items():
                url = site + PAGES[language]
                # One unmeasured load and query: chromium's start-up is not charged to the first query.
                index_paths[language] = load_page(driver, url)
                measure(driver, "asean")
                for text in queries:
                    results[f"{language}\t{text}"] = {"language": language, "query": text, "cold": [], "warm": [],
                                                      "fetched": None}
                for rep in range(reps):
                    for text in queries:
                        entry = results[f"{language}\t{text}"]
                        load_page(driver, url)
                        cold = measure(driver, text)
                        fetched = driver.execute_script(RESOURCES, index_paths[language])
                        clear(driver)
                        warm = measure(driver, text)
                        refetched = driver.execute_script(RESOURCES, index_paths[language])
                        cold["fetched"] = fetched
                        warm["new_fetches"] = len(refetched) - len(fetched)
                        entry["cold"].append(cold)
                        entry["warm"].append(warm)
                        if any(f["transferSize"] == 0 for f in fetched):
                            print(f"search_bench: warning: {text!r}: a cold fetch came from a cache", file=sys.stderr)
                        names = sorted(urlsplit(f["name"]).path.rsplit("/", 1)[-1] for f in fetched)
                        if entry["fetched"] is None:
                            entry["fetched"] = names
                        elif entry["fetched"] != names:
                            print(f"search_bench: warning: {text!r} fetched different files in run {rep + 1}",
                                  file=sys.stderr)
                    print(f"search_bench: {language} run {rep + 1}/{reps} done", file=sys.stderr)
        finally:
            driver.quit()
    return {"index_paths": index_paths, "browser": browser}, results


# --------------------------------------------------------------------------- bytes on the wire

GZIP_TYPES = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".mjs"}
TYPES = {".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8",
         ".js": "text/javascript; charset=utf-8", ".mjs": "text/javascript; charset=utf-8",
         ".json": "application/json", ".svg": "image/svg+xml", ".wasm": "application/wasm",
         ".png": "image/png", ".jpg": "image/jpeg", ".webp": "image/webp", ".woff2": "font/woff2"}
HARNESS = "__pagefind-{lang}.html"  # under the base path; its own bytes are not counted
HARNESS_HTML = """<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>Pagefind</title></head>
<body><script>
window.pagefindTop = async function (text) {{
  const pagefind = await import("{base}pagefind/pagefind.js");
  const search = await pagefind.search(text);
  const top = await Promise.all(search.results.slice(0, 5).map(r => r.data()));
  return {{count: search.results.length, top: top.map(d => d.meta.title)}};
}};
</script></body></html>
"""


class CountingHandler(http.server.BaseHTTPRequestHandler):
    """Serves OUT under the base path as nginx with gzip_static and gzip on, and notes each
    request's path and the bytes sent for it (status line, headers and body)."""

    protocol_version = "HTTP/1.1"
    prefix = "/"
    root = Path(".")
    log: list = []
    lock = threading.Lock()

    def _send(self, status: int, headers: dict, body: bytes) -> None:
        head = f"HTTP/1.1 {status} {http.HTTPStatus(status).phrase}\r\n"
        head += "".join(f"{k}: {v}\r\n" for k, v in headers.items()) + "\r\n"
        data = head.encode("latin-1") + (body if self.command != "HEAD" else b"")
        self.wfile.write(data)
        with self.lock:
            self.log.append((unquote(urlsplit(self.path).path), status, len(data)))

    def do_GET(self) -> None:  # noqa: N802
        path = unquote(urlsplit(self.path).path)
        if not path.startswith(self.prefix):
            self._send(404, {"Content-Length": "0"}, b"")
            return
        rel = path[len(self.prefix):]
        harness = re.fullmatch(HARNESS.format(lang="(\\w+)").replace(".", "\\."), rel)
        if harness:
            body = HARNESS_HTML.format(lang=harness.group(1), base=self.prefix).encode()
            self.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
                             b"Cache-Control: no-store\r\nContent-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body)
            return
        file = self.root.joinpath(*[p for p in rel.split("/") if p not in ("", ".", "..")])
        if file.is_dir():
            file = file / "index.html"
        if not file.is_file():
            self._send(404, {"Content-Length": "0"}, b"")
            return
        stat = file.stat()
        etag = f'"{stat.st_mtime_ns:x}-{stat.st_size:x}"'
        headers = {"Content-Type": TYPES.get(file.suffix, "application/octet-stream"),
                   "Cache-Control": "public, max-age=300", "ETag": etag}
        if self.headers.get("If-None-Match") == etag:
            self._send(304, headers | {"Content-Length": "0"}, b"")
            return
        body = file.read_bytes()
        if "gzip" in (self.headers.get("Accept-Encoding") or "") and file.suffix in GZIP_TYPES:
            headers["Vary"] = "Accept-Encoding"
            copy = file.with_name(file.name + ".gz")
            packed = copy.read_bytes() if copy.is_file() else gzip.compress(body, compresslevel=6, mtime=0)
            if len(packed) < len(body):
                body = packed
                headers["Content-Encoding"] = "gzip"
        headers["Content-Length"] = str(len(body))
        self._send(200, headers, body)

    def log_message(self, format, *args):  # quiet
        pass


def counting_server(out: Path, base_path: str):
    handler = type("Counting", (CountingHandler,), {"prefix": base_path, "root": out, "log": []})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, handler


def portal_query(driver, url: str, text: str) -> list[str]:
    """Loads the search page with ?q=text; returns the titles of the top 5 shown."""
    driver.get(url + "?q=" + quote(text))
    for _ in range(3000):
        shown = driver.execute_script(
            "const l = document.getElementById('search-results');"
            "return l && l.getAttribute('data-query') === arguments[0] ?"
            " Array.from(l.querySelectorAll('li h2')).slice(0, 5).map(h => h.textContent) : null", text)
        if shown is not None:
            return shown
        time.sleep(0.01)
    raise SystemExit(f"search_bench: the search page showed no results for {text!r} within 30 s")


def pagefind_query(driver, url: str, text: str) -> list[str]:
    driver.get(url)
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "window.pagefindTop(arguments[0]).then(done, e => done({error: String(e)}))", text)
    if "error" in result:
        raise SystemExit(f"search_bench: Pagefind failed for {text!r}: {result['error']}")
    return result["top"]


def run_wire(out: Path, base_path: str, pagefind: bool) -> tuple[dict, str]:
    """Bytes each cold and warm query costs, portal and Pagefind, and their top 5; and chromium's
    version."""
    server, handler = counting_server(out, base_path)
    site = f"http://127.0.0.1:{server.server_address[1]}{base_path}"
    engines = {"portal": lambda lang: site + PAGES[lang]}
    if pagefind:
        engines["pagefind"] = lambda lang: site + HARNESS.format(lang=lang)
    results = {}
    browser = ""
    try:
        for language, queries in QUERIES.items():
            for text in queries:
                entry = results.setdefault(f"{language}\t{text}", {"language": language, "query": text})
                for engine, url in engines.items():
                    ask = portal_query if engine == "portal" else pagefind_query
                    driver = support.make_driver()  # a new, empty profile: nothing cached
                    browser = driver.capabilities.get("browserVersion")
                    try:
                        runs = []
                        for _ in ("cold", "warm"):
                            handler.log.clear()
                            top = ask(driver, url(language), text)
                            time.sleep(0.2)  # the last responses' bytes are in the log
                            # What the site sends: not the harness page, nor chromium's /favicon.ico.
                            counted = [r for r in handler.log if r[0].startswith(base_path)
                                       and not r[0].endswith(HARNESS.format(lang=language))]
                            runs.append({"top": top, "requests": len(counted),
                                         "bytes": sum(r[2] for r in counted),
                                         "files": [[r[0][len(base_path):], r[1], r[2]] for r in counted]})
                    finally:
                        driver.quit()
                    entry[engine] = {"cold": runs[0], "warm": runs[1]}
            print(f"search_bench: {language} bytes on the wire measured", file=sys.stderr)
    finally:
        server.shutdown()
        server.server_close()
    return results, browser


def wire_table(posts: int, wire: dict) -> str:
    engines = [e for e in ("portal", "pagefind") if any(e in v for v in wire.values())]
    head = "| lang | query | " + " | ".join(f"{e} cold | {e} warm" for e in engines) + " |"
    lines = [f"### Bytes on the wire per query, gzip, {posts:,} posts per language", "", head,
             "|---|---|" + "---:|" * (2 * len(engines))]
    for entry in wire.values():
        cells = []
        for e in engines:
            for phase in ("cold", "warm"):
                run = entry[e][phase]
                cells.append(f"{run['bytes'] / 1024:,.1f} KiB ({run['requests']})")
        lines.append(f"| {entry['language']} | {entry['query']} | " + " | ".join(cells) + " |")
    lines += ["", "KiB sent by the server (status line, headers and gzipped body) for every request the query "
              "made, (requests) beside it. portal: the search page loaded with `?q=`, its stylesheet, scripts and "
              "images, index.json and the shards fetched; Pagefind: `pagefind.js`, its WebAssembly, entry, "
              "metadata, index chunks and the fragments of the top 5 (`data()`), not the blank page that "
              "calls it. Cold: a new chromium profile; warm: the same again in that browser (HTTP cache kept).",
              "", "Top 5 (titles):", ""]
    for entry in wire.values():
        lines.append(f"- {entry['language']} **{entry['query']}**")
        for e in engines:
            lines.append(f"  - {e}: " + " · ".join(entry[e]["cold"]["top"]))
    return "\n".join(lines)


# --------------------------------------------------------------------------- report


def kib(n: float) -> str:
    return f"{n / 1024:,.1f} KiB"


def mib(n: float) -> str:
    return f"{n / 1024 / 1024:,.2f} MiB"


def trio(s: dict) -> str:
    if not s.get("count"):
        return "–"
    return f"{s['min'] / 1024:,.1f} / {s['median'] / 1024:,.1f} / {s['max'] / 1024:,.1f} KiB"


def size_table(posts: int, sizes: dict) -> str:
    langs = list(sizes)
    rows = [
        ("documents", lambda s: f"{s['documents']:,}"),
        ("files", lambda s: f"{s['files']:,}"),
        ("whole index, raw", lambda s: mib(s["bytes"])),
        ("whole index, gzip -6", lambda s: mib(s["gzip_bytes"])),
        ("index.json, raw / gzip", lambda s: f"{s['index_json']['bytes']} B / {s['index_json']['gzip_bytes']} B"),
        ("term shards", lambda s: f"{s['term_shards']['raw']['count']:,}"),
        ("term shard min / median / max, raw", lambda s: trio(s["term_shards"]["raw"])),
        ("term shard min / median / max, gzip -6", lambda s: trio(s["term_shards"]["gzip"])),
        ("term shards, total raw / gzip",
         lambda s: f"{mib(s['term_shards']['raw']['total'])} / {mib(s['term_shards']['gzip']['total'])}"),
        ("document shards", lambda s: f"{s['doc_shards']['raw']['count']:,}"),
        ("document shard min / median / max, raw", lambda s: trio(s["doc_shards"]["raw"])),
        ("document shard min / median / max, gzip -6", lambda s: trio(s["doc_shards"]["gzip"])),
        ("document shards, total raw / gzip",
         lambda s: f"{mib(s['doc_shards']['raw']['total'])} / {mib(s['doc_shards']['gzip']['total'])}"),
    ]
    head = "| | " + " | ".join(f"{lang} (`{sizes[lang]['folder']}`)" for lang in langs) + " |"
    lines = [f"### Search index, {posts:,} posts per language", "", head, "|---" * (len(langs) + 1) + "|"]
    for label, fmt in rows:
        lines.append(f"| {label} | " + " | ".join(fmt(sizes[lang]) for lang in langs) + " |")
    lines += ["", "KiB = 1,024 bytes. gzip -6: each file compressed on its own at level 6, as a server "
              "sends JSON; the median of an even count is the mean of the middle two."]
    return "\n".join(lines)


def summary(samples: list[float]) -> dict:
    return {"median": statistics.median(samples), "max": max(samples), "min": min(samples)}


def query_table(posts: int, reps: int, results: dict, sizes: dict) -> str:
    lines = [f"### Search queries in headless chromium, {posts:,} posts per language ({reps} runs each)", "",
             "| lang | query | results | cold ms, median (max) | warm ms, median (max) "
             "| after the 120 ms debounce, cold / warm median ms | cold fetch: files, bytes (gzip -6) "
             "| cold fetch at 400 kbit/s, gzip |",
             "|---|---|---:|---:|---:|---:|---|---:|"]
    for entry in results.values():
        cold, warm = entry["cold_ms"], entry["warm_ms"]
        fetch = entry["cold_fetch"]
        lines.append(
            f"| {entry['language']} | {entry['query']} | {entry['results']:,} "
            f"| {cold['median']:.0f} ({cold['max']:.0f}) | {warm['median']:.0f} ({warm['max']:.0f}) "
            f"| {entry['cold_after_debounce_ms']['median']:.0f} / {entry['warm_after_debounce_ms']['median']:.0f} "
            f"| {fetch['files']}: {kib(fetch['bytes'])} ({kib(fetch['gzip_bytes'])}) "
            f"| {fetch['gzip_bytes'] * 8 / SLOW_3G_BPS:.1f} s |")
    lines += [
        "",
        "Time from setting the box's value and dispatching `input` to `#search-results` carrying the query in "
        "`data-query` (search.js sets it as it shows the results), both by `performance.now()` in the page; it "
        f"includes search.js's {DEBOUNCE_MS} ms wait after the last keystroke, which the next column leaves out. "
        "Cold: a fresh page load with chromium's HTTP cache disabled, so index.json, the term shards of the "
        "query's syllables and the document shards of the 20 results shown are fetched (files and bytes: "
        "`encodedBodySize` from the Resource Timing entries; the local server does not compress, the gzip -6 "
        "size is of the same files). Warm: the same query again on that page (the box cleared in between), "
        "when search.js holds every file it needs.",
        "",
        "**The server is local (127.0.0.1): no network latency and no bandwidth limit.** On a real link add "
        "the round trips (index.json, then the term shards in parallel, then the document shards in "
        "parallel: three in a row) and the transfer: the last column is the gzipped bytes over a slow 3G "
        "link of 400 kbit/s, without round trips.",
    ]
    return "\n".join(lines)


def summarise(results: dict, sizes: dict, base_path: str) -> None:
    for entry in results.values():
        lang = entry["language"]
        entry["cold_ms"] = summary([s["ms"] for s in entry["cold"]])
        entry["warm_ms"] = summary([s["ms"] for s in entry["warm"]])
        entry["cold_after_debounce_ms"] = summary([s["after_debounce_ms"] for s in entry["cold"]])
        entry["warm_after_debounce_ms"] = summary([s["after_debounce_ms"] for s in entry["warm"]])
        entry["results"] = entry["cold"][0]["results"]
        first = entry["cold"][0]["fetched"]
        per_file = sizes[lang]["per_file"]
        names = [urlsplit(f["name"]).path.rsplit("/", 1)[-1] for f in first]
        entry["cold_fetch"] = {
            "files": len(first),
            "names": sorted(names),
            "bytes": sum(f["encodedBodySize"] for f in first),
            "transfer_bytes": sum(f["transferSize"] for f in first),
            "gzip_bytes": sum(per_file[n][1] for n in names if n in per_file),
        }
        entry["warm_new_fetches"] = max(s["new_fetches"] for s in entry["warm"])


def main() -> None:
    ap = argparse.ArgumentParser(description="The search benchmark (benchmark/search runs it).")
    ap.add_argument("--out", required=True, type=Path, help="the built site")
    ap.add_argument("--content", required=True, type=Path, help="its content folder (for site.yml's baseURL)")
    ap.add_argument("--posts", type=int, default=0, help="posts per language (for the titles)")
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--json", type=Path, help="write every measurement here")
    ap.add_argument("--repo", type=Path, default=REPO, help="the repository, to record its commit")
    ap.add_argument("--meta", action="append", default=[], help="key=value recorded in the JSON")
    ap.add_argument("--pagefind", action="store_true", help="OUT/pagefind holds Pagefind's index: compare bytes")
    ap.add_argument("--no-times", action="store_true", help="bytes on the wire only, no query times")
    args = ap.parse_args()

    out = args.out.resolve()
    site_yml = (args.content / "site.yml").read_text(encoding="utf-8")
    match = re.search(r"""^baseURL\s*:\s*(["']?)(\S+?)\1\s*(?:#.*)?$""", site_yml, re.MULTILINE)
    base_path = urlsplit(match.group(2)).path if match else "/asean/"
    base_path = base_path if base_path.endswith("/") else base_path + "/"

    busy_before = cpu_busy()
    load_before = os.getloadavg()
    started = time.monotonic()
    wire, browser = run_wire(out, base_path, args.pagefind)
    if args.no_times:
        meta_browser, results = {"index_paths": {"vi": base_path + "search/", "en": base_path + "en/search/"},
                                 "browser": browser}, {}
    else:
        meta_browser, results = run_queries(out, base_path, args.reps)
    load_after = os.getloadavg()
    sizes = {lang: index_sizes(out, lang, path, base_path) for lang, path in meta_browser["index_paths"].items()}
    summarise(results, sizes, base_path)

    print()
    print(size_table(args.posts, sizes))
    print()
    print(wire_table(args.posts, wire))
    if results:
        print()
        print(query_table(args.posts, args.reps, results, sizes))
    busy = busy_before is not None and busy_before > 0.25
    print()
    print(f"chromium {meta_browser['browser']}, {os.cpu_count()} cores; the queries took "
          f"{time.monotonic() - started:.0f} s; in the 2 s before them (after the build), other processes used "
          + ("–" if busy_before is None else f"{busy_before:.0%}") + " of the CPU"
          + (": they were competing for the machine, so the times are high and uneven." if busy else "."))
    for entry in results.values():
        if entry["warm_new_fetches"]:
            print(f"note: the warm {entry['language']} query {entry['query']!r} fetched "
                  f"{entry['warm_new_fetches']} more file(s)")

    if args.json:
        sys.path.insert(0, str(HERE))
        try:
            from report import git_commit  # noqa: PLC0415
            commit = git_commit(str(args.repo))
        except Exception:  # noqa: BLE001
            commit = None
        meta = dict(item.split("=", 1) for item in args.meta)
        data = {
            "generated": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "commit": commit,
            "posts": args.posts,
            "reps": args.reps,
            "base_path": base_path,
            "output": str(out),
            "browser": f"chromium {meta_browser['browser']}",
            "machine": {"cores": os.cpu_count(), "platform": platform.platform(),
                        "cpu_busy_before": busy_before,
                        "loadavg_before": load_before, "loadavg_after": load_after},
            "server": "127.0.0.1, no latency, no compression",
            "debounce_ms": DEBOUNCE_MS,
            "meta": meta,
            "index": sizes,
            "queries": list(results.values()),
            "wire": list(wire.values()),
        }
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
