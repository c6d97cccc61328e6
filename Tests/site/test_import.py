"""`portal import` end to end: real .docx and .odt files, made by Debian's pandoc from Markdown
(with raw Word XML for what Markdown cannot say: an empty paragraph, a text box) and, for the
.odt, LibreOffice's XML for image descriptions, a comment and tracked changes. Each holds
Vietnamese headings, a table, two images (one without a description), a link, NFD text, an
empty paragraph, line breaks typed for spacing, a comment and tracked changes. The binary
imports them into a copy of the repository's Content/; the Markdown is checked exactly, then
the warnings, the refusals to overwrite, and the built page (images as <picture>, the table,
the link), which vnu validates.
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import unicodedata
import zipfile
import zlib
from pathlib import Path

import pytest

import checks
from sitebuild import REPO, build, portal_binary

DATE = "2026-11-28"
NFD = unicodedata.normalize("NFD", "Hội nghị tổng kết hợp tác văn hoá")  # typed on a macOS keyboard
AUTHOR = "Nguyễn Văn An"
COMMENTER = "Trần Thị Bình"


def png(width: int, height: int, rgb: tuple[int, int, int]) -> bytes:
    """A valid RGB PNG of one colour."""
    rows = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows))
            + chunk(b"IEND", b""))


# Raw Word XML: an empty paragraph, and a text box (DrawingML with its VML fallback, as Word
# writes it: the box's text is there twice).
EMPTY_PARAGRAPH = "```{=openxml}\n<w:p><w:pPr><w:pStyle w:val=\"BodyText\"/></w:pPr></w:p>\n```"
TEXT_BOX = """```{=openxml}
<w:p><w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="wps"><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV><wp:extent cx="2000000" cy="500000"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapSquare wrapText="bothSides"/><wp:docPr id="90" name="Text Box 1"/><a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="2000000" cy="500000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr><wps:txbx><w:txbxContent><w:p><w:r><w:t>Đường dây nóng: 0236 3822 111</w:t></w:r></w:p></w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape id="tb1" style="width:150pt;height:40pt" type="#_x0000_t202"><v:textbox><w:txbxContent><w:p><w:r><w:t>Đường dây nóng: 0236 3822 111</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>
```"""

CHANGE = f'author="{AUTHOR}" date="2026-11-20T09:00:00Z"'

# The document as its sender wrote it: a title and a subtitle (the lead), a first heading, spacing done with Shift+Enter,
# a bookmark ([]{#muc-1}), underline, a comment on "kết quả" and two tracked changes.
WORD_SOURCE = f"""---
title: Đà Nẵng tổng kết năm hợp tác ASEAN
subtitle: Một năm với 19 hoạt động hợp tác
---

# Tổng quan {{#tong-quan}}

