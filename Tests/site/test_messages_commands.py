"""The commands' own refusals and failures in both languages (issue 18), through the binary: a
command line refused before anything runs (exit status 64; ArgumentParser's `Error:` and usage
lines stay English, the reason is the chosen language's), `portal report` for a year that is
not a reporting year, and `portal serve` on a port another program holds. None of them is about
a file, so none has a place."""

from __future__ import annotations

import socket
import subprocess
from pathlib import Path

import pytest

import sample_site
from sitebuild import portal_binary
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
