"""Checks on the machine-readable files of a built site: the RSS 2.0 and Atom feeds,
``sitemap.xml`` (against ``sitemap.xsd``), ``robots.txt`` and ``posts.json``.

Same conventions as checks.py (which this builds on): every checker returns a list of
human-readable problems, empty when all is well, each starting with the file it is about,
relative to the output folder.

The XML is read twice: with lxml, which sees exactly what was written (a relative link
stays relative, a missing element is missing), and with feedparser, which sees what a feed
reader sees (and reports, as ``bozo``, what a reader would stumble on).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import datetime
from email.utils import parsedate_to_datetime
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Mapping
from urllib.parse import urlsplit

import feedparser
from lxml import etree

import checks
from checks import OutsideBase, Page

__all__ = [
    "ATOM_NS",
    "SITEMAP_NS",
    "XHTML_NS",
    "SITEMAP_XSD",
    "FeedItem",
    "Feed",
    "file_url",
    "read_feed",
    "feed_problems",
    "feed_body_link_problems",
    "feed_files",
    "linked_feeds",
    "feeds_of",
    "sitemap_schema_errors",
    "SitemapEntry",
    "read_sitemap",
    "sitemap_problems",
    "robots_problems",
    "posts_json_problems",
    "parse_rfc822",
    "parse_rfc3339",
    "parse_iso_with_offset",
]

ATOM_NS = "http://www.w3.org/2005/Atom"
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"
XML_NS = "http://www.w3.org/XML/1998/namespace"
SITEMAP_XSD = Path(__file__).resolve().parent / "sitemap.xsd"

_A = f"{{{ATOM_NS}}}"
_S = f"{{{SITEMAP_NS}}}"


def _rel(path: Path, out: Path) -> str:
    try:
        return path.relative_to(out).as_posix()
    except ValueError:
        return str(path)


def file_url(path: Path | str, out: Path | str, base_url: str) -> str:
    """The absolute URL of any file of the site (``index.html`` gives its folder's URL)."""
    return checks.page_url(path, out, base_url)


# --------------------------------------------------------------------------- dates


# RFC 822 as RFC 1123 and RSS 2.0 use it: optional weekday, 2-digit day allowed, 4-digit
# year, seconds optional, a zone (numeric, or one of the names RFC 822 lists).
_RFC822 = re.compile(
    r"^(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), )?\d{1,2} "
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} "
    r"\d{2}:\d{2}(?::\d{2})? (?:[+-]\d{4}|UT|GMT|EST|EDT|CST|CDT|MST|MDT|PST|PDT|Z)$")

# RFC 3339 date-time (what Atom's dates are): a full date, "T", a time, and a zone.
_RFC3339 = re.compile(
    r"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$")


def parse_rfc822(text: str | None) -> datetime | None:
    """An RSS date (``Mon, 28 Jul 2025 00:00:00 +0700``) as an aware datetime, or None
    when it is not one; the weekday, when given, must be that of the date."""
    if text is None:
        return None
    text = text.strip()
    if not _RFC822.match(text):
        return None
    try:
        moment = parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    if moment.tzinfo is None:
        return None
    if "," in text and text[:3] != moment.strftime("%a"):
        return None
    return moment


def parse_rfc3339(text: str | None) -> datetime | None:
    """An Atom date (``2025-07-28T00:00:00+07:00``) as an aware datetime, or None."""
    if text is None:
        return None
    text = text.strip()
    if not _RFC3339.match(text):
        return None
    try:
        return datetime.fromisoformat(text.upper().replace("Z", "+00:00"))
    except ValueError:
        return None


