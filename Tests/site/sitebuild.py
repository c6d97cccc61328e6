"""Building sites for the tests with `portal build`: the repository's Content/, and the
"extended" site, a copy of Content/ with made-up pages added (`extended_pages`).

Kept out of conftest.py so that test modules can import it by a name of its own
(several test folders have a conftest.py).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

# Fixed so that date-dependent output (upcoming events, "new" badges...) is repeatable.
BUILD_NOW = "2026-11-29T12:00:00"

# `baseURL: https://...` (and `theme: ...`) at the top level of site.yml, optionally quoted; a regex
# keeps PyYAML out of the requirements.
_BASE_URL = re.compile(r"""^baseURL\s*:\s*(["']?)(\S+?)\1\s*(?:#.*)?$""", re.MULTILINE)
_THEME = re.compile(r"""^theme\s*:\s*(["']?)(\S+?)\1\s*(?:#.*)?$""", re.MULTILINE)


def read_base_url(site_yml: Path) -> str:
    match = _BASE_URL.search(site_yml.read_text(encoding="utf-8"))
    if not match:
        pytest.fail(f"no top-level baseURL in {site_yml}")
    return match.group(2)


def portal_binary() -> Path:
    binary = Path(os.environ.get("PORTAL_BIN", REPO / ".build" / "debug" / "portal"))
    if not binary.is_file():
        pytest.fail(f"portal binary not found at {binary}: run `swift build` or set PORTAL_BIN")
    return binary


def build(content: Path, out: Path, *extra: str) -> None:
    """`portal build` of `content` into `out` at BUILD_NOW with the repository's themes;
    fails the test on any error."""
    binary = portal_binary()
    if not (content / "site.yml").is_file():
        pytest.fail(f"no {content / 'site.yml'}")
    command = [str(binary), "build", "--content", str(content), "--output", str(out),
               "--now", BUILD_NOW, *extra]
    if content.resolve() != (REPO / "Content").resolve():
        # A copy of the content elsewhere: the theme is still the repository's.
        theme = _THEME.search((content / "site.yml").read_text(encoding="utf-8"))
        command += ["--theme", str(REPO / "Themes" / (theme.group(2) if theme else "default"))]
    run = subprocess.run(command, capture_output=True, text=True, timeout=1800)
    if run.returncode != 0:
        pytest.fail(f"{' '.join(command)} exited {run.returncode}\n"
                    f"--- stderr ---\n{run.stderr}\n--- stdout ---\n{run.stdout[-4000:]}",
                    pytrace=False)
    if not out.is_dir():
        pytest.fail(f"{' '.join(command)} succeeded but wrote no {out}", pytrace=False)


# --------------------------------------------------------------------------- extended site

# How many made-up posts: more than a feed's 20 items and two listing pages of 10, and
# more in Vietnamese than in English (some posts have no translation).
EXTENDED_VI_POSTS = 24
EXTENDED_EN_POSTS = 13


def _post(title: str, date: str, *, key: str | None = None, tags=(), body: str = "",
          extra: str = "") -> str:
    lines = ["---", f'title: "{title}"', f"date: {date}",
             f'summary: "Tóm tắt / summary: {title}"']
    if key:
        lines.append(f"translationKey: {key}")
    if tags:
        lines.append("tags: [" + ", ".join(f'"{tag}"' for tag in tags) + "]")
    if extra:
        lines.append(extra.strip("\n"))
    lines += ["---", "", body or f"{title}.", ""]
    return "\n".join(lines)


def extended_pages() -> dict[str, str]:
    """Content files (relative to Content/) added to the extended site."""
    files: dict[str, str] = {}
    for n in range(1, EXTENDED_VI_POSTS + 1):
        # Mostly old posts, after the real ones in listings; a few of the newest of the
        # site, so that feeds carry them: the last three share one date.
        date = (f"2026-11-{28 if n == 2 else 27}" if n == 2 or n > EXTENDED_VI_POSTS - 3
                else f"2020-01-{n:02d}")
        key = f"thu-nghiem-{n:02d}" if n <= EXTENDED_EN_POSTS else None
        extra, body = "", ""
        if n in (1, 2):
            extra = "agency: so-noi-vu\npillar: people\ntasks: [1-1]"
        if n == 1:
            extra += "\naliases: [/tin-cu/thu-nghiem-01/, cu/thu-nghiem-01.html]"
        if n == 2:
            body = ("Xem [tin số 1](2020-01-01-thu-nghiem-01.md) và một chú thích.[^1]\n\n"
                    "[^1]: Chú thích.\n")
        tags = ["Thử nghiệm"] + (["Chỉ tiếng Việt"] if n % 5 == 0 else [])
        files[f"vi/tin-tuc/{date}-thu-nghiem-{n:02d}.md"] = _post(
            f"Tin thử nghiệm số {n}", date, key=key, tags=tags, body=body, extra=extra)
    for n in range(1, EXTENDED_EN_POSTS + 1):
        extra = ("aliases: [old-news/test-item-01/, /legacy/test-item-01/]\n"
                 "agency: so-noi-vu\npillar: people" if n == 1 else "")
        date = "2026-11-28T08:30" if n == 2 else f"2020-01-{n:02d}T08:30"
        files[f"en/news/{date[:10]}-test-item-{n:02d}.md"] = _post(
            f"Test item {n}", date, key=f"thu-nghiem-{n:02d}", tags=["Testing"], extra=extra)
    # A nested section, in both languages.
    files["vi/tin-tuc/su-kien/_index.md"] = _post("Sự kiện", "2020-02-01", key="ext-events")
    files["en/news/events/_index.md"] = _post("Events", "2020-02-01", key="ext-events")
    for n in range(1, 4):
        files[f"vi/tin-tuc/su-kien/2020-02-{n:02d}-su-kien-{n}.md"] = _post(
            f"Sự kiện thử nghiệm {n}", f"2020-02-{n:02d}", key=f"ext-event-{n}")
        files[f"en/news/events/2020-02-{n:02d}-event-{n}.md"] = _post(
            f"Test event {n}", f"2020-02-{n:02d}", key=f"ext-event-{n}")
    # An undated page in a section: listed there, in no feed or posts.json.
    for rel, title in (("vi/tin-tuc/lien-he.md", "Liên hệ"), ("en/news/contact.md", "Contact")):
        files[rel] = f'---\ntitle: "{title}"\ntranslationKey: ext-contact\n---\n\n{title}.\n'
    # Neither of these is published at BUILD_NOW.
    files["vi/tin-tuc/2020-03-01-ban-nhap.md"] = _post("Bản nháp", "2020-03-01",
                                                       extra="draft: true")
    files["vi/tin-tuc/2027-01-01-tin-tuong-lai.md"] = _post("Tin tương lai", "2027-01-01")
    return files




def make_extended_content(root: Path) -> Path:
    """Content/ plus `extended_pages()`, with full-content feeds, written to
    `root`/Content; returns that folder."""
    content = root / "Content"
    shutil.copytree(REPO / "Content", content)
    for rel, text in extended_pages().items():
        file = content / rel
        if file.exists():
            pytest.fail(f"the extended site would overwrite Content/{rel}")
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(text, encoding="utf-8")
    site_yml = content / "site.yml"
    site_yml.write_text(with_full_feeds(site_yml.read_text(encoding="utf-8")), encoding="utf-8")
    return content


def with_full_feeds(settings: str) -> str:
    """site.yml's text with `feeds: content: full`, whatever it said about feeds."""
    block = re.search(r"^feeds\s*:[^\n]*\n((?:[ \t]+[^\n]*\n|\s*\n)*)", settings + "\n",
                      re.MULTILINE)
    if block is None:
        return settings.rstrip("\n") + "\n\nfeeds:\n  content: full\n"
    body = block.group(1)
    if re.search(r"^[ \t]+content\s*:", body, re.MULTILINE):
        body = re.sub(r"^([ \t]+content\s*:).*$", r"\1 full", body, flags=re.MULTILINE)
    else:
        body = "  content: full\n" + body
    return (settings + "\n")[:block.start(1)] + body + (settings + "\n")[block.end(1):]
