"""The .br and .gz copies are deterministic: two clean builds of the same content (each with
its own output and cache), one on one thread and one on four, write the same compressed
files byte for byte, every gzip header without a time or a file name, each copy decoding to
its file."""

from __future__ import annotations

import gzip
import shutil
import sys
from pathlib import Path

import brotli

sys.path.insert(0, str(Path(__file__).resolve().parent))
from nginx_server import REPO, portal  # noqa: E402


def compressed(output: Path) -> dict[str, bytes]:
    return {str(p.relative_to(output)): p.read_bytes() for p in output.rglob("*")
            if p.is_file() and p.suffix in (".br", ".gz")}


def test_two_clean_builds_on_one_and_four_threads_compress_the_same(tmp_path):
    content = tmp_path / "Content"
    shutil.copytree(REPO / "Content", content)
    outputs = []
    for name, jobs in [("one", "1"), ("four", "4")]:
        output = tmp_path / name / "Output"
        portal("build", "--content", str(content), "--output", str(output), "--theme",
               str(REPO / "Themes" / "default"), "--now", "2026-11-29T12:00", "--jobs", jobs)
        outputs.append(output)
    a, b = compressed(outputs[0]), compressed(outputs[1])
    assert len(a) > 100 and sorted(a) == sorted(b)
    assert [name for name in a if a[name] != b[name]] == []
    for name, data in a.items():
        plain = (outputs[0] / name[: -len(".br")]).read_bytes()
        if name.endswith(".gz"):
            # RFC 1952: magic, deflate, no flags (so no file name), modification time 0.
            assert data[:8] == bytes([0x1F, 0x8B, 8, 0, 0, 0, 0, 0]), name
            assert gzip.decompress(data) == plain, name
        else:
            assert brotli.decompress(data) == plain, name
