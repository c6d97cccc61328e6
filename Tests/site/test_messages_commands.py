"""The commands' own refusals and failures in both languages (issue 18), through the binary: a
command line refused before anything runs (exit status 64; ArgumentParser's `Error:` and usage
lines stay English, the reason is the chosen language's), `portal report` for a year that is
not a reporting year, and `portal serve` on a port another program holds. None of them is about
a file, so none has a place. `portal serve`'s own lines in both languages, and a guard that no
command writes a sentence for people outside the catalogue."""

from __future__ import annotations

import re
import signal
import socket
import subprocess
import threading
from pathlib import Path

import pytest

import sample_site
from sitebuild import REPO, portal_binary
from test_help_languages import environment


def portal(*args: str, **chosen: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(portal_binary()), *args], capture_output=True, text=True, timeout=120,
                          env=environment(**chosen))


VIETNAMESE = {"LANG": "vi_VN.UTF-8"}
ENGLISH = {"LANG": "vi_VN.UTF-8", "PORTAL_LANG": "en"}


@pytest.mark.parametrize("args, english, vietnamese", [
    (["build", "--jobs", "0"], "Error: --jobs must be at least 1\n", "Error: --jobs phải từ 1 trở lên\n"),
    (["build", "--now", "ngày mai"],
     "Error: --now must be a date or date-time such as 2026-07-01 or 2026-07-01T08:00, got `ngày mai`\n",
     "Error: --now phải là một ngày hoặc ngày giờ, ví dụ 2026-07-01 hoặc 2026-07-01T08:00; "
     "giá trị đã ghi: `ngày mai`\n"),
    (["translate", "Content/vi/bai.md"], "Error: give either --to LANGUAGE or --refresh\n",
     "Error: hãy ghi một trong hai: --to NGÔN_NGỮ hoặc --refresh\n"),
    (["publish", "--to", "/nonexistent/publish", "--rollback", "--list"],
     "Error: --rollback and --list cannot be used together\n", "Error: không dùng được --rollback và --list cùng lúc\n"),
    (["serve", "--port", "70000"], "Error: --port must be between 0 and 65535\n",
     "Error: --port phải nằm trong khoảng từ 0 đến 65535\n"),
])
def test_refused_command_lines(args: list[str], english: str, vietnamese: str) -> None:
    for chosen, expected in ((ENGLISH, english), (VIETNAMESE, vietnamese)):
        run = portal(*args, **chosen)
        assert run.returncode == 64, run.stderr
        assert run.stderr.startswith(expected), run.stderr
        assert "\nUsage: portal " in run.stderr, run.stderr  # ArgumentParser's, English


def test_not_a_reporting_year(tmp_path: Path) -> None:
    content = sample_site.make_sample_content(tmp_path)
    output = tmp_path / "bao-cao.html"
    said = {}
    for name, chosen in (("en", ENGLISH), ("vi", VIETNAMESE)):
        run = portal("report", "--plan", sample_site.PLAN, "--year", "2030", "--now", "2026-12-04", "--output",
                     str(output), "--content", str(content), **chosen)
        assert run.returncode == 64, run.stderr
        said[name] = run.stderr
    assert said["en"] == ("error: 2030 is not a reporting year of plan `2021-2025`\n"
                          "  help: its reporting years: 2022, 2023, 2024, 2025\n")
    assert said["vi"] == ("lỗi: 2030 không phải năm báo cáo của kế hoạch `2021-2025`\n"
                          "  Cách sửa: các năm báo cáo của kế hoạch: 2022, 2023, 2024, 2025\n")
    assert not output.exists()


def test_serve_on_a_port_in_use(tmp_path: Path) -> None:
    content = sample_site.make_sample_content(tmp_path)
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        said = {}
        for name, chosen in (("en", ENGLISH), ("vi", VIETNAMESE)):
            run = portal("serve", "--content", str(content), "--port", str(port), **chosen)
            assert run.returncode == 1, run.stderr
            said[name] = run.stderr
    assert said["en"].endswith(
        f"error: cannot listen on 127.0.0.1:{port}: Address already in use\n"
        "  help: another program (or another `portal serve`) may use the port; choose another with --port, "
        "or --port 0 for any free one\n"), said["en"]
    assert said["vi"].endswith(
        f"lỗi: không mở được cổng 127.0.0.1:{port}: Address already in use\n"
        "  Cách sửa: có thể một chương trình khác (hoặc một `portal serve` khác) đang dùng cổng này; hãy chọn "
        "cổng khác bằng --port, hoặc --port 0 để tự chọn một cổng còn trống\n"), said["vi"]


def serve_lines(content: Path, **chosen: str) -> list[str]:
    """What `portal serve` prints from its start to its end on Ctrl-C: the first build's line,
    the listening line, and the line it stops with."""
    process = subprocess.Popen([str(portal_binary()), "serve", "--content", str(content), "--theme",
                                str(sample_site.THEME), "--port", "0", "--now", "2026-12-04"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=environment(**chosen))
    lines: list[str] = []
    built = threading.Event()

    def read() -> None:
        for line in process.stdout:
            lines.append(line.rstrip("\n"))
            if len(lines) >= 2:
                built.set()
        built.set()

    reader = threading.Thread(target=read)
    reader.start()
    try:
        assert built.wait(timeout=180), lines
        process.send_signal(signal.SIGINT)
        process.wait(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
        reader.join(timeout=10)
    assert process.returncode == 0, process.stderr.read()
    return lines


def test_serve_speaks_both_languages(tmp_path: Path) -> None:
    content = sample_site.make_sample_content(tmp_path)
    english = serve_lines(content, **ENGLISH)
    assert re.fullmatch(r"Built vi \d+, en \d+ pages in \d+\.\d\d s", english[0]), english
    assert re.fullmatch(rf"Serving http://127\.0\.0\.1:\d+/ — watching {re.escape(str(content))}, .* \(inotify\); "
                        "Ctrl-C stops", english[1]), english
    assert english[-1] == "Stopped", english
    vietnamese = serve_lines(content, **VIETNAMESE)
    assert re.fullmatch(r"Đã dựng xong \(số trang: vi \d+, en \d+\) trong \d+,\d\d giây", vietnamese[0]), vietnamese
    assert re.fullmatch(rf"Đang phục vụ http://127\.0\.0\.1:\d+/ — theo dõi {re.escape(str(content))}, .* "
                        r"\(inotify\); nhấn Ctrl-C để dừng", vietnamese[1]), vietnamese
    assert vietnamese[-1] == "Đã dừng", vietnamese


def test_the_commands_print_no_sentence_of_their_own() -> None:
    """Sources/portal and Sources/PortalServer take every text for people from the catalogue:
    no help, abstract, refusal or printed line written there as a string literal."""
    literal = re.compile(r"""(?:\b(?:abstract|discussion|help|message):\s*|(?:ValidationError|Terminal\.error|"""
                         r"""Terminal\.progress|print)\(\s*)"[^"\\]*[A-Za-z]{2}""")
    found = [f"{path.relative_to(REPO)}:{number}: {line.strip()}"
             for folder in ("Sources/portal", "Sources/PortalServer") for path in sorted((REPO / folder).glob("*.swift"))
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if literal.search(line)]
    assert not found, "\n".join(found)
