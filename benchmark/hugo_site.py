#!/usr/bin/env python3
"""Turn a portal content folder made by gen_corpus.py into an equivalent Hugo site.

    python3 benchmark/hugo_site.py --content /tmp/corpus/Content --out /tmp/corpus/hugo \
        [--pages-from /tmp/portal-output]
    hugo --source /tmp/corpus/hugo --destination /tmp/out

The Hugo site has the same HTML pages at the same URLs as portal's build of the content folder:

- `hugo.toml`: baseURL and languages from site.yml (vi the default, served at the root,
  `defaultContentLanguageInSubdir = false`; en under /en/), one contentDir per language,
  `paginate` from site.yml (20), the tags taxonomy at portal's URL segment per language
  (`chu-de` for vi), HTML and RSS for home and sections but HTML only for the tags and each
  tag (portal writes no feed per tag), its built-in sitemap (a sitemap index and one per
  language) and robots.txt; feeds limited to 20 items like portal's (`rssLimit = 20`); the
  menus of site.yml.
- `content/<lang>/…`: each file with its front matter converted for Hugo: the date gets
  Viet Nam's offset (portal reads `2024-03-05T08:17` as UTC+7), the URL slug is taken from
  the file name without its `YYYY-MM-DD-` (portal's rule), translationKey is kept (Hugo
  pairs translations by it natively). Relative `.md` links, which portal resolves, are
  rewritten to the target's URL (Hugo would otherwise need a `ref` shortcode or a render
  hook per link: rewriting ahead of time spares Hugo that work).
- `layouts/`: minimal layouts of this site: `_default/baseof.html` (head with canonical,
  hreflang alternates of every translation and `x-default`, RSS link, menu, language switch
  that goes to the translation or else the other language's home), `single.html` (the page,
  its date and tags), `list.html` (home: the latest posts; sections and terms: paginated by
  20 with a full list of page numbers, like portal's default theme), `terms.html` (every tag
  with its count), `404.html`, `plain/single.html` (the content alone, for the pages below).
- with --pages-from (a portal build of the same content), the HTML pages portal makes from
  data rather than Markdown (search pages; plans, tasks, agencies, characteristics) become
  `content/<lang>/portal-page-N.html` with `url:` at portal's address and portal's `<main>` as
  their content, and portal's redirect stubs `aliases` of their targets.

Standard library only; reads only what gen_corpus.py writes (a small YAML subset).
"""

import argparse
import os
import re
import shutil
import sys

# ------------------------------------------------------------------ a small YAML subset


def scalar(text):
    text = text.strip()
    if len(text) >= 2 and text[0] == '"' and text[-1] == '"':
        return re.sub(r'\\(["\\])', r"\1", text[1:-1])
    if len(text) >= 2 and text[0] == "'" and text[-1] == "'":
        return text[1:-1].replace("''", "'")
    if text.startswith("[") and text.endswith("]"):
        inner = text[1:-1].strip()
        if not inner:
            return []
        return [scalar(item) for item in re.findall(r'"(?:[^"\\]|\\.)*"|[^,]+', inner)]
    if text in ("true", "false"):
        return text == "true"
    if re.fullmatch(r"-?\d+", text):
        return int(text)
    return text


def parse_yaml(text):
    """Block mappings, block lists (of scalars or mappings), flow lists of scalars, comments."""
    tokens = []  # (indent, text, dash): a `- key: value` item becomes a dash and a mapping line
    for raw in text.splitlines():
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        line = re.sub(r"""\s+#[^"']*$""", "", raw.rstrip())
        indent = len(line) - len(line.lstrip())
        body = line.strip()
        if body.startswith("- ") or body == "-":
            item = body[2:].strip()
            if re.match(r"^[^\"'\[]*:(\s|$)", item):
                tokens.append((indent, "", True))
                tokens.append((indent + 2, item, False))
            else:
                tokens.append((indent, item, True))
        else:
            tokens.append((indent, body, False))

    def node(i, indent):
        if i < len(tokens) and tokens[i][2]:
            items = []
            while i < len(tokens) and tokens[i][0] == indent and tokens[i][2]:
                if tokens[i][1]:
                    items.append(scalar(tokens[i][1]))
                    i += 1
                elif i + 1 < len(tokens) and tokens[i + 1][0] > indent:
                    value, i = node(i + 1, tokens[i + 1][0])
                    items.append(value)
                else:
                    items.append(None)
                    i += 1
            return items, i
        mapping = {}
        while i < len(tokens) and tokens[i][0] == indent and not tokens[i][2]:
            key, _, rest = tokens[i][1].partition(":")
            i += 1
            if rest.strip():
                mapping[key.strip()] = scalar(rest)
            elif i < len(tokens) and (tokens[i][0] > indent or (tokens[i][0] == indent and tokens[i][2])):
                mapping[key.strip()], i = node(i, tokens[i][0])
            else:
                mapping[key.strip()] = None
        return mapping, i

    return node(0, tokens[0][0])[0] if tokens else {}


