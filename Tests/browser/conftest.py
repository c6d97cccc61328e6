"""Fixtures for the browser tests: the built site, served on 127.0.0.1 under its base path,
and headless chromium (Debian's, through chromium-driver).

`built_site` is built from the repository's Content/ like Tests/site does (or, when
PORTAL_SITE is set, is that prebuilt output folder, with PORTAL_BASE_URL its base URL).
A missing chromium, chromium-driver or portal binary fails the tests; nothing is skipped.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "site"))  # Tests/site/checks.py

import browser_support as support  # noqa: E402


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """(output folder, base URL) of the site under test."""
    prebuilt = os.environ.get("PORTAL_SITE")
    if prebuilt:
        base_url = os.environ.get("PORTAL_BASE_URL")
        if not base_url:
            pytest.fail("PORTAL_SITE is set but PORTAL_BASE_URL is not")
        if not Path(prebuilt).is_dir():
            pytest.fail(f"PORTAL_SITE={prebuilt} is not a folder")
        return Path(prebuilt), base_url
    out = tmp_path_factory.mktemp("portal-browser") / "Output"
    try:
        base_url = support.build_site(out)
    except support.SetupError as error:
        pytest.fail(str(error), pytrace=False)
    return out, base_url


@pytest.fixture(scope="session")
def site_url(built_site) -> str:
    """The local address of the served site, e.g. ``http://127.0.0.1:41234/asean/``."""
    out, base_url = built_site
    with support.serve(out, base_url) as url:
        yield url


@pytest.fixture(scope="session")
def page_types(built_site) -> dict[tuple[str, str], str]:
    out, _ = built_site
    return support.page_types(out)


_driver = support.driver_or_fail


@pytest.fixture(scope="session")
def browser():
    """One headless chromium for the session, JavaScript on."""
    driver = _driver()
    yield driver
    driver.quit()


@pytest.fixture(scope="session")
def browser_without_js():
    """A second chromium with JavaScript disabled by content settings."""
    driver = _driver(javascript=False)
    yield driver
    driver.quit()


@pytest.fixture
def desktop(browser):
    """The session's chromium at 1280 × 900, screen media."""
    support.set_viewport(browser, 1280, 900)
    support.set_media(browser, "")
    return browser


@pytest.fixture
def phone(browser):
    """The session's chromium at 360 × 800, screen media."""
    support.set_viewport(browser, 360, 800)
    support.set_media(browser, "")
    yield browser
    support.set_viewport(browser, 1280, 900)


# In the July window of the anniversary banner (site.yml `banner:`), when it shows on every page.
JULY_NOW = "2026-07-15T12:00:00"


@pytest.fixture(scope="session")
def july_site_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The repository's Content/ built for a day in July, served like `site_url`."""
    if os.environ.get("PORTAL_SITE"):
        pytest.skip("PORTAL_SITE is a prebuilt site: the July build needs Content/")
    if not support.has_banner():
        pytest.skip("Content/site.yml has no `banner:`")
    out = tmp_path_factory.mktemp("portal-july") / "Output"
    try:
        base_url = support.build_site(out, now=JULY_NOW)
    except support.SetupError as error:
        pytest.fail(str(error), pytrace=False)
    with support.serve(out, base_url) as url:
        yield url
