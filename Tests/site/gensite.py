"""Random small sites for the property test (test_generated_sites.py).

`generate(seed, root)` writes ``root/Content`` (a bilingual site in the shape of
Tests/PortalKitTests/Fixtures/base) and ``root/outside`` (files that symlinks inside Content
point at, each holding the site's secret marker); the same seed always gives the same bytes.

Two kinds of sites come out:

* *tame*: hostile text and addresses that portal is meant to publish safely or drop with a
  warning — titles and tags with ``<script>``, quotes, ``javascript:``, U+202E, control
  characters (as YAML escapes), very long words and NFD Vietnamese; body links and images to
  ``javascript:``, ``JaVaScRiPt:``, ``vbscript:``, ``data:`` and entity-encoded or
  control-character variants of them; raw HTML when it is not allowed. These should build.
* *wild*: the same, plus what may be an error — links to missing pages and files, odd slugs
  and file names, aliases with ``..``, ``//host`` or ``/./``, bad front-matter images and menu
  addresses, YAML that is not YAML, and symlinks out of Content. These may build or fail;
  either way the test's properties must hold.

Run it by hand to look at one site: ``python Tests/site/gensite.py SEED FOLDER``.
"""

from __future__ import annotations

import json
import os
import random
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

# A 1x1 PNG, so that media files are real images (portal decodes and re-encodes photos: the
# IDAT of the one written here before had a wrong checksum, which libpng refuses).
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000b4944415478da636000020000050001e9fadcd80000000049454e44ae426082")

WORDS_VI = ["Đà Nẵng", "hội nhập", "ASEAN", "văn hóa", "xã hội", "kỷ niệm", "Hội An", "đối ngoại",
            "người dân", "phụ nữ", "thanh niên", "Quảng Nam", "môi trường", "năm 2025"]
WORDS_EN = ["Da Nang", "integration", "ASEAN", "culture", "society", "anniversary", "youth",
            "women", "environment", "cooperation", "city", "plan"]

# Text that must come out escaped, never as markup or a working address.
HOSTILE_TEXT = [
    "<script>alert(1)</script>", '"', "'", '"><img src=x onerror=alert(1)>', "javascript:alert(1)",
    "JaVaScRiPt:alert(1)", "data:text/html,<script>alert(1)</script>", "\u202e", "abc\u202edef",
    "&amp;", "&#106;avascript:alert(1)", "{{title}}", "{{{page.content}}}", "]]>", "-->", "<!--",
    "\\", "`", "a" * 300, "Đà" * 90, unicodedata.normalize("NFD", "Đà Nẵng hội nhập"),
    "\u200b", "\u2028", "\U0001f1fb\U0001f1f3",
]
# Hostile tags that still have letters to make a URL of.
TAGGABLE = [t for t in HOSTILE_TEXT if any(ch.isalnum() for ch in t)][:10]
# Control characters other than NUL, tab and line ends (which YAML and Markdown read as
# structure), written as YAML escapes so that the YAML is valid.
CONTROL = [chr(c) for c in (*range(1, 9), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F)]

# Body link targets portal must drop (with a warning), written as they appear in Markdown.
UNSAFE_TARGETS = [
    "javascript:alert(1)", "JaVaScRiPt:alert(1)", "vbscript:msgbox(1)", "VBScript:msgbox(1)",
    "data:text/html,<script>alert(1)</script>", "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "DATA:text/html,x", "data:image/svg+xml,<svg/onload=alert(1)>", "file:///etc/passwd",
    "&#106;avascript:alert(1)", "&#x6A;avascript&colon;alert(1)", "javascript&#58;alert(1)",
    "java&#9;script:alert(1)", "java&#10;script:alert(1)", "java&#13;script:alert(1)",
    "&#1;javascript:alert(1)", "&#x20;javascript:alert(1)", "<  javascript:alert(1)>",
    "<java\tscript:alert(1)>", "%6Aavascript:alert(1)", "jav&#x09;ascript:alert(1)",
    "javascript&NewLine;:alert(1)", "&Tab;javascript:alert(1)", "j&#97;vascript:alert(1)",
]
SAFE_TARGETS = [
    "https://asean.org/", "http://danang.gov.vn/", "mailto:asean@danang.gov.vn", "tel:+842363822000",
    "#muc", "/media/anh.png", "</media/ảnh đẹp.png>", "data:image/png;base64,iVBORw0KGgo=", "MEDIA-RELATIVE",
]
# Targets that are errors (a missing page or file, a path out of Content).
BAD_TARGETS = ["khong-co.md", "/media/khong-co.png", "../../../../etc/passwd", "../../../outside/secret.txt"]

