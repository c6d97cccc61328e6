#!/usr/bin/env python3
"""Summarise the measurements of benchmark/run: markdown tables and a JSON file.

    python3 benchmark/report.py MANIFEST [--size N] [--json PATH] [--corpus NAME]
    python3 benchmark/report.py --inventory DIR --save PATH

MANIFEST is the tab-separated file benchmark/run writes, one line per measured process:

    size  tool  run  time_file  stdout_file  stderr_file  load_average_before

(`tool` is portal, hugo, floor or portal-rebuild; `time_file` is what `/usr/bin/time -v -o`
wrote) and one line per tool of what its last run left in its output folder:

    size  tool  inventory  INVENTORY_JSON

(written by the second form: the folder's files by kind, and its HTML pages and feeds by URL).
With --size, prints that size's table; with --json, writes every size to PATH (and prints
nothing but where). Standard library only.
"""

import argparse
import json
import os
import platform
import re
import statistics
import sys
from datetime import datetime, timezone

TOOLS = ["portal", "hugo", "floor", "portal-rebuild"]
LABELS = {
    "portal": "portal build",
    "hugo": "Hugo",
    "floor": "floor (cmark-gfm, 1 thread)",
    "portal-rebuild": "portal rebuild, 1 post changed",
}
# The targets of issue 20, set for 5,000 posts per language and binding on every corpus shape.
# The floor has none: it is a reference for what Markdown to files costs at least.
TARGETS = {
    "wall_portal_over_hugo": 0.5,
    "cpu_portal_over_hugo": 0.5,
    "rss_portal_over_hugo": 0.35,
    "rebuild_over_full": 0.1,
}


def parse_time(path):
    """Wall seconds, CPU seconds (user + sys), peak RSS in MiB from `/usr/bin/time -v`."""
    text = open(path, encoding="utf-8", errors="replace").read()

    def field(name):
        m = re.search(r"^\s*" + re.escape(name) + r":\s*(.+)$", text, re.M)
        if not m:
            raise SystemExit(f"report: no `{name}` in {path}")
        return m.group(1).strip()

    parts = [float(p) for p in field("Elapsed (wall clock) time (h:mm:ss or m:ss)").split(":")]
    wall = 0.0
    for p in parts:
        wall = wall * 60 + p
    cpu = float(field("User time (seconds)")) + float(field("System time (seconds)"))
    rss = int(field("Maximum resident set size (kbytes)")) / 1024
    return {"wall_s": round(wall, 3), "cpu_s": round(cpu, 3), "rss_mib": round(rss, 1)}


def pages_of(tool, stdout_path):
    """What the tool says it built."""
    if not stdout_path or not os.path.exists(stdout_path):
        return None
    text = open(stdout_path, encoding="utf-8", errors="replace").read()
    if tool.startswith("portal"):
        m = re.search(r"Built (.+?) pages into .*?: (\d+) files written", text)
        if m:
            per = {k: int(v) for k, v in re.findall(r"([a-z]{2,3}(?:-[A-Za-z0-9]+)?) (\d+)", m.group(1))}
            return {"per_language": per, "total": sum(per.values()), "files_reported": int(m.group(2))}
    elif tool == "hugo":
        rows = {}
        for name in ("Pages", "Paginator pages", "Aliases", "Sitemaps"):
            m = re.search(r"^\s*" + name + r"\s*\|([\d\s|]+)$", text, re.M)
            if m:
                rows[name] = [int(x) for x in m.group(1).replace("|", " ").split()]
        if "Pages" in rows:
            return {"per_language": rows["Pages"], "total": sum(rows["Pages"]),
                    "paginator_pages": sum(rows.get("Paginator pages", [])),
                    "aliases": sum(rows.get("Aliases", []))}
    elif tool == "floor":
        m = re.search(r"floor: (\d+) files", text)
        if m:
            return {"total": int(m.group(1))}
    return None


REFRESH = re.compile(rb"""<meta http-equiv="refresh" content="0; url=""", re.I)
FEED_NAMES = ("index.xml", "atom.xml")


