"""Helpers for the browser tests and scripts/screenshots: build the site, serve it under its
base path on 127.0.0.1, drive Debian's chromium through chromium-driver.

Only the standard library and selenium are used.
"""

from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import subprocess
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator
from urllib.parse import unquote, urlsplit

REPO = Path(__file__).resolve().parents[2]

# Fixed so that date-dependent output is repeatable (as Tests/site/conftest.py).
BUILD_NOW = "2026-11-29T12:00:00"

_BASE_URL = re.compile(r"""^baseURL\s*:\s*(["']?)(\S+?)\1\s*(?:#.*)?$""", re.MULTILINE)


class SetupError(RuntimeError):
    """Something the tests need is missing: the message says what to install or set."""


def read_base_url(site_yml: Path) -> str:
    match = _BASE_URL.search(site_yml.read_text(encoding="utf-8"))
    if not match:
        raise SetupError(f"no top-level baseURL in {site_yml}")
    return match.group(2)


def portal_binary() -> Path:
    binary = Path(os.environ.get("PORTAL_BIN", REPO / ".build" / "debug" / "portal"))
    if not binary.is_file():
        raise SetupError(f"portal binary not found at {binary}: run `swift build` or set PORTAL_BIN")
    return binary


def build_site(out: Path, content: Path = REPO / "Content", now: str = BUILD_NOW) -> str:
    """Build `content` into `out` with `portal build`; returns the site's base URL."""
    command = [str(portal_binary()), "build", "--content", str(content), "--output", str(out),
               "--now", now]
    run = subprocess.run(command, capture_output=True, text=True, timeout=1800)
    if run.returncode != 0 or not out.is_dir():
        raise SetupError(f"{' '.join(command)} exited {run.returncode}\n"
                         f"--- stderr ---\n{run.stderr}\n--- stdout ---\n{run.stdout[-4000:]}")
    return read_base_url(content / "site.yml")


def has_banner(content: Path = REPO / "Content") -> bool:
    """Whether site.yml configures the July banner (a top-level `banner:` key)."""
    text = (content / "site.yml").read_text(encoding="utf-8")
    return re.search(r"^banner\s*:", text, re.MULTILINE) is not None


def base_path(base_url: str) -> str:
    path = urlsplit(base_url).path or "/"
    return path if path.endswith("/") else path + "/"


# --------------------------------------------------------------------------- server


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Serves the output folder under the base path (`/asean/…` → `OUT/…`), answering a
    missing page with the language's 404 page and status 404, as the portal's server does."""

    prefix = "/"
    root = Path(".")

    def translate_path(self, path: str) -> str:
        path = unquote(urlsplit(path).path)
        if path + "/" == self.prefix:
            path = self.prefix
        if not path.startswith(self.prefix):
            return str(self.root / ".outside-the-base-path")  # never exists → 404
        rel = path[len(self.prefix):]
        return str(self.root.joinpath(*[p for p in rel.split("/") if p not in ("", ".", "..")]))

    def send_error(self, code, message=None, explain=None):
        if code == 404:
            rel = unquote(urlsplit(self.path).path)[len(self.prefix):]
            page = self.root / ("en/404.html" if rel.startswith("en/") else "404.html")
            if page.is_file():
                body = page.read_bytes()
                self.send_response(404)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(body)
                return
        super().send_error(code, message, explain)

    def log_message(self, format, *args):  # quiet
        pass


@contextmanager
def serve(out: Path, base_url: str) -> Iterator[str]:
    """Serve `out` on 127.0.0.1 on a free port; yields the local base URL
    (``http://127.0.0.1:PORT/asean/``)."""
    prefix = base_path(base_url)
    handler = type("SiteHandler", (_Handler,), {"prefix": prefix, "root": Path(out)})
    handler.extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                              ".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8",
                              ".js": "text/javascript; charset=utf-8", ".xml": "application/xml",
                              ".json": "application/json", ".svg": "image/svg+xml"}
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(out)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
        server.server_close()


# --------------------------------------------------------------------------- browser


def find_chromium() -> tuple[str, str]:
    """(chromium, chromedriver) paths: $CHROMIUM_BIN / $CHROMEDRIVER_BIN, else Debian's."""
    browser = os.environ.get("CHROMIUM_BIN") or shutil.which("chromium") or shutil.which("chromium-browser")
    driver = os.environ.get("CHROMEDRIVER_BIN") or shutil.which("chromedriver")
    missing = []
    if not browser or not Path(browser).is_file():
        missing.append("chromium")
    if not driver or not Path(driver).is_file():
        missing.append("chromium-driver")
    if missing:
        raise SetupError(f"{' and '.join(missing)} not found: run `scripts/setup-system test` "
                         f"(Debian: apt-get install chromium chromium-driver), or set "
                         f"CHROMIUM_BIN / CHROMEDRIVER_BIN")
    return browser, driver