ALIASES = ["/cu/bai-{n}/", "cu-{n}.html", "../../../etc/evil-{n}/", "//evil.example/{n}/", "/a/./b-{n}/",
           "/a/../../b-{n}/", "javascript:alert({n})", "/x\"y{n}/", "/tin-cu/%2e%2e/%2e%2e/z{n}/",
           "..", "/", "/{n}/../../../outside/", "\\\\evil.example\\{n}"]
SLUGS = ["bai-viet", "Bài Viết Mới", "../../etc", "a/b", "javascript:alert(1)", "", "x" * 300, "%2e%2e",
         " ", "<b>", ".", "..", "\u202e", "index.html"]
IMAGES_GOOD = ["/media/anh.png", "../../media/anh.png", "https://cdn.example.org/anh.jpg"]
IMAGES_BAD = ["javascript:alert(1)", "/media/missing.jpg", "../../../../etc/passwd", "//evil.example/a.jpg",
              "data:text/html,x", "/media/secret.txt", "https://cdn.example.org/a b.jpg", " javascript:alert(1)"]
MENU_URLS_GOOD = ["/ke-hoach/", "https://asean.org/", "mailto:asean@danang.gov.vn", "tel:+842363822000",
                  "ke-hoach/"]
MENU_URLS_BAD = ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,x", "vbscript:x", "//evil.example/",
                 "file:///etc/passwd", " javascript:alert(1)", "java\tscript:alert(1)"]

# The kinds of wildness of a wild site (see _Generator.features).
WILDNESS = ["links", "menu", "symlinks", "unpublished", "names", "tags", "images", "aliases", "slugs", "yaml"]

SECTIONS = {"vi": ["tin-tuc", "su-kien", "Hoạt động"], "en": ["news", "events"]}


def yaml_text(text: str) -> str:
    """`text` as a YAML double-quoted scalar: JSON's escapes are YAML's, and the characters
    YAML does not allow unescaped (DEL, C1 controls, U+FFFE/U+FFFF) are escaped as well, so
    the value reaches portal whatever it holds."""
    quoted = json.dumps(text, ensure_ascii=False)
    return "".join(f"\\u{ord(ch):04x}" if ord(ch) == 0x7F or 0x80 <= ord(ch) <= 0x9F
                   or ord(ch) in (0xFFFE, 0xFFFF) else ch for ch in quoted)


@dataclass
class Post:
    path: str  # relative to Content/, e.g. "vi/tin-tuc/2025-01-02-abc.md"
    language: str
    front: list[str] = field(default_factory=list)
    body: str = ""

    def text(self) -> str:
        return "---\n" + "\n".join(self.front) + "\n---\n\n" + self.body + "\n"


@dataclass
class Generated:
    seed: int
    wild: bool
    secret: str
    content: Path
    outside: Path
    notes: list[str] = field(default_factory=list)


