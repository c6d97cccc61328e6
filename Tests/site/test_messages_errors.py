"""The build stages' errors in both languages (issue 18): a broken link, a page's image outside
media/, a photo whose content is not what its name says, an output folder portal did not make,
a folder that is not a build given to `portal publish`, a file that is not a document given to
`portal import`, `portal banner` without `banner:` settings, and a link to a `javascript:`
address. Each is run through the binary with LANG=vi_VN.UTF-8 and with PORTAL_LANG=en: the
location and the severity word keep their place, the words change, the JSON code stays."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from sitebuild import BUILD_NOW, portal_binary
from test_messages import FIXTURES, THEME

LANGUAGES = {"vi": {"LANG": "vi_VN.UTF-8"}, "en": {"PORTAL_LANG": "en", "LANG": "vi_VN.UTF-8"}}
SEVERITY = {"vi": {"error": "lỗi", "warning": "cảnh báo"}, "en": {"error": "error", "warning": "warning"}}


def portal(language: str, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("PORTAL_LANG", "LC_ALL", "LC_MESSAGES", "LANG")}
    env.update(LANGUAGES[language])
    return subprocess.run([str(portal_binary()), *args], capture_output=True, text=True, env=env, timeout=300,
                          cwd=cwd)


def site(root: Path, files: dict[str, str | bytes]) -> Path:
    """The base fixture's content with `files` written over it."""
    content = root / "Content"
    shutil.copytree(FIXTURES / "base" / "Content", content)
    for path, text in files.items():
        target = content / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            target.write_bytes(text)
        else:
            target.write_text(text, encoding="utf-8")
    return content


def line_of(output: str, place: str, language: str, severity: str = "error") -> str:
    """The line that reports `place` (`path`, `path:line:column`) with this severity."""
    prefix = f"{place}: {SEVERITY[language][severity]}: "
    found = [line for line in output.splitlines() if line.startswith(prefix)]
    assert found, f"no line starts with {prefix!r} in:\n{output}"
    return found[0][len(prefix):]


def check(content: Path, language: str, *extra: str) -> subprocess.CompletedProcess:
    return portal(language, "check", "--content", str(content), "--theme", str(THEME), "--now", BUILD_NOW, *extra)


LINKS = {
    "vi/tin-tuc/lien-ket.md": "---\ntitle: Liên kết\n---\n\nĐọc [bài không có](../khong-co/bai.md) nhé.\n\n"
                              "Xem [đây](javascript:alert(1)).\n",
    "vi/tin-tuc/anh.md": "---\ntitle: Ảnh\nimage: /media/khong-co.jpg\nimageAlt: Ảnh\n---\n\nNội dung.\n",
}
LINK_TEXTS = {
    "vi": ("liên kết tới `../khong-co/bai.md` trỏ tới một trang không tồn tại",
           "ảnh của trang `/media/khong-co.jpg` không phải tệp trong media/",
           "liên kết tới địa chỉ `javascript:` đã bị bỏ"),
    "en": ("the link to `../khong-co/bai.md` points at a page that does not exist",
           "the page's image `/media/khong-co.jpg` is not a file in media/",
           "the link to a `javascript:` address was removed"),
}


@pytest.mark.parametrize("language", ["vi", "en"])
def test_links_and_page_image(tmp_path: Path, language: str) -> None:
    content = site(tmp_path, LINKS)
    result = check(content, language)
    assert result.returncode == 1, result.stderr
    missing, image, scheme = LINK_TEXTS[language]
    # portal check prints one line per finding, its help in parentheses after it (`Cách sửa:` first in
    # Vietnamese).
    assert line_of(result.stdout, f"{content}/vi/tin-tuc/lien-ket.md:5:5", language).startswith(missing)
    assert line_of(result.stdout, f"{content}/vi/tin-tuc/anh.md:3:8", language).startswith(image)
    assert line_of(result.stdout, f"{content}/vi/tin-tuc/lien-ket.md:7:5", language, "warning").startswith(scheme)
    assert {"vi": "(Cách sửa: kiểm tra tên tệp và thư mục; đường dẫn của liên kết tính từ tệp này, "
                  "ví dụ ../tin-tuc/bai.md)",
            "en": "(check the file name and the folder; links are relative to this file, e.g. ../tin-tuc/bai.md)"
            }[language] in result.stdout


