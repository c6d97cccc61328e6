"""Tests of the checkers in checks_outputs.py (feeds, sitemap, robots.txt, posts.json) and
of sitemap.xsd, on a small hand-made site.

As in test_checks.py, each checker is shown to pass a correct site and to report the
fault it is meant to catch, above all the faults it could otherwise let through silently
(a relative link that a feed reader would resolve, a <url> without <loc>, ...).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import checks
import checks_outputs as co

HERE = Path(__file__).resolve().parent
BASE = "https://example.gov.vn/asean/"
XHTML = 'xmlns:xhtml="http://www.w3.org/1999/xhtml"'

# path -> (lang, title, {hreflang: path of the translation}, feed folder, date or None).
# Paths are relative to BASE; "" is the Vietnamese home page.
PAGES = {
    "": ("vi", "Trang chủ", {"en": "en/"}, "", None),
    "tin-tuc/": ("vi", "Tin tức", {"en": "en/news/"}, "tin-tuc/", None),
    "tin-tuc/bai-2/": ("vi", "Bài 2", {}, "", ("2025-07-28", "Mon, 28 Jul 2025")),
    "tin-tuc/bai-1/": ("vi", "Bài 1", {"en": "en/news/post-1/"}, "", ("2021-12-03", "Fri, 03 Dec 2021")),
    "gioi-thieu/": ("vi", "Giới thiệu", {}, "", None),
    "en/": ("en", "Home", {"vi": ""}, "en/", None),
    "en/news/": ("en", "News", {"vi": "tin-tuc/"}, "en/news/", None),
    "en/news/post-1/": ("en", "Post 1", {"vi": "tin-tuc/bai-1/"}, "en/", ("2021-12-03", "Fri, 03 Dec 2021")),
}
# feed folder -> (lang, the posts it lists, newest first)
FEEDS = {
    "": ("vi", ["tin-tuc/bai-2/", "tin-tuc/bai-1/"]),
    "tin-tuc/": ("vi", ["tin-tuc/bai-2/", "tin-tuc/bai-1/"]),
    "en/": ("en", ["en/news/post-1/"]),
    "en/news/": ("en", ["en/news/post-1/"]),
}


def html_page(url: str) -> str:
    lang, title, translations, feeds, _ = PAGES[url]
    versions = {lang: url, **translations}
    default = versions.get("vi", url)
    links = "".join(f'<link rel="alternate" hreflang="{code}" href="{BASE}{href}">\n'
                    for code, href in [*versions.items(), ("x-default", default)])
    return f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<title>{title}</title>
<link rel="canonical" href="{BASE}{url}">
{links}<link rel="alternate" type="application/rss+xml" title="{title}" href="/asean/{feeds}index.xml">
<link rel="alternate" type="application/atom+xml" title="{title}" href="/asean/{feeds}atom.xml">
</head>
<body><main><h1>{title}</h1><p><a href="/asean/">Trang chủ</a></p></main></body>
</html>
"""


# An item's HTML, escaped: a link into the site and one out of it, both absolute.
DESCRIPTION = (f'&lt;p&gt;Xem &lt;a href="{BASE}gioi-thieu/"&gt;giới thiệu&lt;/a&gt; và '
               '&lt;a href="https://asean.org/"&gt;ASEAN&lt;/a&gt;.&lt;/p&gt;')


def rss(folder: str) -> str:
    lang, posts = FEEDS[folder]
    items = "".join(f"""<item>
<title>{PAGES[p][1]}</title>
<link>{BASE}{p}</link>
<guid isPermaLink="true">{BASE}{p}</guid>
<pubDate>{PAGES[p][4][1]} 00:00:00 +0700</pubDate>
<description>{DESCRIPTION}</description>
</item>
""" for p in posts)
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>{PAGES[folder][1]}</title>
<link>{BASE}{folder}</link>
<description>Mô tả</description>
<language>{lang}</language>
<lastBuildDate>{PAGES[posts[0]][4][1]} 00:00:00 +0700</lastBuildDate>
<atom:link href="{BASE}{folder}index.xml" rel="self" type="application/rss+xml"/>
{items}</channel>
</rss>
"""


def atom(folder: str) -> str:
    lang, posts = FEEDS[folder]
    entries = "".join(f"""<entry>