# ISO 8601 with an offset, as posts.json writes dates: 2025-07-28T00:00:00+07:00 (or Z).
_ISO_WITH_OFFSET = re.compile(
    r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$")


def parse_iso_with_offset(text: object) -> datetime | None:
    """A posts.json date (ISO 8601 with an offset) as an aware datetime, or None."""
    if not isinstance(text, str) or not _ISO_WITH_OFFSET.match(text):
        return None
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


# --------------------------------------------------------------------------- reading feeds


@dataclass
class FeedItem:
    """One RSS item or Atom entry, as written (None for what is missing)."""

    title: str | None
    link: str | None        # RSS <link>; Atom: the href of the rel=alternate link
    id: str | None          # RSS <guid>; Atom <id>
    date: str | None        # RSS <pubDate>; Atom <published>, else <updated>
    updated: str | None     # Atom <updated>; RSS: <pubDate>
    line: int | None = None
    permalink: bool = True  # RSS: the guid's isPermaLink (default true); Atom: True
    html: list[str] = field(default_factory=list)  # HTML bodies: description / content


@dataclass
class Feed:
    """What the feed checks need of an RSS 2.0 or Atom file."""

    kind: str                      # "rss" or "atom"
    title: str | None
    link: str | None               # the page the feed is of
    self_links: list[str]          # rel=self hrefs
    updated: str | None            # RSS <lastBuildDate>; Atom <updated>
    language: str | None           # RSS <language>; Atom xml:lang of <feed>
    items: list[FeedItem]
    problems: list[str]            # what reading it found missing or malformed
    id: str | None = None          # Atom <id>


def _text(element) -> str | None:
    if element is None:
        return None
    return "".join(element.itertext()).strip()


def _one(parent, tag: str, where: str, problems: list[str], required: bool = True,
         namespace: str = "", too_many: str = "") -> str | None:
    """The text of the one <tag> child of `parent`, noting in `problems` a missing or
    repeated one."""
    found = parent.findall(f"{namespace}{tag}")
    if len(found) > 1:
        problems.append(f"{where}: {len(found)} <{tag}> elements{too_many}")
    if not found:
        if required:
            problems.append(f"{where}: no <{tag}>")
        return None
    return _text(found[0])


def _secure_parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


def read_feed(data: bytes) -> Feed:
    """Read an RSS 2.0 or Atom document; raises etree.XMLSyntaxError when it is not XML,
    ValueError when it is neither format."""
    root = etree.fromstring(data, _secure_parser())
    problems: list[str] = []
    if root.tag == "rss":
        if root.get("version") != "2.0":
            problems.append(f"<rss version={root.get('version')!r}>, expected '2.0'")
        channels = root.findall("channel")
        if len(channels) != 1:
            problems.append(f"{len(channels)} <channel> elements, expected 1")
            if not channels:
                return Feed("rss", None, None, [], None, None, [], problems)
        channel = channels[0]

        def one(parent, tag: str, where: str, required: bool = True) -> str | None:
            return _one(parent, tag, where, problems, required=required)

        title = one(channel, "title", "channel")
        link = one(channel, "link", "channel")
        one(channel, "description", "channel")
        updated = one(channel, "lastBuildDate", "channel")
        language = one(channel, "language", "channel", required=False)
        self_links = [l.get("href", "") for l in channel.findall(f"{_A}link")
                      if l.get("rel") == "self"]
        items = []
        for number, item in enumerate(channel.findall("item"), 1):
            where = f"item {number} (line {item.sourceline})"
            guid = item.find("guid")
            permalink = guid is None or guid.get("isPermaLink", "true").strip() != "false"
            pub = one(item, "pubDate", where)
            items.append(FeedItem(
                title=one(item, "title", where), link=one(item, "link", where),
                id=one(item, "guid", where), date=pub, updated=pub, line=item.sourceline,
                permalink=permalink,
                html=[_text(d) or "" for d in item.findall("description")]))
        return Feed("rss", title, link, self_links, updated, language, items, problems)

    if root.tag == f"{_A}feed":
        def one(parent, tag: str, where: str, required: bool = True) -> str | None:
            return _one(parent, tag, where, problems, required=required, namespace=_A,
                        too_many=", RFC 4287 allows one")

        def alternates(parent, where: str) -> list[str]:
            # RFC 4287 4.2.7.2: a link without rel is rel="alternate"; at most one
            # alternate per (type, hreflang).
            links = [l for l in parent.findall(f"{_A}link")
                     if l.get("rel", "alternate") == "alternate"]
            keys = [(l.get("type"), l.get("hreflang")) for l in links]
            for key in sorted(set(keys), key=str):
                if keys.count(key) > 1:
                    problems.append(f"{where}: {keys.count(key)} alternate links with "
                                    f"type={key[0]!r} hreflang={key[1]!r}")
            for l in links:
                if not l.get("href"):
                    problems.append(f"{where}: a <link> without href")
            return [l.get("href", "") for l in links]

        def has_author(parent) -> bool:
            return any(_text(a.find(f"{_A}name")) for a in parent.findall(f"{_A}author"))

        title = one(root, "title", "feed")
        feed_id = one(root, "id", "feed")
        updated = one(root, "updated", "feed")
        feed_alternates = alternates(root, "feed")
        if not feed_alternates:
            problems.append("feed: no rel=alternate link")
        self_links = [l.get("href", "") for l in root.findall(f"{_A}link")
                      if l.get("rel") == "self"]
        entries = root.findall(f"{_A}entry")
        # RFC 4287 4.1.1: a feed has an author unless every entry has one.
        if not has_author(root) and not all(has_author(e) for e in entries):
            problems.append("feed: no <author> with a <name> (nor one in every entry)")
        items = []
        for number, entry in enumerate(entries, 1):
            where = f"entry {number} (line {entry.sourceline})"
            entry_alternates = alternates(entry, where)
            if not entry_alternates:
                problems.append(f"{where}: no rel=alternate link")
            published = one(entry, "published", where, required=False)
            entry_updated = one(entry, "updated", where)
            html = [_text(c) or "" for c in entry.findall(f"{_A}content")
                    if c.get("type") == "html"]
            html += [_text(c) or "" for c in entry.findall(f"{_A}summary")
                     if c.get("type") == "html"]
            items.append(FeedItem(
                title=one(entry, "title", where),
                link=entry_alternates[0] if entry_alternates else None,
                id=one(entry, "id", where), date=published or entry_updated,
                updated=entry_updated, line=entry.sourceline, html=html))
        return Feed("atom", title, feed_alternates[0] if feed_alternates else None, self_links,
                    updated, root.get(f"{{{XML_NS}}}lang"), items, problems, id=feed_id)

    raise ValueError(f"root element <{root.tag}> is neither <rss> nor Atom's <feed>")


class _LinkCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value is None:
                continue
            if name in ("href", "src", "poster"):
                self.urls.append(value.strip())
            elif name == "srcset":
                self.urls += [c.split()[0] for c in value.split(",") if c.split()]


def _html_links(html: str) -> list[str]:
    collector = _LinkCollector()
    collector.feed(html)
    collector.close()
    return collector.urls


# --------------------------------------------------------------------------- feed checks


def _expected_version(path: Path) -> str | None:
    return {"index.xml": "rss20", "atom.xml": "atom10"}.get(path.name)


def _page_at(file: Path | None, pages: Mapping[Path, Page] | None) -> Page | None:
    if file is None or file.suffix != ".html" or not file.is_file():
        return None
    if pages is not None and file in pages:
        return pages[file]
    return checks.parse_page(file)


def feed_problems(path: Path | str, out: Path | str, base_url: str,
                  pages: Mapping[Path, Page] | None = None,
                  version: str | None = None) -> list[str]:
    """Everything wrong with one feed file.

    * feedparser reads it without complaint (``bozo == 0``) as `version` (``rss20`` or
      ``atom10``; by default from the file name: ``index.xml`` RSS, ``atom.xml`` Atom).
    * Feed level: a title; a link to the page the feed is of, which is the folder the
      feed is in and which links this feed in its ``<head>``; exactly one self link (RSS:
      ``atom:link rel=self``) equal to the feed's own absolute URL; lastBuildDate (RSS,
      RFC 822) or updated (Atom, RFC 3339), not older than its newest item; a language.
      RSS: channel title, link, description. Atom (RFC 4287): id, updated, an author.
    * Every item (entry) has a title, a link (Atom: rel=alternate), an id (RSS: guid) and
      a date (RSS: pubDate; Atom: updated); ids are unique; items are newest first.
    * Every URL (links, self, permalink guids, http(s) Atom ids) is absolute and under
      `base_url`; every item link is an existing page of the site, not a redirect, whose
      ``<html lang>`` is the feed's language.

    Links inside the items' HTML are `feed_body_link_problems`' business.
    """
    out = Path(out)
    path = Path(path)
    where = _rel(path, out)
    problems: list[str] = []

    def report(message: str) -> None:
        problems.append(f"{where}: {message}")

    data = path.read_bytes()
    expected = version or _expected_version(path)

    parsed = feedparser.parse(data)
    if parsed.bozo:
        report(f"feedparser: {type(parsed.bozo_exception).__name__}: {parsed.bozo_exception}")
    if expected and parsed.version != expected:
        report(f"feedparser reads it as {parsed.version or 'nothing'!r}, expected {expected!r}")

    try:
        feed = read_feed(data)
    except etree.XMLSyntaxError as error:
        report(f"not well-formed XML: {error}")
        return problems
    except ValueError as error:
        report(str(error))
        return problems
    problems += [f"{where}: {problem}" for problem in feed.problems]

    own_url = file_url(path, out, base_url)
    owner_url = own_url.rsplit("/", 1)[0] + "/"

    def check_url(url: str | None, what: str) -> bool:
        """Absolute and under the base URL; reports and returns False otherwise."""
        if url is None:
            return False
        parts = urlsplit(url)
        if not (parts.scheme in ("http", "https") and parts.netloc):
            report(f"{what} {url!r} is not an absolute URL")
            return False
        if not checks.on_base(url, base_url):
            report(f"{what} {url!r} is not under {base_url}")
            return False
        return True

    def target_page(url: str, what: str) -> tuple[Path | None, Page | None]:
        try:
            file = checks.resolve_internal(url, out, base_url)
        except OutsideBase:
            file = None
        page = _page_at(file, pages)
        if page is None:
            report(f"{what} {url!r} is not a page of the site"
                   + (f" (no {_rel(file, out)})" if file is not None else ""))
            return file, None
        if checks.is_redirect(page):
            report(f"{what} {url!r} is a redirect page, not the page itself")
        return file, page

    # feed level
    if not feed.title:
        report("no feed title")
    if feed.kind == "atom" and feed.id is not None:
        if not urlsplit(feed.id).scheme:
            report(f"feed id {feed.id!r} is not an absolute IRI")
        elif urlsplit(feed.id).scheme in ("http", "https"):
            check_url(feed.id, "feed id")
    if len(feed.self_links) != 1:
        report(f"{len(feed.self_links)} self links, expected 1")
    for href in feed.self_links:
        if check_url(href, "self link") and href != own_url:
            report(f"self link {href!r} is not the feed's own URL {own_url!r}")
    # feedparser must see the same self link and a title.
    fp_self = [l.get("href") for l in parsed.feed.get("links", []) if l.get("rel") == "self"]
    if feed.self_links and fp_self != feed.self_links[:1]:
        report(f"feedparser sees self links {fp_self}, expected {feed.self_links[:1]}")
    if feed.title and not parsed.feed.get("title"):
        report("feedparser sees no feed title")

    language = (feed.language or "").lower()
    if not language:
        report("no language (RSS <language>, Atom xml:lang)")
    if check_url(feed.link, "feed link"):
        if feed.link != owner_url:
            report(f"feed link {feed.link!r} is not the page whose folder holds the feed, "
                   f"{owner_url!r}")
        _, owner = target_page(feed.link, "feed link")
        if owner is not None:
            if language and (owner.lang or "").lower() != language:
                report(f"feed language {language!r}, but its page {feed.link!r} is in "
                       f"{owner.lang!r}")
            if path not in feeds_of(owner, out, base_url):
                report(f"its page {feed.link!r} does not link it in <head>")

    updated = (parse_rfc822 if feed.kind == "rss" else parse_rfc3339)(feed.updated)
    if feed.updated is not None and updated is None:
        report(f"feed date {feed.updated!r} is not "
               f"{'RFC 822' if feed.kind == 'rss' else 'RFC 3339'}")

    # items
    if len(parsed.entries) != len(feed.items):
        report(f"feedparser sees {len(parsed.entries)} items, the XML has {len(feed.items)}")
    parse_date = parse_rfc822 if feed.kind == "rss" else parse_rfc3339
    ids: dict[str, int] = {}
    dates: list[tuple[datetime, int]] = []
    for number, item in enumerate(feed.items, 1):
        what = f"item {number} (line {item.line})"
        if item.title is not None and not item.title:
            report(f"{what}: empty title")
        if item.id is not None:
            if not item.id:
                report(f"{what}: empty {'guid' if feed.kind == 'rss' else 'id'}")
            elif item.id in ids:
                report(f"{what}: id {item.id!r} repeats that of item {ids[item.id]}")
            else:
                ids[item.id] = number
            if feed.kind == "rss" and item.permalink:
                check_url(item.id, f"{what}: permalink guid")
            elif feed.kind == "atom":
                if not urlsplit(item.id).scheme:
                    report(f"{what}: id {item.id!r} is not an absolute IRI")
                elif urlsplit(item.id).scheme in ("http", "https"):
                    check_url(item.id, f"{what}: id")
        if check_url(item.link, f"{what}: link"):
            _, page = target_page(item.link, f"{what}: link")
            if page is not None and language and (page.lang or "").lower() != language:
                report(f"{what}: link {item.link!r} is a page in {page.lang!r}, "
                       f"in a feed in {language!r}")
        # An RSS item has one date (pubDate), which is both.
        dated = [(item.date, "date")] + ([(item.updated, "updated")] if feed.kind == "atom" else [])
        for date_text, name in dated:
            if date_text is not None and parse_date(date_text) is None:
                report(f"{what}: {name} {date_text!r} is not "
                       f"{'RFC 822' if feed.kind == 'rss' else 'RFC 3339'}")
        moment = parse_date(item.date)
        if moment is not None:
            dates.append((moment, number))
            item_updated = parse_date(item.updated)
            if item_updated is not None and item_updated < moment:
                report(f"{what}: updated {item.updated!r} is before published {item.date!r}")
            if updated is not None and item_updated is not None and item_updated > updated:
                report(f"{what}: updated {item.updated!r} is after the feed's "
                       f"{feed.updated!r}")
    for (earlier, a), (later, b) in zip(dates, dates[1:]):
        if later > earlier:
            report(f"item {b} ({later.isoformat()}) is newer than item {a} "
                   f"({earlier.isoformat()}): items must be newest first")
    return problems


def feed_body_link_problems(path: Path | str, out: Path | str, base_url: str) -> list[str]:
    """Links inside the HTML of a feed's items (RSS ``<description>``, Atom
    ``<content type="html">`` and ``<summary type="html">``).

    A feed reader shows that HTML away from the site, resolving relative references
    against the feed's own URL: so every href/src/srcset must be absolute (a scheme, and a
    host for http(s)); fragment-only links (``#fn-1``) are relative too. Absolute links
    into the site must name an existing file.
    """
    out = Path(out)
    path = Path(path)
    where = _rel(path, out)
    try:
        feed = read_feed(path.read_bytes())
    except (etree.XMLSyntaxError, ValueError) as error:
        return [f"{where}: {error}"]
    problems = []
    for number, item in enumerate(feed.items, 1):
        what = f"{where}: item {number} (line {item.line})"
        for url in (u for html in item.html for u in _html_links(html)):
            parts = urlsplit(url)
            if not parts.scheme or (parts.scheme in ("http", "https") and not parts.netloc):
                problems.append(f"{what}: link {url!r} in its HTML is not absolute")
                continue
            try:
                file = checks.resolve_internal(url.partition("#")[0], out, base_url)
            except OutsideBase:
                file = None
            if file is not None and not file.is_file():
                problems.append(f"{what}: link {url!r} in its HTML -> missing {_rel(file, out)}")
    return problems


def feeds_of(page: Page, out: Path, base_url: str) -> set[Path]:
    """The files of the feeds `page` links in its <head>."""
    files = set()
    for _, href in page.feeds:
        try:
            file = checks.resolve_internal(href, out, base_url, page=page.path)
        except OutsideBase:
            continue
        if file is not None:
            files.add(file)
    return files


def feed_files(out: Path | str) -> list[Path]:
    """Every ``index.xml`` and ``atom.xml`` of the output, sorted."""
    out = Path(out)
    return sorted({*out.glob("**/index.xml"), *out.glob("**/atom.xml")})


def linked_feeds(out: Path | str, base_url: str,
                 pages: Mapping[Path, Page]) -> tuple[dict[Path, set[str]], list[str]]:
    """({feed file: the types it is linked with}, problems) over every page's <head>
    feed links. A problem is a feed link that leaves the site or names no file."""
    out = Path(out)
    found: dict[Path, set[str]] = {}
    problems = []
    for path, page in pages.items():
        for kind, href in page.feeds:
            try:
                file = checks.resolve_internal(href, out, base_url, page=path)
            except OutsideBase as error:
                problems.append(f"{_rel(path, out)}: feed link {error}")
                continue
            if file is None:
                problems.append(f"{_rel(path, out)}: feed link {href!r} is not on the site")
            elif not file.is_file():
                problems.append(f"{_rel(path, out)}: feed link {href!r} -> missing "
                                f"{_rel(file, out)}")
            else:
                found.setdefault(file, set()).add(kind)
    return found, problems


# --------------------------------------------------------------------------- sitemap


@lru_cache(maxsize=None)
def _schema(xsd: Path) -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(xsd)))