def test_link_json_code_is_the_same(tmp_path: Path) -> None:
    content = site(tmp_path, LINKS)
    found = {}
    for language in ("vi", "en"):
        result = check(content, language, "--format", "json")
        assert result.returncode == 1, result.stderr
        found[language] = next(f for f in json.loads(result.stdout) if f["file"].endswith("lien-ket.md")
                               and f["severity"] == "error")
    assert found["vi"]["code"] == found["en"]["code"] == "link.missing-page"
    assert (found["vi"]["line"], found["vi"]["column"]) == (found["en"]["line"], found["en"]["column"]) == (5, 5)
    assert found["vi"]["message"] == LINK_TEXTS["vi"][0]
    assert found["en"]["message"] == LINK_TEXTS["en"][0]


@pytest.mark.parametrize("language", ["vi", "en"])
def test_photo_named_as_another_format(tmp_path: Path, language: str) -> None:
    png = (FIXTURES / "base" / "Content" / "media" / "anh.png").read_bytes()
    content = site(tmp_path, {"media/anh-sai.jpg": png})
    result = portal(language, "build", "--content", str(content), "--theme", str(THEME), "--now", BUILD_NOW,
                    "--output", str(tmp_path / "out"))
    assert result.returncode == 1
    text = line_of(result.stderr, f"{content}/media/anh-sai.jpg", language)
    assert text == {"vi": "tệp là ảnh PNG, không phải ảnh JPEG như tên tệp cho biết",
                    "en": "the file is a PNG image, not JPEG as its name says"}[language]
    assert {"vi": "  Cách sửa: đổi tên tệp theo đúng đuôi của nội dung tệp (.png)",
            "en": "  help: rename the file with the extension of its content (.png)"}[language] in result.stderr


@pytest.mark.parametrize("language", ["vi", "en"])
def test_output_folder_of_other_files(tmp_path: Path, language: str) -> None:
    content = site(tmp_path, {})
    output = tmp_path / "khac"
    output.mkdir()
    (output / "ghi-chu.txt").write_text("không phải của portal\n", encoding="utf-8")
    result = portal(language, "build", "--content", str(content), "--theme", str(THEME), "--now", BUILD_NOW,
                    "--output", str(output))
    assert result.returncode == 1
    assert line_of(result.stderr, str(output), language) == {
        "vi": "thư mục đầu ra không trống và không do portal tạo (không có tệp .portal-output); "
              "thư mục được giữ nguyên",
        "en": "the output folder is not empty and was not made by portal (it has no .portal-output); "
              "it was left untouched"}[language]
    assert (output / "ghi-chu.txt").is_file()


@pytest.mark.parametrize("language", ["vi", "en"])
def test_publish_a_folder_that_is_not_a_build(tmp_path: Path, language: str) -> None:
    output = tmp_path / "Output"
    output.mkdir()
    result = portal(language, "publish", "--to", str(tmp_path / "pub"), "--output", str(output))
    assert result.returncode == 1
    assert line_of(result.stderr, str(output), language) == {
        "vi": "thư mục này không phải kết quả dựng trang của portal (không có tệp .portal-output); "
              "chưa có gì được đăng",
        "en": "this folder is not a build of portal (it has no .portal-output); nothing was published"}[language]
    assert not (tmp_path / "pub" / "current").exists()


@pytest.mark.parametrize("language", ["vi", "en"])
def test_import_a_file_that_is_not_a_document(tmp_path: Path, language: str) -> None:
    content = site(tmp_path, {})
    note = tmp_path / "thong-cao.txt"
    note.write_text("Thông cáo báo chí.\n", encoding="utf-8")
    result = portal(language, "import", str(note), "--content", str(content), "--lang", "vi",
                    "--section", "tin-tuc")
    assert result.returncode == 1
    assert line_of(result.stderr, str(note), language) == {
        "vi": "đây không phải tệp Word (.docx) hay OpenDocument (.odt)",
        "en": "this is not a Word (.docx) or OpenDocument (.odt) file"}[language]
    assert {"vi": "  Cách sửa: lưu tài liệu dạng .docx", "en": "  help: save the document as .docx"}[language] \
        in result.stderr


@pytest.mark.parametrize("language", ["vi", "en"])
def test_banner_without_settings(tmp_path: Path, language: str) -> None:
    content = site(tmp_path, {})
    result = portal(language, "banner", "--year", "2027", "--content", str(content), "--theme", str(THEME),
                    "--output", str(tmp_path / "kit"))
    assert result.returncode == 1
    assert line_of(result.stderr, f"{content}/site.yml", language) == {
        "vi": "site.yml chưa có thiết lập `banner:`", "en": "site.yml has no `banner:` settings"}[language]
    assert not (tmp_path / "kit").exists()
