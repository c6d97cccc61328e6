"""`portal report` end to end, the built binary on the sample progress site (sample_site.py):
the compiled report of a year as a printable HTML page (valid, laid out as a Vietnamese
administrative report) in both languages, as a Word document read back by pandoc, `--missing`
for a reminder job, and the command-line errors (README, "Commands": 64 for a command line
that cannot be run, 1 for a command that failed).
"""

from __future__ import annotations

import html as htmllib
import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

import checks
import sample_site
from sitebuild import portal_binary

NOW = "2026-12-04"  # a year after the plan's end: the 2025 deadline (30 November) has passed
YEAR = 2025  # the sample reports: Home Affairs and Agriculture and Environment on time, Health late


def portal(*args: str, content: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(portal_binary()), *args, "--content", str(content)],
                          capture_output=True, text=True, timeout=120)


def report(content: Path, output: Path, *extra: str, year: int = YEAR) -> Path:
    run = portal("report", "--plan", sample_site.PLAN, "--year", str(year), "--now", NOW,
                 "--output", str(output), *extra, content=content)
    assert run.returncode == 0, f"portal report {' '.join(extra)} exited {run.returncode}:\n{run.stderr}"
    assert output.is_file() and output.stat().st_size > 0, f"no {output}"
    return output


class Outline(HTMLParser):
    """A report's text as (tag, text) blocks in document order: headings, paragraphs and list
    items, with <br> kept as a line break."""

    BLOCKS = {"h1", "h2", "h3", "p", "li", "div", "td"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[str, str]] = []
        self._stack: list[tuple[str, list[str]]] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("style", "title", "script"):
            self._skip += 1
        elif tag in self.BLOCKS:
            self._stack.append((tag, []))
        elif tag == "br" and self._stack:
            self._stack[-1][1].append("\0")

    def handle_endtag(self, tag):
        if tag in ("style", "title", "script"):
            self._skip -= 1
        elif tag in self.BLOCKS and self._stack and self._stack[-1][0] == tag:
            name, parts = self._stack.pop()
            text = "\n".join(" ".join(line.split()) for line in "".join(parts).split("\0")).strip()
            if text:
                self.blocks.append((name, text))

    def handle_data(self, data):
        if not self._skip and self._stack:
            self._stack[-1][1].append(data)


def outline(html: str) -> list[tuple[str, str]]:
    parser = Outline()
    parser.feed(html)
    parser.close()
    return parser.blocks


