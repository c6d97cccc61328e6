"""`portal check` and `portal build` speak the editor's language (issue 18): a Vietnamese
locale gives Vietnamese messages with the same `path:line:column: severity:` shape,
PORTAL_LANG=en overrides it, and `--format json` keeps English keys and codes.
Through the binary, as an editor runs it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from sitebuild import BUILD_NOW, REPO, portal_binary

FIXTURES = REPO / "Tests" / "PortalKitTests" / "Fixtures"
THEME = REPO / "Themes" / "default"


@pytest.fixture(scope="module")
def broken(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The test site with a page without a title and one with an impossible date."""
    content = tmp_path_factory.mktemp("messages") / "Content"
    shutil.copytree(FIXTURES / "base" / "Content", content)
    news = content / "vi" / "tin-tuc"
    (news / "khong-tieu-de.md").write_text("---\nsummary: Không có tiêu đề.\n---\n\nNội dung.\n", encoding="utf-8")
    (news / "sai-ngay.md").write_text("---\ntitle: Sai ngày\ndate: 2025-13-45\n---\n\nNội dung.\n",
                                      encoding="utf-8")
    return content


def run(content: Path, *args: str, **environment: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("PORTAL_LANG", "LC_ALL", "LC_MESSAGES", "LANG")}
    env.update(environment)
    return subprocess.run([str(portal_binary()), *args, "--content", str(content), "--theme", str(THEME),
                           "--now", BUILD_NOW], capture_output=True, text=True, env=env, timeout=300)


def test_check_in_vietnamese(broken: Path) -> None:
    result = run(broken, "check", LANG="vi_VN.UTF-8")
    assert result.returncode == 1, result.stderr
    lines = result.stdout.splitlines()
    title = next(line for line in lines if "khong-tieu-de.md" in line)
    assert title == (f"{broken}/vi/tin-tuc/khong-tieu-de.md:1:1: lỗi: thiếu tiêu đề (`title`) "
                     "(Cách sửa: thêm `title: …` vào phần đầu (front matter) của tệp)")
    date = next(line for line in lines if "sai-ngay.md" in line)
    assert date.startswith(f"{broken}/vi/tin-tuc/sai-ngay.md:3:7: lỗi: `date` không phải là ngày hợp lệ: 2025-13-45 "
                           "(Cách sửa: ghi theo dạng YYYY-MM-DD")
    assert not any(": error: " in line or ": warning: " in line for line in lines if "tin-tuc" in line)
    assert result.stderr.strip().splitlines()[-1].startswith("2 lỗi, ")


@pytest.mark.parametrize("environment", [{"LANG": "vi_VN.UTF-8", "PORTAL_LANG": "en"}, {"LANG": "C.UTF-8"},
                                         {"LC_ALL": "en_US.UTF-8", "LANG": "vi_VN.UTF-8"}])
def test_check_in_english(broken: Path, environment: dict[str, str]) -> None:
    result = run(broken, "check", **environment)
    assert result.returncode == 1, result.stderr
    title = next(line for line in result.stdout.splitlines() if "khong-tieu-de.md" in line)
    assert title == (f"{broken}/vi/tin-tuc/khong-tieu-de.md:1:1: error: the page has no `title` "
                     "(add `title: …` to the front matter)")
    assert result.stderr.strip().splitlines()[-1].startswith("2 errors, ")


def test_json_keeps_english_keys_and_codes(broken: Path) -> None:
    findings = {}
    for language in ("vi", "en"):
        result = run(broken, "check", "--format", "json", PORTAL_LANG=language)
        assert result.returncode == 1, result.stderr
        findings[language] = next(f for f in json.loads(result.stdout) if f["file"].endswith("khong-tieu-de.md"))
    vi, en = findings["vi"], findings["en"]
    assert set(vi) == set(en) == {"severity", "code", "message", "help", "file", "line", "column"}
    assert vi["severity"] == en["severity"] == "error"
    assert vi["code"] == en["code"] == "front-matter.missing-title"
    assert (vi["line"], vi["column"]) == (en["line"], en["column"]) == (1, 1)
    assert vi["message"] == "thiếu tiêu đề (`title`)"
    assert en["message"] == "the page has no `title`"


def test_build_failure_in_vietnamese(broken: Path, tmp_path: Path) -> None:
    result = run(broken, "build", "--output", str(tmp_path / "Output"), LC_MESSAGES="vi_VN.UTF-8")
    assert result.returncode == 1
    assert f"{broken}/vi/tin-tuc/khong-tieu-de.md:1:1: lỗi: thiếu tiêu đề (`title`)\n" \
           "  Cách sửa: thêm `title: …` vào phần đầu (front matter) của tệp\n" in result.stderr
    assert result.stderr.strip().splitlines()[-1] == \
        "dựng trang không thành công: 2 lỗi; thư mục đầu ra được giữ nguyên như trước"


def test_new_refuses_in_vietnamese(broken: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("PORTAL_LANG", "LC_ALL", "LC_MESSAGES")}
    env["LANG"] = "vi_VN.UTF-8"
    result = subprocess.run([str(portal_binary()), "new", "post", "--lang", "fr", "--title", "Bài mới",
                             "--content", str(broken)], capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 1
    assert "lỗi: `fr` không phải ngôn ngữ của trang (vi, en)\n" \
           "  Cách sửa: dùng --lang với một trong các ngôn ngữ của trang" in result.stderr, result.stderr
    assert not list(broken.rglob("*bai-moi*"))
