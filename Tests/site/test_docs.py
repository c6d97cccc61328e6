"""The documentation cannot fall behind the code (issue 18): every command and option the
binary knows, every front-matter key and every site.yml key the loaders accept appear in the
reference in docs/, and every relative link of README.md and docs/ resolves, to a file and,
when it names one, to a heading of that file."""
from __future__ import annotations

import re
import subprocess
import unicodedata
from pathlib import Path

import pytest

from sitebuild import portal_binary

REPO = Path(__file__).resolve().parents[2]
DOCS = REPO / "docs"
# Where the commands and the formats are documented.
COMMAND_DOCS = [DOCS / "commands.md", DOCS / "operations.md"]
FORMAT_DOCS = [DOCS / "reference.md", DOCS / "themes.md"]


def prose(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def outside_code(text: str) -> list[str]:
    """The lines of a Markdown text that are not inside fenced code blocks."""
    lines, fenced = [], False
    for line in text.split("\n"):
        if line.lstrip().startswith("```"):
            fenced = not fenced
            continue
        if not fenced:
            lines.append(line)
    return lines


def help_text(*command: str) -> str:
    run = subprocess.run([str(portal_binary()), *command, "--help"], capture_output=True, text=True, timeout=60,
                         env={"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "COLUMNS": "200"})
    assert run.returncode == 0, run.stderr
    return run.stdout


def subcommands() -> list[str]:
    text = help_text()
    section = text.split("SUBCOMMANDS:", 1)[1]
    names = re.findall(r"^  ([a-z][a-z-]*)\b", section, re.M)
    assert len(names) >= 9, text  # build, new, translate, status, check, serve, banner, publish, report…
    return names


@pytest.mark.parametrize("command", subcommands())
def test_every_command_and_option_is_documented(command):
    docs = "\n".join(prose(path) for path in COMMAND_DOCS)
    assert f"portal {command}" in docs, f"`portal {command}` is not in docs/commands.md"
    options = set(re.findall(r"(?<![\w-])(--[a-z][a-z0-9-]*)", help_text(command))) - {"--help"}
    assert options or command in ("help",), f"no options found in `portal {command} --help`"
    missing = sorted(option for option in options if option not in docs)
    assert not missing, f"`portal {command}` options not documented in docs/: {missing}"


def swift_list(file: str, name: str) -> list[str]:
    """The strings of `static let NAME = [ … ]` in a Swift file of Sources/PortalKit."""
    source = (REPO / "Sources" / "PortalKit" / file).read_text(encoding="utf-8")
    match = re.search(rf"static let {name} = \[(.*?)\]", source, re.S)
    assert match, f"{name} not found in {file}"
    keys = re.findall(r'"([^"]+)"', match.group(1))
    assert keys, f"{name} in {file} is empty"
    return keys


KEY_LISTS = [
    ("Content/FrontMatter.swift", "knownKeys"),
    ("Content/SettingsLoader.swift", "topKeys"),
    ("Content/SettingsLoader.swift", "languageKeys"),
    ("Content/SettingsLoader.swift", "feedKeys"),
    ("Content/SettingsLoader.swift", "markdownKeys"),
    ("Content/SettingsLoader.swift", "compressionKeys"),
    ("Content/SettingsLoader.swift", "menuKeys"),
    ("Photos/PhotoSettings.swift", "keys"),
    ("Banner/BannerSettings.swift", "keys"),
]


@pytest.mark.parametrize("file,name", KEY_LISTS, ids=[f"{name}@{Path(file).stem}" for file, name in KEY_LISTS])
def test_every_key_the_loaders_accept_is_documented(file, name):
    docs = "\n".join(prose(path) for path in FORMAT_DOCS)
    keys = swift_list(file, name)
    # A key is documented when it stands as a YAML key (`key:`) or as code (`key`).
    missing = [key for key in keys if not re.search(rf"(`{re.escape(key)}`|\b{re.escape(key)}:)", docs)]
    assert not missing, f"{name} ({file}) keys not in docs/reference.md: {missing}"


def heading_anchors(text: str) -> set[str]:
    """GitHub's anchors for a Markdown text's headings: lower case, punctuation dropped,
    spaces as hyphens, the same heading again with -1, -2…"""
    anchors: set[str] = set()
    seen: dict[str, int] = {}
    for line in outside_code(text):
        match = re.match(r"#{1,6} (.*)", line)
        if not match:
            continue
        title = unicodedata.normalize("NFC", match.group(1).strip().lower())
        slug = re.sub(r"[^\w\- ]", "", title).replace(" ", "-")
        if slug in seen:
            seen[slug] += 1
            anchors.add(f"{slug}-{seen[slug]}")
        else:
            seen[slug] = 0
            anchors.add(slug)
    return anchors


def documents() -> list[Path]:
    return [REPO / "README.md", *sorted(DOCS.glob("*.md"))]


@pytest.mark.parametrize("document", documents(), ids=lambda path: str(path.relative_to(REPO)))
def test_every_relative_link_resolves(document):
    broken = []
    for number, line in enumerate(outside_code(prose(document)), 1):
        # Inline code is not a link.
        line = re.sub(r"`[^`]*`", "", line)
        for target in re.findall(r"\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)", line):
            if re.match(r"[a-z][a-z0-9+.-]*:", target) or target.startswith("/"):
                continue
            path, _, fragment = target.partition("#")
            resolved = (document.parent / path).resolve() if path else document
            if not resolved.exists():
                broken.append(f"{target} (no such file)")
            elif fragment and resolved.suffix == ".md" and fragment not in heading_anchors(prose(resolved)):
                broken.append(f"{target} (no heading #{fragment})")
    assert not broken, f"{document.relative_to(REPO)}: broken links: {broken}"


def test_the_readme_is_the_front_door():
    """README.md stays short: what it is, the two commands, a tour, links (about 10 KB)."""
    readme = prose(REPO / "README.md")
    assert len(readme.encode("utf-8")) <= 10_500
    assert "scripts/build-site" in readme and "scripts/test" in readme
    for guide in ("docs/huong-dan-bien-tap.md", "docs/editors-guide.md"):
        assert guide in readme
