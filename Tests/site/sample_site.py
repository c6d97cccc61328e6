"""The sample progress site, assembled as the Swift tests assemble it (ProgressTests.sampleSite):
Tests/PortalKitTests/Fixtures/base, the fixture `progress` laid over it (invented reports; every
page says "Sample data / Dữ liệu mẫu"), and the repository's own Content/agencies.yml and
Content/plans/2021-2025.yml. Used by Tests/site/test_report.py, Tests/browser/test_progress.py
and scripts/screenshots. Standard library only.
"""

from __future__ import annotations

import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "Tests" / "PortalKitTests" / "Fixtures"
THEME = REPO / "Themes" / "default"

PLAN = "2021-2025"
# The reporting years of the sample reports, and what they hold (see the fixture's files).
YEARS = (2024, 2025)


def make_sample_content(root: Path) -> Path:
    """Writes the sample site's content to `root`/Content and returns that folder."""
    content = root / "Content"
    shutil.copytree(FIXTURES / "base" / "Content", content)
    shutil.copytree(FIXTURES / "progress" / "Content", content, dirs_exist_ok=True)
    for file in ("agencies.yml", f"plans/{PLAN}.yml"):
        (content / file).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(REPO / "Content" / file, content / file)
    return content
