"""The YAML reader's, the data files', the settings' and the theme's messages in both languages
(issue 18), through the binary: a front-matter value of the wrong kind, a progress report's
unknown status, a photo width out of range in site.yml, a layout the theme lacks. Run with
LANG=vi_VN.UTF-8 and with PORTAL_LANG=en: the location and the severity word keep their place,
the words change, the JSON code, line and column stay."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from sitebuild import BUILD_NOW, REPO
from test_messages import THEME
from test_messages_errors import check, line_of, portal, site

WEIGHT = {"vi/tin-tuc/can.md": "---\ntitle: Cân\nweight: nặng\n---\n\nNội dung.\n"}
REPORT = "submitted: 2025-11-20\ntasks:\n  - task: 1-1\n    status: in-progres\n    result: { vi: a, en: b }\n"


@pytest.mark.parametrize("language, expected", [
    ("vi", "`weight` phải là một số nguyên, nhưng ở đây là văn bản"),
    ("en", "`weight` must be a whole number, found a text"),
])
def test_wrong_kind_of_value(tmp_path: Path, language: str, expected: str) -> None:
    content = site(tmp_path, WEIGHT)
    result = check(content, language)
    assert result.returncode == 1, result.stderr
    assert line_of(result.stdout, f"{content}/vi/tin-tuc/can.md:3:9", language) == expected


def test_json_code_and_place_stay(tmp_path: Path) -> None:
    content = site(tmp_path, WEIGHT)
    found = {}
    for language in ("vi", "en"):
        result = check(content, language, "--format", "json")
        assert result.returncode == 1, result.stderr
        found[language] = next(f for f in json.loads(result.stdout) if f["file"].endswith("can.md"))
    vi, en = found["vi"], found["en"]
    assert vi["code"] == en["code"] == "yaml.not-a-whole-number"
    assert (vi["line"], vi["column"]) == (en["line"], en["column"]) == (3, 9)
    assert vi["message"] != en["message"]


@pytest.mark.parametrize("language, expected", [
    ("vi", "`status: in-progres` không phải là một trạng thái hợp lệ (Cách sửa: có phải bạn định ghi "
           "`in-progress`? các trạng thái: done, in-progress, not-started, ongoing)"),
    ("en", "`status: in-progres` is not a status (did you mean `in-progress`? "
           "statuses: done, in-progress, not-started, ongoing)"),
])
def test_progress_report_status(tmp_path: Path, language: str, expected: str) -> None:
    files = {name: (REPO / "Content" / name).read_text(encoding="utf-8")
             for name in ("agencies.yml", "plans/2021-2025.yml")}
    content = site(tmp_path, {**files, "reports/2021-2025/2025/so-noi-vu.yml": REPORT})
    result = check(content, language)
    assert result.returncode == 1, result.stderr
    place = f"{content}/reports/2021-2025/2025/so-noi-vu.yml:4:13"
    assert line_of(result.stdout, place, language) == expected


@pytest.mark.parametrize("language, expected", [
    ("vi", "chiều rộng 8 không nằm trong khoảng từ 16 đến 8192 điểm ảnh "
           "(Cách sửa: ghi chiều rộng theo điểm ảnh (pixel), ví dụ [480, 800, 1200, 1600])"),
    ("en", "the width 8 is not between 16 and 8192 pixels (give widths in pixels, e.g. [480, 800, 1200, 1600])"),
])
def test_photo_width_in_site_settings(tmp_path: Path, language: str, expected: str) -> None:
    content = site(tmp_path, {})
    settings = content / "site.yml"
    settings.write_text(settings.read_text(encoding="utf-8") + "images:\n  widths: [480, 8]\n", encoding="utf-8")
    result = check(content, language)
    assert result.returncode == 1, result.stderr
    assert line_of(result.stdout, f"{settings}:22:17", language) == expected


@pytest.mark.parametrize("language, expected", [
    ("vi", "giao diện (theme) chưa có bố cục (layout) `section`\n  Cách sửa: tạo tệp layouts/section.mustache"),
    ("en", "the theme has no `section` layout\n  help: add layouts/section.mustache"),
])
def test_missing_layout(tmp_path: Path, language: str, expected: str) -> None:
    content = site(tmp_path, {})
    theme = tmp_path / "theme"
    shutil.copytree(THEME, theme)
    (theme / "layouts" / "section.mustache").unlink()
    result = portal(language, "build", "--content", str(content), "--theme", str(theme), "--output",
                    str(tmp_path / "Output"), "--now", BUILD_NOW)
    assert result.returncode == 1
    severity = {"vi": "lỗi", "en": "error"}[language]
    assert f"{theme}/layouts: {severity}: {expected}\n" in result.stderr, result.stderr
    assert not (tmp_path / "Output").exists()
