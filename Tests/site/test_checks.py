"""Tests of the checkers in checks.py on small hand-made sites.

Each checker is shown to pass a correct bilingual site and to report the fault it is
meant to catch, so that a checker that never fails cannot pass unnoticed.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import checks

HERE = Path(__file__).resolve().parent
BASE = "https://example.gov.vn/asean/"


def page(lang: str, title: str, body: str, *, url: str,
         alternates: dict[str, str] | None = None) -> str:
    """A valid HTML page; `url` (relative to BASE) gives its canonical link and, unless
    `alternates` ({hreflang: URL relative to BASE}) is given, its only alternates."""
    if alternates is None:
        alternates = {lang: url, "x-default": url}
    links = "\n".join(f'<link rel="alternate" hreflang="{code}" href="{BASE}{href}">'
                      for code, href in alternates.items())
    return f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<title>{title}</title>
<link rel="canonical" href="{BASE}{url}">
{links}
<link rel="stylesheet" href="/asean/assets/style.css">
</head>
<body>
{body}
</body>
</html>
"""


VI_HOME = page("vi", "Đà Nẵng – ASEAN", """
<header><a href="#noi-dung">Bỏ qua điều hướng</a>
<nav><a href="/asean/">Trang chủ</a> <a href="/asean/en/">English</a>
<a href="/asean/en/#about">About</a> <a href="https://example.gov.vn/asean/tin-tuc/">Tin tức</a>
<a href="tin-tuc/">Tin tức (tương đối)</a></nav></header>
<main id="noi-dung"><h1>Đà Nẵng và ASEAN</h1>
<img src="/asean/assets/logo.svg" alt="Logo" width="10" height="10">
<img src="assets/logo.svg" srcset="/asean/assets/logo.svg 1x, /asean/assets/logo.svg 2x" alt="">
<p><a href="https://asean.org/">ASEAN</a> <a href="https://example.gov.vn/">Cổng thông tin</a>
<a href="mailto:asean@example.gov.vn">Thư</a> <a href="tel:+84236000000">Gọi</a>
<a href="#">Lên đầu</a> <a href="#top">Lên đầu trang</a></p>
</main>""", url="", alternates={"vi": "", "en": "en/", "x-default": ""})

EN_HOME = page("en", "Da Nang – ASEAN", """
<nav><a href="/asean/">Tiếng Việt</a> <a href="/asean/en/">Home</a></nav>
<main><h1 id="about">Da Nang and ASEAN</h1><p><a href="../tin-tuc/#tin-moi">News (in Vietnamese)</a></p></main>
""", url="en/", alternates={"en": "en/", "vi": "", "x-default": ""})

VI_NEWS = page("vi", "Tin tức", """
<main><h1>Tin tức</h1><h2 id="tin-moi">Tin mới</h2><p><a href="/asean/">Trang chủ</a></p></main>
""", url="tin-tuc/")

NOT_FOUND = page("vi", "Không tìm thấy trang", """
<main><h1>Không tìm thấy trang</h1><p><a href="/asean/">Trang chủ</a></p></main>
""", url="404.html")


