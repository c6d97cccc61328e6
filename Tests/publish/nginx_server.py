"""Debian's nginx, unprivileged on a free port of 127.0.0.1 (its own prefix, pid and logs in
a temporary folder), serving a publish folder through the configuration `portal publish`
wrote (DIR/nginx.conf); and `portal` itself. Shared by the tests of Tests/publish."""

from __future__ import annotations

import http.client
import os
import pwd
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "site"))
from sitebuild import REPO, portal_binary  # noqa: E402,F401

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
BASE = "/asean/"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def portal(*args: str) -> str:
    done = subprocess.run([str(portal_binary()), *args], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout


def wait_for_port(port: int, process: subprocess.Popen, name: str) -> None:
    for _ in range(200):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            if process.poll() is not None:
                raise RuntimeError(f"{name} exited: {process.stderr.read().decode()}")
            time.sleep(0.05)
    raise RuntimeError(f"{name} did not start")


def http_get(port: int, path: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    """One GET on its own connection: status, headers (lower-case names), body as sent."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("GET", path, headers=headers or {})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, {k.lower(): v for k, v in response.getheaders()}, body


class Server:
    def __init__(self, root: Path, publish: Path):
        if not Path(NGINX).exists():
            raise RuntimeError("nginx is missing: scripts/setup-system test installs it")
        self.root = root
        self.port = free_port()
        (root / "logs").mkdir(parents=True)
        (root / "tmp").mkdir()
        # As root, nginx would run its workers as nobody, who cannot read a temporary folder.
        user = f"user {pwd.getpwuid(os.geteuid()).pw_name};" if os.geteuid() == 0 else ""
        (root / "nginx.conf").write_text(f"""
{user}
daemon off;
worker_processes 1;
pid {root}/nginx.pid;
error_log {root}/logs/error.log;
events {{ worker_connections 128; }}
http {{
    include /etc/nginx/mime.types;
    access_log {root}/logs/access.log;
    client_body_temp_path {root}/tmp/body; proxy_temp_path {root}/tmp/proxy;
    fastcgi_temp_path {root}/tmp/fastcgi; uwsgi_temp_path {root}/tmp/uwsgi; scgi_temp_path {root}/tmp/scgi;
    server {{
        listen 127.0.0.1:{self.port};
        absolute_redirect off;
        include {publish}/nginx.conf;
    }}
}}
""")
        self.process = subprocess.Popen(
            [NGINX, "-p", str(root), "-c", str(root / "nginx.conf"), "-e", str(root / "logs/error.log")],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        wait_for_port(self.port, self.process, "nginx")

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def reload(self) -> None:
        subprocess.run([NGINX, "-p", str(self.root), "-c", str(self.root / "nginx.conf"), "-s", "reload"],
                       check=True, capture_output=True)
        time.sleep(0.5)

    def get(self, path: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
        return http_get(self.port, path, headers)

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


def check_not_found(server, output: Path) -> None:
    """Each language's 404 page with status 404, no dotfile, no listing of a folder without
    index.html: the same for every server's configuration."""
    status, headers, body = server.get(BASE + "khong-co/")
    assert status == 404 and body == (output / "404.html").read_bytes()
    assert headers["content-type"] == "text/html; charset=utf-8"
    status, _, body = server.get(BASE + "en/missing/")
    assert status == 404 and body == (output / "en/404.html").read_bytes()
    assert server.get(BASE + ".portal-output")[0] == 404
    # No listing of a folder without index.html.
    status, _, body = server.get(BASE + "assets/")
    assert status in (403, 404) and b"Index of" not in body