def inventory(folder):
    """What a build left in FOLDER, by kind: HTML pages (by URL path, `a/b/` for `a/b/index.html`),
    redirect stubs (an HTML file whose head is a meta refresh: portal's and Hugo's aliases and
    Hugo's `page/1/`), feeds (RSS `index.xml` and Atom `atom.xml`, by path) and other files."""
    pages, redirects, feeds, other = [], [], [], 0
    for root, _, names in os.walk(folder):
        for name in names:
            rel = os.path.relpath(os.path.join(root, name), folder).replace(os.sep, "/")
            if name.endswith(".html"):
                with open(os.path.join(root, name), "rb") as f:
                    head = f.read(1500)
                url = rel[: -len("index.html")] if name == "index.html" else rel
                (redirects if REFRESH.search(head) else pages).append(url)
            elif name in FEED_NAMES:
                feeds.append(rel)
            else:
                other += 1
    return {"files": len(pages) + len(redirects) + len(feeds) + other, "html_pages": sorted(pages),
            "redirects": len(redirects), "feeds": sorted(feeds), "other_files": other}


def differences(a, b, examples=5):
    """Counts of the URLs only in a, only in b, with a few examples each."""
    only_a, only_b = sorted(set(a) - set(b)), sorted(set(b) - set(a))
    return {"only_portal": len(only_a), "only_portal_examples": only_a[:examples],
            "only_hugo": len(only_b), "only_hugo_examples": only_b[:examples], "both": len(set(a) & set(b))}


def summary(values):
    return {"median": round(statistics.median(values), 3), "min": min(values), "max": max(values)}


def load(manifest):
    sizes = {}
    for line in open(manifest, encoding="utf-8"):
        cols = line.rstrip("\n").split("\t")
        if len(cols) < 4:
            continue
        size = int(cols[0])
        entry = sizes.setdefault(size, {}).setdefault(cols[1], {"runs": []})
        if cols[2] == "inventory":
            with open(cols[3], encoding="utf-8") as f:
                entry["inventory"] = json.load(f)
            continue
        run = parse_time(cols[3])
        run["run"] = int(cols[2])
        if len(cols) > 6 and cols[6]:
            run["load_before"] = float(cols[6])
        entry["runs"].append(run)
        entry["stdout"] = cols[4]
        entry["stderr"] = cols[5] if len(cols) > 5 else ""
    result = {}
    for size, tools in sorted(sizes.items()):
        out = {}
        for tool in TOOLS:
            data = tools.get(tool)
            if not data or not data["runs"]:
                continue
            runs = data["runs"]
            item = {
                "runs": runs,
                "wall_s": summary([r["wall_s"] for r in runs]),
                "cpu_s": summary([r["cpu_s"] for r in runs]),
                "rss_mib": summary([r["rss_mib"] for r in runs]),
                "pages": pages_of(tool, data.get("stdout")),
            }
            inv = data.get("inventory")
            if inv:
                item["files_written"] = inv["files"]
                item["html_pages"] = len(inv["html_pages"])
                item["redirects"] = inv["redirects"]
                item["feeds"] = len(inv["feeds"])
                item["other_files"] = inv["other_files"]
                pages = item["html_pages"]
                if pages:  # what one HTML page costs: the whole build's time spread over its pages
                    item["wall_ms_per_page"] = round(item["wall_s"]["median"] * 1000 / pages, 3)
                    item["cpu_ms_per_page"] = round(item["cpu_s"]["median"] * 1000 / pages, 3)
            if data.get("stderr") and os.path.exists(data["stderr"]):
                err = open(data["stderr"], encoding="utf-8", errors="replace").read()
                item["warnings"] = len(re.findall(r"(?m)(: warning: |^WARN )", err))
            out[tool] = item
        ratios = {}

        def med(tool, key):
            return out[tool][key]["median"] if tool in out else None

        def ratio(a, b):
            return round(a / b, 3) if a is not None and b else None

        ratios["wall_portal_over_hugo"] = ratio(med("portal", "wall_s"), med("hugo", "wall_s"))
        ratios["cpu_portal_over_hugo"] = ratio(med("portal", "cpu_s"), med("hugo", "cpu_s"))
        ratios["rss_portal_over_hugo"] = ratio(med("portal", "rss_mib"), med("hugo", "rss_mib"))
        ratios["wall_portal_over_floor"] = ratio(med("portal", "wall_s"), med("floor", "wall_s"))
        ratios["rebuild_over_full"] = ratio(med("portal-rebuild", "wall_s"), med("portal", "wall_s"))
        result[size] = {"posts_per_language": size, "tools": out, "ratios": ratios}
        p_inv = (tools.get("portal") or {}).get("inventory")
        h_inv = (tools.get("hugo") or {}).get("inventory")
        if p_inv and h_inv:  # is the Hugo site equivalent? the pages and feeds each tool alone wrote
            result[size]["differences"] = {"html_pages": differences(p_inv["html_pages"], h_inv["html_pages"]),
                                           "feeds": differences(p_inv["feeds"], h_inv["feeds"])}
    return result