def split_front_matter(text):
    if not text.startswith("---\n"):
        return {}, text
    end = text.index("\n---\n", 3)
    return parse_yaml(text[4:end]), text[end + 5:]


# ------------------------------------------------------------------ conversion

DATE_PREFIX = re.compile(r"^\d{4}-\d{2}-\d{2}-")
MD_LINK = re.compile(r"\]\((<[^>]+>|[^)\s]+?\.md)(#[^)\s]*)?\)")


def toml_str(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def yaml_str(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def hugo_date(value):
    value = str(value)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return value + "T00:00:00+07:00"
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}", value):
        return value + ":00+07:00"
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}", value):
        return value + "+07:00"
    return value


def page_url(rel_path, lang_prefix, base_path):
    """URL of a content file (relative to its language folder), as portal makes it."""
    folder, name = os.path.split(rel_path)
    parts = [p for p in folder.split("/") if p]
    if name != "_index.md":
        parts.append(DATE_PREFIX.sub("", name[:-3]))
    return base_path + lang_prefix + "".join(p + "/" for p in parts)


def hugo_term(name):
    """A tag as Hugo is given it: Hugo's urlize drops the accents (removePathAccents) but keeps đ,
    which portal's slugs fold to d; so đ is folded here, and both tools make the same term URL."""
    return name.replace("đ", "d").replace("Đ", "D")


def convert(text, rel_path, lang_prefix, base_path, known, tags_key, aliases):
    meta, body = split_front_matter(text)
    out = ["---"]
    out.append(f"title: {yaml_str(meta['title'])}")
    if "date" in meta:
        out.append(f"date: {hugo_date(meta['date'])}")
    name = os.path.basename(rel_path)
    if name != "_index.md":
        out.append(f"slug: {yaml_str(DATE_PREFIX.sub('', name[:-3]))}")
    for key in ("summary", "translationKey"):
        if key in meta:
            out.append(f"{key}: {yaml_str(str(meta[key]))}")
    if meta.get("tags"):
        out.append(f"{tags_key}: [" + ", ".join(yaml_str(hugo_term(t)) for t in meta["tags"]) + "]")
    if aliases:
        out.append("aliases: [" + ", ".join(yaml_str(a) for a in aliases) + "]")
    out.append("---")

    folder = os.path.dirname(rel_path)

    def link(match):
        target = match.group(1).strip("<>")
        resolved = os.path.normpath(os.path.join(folder, target)).replace(os.sep, "/")
        if resolved not in known:
            raise SystemExit(f"hugo_site: {rel_path}: link to a missing file {target}")
        return f"]({page_url(resolved, lang_prefix, base_path)}{match.group(2) or ''})"

    return "\n".join(out) + "\n" + MD_LINK.sub(link, body)


# ------------------------------------------------------------------ layouts

