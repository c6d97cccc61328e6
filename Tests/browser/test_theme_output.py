"""What the default theme promises of every built page, checked on the HTML and assets
without a browser: small assets, nothing loaded from another site, no inline script or
event handler, heading levels that never skip, and a language switch that says its language.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import checks  # Tests/site/checks.py

CSS_BUDGET = 40_000  # bytes, uncompressed, all stylesheets together
JS_BUDGET = 20_000   # bytes, uncompressed, all scripts together

SHOWN = 40


def expect_none(problems: list[str], what: str) -> None:
    if problems:
        lines = problems[:SHOWN] + ([f"... and {len(problems) - SHOWN} more"] if len(problems) > SHOWN else [])
        raise AssertionError(f"{len(problems)} {what}:\n" + "\n".join(lines))


def html_pages(out: Path) -> list[Path]:
    """The HTML documents of the site (not fragments such as the banner kit's snippets)."""
    return [p for p in checks.html_files(out)
            if re.search(r"<html[\s>]", p.read_text(encoding="utf-8", errors="replace")[:2000], re.I)]


def rel(path: Path, out: Path) -> str:
    return path.relative_to(out).as_posix()


def test_assets_fit_the_budget(built_site):
    out, _ = built_site
    files = [p for p in (out / "assets").rglob("*") if p.is_file()]
    css = sum(p.stat().st_size for p in files if p.suffix == ".css")
    js = sum(p.stat().st_size for p in files if p.suffix == ".js")
    assert css > 0, "no stylesheet in assets/"
    assert css <= CSS_BUDGET, f"CSS is {css} bytes, over {CSS_BUDGET}"
    assert js <= JS_BUDGET, f"JS is {js} bytes, over {JS_BUDGET}"


# Tags whose src/href makes the browser fetch something (an <a> does not).
FETCHING = {"link", "script", "img", "source", "iframe", "video", "audio", "embed", "object",
            "track", "input", "image", "use"}
ABSOLUTE = re.compile(r"^\s*(?:https?:)?//", re.IGNORECASE)


def test_no_resource_from_outside_the_site(built_site):
    out, base_url = built_site
    problems = []
    for path in html_pages(out):
        page = checks.parse_page(path)
        for link in page.links:
            if link.tag in FETCHING and ABSOLUTE.match(link.url) and not link.url.startswith(base_url):
                problems.append(f"{rel(path, out)}:{link.line}: <{link.tag} {link.attr}={link.url!r}>")
    # Stylesheets may not pull fonts or images from elsewhere either.
    for css in (out / "assets").rglob("*.css"):
        text = css.read_text(encoding="utf-8")
        for match in re.finditer(r"""(?:url\(\s*["']?|@import\s+["'])\s*((?:https?:)?//[^"')\s]+)""", text):
            if not match.group(1).startswith(base_url):
                problems.append(f"{rel(css, out)}: {match.group(0)}")
    expect_none(problems, "references to resources outside the site")


class _Scan(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.headings: list[tuple[int, int]] = []  # (level, line)
        self.scripts: list[tuple[dict, int]] = []
        self.handlers: list[tuple[str, str, int]] = []
        self.switch_links: list[tuple[dict, int]] = []
        self._in_switch = 0
        self._nav_depth = 0

    def handle_starttag(self, tag, attrs):
        values = {k: (v or "") for k, v in attrs}
        line = self.getpos()[0]
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append((int(tag[1]), line))
        if tag == "script":
            self.scripts.append((values, line))
        for name, _ in attrs:
            if name.startswith("on"):
                self.handlers.append((tag, name, line))
        if tag == "nav":
            self._nav_depth += 1
            if "language-switch" in values.get("class", "").split():
                self._in_switch = self._nav_depth
        if tag == "a" and self._in_switch:
            self.switch_links.append((values, line))

    def handle_endtag(self, tag):
        if tag == "nav":
            if self._in_switch == self._nav_depth:
                self._in_switch = 0
            self._nav_depth -= 1


def scan(path: Path) -> _Scan:
    parser = _Scan()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser


def test_scripts_are_external_deferred_and_checked(built_site):
    out, _ = built_site
    problems = []
    for path in html_pages(out):
        parsed = scan(path)
        for values, line in parsed.scripts:
            if values.get("type") in ("application/ld+json", "application/json"):
                continue  # data, not code
            missing = [a for a in ("src", "integrity", "defer") if a not in values]
            if missing:
                problems.append(f"{rel(path, out)}:{line}: <script> without {', '.join(missing)}")
        for tag, name, line in parsed.handlers:
            problems.append(f"{rel(path, out)}:{line}: inline event handler <{tag} {name}>")
    expect_none(problems, "inline scripts or handlers")


def test_headings_start_at_h1_and_never_skip_a_level(built_site):
    out, _ = built_site
    problems = []
    for path in html_pages(out):
        if checks.is_redirect(checks.parse_page(path)):
            continue
        headings = scan(path).headings
        if not headings:
            problems.append(f"{rel(path, out)}: no heading")
            continue
        if headings[0][0] != 1:
            problems.append(f"{rel(path, out)}:{headings[0][1]}: the first heading is h{headings[0][0]}")
        for (previous, _), (level, line) in zip(headings, headings[1:]):
            if level > previous + 1:
                problems.append(f"{rel(path, out)}:{line}: h{previous} is followed by h{level}")
    expect_none(problems, "skipped heading levels")


def test_language_switch_links_carry_lang_and_hreflang(built_site):
    out, _ = built_site
    problems = []
    seen = 0
    for path in html_pages(out):
        for values, line in scan(path).switch_links:
            seen += 1
            if not values.get("lang") or values.get("lang") != values.get("hreflang"):
                problems.append(f"{rel(path, out)}:{line}: language link "
                                f"lang={values.get('lang')!r} hreflang={values.get('hreflang')!r}")
    assert seen, "no language switch link in any page"
    expect_none(problems, "language links without lang/hreflang")


def test_css_keeps_its_accessibility_promises(built_site):
    """The stylesheet has a print stylesheet, honours prefers-reduced-motion, keeps
    line-height ≥ 1.6 for body text, and never sets ASEAN yellow as a text colour."""
    out, _ = built_site
    css = "\n".join(p.read_text(encoding="utf-8") for p in (out / "assets").rglob("*.css"))
    assert "@media print" in css
    assert "prefers-reduced-motion: reduce" in css
    body = re.search(r"(?<![-\w.])body\s*\{([^}]*)\}", css)
    assert body, "no body rule"
    height = re.search(r"line-height:\s*([\d.]+)", body.group(1))
    assert height and float(height.group(1)) >= 1.6, "body line-height below 1.6"
    for rule in re.finditer(r"([^{}]+)\{([^}]*)\}", css):
        for declaration in rule.group(2).split(";"):
            name, _, value = declaration.partition(":")
            if name.strip() == "color" and re.search(r"#f8f400|var\(--yellow\)", value, re.I):
                # Yellow text only on the blue (or dark) bands, never on white.
                selector = rule.group(1).strip()
                assert re.search(r"plan-callout|site-header|site-footer|pillar-number|brand", selector), \
                    f"yellow text outside the blue bands: {selector}"
