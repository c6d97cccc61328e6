"""Fixtures for the site tests.

`built_site` is the output of `portal build` on the repository's Content/, or, when
PORTAL_SITE is set, an output folder built beforehand (PORTAL_BASE_URL gives its base
URL), so the same tests run on any site without rebuilding.

`extended_site` is the output of `portal build` on a copy of Content/ with made-up pages
added (sitebuild.extended_pages): enough posts for paginated listings and full feeds,
aliases (redirect pages), a nested section, an undated page in a section, a draft and a
future post, and full-content feeds, which the real content may not have (yet).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import checks
from sitebuild import REPO, build, make_extended_content, read_base_url


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """(output folder, base URL) of the site under test."""
    prebuilt = os.environ.get("PORTAL_SITE")
    if prebuilt:
        out = Path(prebuilt)
        base_url = os.environ.get("PORTAL_BASE_URL")
        if not base_url:
            pytest.fail("PORTAL_SITE is set but PORTAL_BASE_URL is not")
        if not out.is_dir():
            pytest.fail(f"PORTAL_SITE={prebuilt} is not a folder")
        yield out, base_url
        return

    content = REPO / "Content"
    out = tmp_path_factory.mktemp("portal") / "Output"
    build(content, out)
    yield out, read_base_url(content / "site.yml")


@pytest.fixture(scope="session")
def extended_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """(output folder, base URL) of Content/ plus made-up pages (sitebuild.extended_pages),
    feeds in full; its content folder is the output folder's sibling `Content`."""
    if os.environ.get("PORTAL_SITE") and not os.environ.get("PORTAL_BIN") \
            and not (REPO / ".build" / "debug" / "portal").is_file():
        pytest.skip("PORTAL_SITE is set and there is no portal binary to build the extended site")
    root = tmp_path_factory.mktemp("extended")
    content = make_extended_content(root)
    out = root / "Output"
    build(content, out)
    yield out, read_base_url(content / "site.yml")


@pytest.fixture(scope="session")
def site_pages(built_site) -> dict[Path, checks.Page]:
    """Every HTML page of `built_site`, parsed once for all the tests."""
    out, _ = built_site
    return checks.parse_site(out)
