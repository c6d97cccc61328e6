"""Checks on the whole site that `portal build` wrote (see conftest.built_site).

Each test gathers every problem on every page and fails once with all of them, rather
than one test per page: the site may have thousands of pages.

Redirect pages (front matter `aliases`, see checks.is_redirect) are validated and have
their links checked like every page, but are exempt from the hreflang, one-<h1>, canonical
and language-by-location checks: test_redirect_pages checks what they must be instead.
"""

from __future__ import annotations

import pytest

import checks

# Enough to see the pattern without flooding the terminal.
SHOWN = 60


def expect_none(problems: list, what: str) -> None:
    """Fail with the first problems, one a line (and not pytest's repr of the list)."""
    if problems:
        lines = [str(problem) for problem in problems[:SHOWN]]
        if len(problems) > SHOWN:
            lines.append(f"... and {len(problems) - SHOWN} more")
        pytest.fail(f"{len(problems)} {what}:\n" + "\n".join(lines), pytrace=False)


def where(path, out) -> str:
    """`path` relative to the output folder, for short messages."""
    try:
        return path.relative_to(out).as_posix()
    except ValueError:  # e.g. vnu reported an absolute path through a symlink
        return str(path)


def test_site_has_pages_in_both_languages(built_site, site_pages):
    out, _ = built_site
    # Guards every other test here against passing on an empty output.
    assert any(not where(p, out).startswith("en/") for p in site_pages), "no Vietnamese page"
    assert any(where(p, out).startswith("en/") for p in site_pages), "no English page"


def test_404_page_exists(built_site):
    out, _ = built_site
    assert (out / "404.html").is_file()


def test_html_is_valid(built_site, site_pages):
    out, _ = built_site
    errors = checks.vnu_errors(site_pages)
    shown = [f"{where(e.file, out.absolute())}:{e.line}: {e.message}" for e in errors]
    expect_none(shown, "vnu errors")


def test_no_broken_internal_links(built_site, site_pages):
    out, base_url = built_site
    problems = checks.broken_links(out, base_url, pages=site_pages)
    expect_none(problems, "broken links")


def test_hreflang_is_reciprocal(built_site, site_pages):
    out, base_url = built_site
    problems = checks.hreflang_problems(out, base_url, pages=site_pages)
    expect_none(problems, "hreflang problems")


def test_each_page_has_exactly_one_h1(built_site, site_pages):
    out, _ = built_site
    expect_none(checks.h1_problems(out, site_pages), "pages without exactly one <h1>")


def test_each_page_has_a_title(built_site, site_pages):
    out, _ = built_site
    problems = [where(p, out) for p, page in site_pages.items() if not page.title]
    expect_none(problems, "pages without a non-empty <title>")


def test_html_lang_matches_location(built_site, site_pages):
    out, _ = built_site
    problems = []
    for path, page in site_pages.items():
        if checks.is_redirect(page):
            continue  # in its target's language, wherever the former URL was
        expected = "en" if where(path, out).startswith("en/") else "vi"
        if page.lang != expected:
            problems.append(f"{where(path, out)}: <html lang={page.lang!r}>, expected {expected!r}")
    expect_none(problems, "pages in the wrong language")


def test_canonical_is_absolute_on_base_url(built_site, site_pages):
    out, base_url = built_site
    expect_none(checks.canonical_problems(out, base_url, site_pages), "bad canonical links")


def test_redirect_pages(built_site, site_pages):
    out, base_url = built_site
    expect_none(checks.redirect_problems(out, base_url, site_pages), "bad redirect pages")
