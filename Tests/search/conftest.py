"""Fixtures for the search page tests: a copy of Content/ with made-up posts that pin the
search behaviour down (search_fixture.py), built with the repository's theme, served on
127.0.0.1 under its base path, and driven in Debian's headless chromium.

Building, serving and starting chromium are Tests/browser's and Tests/site's helpers
(browser_support, sitebuild). A missing chromium, chromium-driver or portal binary fails
the tests, as in Tests/browser; nothing is skipped.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
for folder in (HERE, HERE.parent / "browser", HERE.parent / "site"):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

import browser_support as support  # noqa: E402
import search_fixture  # noqa: E402
import sitebuild  # noqa: E402


@pytest.fixture(scope="session")
def search_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """(output folder, base URL) of Content/ plus the search fixture posts. Always built
    (PORTAL_SITE is not used: the tests need the fixture posts)."""
    root = tmp_path_factory.mktemp("portal-search")
    content = search_fixture.make_content(root)
    out = root / "Output"
    sitebuild.build(content, out)  # --now BUILD_NOW, --theme Themes/default
    return out, sitebuild.read_base_url(content / "site.yml")


@pytest.fixture(scope="session")
def search_url(search_site) -> str:
    """``http://127.0.0.1:PORT/asean/``."""
    out, base_url = search_site
    with support.serve(out, base_url) as url:
        yield url


_driver = support.driver_or_fail


@pytest.fixture(scope="session")
def search_browser():
    """One headless chromium for these tests, JavaScript on, 1280 × 900."""
    driver = _driver()
    yield driver
    driver.quit()


@pytest.fixture(scope="session")
def search_browser_without_js():
    driver = _driver(javascript=False)
    yield driver
    driver.quit()
