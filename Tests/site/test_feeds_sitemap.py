"""The machine-readable outputs of a built site: RSS and Atom feeds, sitemap.xml,
robots.txt and posts.json (checkers in checks_outputs.py, tested in
test_checks_outputs.py).

Every test runs on two builds (see conftest and sitebuild): ``content``, the
repository's Content/ (`built_site`), and ``extended``, Content/ plus made-up pages
(`extended_site`) with more posts than a feed holds, paginated listings, aliases, a
nested section, an undated page, a draft, a future post and full-content feeds. Like
test_built_site.py, each test gathers every problem and fails once with all of them.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from datetime import datetime
from pathlib import Path
from typing import NamedTuple

import pytest
from lxml import etree

import checks
import checks_outputs as co
import sitebuild
from test_built_site import expect_none

# The number of items in a feed when site.yml sets no `feeds.limit` (the generator's
# default).
FEED_LIMIT = 20
# `feeds:` then, indented under it, `limit: N`.
_FEED_LIMIT = re.compile(r"^feeds\s*:[^\n]*\n(?:[ \t]+[^\n]*\n)*?[ \t]+limit\s*:\s*(\d+)",
                         re.MULTILINE)

# (language, its posts.json, its home page's folder) of the two languages.
LANGUAGES = [("vi", "posts.json", ""), ("en", "en/posts.json", "en/")]


class Built(NamedTuple):
    name: str
    out: Path
    base_url: str
    pages: dict[Path, checks.Page]
    feed_limit: int


def feed_limit(site_yml: Path | None) -> int:
    """site.yml's feeds.limit, else the default; the default too without a site.yml (a
    site built elsewhere, PORTAL_SITE)."""
    if site_yml is None or not site_yml.is_file():
        return FEED_LIMIT
    match = _FEED_LIMIT.search(site_yml.read_text(encoding="utf-8"))
    return int(match.group(1)) if match else FEED_LIMIT


@pytest.fixture(scope="module", params=["content", "extended"])
def site(request) -> Built:
    if request.param == "content":
        out, base_url = request.getfixturevalue("built_site")
        pages = request.getfixturevalue("site_pages")
        site_yml = None if os.environ.get("PORTAL_SITE") else sitebuild.REPO / "Content/site.yml"
    else:
        out, base_url = request.getfixturevalue("extended_site")
        pages = checks.parse_site(out)
        site_yml = out.parent / "Content" / "site.yml"
    return Built(request.param, out, base_url, pages, feed_limit(site_yml))


def rel(path: Path, out: Path) -> str:
    return path.relative_to(out).as_posix()


def all_feeds(site: Built) -> list[Path]:
    """The feeds linked from any page's <head> and those found by file name."""
    linked, _ = co.linked_feeds(site.out, site.base_url, site.pages)
    return sorted(set(linked) | set(co.feed_files(site.out)))


def read_posts(site: Built, file: str) -> list[dict]:
    return json.loads((site.out / file).read_text(encoding="utf-8"))["posts"]


def read_feed(path: Path) -> co.Feed | None:
    """The feed, or None when it cannot be read (test_feeds_are_valid reports why)."""
    try:
        return co.read_feed(path.read_bytes())
    except (etree.XMLSyntaxError, ValueError):
        return None


def item_links(path: Path) -> list[str | None] | None:
    feed = read_feed(path)
    return None if feed is None else [item.link for item in feed.items]


# ----------------------------------------------------------------------------- feeds


