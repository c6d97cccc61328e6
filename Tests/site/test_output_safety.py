"""The output folder is always exactly one whole build: builds killed at any instant, and
builds started together into one folder, never leave a mix of two builds or stray files.

- The crash test builds a generated site of a few thousand pages (benchmark/gen_corpus.py),
  then alternates between two versions of it (site.yml's title differs, so every page is
  rewritten) and kills each incremental build with SIGKILL at 20 instants spread over its
  second half, where the new tree is assembled and swapped in. After every kill the output
  must equal, byte for byte, a clean build of the old or of the new version; at the end a
  build must succeed and equal a clean build.
- The concurrency test starts two, then three builds of the repository's content with
  different base URLs into one output folder, ten rounds of each: every time the output
  equals one of the clean builds and nothing stray is left beside or inside it.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sitebuild import BUILD_NOW, REPO, portal_binary

THEME = REPO / "Themes" / "default"


def snapshot(folder: Path) -> dict[str, str]:
    """Every entry under `folder`: relative path → digest of its bytes ("link → target" for
    a symbolic link, "dir" for an empty folder)."""
    found: dict[str, str] = {}
    for root, dirs, files in os.walk(folder):
        for name in files + [d for d in dirs if os.path.islink(os.path.join(root, d))]:
            path = Path(root) / name
            rel = str(path.relative_to(folder))
            if path.is_symlink():
                found[rel] = "link → " + os.readlink(path)
            else:
                found[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
        for name in dirs:
            path = Path(root) / name
            if not path.is_symlink() and not any(path.iterdir()):
                found[str(path.relative_to(folder)) + "/"] = "dir"
    return found


def build_command(content: Path, output: Path, *extra: str) -> list[str]:
    return [str(portal_binary()), "build", "--content", str(content), "--output", str(output),
            "--now", BUILD_NOW, "--theme", str(THEME), *extra]


def run_build(content: Path, output: Path, *extra: str) -> None:
    run = subprocess.run(build_command(content, output, *extra), capture_output=True, text=True, timeout=900)
    assert run.returncode == 0, f"build failed:\n{run.stderr}"


def leftovers(parent: Path, name: str) -> list[str]:
    """Entries beside an output folder that a finished build does not leave."""
    allowed = {name, f".{name}.previous", f".{name}.lock", ".portal-cache", f"{name}.nginx.conf", f"{name}.apache.conf"}
    return sorted(entry for entry in os.listdir(parent) if entry not in allowed)


def set_title(content: Path, title: str) -> None:
    """Sets the Vietnamese site title, which every Vietnamese page shows."""
    site = content / "site.yml"
    lines = site.read_text(encoding="utf-8").splitlines()
    vi = lines.index("  vi:")
    title_line = next(i for i in range(vi, len(lines)) if lines[i].startswith("    title:"))
    lines[title_line] = f"    title: {title}"
    site.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.fixture(scope="module")
def generated_content(tmp_path_factory: pytest.TempPathFactory) -> Path:
    content = tmp_path_factory.mktemp("crash") / "Content"
    subprocess.run([sys.executable, str(REPO / "benchmark" / "gen_corpus.py"), "--posts", "850",
                    "--out", str(content)], check=True, capture_output=True, timeout=600)
    return content


def test_a_build_killed_at_any_instant_leaves_one_whole_build(generated_content: Path, tmp_path: Path) -> None:
    versions: dict[str, dict[str, str]] = {}
    for title in ("Phiên bản A", "Phiên bản B"):
        set_title(generated_content, title)
        clean = tmp_path / f"clean-{title[-1]}"
        run_build(generated_content, clean)
        versions[title] = snapshot(clean)
        shutil.rmtree(clean)
    pages = sum(1 for path in versions["Phiên bản A"] if path.endswith(".html"))
    assert pages >= 2000, f"only {pages} pages"
    assert versions["Phiên bản A"] != versions["Phiên bản B"]

    output = tmp_path / "site" / "Output"
    set_title(generated_content, "Phiên bản A")
    run_build(generated_content, output)
    # How long an incremental build that rewrites every page takes here.
    set_title(generated_content, "Phiên bản B")
    started = time.monotonic()
    run_build(generated_content, output)
    duration = time.monotonic() - started
    assert snapshot(output) == versions["Phiên bản B"]

    outcomes = []
    for trial in range(20):
        current = next(title for title, snap in versions.items() if snapshot(output) == snap)
        target = "Phiên bản A" if current == "Phiên bản B" else "Phiên bản B"
        set_title(generated_content, target)
        # Spread over the second half of the build and a little past its usual end.
        delay = duration * (0.5 + 0.6 * trial / 19)
        process = subprocess.Popen(build_command(generated_content, output),
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        after = snapshot(output)
        assert after in (versions["Phiên bản A"], versions["Phiên bản B"]), (
            f"trial {trial}: killed after {delay:.2f} s, the output is neither build: "
            f"{len(set(after.items()) ^ set(versions[target].items()))} entries differ from the new one")
        assert not [p for p in after if p.endswith(".portal-new")]
        outcomes.append("new" if after == versions[target] else "old")

    print(f"\n{pages} pages, incremental build {duration:.2f} s; after the 20 kills the output was "
          f"the old build {outcomes.count('old')} times, the new one {outcomes.count('new')} times")
    # The next build puts everything right and equals a clean build.
    set_title(generated_content, "Phiên bản A")
    run_build(generated_content, output)
    assert snapshot(output) == versions["Phiên bản A"]
    assert leftovers(output.parent, "Output") == []


@pytest.mark.parametrize("together", [2, 3])
def test_builds_started_together_leave_one_whole_build(together: int, tmp_path: Path) -> None:
    content = REPO / "Content"
    addresses = [f"https://site-{n}.example/asean/" for n in range(together)]
    clean: list[dict[str, str]] = []
    for address in addresses:
        folder = tmp_path / f"clean-{len(clean)}"
        run_build(content, folder, "--base-url", address)
        clean.append(snapshot(folder))
    output = tmp_path / "site" / "Output"
    waited = 0
    for round_ in range(10):
        processes = [subprocess.Popen(build_command(content, output, "--base-url", address),
                                      stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                     for address in addresses]
        results = [(process.wait(timeout=600), *process.communicate()) for process in processes]
        for code, out, err in results:
            assert code == 0, f"round {round_}: a build failed:\n{err}"
            assert "left as it was" not in err
        waited += sum("waiting for another build" in err for _, _, err in results)
        after = snapshot(output)
        assert after in clean, f"round {round_}: the output is a mix of builds"
        assert not [p for p in after if p.endswith(".portal-new")]
        assert leftovers(output.parent, "Output") == []
    # Builds that found the folder busy said so and waited (the first to start did not).
    assert waited >= 10, f"only {waited} builds said they waited"


def test_no_wait_fails_at_once_while_another_build_writes(tmp_path: Path) -> None:
    output = tmp_path / "Output"
    run_build(REPO / "Content", output)
    before = snapshot(output)
    # Hold the lock as a build does, from another process.
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import fcntl, sys, time; f = open(sys.argv[1], 'a+'); fcntl.flock(f, fcntl.LOCK_EX); "
         "f.seek(0); f.truncate(); f.write('4242\\n'); f.flush(); print('locked', flush=True); time.sleep(60)",
         str(tmp_path / ".Output.lock")], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        started = time.monotonic()
        run = subprocess.run(build_command(REPO / "Content", output, "--no-wait"),
                             capture_output=True, text=True, timeout=60)
        assert time.monotonic() - started < 30
        assert run.returncode == 1
        assert "error: another build is writing this output folder (process 4242)" in run.stderr
        assert snapshot(output) == before
    finally:
        holder.kill()
        holder.wait()
