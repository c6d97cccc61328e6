"""A property test over random small sites (gensite.py): whatever the content, a build either
fails, saying where, and leaves the output as it was, or succeeds with an output that is safe
to publish.

For each site (fixed seeds, so every run builds the same sites): `portal build` into an
output folder that already holds the last successful build of the chain (the first one a
tame site's). Then:

* a failed build exits 1, every `error:` line of its report names at least the file
  (`path:line:column: error:` or `path: error:`), and the output folder — paths, bytes and
  which entries are symlinks — is exactly what it was;
* a successful build leaves every file of the output inside it (no symlink in the output, and
  nothing new beside it but portal's cache and lock), no `javascript:`, `vbscript:` or `data:`
  address in any attribute or URL field of any output file (HTML, feeds, sitemap, JSON, SVG,
  iCalendar; HTML inside feeds too), and every HTML page valid for the Nu HTML Checker (all
  pages of all sites in one vnu run at the end);
* the secret marker of the files that symlinks inside Content point at (outside it) is in no
  output file, and those files are never written to.

The one allowed `data:` address is what README documents for Markdown images: a raster image
(`data:image/png|gif|jpeg|webp`) as the `src` of an `<img>`; it cannot run script.

Set PORTAL_GENERATED_SITES to change how many sites are built (the default keeps the test
under about three minutes with the debug binary).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest
from lxml import etree

import checks
import gensite
from sitebuild import REPO, portal_binary

SITES = int(os.environ.get("PORTAL_GENERATED_SITES", "150"))
# Sites are built in chains: each build goes into the output of the chain's last successful
# build, so rebuilds over an older site (files to remove, keep and replace) are exercised.
CHAIN = 10
NOW = "2026-11-29T12:00"
THEME = REPO / "Themes" / "default"

# What portal may leave beside the output folder `Output`: its caches, its lock, the tree
# the next build is assembled in (see OutputWriter), and the web-server configurations.
BESIDE_OUTPUT = {".portal-cache", ".Output.lock", ".Output.previous", "Output.nginx.conf", "Output.apache.conf"}

# `path:line:column: error:`, `path:line: error:` or `path: error:`, with a path.
LOCATED_ERROR = re.compile(r"^(?P<path>\S(?:[^:]|:(?! ))*?)(?::\d+(?::\d+)?)?: error: ")


# --------------------------------------------------------------------------- snapshots


def snapshot(folder: Path) -> dict[str, tuple]:
    """Every entry under `folder`: relative path → ("dir",), ("file", bytes) or ("link", target)."""
    entries: dict[str, tuple] = {}
    if not folder.exists() and not folder.is_symlink():
        return entries
    for parent, dirs, files in os.walk(folder, followlinks=False):
        for name in dirs + files:
            path = Path(parent) / name
            rel = str(path.relative_to(folder))
            if path.is_symlink():
                entries[rel] = ("link", os.readlink(path))
            elif path.is_dir():
                entries[rel] = ("dir",)
            else:
                entries[rel] = ("file", path.read_bytes())
    return entries


def differences(before: dict[str, tuple], after: dict[str, tuple]) -> list[str]:
    found = [f"removed {p}" for p in sorted(before.keys() - after.keys())]
    found += [f"added {p}" for p in sorted(after.keys() - before.keys())]
    found += [f"changed {p} ({before[p][0]} → {after[p][0]})" for p in sorted(before.keys() & after.keys())
              if before[p] != after[p]]
    return found


# --------------------------------------------------------------------------- addresses

_SCRIPT_SCHEMES = ("javascript:", "vbscript:", "data:")
_SAFE_IMAGE_DATA = re.compile(r"^data:image/(png|gif|jpeg|webp)[;,]")


def browser_form(url: str) -> str:
    """`url` as a browser's URL parser reads it before looking at the scheme: C0 controls and
    spaces around it dropped, tabs and line breaks anywhere removed, lowercase."""
    url = url.strip("".join(chr(c) for c in range(0x21)))
    return re.sub(r"[\t\n\r]", "", url).lower()


def unsafe(url: str, *, image_src: bool = False) -> bool:
    form = browser_form(url)
    if image_src and _SAFE_IMAGE_DATA.match(form):
        return False
    return form.startswith(_SCRIPT_SCHEMES)


# Attributes holding one URL (HTML and SVG), and those holding a list of them.
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "poster", "data", "cite", "background", "xlink:href",
                  "manifest", "icon", "codebase", "longdesc", "usemap", "ping", "lowsrc", "dynsrc", "xml:base"}
# <meta> whose content is a URL.
URL_META = re.compile(r"(^|:)(url|image|image:url|image:secure_url|video|audio)$")


class _AttributeScanner(HTMLParser):
    """Every URL in the attributes of an HTML document, with the tag and attribute."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[tuple[str, str, str, int]] = []
        self._json: list[str] | None = None
        self.json_blocks: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        values = {name: value or "" for name, value in attrs}
        for name, value in attrs:
            value = value or ""
            if name in URL_ATTRIBUTES or name.endswith(":href"):
                self.urls.append((tag, name, value, line))
            elif name in ("srcset", "imagesrcset"):
                for candidate in value.split(","):
                    if candidate.split():
                        self.urls.append((tag, name, candidate.split()[0], line))
        if tag == "meta":
            key = (values.get("property") or values.get("name") or values.get("itemprop") or "").lower()
            if URL_META.search(key):
                self.urls.append((tag, f"content ({key})", values.get("content", ""), line))
            if values.get("http-equiv", "").lower() == "refresh":
                match = re.search(r"url\s*=\s*(.*)$", values.get("content", ""), re.IGNORECASE | re.DOTALL)
                if match:
                    self.urls.append((tag, "content (refresh)", match.group(1).strip("'\" "), line))
        if tag == "script" and "json" in values.get("type", ""):
            self._json = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._json is not None:
            self.json_blocks.append("".join(self._json))
            self._json = None

    def handle_data(self, data: str) -> None:
        if self._json is not None:
            self._json.append(data)


