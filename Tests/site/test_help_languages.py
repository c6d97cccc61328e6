"""Every command's `--help` and `portal build`'s own lines in both languages (issue 18), through
the binary: PORTAL_LANG=vi gives each subcommand's abstract and every option's help in
Vietnamese, PORTAL_LANG=en in English, with the same options; a Vietnamese locale gives
`portal build`'s progress line (on a terminal) and its summary in Vietnamese. ArgumentParser's
own words (`OVERVIEW:`, `USAGE:`, `OPTIONS:`, `-h, --help`, `(default: …)`) stay English."""

from __future__ import annotations

import os
import pty
import re
import subprocess
import threading
from pathlib import Path

import pytest

from sitebuild import BUILD_NOW, REPO, portal_binary

FIXTURES = REPO / "Tests" / "PortalKitTests" / "Fixtures"
THEME = REPO / "Themes" / "default"
# Letters that only Vietnamese, among the two languages, writes.
VIETNAMESE = re.compile("[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]", re.I)
# ArgumentParser's notes after a help text, in its words.
NOTES = re.compile(r"\s*\((?:default|values): [^)]*\)\s*$")


def environment(**chosen: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PORTAL_LANG", "LC_ALL", "LC_MESSAGES", "LANG")}
    env.update(chosen)
    return env


def help_text(*command: str, language: str) -> str:
    run = subprocess.run([str(portal_binary()), *command, "--help"], capture_output=True, text=True, timeout=60,
                         env=environment(PORTAL_LANG=language, COLUMNS="400"))
    assert run.returncode == 0, run.stderr
    return run.stdout


def overview(text: str) -> str:
    match = re.search(r"^OVERVIEW: (.*)$", text, re.M)
    assert match, text
    return match.group(1)


def entries(text: str, section: str) -> dict[str, str]:
    """The entries of a section (`OPTIONS:`, `ARGUMENTS:`, `SUBCOMMANDS:`): name → help text,
    continuation lines joined, ArgumentParser's `(default: …)` left out."""
    found: dict[str, str] = {}
    if f"\n{section}\n" not in text:
        return found
    body = text.split(f"\n{section}\n", 1)[1].split("\n\n", 1)[0]
    name = None
    for line in body.split("\n"):
        start = re.match(r"^  (\S(?:.*?\S)?)(?: {2,}(.*))?$", line)
        if start:
            name = start.group(1)
            found[name] = start.group(2) or ""
        elif name and line.strip():
            found[name] = (found[name] + " " + line.strip()).strip()
    return {name: NOTES.sub("", help) for name, help in found.items()}


def subcommands() -> list[str]:
    names = list(entries(help_text(language="en"), "SUBCOMMANDS:"))
    names = [name.split()[0] for name in names if name.split()[0] != "help"]
    assert len(names) >= 10, names  # build, new, import, translate, status, check, serve, banner, publish, report
    return names


def test_portal_lists_its_commands_in_both_languages() -> None:
    english, vietnamese = help_text(language="en"), help_text(language="vi")
    assert overview(english).startswith("Builds the bilingual ASEAN Socio-Cultural Community section")
    assert overview(vietnamese).startswith("Dựng chuyên mục song ngữ Cộng đồng Văn hoá – Xã hội ASEAN")
    en, vi = entries(english, "SUBCOMMANDS:"), entries(vietnamese, "SUBCOMMANDS:")
    assert en.keys() == vi.keys()
    for name in en:
        if name.startswith("help"):
            continue  # ArgumentParser's own
        assert VIETNAMESE.search(vi[name]) and not VIETNAMESE.search(en[name]), (name, en[name], vi[name])


@pytest.mark.parametrize("command", subcommands())
def test_every_help_text_in_both_languages(command: str) -> None:
    english, vietnamese = help_text(command, language="en"), help_text(command, language="vi")
    assert not VIETNAMESE.search(overview(english)), overview(english)
    assert VIETNAMESE.search(overview(vietnamese)), overview(vietnamese)
    # The command line itself does not change with the language.
    assert re.search(r"^USAGE: .*$", english, re.M).group(0) == re.search(r"^USAGE: .*$", vietnamese, re.M).group(0)
    for section in ("ARGUMENTS:", "OPTIONS:"):
        en, vi = entries(english, section), entries(vietnamese, section)
        assert en.keys() == vi.keys(), section
        for name in en:
            if name == "-h, --help":
                continue  # ArgumentParser's own
            assert en[name] and vi[name], (command, name)
            assert en[name] != vi[name], f"portal {command} {name}: the same text in both languages: {en[name]}"
            assert VIETNAMESE.search(vi[name]), f"portal {command} {name}: {vi[name]}"
    assert entries(english, "OPTIONS:"), english


@pytest.mark.parametrize("language, abstract, jobs", [
    ("en", "Build the site from the content folder into the output folder.", "Threads to use (default: all cores)."),
    ("vi", "Dựng trang web từ thư mục nội dung vào thư mục đầu ra.",
     "Số luồng xử lý (mặc định: tất cả các nhân của máy)."),
])
def test_build_help_words(language: str, abstract: str, jobs: str) -> None:
    text = help_text("build", language=language)
    assert overview(text) == abstract
    options = entries(text, "OPTIONS:")
    assert options["--jobs <jobs>"] == jobs
    assert set(options) >= {"--content <content>", "--output <output>", "--now <now>", "--drafts", "--no-wait"}


def build_on_a_terminal(tmp_path: Path, **chosen: str) -> tuple[subprocess.CompletedProcess, str]:
    """`portal build` of the test site with standard error on a pseudo-terminal (as in a
    terminal window, where the progress line shows); its standard output and what the
    terminal showed."""
    main, terminal = pty.openpty()
    shown = bytearray()

    def read() -> None:
        while True:
            try:
                data = os.read(main, 4096)
            except OSError:  # EIO: the build has ended and closed its side
                return
            if not data:
                return
            shown.extend(data)

    reader = threading.Thread(target=read)
    reader.start()
    try:
        run = subprocess.run([str(portal_binary()), "build", "--content", str(FIXTURES / "base" / "Content"),
                              "--theme", str(THEME), "--output", str(tmp_path / "Output"), "--now", BUILD_NOW],
                             stdout=subprocess.PIPE, stderr=terminal, text=True, env=environment(**chosen),
                             timeout=300)
    finally:
        os.close(terminal)
        reader.join(timeout=10)
        os.close(main)
    return run, shown.decode("utf-8")


def test_build_speaks_vietnamese_in_a_vietnamese_locale(tmp_path: Path) -> None:
    run, shown = build_on_a_terminal(tmp_path, LANG="vi_VN.UTF-8")
    assert run.returncode == 0, shown
    assert "\r\x1b[Kđang dựng trang… xong bước đọc tệp" in shown, shown
    assert "\r\x1b[Kđang dựng trang… xong bước dựng và ghi trang" in shown, shown
    assert "building…" not in shown
    summary = run.stdout.strip().splitlines()[-1]
    assert re.fullmatch(rf"Đã dựng xong {re.escape(str(tmp_path / 'Output'))} trong \d+,\d\d giây "
                        r"\(số trang: vi \d+, en \d+\): ghi \d+ tệp, \d+ tệp không đổi, xoá \d+ tệp", summary), summary


def test_build_speaks_english_when_forced(tmp_path: Path) -> None:
    run, shown = build_on_a_terminal(tmp_path, LANG="vi_VN.UTF-8", PORTAL_LANG="en")
    assert run.returncode == 0, shown
    assert "\r\x1b[Kbuilding… render and write done" in shown, shown
    assert "đang dựng trang" not in shown, shown
    assert re.fullmatch(r"Built vi \d+, en \d+ pages into .* in \d+\.\d\d s: \d+ files written, \d+ unchanged, "
                        r"\d+ removed", run.stdout.strip().splitlines()[-1]), run.stdout