def make_driver(*, javascript: bool = True, width: int = 1280, height: int = 900):
    """A headless chromium through chromium-driver (never a downloaded browser)."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    browser, driver_path = find_chromium()
    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for argument in ("--headless=new", f"--window-size={width},{height}", "--disable-gpu",
                     "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check",
                     "--disable-extensions", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", "--hide-scrollbars",
                     "--force-device-scale-factor=1", "--lang=vi", "--font-render-hinting=none"):
        options.add_argument(argument)
    if os.geteuid() == 0:
        options.add_argument("--no-sandbox")
    if not javascript:
        options.add_experimental_option(
            "prefs", {"profile.managed_default_content_settings.javascript": 2})
    driver = webdriver.Chrome(service=Service(executable_path=driver_path), options=options)
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(60)
    set_viewport(driver, width, height)
    return driver


def set_viewport(driver, width: int, height: int) -> None:
    """The layout viewport, exactly (the window's size includes no browser UI in headless
    mode, but this does not depend on it)."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})


def set_media(driver, media: str = "") -> None:
    """Emulate CSS media ("print", "screen", or "" for none)."""
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": media})


# --------------------------------------------------------------------------- pages


_BODY_CLASS = re.compile(r"<body\b[^>]*\bclass=\"([^\"]*)\"")


def body_classes(path: Path) -> set[str]:
    match = _BODY_CLASS.search(path.read_text(encoding="utf-8", errors="replace"))
    return set(match.group(1).split()) if match else set()


def page_types(out: Path) -> dict[tuple[str, str], str]:
    """(page type, language) → path under the site of one page of each type, chosen from the
    built output by the theme's `<body class="kind-… taxonomy-…">`.

    Types: home, post, section, later (a later page of a listing), tags (the tags index),
    tag, agency and pillar (term pages), 404, and the action plan's overview (plan) and task
    pages (task) and the July campaign page (campaign). A type missing from the site is left out.
    """
    found: dict[tuple[str, str], str] = {}
    candidates: dict[tuple[str, str], list[tuple[int, str]]] = {}
    for file in sorted(out.rglob("*.html")):
        rel = file.relative_to(out).as_posix()
        language = "en" if rel.startswith("en/") else "vi"
        classes = body_classes(file)
        text = None
        url = rel[: -len("index.html")] if rel.endswith("index.html") else rel
        later = "/page/" in f"/{url}"

        def add(kind: str, score: int = 0) -> None:
            candidates.setdefault((kind, language), []).append((score, url))

        if "kind-home" in classes:
            add("home")
        elif "kind-404" in classes:
            add("404")
        elif "kind-section" in classes:
            add("later" if later else "section")
        elif "kind-page" in classes:
            text = file.read_text(encoding="utf-8")
            # The richest post: with a date, agency, pillar, tags and a table.
            score = sum(marker in text for marker in
                        ('class="date"', 'class="agency"', 'class="pillar"', 'class="tag"', "<table"))
            if 'class="date"' in text:
                add("post", -score)
            if 'class="banner-kit"' in text:  # the campaign layout
                add("campaign")
        elif "kind-plan" in classes:
            add("plan")
        elif "kind-task" in classes:
            add("task")
        elif "kind-taxonomy" in classes and "taxonomy-tags" in classes:
            add("tags")
        elif "kind-term" in classes:
            text = file.read_text(encoding="utf-8")
            has_posts = 'class="page-list"' in text
            for taxonomy, kind in (("taxonomy-tags", "tag"), ("taxonomy-agencies", "agency"),
                                   ("taxonomy-pillars", "pillar")):
                if taxonomy in classes:
                    add("later" if later else kind, 0 if has_posts else 1)
    for key, options in candidates.items():
        found[key] = sorted(options)[0][1]
    return found


def driver_or_fail(**options):
    """make_driver for fixtures: a chromium that will not start fails the test loudly (never a
    skip), with the reason."""
    import pytest

    try:
        return make_driver(**options)
    except SetupError as error:
        pytest.fail(str(error), pytrace=False)
    except Exception as error:  # selenium's own: chromium would not start
        pytest.fail(f"chromium did not start through chromium-driver: {error}", pytrace=False)