<title>{PAGES[p][1]}</title>
<id>{BASE}{p}</id>
<link rel="alternate" type="text/html" href="{BASE}{p}"/>
<published>{PAGES[p][4][0]}T00:00:00+07:00</published>
<updated>{PAGES[p][4][0]}T00:00:00+07:00</updated>
<summary>Tóm tắt</summary>
</entry>
""" for p in posts)
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{lang}">
<title>{PAGES[folder][1]}</title>
<id>{BASE}{folder}</id>
<link rel="alternate" type="text/html" href="{BASE}{folder}"/>
<link rel="self" type="application/atom+xml" href="{BASE}{folder}atom.xml"/>
<updated>{PAGES[posts[0]][4][0]}T00:00:00+07:00</updated>
<author><name>Đà Nẵng</name></author>
{entries}</feed>
"""


def sitemap() -> str:
    urls = []
    for url, (lang, _, translations, _, date) in PAGES.items():
        lines = [f"<url>\n<loc>{BASE}{url}</loc>"]
        if date:
            lines.append(f"<lastmod>{date[0]}T00:00:00+07:00</lastmod>")
        if translations:
            versions = {lang: url, **translations}
            for code, href in [*versions.items(), ("x-default", versions.get("vi", url))]:
                lines.append(f'<xhtml:link rel="alternate" hreflang="{code}" href="{BASE}{href}"/>')
        urls.append("\n".join(lines) + "\n</url>\n")
    return ('<?xml version="1.0" encoding="utf-8"?>\n'
            f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" {XHTML}>\n'
            + "".join(urls) + "</urlset>\n")


def posts_json(lang: str) -> str:
    home = "" if lang == "vi" else "en/"
    posts = []
    for url in FEEDS[home][1]:
        _, title, translations, _, date = PAGES[url]
        posts.append({
            "title": title, "url": BASE + url, "date": f"{date[0]}T00:00:00+07:00",
            "summary": "Tóm tắt", "tags": ["ASEAN"], "tasks": [],
            "translations": [{"language": code, "url": BASE + href}
                             for code, href in translations.items()],
        })
    posts[0]["agency"] = {"id": "so-noi-vu", "name": "Sở Nội vụ"}
    return json.dumps({"language": lang, "title": PAGES[home][1], "url": BASE + home,
                       "posts": posts}, ensure_ascii=False, indent=2) + "\n"


