#!/usr/bin/env python3
"""Times the preview servers: `portal serve` against `hugo server` on equivalent sites.

Used by benchmark/serve (see benchmark/README.md, "Preview"). Both servers listen on
127.0.0.1 only. For each edit the script writes one file and times:

- portal: from the write to the reload event arriving on the page's live-reload channel (the
  Server-Sent Events stream `/__portal/events` a page opens), read here from a socket as a
  browser would; and portal's own "Rebuilt … in S s" line;
- Hugo: from the write to its "Total in N ms" line on standard output, and to the reload
  message on its LiveReload WebSocket (`/livereload`, the channel Hugo's pages open).

Edits: N post bodies (a sentence appended to N different posts, median reported), then one
post's title, one post's tags (a tag added), the post template, and the site settings (the
Vietnamese description). The same edit is made to both sites' equivalent file.
Standard library only.
"""

import argparse
import base64
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import threading
import time


def log(text):
    print(f"serve_bench: {text}", file=sys.stderr, flush=True)


class Lines:
    """A process's standard output, read by a thread: each line with when it arrived."""

    def __init__(self, stream):
        self.lines = []
        self.lock = threading.Condition()
        threading.Thread(target=self._read, args=(stream,), daemon=True).start()

    def _read(self, stream):
        for raw in iter(stream.readline, b""):
            line = raw.decode("utf-8", "replace").rstrip("\n")
            with self.lock:
                self.lines.append((time.monotonic(), line))
                self.lock.notify_all()
        with self.lock:
            self.lines.append((time.monotonic(), None))
            self.lock.notify_all()

    def wait(self, pattern, start, timeout):
        """The first line at index >= start matching pattern: (index, time, match)."""
        deadline = time.monotonic() + timeout
        index = start
        with self.lock:
            while True:
                while index < len(self.lines):
                    at, line = self.lines[index]
                    if line is None:
                        raise RuntimeError("the server ended:\n" + self.text())
                    found = re.search(pattern, line)
                    if found:
                        return index, at, found
                    index += 1
                left = deadline - time.monotonic()
                if left <= 0:
                    raise RuntimeError(f"no line matching {pattern!r} in {timeout} s:\n" + self.text()[-3000:])
                self.lock.wait(left)

    def count(self):
        with self.lock:
            return len(self.lines)

    def text(self):
        return "\n".join(line for _, line in self.lines if line is not None)


class Channel:
    """Messages of a live-reload channel with when each arrived, read by a thread."""

    def __init__(self):
        self.messages = []
        self.lock = threading.Condition()

    def add(self, message):
        with self.lock:
            self.messages.append((time.monotonic(), message))
            self.lock.notify_all()

    def wait_after(self, count, timeout, accept=lambda m: True):
        """The first message past the first `count` that `accept` takes: (time, message)."""
        deadline = time.monotonic() + timeout
        with self.lock:
            while True:
                for at, message in self.messages[count:]:
                    if accept(message):
                        return at, message
                left = deadline - time.monotonic()
                if left <= 0:
                    return None
                self.lock.wait(left)

    def count(self):
        with self.lock:
            return len(self.messages)


def sse(port, channel):
    """Opens portal's event stream as a page does and feeds its `data:` values to channel."""
    sock = socket.create_connection(("127.0.0.1", port))
    sock.sendall(
        f"GET /__portal/events HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAccept: text/event-stream\r\n\r\n".encode())

    def read():
        buffer = b""
        while True:
            try:
                data = sock.recv(65536)
            except OSError:
                return  # closed at the end
            if not data:
                return
            buffer += data
            while b"\n" in buffer:
                line, buffer = buffer.split(b"\n", 1)
                line = line.strip()
                if line.startswith(b"data: "):
                    channel.add(line[6:].decode())

    threading.Thread(target=read, daemon=True).start()
    return sock