BASEOF = """<!doctype html>
<html lang="{{ .Site.Language.Lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if .IsHome }}{{ .Site.Title }}{{ else }}{{ .Title }} – {{ .Site.Title }}{{ end }}</title>
<meta name="description" content="{{ with .Params.summary }}{{ . }}{{ else }}{{ .Site.Params.description }}{{ end }}">
<link rel="canonical" href="{{ .Permalink }}">
{{ range .AllTranslations }}<link rel="alternate" hreflang="{{ .Lang }}" href="{{ .Permalink }}">
{{ end }}{{ range .AllTranslations }}{{ if eq .Lang $.Sites.First.Language.Lang }}<link rel="alternate" hreflang="x-default" href="{{ .Permalink }}">
{{ end }}{{ end }}{{ with .OutputFormats.Get "rss" }}<link rel="alternate" type="application/rss+xml" title="{{ $.Site.Title }}" href="{{ .Permalink }}">
{{ end }}<link rel="stylesheet" href="{{ "style.css" | relURL }}">
</head>
<body>
<header>
<a class="site-title" href="{{ .Site.Home.RelPermalink }}">{{ .Site.Title }}</a>
<nav class="menu"><ul>
{{ $current := . }}{{ range .Site.Menus.main }}<li><a href="{{ .URL }}"{{ if $current.IsMenuCurrent "main" . }} aria-current="page"{{ end }}>{{ .Name }}</a></li>
{{ end }}</ul></nav>
<nav class="languages"><ul>
{{ $page := . }}{{ range .Site.Home.AllTranslations }}{{ if ne .Lang $page.Lang }}{{ $target := . }}{{ range $page.Translations }}{{ if eq .Lang $target.Lang }}{{ $target = . }}{{ end }}{{ end }}<li><a href="{{ $target.RelPermalink }}" hreflang="{{ .Lang }}" lang="{{ .Lang }}">{{ .Language.LanguageName }}</a></li>
{{ end }}{{ end }}</ul></nav>
</header>
<main>
{{ block "main" . }}{{ end }}
</main>
<footer><p>{{ .Site.Params.description }}</p></footer>
</body>
</html>
"""

SINGLE = """{{ define "main" }}<article class="post">
<h1>{{ .Title }}</h1>
{{ with .Date }}<p class="date"><time datetime="{{ .Format "2006-01-02T15:04:05-07:00" }}">{{ .Format "2/1/2006" }}</time></p>{{ end }}
<div class="content">
{{ .Content }}
</div>
{{ with .GetTerms .Site.Params.tags }}<footer><p>{{ range . }}<a class="tag" href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> {{ end }}</p></footer>{{ end }}
</article>
{{ end }}
"""

LIST = """{{ define "main" }}<h1>{{ .Title }}</h1>
{{ with .Content }}<div class="content">{{ . }}</div>{{ end }}
{{ if .IsHome }}
<ul class="listing">{{ range first 20 .Site.RegularPages.ByDate.Reverse }}{{ partial "item.html" . }}{{ end }}</ul>
{{ else }}
{{ $p := .Paginate .Pages }}
<ul class="listing">{{ range $p.Pages }}{{ partial "item.html" . }}{{ end }}</ul>
{{ partial "pager.html" $p }}
{{ end }}
{{ end }}
"""

TERMS = """{{ define "main" }}<h1>{{ .Title }}</h1>
<ul class="terms">{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>
{{ end }}</ul>
{{ end }}
"""

ITEM = """<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ with .Date }} <time datetime="{{ .Format "2006-01-02T15:04:05-07:00" }}">{{ .Format "2/1/2006" }}</time>{{ end }}{{ with .Params.summary }}<p>{{ . }}</p>{{ end }}</li>
"""

PAGER = """{{ if gt .TotalPages 1 }}<nav class="pagination"><ul>
{{ with .Prev }}<li><a href="{{ .URL }}" rel="prev">«</a></li>{{ end }}
{{ $current := .PageNumber }}{{ range .Pagers }}<li><a href="{{ .URL }}"{{ if eq .PageNumber $current }} aria-current="page"{{ end }}>{{ .PageNumber }}</a></li>
{{ end }}{{ with .Next }}<li><a href="{{ .URL }}" rel="next">»</a></li>{{ end }}
</ul></nav>{{ end }}
"""

# The pages portal makes from data (plans, agencies, characteristics, the search page), given to
# Hugo as HTML content files: the page's <main> as portal wrote it, inside this site's frame.
PLAIN = """{{ define "main" }}{{ .Content }}{{ end }}
"""

NOT_FOUND = """{{ define "main" }}<h1>404</h1>
<p><a href="{{ .Site.Home.RelPermalink }}">{{ .Site.Title }}</a></p>
{{ end }}
"""

STYLE = "body{max-width:48rem;margin:auto;font-family:sans-serif}table{border-collapse:collapse}td,th{border:1px solid #ccc}\n"


def tags_segment(code, lang):
    """The tags' URL segment of a language, by portal's rule (docs/reference.md, "Site settings")."""
    given = (lang.get("taxonomies") or {}).get("tags")
    return given or ("chu-de" if code == "vi" else "tags")


REFRESH = re.compile(r"""<meta http-equiv="refresh" content="0; url=([^"]+)">""", re.I)
TITLE = re.compile(r"<title>(.*?)</title>", re.S)
MAIN = re.compile(r"<main[^>]*>(.*)</main>", re.S)