def sitemap_schema_errors(path: Path | str, xsd: Path | str = SITEMAP_XSD) -> list[str]:
    """The XSD's complaints about a sitemap file, ``line: message`` each (empty: valid)."""
    try:
        document = etree.parse(str(path), _secure_parser())
    except etree.XMLSyntaxError as error:
        return [f"not well-formed XML: {error}"]
    schema = _schema(Path(xsd).resolve())
    if schema.validate(document):
        return []
    return [f"{error.line}: {error.message}" for error in schema.error_log]


@dataclass
class SitemapEntry:
    loc: str
    lastmod: str | None
    alternates: list[tuple[str, str]]  # (lower-case hreflang, href) of its xhtml:links
    line: int


def read_sitemap(path: Path | str) -> list[SitemapEntry]:
    root = etree.parse(str(path), _secure_parser()).getroot()
    entries = []
    for url in root.findall(f"{_S}url"):
        entries.append(SitemapEntry(
            loc=_text(url.find(f"{_S}loc")) or "",
            lastmod=_text(url.find(f"{_S}lastmod")),
            alternates=[((l.get("hreflang") or "").lower(), l.get("href") or "")
                        for l in url.findall(f"{{{XHTML_NS}}}link")
                        if l.get("rel") == "alternate"],
            line=url.sourceline))
    return entries