def websocket(port, path, channel):
    """A minimal WebSocket client (RFC 6455) for Hugo's LiveReload: handshake, LiveReload's
    hello, then every text frame the server sends goes to channel."""
    sock = socket.create_connection(("127.0.0.1", port))
    key = base64.b64encode(os.urandom(16)).decode()
    sock.sendall(
        (f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
         f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n").encode())
    head = b""
    while b"\r\n\r\n" not in head:
        data = sock.recv(1)
        if not data:
            raise RuntimeError("Hugo closed the LiveReload connection during the handshake")
        head += data
    if b" 101 " not in head.split(b"\r\n", 1)[0]:
        raise RuntimeError("Hugo refused the LiveReload WebSocket: " + head.decode("latin-1"))

    def send_text(text):
        payload = text.encode()
        mask = os.urandom(4)
        header = bytes([0x81])
        if len(payload) < 126:
            header += bytes([0x80 | len(payload)])
        else:
            header += bytes([0x80 | 126]) + len(payload).to_bytes(2, "big")
        sock.sendall(header + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload)))

    send_text(json.dumps({"command": "hello", "protocols": ["http://livereload.com/protocols/official-7"]}))

    def exactly(n):
        data = b""
        while len(data) < n:
            more = sock.recv(n - len(data))
            if not more:
                raise EOFError
            data += more
        return data

    def read():
        try:
            while True:
                first, second = exactly(2)
                length = second & 0x7F
                if length == 126:
                    length = int.from_bytes(exactly(2), "big")
                elif length == 127:
                    length = int.from_bytes(exactly(8), "big")
                if second & 0x80:
                    exactly(4)  # servers do not mask; skip a mask if one came
                payload = exactly(length)
                if first & 0x0F == 1:
                    channel.add(payload.decode("utf-8", "replace"))
        except (EOFError, OSError):
            return

    threading.Thread(target=read, daemon=True).start()
    return sock


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# ------------------------------------------------------------------ edits


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def write(path, text):
    """One save: the file written where it is (as most editors do by default)."""
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def edit_body(path, n):
    write(path, read(path).rstrip("\n") + f"\n\nĐoạn thêm số {n} cho phép đo.\n")


def edit_title(path):
    text = read(path)
    changed = re.sub(r'^title: "(.*)"$', lambda m: f'title: "{m.group(1)} (sửa)"', text, count=1, flags=re.M)
    assert changed != text, path
    write(path, changed)


def edit_tags(path):
    text = read(path)
    # portal's posts say `tags:`; the Hugo site's Vietnamese posts use the taxonomy at portal's address.
    changed = re.sub(r"^(tags|chu-de): \[(.*)\]$", lambda m: f'{m.group(1)}: [{m.group(2)}, "Phép đo"]', text, count=1,
                     flags=re.M)
    assert changed != text, path
    write(path, changed)


def edit_append(path, before, addition):
    """Puts `addition` before the first `before` of the file (a template's text)."""
    text = read(path)
    assert before in text, (path, before)
    write(path, text.replace(before, addition + before, 1))


def edit_description(path, key):
    """Changes the Vietnamese description in site.yml (`description:`) or hugo.toml."""
    text = read(path)
    changed = re.sub(
        rf'^(\s*{key}\s*[:=]\s*)"?(Chuyên mục[^"\n]*?)"?$', lambda m: f'{m.group(1)}"{m.group(2)} Bản thử."', text,
        count=1, flags=re.M)
    assert changed != text, path
    write(path, changed)


def edit_all(timed, edits, posts, content, template, settings):
    """The benchmark's edits in order, each through `timed(kind, action)`."""
    for n, post in enumerate(posts[:edits]):
        timed("body", lambda: edit_body(os.path.join(content, post), n))
    timed("title", lambda: edit_title(os.path.join(content, posts[-1])))
    timed("tag", lambda: edit_tags(os.path.join(content, posts[-2])))
    timed("template", lambda: edit_append(template, "</article>", "<p>Phép đo.</p>"))
    timed("site.yml", lambda: edit_description(settings, "description"))


# ------------------------------------------------------------------ the servers


def stop(process):
    process.terminate()
    try:
        process.wait(30)
    except subprocess.TimeoutExpired:
        process.kill()