def portal_pages(folder, base_url, base_path):
    """The HTML files of a portal build: {url: (title, main)} of pages and {url: target} of redirects."""
    pages, redirects = {}, {}
    for root, _, names in os.walk(folder):
        for name in names:
            if not name.endswith(".html"):
                continue
            rel = os.path.relpath(os.path.join(root, name), folder).replace(os.sep, "/")
            url = base_path + (rel[: -len("index.html")] if name == "index.html" else rel)
            with open(os.path.join(root, name), encoding="utf-8") as f:
                text = f.read()
            refresh = REFRESH.search(text[:2000])
            if refresh:
                target = refresh.group(1)
                redirects[url] = base_path + target[len(base_url):] if target.startswith(base_url) else target
                continue
            title, main = TITLE.search(text), MAIN.search(text)
            pages[url] = (html_unescape(title.group(1)) if title else url, main.group(1) if main else "")
    return pages, redirects


def html_unescape(text):
    import html
    return html.unescape(text)


def build_config(settings):
    base = settings["baseURL"]
    default = settings["defaultLanguage"]
    lines = [
        "# Made by benchmark/hugo_site.py from the corpus's site.yml.",
        f"baseURL = {toml_str(base)}",
        f"defaultContentLanguage = {toml_str(default)}",
        "defaultContentLanguageInSubdir = false",
        f"paginate = {int(settings.get('paginate', 10))}",
        "rssLimit = 20                  # portal's feeds carry the 20 latest posts",
        "buildFuture = true             # the corpus is dated up to the day before portal's --now",
        'timeZone = "Asia/Ho_Chi_Minh"',
        "enableRobotsTXT = true",
        "removePathAccents = true",
        "disableHugoGeneratorInject = true",
        "",
        # Portal writes feeds for the home pages and sections only: no RSS for tags (Hugo's default).
        "[outputs]",
        '  home = ["HTML", "RSS"]',
        '  section = ["HTML", "RSS"]',
        '  taxonomy = ["HTML"]',
        '  term = ["HTML"]',
        "",
        "[markup.goldmark.renderer]",
        "  unsafe = false",
        "[markup.goldmark.parser]",
        '  autoHeadingIDType = "github-ascii"',
        "",
    ]
    codes = list(settings["languages"].keys())
    codes.sort(key=lambda c: c != default)
    for weight, code in enumerate(codes, 1):
        lang = settings["languages"][code]
        lines += [
            f"[languages.{code}]",
            f"  languageName = {toml_str(lang['name'])}",
            f"  languageCode = {toml_str(lang['locale'].replace('_', '-'))}",
            f"  title = {toml_str(lang['title'])}",
            f"  weight = {weight}",
            f'  contentDir = "content/{code}"',
            # The tags' URL segment per language, as portal's (chu-de for vi, tags otherwise).
            f"  [languages.{code}.taxonomies]",
            f"    tag = {toml_str(tags_segment(code, lang))}",
            f"  [languages.{code}.params]",
            f"    description = {toml_str(lang['description'])}",
            f"    tags = {toml_str(tags_segment(code, lang))}",
        ]
        prefix = "" if code == default else f"{code}/"
        for i, item in enumerate(lang.get("menu") or [], 1):
            lines.append(f"  [[languages.{code}.menus.main]]")
            lines.append(f"    name = {toml_str(item['name'])}")
            lines.append(f"    weight = {i}")
            if "page" in item:
                folder = os.path.dirname(item["page"]) if item["page"].endswith("_index.md") else item["page"][:-3]
                lines.append(f"    pageRef = {toml_str('/' + folder)}")
            else:
                lines.append(f"    url = {toml_str(item['url'])}")
        lines.append("")
        _ = prefix
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description="Make a Hugo site equivalent to a portal content folder.")
    ap.add_argument("--content", required=True, help="the portal content folder (from gen_corpus.py)")
    ap.add_argument("--out", required=True, help="the Hugo site folder to write (replaced)")
    ap.add_argument("--pages-from", help="a portal build of the same content: its pages that are not made from "
                    "Markdown (plans, agencies, characteristics, search) become plain Hugo pages, its redirects aliases")
    args = ap.parse_args()

    with open(os.path.join(args.content, "site.yml"), encoding="utf-8") as f:
        settings = parse_yaml(f.read())
    base_path = "/" + settings["baseURL"].split("://", 1)[1].partition("/")[2]
    if not base_path.endswith("/"):
        base_path += "/"
    default = settings["defaultLanguage"]

    # What Hugo makes of the Markdown: every file's page, every folder's listing and its later
    # pages, the tags, the 404 pages.
    known, content_urls, covered_prefixes = {}, {}, []
    for code in settings["languages"]:
        src = os.path.join(args.content, code)
        prefix = "" if code == default else f"{code}/"
        known[code] = set()
        for root, _, names in os.walk(src):
            for name in names:
                if name.endswith(".md"):
                    rel = os.path.relpath(os.path.join(root, name), src).replace(os.sep, "/")
                    known[code].add(rel)
                    content_urls[page_url(rel, prefix, base_path)] = (code, rel)
            folder = os.path.relpath(root, src).replace(os.sep, "/")
            folder_url = base_path + prefix + ("" if folder == "." else folder + "/")
            content_urls.setdefault(folder_url, None)
            covered_prefixes.append(folder_url + "page/")
        covered_prefixes.append(base_path + prefix + tags_segment(code, settings["languages"][code]) + "/")
        content_urls.setdefault(base_path + prefix + "404.html", None)

    extras, aliases = {}, {}
    if args.pages_from:
        base_url = settings["baseURL"].rstrip("/") + "/"
        pages, redirects = portal_pages(args.pages_from, base_url, base_path)
        extras = {url: page for url, page in pages.items()
                  if url not in content_urls and not any(url.startswith(p) for p in covered_prefixes)}
        for source, target in redirects.items():
            if target in extras or content_urls.get(target):
                aliases.setdefault(target, []).append(source[len(base_path) - 1:])  # Hugo adds the base path

    if os.path.exists(args.out):
        shutil.rmtree(args.out)
    files = 0
    for code in settings["languages"]:
        src = os.path.join(args.content, code)
        prefix = "" if code == default else f"{code}/"
        tags_key = tags_segment(code, settings["languages"][code])
        for rel in sorted(known[code]):
            with open(os.path.join(src, rel), encoding="utf-8") as f:
                text = f.read()
            dst = os.path.join(args.out, "content", code, rel)
            os.makedirs(os.path.dirname(dst), exist_ok=True)
            url = page_url(rel, prefix, base_path)
            with open(dst, "w", encoding="utf-8", newline="\n") as f:
                f.write(convert(text, rel, prefix, base_path, known[code], tags_key, aliases.get(url)))
            files += 1
    # The data pages, at the language's root (a folder of their own would be a section with a
    # listing page portal does not have); `url` puts each at portal's address.
    others = [c for c in settings["languages"] if c != default]
    for n, (url, (title, main)) in enumerate(sorted(extras.items()), 1):
        rest = url[len(base_path):]
        code = next((c for c in others if rest.startswith(c + "/")), default)
        head = ["---", f"title: {yaml_str(title)}", f"url: {yaml_str(url[len(base_path) - 1:])}", "type: plain"]
        if aliases.get(url):
            head.append("aliases: [" + ", ".join(yaml_str(a) for a in aliases[url]) + "]")
        with open(os.path.join(args.out, "content", code, f"portal-page-{n:05d}.html"), "w", encoding="utf-8") as f:
            f.write("\n".join(head) + "\n---\n" + main.strip() + "\n")
        files += 1

    layouts = {
        "_default/baseof.html": BASEOF, "_default/single.html": SINGLE, "_default/list.html": LIST,
        "_default/terms.html": TERMS, "partials/item.html": ITEM, "partials/pager.html": PAGER,
        "404.html": NOT_FOUND, "plain/single.html": PLAIN,
    }
    for rel, text in layouts.items():
        path = os.path.join(args.out, "layouts", rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
    os.makedirs(os.path.join(args.out, "static"), exist_ok=True)
    with open(os.path.join(args.out, "static", "style.css"), "w", encoding="utf-8") as f:
        f.write(STYLE)
    with open(os.path.join(args.out, "hugo.toml"), "w", encoding="utf-8") as f:
        f.write(build_config(settings))
    print(f"hugo_site: {files} content files into {args.out} ({len(extras)} pages and "
          f"{sum(map(len, aliases.values()))} redirects of a portal build)", file=sys.stderr)


if __name__ == "__main__":
    main()