def test_feeds_are_linked_and_exist(site):
    """Every feed a page links exists; every index.xml/atom.xml is linked from a page
    with the right type; each language's home page links its own two feeds."""
    linked, problems = co.linked_feeds(site.out, site.base_url, site.pages)
    globbed = set(co.feed_files(site.out))
    expected_type = {"index.xml": "application/rss+xml", "atom.xml": "application/atom+xml"}
    for file, kinds in sorted(linked.items()):
        if file not in globbed:
            problems.append(f"{rel(file, site.out)}: linked as a feed, but not named "
                            f"index.xml or atom.xml")
        elif kinds != {expected_type[file.name]}:
            problems.append(f"{rel(file, site.out)}: linked with type(s) {sorted(kinds)}")
    for file in sorted(globbed - set(linked)):
        problems.append(f"{rel(file, site.out)}: no page links it")
    for _, _, home in LANGUAGES:
        page = site.pages.get(site.out / home / "index.html")
        if page is None:
            problems.append(f"{home}index.html: missing")
            continue
        own = {(site.out / home / "index.xml"), (site.out / home / "atom.xml")}
        files = co.feeds_of(page, site.out, site.base_url)
        if files != own:
            problems.append(f"{home}index.html: links feeds "
                            f"{sorted(rel(f, site.out) for f in files)}, expected its "
                            f"own {sorted(rel(f, site.out) for f in own)}")
    expect_none(problems, "feed link problems")
    assert len(globbed) >= 4, "fewer feeds than the two home pages' RSS and Atom"


def test_every_page_links_an_rss_and_an_atom_feed_of_its_language(site):
    problems = []
    languages: dict[Path, str | None] = {}
    for path, page in site.pages.items():
        if checks.is_redirect(page):
            continue  # redirect_problems: no feeds at all
        where = rel(path, site.out)
        kinds = [kind for kind, _ in page.feeds]
        for kind in sorted(checks.FEED_TYPES):
            if kinds.count(kind) != 1:
                problems.append(f"{where}: {kinds.count(kind)} {kind} links, expected 1")
        for kind, href in page.feeds:
            try:
                file = checks.resolve_internal(href, site.out, site.base_url, page=path)
            except checks.OutsideBase as error:
                problems.append(f"{where}: {error}")
                continue
            if file is None or not file.is_file():
                problems.append(f"{where}: feed {href!r} does not exist")
                continue
            if file not in languages:
                feed = read_feed(file)
                languages[file] = feed.language if feed else None
            if (languages[file] or "").lower() != (page.lang or "").lower():
                problems.append(f"{where}: a page in {page.lang!r} links the "
                                f"{languages[file]!r} feed {href!r}")
    expect_none(problems, "pages without their feeds")


def test_feeds_are_valid(site):
    """feedparser reads each feed without complaint as the expected version; feed and
    items have what RSS 2.0 / RFC 4287 require; URLs are absolute, on the site and
    resolve; items are in the feed's language, unique and newest first."""
    feeds = all_feeds(site)
    assert feeds, "no feeds"
    problems = []
    for path in feeds:
        problems += co.feed_problems(path, site.out, site.base_url, pages=site.pages)
    expect_none(problems, "feed problems")


def test_links_in_feed_html_are_absolute(site):
    problems = []
    for path in all_feeds(site):
        problems += co.feed_body_link_problems(path, site.out, site.base_url)
    expect_none(problems, "relative or broken links in feed HTML")


@pytest.mark.parametrize("language, posts_file, home", LANGUAGES)
def test_home_feeds_list_the_newest_posts(site, language, posts_file, home):
    """A language's home feeds carry its newest posts: the first min(20, n) of its
    posts.json (20, or site.yml's feeds.limit), in the same order; both feeds alike."""
    posts = [post["url"] for post in read_posts(site, posts_file)]
    expected = posts[:min(site.feed_limit, len(posts))]
    for name in ("index.xml", "atom.xml"):
        links = item_links(site.out / home / name)
        assert links == expected, (
            f"{home}{name}: {len(links)} items, posts.json has {len(posts)} posts; "
            f"first differences: {[(a, b) for a, b in zip(links, expected) if a != b][:3]}")