def run_portal(args, posts, template):
    channel = Channel()
    env = dict(os.environ, TMPDIR=args.tmp)
    process = subprocess.Popen(
        [args.portal, "serve", "--content", args.content, "--port", "0", "--now", args.now],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env)
    out = Lines(process.stdout)
    results = {}
    try:
        _, started, found = out.wait(r"^Serving http://127\.0\.0\.1:(\d+)/", 0, 600)
        port = int(found.group(1))
        first = re.search(r"in ([\d.]+) s", out.text())
        log(f"portal serve: first build {first.group(1) if first else '?'} s, port {port}")
        stream = sse(port, channel)
        if channel.wait_after(0, 10) is None:
            raise RuntimeError("portal's event stream sent nothing")
        time.sleep(1)

        def timed(kind, action):
            seen = channel.count()
            lines = out.count()
            generation = channel.messages[-1][1]
            before = time.monotonic()
            action()
            arrival = channel.wait_after(seen, 300, lambda m: m != generation)
            if arrival is None:
                raise RuntimeError(f"no reload event after the {kind} edit:\n" + out.text()[-2000:])
            _, _, said = out.wait(r"(Rebuilt|Rebuild failed).* in ([\d.]+) s", lines, 60)
            if said.group(1) != "Rebuilt":
                raise RuntimeError(f"the {kind} edit did not build:\n" + out.text()[-3000:])
            seconds = arrival[0] - before
            results.setdefault(kind, []).append({"reload_s": seconds, "rebuilt_s": float(said.group(2))})
            log(f"portal {kind}: reload event after {seconds:.3f} s (Rebuilt line: {said.group(2)} s)")
            time.sleep(args.pause)

        edit_all(timed, args.edits, posts, args.content, template, os.path.join(args.content, "site.yml"))
        stream.close()
        # The files served: the private folder portal serve builds into (under its TMPDIR).
        counts = {"files": 0, "html": 0}
        for folder in os.listdir(args.tmp):
            site = os.path.join(args.tmp, folder, "site")
            for root, _, names in os.walk(site):
                for name in names:
                    if not name.startswith("."):
                        counts["files"] += 1
                        counts["html"] += name.endswith(".html")
        results["files"] = counts
    finally:
        stop(process)
    return results


