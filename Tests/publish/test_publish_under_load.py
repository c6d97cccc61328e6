"""`portal publish` and `--rollback` while clients request pages and their stylesheets and
scripts in a loop through Debian's nginx with the generated configuration: no request fails,
every page is whole from one build, and every asset it references is that build's own (the
second build changes the theme's stylesheet and script, so their content-hashed names
differ); after the rollback the first build is served again."""

from __future__ import annotations

import gzip
import os
import random
import re
import shutil
import sys
import threading
import time
from pathlib import Path

import brotli
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from nginx_server import BASE, REPO, Server, portal  # noqa: E402

NOW = "2026-11-29T12:00"
PAGES = ["", "en/", "tin-tuc/", "en/news/", "tim-kiem/", "gioi-thieu/"]
ASSET = re.compile(r'(?:href|src)="(' + re.escape(BASE) + r'[^"]+\.(?:css|js))"')
ENCODINGS = ["br, gzip", "gzip", ""]


def decode(headers: dict[str, str], body: bytes) -> bytes:
    encoding = headers.get("content-encoding")
    if encoding == "br":
        return brotli.decompress(body)
    if encoding == "gzip":
        return gzip.decompress(body)
    return body


def snapshot(output: Path, into: Path) -> Path:
    """The build's files as they were (the output is replaced by the next build)."""
    shutil.copytree(output, into, ignore=shutil.ignore_patterns("*.br", "*.gz"))
    return into


class Client(threading.Thread):
    """Requests PAGES and their assets in a loop until told to stop; records every failure."""

    def __init__(self, server: Server, builds: dict[str, Path]):
        super().__init__(daemon=True)
        self.server, self.builds = server, builds
        self.stop = threading.Event()
        self.failures: list[str] = []
        self.seen: list[tuple[float, str]] = []
        self.requests = 0

    def build_of(self, path: str, body: bytes) -> str | None:
        file = path + "index.html" if path.endswith("/") or path == "" else path
        for name, folder in self.builds.items():
            if (folder / file).is_file() and (folder / file).read_bytes() == body:
                return name
        return None

    def run(self) -> None:
        rng = random.Random(19)
        while not self.stop.is_set():
            page = rng.choice(PAGES)
            accept = rng.choice(ENCODINGS)
            try:
                status, headers, body = self.server.get(BASE + page, {"Accept-Encoding": accept})
                self.requests += 1
                if status != 200:
                    self.failures.append(f"{BASE + page}: {status}")
                    continue
                body = decode(headers, body)
                build = self.build_of(page, body)
                if build is None:
                    self.failures.append(f"{BASE + page}: the bytes of no build (a mix, or cut short)")
                    continue
                self.seen.append((time.monotonic(), build))
                assets = ASSET.findall(body.decode())
                if not assets:
                    self.failures.append(f"{BASE + page}: references no stylesheet or script")
                for asset in assets:
                    status, headers, data = self.server.get(asset, {"Accept-Encoding": rng.choice(ENCODINGS)})
                    self.requests += 1
                    if status != 200:
                        self.failures.append(f"{asset} (from {build}'s {BASE + page}): {status}")
                        continue
                    own = self.builds[build] / asset[len(BASE):]
                    if decode(headers, data) != own.read_bytes():
                        self.failures.append(f"{asset} (from {build}'s {BASE + page}): not {build}'s file")
            except Exception as error:  # a refused or reset connection is a failed request
                self.failures.append(f"{BASE + page}: {type(error).__name__}: {error}")


def straddle_page(server: Server, build: Path) -> list[str]:
    """The home page's stylesheets and scripts, fetched from the release being served."""
    status, headers, body = server.get(BASE, {"Accept-Encoding": "br"})
    assert status == 200 and decode(headers, body) == (build / "index.html").read_bytes()
    return ASSET.findall(decode(headers, body).decode())


def check_assets(server: Server, assets: list[str], build: Path) -> None:
    assert assets
    for asset in assets:
        for accept in ENCODINGS:
            status, headers, data = server.get(asset, {"Accept-Encoding": accept})
            assert status == 200, f"{asset} ({accept or 'identity'}) after the switch: {status}"
            assert decode(headers, data) == (build / asset[len(BASE):]).read_bytes(), asset


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("publish-load")
    content = root / "site" / "Content"
    shutil.copytree(REPO / "Content", content)
    theme = root / "site" / "Themes" / "default"
    shutil.copytree(REPO / "Themes" / "default", theme)
    output = root / "site" / "Output"
    build = ["build", "--content", str(content), "--output", str(output), "--theme", str(theme), "--now", NOW]
    portal(*build)
    first = snapshot(output, root / "first")
    publish = root / "pub"
    portal("publish", "--to", str(publish), "--output", str(output))
    # The second build: another stylesheet and script (new content-hashed names) and text.
    with (theme / "assets" / "style.css").open("a", encoding="utf-8") as css:
        css.write("\n.second-build { color: #000; }\n")
    script = theme / "assets" / "js" / "search.js"
    script.write_text(script.read_text(encoding="utf-8") + "\n/* second build */\n", encoding="utf-8")
    about = content / "vi" / "gioi-thieu.md"
    about.write_text(about.read_text(encoding="utf-8") + "\nMột câu của bản thứ hai.\n", encoding="utf-8")
    server = Server(root / "nginx", publish)
    yield server, output, publish, build, first, root
    server.stop()


