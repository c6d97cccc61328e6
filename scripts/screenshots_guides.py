"""The editors' guides' own screenshots, for scripts/screenshots: a Word document imported
with `portal import` (page "import") and the error page of `portal serve` (page
"preview-error").

Both work on a copy of Content/ and Themes/ in the script's temporary folder: the sample post
and the broken link never reach the repository's Content/.
"""

from __future__ import annotations

import os
import queue
import re
import shutil
import signal
import subprocess
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

REPO = Path(__file__).resolve().parents[1]

# The date the imported post gets; the site is built the next day (browser_support.BUILD_NOW),
# as the theme's other screenshots are.
IMPORT_DATE = "2026-11-28"

# The Word document, written by pandoc from this Markdown: its title (Word's Title style), two
# headings, a photo with a description (Word's Alt Text) and a table. It says it is a sample
# and nothing about the city or ASEAN, so the screenshot shows no invented news.
SAMPLE_DOCUMENT = """---
title: Bài mẫu nhập từ Word
---

# Giới thiệu

Đây là bài mẫu, không phải tin thật. Tệp Word của bài có một tiêu đề, hai đề mục, một ảnh có
lời mô tả và một bảng; lệnh portal import chuyển tất cả thành một bài Markdown.

![Ảnh mẫu do máy tạo: các mảng màu ngẫu nhiên](anh-mau.jpg)

# Bảng mẫu

| Trong tệp Word | Trong bài |
|---|---|
| Tiêu đề (kiểu Title) | Tiêu đề bài |
| Đề mục (Heading 1, Heading 2) | Đề mục |
| Bảng | Bảng |
| Ảnh và lời mô tả (Alt Text) | Ảnh và văn bản thay thế |
"""

# The post each language's preview opens, and the mistake saved into it: its link to the
# anniversary post with a letter missing, as an editor might type it.
BROKEN_POSTS = {
    "vi": ("vi/tin-tuc/2026-11-10-huong-dan-bien-tap-vien-dang-bai-trong-chuyen-muc.md",
           "tin-tuc/huong-dan-bien-tap-vien-dang-bai-trong-chuyen-muc/",
           "2025-07-28-30-nam-viet-nam-gia-nhap-asean.md", "2025-07-28-30-nam-viet-nam-gia-nhap-asen.md"),
    "en": ("en/news/2026-11-10-a-guide-for-editors-publishing-in-this-column.md",
           "en/news/a-guide-for-editors-publishing-in-this-column/",
           "2025-07-28-30th-anniversary-of-viet-nam-joining-asean.md",
           "2025-07-28-30th-anniversary-of-viet-nam-joining-asen.md"),
}


def site_copy(root: Path) -> Path:
    """Content/ and Themes/ copied into `root`, laid out as in the repository (the theme is
    found beside the content, and serve watches both)."""
    root.mkdir(parents=True)
    for folder in ("Content", "Themes"):
        shutil.copytree(REPO / folder, root / folder)
    return root


def run(command: list[str], cwd: Path, language: str = "en") -> str:
    """Runs a step; its output is shown when it fails, and its warnings always."""
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=600,
                          env={**os.environ, "PORTAL_LANG": language})
    if done.stderr.strip():
        print(done.stderr.rstrip())
    if done.returncode != 0:
        raise SystemExit(f"scripts/screenshots: {' '.join(command)} exited {done.returncode}\n{done.stdout}")
    return done.stdout


def import_sample(root: Path, portal: Path, now: str) -> str:
    """Makes the Word document (pandoc, and scripts/make-photo for its photo), imports it into
    the copy under `root` as an editor would (Vietnamese, news section) and builds the copy
    into root/Output. Returns the imported post's path under the site."""
    documents = root / "word"
    documents.mkdir()
    run([str(REPO / "scripts/make-photo"), "anh-mau.jpg", "1200", "600"], documents)
    (documents / "bai-mau.md").write_text(SAMPLE_DOCUMENT, encoding="utf-8")
    # Without implicit figures a photo stays an inline image with its description, as Word
    # users insert them.
    run(["pandoc", "--from", "markdown-implicit_figures", "--output", "bai-mau.docx", "bai-mau.md"], documents)
    printed = run([str(portal), "import", str(documents / "bai-mau.docx"), "--lang", "vi", "--section", "tin-tuc",
                   "--date", IMPORT_DATE], root, "vi")
    print(printed.rstrip())
    address = re.search(r"http://127\.0\.0\.1:\d+/(\S*)", printed)
    if not address:
        raise SystemExit(f"scripts/screenshots: portal import printed no preview address:\n{printed}")
    run([str(portal), "build", "--now", now], root)
    return address.group(1)


@contextmanager
def portal_serve(root: Path, portal: Path, language: str, now: str) -> Iterator[str]:
    """`portal serve` on 127.0.0.1, a free port, in `root` (so it names files as
    Content/…, as editors see them), messages in `language`; yields its address once the
    first build is served. Stopped with Ctrl-C's signal, as an editor stops it."""
    server = subprocess.Popen([str(portal), "serve", "--port", "0", "--now", now], cwd=root,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                              env={**os.environ, "PORTAL_LANG": language})
    lines: queue.Queue[str | None] = queue.Queue()

    def read() -> None:
        for line in server.stdout:
            lines.put(line)
        lines.put(None)

    threading.Thread(target=read, daemon=True).start()
    try:
        url, seen, deadline = None, [], time.monotonic() + 300
        while url is None:
            try:
                line = lines.get(timeout=max(0.1, deadline - time.monotonic()))
            except queue.Empty:
                line = None
            if line is None:
                raise SystemExit("scripts/screenshots: portal serve gave no address:\n" + "".join(seen))
            seen.append(line)
            found = re.search(r"http://127\.0\.0\.1:\d+/", line)
            url = found.group(0) if found else None
        yield url
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def break_post(driver, site: str, root: Path, language: str) -> str:
    """Opens the language's post in the preview, saves the post with a mistyped link, and
    waits until the page has reloaded by itself into the error page. Returns the post's path
    under the site (which keeps answering with the error page until the file is mended)."""
    file, page, good, bad = BROKEN_POSTS[language]
    driver.get(site + page)
    post = root / "Content" / file
    text = post.read_text(encoding="utf-8")
    if f"]({good})" not in text:
        raise SystemExit(f"scripts/screenshots: {post} no longer links to {good}: choose another link to break")
    post.write_text(text.replace(f"]({good})", f"]({bad})", 1), encoding="utf-8")
    deadline = time.monotonic() + 120
    while "Build failed" not in driver.title:
        if time.monotonic() > deadline:
            raise SystemExit(f"scripts/screenshots: the preview did not show the error page after {post} broke")
        time.sleep(0.2)
    return page