def html_problems(text: str, where: str) -> list[str]:
    scanner = _AttributeScanner()
    scanner.feed(text)
    scanner.close()
    found = [f"{where}:{line}: <{tag} {name}={value[:80]!r}>" for tag, name, value, line in scanner.urls
             if unsafe(value, image_src=(tag == "img" and name == "src"))]
    for block in scanner.json_blocks:
        try:
            found += json_problems(json.loads(block), f"{where} (JSON in <script>)")
        except ValueError as error:
            found.append(f"{where}: JSON in <script> does not parse: {error}")
    return found


_URL_KEY = re.compile(r"(url|href|src|link|image|permalink|uri|@id)$", re.IGNORECASE)


def json_problems(value, where: str, key: str = "", docs: bool = False) -> list[str]:
    """URLs in JSON: the values of keys that name a URL (`url`, `permalink`…), and the second
    field of each search document (`[title, url, date, excerpt]`)."""
    found: list[str] = []
    if isinstance(value, dict):
        for k, v in value.items():
            found += json_problems(v, where, k)
    elif isinstance(value, list):
        if docs and len(value) > 1 and isinstance(value[1], str) and unsafe(value[1]):
            found.append(f"{where}: search document URL {value[1][:80]!r}")
        for item in value:
            found += json_problems(item, where, key, docs=docs and isinstance(item, list))
    elif isinstance(value, str) and _URL_KEY.search(key) and unsafe(value):
        found.append(f"{where}: {key!r}: {value[:80]!r}")
    return found


# XML elements whose text is a URL (RSS, Atom, sitemap), and those whose text is HTML.
_XML_URL_TEXT = {"loc", "link", "guid", "id", "uri", "url", "icon", "logo", "comments", "docs"}
_XML_HTML_TEXT = {"description", "content", "summary", "encoded", "subtitle"}


def xml_problems(data: bytes, where: str) -> tuple[list[str], list[str]]:
    """(unsafe URLs, well-formedness problems) of an XML file."""
    malformed: list[str] = []
    try:
        root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError as error:
        malformed.append(f"{where}: not well-formed XML: {error}")
        root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True, recover=True))
        if root is None:
            return [], malformed
    found: list[str] = []
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        local = etree.QName(element).localname
        for name, value in element.attrib.items():
            attribute = etree.QName(name).localname
            if attribute in URL_ATTRIBUTES or attribute in ("url", "uri", "resource", "about", "base"):
                if unsafe(value):
                    found.append(f"{where}:{element.sourceline}: <{local} {attribute}={value[:80]!r}>")
        text = element.text or ""
        if local in _XML_URL_TEXT and unsafe(text):
            found.append(f"{where}:{element.sourceline}: <{local}>{text[:80]!r}")
        if local in _XML_HTML_TEXT and "<" in text:
            found += html_problems(text, f"{where}:{element.sourceline} <{local}> HTML")
    return found, malformed