def write(out: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        file = out / rel
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(text, encoding="utf-8")


NOT_FOUND = html_page("gioi-thieu/").replace(f"{BASE}gioi-thieu/", f"{BASE}404.html")
LATER_LISTING_PAGE = html_page("gioi-thieu/").replace(f"{BASE}gioi-thieu/",
                                                      f"{BASE}tin-tuc/page/2/")


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A correct little bilingual site with its feeds, sitemap, robots.txt, posts.json."""
    out = tmp_path / "Output"
    files = {f"{url}index.html": html_page(url) for url in PAGES}
    for folder in FEEDS:
        files[f"{folder}index.xml"] = rss(folder)
        files[f"{folder}atom.xml"] = atom(folder)
    files.update({
        "404.html": NOT_FOUND,
        # A later listing page is in no sitemap.
        "tin-tuc/page/2/index.html": LATER_LISTING_PAGE,
        "sitemap.xml": sitemap(),
        "robots.txt": f"User-agent: *\nAllow: /\n\nSitemap: {BASE}sitemap.xml\n",
        "posts.json": posts_json("vi"),
        "en/posts.json": posts_json("en"),
    })
    write(out, files)
    return out


def edit(out: Path, rel: str, old: str, new: str, count: int = 1) -> None:
    """Replace `old` (which must be there) in one file of the site."""
    file = out / rel
    text = file.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {rel}"
    file.write_text(text.replace(old, new, count), encoding="utf-8")


def feed(out: Path, rel: str) -> list[str]:
    return co.feed_problems(out / rel, out, BASE, checks.parse_site(out))


def one_problem(problems: list[str], *parts: str) -> None:
    assert len(problems) == 1 and all(part in problems[0] for part in parts), problems


# ----------------------------------------------------------------- a correct site


def test_correct_site_passes_every_check(site):
    pages = checks.parse_site(site)
    feeds = co.feed_files(site)
    assert len(feeds) == 8
    for path in feeds:
        assert co.feed_problems(path, site, BASE, pages) == []
        assert co.feed_body_link_problems(path, site, BASE) == []
    linked, problems = co.linked_feeds(site, BASE, pages)
    assert problems == [] and set(linked) == set(feeds)
    assert co.sitemap_schema_errors(site / "sitemap.xml") == []
    assert co.sitemap_problems(site, BASE, pages) == []
    assert co.robots_problems(site, BASE) == []
    assert co.posts_json_problems(site / "posts.json", site, BASE, pages, "vi") == []
    assert co.posts_json_problems(site / "en/posts.json", site, BASE, pages, "en") == []
    assert checks.hreflang_problems(site, BASE, pages) == []


def test_read_feed(site):
    for name in ("index.xml", "atom.xml"):
        parsed = co.read_feed((site / name).read_bytes())
        assert parsed.kind == ("rss" if name == "index.xml" else "atom")
        assert (parsed.title, parsed.link, parsed.language) == ("Trang chủ", BASE, "vi")
        assert parsed.self_links == [BASE + name]
        assert [item.link for item in parsed.items] == [BASE + "tin-tuc/bai-2/",
                                                        BASE + "tin-tuc/bai-1/"]
        assert parsed.problems == []


@pytest.mark.parametrize("text, ok", [
    ("Mon, 28 Jul 2025 00:00:00 +0700", True),
    ("28 Jul 2025 00:00 GMT", True),
    ("Tue, 28 Jul 2025 00:00:00 +0700", False),  # 28 July 2025 was a Monday
    ("Mon, 28 Jul 2025 00:00:00", False),        # no zone
    ("Mon, 28 Jul 25 00:00:00 +0700", False),    # 2-digit year
    ("2025-07-28T00:00:00+07:00", False),
])
def test_parse_rfc822(text, ok):
    assert (co.parse_rfc822(text) is not None) == ok


@pytest.mark.parametrize("text, ok", [
    ("2025-07-28T00:00:00+07:00", True),
    ("2025-07-28T00:00:00.5Z", True),
    ("2025-07-28T00:00:00", False),   # no zone
    ("2025-07-28", False),
    ("2025-07-28 00:00:00+07:00", False),
    ("2025-13-28T00:00:00Z", False),
])
def test_parse_rfc3339(text, ok):
    assert (co.parse_rfc3339(text) is not None) == ok


# ----------------------------------------------------------------- feeds


def test_relative_item_link_is_reported(site):
    # feedparser alone would not tell: it resolves relative links against the feed.
    edit(site, "index.xml", f"<link>{BASE}tin-tuc/bai-1/</link>", "<link>tin-tuc/bai-1/</link>")
    one_problem(feed(site, "index.xml"), "item 2", "'tin-tuc/bai-1/' is not an absolute URL")


def test_root_relative_atom_link_is_reported(site):
    edit(site, "atom.xml", f'href="{BASE}tin-tuc/bai-2/"', 'href="/asean/tin-tuc/bai-2/"')
    one_problem(feed(site, "atom.xml"), "item 1", "is not an absolute URL")


def test_link_to_another_host_is_reported(site):
    edit(site, "tin-tuc/index.xml", f"<link>{BASE}tin-tuc/bai-2/</link>",
         "<link>https://example.org/asean/tin-tuc/bai-2/</link>")
    one_problem(feed(site, "tin-tuc/index.xml"), "is not under " + BASE)


def test_self_link_that_is_not_the_feed_is_reported(site):
    edit(site, "tin-tuc/atom.xml", f'href="{BASE}tin-tuc/atom.xml"', f'href="{BASE}atom.xml"')
    one_problem(feed(site, "tin-tuc/atom.xml"), "is not the feed's own URL")
    edit(site, "tin-tuc/index.xml", f'href="{BASE}tin-tuc/index.xml"', 'href="/asean/tin-tuc/index.xml"')
    assert any("self link '/asean/tin-tuc/index.xml' is not an absolute URL" in p
               for p in feed(site, "tin-tuc/index.xml"))


def test_missing_self_link_is_reported(site):
    edit(site, "en/index.xml", f'<atom:link href="{BASE}en/index.xml" rel="self" '
                               'type="application/rss+xml"/>\n', "")
    one_problem(feed(site, "en/index.xml"), "0 self links, expected 1")


def test_item_in_the_other_language_is_reported(site):
    edit(site, "en/atom.xml", f'href="{BASE}en/news/post-1/"', f'href="{BASE}tin-tuc/bai-1/"')
    one_problem(feed(site, "en/atom.xml"), "is a page in 'vi', in a feed in 'en'")


def test_item_linking_a_missing_or_redirect_page_is_reported(site):
    edit(site, "index.xml", f"<link>{BASE}tin-tuc/bai-1/</link>", f"<link>{BASE}tin-tuc/bai-3/</link>")
    one_problem(feed(site, "index.xml"), "is not a page of the site", "tin-tuc/bai-3/index.html")
    write(site, {"tin-cu/index.html": (
        '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>x</title>'
        f'<meta http-equiv="refresh" content="0; url={BASE}tin-tuc/bai-1/"></head></html>')})
    edit(site, "atom.xml", f'href="{BASE}tin-tuc/bai-1/"', f'href="{BASE}tin-cu/"')
    one_problem(feed(site, "atom.xml"), "is a redirect page")


def test_items_oldest_first_are_reported(site):
    for name, tag in (("index.xml", "item"), ("atom.xml", "entry")):
        text = (site / name).read_text(encoding="utf-8")
        first = text.index(f"<{tag}>")
        middle = text.index(f"<{tag}>", first + 1)
        end = text.index(f"</{tag}>", middle) + len(f"</{tag}>\n")
        swapped = text[:first] + text[middle:end] + text[first:middle] + text[end:]
        (site / name).write_text(swapped, encoding="utf-8")
        one_problem(feed(site, name), "item 2", "is newer than item 1", "newest first")


def test_repeated_guid_and_id_are_reported(site):
    edit(site, "index.xml", f'<guid isPermaLink="true">{BASE}tin-tuc/bai-1/</guid>',
         f'<guid isPermaLink="true">{BASE}tin-tuc/bai-2/</guid>')
    one_problem(feed(site, "index.xml"), "item 2", "repeats that of item 1")
    edit(site, "atom.xml", f"<id>{BASE}tin-tuc/bai-1/</id>", f"<id>{BASE}tin-tuc/bai-2/</id>")
    one_problem(feed(site, "atom.xml"), "item 2", "repeats that of item 1")


@pytest.mark.parametrize("element", ["title", "link", "guid", "pubDate"])
def test_rss_item_without_a_required_element_is_reported(site, element):
    text = (site / "en/index.xml").read_text(encoding="utf-8")
    start = text.index(f"<{element}", text.index("<item>"))
    end = text.index(f"</{element}>", start) + len(f"</{element}>\n")
    (site / "en/index.xml").write_text(text[:start] + text[end:], encoding="utf-8")
    assert any(f"item 1 (line 10): no <{element}>" in p for p in feed(site, "en/index.xml")), \
        feed(site, "en/index.xml")


@pytest.mark.parametrize("element", ["title", "link", "description", "lastBuildDate"])
def test_rss_channel_without_a_required_element_is_reported(site, element):
    text = (site / "en/index.xml").read_text(encoding="utf-8")
    start = text.index(f"<{element}>")
    end = text.index(f"</{element}>", start) + len(f"</{element}>\n")
    (site / "en/index.xml").write_text(text[:start] + text[end:], encoding="utf-8")
    assert f"en/index.xml: channel: no <{element}>" in feed(site, "en/index.xml")


@pytest.mark.parametrize("old, new, expected", [
    ("<author><name>Đà Nẵng</name></author>\n", "", ("feed: no <author>",)),
    ("<id>https://example.gov.vn/asean/en/</id>\n", "", ("feed: no <id>",)),
    ("<updated>2021-12-03T00:00:00+07:00</updated>\n<author>", "<author>",
     ("feed: no <updated>",)),
    ("<updated>2021-12-03T00:00:00+07:00</updated>\n<summary>", "<summary>",
     ("entry 1 (line 9)", "no <updated>")),
    ('<link rel="alternate" type="text/html" href="https://example.gov.vn/asean/en/news/post-1/"/>\n',
     "", ("entry 1 (line 9)", "no rel=alternate link")),
    ("<title>Post 1</title>\n", "", ("entry 1 (line 9)", "no <title>")),
    ("<id>https://example.gov.vn/asean/en/news/post-1/</id>", "<id>post-1</id>",
     ("item 1", "id 'post-1' is not an absolute IRI")),
])
def test_atom_without_what_rfc_4287_requires_is_reported(site, old, new, expected):
    edit(site, "en/atom.xml", old, new)
    problems = feed(site, "en/atom.xml")
    assert any(all(part in p for part in expected) for p in problems), problems


def test_author_in_every_entry_is_enough(site):
    edit(site, "en/atom.xml", "<author><name>Đà Nẵng</name></author>\n", "")
    edit(site, "en/atom.xml", "<summary>", "<author><name>Ban biên tập</name></author>\n<summary>")
    assert feed(site, "en/atom.xml") == []


def test_bad_dates_are_reported(site):
    edit(site, "index.xml", "<pubDate>Mon, 28 Jul 2025", "<pubDate>Tue, 28 Jul 2025")
    one_problem(feed(site, "index.xml"), "item 1", "is not RFC 822")
    edit(site, "atom.xml", "<updated>2021-12-03T00:00:00+07:00</updated>",
         "<updated>2021-12-03T00:00:00</updated>")
    one_problem(feed(site, "atom.xml"), "item 2", "is not RFC 3339")


def test_feed_older_than_its_newest_item_is_reported(site):
    edit(site, "index.xml", "<lastBuildDate>Mon, 28 Jul 2025", "<lastBuildDate>Sun, 27 Jul 2025")
    one_problem(feed(site, "index.xml"), "item 1", "is after the feed's")


def test_malformed_feed_is_reported_by_feedparser(site):
    edit(site, "en/news/index.xml", "<description>Mô tả</description>",
         "<description>R&D</description>")
    problems = feed(site, "en/news/index.xml")
    assert any("feedparser:" in p for p in problems), problems
    assert any("not well-formed XML" in p for p in problems), problems


def test_wrong_format_for_the_file_name_is_reported(site):
    (site / "en/news/atom.xml").write_text(rss("en/news/").replace(
        f"{BASE}en/news/index.xml", f"{BASE}en/news/atom.xml"), encoding="utf-8")
    one_problem(feed(site, "en/news/atom.xml"), "reads it as 'rss20', expected 'atom10'")


def test_feed_its_page_does_not_link_is_reported(site):
    edit(site, "tin-tuc/index.html", "/asean/tin-tuc/atom.xml", "/asean/atom.xml")
    one_problem(feed(site, "tin-tuc/atom.xml"), "does not link it in <head>")


def test_feed_of_the_wrong_page_is_reported(site):
    edit(site, "tin-tuc/index.xml", f"<link>{BASE}tin-tuc/</link>", f"<link>{BASE}</link>")
    assert any("is not the page whose folder holds the feed" in p
               for p in feed(site, "tin-tuc/index.xml"))


def test_relative_and_broken_links_in_feed_html_are_reported(site):
    edit(site, "en/index.xml", f'href="{BASE}gioi-thieu/"', 'href="#fn-1"')
    one_problem(co.feed_body_link_problems(site / "en/index.xml", site, BASE),
                "item 1", "'#fn-1'", "not absolute")
    edit(site, "index.xml", f'href="{BASE}gioi-thieu/"', f'href="{BASE}khong-co/"', -1)
    problems = co.feed_body_link_problems(site / "index.xml", site, BASE)
    assert len(problems) == 2 and all("missing khong-co/index.html" in p for p in problems)
    # Atom HTML content too.
    edit(site, "atom.xml", "<summary>Tóm tắt</summary>",
         '<content type="html">&lt;img src="anh.jpg" alt=""&gt;</content>')
    one_problem(co.feed_body_link_problems(site / "atom.xml", site, BASE), "'anh.jpg'")


def test_linked_feeds_reports_missing_feeds(site):
    (site / "en/news/atom.xml").unlink()
    linked, problems = co.linked_feeds(site, BASE, checks.parse_site(site))
    one_problem(problems, "en/news/index.html", "missing en/news/atom.xml")
    assert site / "en/news/atom.xml" not in linked


# ----------------------------------------------------------------- sitemap.xsd


URLSET = ('<?xml version="1.0" encoding="utf-8"?>\n'
          f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" {XHTML}>\n')


@pytest.mark.parametrize("url, valid", [
    (f"<url><loc>{BASE}</loc></url>", True),
    (f"<url><loc>{BASE}</loc><lastmod>2025-07-28</lastmod><changefreq>weekly</changefreq>"
     f"<priority>0.5</priority>"
     f'<xhtml:link rel="alternate" hreflang="x-default" href="{BASE}"/></url>', True),
    (f"<url><loc>{BASE}</loc><lastmod>2025-07-28T00:00:00Z</lastmod></url>", True),
    ("<url><lastmod>2025-07-28</lastmod></url>", False),                        # no <loc>
    (f"<url><lastmod>2025-07-28</lastmod><loc>{BASE}</loc></url>", False),      # order
    (f"<url><loc>{BASE}</loc><loc>{BASE}en/</loc></url>", False),               # two <loc>
    ("<url><loc>/asean/tin-tuc/</loc></url>", False),                           # relative
    (f"<url><loc>{BASE}</loc><lastmod>2025-07-28T00:00:00</lastmod></url>", False),  # no zone
    (f"<url><loc>{BASE}</loc><lastmod>28/07/2025</lastmod></url>", False),
    (f"<url><loc>{BASE}</loc><changefreq>often</changefreq></url>", False),
    (f"<url><loc>{BASE}</loc><priority>1.5</priority></url>", False),
    (f'<url><loc>{BASE}</loc><xhtml:link rel="alternate" hreflang="vi"/></url>', False),
    (f'<url><loc>{BASE}</loc><xhtml:link rel="next" hreflang="vi" href="{BASE}"/></url>', False),
    (f'<url><loc>{BASE}</loc><xhtml:link rel="alternate" hreflang="vi vn" href="{BASE}"/></url>', False),
    (f'<url><loc>{BASE}</loc><xhtml:link rel="alternate" hreflang="vi" href="/asean/"/></url>', False),
    (f'<url><loc>{BASE}</loc><xhtml:meta name="x"/></url>', False),
    (f'<url><loc>{BASE}</loc><image xmlns="http://example.org/x"/></url>', False),
    ("", False),                                                                # no <url>
])
def test_sitemap_xsd(tmp_path, url, valid):
    path = tmp_path / "sitemap.xml"
    path.write_text(URLSET + url + "\n</urlset>\n", encoding="utf-8")
    errors = co.sitemap_schema_errors(path)
    assert (errors == []) == valid, errors
    if shutil.which("xmllint"):
        run = subprocess.run(["xmllint", "--noout", "--nonet", "--schema", str(co.SITEMAP_XSD),
                              str(path)], capture_output=True, text=True)
        assert (run.returncode == 0) == valid, run.stderr


def test_sitemap_xsd_rejects_a_wrong_namespace(tmp_path):
    path = tmp_path / "sitemap.xml"
    path.write_text(URLSET.replace("sitemap/0.9", "sitemap/0.8")
                    + f"<url><loc>{BASE}</loc></url></urlset>", encoding="utf-8")
    assert co.sitemap_schema_errors(path) != []


# ----------------------------------------------------------------- sitemap against the pages


def sitemap_problems(site: Path) -> list[str]:
    return co.sitemap_problems(site, BASE, checks.parse_site(site))


def test_unlisted_page_is_reported(site):
    text = (site / "sitemap.xml").read_text(encoding="utf-8")
    start = text.index(f"<url>\n<loc>{BASE}gioi-thieu/</loc>")
    end = text.index("</url>\n", start) + len("</url>\n")
    (site / "sitemap.xml").write_text(text[:start] + text[end:], encoding="utf-8")
    one_problem(sitemap_problems(site), "gioi-thieu/index.html", "is not listed")


@pytest.mark.parametrize("loc, expected", [
    ("404.html", "is a 404 page"),
    ("tin-cu/", "is a redirect page"),
    ("khong-co/", "is not an HTML page of the site"),
    ("gioi-thieu", "is not its page's canonical URL"),   # no trailing slash
])
def test_listed_non_pages_are_reported(site, loc, expected):
    write(site, {"tin-cu/index.html": (
        '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>x</title>'
        f'<meta http-equiv="refresh" content="0; url={BASE}"></head></html>')})
    edit(site, "sitemap.xml", "</urlset>", f"<url>\n<loc>{BASE}{loc}</loc>\n</url>\n</urlset>")
    one_problem(sitemap_problems(site), expected)


def test_relative_loc_and_repeated_loc_are_reported(site):
    edit(site, "sitemap.xml", f"<loc>{BASE}gioi-thieu/</loc>", "<loc>/asean/gioi-thieu/</loc>")
    problems = sitemap_problems(site)
    assert any("'/asean/gioi-thieu/' is not an absolute URL" in p for p in problems), problems
    assert any("gioi-thieu/index.html" in p and "is not listed" in p for p in problems), problems
    edit(site, "sitemap.xml", "<loc>/asean/gioi-thieu/</loc>", f"<loc>{BASE}en/</loc>")
    assert any("repeats line" in p for p in sitemap_problems(site))


def test_non_reciprocal_sitemap_alternates_are_reported(site):
    # en/news/post-1/ no longer names its Vietnamese version in the sitemap.
    edit(site, "sitemap.xml",
         f'<xhtml:link rel="alternate" hreflang="vi" href="{BASE}tin-tuc/bai-1/"/>\n'
         f'<xhtml:link rel="alternate" hreflang="x-default" href="{BASE}tin-tuc/bai-1/"/>\n</url>\n'
         f'</urlset>',
         f'<xhtml:link rel="alternate" hreflang="x-default" href="{BASE}en/news/post-1/"/>\n</url>\n'
         f'</urlset>')
    problems = sitemap_problems(site)
    assert any("tin-tuc/bai-1/" in p and "not reciprocal" in p for p in problems), problems
    assert any("alternates differ from its page's HTML" in p for p in problems), problems


def test_sitemap_alternates_that_differ_from_the_html_are_reported(site):
    # Reciprocal in the sitemap, but the pages say otherwise.
    for url in ("en/", ""):
        edit(site, f"{url}index.html", f'hreflang="x-default" href="{BASE}"',
             f'hreflang="x-default" href="{BASE}en/"')
    problems = sitemap_problems(site)
    assert len(problems) == 2 and all("differ from its page's HTML" in p for p in problems), problems


def test_missing_sitemap_alternates_are_reported(site):
    text = (site / "sitemap.xml").read_text(encoding="utf-8")
    start = text.index(f"<url>\n<loc>{BASE}en/news/</loc>")
    end = text.index("</url>", start)
    block = text[start:end]
    stripped = "\n".join(l for l in block.splitlines() if "xhtml:link" not in l) + "\n"
    (site / "sitemap.xml").write_text(text[:start] + stripped + text[end:], encoding="utf-8")
    problems = sitemap_problems(site)
    assert any("en/news/" in p and "no xhtml:link, but its page links" in p
               for p in problems), problems
    assert any("not reciprocal" in p for p in problems), problems


def test_two_x_defaults_and_a_missing_self_alternate_are_reported(site):
    edit(site, "sitemap.xml",
         f'<xhtml:link rel="alternate" hreflang="en" href="{BASE}en/"/>',
         f'<xhtml:link rel="alternate" hreflang="x-default" href="{BASE}en/"/>')
    problems = sitemap_problems(site)
    assert any("2 x-default alternates" in p for p in problems), problems


def test_robots_problems(site):
    assert co.robots_problems(site, BASE) == []
    edit(site, "robots.txt", f"Sitemap: {BASE}sitemap.xml", "Sitemap: /asean/sitemap.xml")
    problems = co.robots_problems(site, BASE)
    assert any("is not an absolute URL" in p for p in problems)
    assert any(f"no 'Sitemap: {BASE}sitemap.xml' line" in p for p in problems)
    (site / "robots.txt").unlink()
    assert co.robots_problems(site, BASE) == ["robots.txt: missing"]


# ----------------------------------------------------------------- posts.json


def posts_problems(site: Path, lang: str = "vi") -> list[str]:
    file = "posts.json" if lang == "vi" else "en/posts.json"
    return co.posts_json_problems(site / file, site, BASE, checks.parse_site(site), lang)


def mutate_posts(site: Path, change, lang: str = "vi") -> None:
    file = site / ("posts.json" if lang == "vi" else "en/posts.json")
    document = json.loads(file.read_text(encoding="utf-8"))
    change(document)
    file.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")


@pytest.mark.parametrize("change, expected", [
    (lambda d: d["posts"][0].update(url="/asean/tin-tuc/bai-2/"), "is not an absolute URL"),
    (lambda d: d["posts"][0].update(url=BASE + "khong-co/"), "is not a page of the site"),
    (lambda d: d["posts"][0].update(url=BASE + "en/news/post-1/"), "is a page in 'en'"),
    (lambda d: d["posts"][0].update(date="2025-07-28T00:00:00"), "ISO 8601 with an offset"),
    (lambda d: d["posts"][0].update(date="2025-07-28"), "ISO 8601 with an offset"),
    (lambda d: d["posts"].reverse(), "newest first"),
    (lambda d: d["posts"][1].pop("translations"), "no 'translations'"),
    (lambda d: d["posts"][1].update(tags="ASEAN"), "is not a list of texts"),
    (lambda d: d["posts"][0].update(agency={"id": "so-noi-vu"}), "agency"),
    (lambda d: d["posts"][1]["translations"][0].update(url=BASE + "tin-tuc/bai-2/"),
     "is a page in 'vi', not 'en'"),
    (lambda d: d["posts"][1]["translations"][0].update(url=BASE + "en/"),
     "differ from its page's hreflang links"),
    (lambda d: d["posts"][1].update(translations=[]), "differ from its page's hreflang links"),
    (lambda d: d.update(language="en"), "language 'en', expected 'vi'"),
    (lambda d: d.update(url=BASE + "en/"), "is a page in 'en'"),
    (lambda d: d["posts"].append(dict(d["posts"][1])), "repeats post 2"),
])
def test_faulty_posts_json_is_reported(site, change, expected):
    mutate_posts(site, change)
    problems = posts_problems(site)
    assert problems and any(expected in p for p in problems), problems


def test_translation_into_its_own_language_is_reported(site):
    mutate_posts(site, lambda d: d["posts"][0]["translations"][0].update(language="en"), "en")
    assert any("a translation into its own language 'en'" in p
               for p in posts_problems(site, "en"))


def test_posts_json_that_is_not_json_is_reported(site):
    (site / "posts.json").write_text('{"posts": [', encoding="utf-8")
    one_problem(posts_problems(site), "posts.json: not JSON")


# ----------------------------------------------------------------- the site tests


def run_feed_tests(out: Path) -> subprocess.CompletedProcess:
    """test_feeds_sitemap.py on `out` as the 'content' site (the extended site needs the
    generator, and is not what is tested here)."""
    env = dict(os.environ, PORTAL_SITE=str(out), PORTAL_BASE_URL=BASE)
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-rfs", "-p", "no:cacheprovider",
         "-k", "content and not extended", str(HERE / "test_feeds_sitemap.py")],
        env=env, capture_output=True, text=True, cwd=HERE)


def failed_tests(run: subprocess.CompletedProcess) -> list[str]:
    return sorted(line.split("::")[1].split()[0].split("[")[0]
                  for line in run.stdout.splitlines() if line.startswith("FAILED"))


def test_feed_tests_pass_on_a_correct_site(site):
    run = run_feed_tests(site)
    assert run.returncode == 0 and " passed" in run.stdout, run.stdout + run.stderr


def editing(rel: str, old: str, new: str):
    return lambda out: edit(out, rel, old, new)


def drop_entry(out: Path, rel: str, title: str) -> None:
    """Remove the Atom entry with that title from a feed."""
    text = (out / rel).read_text(encoding="utf-8")
    start = text.index(f"<entry>\n<title>{title}</title>")
    end = text.index("</entry>\n", start) + len("</entry>\n")
    (out / rel).write_text(text[:start] + text[end:], encoding="utf-8")


XMLLINT = ["test_xmllint_agrees_the_sitemap_is_valid"] if shutil.which("xmllint") else []


@pytest.mark.parametrize("change, failing", [
    (editing("sitemap.xml", f"<loc>{BASE}gioi-thieu/</loc>", f"<loc>{BASE}404.html</loc>"),
     ["test_sitemap_lists_every_page_once_with_reciprocal_alternates"]),
    (editing("sitemap.xml", "</loc>\n</url>", "</loc>\n<priority>2</priority>\n</url>"),
     ["test_sitemap_is_valid_against_the_xsd", *XMLLINT]),
    (editing("sitemap.xml", "<lastmod>2021-12-03T", "<lastmod>2020-12-03T"),
     ["test_sitemap_lastmod_of_a_post_is_not_before_its_date"]),
    (editing("tin-tuc/atom.xml", "<published>2021-12-03", "<published>2026-12-03"),
     ["test_feeds_are_valid"]),
    # The home feed no longer carries the newest post of posts.json.
    (editing("index.xml", f"<link>{BASE}tin-tuc/bai-2/</link>", f"<link>{BASE}gioi-thieu/</link>"),
     ["test_every_feed_item_is_a_post", "test_home_feeds_list_the_newest_posts"]),
    # The section's Atom feed lacks its older post.
    (lambda out: drop_entry(out, "tin-tuc/atom.xml", "Bài 1"),
     ["test_section_feeds_list_the_newest_posts_of_their_section"]),
    # A feed that no page links, whose self link is another feed's.
    (lambda out: write(out, {"gioi-thieu/index.xml": rss("")}),
     ["test_feeds_are_linked_and_exist", "test_feeds_are_valid"]),
    (editing("gioi-thieu/index.html", 'type="application/rss+xml"', 'type="application/rdf+xml"'),
     ["test_every_page_links_an_rss_and_an_atom_feed_of_its_language"]),
    (editing("robots.txt", "Sitemap:", "Site-map:"), ["test_robots_txt_names_the_sitemap"]),
    (editing("en/posts.json", '"date": "2021-12-03T00:00:00+07:00"', '"date": "2021-12-03"'),
     ["test_posts_json"]),
])
def test_feed_tests_fail_on_a_faulty_site(site, change, failing):
    change(site)
    run = run_feed_tests(site)
    assert failed_tests(run) == failing, run.stdout + run.stderr
