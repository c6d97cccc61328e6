"""Photos in a real browser (issue 17): a copy of Content/ with photos made by
scripts/make-photo (12-bit noise, orientation 6, GPS, a P3 profile), built by portal and
opened in headless chromium. At 360 px the browser loads the smallest fitting width, at
1280 px a larger one; the space an image takes is its real aspect ratio before it loads (no
layout shift); no published image carries EXIF or GPS (exiftool).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

import browser_support as support

REPO = Path(__file__).resolve().parents[2]
POST = "vi/tin-tuc/2026-11-20-anh-su-kien.md"


@pytest.fixture(scope="module")
def photo_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("photos")
    content = root / "Content"
    shutil.copytree(REPO / "Content", content)
    shutil.copytree(REPO / "Themes", root / "Themes")
    media = content / "media"
    media.mkdir(exist_ok=True)
    # 2400×1600 stored, orientation 6: 1600×2400 upright.
    subprocess.run([str(REPO / "scripts/make-photo"), str(media / "su-kien.jpg"), "2400", "1600", "6"], check=True)
    subprocess.run([str(REPO / "scripts/make-photo"), str(media / "so-do.png"), "1000", "500"], check=True)
    (content / POST).write_text(
        "---\ntitle: Ảnh sự kiện\ndate: 2026-11-20\nimage: /media/su-kien.jpg\nimageAlt: Đại biểu dự lễ\n---\n\n"
        + "Đoạn mở đầu.\n\n" * 3
        + '![Sơ đồ khu vực](/media/so-do.png "Sơ đồ khu vực tổ chức")\n',
        encoding="utf-8")
    out = root / "Output"
    base_url = support.build_site(out, content)
    with support.serve(out, base_url) as url:
        yield out, url


def _images(driver) -> list[dict]:
    return driver.execute_script("""
        return Array.from(document.querySelectorAll('main img')).map(img => {
            const box = img.getBoundingClientRect();
            return {src: img.currentSrc, complete: img.complete, natural: [img.naturalWidth, img.naturalHeight],
                    attrs: [+img.getAttribute('width'), +img.getAttribute('height')],
                    box: [box.width, box.height], loading: img.loading};
        });""")


@pytest.mark.parametrize("width, lead, figure", [(360, ".480w.webp", ".480w.webp"), (1280, ".800w.webp", ".800w.webp")])
def test_the_browser_picks_a_fitting_width(photo_site, width, lead, figure):
    out, url = photo_site
    driver = support.driver_or_fail(width=width, height=900)
    try:
        support.set_viewport(driver, width, 900)
        driver.get(url + "tin-tuc/anh-su-kien/")
        # Before anything loads, each image already takes its real aspect ratio.
        for image in _images(driver):
            w, h = image["attrs"]
            assert image["box"][0] > 0 and abs(image["box"][1] - image["box"][0] * h / w) < 1.5, image
        driver.execute_script("document.querySelectorAll('main img').forEach(i => i.loading = 'eager')")
        driver.execute_script("window.scrollTo(0, document.body.scrollHeight)")
        driver.set_script_timeout(30)
        driver.execute_async_script("""
            const done = arguments[arguments.length - 1];
            Promise.all(Array.from(document.querySelectorAll('main img')).map(i => i.decode().catch(() => null)))
                .then(() => done());""")
        images = _images(driver)
        assert len(images) == 2, images
        header, drawing = images
        assert header["src"].endswith("/media/su-kien.jpg" + lead), header
        assert header["loading"] == "auto" or header["loading"] == "eager"
        assert drawing["src"].endswith("/media/so-do.png" + figure), drawing
        for image in images:
            nw, nh = image["natural"]
            w, h = image["attrs"]
            assert abs(nw / nh - w / h) < 0.01, image
            assert nw <= w
        # The title of a Markdown image is its caption.
        caption = driver.execute_script("return document.querySelector('figure.photo figcaption').textContent")
        assert caption == "Sơ đồ khu vực tổ chức"
    finally:
        driver.quit()


def test_no_published_image_keeps_exif_or_gps(photo_site):
    out, _ = photo_site
    files = sorted(str(p) for p in (out / "media").iterdir())
    assert len(files) >= 10
    run = subprocess.run(["exiftool", "-j", "-G1", "-a"] + files, capture_output=True, text=True, check=True)
    for record in json.loads(run.stdout):
        leaked = [k for k in record if k.split(":")[0] in {"IFD0", "IFD1", "ExifIFD", "GPS", "XMP-exif", "XMP-xmp",
                                                          "XMP-photoshop", "IPTC", "ICC_Profile", "ICC-header",
                                                          "MakerNotes"} or k.startswith("XMP")]
        assert not leaked, (record["SourceFile"], leaked)


def test_the_photo_page_is_valid_html(photo_site):
    import checks  # Tests/site/checks.py (on the path through conftest)

    out, _ = photo_site
    errors = checks.vnu_errors([out / "tin-tuc/anh-su-kien/index.html"])
    assert not errors, errors