def file_problems(path: Path, rel: str) -> tuple[list[str], list[str]]:
    """(unsafe URLs, malformed files) of one output file, by its kind."""
    data = path.read_bytes()
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm"):
        return html_problems(data.decode("utf-8", errors="replace"), rel), []
    if suffix in (".xml", ".svg", ".atom", ".rss", ".xsl"):
        return xml_problems(data, rel)
    if suffix == ".json":
        try:
            document = json.loads(data)
        except ValueError as error:
            return [], [f"{rel}: not JSON: {error}"]
        return json_problems(document, rel, docs=re.search(r"(^|/)docs-\d+-[0-9a-f]+\.json$", rel) is not None), []
    if suffix == ".ics":
        # Unfolded content lines; `URL…:value` properties.
        text = re.sub(r"\r?\n[ \t]", "", data.decode("utf-8", errors="replace"))
        return [f"{rel}: {line[:100]!r}" for line in text.splitlines()
                if re.match(r"^URL[;:]", line, re.IGNORECASE) and unsafe(line.split(":", 1)[1])], []
    if suffix == ".txt" and b"<" in data:
        return html_problems(data.decode("utf-8", errors="replace"), rel), []
    return [], []


# --------------------------------------------------------------------------- the builds


@dataclass
class Run:
    name: str
    site: gensite.Generated
    returncode: int
    stderr: str
    # Problems per property, found right after the build (the next build replaces the output).
    failure: list[str] = field(default_factory=list)
    containment: list[str] = field(default_factory=list)
    addresses: list[str] = field(default_factory=list)
    malformed: list[str] = field(default_factory=list)
    secret: list[str] = field(default_factory=list)
    pages: list[Path] = field(default_factory=list)

    def label(self) -> str:
        kind = "wild" if self.site.wild else "tame"
        return f"{self.name} (seed {self.site.seed}, {kind}, {self.site.content})"


def portal_build(content: Path, output: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(portal_binary()), "build", "--content", str(content), "--output", str(output), "--now", NOW,
         "--theme", str(THEME), "--jobs", "2"],
        capture_output=True, timeout=120)


def check_run(run: Run, output: Path, before: dict, beside_before: set[str], outside_before: dict,
              keep: Path) -> None:
    secret = run.site.secret.encode()
    outside_after = snapshot(run.site.outside)
    if outside_after != outside_before:
        run.containment += [f"the files outside Content changed: {d}" for d in differences(outside_before, outside_after)]
    beside = {p.name for p in output.parent.iterdir()} - beside_before - BESIDE_OUTPUT
    run.containment += [f"new beside the output: {name}" for name in sorted(beside)]

    if run.returncode != 0:
        if run.returncode != 1:
            # A crash report's first lines say what went wrong; the registers after them do not.
            run.failure.append(f"exit status {run.returncode} (a crash?): {run.stderr[:700]}")
        errors = [line for line in run.stderr.splitlines() if re.search(r"(^|: )error: ", line)]
        if not errors:
            run.failure.append(f"failed without an error line: {run.stderr[:700]}")
        run.failure += [f"error without a file: {line[:300]}" for line in errors if not LOCATED_ERROR.match(line)]
        after = snapshot(output)
        run.failure += [f"the output changed: {d}" for d in differences(before, after)[:20]]
        return

    for parent, dirs, files in os.walk(output, followlinks=False):
        for name in dirs + files:
            path = Path(parent) / name
            rel = str(path.relative_to(output))
            if path.is_symlink():
                run.containment.append(f"symlink in the output: {rel} -> {os.readlink(path)}")
                continue
            if not os.path.realpath(path).startswith(os.path.realpath(output) + os.sep):
                run.containment.append(f"outside the output: {rel}")
            if path.is_dir():
                continue
            data = path.read_bytes()
            if secret in data:
                run.secret.append(f"{rel} holds the secret of a file outside Content")
            urls, malformed = file_problems(path, rel)
            run.addresses += urls
            run.malformed += malformed
            if path.suffix == ".html":
                copy = keep / rel
                copy.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, copy)
                run.pages.append(copy)


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> list[Run]:
    root = tmp_path_factory.mktemp("generated")
    done: list[Run] = []
    for chain_start in range(0, SITES, CHAIN):
        chain = root / f"chain-{chain_start // CHAIN}"
        output = chain / "Output"
        # The chain's first build: a tame site that must build.
        first = gensite.generate(10_000 + chain_start, chain / "base", wild=False)
        build = portal_build(first.content, output)
        assert build.returncode == 0, (
            f"the tame site of seed {first.seed} did not build:\n{build.stderr.decode(errors='replace')}")
        run = Run(f"chain {chain_start // CHAIN} base", first, 0, build.stderr.decode("utf-8", errors="replace"))
        check_run(run, output, {}, {"base", "Output"} | BESIDE_OUTPUT, snapshot(first.outside),
                  root / "pages" / f"base-{chain_start}")
        done.append(run)
        for seed in range(chain_start, min(chain_start + CHAIN, SITES)):
            site = gensite.generate(seed, chain / f"site-{seed}")
            before = snapshot(output)
            beside_before = {p.name for p in chain.iterdir()}
            outside_before = snapshot(site.outside)
            build = portal_build(site.content, output)
            run = Run(f"site {seed}", site, build.returncode, build.stderr.decode("utf-8", errors="replace"))
            check_run(run, output, before, beside_before, outside_before, root / "pages" / f"site-{seed}")
            done.append(run)
    return done