def test_section_feeds_list_the_newest_posts_of_their_section(site):
    """A section's feeds carry the newest posts under its URL (subsections included): the
    first min(20, n) of those in its language's posts.json; RSS and Atom alike."""
    posts = {language: [post["url"] for post in read_posts(site, file)]
             for language, file, _ in LANGUAGES}
    homes = {home for _, _, home in LANGUAGES}
    problems = []
    for path in all_feeds(site):
        folder = rel(path.parent, site.out) + "/" if path.parent != site.out else ""
        if folder in homes:
            continue
        feed = read_feed(path)
        if feed is None:
            problems.append(f"{rel(path, site.out)}: cannot be read")
            continue
        owner = feed.link or ""
        language = (feed.language or "").lower()
        mine = [url for url in posts.get(language, []) if url.startswith(owner)]
        expected = mine[:min(site.feed_limit, len(mine))]
        links = [item.link for item in feed.items]
        if links != expected:
            problems.append(f"{rel(path, site.out)}: items {links[:5]}... ({len(links)}), "
                            f"expected {expected[:5]}... ({len(expected)})")
    expect_none(problems, "section feeds that are not their section's newest posts")


def _output_files(out: Path) -> dict[str, bytes]:
    return {rel(path, out): path.read_bytes() for path in sorted(out.rglob("*"))
            if path.is_file() and path.suffix in (".xml", ".json", ".txt")}


def test_feeds_and_sitemap_are_reproducible(site, tmp_path):
    """Building the same content again (into another folder, on one thread) gives the
    same bytes in every .xml (feeds, sitemap), .json and .txt file."""
    if site.name == "content":
        if os.environ.get("PORTAL_SITE"):
            pytest.skip("PORTAL_SITE: the site was built elsewhere")
        # Content/ may change while the tests run: build a snapshot of it twice.
        content = tmp_path / "Content"
        shutil.copytree(sitebuild.REPO / "Content", content)
        first = tmp_path / "first"
        sitebuild.build(content, first)
    else:
        content = site.out.parent / "Content"
        first = site.out
    second = tmp_path / "second" / "Output"
    sitebuild.build(content, second, "--jobs", "1")
    a, b = _output_files(first), _output_files(second)
    assert any(name.endswith(".xml") for name in a), "no .xml files"
    assert sorted(a) == sorted(b), "the two builds wrote different files"
    differ = [name for name in a if a[name] != b[name]]
    assert differ == [], f"files that differ between two builds: {differ}"


# ----------------------------------------------------------------------------- sitemap


def test_sitemap_is_valid_against_the_xsd(site):
    expect_none(co.sitemap_schema_errors(site.out / "sitemap.xml"),
                "sitemap.xml errors against sitemap.xsd")