_LATER_LISTING_PAGE = re.compile(r"(^|/)page/\d+/index\.html$")


def _is_not_found(path: Path) -> bool:
    return path.name == "404.html"


def sitemap_problems(out: Path | str, base_url: str,
                     pages: Mapping[Path, Page]) -> list[str]:
    """``sitemap.xml`` against the pages (its XSD validity is `sitemap_schema_errors`).

    * It is UTF-8 (the protocol requires it). Each ``<loc>`` appears once, is an absolute
      URL under `base_url`, equals the canonical link of an existing HTML page that is not
      a redirect and not a 404 page.
    * Every page that is not a redirect, a 404 page or a later listing page
      (``…/page/N/``) is listed.
    * Alternates (``xhtml:link``): the URL itself under its page's language, exactly one
      x-default, no hreflang twice, every href a ``<loc>`` of the sitemap whose entry lists
      the same set (reciprocal), and the set equals the page's ``<link rel=alternate
      hreflang>`` in its HTML. A URL without alternates is one whose HTML names no page
      but itself.
    """
    out = Path(out)
    path = out / "sitemap.xml"
    if not path.is_file():
        return ["sitemap.xml: missing"]
    problems: list[str] = []

    def report(line: int | None, message: str) -> None:
        problems.append(f"sitemap.xml:{line if line is not None else '?'}: {message}")

    document = etree.parse(str(path), _secure_parser())
    if (document.docinfo.encoding or "").upper() != "UTF-8":
        report(1, f"encoding {document.docinfo.encoding!r}, the protocol requires UTF-8")
    entries = read_sitemap(path)
    by_loc: dict[str, SitemapEntry] = {}
    listed: set[Path] = set()
    good: list[tuple[SitemapEntry, Page]] = []  # entries naming a page by its canonical URL
    for entry in entries:
        if entry.loc in by_loc:
            report(entry.line, f"<loc> {entry.loc!r} repeats line {by_loc[entry.loc].line}")
            continue
        by_loc[entry.loc] = entry
        if not checks.on_base(entry.loc, base_url):
            report(entry.line, f"<loc> {entry.loc!r} is not an absolute URL under {base_url}")
            continue
        try:
            file = checks.resolve_internal(entry.loc, out, base_url)
        except OutsideBase:
            file = None
        page = pages.get(file) if file is not None else None
        if page is None:
            report(entry.line, f"<loc> {entry.loc!r} is not an HTML page of the site")
            continue
        listed.add(file)
        if checks.is_redirect(page):
            report(entry.line, f"<loc> {entry.loc!r} is a redirect page")
        elif _is_not_found(file):
            report(entry.line, f"<loc> {entry.loc!r} is a 404 page")
        elif page.canonical != entry.loc:
            report(entry.line, f"<loc> {entry.loc!r} is not its page's canonical URL "
                               f"{page.canonical!r}")
        else:
            good.append((entry, page))

    for file, page in pages.items():
        rel = _rel(file, out)
        if (checks.is_redirect(page) or _is_not_found(file)
                or _LATER_LISTING_PAGE.search(rel) or file in listed):
            continue
        report(None, f"{rel} ({checks.page_url(file, out, base_url)}) is not listed")

    for entry, page in good:
        def about(message: str) -> None:
            report(entry.line, f"{entry.loc}: {message}")

        mine = set(entry.alternates)
        html = {(code.lower(), href) for code, href in page.alternates}
        if not entry.alternates:
            others = sorted(href for _, href in html if href != entry.loc)
            if others:
                about(f"no xhtml:link, but its page links {others} with hreflang")
            continue
        codes = [code for code, _ in entry.alternates]
        for code in sorted({c for c in codes if codes.count(c) > 1}):
            about(f"hreflang={code!r} appears {codes.count(code)} times")
        if codes.count("x-default") != 1:
            about(f"{codes.count('x-default')} x-default alternates, expected 1")
        lang = (page.lang or "").lower()
        if (lang, entry.loc) not in mine:
            about(f"no hreflang={lang!r} alternate to itself")
        if mine != html:
            about(f"alternates differ from its page's HTML: only in the sitemap "
                  f"{sorted(mine - html)}, only in the HTML {sorted(html - mine)}")
        for code, href in entry.alternates:
            other = by_loc.get(href)
            if other is None:
                about(f"hreflang={code!r} href {href!r} is not a <loc> of the sitemap")
            elif code != "x-default" and set(other.alternates) != mine:
                about(f"hreflang={code!r} -> {href!r} (line {other.line}) lists other "
                      f"alternates: not reciprocal")
    return problems


