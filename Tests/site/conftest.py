"""Fixtures for the site tests.

`built_site` is the output of `portal build` on the repository's Content/, or, when
PORTAL_SITE is set, an output folder built beforehand (PORTAL_BASE_URL gives its base
URL), so the same tests run on any site without rebuilding.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

import checks

REPO = Path(__file__).resolve().parents[2]

# Fixed so that date-dependent output (upcoming events, "new" badges...) is repeatable.
BUILD_NOW = "2026-11-29T12:00:00"

# `baseURL: https://...` at the top level of site.yml, optionally quoted; a regex
# keeps PyYAML out of the requirements.
_BASE_URL = re.compile(r"""^baseURL\s*:\s*(["']?)(\S+?)\1\s*(?:#.*)?$""", re.MULTILINE)


def read_base_url(site_yml: Path) -> str:
    match = _BASE_URL.search(site_yml.read_text(encoding="utf-8"))
    if not match:
        pytest.fail(f"no top-level baseURL in {site_yml}")
    return match.group(2)


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

    binary = Path(os.environ.get("PORTAL_BIN", REPO / ".build" / "debug" / "portal"))
    content = REPO / "Content"
    if not binary.is_file():
        pytest.fail(f"portal binary not found at {binary}: run `swift build` or set PORTAL_BIN")
    if not (content / "site.yml").is_file():
        pytest.fail(f"no {content / 'site.yml'}")
    out = tmp_path_factory.mktemp("portal") / "Output"
    command = [str(binary), "build", "--content", str(content), "--output", str(out),
               "--now", BUILD_NOW]
    run = subprocess.run(command, capture_output=True, text=True, timeout=1800)
    if run.returncode != 0:
        pytest.fail(f"{' '.join(command)} exited {run.returncode}\n"
                    f"--- stderr ---\n{run.stderr}\n--- stdout ---\n{run.stdout[-4000:]}",
                    pytrace=False)
    if not out.is_dir():
        pytest.fail(f"{' '.join(command)} succeeded but wrote no {out}", pytrace=False)
    yield out, read_base_url(content / "site.yml")


@pytest.fixture(scope="session")
def site_pages(built_site) -> dict[Path, checks.Page]:
    """Every HTML page of `built_site`, parsed once for all the tests."""
    out, _ = built_site
    return checks.parse_site(out)
