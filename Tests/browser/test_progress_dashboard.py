"""The progress dashboard of the sample site (Tests/site/sample_site.py: invented reports, every
page says so) in headless chromium, in both languages: axe-core finds no violation, every text
of the SVG charts lies inside its chart without overlapping another on screen, and printed to
PDF (Chromium's Page.printToPDF, read back with poppler's pdftotext) each chart's title, labels,
figures and legend are in the PDF's text at a legible size.
"""

from __future__ import annotations

import base64
import html
import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By

import browser_support as support
import sample_site
from test_browser_pages import axe_violations, describe

NOW = "2026-12-04"
DASHBOARDS = {"vi": "ke-hoach/2021-2025/tien-do/", "en": "en/plan/2021-2025/progress/"}
SAMPLE_NOTICE = {"vi": "Dữ liệu mẫu để kiểm thử", "en": "Sample data for tests"}
# A chart's smallest text is 12 px; printed it must stay at least 7.5 pt (a word's box in the
# PDF is about 1.35 times the font size).
MIN_PRINTED_WORD_HEIGHT = 7.5 * 1.35


@pytest.fixture(scope="module")
def progress_site_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The sample site built with the repository's theme, served like `site_url`."""
    root = tmp_path_factory.mktemp("portal-progress")
    content = sample_site.make_sample_content(root)
    out = root / "Output"
    command = [str(support.portal_binary()), "build", "--content", str(content), "--output", str(out),
               "--theme", str(sample_site.THEME), "--now", NOW]
    run = subprocess.run(command, capture_output=True, text=True, timeout=600)
    if run.returncode != 0:
        pytest.fail(f"{' '.join(command)} exited {run.returncode}\n{run.stderr}", pytrace=False)
    with support.serve(out, support.read_base_url(content / "site.yml")) as url:
        yield url


def open_dashboard(driver, url: str, language: str) -> list[dict]:
    """Opens the dashboard; returns its charts: title, caption and texts in document order."""
    driver.get(url + DASHBOARDS[language])
    assert driver.execute_script("return document.readyState") == "complete"
    assert SAMPLE_NOTICE[language] in driver.find_element(By.TAG_NAME, "body").text
    charts = driver.execute_script("""
        return [...document.querySelectorAll('figure.progress-chart-figure')].map(figure => {
            const svg = figure.querySelector('svg.progress-chart');
            return {
                caption: figure.querySelector('figcaption')?.textContent.trim() ?? null,
                title: svg?.querySelector('title')?.textContent ?? null,
                texts: svg ? [...svg.querySelectorAll('text')].map(t => t.textContent) : [],
            };
        });""")
    # One chart per reporting year of the plan (2022 to 2025), each with its title.
    assert len(charts) == 4, charts
    return charts


@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_dashboard_passes_axe(desktop, progress_site_url, language):
    open_dashboard(desktop, progress_site_url, language)
    violations = axe_violations(desktop)
    assert not violations, describe(violations, f"/{DASHBOARDS[language]}")


# Every text of every chart, with its box and its chart's box, as drawn.
_BOXES = """
return [...document.querySelectorAll('svg.progress-chart')].map(svg => {
    const box = r => ({left: r.left, right: r.right, top: r.top, bottom: r.bottom});
    const viewBox = svg.viewBox.baseVal;
    return {
        svg: box(svg.getBoundingClientRect()),
        scale: svg.getBoundingClientRect().width / viewBox.width,
        texts: [...svg.querySelectorAll('text')].map(t =>
            ({text: t.textContent, size: parseFloat(t.getAttribute('font-size')),
              ...box(t.getBoundingClientRect())})),
    };
});
"""