def robots_problems(out: Path | str, base_url: str) -> list[str]:
    """``robots.txt`` exists and has a ``Sitemap:`` line with the absolute URL of
    ``sitemap.xml`` (every Sitemap line absolute and naming an existing file)."""
    out = Path(out)
    path = out / "robots.txt"
    if not path.is_file():
        return ["robots.txt: missing"]
    problems = []
    expected = file_url(out / "sitemap.xml", out, base_url)
    named = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        name, colon, value = line.partition(":")
        if not colon or name.strip().lower() != "sitemap":
            continue
        url = value.split("#")[0].strip()
        named.append(url)
        parts = urlsplit(url)
        if not (parts.scheme in ("http", "https") and parts.netloc):
            problems.append(f"robots.txt:{number}: Sitemap {url!r} is not an absolute URL")
            continue
        try:
            file = checks.resolve_internal(url, out, base_url)
        except OutsideBase:
            file = None
        if file is not None and not file.is_file():
            problems.append(f"robots.txt:{number}: Sitemap {url!r} -> missing {_rel(file, out)}")
    if expected not in named:
        problems.append(f"robots.txt: no 'Sitemap: {expected}' line (it names {named})")
    return problems


# --------------------------------------------------------------------------- posts.json


def posts_json_problems(path: Path | str, out: Path | str, base_url: str,
                        pages: Mapping[Path, Page], language: str) -> list[str]:
    """One language's ``posts.json``.

    ``{"language", "title", "url", "posts": [...]}``: `language` as given; ``url`` the
    absolute URL of that language's home page. Each post has a non-empty ``title``,
    ``url`` (absolute, under `base_url`, an existing page in `language` that is not a
    redirect; unique), ``date`` (ISO 8601 with an offset), ``tags`` and ``tasks`` (lists
    of texts), ``translations`` (``{"language", "url"}`` each: another language, a page
    in that language, and together exactly the page's hreflang translations); ``summary``
    a text and ``agency``/``pillar`` ``{"id", "name"}`` texts when present. Posts are
    newest first.
    """
    out = Path(out)
    path = Path(path)
    where = _rel(path, out)
    problems: list[str] = []

    def report(message: str) -> None:
        problems.append(f"{where}: {message}")

    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        return [f"{where}: not JSON: {error}"]
    if not isinstance(document, dict):
        return [f"{where}: the top level is not an object"]
    for key in ("language", "title", "url", "posts"):
        if key not in document:
            report(f"no {key!r}")
    if document.get("language") != language:
        report(f"language {document.get('language')!r}, expected {language!r}")
    if not isinstance(document.get("title"), str) or not document.get("title"):
        report(f"title {document.get('title')!r} is not a non-empty text")

    def page_for(url: object, what: str) -> Page | None:
        if not isinstance(url, str) or not checks.on_base(url, base_url):
            report(f"{what} {url!r} is not an absolute URL under {base_url}")
            return None
        try:
            file = checks.resolve_internal(url, out, base_url)
        except OutsideBase:
            file = None
        page = pages.get(file) if file is not None else None
        if page is None:
            report(f"{what} {url!r} is not a page of the site")
            return None
        if checks.is_redirect(page):
            report(f"{what} {url!r} is a redirect page")
        return page

    home = page_for(document.get("url"), "url")
    if home is not None and (home.lang or "").lower() != language:
        report(f"url {document.get('url')!r} is a page in {home.lang!r}")

    posts = document.get("posts")
    if not isinstance(posts, list):
        report("posts is not a list")
        return problems
    seen: dict[str, int] = {}
    dates: list[tuple[datetime, int]] = []
    for number, post in enumerate(posts, 1):
        what = f"post {number}"
        if not isinstance(post, dict):
            report(f"{what} is not an object")
            continue
        for key in ("title", "url", "date", "tags", "tasks", "translations"):
            if key not in post:
                report(f"{what}: no {key!r}")
        if not isinstance(post.get("title"), str) or not post.get("title", "").strip():
            report(f"{what}: title {post.get('title')!r} is not a non-empty text")
        if "summary" in post and not isinstance(post["summary"], str):
            report(f"{what}: summary {post['summary']!r} is not a text")
        for key in ("tags", "tasks"):
            value = post.get(key, [])
            if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
                report(f"{what}: {key} {value!r} is not a list of texts")
        for key in ("agency", "pillar"):
            if key in post:
                value = post[key]
                if not (isinstance(value, dict) and set(value) == {"id", "name"}
                        and all(isinstance(v, str) and v for v in value.values())):
                    report(f"{what}: {key} {value!r} is not {{'id': text, 'name': text}}")
        url = post.get("url")
        page = page_for(url, f"{what}: url")
        if isinstance(url, str):
            if url in seen:
                report(f"{what}: url {url!r} repeats post {seen[url]}")
            seen[url] = number
        if page is not None and (page.lang or "").lower() != language:
            report(f"{what}: url {url!r} is a page in {page.lang!r}")
        if "date" in post:
            moment = parse_iso_with_offset(post["date"])
            if moment is None:
                report(f"{what}: date {post['date']!r} is not ISO 8601 with an offset")
            else:
                dates.append((moment, number))

        translations = post.get("translations", [])
        if not isinstance(translations, list):
            report(f"{what}: translations {translations!r} is not a list")
            continue
        named = set()
        for t in translations:
            if not (isinstance(t, dict) and set(t) == {"language", "url"}):
                report(f"{what}: translation {t!r} is not {{'language', 'url'}}")
                continue
            if t["language"] == language:
                report(f"{what}: a translation into its own language {language!r}")
            target = page_for(t["url"], f"{what}: translation url")
            if target is not None and (target.lang or "").lower() != str(t["language"]).lower():
                report(f"{what}: translation {t['url']!r} is a page in {target.lang!r}, "
                       f"not {t['language']!r}")
            named.add((str(t["language"]).lower(), t["url"]))
        if page is not None:
            html = {(code.lower(), href) for code, href in page.alternates
                    if code.lower() not in ("x-default", (page.lang or "").lower())}
            if named != html:
                report(f"{what}: translations {sorted(named)} differ from its page's "
                       f"hreflang links {sorted(html)}")
    for (earlier, a), (later, b) in zip(dates, dates[1:]):
        if later > earlier:
            report(f"post {b} ({later.isoformat()}) is newer than post {a} "
                   f"({earlier.isoformat()}): posts must be newest first")
    return problems