def fmt(x, digits=2):
    return "–" if x is None else f"{x:.{digits}f}"


def pages_cell(item):
    p = item.get("pages") or {}
    if "per_language" in p and isinstance(p["per_language"], dict):
        text = " + ".join(f"{k} {v:,}" for k, v in p["per_language"].items())
    elif "per_language" in p:
        text = " + ".join(f"{v:,}" for v in p["per_language"])
        if p.get("paginator_pages"):
            text += f" (+{p['paginator_pages']:,} paginator)"
    elif "total" in p:
        text = f"{p['total']:,} posts"
    else:
        text = "–"
    return text


def count(n):
    return "–" if n is None else f"{n:,}"


def examples(urls):
    return ", ".join(f"`/{u}`" for u in urls) if urls else ""


def table(size, data, corpus=None):
    title = f"### {size:,} posts per language" + (f", corpus `{corpus}`" if corpus else "")
    lines = [title, ""]
    lines.append("| tool | wall s, median (min–max) | CPU s (user+sys), median | peak RSS MiB, median "
                 "| files written | HTML pages (+ redirects) | feeds | wall ms / HTML page | CPU ms / HTML page "
                 "| pages (tool's count) |")
    lines.append("|---|---|---|---|---|---|---|---|---|---|")
    for tool in TOOLS:
        item = data["tools"].get(tool)
        if not item:
            continue
        w = item["wall_s"]
        if tool == "portal-rebuild":
            files = pages = feeds = "(same output folder)"
        elif tool == "floor":
            files, pages, feeds = count(item.get("files_written")), "(bodies alone)", "–"
        else:
            files = count(item.get("files_written"))
            pages = f"{count(item.get('html_pages'))} (+ {count(item.get('redirects'))})"
            feeds = count(item.get("feeds"))
        per_wall = fmt(item.get("wall_ms_per_page"), 3) if tool in ("portal", "hugo") else "–"
        per_cpu = fmt(item.get("cpu_ms_per_page"), 3) if tool in ("portal", "hugo") else "–"
        lines.append(f"| {LABELS[tool]} | {fmt(w['median'])} ({fmt(w['min'])}–{fmt(w['max'])}) "
                     f"| {fmt(item['cpu_s']['median'])} | {fmt(item['rss_mib']['median'], 0)} "
                     f"| {files} | {pages} | {feeds} | {per_wall} | {per_cpu} | {pages_cell(item)} |")
    r = data["ratios"]
    tools = data["tools"]
    lines += ["", "| ratio (medians) | value | target at 5,000 posts | portal | other |", "|---|---|---|---|---|"]

    def per_page(tool, key, unit):
        item = tools.get(tool) or {}
        if key not in item:
            return "–"
        per = item.get(f"{key[:-2]}_ms_per_page")
        text = f"{fmt(item[key]['median'])} {unit}"
        if per is not None:
            text += f" = {per:.3f} ms × {item['html_pages']:,} pages ({item['files_written']:,} files)"
        return text

    def row(label, key, left, right):
        value = r.get(key)
        if value is None:
            return
        target = TARGETS.get(key)
        mark = "" if target is None else (" ✓" if value <= target else " ✗")
        shown = f"≤ {target:g}" if target is not None else "– (a reference)"
        lines.append(f"| {label} | {value:.3f}{mark} | {shown} | {left} | {right} |")

    row("portal / Hugo, wall", "wall_portal_over_hugo", per_page("portal", "wall_s", "s"),
        "Hugo " + per_page("hugo", "wall_s", "s"))
    row("portal / Hugo, CPU", "cpu_portal_over_hugo", per_page("portal", "cpu_s", "s"),
        "Hugo " + per_page("hugo", "cpu_s", "s"))
    mem = {t: (tools[t]["rss_mib"]["median"] if t in tools else None) for t in ("portal", "hugo")}
    row("portal / Hugo, peak memory", "rss_portal_over_hugo", f"{fmt(mem['portal'], 0)} MiB",
        f"Hugo {fmt(mem['hugo'], 0)} MiB")
    row("portal rebuild / portal full build, wall", "rebuild_over_full",
        f"{fmt((tools.get('portal-rebuild') or {}).get('wall_s', {}).get('median'))} s",
        f"full build {fmt((tools.get('portal') or {}).get('wall_s', {}).get('median'))} s")
    row("portal / floor, wall", "wall_portal_over_floor", f"{fmt((tools.get('portal') or {}).get('wall_s', {}).get('median'))} s",
        f"floor {fmt((tools.get('floor') or {}).get('wall_s', {}).get('median'))} s")
    diff = data.get("differences")
    if diff:
        lines.append("")
        for kind, label in (("html_pages", "HTML pages"), ("feeds", "feeds")):
            d = diff[kind]
            lines.append(f"{label} at the same URL in both: {d['both']:,}; only portal's: {d['only_portal']:,}"
                         + (f" ({examples(d['only_portal_examples'])}{', …' if d['only_portal'] > 5 else ''})"
                            if d['only_portal'] else "")
                         + f"; only Hugo's: {d['only_hugo']:,}"
                         + (f" ({examples(d['only_hugo_examples'])}{', …' if d['only_hugo'] > 5 else ''})"
                            if d['only_hugo'] else "") + ".")
    loads = [run["load_before"] for item in data["tools"].values() for run in item["runs"] if "load_before" in run]
    if loads and max(loads) > (os.cpu_count() or 1) / 4:
        lines += ["", f"Load average before the measured runs: median {statistics.median(loads):.2f}, max {max(loads):.2f} "
                  f"on {os.cpu_count()} cores: other processes were competing for the machine, so the wall times "
                  "(and their ratios) are not reliable; CPU times and peak memory are."]
    return "\n".join(lines)