def test_xmllint_agrees_the_sitemap_is_valid(site):
    assert shutil.which("xmllint"), "xmllint is missing: run scripts/setup-system test (libxml2-utils)"
    run = subprocess.run(["xmllint", "--noout", "--nonet", "--schema", str(co.SITEMAP_XSD),
                          str(site.out / "sitemap.xml")], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr


def test_sitemap_lists_every_page_once_with_reciprocal_alternates(site):
    """Every <loc> is a page's canonical URL (no redirect, no 404 page); every page but
    redirects, 404 pages and later listing pages is listed; xhtml:link alternates are
    reciprocal and the same as the pages' hreflang links."""
    expect_none(co.sitemap_problems(site.out, site.base_url, site.pages), "sitemap problems")


def test_sitemap_lastmod_of_a_post_is_not_before_its_date(site):
    entries = {entry.loc: entry for entry in co.read_sitemap(site.out / "sitemap.xml")}
    problems = []
    for _, file, _ in LANGUAGES:
        for post in read_posts(site, file):
            entry = entries.get(post["url"])
            if entry is None:
                continue  # sitemap_problems reports it
            if entry.lastmod is None:
                problems.append(f"{post['url']}: no <lastmod>, though it has a date")
                continue
            date = co.parse_iso_with_offset(post.get("date"))
            if date is None:
                continue  # test_posts_json reports it
            try:
                lastmod = datetime.fromisoformat(entry.lastmod.replace("Z", "+00:00"))
            except ValueError:
                continue  # the XSD reports it
            if (lastmod.date() < date.date() if lastmod.tzinfo is None else lastmod < date):
                problems.append(f"{post['url']}: lastmod {entry.lastmod} < {post['date']}")
    expect_none(problems, "posts modified before they were published")


def test_robots_txt_names_the_sitemap(site):
    expect_none(co.robots_problems(site.out, site.base_url), "robots.txt problems")


# ----------------------------------------------------------------------------- posts.json


@pytest.mark.parametrize("language, posts_file, home", LANGUAGES)
def test_posts_json(site, language, posts_file, home):
    problems = co.posts_json_problems(site.out / posts_file, site.out, site.base_url,
                                      site.pages, language)
    expect_none(problems, f"{posts_file} problems")
    document = json.loads((site.out / posts_file).read_text(encoding="utf-8"))
    assert document["url"] == site.base_url + home


@pytest.mark.parametrize("language, posts_file, home", LANGUAGES)
def test_every_feed_item_is_a_post(site, language, posts_file, home):
    """Feeds list posts only: each item of each feed of a language is in its posts.json
    (so an undated page, a draft or a future post is in no feed)."""
    posts = {post["url"] for post in read_posts(site, posts_file)}
    problems = []
    for path in all_feeds(site):
        feed = read_feed(path)
        if feed is None or (feed.language or "").lower() != language:
            continue
        problems += [f"{rel(path, site.out)}: {item.link} is not in {posts_file}"
                     for item in feed.items if item.link not in posts]
    expect_none(problems, "feed items that are not posts")


# ----------------------------------------------------------------------------- extended only


def test_extended_site_has_what_it_was_made_for(extended_site):
    """Guards the extended-site tests against passing on a site without the cases they
    were written for (if the generator stops writing them, or the fixture breaks)."""
    out, _ = extended_site
    assert (out / "tin-tuc" / "page" / "3" / "index.html").is_file()
    assert (out / "tin-tuc" / "su-kien" / "index.xml").is_file()
    limit = feed_limit(out.parent / "Content" / "site.yml")
    assert len(item_links(out / "index.xml") or []) == limit
    redirects = sorted(rel(path, out) for path, page in checks.parse_site(out).items()
                       if checks.is_redirect(page))
    # The plan's former task addresses redirect too (legacyPaths): 31 tasks per language.
    plan = [r for r in redirects if r.startswith(("ke-hoach/nhiem-vu-", "en/plan/task-"))]
    assert len(plan) == 62
    redirects = [r for r in redirects if r not in plan]
    assert redirects == ["cu/thu-nghiem-01.html", "en/old-news/test-item-01/index.html",
                         "legacy/test-item-01/index.html", "tin-cu/thu-nghiem-01/index.html"]


def test_extended_site_unpublished_pages_appear_nowhere(extended_site):
    out, _ = extended_site
    found = []
    for path in sorted(out.rglob("*")):
        if path.is_file() and path.suffix in (".html", ".xml", ".json", ".txt"):
            text = path.read_text(encoding="utf-8", errors="replace")
            found += [f"{rel(path, out)}: {word}" for word in ("ban-nhap", "Bản nháp",
                                                               "tin-tuong-lai", "Tin tương lai")
                      if word in text]
    assert found == []


def test_extended_site_html_checks(extended_site):
    """The page checks of test_built_site.py on the extended site, whose redirect pages
    are exempt from some and checked by redirect_problems."""
    out, base_url = extended_site
    pages = checks.parse_site(out)
    problems = (checks.broken_links(out, base_url, pages)
                + checks.hreflang_problems(out, base_url, pages)
                + checks.h1_problems(out, pages)
                + checks.canonical_problems(out, base_url, pages)
                + checks.redirect_problems(out, base_url, pages))
    expect_none(problems, "problems in the extended site's pages")
    redirects = [path for path, page in pages.items() if checks.is_redirect(page)]
    errors = checks.vnu_errors(redirects + [out / "tin-tuc" / "page" / "3" / "index.html"])
    expect_none([str(error) for error in errors], "vnu errors in redirect and listing pages")