def tag_text(fragment: str) -> str:
    """An HTML fragment's text, tags removed and spaces folded."""
    return " ".join(htmllib.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def headings(blocks: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [(tag, " ".join(text.split())) for tag, text in blocks if tag in ("h1", "h2", "h3")]


def section(blocks: list[tuple[str, str]], heading: str) -> list[str]:
    """The texts after the h2 `heading` up to the next h2."""
    index = blocks.index(("h2", heading))
    after = []
    for tag, text in blocks[index + 1:]:
        if tag == "h2":
            break
        after.append(text)
    return after


@pytest.fixture(scope="session")
def sample(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The sample site's content, and its 2025 progress as the dashboard publishes it (the
    open data), to hold the report to the same facts."""
    root = tmp_path_factory.mktemp("report")
    content = sample_site.make_sample_content(root)
    out = root / "Output"
    run = subprocess.run([str(portal_binary()), "build", "--content", str(content), "--output", str(out),
                          "--theme", str(sample_site.THEME), "--now", NOW],
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    progress = json.loads((out / "ke-hoach" / sample_site.PLAN / "tien-do" / "tien-do.json").read_text())
    year = next(y for y in progress["years"] if y["year"] == YEAR)
    return {"root": root, "content": content, "year": year}


@pytest.fixture(scope="session")
def agency_names(sample) -> dict[str, dict[str, str]]:
    """id → {vi, en} names, from the English and Vietnamese agency pages' <h1>."""
    names: dict[str, dict[str, str]] = {}
    out = sample["root"] / "Output"
    for language, folder in (("vi", out / "co-quan"), ("en", out / "en" / "agencies")):
        for page in folder.glob("*/index.html"):
            h1 = [text for tag, text in outline(page.read_text(encoding="utf-8")) if tag == "h1"]
            names.setdefault(page.parent.name, {})[language] = h1[0]
    return names


LANGUAGES = {
    "vi": {
        "national": ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"],
        "issuer": "UBND THÀNH PHỐ ĐÀ NẴNG",
        "place": "Đà Nẵng, ngày 04 tháng 12 năm 2026",
        "title": "BÁO CÁO",
        "task": "Nhiệm vụ",
        "missing": "Cơ quan chưa gửi báo cáo",
        "late": "Cơ quan gửi báo cáo muộn",
        "lead": "Cơ quan chủ trì: ",
        "pillars": ["1. Cộng đồng gắn kết và mang lại lợi ích cho người dân", "2. Cộng đồng hòa nhập",
                    "3. Cộng đồng bền vững", "4. Cộng đồng tự lực tự cường", "5. Cộng đồng năng động"],
        # Task 4-4, reported late by Health (the labour department's successor for it).
        "entry": "Sở Y tế (Đang thực hiện): Mẫu: đang thực hiện.",
        "entry-task": "Nhiệm vụ 4-4: ",
        "late-entry": "Sở Y tế: 3/12/2025",
    },
    "en": {
        "national": ["SOCIALIST REPUBLIC OF VIET NAM", "Independence - Freedom - Happiness"],
        "issuer": "DA NANG CITY PEOPLE'S COMMITTEE",
        "place": "Da Nang, 4 December 2026",
        "title": "REPORT",
        "task": "Task",
        "missing": "Agencies that did not report",
        "late": "Agencies that reported late",
        "lead": "Lead agency: ",
        "pillars": None,
        "entry": "Department of Health (In progress): Sample: under way.",
        "entry-task": "Task 4-4: ",
        "late-entry": None,
    },
}


@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_html_report_is_an_administrative_report_of_the_year(sample, agency_names, language, tmp_path):
    words = LANGUAGES[language]
    page = report(sample["content"], tmp_path / f"bao-cao-{language}.html", "--lang", language)
    html = page.read_text(encoding="utf-8")
    assert f'<html lang="{language}">' in html
    assert "@page { size: A4;" in html
    blocks = outline(html)
    texts = [text for _, text in blocks]
    # The heading: the issuing body on the left, the national heading on the right, each line
    # its own line; then the place and date line, then the report's name.
    assert "\n".join(words["national"]) in texts, texts[:4]
    assert any(text.startswith(words["issuer"] + "\n") for text in texts), texts[:4]
    place = texts.index(words["place"])
    assert place < texts.index(words["title"]) < texts.index(words["missing"])
    assert ("h1", words["title"]) in blocks
    # Per characteristic, its tasks (every one of the plan's 31) with lead and status.
    h2 = [text for tag, text in blocks if tag == "h2"]
    assert len(h2) >= 6 and h2[5] == words["missing"], h2
    if words["pillars"]:
        assert h2[:5] == words["pillars"]
    tasks = [text for tag, text in blocks if tag == "h3"]
    assert len(tasks) == 31 and all(text.startswith(words["task"] + " ") for text in tasks)
    leads = [text for text in texts if text.startswith(words["lead"])]
    assert len(leads) == 31
    # Each reporting agency's status and result under its task.
    task_44 = next(i for i, (tag, text) in enumerate(blocks) if tag == "h3" and text.startswith(words["entry-task"]))
    following = []
    for tag, text in blocks[task_44 + 1:]:
        if tag.startswith("h"):
            break
        following.append(text)
    assert words["entry"] in following, following
    # Then the agencies that did not report: the same as the dashboard's, in its order.
    missing = section(blocks, words["missing"])
    expected = [agency_names[agency][language] for agency in sample["year"]["missing"]]
    assert expected and missing == expected
    for reported in ("so-noi-vu", "so-y-te", "so-nong-nghiep-va-moi-truong"):
        assert agency_names[reported][language] not in missing
    # And those that reported late.
    late = section(blocks, words["late"])
    assert [entry["agency"] for entry in sample["year"]["late"]] == ["so-y-te"]
    assert len(late) == 1 and late[0].startswith(agency_names["so-y-te"][language] + ": ")
    if words["late-entry"]:
        assert late == [words["late-entry"]]
    # A valid HTML page.
    errors = checks.vnu_errors([page])
    assert not errors, "\n".join(map(str, errors))


def test_the_word_document_holds_the_same_report(sample, tmp_path):
    """Departments edit and sign the report in Word: pandoc reads the .docx back with the
    same headings and the national heading on two lines."""
    if shutil.which("pandoc") is None:
        pytest.fail("pandoc not found: scripts/setup-system installs it", pytrace=False)
    html = report(sample["content"], tmp_path / "bao-cao.html").read_text(encoding="utf-8")
    docx = report(sample["content"], tmp_path / "bao-cao.docx", "--format", "docx")
    assert docx.read_bytes()[:2] == b"PK"  # a zip, as every .docx
    back = subprocess.run(["pandoc", "--from", "docx", "--to", "html", str(docx)],
                          capture_output=True, text=True, timeout=60)
    assert back.returncode == 0, back.stderr
    blocks = outline(back.stdout)
    assert headings(blocks) == headings(outline(html))
    texts = [text for _, text in blocks]
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc" in texts, texts[:4]
    # Side by side, as Decree 30 lays it out: the issuing body and the national heading are the
    # two cells of the document's first row (Word keeps no CSS).
    first_row = re.search(r"<tr[^>]*>(.*?)</tr>", back.stdout, re.S)
    assert first_row, back.stdout[:800]
    cells = [tag_text(cell) for cell in re.findall(r"<td[^>]*>(.*?)</td>", first_row.group(1), re.S)]
    assert len(cells) == 2, cells
    assert cells[0].startswith("UBND THÀNH PHỐ ĐÀ NẴNG") and cells[1].startswith("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    assert "Đà Nẵng, ngày 04 tháng 12 năm 2026" in texts
    assert "Sở Y tế (Đang thực hiện): Mẫu: đang thực hiện." in texts
    assert section(blocks, "Cơ quan chưa gửi báo cáo") == section(outline(html), "Cơ quan chưa gửi báo cáo")


def missing(content: Path, now: str, year: int = YEAR) -> subprocess.CompletedProcess:
    return portal("report", "--plan", sample_site.PLAN, "--year", str(year), "--missing", "--now", now,
                  content=content)


def test_missing_exits_non_zero_only_when_agencies_are_late(sample, agency_names, tmp_path):
    expected = [agency_names[agency]["vi"] for agency in sample["year"]["missing"]]
    # After the deadline: the agencies that have not reported, and exit 1 for the reminder job.
    late = missing(sample["content"], NOW)
    assert late.returncode == 1, late
    assert late.stdout.splitlines() == expected
    assert f"{len(expected)} agencies have not reported for {YEAR}" in late.stderr
    # Before the deadline's last day (30 November 2025) nobody is late yet.
    early = missing(sample["content"], "2025-11-28")
    assert early.returncode == 0, early
    assert early.stdout.splitlines() == expected
    # Once every expected agency has reported, nothing is listed and it exits 0.
    complete = sample_site.make_sample_content(tmp_path)
    for agency in sample["year"]["missing"]:
        (complete / "reports" / sample_site.PLAN / str(YEAR) / f"{agency}.yml").write_text(
            "# SAMPLE DATA for tests: not a real report.\nsubmitted: 2025-11-20\ntasks: []\n", encoding="utf-8")
    done = missing(complete, NOW)
    assert done.returncode == 0, done
    assert done.stdout == ""
    # An earlier year of the sample data, long past: only the labour department reported.
    old = missing(sample["content"], NOW, year=2024)
    assert old.returncode == 1
    assert agency_names["so-lao-dong-thuong-binh-va-xa-hoi"]["vi"] not in old.stdout.splitlines()


@pytest.mark.parametrize("args, says", [
    (["--plan", "2021-2026", "--year", "2025"], ["`2021-2026`", "did you mean `2021-2025`?"]),
    (["--plan", "2021-2025", "--year", "2030"], ["2030 is not a reporting year of plan `2021-2025`",
                                                 "2022, 2023, 2024, 2025"]),
    (["--plan", "2021-2025", "--year", "2025", "--lang", "fr"], ["--lang must be vi or en"]),
    (["--plan", "2021-2025", "--year", "2025", "--format", "pdf"], ["--format must be html or docx"]),
])
def test_a_command_line_that_cannot_be_run_exits_64_and_says_why(sample, tmp_path, args, says):
    output = tmp_path / "report.html"
    run = portal("report", *args, "--now", NOW, "--output", str(output), content=sample["content"])
    assert run.returncode == 64, (run.returncode, run.stderr)
    for text in says:
        assert text in run.stderr
    assert "build failed" not in run.stderr and "output folder" not in run.stderr
    assert not output.exists()


def test_errors_in_the_content_fail_with_exit_1(sample, tmp_path):
    content = sample_site.make_sample_content(tmp_path)
    (content / "reports" / sample_site.PLAN / str(YEAR) / "so-noi-vu.yml").write_text(
        "submitted: 2025-11-20\ntasks:\n  - task: 1-1\n    status: finished\n"
        "    result: { vi: Mẫu., en: Sample. }\n", encoding="utf-8")
    output = tmp_path / "report.html"
    run = portal("report", "--plan", sample_site.PLAN, "--year", str(YEAR), "--now", NOW,
                 "--output", str(output), content=content)
    assert run.returncode == 1, (run.returncode, run.stderr)
    assert "so-noi-vu.yml:4:" in run.stderr and "finished" in run.stderr
    assert not output.exists()