@pytest.mark.parametrize("width", [1280, 360])
@pytest.mark.parametrize("language", ["vi", "en"])
def test_every_text_of_the_charts_is_inside_its_chart_and_apart(desktop, progress_site_url, language, width):
    """An SVG clips what lies outside it: a legend entry past its right edge is cut off."""
    support.set_viewport(desktop, width, 900)
    try:
        open_dashboard(desktop, progress_site_url, language)
        problems = []
        for index, chart in enumerate(desktop.execute_script(_BOXES)):
            svg = chart["svg"]
            texts = chart["texts"]
            for text in texts:
                if (text["left"] < svg["left"] - 0.5 or text["right"] > svg["right"] + 0.5
                        or text["top"] < svg["top"] - 0.5 or text["bottom"] > svg["bottom"] + 0.5):
                    problems.append(f"chart {index}: {text['text']!r} is cut off at the chart's edge")
            for i, a in enumerate(texts):
                for b in texts[i + 1:]:
                    overlap_x = min(a["right"], b["right"]) - max(a["left"], b["left"])
                    overlap_y = min(a["bottom"], b["bottom"]) - max(a["top"], b["top"])
                    if overlap_x > 1 and overlap_y > 1:
                        problems.append(f"chart {index}: {a['text']!r} overlaps {b['text']!r}")
        assert not problems, "\n".join(problems)
    finally:
        support.set_viewport(desktop, 1280, 900)


_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')


def printed_words(driver, folder: Path) -> list[tuple[str, float]]:
    """The page printed to an A4 PDF by chromium, read back by pdftotext: (word, height in pt)."""
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext not found: scripts/setup-system test installs poppler-utils", pytrace=False)
    pdf = driver.execute_cdp_cmd("Page.printToPDF", {"paperWidth": 8.27, "paperHeight": 11.69,
                                                     "printBackground": False})
    file = folder / "dashboard.pdf"
    file.write_bytes(base64.b64decode(pdf["data"]))
    run = subprocess.run(["pdftotext", "-bbox", str(file), "-"], capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    return [(html.unescape(word), float(y1) - float(y0)) for _, y0, _, y1, word in _WORD.findall(run.stdout)]


def find_in_order(words: list[str], wanted: list[str], start: int) -> list[int] | None:
    """Indices of `wanted` (whole words, e.g. a title) found in order and close together in
    `words`, at the first place from `start` where they are."""
    for first in (i for i in range(start, len(words)) if words[i] == wanted[0]):
        found, position = [first], first + 1
        for word in wanted[1:]:
            try:
                position = words.index(word, position)
            except ValueError:
                return None
            found.append(position)
            position += 1
        # The chart's words come together, not scattered over the page.
        if found[-1] - found[0] < 2 * len(wanted) + 10:
            return found
    return None


@pytest.mark.parametrize("language", ["vi", "en"])
def test_printed_charts_show_their_titles_and_figures_legibly(desktop, progress_site_url, language, tmp_path):
    charts = open_dashboard(desktop, progress_site_url, language)
    support.set_media(desktop, "print")
    try:
        printed = printed_words(desktop, tmp_path)
    finally:
        support.set_media(desktop, "")
    words = [word for word, _ in printed]
    position = 0
    for chart in charts:
        # The chart's visible title is its accessible name, printed above it; the table beside
        # it has the same caption. (pdftotext orders the chart's words by its own reading-order
        # guess, so between the two they are counted, not read in order.)
        assert chart["caption"] and chart["caption"] == chart["title"], chart
        title = chart["title"].split()
        caption = find_in_order(words, title, position)
        assert caption, f"{chart['title']!r} is not printed (after word {position})"
        table = find_in_order(words, title, caption[-1] + 1)
        assert table, f"the table of {chart['title']!r} is not printed"
        between = printed[caption[-1] + 1:table[0]]
        # Its row labels, the count in each bar and the legend.
        wanted = Counter(" ".join(chart["texts"]).split())
        missing = wanted - Counter(word for word, _ in between)
        assert not missing, f"the chart {chart['title']!r} does not print {sorted(missing.elements())}"
        small = sorted({(word, round(height, 1)) for word, height in between
                        if word in wanted and height < MIN_PRINTED_WORD_HEIGHT})
        assert not small, f"{chart['title']!r}: words printed too small (height in pt): {small}"
        position = table[-1] + 1