def report(runs: list[Run], attribute: str) -> list[str]:
    lines = []
    for run in runs:
        problems = getattr(run, attribute)
        if problems:
            lines.append(run.label() + ":")
            lines += [f"    {p}" for p in problems[:15]]
            if len(problems) > 15:
                lines.append(f"    … and {len(problems) - 15} more")
            lines += [f"    ({note})" for note in run.site.notes]
    return lines


def test_the_generator_exercises_both_outcomes(runs):
    built = [run for run in runs if run.returncode == 0]
    failed = [run for run in runs if run.returncode != 0]
    # Without enough of each, the properties below would hold vacuously.
    assert len(built) >= len(runs) // 4, f"only {len(built)} of {len(runs)} sites built:\n" + "\n".join(
        f"{run.label()}: {run.stderr[:600]}" for run in failed[:8])
    assert len(failed) >= len(runs) // 10, f"only {len(failed)} of {len(runs)} sites failed"


def test_a_failed_build_says_where_and_leaves_the_output_as_it_was(runs):
    problems = report(runs, "failure")
    assert not problems, "\n".join(problems)


def test_a_build_writes_only_inside_its_output(runs):
    problems = report(runs, "containment")
    assert not problems, "\n".join(problems)


def test_no_script_or_data_address_in_any_output(runs):
    problems = report(runs, "addresses")
    assert not problems, "\n".join(problems)


def test_files_outside_content_are_never_published(runs):
    problems = report(runs, "secret")
    assert not problems, "\n".join(problems)


def test_feeds_sitemaps_and_json_are_well_formed(runs):
    problems = report(runs, "malformed")
    assert not problems, "\n".join(problems)


def test_every_page_is_valid_html(runs):
    pages = [page for run in runs for page in run.pages]
    assert pages, "no site built"
    owner = {page: run for run in runs for page in run.pages}
    errors = checks.vnu_errors(pages)
    by_run: dict[str, list[str]] = {}
    for error in errors:
        run = owner.get(error.file)
        name = run.label() if run else "?"
        by_run.setdefault(name, []).append(f"{error.file.name if run is None else error.file}:{error.line}: "
                                           f"{error.message[:300]}")
    lines = []
    for name, messages in by_run.items():
        lines.append(name + ":")
        lines += [f"    {m}" for m in messages[:10]]
        if len(messages) > 10:
            lines.append(f"    … and {len(messages) - 10} more")
    assert not errors, f"{len(errors)} vnu errors in {len(by_run)} sites:\n" + "\n".join(lines)


# --------------------------------------------------------------------------- the checkers


