"""The search tests' site and a Python mirror of the search text steps.

`make_content` copies Content/ and adds posts whose words occur nowhere else in the real
content, so that each assertion is about known pages: "dê" and "dế", the two tone
placements of "hòa", a phrase written adjacent and scattered, a word with đ and one written
with d, an English word, text that looks like HTML, and enough filler posts (with enough distinct made-up syllables for several term shards) for a second
document shard (more than 200 Vietnamese documents).

`syllables`, `fold`, `exact` and `fnv1a` do what SearchText.swift and SearchIndex.swift do;
`SiteIndex` reads a built index to say which pages a query must find.
"""

from __future__ import annotations

import json
import re
import shutil
import unicodedata
from pathlib import Path

from sitebuild import REPO

# --------------------------------------------------------------------------- text steps

_TONES = {"\u0300": "2", "\u0301": "1", "\u0303": "4", "\u0309": "3", "\u0323": "5"}


def syllables(text: str) -> list[str]:
    """Lower-cased NFC runs of letters and digits (and combining marks), at most 64 long."""
    text = unicodedata.normalize("NFC", text).lower()
    return [s for s in re.findall(r"(?:[^\W_]|[\u0300-\u036f])+", text) if len(s) <= 64]


def fold(syllable: str) -> str:
    decomposed = unicodedata.normalize("NFD", syllable.lower())
    return re.sub(r"[\u0300-\u036f]", "", decomposed).replace("\u0111", "d")


def exact(syllable: str) -> str:
    tone, rest = "0", []
    for char in unicodedata.normalize("NFD", syllable.lower()):
        if char in _TONES:
            tone = _TONES[char]
        else:
            rest.append(char)
    return unicodedata.normalize("NFC", "".join(rest)) + tone


def fnv1a(text: str) -> int:
    h = 0x811C9DC5
    for byte in text.encode("utf-8"):
        h = ((h ^ byte) * 0x01000193) & 0xFFFFFFFF
    return h


# --------------------------------------------------------------------------- the index


def ids(gaps: list[int]) -> list[int]:
    """Document numbers from the gaps the index writes (the first, then each less the one before)."""
    out, at = [], 0
    for gap in gaps:
        at += gap
        out.append(at)
    return out