[]{{#muc-1}}Sáng 27/11, Sở Ngoại vụ tổ chức **{NFD}** với *các đối tác ASEAN*.\\
\\


{EMPTY_PARAGRAPH}

Thông tin chi tiết tại [Cổng thông tin điện tử thành phố](https://danang.gov.vn/).\\
\\
Đây là đoạn thứ hai, [gạch chân]{{.underline}} bị bỏ.

![Lễ khai mạc hội nghị tại Đà Nẵng](khai-mac.png)

![](bieu-do.png)

## Các [Xem lại số liệu năm 2025]{{.comment-start id="0" author="{COMMENTER}" date="2026-11-21T10:00:00Z"}}kết quả[]{{.comment-end id="0"}} chính

| Lĩnh vực | Số hoạt động |
|---|---|
| Văn hoá | 12 |
| Giáo dục | 7 |

Số hoạt động [tăng]{{.insertion {CHANGE}}}[giảm]{{.deletion {CHANGE}}} so với năm trước.\\
Địa chỉ: 24 Trần Phú

{TEXT_BOX}
"""

EXPECTED_DOCX = f"""---
title: "Đà Nẵng tổng kết năm hợp tác ASEAN"
date: {DATE}T00:00:00+07:00
summary: ""
translationKey: "{DATE}-da-nang-tong-ket-nam-hop-tac-asean"
agency: so-ngoai-vu
---

Một năm với 19 hoạt động hợp tác

## Tổng quan

Sáng 27/11, Sở Ngoại vụ tổ chức **{unicodedata.normalize("NFC", NFD)}** với *các đối tác ASEAN*.

Thông tin chi tiết tại [Cổng thông tin điện tử thành phố](https://danang.gov.vn/).

Đây là đoạn thứ hai, gạch chân bị bỏ.

![Lễ khai mạc hội nghị tại Đà Nẵng](/media/da-nang-tong-ket-nam-hop-tac-asean/le-khai-mac-hoi-nghi-tai-da-nang.png)

![](/media/da-nang-tong-ket-nam-hop-tac-asean/anh-2.png)

### Các kết quả chính

| Lĩnh vực | Số hoạt động |
|----------|--------------|
| Văn hoá  | 12           |
| Giáo dục | 7            |

Số hoạt động tăng so với năm trước.\\
Địa chỉ: 24 Trần Phú
"""

ODT_SOURCE = f"""---
title: ASEAN Culture Week in Da Nang
---

# Overview

The city's **{NFD}** met *partners* on 27 November.\\
\\
More at [the city portal](https://danang.gov.vn/).

![](opening.png)

![](chart.png)

| Field | Events |
|---|---|
| Culture | 12 |

Events rose this year.
"""

EXPECTED_ODT = f"""---
title: "ASEAN Culture Week in Da Nang"
date: {DATE}T00:00:00+07:00
summary: ""
translationKey: "{DATE}-asean-culture-week-in-da-nang"
---

## Overview

The city’s **{unicodedata.normalize("NFC", NFD)}** met *partners* on 27 November.

More at [the city portal](https://danang.gov.vn/).

![The opening ceremony](/media/asean-culture-week-in-da-nang/the-opening-ceremony.png)

![](/media/asean-culture-week-in-da-nang/image-2.png)

| Field   | Events |
|---------|--------|
| Culture | 12     |

Events rose this year.
"""


def pandoc(source: str, output: Path, folder: Path) -> None:
    (folder / "source.md").write_text(source, encoding="utf-8")
    run = subprocess.run(["pandoc", "--from", "markdown-implicit_figures+raw_attribute", "--output", str(output),
                          "source.md"], cwd=folder, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr


def rewrite_part(package: Path, part: str, change) -> None:
    """Rewrites one XML part of a zip package (LibreOffice's additions pandoc does not write)."""
    items = []
    with zipfile.ZipFile(package) as source:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == part:
                data = change(data.decode("utf-8")).encode("utf-8")
            items.append((info, data))
    with zipfile.ZipFile(package, "w") as target:
        for info, data in items:
            target.writestr(info, data)


def odt_additions(xml: str) -> str:
    """What LibreOffice writes for an image description, a text box, a comment, an insertion and
    a deletion (pandoc's ODT writer writes none of them)."""
    info = f"<office:change-info><dc:creator>{AUTHOR}</dc:creator><dc:date>2026-11-20T09:00:00</dc:date></office:change-info>"
    changes = ("<text:tracked-changes>"
               f'<text:changed-region text:id="ct1"><text:insertion>{info}</text:insertion></text:changed-region>'
               f'<text:changed-region text:id="ct2"><text:deletion>{info}<text:p>fell</text:p></text:deletion>'
               "</text:changed-region></text:tracked-changes>")
    xml = xml.replace("<office:text>", "<office:text>" + changes, 1)
    xml = re.sub(r'(<draw:image xlink:href="Pictures/0\.png"[^>]*/>)',
                 r"\1<svg:title>Opening</svg:title><svg:desc>The opening ceremony</svg:desc>", xml, count=1)
    assert "svg:desc" in xml
    old = "Events rose this year."
    assert old in xml
    box = ('<draw:frame draw:name="Frame1" text:anchor-type="as-char" svg:width="5cm"><draw:text-box>'
           "<text:p>Hotline: 0236 3822 111</text:p></draw:text-box></draw:frame>")
    return xml.replace(old, (
        box + 'Events <text:change-start text:change-id="ct1"/>rose<text:change-end text:change-id="ct1"/>'
        '<text:change text:change-id="ct2"/> this year.'
        f"<office:annotation><dc:creator>{COMMENTER}</dc:creator><dc:date>2026-11-21T10:00:00</dc:date>"
        "<text:p>Check the figure</text:p></office:annotation>"), 1)


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A copy of Content/ and the two documents."""
    if shutil.which("pandoc") is None:
        pytest.fail("pandoc is missing: scripts/setup-system installs it")
    root = tmp_path_factory.mktemp("import")
    content = root / "Content"
    shutil.copytree(REPO / "Content", content)
    docs = root / "docs"
    docs.mkdir()
    for name, colour in (("khai-mac.png", (200, 40, 40)), ("opening.png", (200, 40, 40)),
                         ("bieu-do.png", (40, 40, 200)), ("chart.png", (40, 40, 200))):
        (docs / name).write_bytes(png(64, 48, colour))
    docx = docs / "tong-ket.docx"
    pandoc(WORD_SOURCE, docx, docs)
    odt = docs / "culture-week.odt"
    pandoc(ODT_SOURCE, odt, docs)
    rewrite_part(odt, "content.xml", odt_additions)
    return {"root": root, "content": content, "docx": docx, "odt": odt}


def portal_import(document: Path, content: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(portal_binary()), "import", str(document), "--content", str(content),
                           "--date", DATE, *extra], capture_output=True, text=True, timeout=120)


def warnings(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if ": warning: " in line]


@pytest.fixture(scope="module")
def imported(workspace) -> dict[str, subprocess.CompletedProcess]:
    content = workspace["content"]
    return {
        "docx": portal_import(workspace["docx"], content, "--lang", "vi", "--section", "tin-tuc",
                              "--agency", "so-ngoai-vu"),
        "odt": portal_import(workspace["odt"], content, "--lang", "en", "--section", "news"),
    }


def test_word_document_becomes_clean_markdown(workspace, imported):
    run = imported["docx"]
    assert run.returncode == 0, run.stderr
    post = workspace["content"] / "vi/tin-tuc" / f"{DATE}-da-nang-tong-ket-nam-hop-tac-asean.md"
    media = workspace["content"] / "media/da-nang-tong-ket-nam-hop-tac-asean"
    assert run.stdout.splitlines() == [
        str(post),
        f"{media}/: 2 images",
        f"preview: portal serve --content {workspace['content']}, then open "
        "http://127.0.0.1:1313/tin-tuc/da-nang-tong-ket-nam-hop-tac-asean/",
    ]
    text = post.read_text(encoding="utf-8")
    assert text == EXPECTED_DOCX
    assert unicodedata.is_normalized("NFC", text)
    for leftover in ("<", "{#", "]{", "_Toc", "  \n", "\n\n\n", "Đường dây nóng", "Xem lại", "giảm"):
        assert leftover not in text, f"{leftover!r} in the imported post"
    assert sorted(p.name for p in media.iterdir()) == ["anh-2.png", "le-khai-mac-hoi-nghi-tai-da-nang.png"]
    assert (media / "le-khai-mac-hoi-nghi-tai-da-nang.png").read_bytes() == png(64, 48, (200, 40, 40))


def test_word_document_warnings(workspace, imported):
    post = f"{workspace['content']}/vi/tin-tuc/{DATE}-da-nang-tong-ket-nam-hop-tac-asean.md"
    docx = str(workspace["docx"])
    assert warnings(imported["docx"].stderr) == [
        f"{docx}: warning: a text box was not imported: “Đường dây nóng: 0236 3822 111”",
        f"{docx}: warning: a comment by {COMMENTER} was not imported: “Xem lại số liệu năm 2025”",
        f"{docx}: warning: a tracked change by {AUTHOR} was accepted: the inserted text “tăng” is in the post",
        f"{docx}: warning: a tracked change by {AUTHOR} was accepted: the deleted text “giảm” is not in the post",
        f"{post}:21:1: warning: the image anh-2.png has no description in the document, so its alt text is empty",
    ]
    assert EXPECTED_DOCX.splitlines()[20].startswith("![](")


def test_opendocument_text(workspace, imported):
    run = imported["odt"]
    assert run.returncode == 0, run.stderr
    post = workspace["content"] / "en/news" / f"{DATE}-asean-culture-week-in-da-nang.md"
    assert run.stdout.splitlines()[0] == str(post)
    assert run.stdout.splitlines()[2].endswith("http://127.0.0.1:1313/en/news/asean-culture-week-in-da-nang/")
    assert post.read_text(encoding="utf-8") == EXPECTED_ODT
    odt = str(workspace["odt"])
    assert warnings(run.stderr) == [
        f"{odt}: warning: a text box was not imported: “Hotline: 0236 3822 111”",
        f"{odt}: warning: a tracked change by {AUTHOR} was accepted: the inserted text “rose” is in the post",
        f"{odt}: warning: a tracked change by {AUTHOR} was accepted: the deleted text “fell” is not in the post",
        f"{odt}: warning: a comment by {COMMENTER} was not imported: “Check the figure”",
        f"{post}:16:1: warning: the image image-2.png has no description in the document, so its alt text is empty",
    ]


def test_refuses_to_overwrite(workspace, imported):
    content = workspace["content"]
    post = content / "vi/tin-tuc" / f"{DATE}-da-nang-tong-ket-nam-hop-tac-asean.md"
    media = content / "media/da-nang-tong-ket-nam-hop-tac-asean"
    before = post.read_bytes(), sorted(p.name for p in media.iterdir())
    again = portal_import(workspace["docx"], content, "--lang", "vi", "--section", "tin-tuc")
    assert again.returncode == 1
    assert f"{post}: error: the file already exists; it was left untouched" in again.stderr
    # Another day, so another post's name, but the same images' folder: refused, nothing written.
    other_day = subprocess.run([str(portal_binary()), "import", str(workspace["docx"]), "--content", str(content),
                                "--lang", "vi", "--section", "tin-tuc", "--date", "2026-11-29"],
                               capture_output=True, text=True, timeout=120)
    assert other_day.returncode == 1
    assert f"{media}: error: this folder of images already exists; nothing was written" in other_day.stderr
    assert not (content / "vi/tin-tuc/2026-11-29-da-nang-tong-ket-nam-hop-tac-asean.md").exists()
    assert (post.read_bytes(), sorted(p.name for p in media.iterdir())) == before


def test_imported_posts_build_and_validate(workspace, imported, tmp_path):
    assert all(run.returncode == 0 for run in imported.values())
    out = tmp_path / "Output"
    build(workspace["content"], out)
    pages = [out / "tin-tuc/da-nang-tong-ket-nam-hop-tac-asean/index.html",
             out / "en/news/asean-culture-week-in-da-nang/index.html"]
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert html.count("<picture>") == 2, page
        assert "<table>" in html and 'href="https://danang.gov.vn/"' in html, page
    vi = pages[0].read_text(encoding="utf-8")
    assert 'alt="Lễ khai mạc hội nghị tại Đà Nẵng"' in vi
    assert "<th>Lĩnh vực</th>" in vi and "<td>Văn hoá</td>" in vi
    assert re.search(r'<img src="[^"]*/media/da-nang-tong-ket-nam-hop-tac-asean/anh-2\.png"[^>]* alt=""', vi)
    assert (out / "media/da-nang-tong-ket-nam-hop-tac-asean/anh-2.png.share.jpg").is_file()
    assert checks.vnu_errors(pages) == []


def test_not_a_document(workspace, tmp_path):
    doc = tmp_path / "thu-moi.doc"
    doc.write_bytes(b"\xd0\xcf\x11\xe0")
    run = portal_import(doc, workspace["content"], "--lang", "vi")
    assert run.returncode == 1
    assert "error: this is not a Word (.docx) or OpenDocument (.odt) file" in run.stderr
    assert "saved again as .docx" in run.stderr