def test_the_address_checks_find_what_they_must():
    """The checkers above, proven on small inputs: each must see a script address where a
    browser would follow it, and only there."""
    for url in ["javascript:alert(1)", " JaVaScRiPt:x", "\x01javascript:x", "java\tscript:x", "vbscript:x",
                "data:text/html,x", "\njavascript:x"]:
        assert unsafe(url), url
    for url in ["/asean/", "https://a.vn/", "java%09script:x", "./javascript:x", "mailto:a@b.vn"]:
        assert not unsafe(url), url
    assert unsafe("data:image/svg+xml,x", image_src=True) and not unsafe("data:image/png;base64,x", image_src=True)

    page = ('<a href="&#106;avascript:x">a</a><img src="data:image/png;base64,x" alt="">'
            '<meta property="og:image" content="javascript:x"><meta name="description" content="javascript:x">'
            '<meta http-equiv="refresh" content="0; url=javascript:x"><img srcset="a.png 1x, javascript:x 2x" alt="">'
            '<svg><use xlink:href="javascript:x"/></svg><a title="javascript:x">t</a>'
            '<script type="application/ld+json">{"url": "javascript:x", "name": "javascript:x"}</script>')
    found = html_problems(page, "p.html")
    assert [f.split(": ", 1)[1].split("=")[0] for f in found] == [
        "<a href", "<meta content (og:image)", "<meta content (refresh)", "<img srcset", "<use xlink:href",
        "'url': 'javascript:x'"], found

    feed = (b'<?xml version="1.0"?><rss xmlns:atom="http://www.w3.org/2005/Atom"><channel>'
            b'<link>javascript:x</link><atom:link href="vbscript:x"/><item><title>javascript:x</title>'
            b'<description>&lt;a href="javascript:x"&gt;x&lt;/a&gt;</description></item></channel></rss>')
    urls, malformed = xml_problems(feed, "f.xml")
    assert len(urls) == 3 and not malformed, urls
    assert xml_problems(b"<a>\x01</a>", "bad.xml")[1], "a control character is not XML"

    docs = [["javascript:x", "/asean/a/", "", ""], ["T", "javascript:x", "", ""]]
    assert len(json_problems(docs, "docs-0.json", docs=True)) == 1
    assert len(json_problems({"title": "javascript:x", "url": "data:x", "posts": [{"url": "vbscript:x"}]}, "p.json")) == 2

    assert LOCATED_ERROR.match("/c/Content/vi/a b.md:3:8: error: x")
    assert LOCATED_ERROR.match("Content/fr: error: x")
    assert not LOCATED_ERROR.match("error: x")
    assert not LOCATED_ERROR.match("Fatal error: x")


# --------------------------------------------------------------------------- removed links


def test_removed_links_and_images_leave_valid_html(tmp_path):
    """Markdown links and images whose address portal removes leave their text, no empty
    `href`/`src`, and a warning each; the page passes the Nu HTML Checker."""
    content = tmp_path / "Content"
    shutil.copytree(REPO / "Tests" / "PortalKitTests" / "Fixtures" / "base" / "Content", content)
    post = content / "vi" / "tin-tuc" / "2025-01-01-bo-lien-ket.md"
    post.write_text(
        "---\ntitle: Bỏ liên kết\ndate: 2025-01-01\n---\n\n"
        "Ảnh ![alt text &lt;b&gt;](javascript:alert(1)) và [click](javascript:alert(1)) "
        "và [x](vbscript:msgbox(1)) và [y](data:text/html,<script>alert(1)</script>) "
        "và [t](java&#9;script:alert(1)) và ![](JaVaScRiPt:alert(1)).\n",
        encoding="utf-8")
    output = tmp_path / "Output"
    build = portal_build(content, output)
    stderr = build.stderr.decode("utf-8", errors="replace")
    assert build.returncode == 0, stderr
    page = output / "tin-tuc" / "bo-lien-ket" / "index.html"
    text = page.read_text(encoding="utf-8")
    body = text[text.index('<div class="content">'):]
    body = body[:body.index("</div>")]
    assert 'src=""' not in body and 'href=""' not in body, body
    assert "Ảnh alt text &lt;b&gt; và click và x và y và t và ." in body, body
    assert html_problems(text, str(page)) == []
    removed = [line for line in stderr.splitlines() if "2025-01-01-bo-lien-ket.md:" in line and "was removed" in line]
    assert len(removed) == 6, stderr
    assert checks.vnu_errors([page]) == []