def git_commit(repo):
    """The checked-out commit, read from .git without running git."""
    try:
        head = open(os.path.join(repo, ".git", "HEAD"), encoding="utf-8").read().strip()
        if not head.startswith("ref: "):
            return head
        ref = head[5:]
        path = os.path.join(repo, ".git", ref)
        if os.path.exists(path):
            return open(path, encoding="utf-8").read().strip()
        packed = os.path.join(repo, ".git", "packed-refs")
        if os.path.exists(packed):
            for line in open(packed, encoding="utf-8"):
                if line.rstrip().endswith(" " + ref):
                    return line.split()[0]
    except OSError:
        pass
    return None


def main():
    ap = argparse.ArgumentParser(description="Summarise benchmark/run's measurements.")
    ap.add_argument("manifest", nargs="?")
    ap.add_argument("--inventory", metavar="DIR", help="list what a build wrote in DIR (with --save)")
    ap.add_argument("--save", metavar="PATH", help="where --inventory writes its JSON")
    ap.add_argument("--corpus", help="the corpus shape, for the table's title and the JSON")
    ap.add_argument("--size", type=int, help="print this size's table")
    ap.add_argument("--json", help="write all sizes as JSON to this path")
    ap.add_argument("--meta", action="append", default=[], help="KEY=VALUE to record in the JSON")
    ap.add_argument("--repo", help="the repository, to record its commit")
    args = ap.parse_args()
    if args.inventory:
        if not args.save:
            ap.error("--inventory needs --save PATH")
        with open(args.save, "w", encoding="utf-8") as f:
            json.dump(inventory(args.inventory), f, ensure_ascii=False)
        return 0
    if not args.manifest:
        ap.error("a MANIFEST is needed (or --inventory DIR --save PATH)")
    data = load(args.manifest)
    if args.size is not None:
        if args.size not in data:
            raise SystemExit(f"report: no measurements for {args.size}")
        print(table(args.size, data[args.size], args.corpus))
    if args.json:
        meta = dict(kv.split("=", 1) for kv in args.meta)
        document = {
            "generated": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "machine": {"cores": os.cpu_count(), "platform": platform.platform(),
                        "memory_mib": os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") // 2**20},
            "commit": git_commit(args.repo) if args.repo else None,
            "corpus": args.corpus,
            "settings": meta,
            "targets_at_5000": TARGETS,  # the floor has no target: a reference
            "sizes": {str(size): value for size, value in data.items()},
        }
        os.makedirs(os.path.dirname(os.path.abspath(args.json)), exist_ok=True)
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(document, f, ensure_ascii=False, indent=2)
            f.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