def write(out: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        file = out / rel
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(text, encoding="utf-8")


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A correct bilingual site: vi home and news page, en home, 404, two assets."""
    out = tmp_path / "Output"
    write(out, {
        "index.html": VI_HOME,
        "tin-tuc/index.html": VI_NEWS,
        "en/index.html": EN_HOME,
        "404.html": NOT_FOUND,
        "assets/style.css": "body { margin: 0 }\n",
        "assets/logo.svg": '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1">'
                           '<rect id="khung" width="1" height="1"/></svg>\n',
    })
    return out


def rel(out: Path, paths) -> list[str]:
    return sorted(Path(p).relative_to(out).as_posix() for p in paths)


# ----------------------------------------------------------------- parsing and URLs


def test_html_files_lists_only_html(site):
    assert rel(site, checks.html_files(site)) == [
        "404.html", "en/index.html", "index.html", "tin-tuc/index.html"]


def test_parse_page(site):
    home = checks.parse_page(site / "index.html")
    assert home.lang == "vi"
    assert home.title == "Đà Nẵng – ASEAN"
    assert home.h1_count == 1
    assert home.canonical == BASE
    assert home.alternates == (("vi", BASE), ("en", BASE + "en/"), ("x-default", BASE))
    assert "noi-dung" in home.ids
    urls = [link.url for link in home.links]
    assert "/asean/assets/style.css" in urls and "/asean/en/#about" in urls
    assert urls.count("/asean/assets/logo.svg") == 3  # src plus both srcset candidates


@pytest.mark.parametrize("url, expected", [
    ("/asean/", "index.html"),
    ("/asean", "index.html"),
    ("/asean/en/", "en/index.html"),
    ("/asean/en", "en/index.html"),            # directory without its slash
    ("/asean/en/#about", "en/index.html"),
    ("/asean/tin-tuc/?trang=2", "tin-tuc/index.html"),
    ("/asean/assets/style.css", "assets/style.css"),
    ("/asean/404.html", "404.html"),
    ("https://example.gov.vn/asean/en/", "en/index.html"),
    ("HTTPS://EXAMPLE.gov.vn/asean/en/", "en/index.html"),
    ("//example.gov.vn/asean/en/", "en/index.html"),
    ("/asean/tin-t%E1%BB%A9c/", "tin-tức/index.html"),  # percent-encoded UTF-8
    ("/asean/khong-co/", "khong-co/index.html"),        # missing files still map
    ("https://asean.org/", None),
    ("https://example.gov.vn/", None),         # the parent portal: external
    ("https://example.gov.vn/asean-khac/", None),
    ("mailto:asean@example.gov.vn", None),
    ("tel:+84236000000", None),
    ("data:image/png;base64,AAAA", None),
    ("javascript:void(0)", None),
])
def test_resolve_internal(site, url, expected):
    file = checks.resolve_internal(url, site, BASE)
    assert file == (None if expected is None else site / expected)


def test_resolve_internal_relative_to_page(site):
    news = site / "tin-tuc" / "index.html"
    assert checks.resolve_internal("#tin-moi", site, BASE, page=news) == news
    assert checks.resolve_internal("../en/", site, BASE, page=news) == site / "en/index.html"
    assert checks.resolve_internal("anh.jpg", site, BASE, page=news) == site / "tin-tuc/anh.jpg"
    assert checks.resolve_internal("", site, BASE, page=news) == news


@pytest.mark.parametrize("url", ["/tin-tuc/", "/", "../../", "/asean/%2e%2e/x"])
def test_resolve_internal_rejects_leaving_the_base_path(site, url):
    with pytest.raises(checks.OutsideBase):
        checks.resolve_internal(url, site, BASE, page=site / "en" / "index.html")


def test_page_url(site):
    assert checks.page_url(site / "index.html", site, BASE) == BASE
    assert checks.page_url(site / "en/index.html", site, BASE) == BASE + "en/"
    assert checks.page_url(site / "404.html", site, BASE) == BASE + "404.html"


# ----------------------------------------------------------------- a correct site


def test_correct_site_passes_every_check(site):
    assert checks.broken_links(site, BASE) == []
    assert checks.hreflang_problems(site, BASE) == []
    pages = checks.parse_site(site)
    assert checks.h1_problems(site, pages) == []
    assert checks.canonical_problems(site, BASE, pages) == []
    assert checks.redirect_problems(site, BASE, pages) == []
    assert checks.vnu_errors(checks.html_files(site)) == []


# ----------------------------------------------------------------- broken links


def test_broken_link_and_missing_image_are_reported(site):
    write(site, {"tin-tuc/index.html": VI_NEWS.replace(
        "<h2", '<p><a href="/asean/khong-co/">?</a> '
               '<img src="/asean/assets/thieu.png" alt="?"></p><h2')})
    problems = checks.broken_links(site, BASE)
    assert len(problems) == 2, problems
    assert "tin-tuc/index.html" in problems[0] and "khong-co/index.html" in problems[0]
    assert "assets/thieu.png" in problems[1]


def test_broken_fragments_are_reported(site):
    write(site, {"tin-tuc/index.html": VI_NEWS.replace(
        "<h2", '<p><a href="/asean/en/#khong-co">a</a> <a href="#cung-trang">b</a> '
               '<a href="/asean/assets/logo.svg#khung">c</a> '
               '<a href="/asean/assets/logo.svg#thieu">d</a></p><h2')})
    problems = checks.broken_links(site, BASE)
    assert len(problems) == 3, problems
    assert "'khong-co'" in problems[0] and "en/index.html" in problems[0]
    assert "'cung-trang'" in problems[1]  # same-page fragment
    assert "'thieu'" in problems[2]       # fragment into an SVG


def test_fragment_may_name_an_a_name(site):
    # <a name> is obsolete (vnu rejects it) but still a fragment target in browsers.
    write(site, {"tin-tuc/index.html": VI_NEWS.replace(
        "<h2", '<p><a name="cu">cũ</a> <a href="#cu">cũ</a> <a href="#moi">mới</a></p><h2')})
    problems = checks.broken_links(site, BASE)
    assert len(problems) == 1 and "'moi'" in problems[0], problems


def test_link_that_forgets_the_base_path_is_reported(site):
    write(site, {"tin-tuc/index.html": VI_NEWS.replace("/asean/", "/")})
    problems = checks.broken_links(site, BASE)
    assert len(problems) == 2, problems   # the stylesheet and the home link
    assert all("leaves the base path" in problem for problem in problems)


# ----------------------------------------------------------------- hreflang


def test_non_reciprocal_hreflang_is_reported(site):
    write(site, {"en/index.html": EN_HOME.replace(
        f'<link rel="alternate" hreflang="vi" href="{BASE}">\n', "")})
    problems = checks.hreflang_problems(site, BASE)
    assert any(p.startswith("index.html:") and "does not link back with hreflang='vi'" in p
               for p in problems), problems


def test_alternate_to_missing_page_is_reported(site):
    write(site, {"tin-tuc/index.html": page("vi", "Tin tức", "<main><h1>Tin tức</h1></main>",
               url="tin-tuc/", alternates={"vi": "tin-tuc/", "en": "en/news/",
                                           "x-default": "tin-tuc/"})})
    problems = checks.hreflang_problems(site, BASE)
    assert problems == ["tin-tuc/index.html: hreflang='en' points at missing page "
                        "en/news/index.html"]


def test_alternate_in_the_wrong_language_is_reported(site):
    write(site, {"en/index.html": EN_HOME.replace('<html lang="en">', '<html lang="vi">')})
    problems = checks.hreflang_problems(site, BASE)
    assert any("whose <html lang> is 'vi'" in p for p in problems), problems


def test_missing_self_link_and_x_default_are_reported(site):
    write(site, {"tin-tuc/index.html": page("vi", "Tin tức", "<main><h1>Tin tức</h1></main>",
               url="tin-tuc/", alternates={})})
    assert checks.hreflang_problems(site, BASE) == [
        "tin-tuc/index.html: no <link rel=alternate hreflang='vi'> to itself",
        "tin-tuc/index.html: 0 hreflang=x-default links, expected 1",
    ]


def test_two_x_defaults_and_relative_alternates_are_reported(site):
    extra = '<link rel="alternate" hreflang="x-default" href="/asean/en/">\n</head>'
    write(site, {"tin-tuc/index.html": VI_NEWS.replace("</head>", extra)})
    problems = checks.hreflang_problems(site, BASE)
    assert "tin-tuc/index.html: hreflang='x-default' appears 2 times" in problems
    assert any("is not absolute" in p for p in problems), problems


def test_translations_with_different_x_defaults_are_reported(site):
    write(site, {"en/index.html": EN_HOME.replace(
        f'hreflang="x-default" href="{BASE}"', f'hreflang="x-default" href="{BASE}en/"')})
    assert checks.hreflang_problems(site, BASE) == [
        "en/index.html: x-default differs from that of its translation index.html",
        "index.html: x-default differs from that of its translation en/index.html",
    ]


# ----------------------------------------------------------------- redirects


def redirect(lang: str, target: str, *, delay: str = "0", head: str = "",
             link: str | None = None) -> str:
    """A redirect page like the generator writes for `aliases`, to `target` (relative to
    BASE): meta refresh, canonical to the target, noindex, a visible link; no <h1>, no
    hreflang, no feeds. `link` replaces the visible link's href."""
    href = link if link is not None else f"/asean/{target}"
    return f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<title>Trang đã chuyển</title>
<link rel="canonical" href="{BASE}{target}">
<meta name="robots" content="noindex">
<meta http-equiv="refresh" content="{delay}; url={BASE}{target}">
{head}</head>
<body>
<p>Trang này đã chuyển đến <a href="{href}">trang mới</a>.</p>
</body>
</html>
"""


def test_parse_page_reads_refresh_robots_and_feeds(site):
    write(site, {
        "tin-cu/index.html": redirect("vi", "tin-tuc/"),
        "tin-tuc/index.html": VI_NEWS.replace("</head>", (
            '<link rel="alternate" type="application/rss+xml" title="Tin" '
            'href="/asean/tin-tuc/index.xml">\n'
            '<link rel="alternate" type="application/atom+xml" href="/asean/tin-tuc/atom.xml">\n'
            "</head>")),
    })
    old = checks.parse_page(site / "tin-cu" / "index.html")
    assert checks.is_redirect(old)
    assert old.refresh == f"0; url={BASE}tin-tuc/"
    assert old.robots == "noindex"
    assert checks.refresh_target(old) == (0.0, f"{BASE}tin-tuc/")
    news = checks.parse_page(site / "tin-tuc" / "index.html")
    assert not checks.is_redirect(news) and checks.refresh_target(news) is None
    assert news.feeds == (("application/rss+xml", "/asean/tin-tuc/index.xml"),
                          ("application/atom+xml", "/asean/tin-tuc/atom.xml"))
    # Feed links are not translations, though both are rel=alternate.
    assert [code for code, _ in news.alternates] == ["vi", "x-default"]


@pytest.mark.parametrize("content, expected", [
    ("0; url=https://a.vn/x/", (0.0, "https://a.vn/x/")),
    ("0;URL='https://a.vn/x/'", (0.0, "https://a.vn/x/")),
    ('5, url="/x/"', (5.0, "/x/")),
    ("0; https://a.vn/x/", (0.0, "https://a.vn/x/")),
    ("3", (3.0, "")),
    ("soon", None),
])
def test_refresh_target(content, expected):
    page = checks.Page(path=Path("x.html"), lang="vi", links=(), ids=frozenset(), alternates=(),
                       canonicals=(), title="x", h1_count=0, refresh=content)
    assert checks.refresh_target(page) == expected


def test_redirect_page_is_exempt_but_a_normal_page_without_hreflang_still_fails(site):
    # A redirect page: no <h1>, no hreflang, a canonical to elsewhere, and an English
    # redirect (an absolute alias of an English page) outside en/.
    write(site, {"tin-cu/index.html": redirect("vi", "tin-tuc/"),
                 "old-english/index.html": redirect("en", "en/")})
    pages = checks.parse_site(site)
    assert checks.is_redirect(pages[site / "tin-cu" / "index.html"])
    assert checks.hreflang_problems(site, BASE, pages) == []
    assert checks.h1_problems(site, pages) == []
    assert checks.canonical_problems(site, BASE, pages) == []
    assert checks.redirect_problems(site, BASE, pages) == []
    assert checks.broken_links(site, BASE, pages) == []
    assert checks.vnu_errors(checks.html_files(site)) == []
    assert run_site_tests(site).returncode == 0

    # The same content as a normal page (no refresh): no longer exempt.
    normal = redirect("vi", "tin-tuc/").replace(
        f'<meta http-equiv="refresh" content="0; url={BASE}tin-tuc/">\n', "")
    write(site, {"tin-cu/index.html": normal})
    pages = checks.parse_site(site)
    assert not checks.is_redirect(pages[site / "tin-cu" / "index.html"])
    assert checks.hreflang_problems(site, BASE, pages) == [
        "tin-cu/index.html: no <link rel=alternate hreflang='vi'> to itself",
        "tin-cu/index.html: 0 hreflang=x-default links, expected 1",
    ]
    assert checks.h1_problems(site, pages) == ["tin-cu/index.html: 0 <h1>"]


def test_links_of_a_redirect_page_are_still_checked(site):
    write(site, {"tin-cu/index.html": redirect("vi", "tin-tuc/", link="/asean/tin-tuc/#khong-co")})
    problems = checks.broken_links(site, BASE)
    assert len(problems) == 1 and "tin-cu/index.html" in problems[0] \
        and "'khong-co'" in problems[0], problems


def test_redirect_page_is_still_validated_by_vnu(site):
    write(site, {"tin-cu/index.html": redirect("vi", "tin-tuc/").replace(
        "<p>", '<p><div id="x"></div><div id="x"></div>')})
    errors = checks.vnu_errors(checks.html_files(site))
    assert {error.file for error in errors} == {(site / "tin-cu" / "index.html").absolute()}
    assert any("Duplicate ID" in error.message for error in errors), errors


def test_hreflang_to_a_redirect_page_is_reported(site):
    write(site, {"tin-cu/index.html": redirect("vi", "tin-tuc/"),
                 "en/index.html": EN_HOME.replace(f'hreflang="vi" href="{BASE}"',
                                                  f'hreflang="vi" href="{BASE}tin-cu/"')})
    problems = checks.hreflang_problems(site, BASE)
    assert "en/index.html: hreflang='vi' points at the redirect page tin-cu/index.html" \
        in problems, problems


@pytest.mark.parametrize("page_text, expected", [
    (redirect("vi", "tin-tuc/", delay="5"), "refresh after 5 s, expected 0"),
    (redirect("vi", "khong-co/"), "is not a page of the site"),
    (redirect("vi", "tin-cu/"), "itself a redirect"),
    (redirect("vi", "tin-tuc/").replace(f"url={BASE}", "url=/asean/"),
     "is not an absolute URL under"),
    (redirect("vi", "tin-tuc/").replace('<meta name="robots" content="noindex">\n', ""),
     "no <meta name=robots content=noindex>"),
    (redirect("vi", "tin-tuc/").replace(f'href="{BASE}tin-tuc/"', f'href="{BASE}"'),
     "canonical links"),
    (redirect("vi", "tin-tuc/", link="/asean/"), "no <a href> to the target"),
    (redirect("en", "tin-tuc/"), "but its target's is 'vi'"),
    (redirect("vi", "tin-tuc/",
              head=f'<link rel="alternate" hreflang="vi" href="{BASE}tin-tuc/">\n'),
     "a redirect has 1 hreflang links"),
    (redirect("vi", "tin-tuc/", head='<link rel="alternate" type="application/rss+xml" '
                                     'href="/asean/index.xml">\n'),
     "a redirect has 1 feed links"),
])
def test_faulty_redirect_pages_are_reported(site, page_text, expected):
    # "cu-nua" is a correct redirect to the page under test, for the redirect-chain case.
    write(site, {"cu-nua/index.html": redirect("vi", "tin-tuc/"),
                 "tin-cu/index.html": page_text.replace(f"{BASE}tin-cu/", f"{BASE}cu-nua/")
                 .replace("/asean/tin-cu/", "/asean/cu-nua/")})
    problems = checks.redirect_problems(site, BASE, checks.parse_site(site))
    assert len(problems) == 1 and problems[0].startswith("tin-cu/index.html: ") \
        and expected in problems[0], problems


def test_page_checks_report_h1_and_canonical_faults(site):
    write(site, {"tin-tuc/index.html": VI_NEWS.replace(f'canonical" href="{BASE}tin-tuc/"',
                                                       'canonical" href="/asean/tin-tuc/"')
                 .replace("</main>", "<h1>Lần nữa</h1></main>"),
                 "en/index.html": EN_HOME.replace(
                     "</head>", f'<link rel="canonical" href="{BASE}">\n</head>')})
    pages = checks.parse_site(site)
    assert checks.h1_problems(site, pages) == ["tin-tuc/index.html: 2 <h1>"]
    assert checks.canonical_problems(site, BASE, pages) == [
        "en/index.html: 2 canonical links",
        "tin-tuc/index.html: canonical '/asean/tin-tuc/' is not an absolute URL under " + BASE,
    ]


# ----------------------------------------------------------------- vnu


def test_invalid_html_is_reported_with_file_and_line(site):
    bad = site / "thu muc" / "hong.html"  # a space in the path on purpose
    write(site, {"thu muc/hong.html": VI_NEWS.replace(
        "<h2 id=", '<p>đoạn</b>\n<div id="x"></div><div id="x"></div>\n<h2 id=')})
    errors = checks.vnu_errors(checks.html_files(site))
    # All files went through one JVM; only the broken one is blamed.
    assert {error.file for error in errors} == {bad.absolute()}, errors
    assert any("Stray end tag" in error.message for error in errors), errors
    assert any("Duplicate ID" in error.message for error in errors), errors
    line = next(n for n, text in enumerate(VI_NEWS.splitlines(), 1) if "<h1>" in text)
    assert all(error.line in (line, line + 1) for error in errors), errors
    assert str(errors[0]).startswith(f"{bad.absolute()}:{errors[0].line}: ")


def test_vnu_refuses_missing_files(site):
    # vnu itself silently skips a path it cannot read.
    with pytest.raises(FileNotFoundError):
        checks.vnu_errors([site / "index.html", site / "khong-co.html"])


def test_vnu_with_no_files_is_empty():
    assert checks.vnu_errors([]) == []


# ----------------------------------------------------------------- the site tests


def run_site_tests(out: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, PORTAL_SITE=str(out), PORTAL_BASE_URL=BASE)
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-rf", "-p", "no:cacheprovider",
         str(HERE / "test_built_site.py")],
        env=env, capture_output=True, text=True, cwd=HERE)


def test_site_tests_pass_on_a_correct_site(site):
    run = run_site_tests(site)
    assert run.returncode == 0, run.stdout + run.stderr


def test_site_tests_fail_on_a_faulty_site(site):
    write(site, {"en/index.html": EN_HOME.replace("</main>", "<h1>Again</h1></main>")})
    run = run_site_tests(site)
    failed = sorted(line.split("::")[1].split()[0]
                    for line in run.stdout.splitlines() if line.startswith("FAILED"))
    assert failed == ["test_each_page_has_exactly_one_h1"], run.stdout + run.stderr