def run_hugo(args, posts):
    channel = Channel()
    port = free_port()
    process = subprocess.Popen(
        ["hugo", "server", "--source", args.hugo, "--bind", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    out = Lines(process.stdout)
    results = {}
    counts = {}
    try:
        out.wait(r"Web Server is available at", 0, 900)
        first = re.search(r"Built in (\d+) ms", out.text())
        log(f"hugo server: first build {first.group(1) if first else '?'} ms, port {port}")
        for line in out.text().splitlines():
            row = re.match(r"^\s*(Pages|Paginator pages|Non-page files|Static files|Processed images|Aliases)\s*\|(.*)$",
                           line)
            if row:
                counts[row.group(1)] = [int(x) for x in re.findall(r"\d+", row.group(2))]
        # The page's LiveReload script names the WebSocket's path (under the site's base path).
        home = re.search(r"https?://[^/]+(/[^\s]*)", re.search(r"Web Server is available at (\S+)", out.text()).group(1))
        with socket.create_connection(("127.0.0.1", port)) as sock:
            sock.sendall(f"GET {home.group(1)} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n".encode())
            page = b""
            while chunk := sock.recv(65536):
                page += chunk
        path = re.search(rb"livereload\.js\?[^\"]*?path=([^\"&]+)", page)
        if path is None:
            raise RuntimeError("no LiveReload script in Hugo's home page")
        stream = websocket(port, "/" + path.group(1).decode(), channel)
        time.sleep(1)

        def timed(kind, action):
            seen = channel.count()
            lines = out.count()
            before = time.monotonic()
            action()
            # A change of hugo.toml ends with "Rebuilt in", any other with "Total in".
            _, total_at, total = out.wait(r"(?:Total|Rebuilt) in (\d+) ms", lines, 600)
            arrival = channel.wait_after(seen, 10, lambda m: '"reload"' in m)
            entry = {"total_line_s": total_at - before, "total_in_ms": int(total.group(1))}
            if arrival is not None:
                entry["reload_s"] = arrival[0] - before
            results.setdefault(kind, []).append(entry)
            reload = f", LiveReload message after {entry['reload_s']:.3f} s" if "reload_s" in entry else ""
            log(f"hugo {kind}: 'Total in {total.group(1)} ms' after {entry['total_line_s']:.3f} s{reload}")
            time.sleep(args.pause)

        edit_all(timed, args.hugo_edits or args.edits, posts, os.path.join(args.hugo, "content"),
                 os.path.join(args.hugo, "layouts", "_default", "single.html"), os.path.join(args.hugo, "hugo.toml"))
        stream.close()
    finally:
        stop(process)
    return results, counts


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--portal", required=True)
    ap.add_argument("--content", required=True, help="portal's content folder (a copy: it is edited)")
    ap.add_argument("--theme-template", required=True, help="the post template portal uses (edited)")
    ap.add_argument("--hugo", required=True, help="the equivalent Hugo site (a copy: it is edited)")
    ap.add_argument("--tmp", required=True, help="TMPDIR for portal serve (its private folder goes there)")
    ap.add_argument("--now", default="2026-11-29T12:00")
    ap.add_argument("--edits", type=int, default=10)
    ap.add_argument("--hugo-edits", type=int, help="body edits for Hugo (default: --edits)")
    ap.add_argument("--pause", type=float, default=1.0, help="seconds between edits")
    ap.add_argument("--only", choices=["portal", "hugo"], help="run one server only")
    ap.add_argument("--json", help="write the measurements here")
    ap.add_argument("--report", action="store_true", help="print a markdown table")
    args = ap.parse_args()

    # The posts to edit: spread over the Vietnamese posts, the same in both sites.
    folder = os.path.join(args.content, "vi", "tin-tuc")
    names = sorted(n for n in os.listdir(folder) if n.endswith(".md") and n != "_index.md")
    step = max(1, len(names) // (args.edits + 3))
    posts = [f"vi/tin-tuc/{names[(k * step + step // 2) % len(names)]}" for k in range(args.edits + 2)]

    portal = hugo = counts = None
    if args.only != "hugo":
        portal = run_portal(args, posts, args.theme_template)
    if args.only != "portal":
        hugo, counts = run_hugo(args, posts)
    result = {"portal": portal, "hugo": hugo, "hugo_counts": counts, "posts_edited": posts}
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(result, f, indent=1, ensure_ascii=False)
    if args.report:
        report(result, args.edits)
    else:
        json.dump(result, sys.stdout, ensure_ascii=False)
        print()


def report(result, edits):
    portal, hugo = result["portal"] or {}, result["hugo"] or {}

    def summary(entries, field):
        values = [e[field] for e in entries if field in e]
        if not values:
            return None, "–"
        median = statistics.median(values)
        show = (lambda v: f"{v:.0f} ms") if field.endswith("_ms") else (lambda v: f"{v:.3f}")
        if len(values) == 1:
            return median, show(median)
        return median, f"{show(median)} ({show(min(values))}–{show(max(values))})"

    print()
    print("| edit | portal: write → reload event, s | portal's \"Rebuilt\" line, s | Hugo: write → \"Total in\" line, s; "
          "the time it prints | Hugo: write → LiveReload message, s | portal / Hugo |")
    print("|---|---|---|---|---|---|")
    for kind in ["body", "title", "tag", "template", "site.yml"]:
        p_reload, p_text = summary(portal.get(kind, []), "reload_s")
        _, p_rebuilt = summary(portal.get(kind, []), "rebuilt_s")
        h_total, h_text = summary(hugo.get(kind, []), "total_line_s")
        _, h_ms = summary(hugo.get(kind, []), "total_in_ms")
        _, h_reload = summary(hugo.get(kind, []), "reload_s")
        ratio = f"{p_reload / h_total:.2f}" if p_reload and h_total else "–"
        label = f"body (median of {len(portal.get('body', []))} for portal, {len(hugo.get('body', []))} for Hugo)" \
            if kind == "body" else kind
        print(f"| {label} | {p_text} | {p_rebuilt} | {h_text}; {h_ms} | {h_reload} | {ratio} |")
    files = portal.get("files")
    if files:
        print(f"\nportal serve's output: {files['files']} files ({files['html']} HTML), on disk in its private folder.")
    counts = result.get("hugo_counts") or {}
    if counts:
        rows = ", ".join(f"{k} {'+'.join(str(v) for v in vs)}" for k, vs in counts.items())
        print(f"hugo server (rendered to memory, its default), per language: {rows}.")
    print("Target (issue 20): body edit ≤ 0.1 × Hugo's.")


if __name__ == "__main__":
    main()