def test_publish_and_rollback_under_load(site):
    server, output, publish, build, first, root = site
    first_release = os.readlink(publish / "current")
    clients = [Client(server, {"first": first}) for _ in range(2)]
    for client in clients:
        client.start()
    time.sleep(1)
    # Built while the first release is served (the output is not what nginx serves).
    portal(*build)
    second = snapshot(output, root / "second")
    assert {p.name for p in (second / "assets").iterdir()} != {p.name for p in (first / "assets").iterdir()}
    for client in clients:
        client.builds = {"first": first, "second": second}
    # A page fetched just before each switch, its assets just after: the straddle the clients
    # meet by chance, made certain.
    before = straddle_page(server, first)
    portal("publish", "--to", str(publish), "--output", str(output))
    switched = time.monotonic()
    server.reload()  # what the README says to do after a publish, under load too
    check_assets(server, before, first)
    time.sleep(2)
    before = straddle_page(server, second)
    portal("publish", "--to", str(publish), "--rollback")
    rolled_back = time.monotonic()
    server.reload()
    check_assets(server, before, second)
    time.sleep(2)
    for client in clients:
        client.stop.set()
    for client in clients:
        client.join(timeout=30)
    failures = [failure for client in clients for failure in client.failures]
    assert not failures, f"{len(failures)} failed requests, the first: {failures[:10]}"
    seen = sorted(entry for client in clients for entry in client.seen)
    assert sum(client.requests for client in clients) > 100
    # The second build was served after its publish, the first again after the rollback.
    assert any(build == "second" and switched < at < rolled_back for at, build in seen)
    assert [build for at, build in seen if at > rolled_back + 1.0] and all(
        build == "first" for at, build in seen if at > rolled_back + 1.0)
    assert os.readlink(publish / "current") == first_release
    status, headers, body = server.get(BASE + "gioi-thieu/", {"Accept-Encoding": "br"})
    assert status == 200 and decode(headers, body) == (first / "gioi-thieu/index.html").read_bytes()


def test_assets_of_the_release_before_while_current_flips(site):
    """The switch can fall between nginx's test that a file is there and its opening of it. With
    `previous` on the second release and `current` renamed back and forth between the two as fast
    as it can be, every request for the second release's stylesheets and scripts, in every
    encoding, still gets that file."""
    server, output, publish, build, first, root = site
    releases = sorted(p.name for p in (publish / "releases").iterdir() if p.is_dir() and not p.name.startswith("."))
    assert len(releases) >= 2
    older, newer = f"releases/{releases[-2]}", f"releases/{releases[-1]}"
    home = (publish / newer / "index.html").read_text(encoding="utf-8")
    assets = ASSET.findall(home)
    assert assets and all(not (publish / older / asset[len(BASE):]).exists() for asset in assets)
    before = os.readlink(publish / "current"), os.readlink(publish / "previous")

    def relink(name: str, target: str) -> None:
        pending = publish / f".{name}.flip"
        pending.unlink(missing_ok=True)
        pending.symlink_to(target)
        os.rename(pending, publish / name)

    relink("previous", newer)
    stop = threading.Event()
    flips = 0

    def flip() -> None:
        nonlocal flips
        while not stop.is_set():
            relink("current", older if flips % 2 == 0 else newer)
            flips += 1

    flipper = threading.Thread(target=flip, daemon=True)
    flipper.start()
    failures, requests = [], 0
    deadline = time.monotonic() + 4
    try:
        while time.monotonic() < deadline:
            for asset in assets:
                for accept in ENCODINGS:
                    status, headers, data = server.get(asset, {"Accept-Encoding": accept})
                    requests += 1
                    if status != 200:
                        failures.append(f"{asset} ({accept or 'identity'}): {status}")
                    elif decode(headers, data) != (publish / newer / asset[len(BASE):]).read_bytes():
                        failures.append(f"{asset} ({accept or 'identity'}): not the second release's")
    finally:
        stop.set()
        flipper.join(timeout=10)
        relink("current", before[0])
        relink("previous", before[1])
    assert flips > 1000 and requests > 100
    assert not failures, f"{len(failures)} of {requests} requests failed ({flips} switches), the first: {failures[:5]}"