class SiteIndex:
    """One language's index as built: `folder` is e.g. OUT/search or OUT/en/search. Shard k of
    a kind is `<kind>-<k>-<digest>.json`, the digest listed in index.json."""

    def __init__(self, folder: Path):
        self.manifest = json.loads((folder / "index.json").read_text(encoding="utf-8"))
        self.shards = self.manifest["termShards"]
        self.per = self.manifest["documentsPerShard"]
        self.terms: dict[str, dict | list] = {}
        for k in range(self.shards):
            self.terms.update(json.loads((folder / self.file("terms", k)).read_text(encoding="utf-8")))
        self.docs: list[list[str]] = []
        for j in range((self.manifest["documents"] + self.per - 1) // self.per):
            self.docs += json.loads((folder / self.file("docs", j)).read_text(encoding="utf-8"))
        self.ids = {row[1]: i for i, row in enumerate(self.docs)}

    def file(self, kind: str, k: int) -> str:
        return f"{kind}-{k}-{self.manifest[kind][k]}.json"

    def shard(self, key: str) -> int:
        """The term shard of a syllable (folded here) or of a pair "a b" of folded syllables."""
        h = fnv1a(key if " " in key else fold(key))
        return (h ^ (h >> 16)) % self.shards

    def term_files(self, query: str) -> set[str]:
        """The term shards a query needs: its syllables' and its adjacent pairs'."""
        words = [fold(s) for s in syllables(query)]
        keys = words + [f"{a} {b}" for a, b in zip(words, words[1:])]
        return {self.file("terms", self.shard(key)) for key in keys}

    def doc_file(self, url: str) -> str:
        return self.file("docs", self.ids[url] // self.per)

    def matches(self, query: str) -> set[str]:
        """URLs of the documents holding every folded syllable of `query`."""
        found: set[int] | None = None
        for syllable in syllables(query):
            term = self.terms.get(fold(syllable))
            found_here = set(ids(term["d"])) if isinstance(term, dict) else set()
            found = found_here if found is None else found & found_here
        return {self.docs[i][1] for i in found or set()}


# --------------------------------------------------------------------------- fixture posts

# Old tone placement (o + a with grave) and new (o with grave + a), spelt out.
HOA_OLD = "ho\u00e0"
HOA_NEW = "h\u00f2a"

FIXTURE_VI_SECTION = "tin-tuc"
FIXTURE_EN_SECTION = "news"


def _post(title: str, summary: str, body: str, date: str) -> str:
    return (f'---\ntitle: "{title}"\ndate: {date}\nsummary: "{summary}"\n---\n\n{body}\n')


# slug → (title, summary, body); Vietnamese, under tin-tuc/.
VI_POSTS = {
    "nuoi-de": ("Đàn dê trên đồi", "Chuyện nuôi dê ở vùng đồi.",
                "Người dân thả dê trên đồi cỏ."),
    "tieng-de": ("Tiếng dế mùa hè", "Chuyện bắt dế ở vùng đồi.",
                 "Trẻ em bắt dế trên đồi cỏ."),
    "hoa-tau-cu": (f"Buổi {HOA_OLD} tấu mùa thu", "Nhạc cụ dân tộc trong một buổi diễn.",
                   f"Dàn nhạc {HOA_OLD} tấu trong nhà hát."),
    "hoa-tau-moi": (f"Đêm {HOA_NEW} tấu mùa xuân", "Nhạc cụ dân tộc trong một đêm diễn.",
                    f"Dàn nhạc {HOA_NEW} tấu ngoài trời."),
    # The phrase in the body only (weight 1 each) …
    "mon-an-duong-pho": ("Món ăn đường phố", "Những món quen ở chợ đêm.",
                         "Chợ đêm có bánh tráng cuốn thịt heo rất ngon."),
    # … the same syllables scattered, in the title (weight 10 each): without a phrase bonus
    # this post would come first.
    "heo-quay": ("Heo quay, thịt nướng, bánh mì và tráng miệng cuốn hút",
                 "Những món quen ở chợ đêm.", "Thực đơn của quán."),
    # Both query syllables in the title, once each (weight 10 each) …
    "kvlam-kvmoc": ("Kvlam và kvmoc", "Một bài ngắn.", "Nội dung của bài."),
    # … against one in the title and the other repeated in the summary and body (10 + 1 and
    # 15 + 3): without the bonus for a title that holds every syllable, this newer post would
    # come first.
    "kvlam-lap-lai": ("Kvlam", "kvmoc kvmoc kvmoc", "kvmoc kvmoc kvmoc kvlam"),
    "duoi-uoi": ("Đười ươi ở vườn thú", "Con đười ươi mới đến vườn thú.",
                 "Vườn thú đón một con đười ươi."),
    "ca-phe-dak-lak": ("Cà phê Dak Lak", "Hạt cà phê từ Dak Lak.",
                       "Cà phê Dak Lak được rang tại chỗ."),
    # The same text twice, a day apart: a tie, which the newer page wins.
    "ngua-van-1": ("Ngựa vằn qvtie", "Ngựa vằn qvtie.", "Ngựa vằn qvtie."),
    "ngua-van-2": ("Ngựa vằn qvtie", "Ngựa vằn qvtie.", "Ngựa vằn qvtie."),
    # Text that looks like markup must show as text.
    "ky-hieu": ("Ký hiệu zxss <b>đậm</b>", "Chuỗi zxss <img src=x onerror=alert(1)> trong bài.",
                "Một chuỗi zxss `<script>alert(1)</script>` trong bài."),
}
EN_POSTS = {
    "quokka": ("The quokka exchange", "A quokka visits Da Nang.",
               "The quokka exchange brings a quokka keeper to the city."),
}
FILLER_POSTS = 205


def filler_word(n: int, k: int) -> str:
    """Made-up syllables, one set per filler post, found in no real text."""
    return f"zq{n}x{k}"


def fixture_url(base_path: str, language: str, slug: str) -> str:
    section = FIXTURE_VI_SECTION if language == "vi" else "en/" + FIXTURE_EN_SECTION
    return f"{base_path}{section}/{slug}/"


def make_content(root: Path) -> Path:
    """Content/ plus the fixture posts, written to `root`/Content; returns that folder."""
    content = root / "Content"
    shutil.copytree(REPO / "Content", content)
    files: dict[str, str] = {}
    for n, (slug, (title, summary, body)) in enumerate(VI_POSTS.items(), start=1):
        files[f"vi/{FIXTURE_VI_SECTION}/2019-06-{n:02d}-{slug}.md"] = _post(
            title, summary, body, f"2019-06-{n:02d}")
    for n, (slug, (title, summary, body)) in enumerate(EN_POSTS.items(), start=1):
        files[f"en/{FIXTURE_EN_SECTION}/2019-06-{n:02d}-{slug}.md"] = _post(
            title, summary, body, f"2019-06-{n:02d}")
    for n in range(1, FILLER_POSTS + 1):
        words = " ".join(filler_word(n, k) for k in range(40))
        day = f"2018-{(n - 1) // 28 + 1:02d}-{(n - 1) % 28 + 1:02d}"
        files[f"vi/{FIXTURE_VI_SECTION}/{day}-zfill-{n}.md"] = _post(
            f"Zfill {n}", f"Zfill {n}.", words, day)
    for rel, text in files.items():
        file = content / rel
        assert not file.exists(), f"the search fixture would overwrite Content/{rel}"
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(text, encoding="utf-8")
    return content