class _Generator:
    def __init__(self, seed: int, wild: bool | None) -> None:
        self.rng = random.Random(seed)
        self.seed = seed
        self.wild = self.rng.random() < 0.5 if wild is None else wild
        # A wild site has one to three kinds of wildness, so that their errors do not always
        # hide each other (site.yml's stop the build first) and some wild sites still build.
        self.features: set[str] = set(self.rng.sample(WILDNESS, self.rng.randint(1, 3))) if self.wild else set()
        self.secret = f"SECRET-{seed}-{self.rng.getrandbits(64):016x}"
        self.notes: list[str] = []
        # Sections with an _index.md, which the menu may name.
        self.indexed: set[str] = set()
        self.raw = False

    # ------------------------------------------------------------------ text

    def title(self, language: str) -> str:
        rng = self.rng
        words = WORDS_VI if language == "vi" else WORDS_EN
        parts = [rng.choice(words) for _ in range(rng.randint(1, 4))]
        for _ in range(rng.choice([0, 0, 1, 2])):
            parts.insert(rng.randrange(len(parts) + 1), rng.choice(HOSTILE_TEXT))
        if rng.random() < 0.15:
            parts.insert(rng.randrange(len(parts) + 1), rng.choice(CONTROL))
        text = " ".join(parts)
        return unicodedata.normalize("NFD", text) if rng.random() < 0.2 else text

    def words(self, language: str, n: int) -> str:
        words = WORDS_VI if self.rng.random() < 0.5 or language == "vi" else WORDS_EN
        return " ".join(self.rng.choice(words) for _ in range(n))

    # ------------------------------------------------------------------ links

    def link(self, post: Post, others: list[Post]) -> str:
        rng = self.rng
        roll = rng.random()
        if roll < 0.35:
            target = rng.choice(UNSAFE_TARGETS)
        elif roll < 0.6 and others:
            target = relative(post.path, rng.choice(others).path)
        elif roll < 0.85 or "links" not in self.features:
            target = rng.choice(SAFE_TARGETS)
            if target == "MEDIA-RELATIVE":
                target = relative(post.path, "media/anh.png")
        else:
            target = rng.choice(BAD_TARGETS + ["/media/secret.txt", "/media/thu-muc/secret.txt",
                                               relative(post.path, f"{post.language}/bi-mat/trang.md")])
        text = rng.choice([self.words(post.language, 2), rng.choice(HOSTILE_TEXT), "đây"])
        text = self.text(text.replace("[", "(").replace("]", ")").replace("\n", " "))
        form = rng.random()
        if form < 0.45:
            return f"[{text}]({target})"
        if form < 0.75:
            return f"![{text}]({target})"
        if form < 0.85:
            label = f"r{rng.getrandbits(24):x}"
            post.body += f"\n\n[{label}]: {target}\n"
            return f"[{text}][{label}]"
        # An autolink: cmark takes `<scheme:…>` as a link, whatever the scheme.
        bare = target.strip("<>")
        return f"<{bare}>" if ":" in bare and " " not in bare and "<" not in bare else f"[{text}]({target})"

    def text(self, text: str) -> str:
        """`text` for a Markdown body: where the site allows raw HTML, its `<` written as
        `&lt;`, since raw HTML is then the site's own choice, not hostile input."""
        return text.replace("<", "&lt;") if self.raw else text

    def raw_html(self, allowed: bool) -> str:
        if allowed:
            # Raw HTML is the site's own choice when allowed: only harmless markup here.
            return self.rng.choice(["<span class=\"x\">nhấn mạnh</span>", "<kbd>Ctrl</kbd>", "<br>"])
        return self.rng.choice([
            "<script>alert(1)</script>", "<a href=\"javascript:alert(1)\">x</a>",
            "<img src=x onerror=alert(1)>", "<iframe src=\"javascript:alert(1)\"></iframe>",
            "<svg><a xlink:href=\"javascript:alert(1)\">x</a></svg>", "<div onclick=\"alert(1)\">d</div>",
        ])

    # ------------------------------------------------------------------ site

    def settings(self, sections: dict[str, list[str]], raw: bool) -> str:
        rng = self.rng
        lines = ["baseURL: https://example.gov.vn/asean/", "theme: default", "defaultLanguage: vi"]
        if raw:
            lines += ["markdown:", "  unsafeHTML: true"]
        if rng.random() < 0.5:
            lines += ["feeds:", f"  content: {rng.choice(['full', 'summary'])}", f"  limit: {rng.randint(1, 5)}"]
        lines.append("languages:")
        meta = {"vi": ("Tiếng Việt", "vi_VN", "Thử nghiệm", "Trang thử nghiệm."),
                "en": ("English", "en_US", "Test site", "A test site.")}
        for language in ("vi", "en"):
            name, locale, title, description = meta[language]
            lines += [f"  {language}:", f"    name: {name}", f"    locale: {locale}",
                      f"    title: {yaml_text(title + ' ' + rng.choice(HOSTILE_TEXT)) if rng.random() < 0.3 else title}",
                      f"    description: {description}", "    menu:"]
            lines += ["      - name: Trang chủ" if language == "vi" else "      - name: Home", "        page: _index.md"]
            for section in sections[language]:
                if f"{language}/{section}" in self.indexed:
                    lines += [f"      - name: {yaml_text(section)}",
                              f"        page: {yaml_text(section + '/_index.md')}"]
            if rng.random() < 0.5:
                pool = MENU_URLS_GOOD + (MENU_URLS_BAD if "menu" in self.features else [])
                url = rng.choice(pool)
                if url in MENU_URLS_BAD:
                    self.notes.append(f"menu url {url!r}")
                lines += [f"      - name: {yaml_text(self.title(language))}", f"        url: {yaml_text(url)}"]
        return "\n".join(lines) + "\n"

    def generate(self, root: Path) -> Generated:
        rng = self.rng
        content, outside = root / "Content", root / "outside"
        content.mkdir(parents=True)
        outside.mkdir(parents=True)
        raw = self.raw = rng.random() < 0.3

        # What symlinks point at: a page, a media file, a folder of pages, UI strings and a
        # template, each carrying the secret.
        (outside / "secret.txt").write_text(f"{self.secret}\n", encoding="utf-8")
        (outside / "secret.md").write_text(
            f"---\ntitle: {self.secret}\nsummary: {self.secret}\n---\n\n{self.secret}\n", encoding="utf-8")
        (outside / "pages").mkdir()
        (outside / "pages" / "trang.md").write_text(
            f"---\ntitle: {self.secret}\n---\n\n{self.secret}\n", encoding="utf-8")
        (outside / "strings.yml").write_text(f"skipToContent: {self.secret}\n", encoding="utf-8")
        (outside / "page.mustache").write_text(f"<p>{self.secret}</p>\n", encoding="utf-8")

        media = content / "media"
        media.mkdir()
        (media / "anh.png").write_bytes(PNG)
        (media / "ảnh đẹp.png").write_bytes(PNG)

        sections = {lang: rng.sample(names, rng.randint(1, len(names))) for lang, names in SECTIONS.items()}
        posts: list[Post] = []
        for language in ("vi", "en"):
            home = Post(f"{language}/_index.md", language, [f"title: {yaml_text(self.title(language))}",
                                                           "translationKey: home"])
            posts.append(home)
            for section in sections[language]:
                if rng.random() < 0.8:
                    self.indexed.add(f"{language}/{section}")
                    posts.append(Post(f"{language}/{section}/_index.md", language,
                                      [f"title: {yaml_text(self.title(language))}"]))
                for n in range(rng.randint(1, 4)):
                    posts.append(self.post(language, section, n))
        self.translations(posts)
        for post in posts:
            others = [p for p in posts if p.language == post.language and p is not post]
            paragraphs = []
            for _ in range(rng.randint(1, 3)):
                pieces = [self.words(post.language, rng.randint(2, 6))]
                for _ in range(rng.randint(0, 3)):
                    pieces.append(self.link(post, others))
                    pieces.append(self.words(post.language, rng.randint(1, 3)))
                if rng.random() < 0.3:
                    pieces.append(self.raw_html(raw))
                if rng.random() < 0.2:
                    pieces.append(self.text(rng.choice(HOSTILE_TEXT).replace("\n", " ")))
                paragraphs.append(" ".join(pieces))
            if rng.random() < 0.3:
                paragraphs.insert(0, f"## {self.words(post.language, 2)}")
            post.body = "\n\n".join(paragraphs) + post.body
            file = content / post.path
            file.parent.mkdir(parents=True, exist_ok=True)
            file.write_text(post.text(), encoding="utf-8")

        (content / "site.yml").write_text(self.settings(sections, raw), encoding="utf-8")
        if "symlinks" in self.features:
            self.symlinks(content, outside, sections)
        if self.features:
            self.notes.insert(0, "wild: " + ", ".join(sorted(self.features)))
        return Generated(self.seed, self.wild, self.secret, content, outside, self.notes)

    def post(self, language: str, section: str, n: int) -> Post:
        rng = self.rng
        year = rng.choice([2020, 2023, 2025, 2026, 2027] if "unpublished" in self.features else [2020, 2023, 2025, 2026])
        month = rng.randint(1, 11 if year == 2026 else 12)
        date = f"{year}-{month:02d}-{rng.randint(1, 28):02d}"
        name = f"bai-{n}-{rng.getrandbits(20):05x}"
        if "names" in self.features and rng.random() < 0.3:
            name = rng.choice([unicodedata.normalize("NFD", "Bài viết mới"), "Bài viết mới", "x" * 240,
                               "a b", "bai.v2", "-", "_index2", "Đà Nẵng"])
            self.notes.append(f"file name {name!r}")
        post = Post(f"{language}/{section}/{date}-{name}.md", language)
        front = [f"title: {yaml_text(self.title(language))}", f"date: {date}"]
        if rng.random() < 0.5:
            front.append(f"summary: {yaml_text(self.title(language))}")
        if rng.random() < 0.6:
            tags = [rng.choice(WORDS_VI + WORDS_EN + TAGGABLE) for _ in range(rng.randint(1, 3))]
            if "tags" in self.features and rng.random() < 0.4:
                tags.append(rng.choice(["!!!", "x" * 200, "\u202e", unicodedata.normalize("NFD", "Hội nhập")]))
            front.append("tags: [" + ", ".join(yaml_text(t) for t in tags) + "]")
        if "unpublished" in self.features and rng.random() < 0.2:
            front.append("draft: true")
        if rng.random() < 0.3:
            image = rng.choice(IMAGES_GOOD + (IMAGES_BAD if "images" in self.features else []))
            if image in IMAGES_BAD:
                self.notes.append(f"image {image!r}")
            front += [f"image: {yaml_text(image)}", f"imageAlt: {yaml_text(self.title(language))}"]
        if "aliases" in self.features and rng.random() < 0.4:
            aliases = [rng.choice(ALIASES).format(n=rng.getrandbits(16)) for _ in range(rng.randint(1, 2))]
            self.notes.append(f"aliases {aliases!r}")
            front.append("aliases: [" + ", ".join(yaml_text(a) for a in aliases) + "]")
        if "slugs" in self.features and rng.random() < 0.3:
            slug = rng.choice(SLUGS)
            self.notes.append(f"slug {slug!r}")
            front.append(f"slug: {yaml_text(slug)}")
        if "yaml" in self.features and rng.random() < 0.1:
            # Not YAML a parser accepts: a control character outside quotes, a broken list.
            front.append(rng.choice([f"summary: a{rng.choice(CONTROL)}b", "tags: [a, b", "title: : :"]))
            self.notes.append("broken YAML")
        post.front = front
        return post

    def translations(self, posts: list[Post]) -> None:
        vi = [p for p in posts if p.language == "vi" and not p.path.endswith("/_index.md")]
        en = [p for p in posts if p.language == "en" and not p.path.endswith("/_index.md")]
        self.rng.shuffle(en)
        for n, (a, b) in enumerate(zip(vi, en)):
            if self.rng.random() < 0.6:
                a.front.append(f"translationKey: k{n}")
                b.front.append(f"translationKey: k{n}")

    def symlinks(self, content: Path, outside: Path, sections: dict[str, list[str]]) -> None:
        rng = self.rng
        section = sections["vi"][0]
        candidates = [
            (content / "media" / "secret.txt", outside / "secret.txt"),
            (content / "vi" / section / "bi-mat.md", outside / "secret.md"),
            (content / "vi" / "bi-mat", outside / "pages"),
            (content / "media" / "thu-muc", outside),
            (content / "i18n" / "vi.yml", outside / "strings.yml"),
            (content / "layouts" / "page.mustache", outside / "page.mustache"),
            (content / "en" / "loop", content / "en"),
        ]
        for link, target in rng.sample(candidates, rng.randint(1, 3)):
            link.parent.mkdir(parents=True, exist_ok=True)
            relative_target = rng.random() < 0.5
            os.symlink(os.path.relpath(target, link.parent) if relative_target else target, link)
            self.notes.append(f"symlink {link.relative_to(content)} -> {target}")


def relative(source: str, target: str) -> str:
    """The Markdown link from content file `source` to content file `target`."""
    path = os.path.relpath(target, os.path.dirname(source))
    return f"<{path}>" if " " in path else path


def generate(seed: int, root: Path, wild: bool | None = None) -> Generated:
    """Writes a random site for `seed` under `root` (which must not hold one yet)."""
    return _Generator(seed, wild).generate(root)


if __name__ == "__main__":
    site = generate(int(sys.argv[1]), Path(sys.argv[2]))
    print(f"{site.content} (wild: {site.wild}, secret {site.secret})")
    for note in site.notes:
        print(" ", note)
