"""The search page (Themes/default/assets/js/search.js) in headless chromium, on Content/ plus
the posts of search_fixture.py: queries are typed into #search-input with real key events,
and each test waits until the results list says which text it shows (data-query) before
reading the results and the #search-status region.
"""

from __future__ import annotations

import time
import unicodedata
from urllib.parse import quote, urlsplit

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

import search_fixture as fixture
from search_fixture import HOA_NEW, HOA_OLD, SiteIndex, fold, syllables

PAGES = {"vi": "tim-kiem/", "en": "en/search/"}
RESULTS_WORD = {"vi": "kết quả", "en": "results"}
NONE_TEXT = {"vi": "Không tìm thấy kết quả.", "en": "No results found."}
SHOWN = 20


# --------------------------------------------------------------------------- helpers


@pytest.fixture(scope="module")
def indexes(search_site) -> dict[str, SiteIndex]:
    out, _ = search_site
    return {"vi": SiteIndex(out / "search"), "en": SiteIndex(out / "en" / "search")}


@pytest.fixture
def driver(search_browser):
    return search_browser


def base_path(search_url: str) -> str:
    return urlsplit(search_url).path  # /asean/


def url_of(search_url: str, language: str, slug: str) -> str:
    return fixture.fixture_url(base_path(search_url), language, slug)


def open_search(driver, search_url: str, language: str, query: str | None = None) -> None:
    address = search_url + PAGES[language] + (f"?q={quote(query)}" if query is not None else "")
    driver.get(address)
    assert driver.execute_script("return document.readyState") == "complete"
    # The deferred script has run once the form is there and the document is complete.
    assert driver.find_elements(By.ID, "search-input"), f"{address}: no #search-input"


def state(driver) -> dict:
    """What the page shows: the text its results are for, the status, and each result."""
    return driver.execute_script("""
        const list = document.getElementById('search-results');
        return {
            query: list.getAttribute('data-query'),
            input: document.getElementById('search-input').value,
            status: document.getElementById('search-status').textContent,
            items: [...list.children].map(li => ({
                url: li.querySelector('a').getAttribute('href'),
                title: li.querySelector('a').textContent,
                html: li.innerHTML,
                marks: [...li.querySelectorAll('mark')].map(m => m.textContent),
                summaryMarks: [...li.querySelectorAll('.summary mark')].map(m => m.textContent),
                elements: [...li.querySelectorAll('*')].map(e => e.tagName.toLowerCase()),
            })),
        };
    """)


def wait_for_results(driver, text: str, timeout: float = 15) -> dict:
    """Wait until the results shown are those of `text` (the whole of it, typed)."""
    expected = unicodedata.normalize("NFC", text.strip())

    def done(d):
        s = state(d)
        return s if (s["query"] is not None and unicodedata.normalize("NFC", s["query"]) == expected
                     and unicodedata.normalize("NFC", s["input"].strip()) == expected) else False

    try:
        return WebDriverWait(driver, timeout, poll_frequency=0.05).until(done)
    except Exception:
        pytest.fail(f"no results for {text!r} after {timeout} s; the page shows {state(driver)}",
                    pytrace=False)


def type_query(driver, text: str) -> dict:
    """Empty the search box and type `text` with key events; the results once shown."""
    box = driver.find_element(By.ID, "search-input")
    if box.get_attribute("value"):
        box.send_keys(Keys.CONTROL, "a")
        box.send_keys(Keys.BACKSPACE)
    box.send_keys(text)
    return wait_for_results(driver, text)


def urls(result: dict) -> list[str]:
    return [item["url"] for item in result["items"]]


def search(driver, search_url: str, language: str, text: str) -> dict:
    open_search(driver, search_url, language)
    return type_query(driver, text)


# --------------------------------------------------------------------------- matching


def test_unaccented_and_accented_queries_find_the_same_pages(driver, search_url, indexes):
    expected = indexes["vi"].matches("da nang")
    assert expected, "the fixture site has no page with “Đà Nẵng”"
    open_search(driver, search_url, "vi")
    results = {q: type_query(driver, q) for q in ("da nang", "Đà Nẵng", "đà nẵng")}
    for query, result in results.items():
        assert result["items"], f"{query!r} found nothing"
        assert result["status"] == f"{len(expected)} kết quả", \
            f"{query!r}: status {result['status']!r}, expected {len(expected)} results"
        assert len(result["items"]) == min(SHOWN, len(expected))
        assert set(urls(result)) <= expected, f"{query!r} shows pages without “da” and “nang”"
    # The same exact forms, the same ranking; typed bare, the same set (all of it when it fits).
    assert urls(results["Đà Nẵng"]) == urls(results["đà nẵng"])
    if len(expected) <= SHOWN:
        assert set(urls(results["da nang"])) == set(urls(results["Đà Nẵng"])) == expected


def test_d_with_stroke_is_folded_both_ways(driver, search_url):
    open_search(driver, search_url, "vi")
    written_with_dd = url_of(search_url, "vi", "duoi-uoi")  # “Đười ươi”
    written_with_d = url_of(search_url, "vi", "ca-phe-dak-lak")  # “Dak Lak”
    for query in ("duoi uoi", "đười ươi", "Đười ươi", "đuoi uoi"):
        assert urls(type_query(driver, query)) == [written_with_dd], query
    for query in ("dak lak", "Đắk Lắk", "đăk lăk"):
        assert urls(type_query(driver, query)) == [written_with_d], query


def test_both_tone_placements_find_both_spellings(driver, search_url):
    open_search(driver, search_url, "vi")
    both = {url_of(search_url, "vi", "hoa-tau-cu"), url_of(search_url, "vi", "hoa-tau-moi")}
    for query in (f"{HOA_OLD} tấu", f"{HOA_NEW} tấu", "hoa tau"):
        result = type_query(driver, query)
        assert set(urls(result)) == both, f"{query!r} ({query.encode('unicode_escape')})"
        assert result["status"] == "2 kết quả"
    for query in (HOA_OLD, HOA_NEW):  # alone: among the many “hoa”, both are found
        assert both <= set(urls(type_query(driver, query))), query


def test_a_phrase_ranks_above_scattered_syllables(driver, search_url):
    result = search(driver, search_url, "vi", "bánh tráng cuốn thịt heo")
    assert urls(result) == [url_of(search_url, "vi", "mon-an-duong-pho"),
                            url_of(search_url, "vi", "heo-quay")], \
        "the post with the phrase should come before the one with its syllables in the title"


def test_a_title_with_every_syllable_ranks_above_repeated_words(driver, search_url):
    result = search(driver, search_url, "vi", "kvlam kvmoc")
    assert urls(result) == [url_of(search_url, "vi", "kvlam-kvmoc"),
                            url_of(search_url, "vi", "kvlam-lap-lai")], \
        "the post whose title holds both syllables should come before the one that repeats one"


def test_the_exact_form_ranks_first(driver, search_url):
    goat, cricket = url_of(search_url, "vi", "nuoi-de"), url_of(search_url, "vi", "tieng-de")
    open_search(driver, search_url, "vi")
    for query, first, second in (("dê", goat, cricket), ("dế", cricket, goat)):
        found = urls(type_query(driver, query))
        assert first in found and second in found, f"{query!r}: both posts should be found"
        assert found.index(first) < found.index(second), f"{query!r}: {found}"
    # Typed without marks, every variant counts alike: both are found.
    found = urls(type_query(driver, "de"))
    assert goat in found and cricket in found


# --------------------------------------------------------------------------- languages


def test_ties_go_to_the_newer_page(driver, search_url):
    older, newer = url_of(search_url, "vi", "ngua-van-1"), url_of(search_url, "vi", "ngua-van-2")
    assert urls(search(driver, search_url, "vi", "qvtie")) == [newer, older]


def test_the_english_page_finds_the_english_post(driver, search_url):
    result = search(driver, search_url, "en", "quokka")
    assert urls(result) == [url_of(search_url, "en", "quokka")]
    assert result["status"].startswith("1 "), result["status"]


def test_languages_do_not_mix(driver, search_url, indexes):
    english = base_path(search_url) + "en/"
    vi = search(driver, search_url, "vi", "asean")
    assert vi["items"] and not [u for u in urls(vi) if u.startswith(english)]
    en = search(driver, search_url, "en", "asean")
    assert en["items"] and all(u.startswith(english) for u in urls(en))
    assert en["status"] == f"{len(indexes['en'].matches('asean'))} results"
    # A word of one language only finds nothing on the other's page.
    assert search(driver, search_url, "vi", "quokka")["status"] == NONE_TEXT["vi"]
    none = search(driver, search_url, "en", "đười ươi")
    assert none["status"] == NONE_TEXT["en"] and not none["items"]


# --------------------------------------------------------------------------- what is shown


def test_results_mark_the_matched_syllables(driver, search_url):
    result = search(driver, search_url, "vi", "da nang")
    assert any(item["summaryMarks"] for item in result["items"]), "no <mark> in any snippet"
    for item in result["items"]:
        for mark in item["marks"]:
            assert fold(mark) in {"da", "nang"}, f"{item['url']}: <mark>{mark}</mark>"
    result = type_query(driver, "duoi uoi")
    item = result["items"][0]
    assert sorted({fold(m) for m in item["summaryMarks"]}) == ["duoi", "uoi"]
    assert "<mark>đười</mark> <mark>ươi</mark>" in item["html"].replace("Đười", "đười")


def test_each_result_has_a_title_link_date_and_snippet(driver, search_url):
    item = search(driver, search_url, "vi", "đười ươi")["items"][0]
    assert item["title"] == "Đười ươi ở vườn thú"
    assert item["elements"][:2] == ["h2", "a"] and "p" in item["elements"]
    date = driver.find_element(By.CSS_SELECTOR, "#search-results > li .date").text
    assert "2019" in date, f"no date shown: {date!r}"


def test_document_text_is_never_markup(driver, search_url):
    result = search(driver, search_url, "vi", "zxss")
    item = result["items"][0]
    assert item["title"] == "Ký hiệu zxss <b>đậm</b>"
    assert not {"b", "img", "script"} & set(item["elements"]), item["elements"]
    assert "&lt;img src=x onerror=alert(1)&gt;" in item["html"]


def test_the_count_is_announced(driver, search_url):
    open_search(driver, search_url, "vi")
    region = driver.find_element(By.ID, "search-status")
    assert region.get_attribute("role") == "status"
    assert region.get_attribute("aria-live") == "polite"
    assert type_query(driver, "hoa tau")["status"] == "2 kết quả"
    assert type_query(driver, "zzzkhongco")["status"] == NONE_TEXT["vi"]
    assert region.text == NONE_TEXT["vi"]
    # Emptying the box empties the results and the status.
    box = driver.find_element(By.ID, "search-input")
    box.send_keys(Keys.CONTROL, "a")
    box.send_keys(Keys.BACKSPACE)
    WebDriverWait(driver, 10).until(lambda d: state(d)["query"] == "")
    assert state(driver)["status"] == "" and not state(driver)["items"]


# --------------------------------------------------------------------------- URL and form


def test_a_query_in_the_address_runs_on_load(driver, search_url):
    open_search(driver, search_url, "vi", "đười ươi")
    result = wait_for_results(driver, "đười ươi")
    assert urls(result) == [url_of(search_url, "vi", "duoi-uoi")]


def test_submitting_keeps_the_page_and_puts_the_query_in_the_address(driver, search_url):
    open_search(driver, search_url, "vi")
    driver.execute_script("window.__samePage = true")
    box = driver.find_element(By.ID, "search-input")
    box.send_keys("dak lak" + Keys.ENTER)  # Enter at once, before the typing delay
    result = wait_for_results(driver, "dak lak")
    assert urls(result) == [url_of(search_url, "vi", "ca-phe-dak-lak")]
    assert driver.execute_script("return window.__samePage === true"), "the page reloaded"
    assert urlsplit(driver.current_url).query in ("q=dak+lak", "q=dak%20lak")
    # Typing updates the address too.
    type_query(driver, "quokka")
    assert urlsplit(driver.current_url).query == "q=quokka"


def test_without_javascript_the_page_offers_links(search_browser_without_js, search_url):
    driver = search_browser_without_js
    driver.get(search_url + PAGES["vi"] + "?q=da+nang")
    links = {a.get_attribute("href"): a.text for a in driver.find_elements(By.CSS_SELECTOR, "main ul a")
             if a.is_displayed()}
    assert search_url + "sitemap.xml" in links, links
    assert search_url + "tin-tuc/" in links, links
    assert not driver.find_elements(By.CSS_SELECTOR, "#search-results > li")
    text = driver.find_element(By.TAG_NAME, "main").text
    assert "JavaScript" in text


# --------------------------------------------------------------------------- input methods


COMPOSE = """
const [steps, plainInput] = arguments;
const input = document.getElementById('search-input');
input.focus();
input.dispatchEvent(new CompositionEvent('compositionstart', {bubbles: true, data: ''}));
for (const value of steps) {
    input.value = value;
    input.dispatchEvent(new CompositionEvent('compositionupdate', {bubbles: true, data: value}));
    input.dispatchEvent(new InputEvent('input', {bubbles: true, isComposing: true,
                                                 inputType: 'insertCompositionText', data: value}));
}
// Some browsers send input events without isComposing during a composition.
if (plainInput) input.dispatchEvent(new InputEvent('input', {bubbles: true, inputType: 'insertText'}));
"""


def test_no_search_while_an_input_method_composes(driver, search_url):
    open_search(driver, search_url, "vi")
    driver.execute_script("""
        window.__shown = [];
        const list = document.getElementById('search-results');
        new MutationObserver(() => window.__shown.push(list.getAttribute('data-query')))
            .observe(list, {attributes: true, attributeFilter: ['data-query']});
        performance.clearResourceTimings();
    """)
    # Telex: d d u o w i f  u w o w i → “đười ươi”, as an input method composes it.
    steps = ["d", "đ", "đu", "đuo", "đươ", "đươi", "đười", "đười ", "đười ư", "đười ươ", "đười ươi"]
    driver.execute_script(COMPOSE, steps, True)
    time.sleep(0.6)  # well past the typing delay
    during = driver.execute_script("""return {shown: window.__shown,
        status: document.getElementById('search-status').textContent,
        fetched: performance.getEntriesByType('resource').map(e => e.name).filter(n => /terms-/.test(n))}""")
    assert during == {"shown": [], "status": "", "fetched": []}, "a search ran during the composition"

    driver.execute_script("""document.getElementById('search-input').dispatchEvent(
        new CompositionEvent('compositionend', {bubbles: true, data: arguments[0]}))""", steps[-1])
    result = wait_for_results(driver, "đười ươi")
    time.sleep(0.4)
    assert driver.execute_script("return window.__shown") == ["đười ươi"], "not exactly one search"
    assert urls(result) == [url_of(search_url, "vi", "duoi-uoi")]


# --------------------------------------------------------------------------- requests


def fetched(driver) -> list[str]:
    return driver.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")


def index_files(names: list[str], folder: str) -> list[str]:
    """Index files fetched from `folder` (e.g. /asean/search/), by file name, with repeats."""
    return [urlsplit(n).path[len(folder):] for n in names if urlsplit(n).path.startswith(folder)]


@pytest.mark.parametrize("query", ["bánh tráng", "đười ươi", "zxss"])
def test_only_the_needed_shards_are_fetched(driver, search_url, indexes, query):
    index = indexes["vi"]
    folder = base_path(search_url) + "search/"
    needed = index.term_files(query)
    assert len(needed) < index.shards, "the query should need fewer shards than there are"
    open_search(driver, search_url, "vi", query)
    result = wait_for_results(driver, query)
    assert result["items"]
    names = fetched(driver)
    origin = search_url.split("/asean/")[0] + "/"
    assert all(n.startswith(origin) for n in names), f"fetched from elsewhere: {names}"
    files = index_files(names, folder)
    assert files.count("index.json") == 1
    assert {f for f in files if f.startswith("terms-")} == needed
    assert {f for f in files if f.startswith("docs-")} == {index.doc_file(u) for u in urls(result)}
    assert len(files) == len(set(files)), f"a file was fetched twice: {files}"


def test_document_shards_follow_the_results(driver, search_url, indexes):
    """A query whose only page is in the first document shard fetches that shard alone, and
    one in the second shard the second alone (the site has more than 200 Vietnamese pages)."""
    index = indexes["vi"]
    assert index.manifest["documents"] > index.per, "the fixture should make two document shards"
    folder = base_path(search_url) + "search/"
    by_shard = {}
    for url, id in index.ids.items():
        if "/zfill-" in url:
            by_shard.setdefault(id // index.per, url)
    by_shard.setdefault(index.ids[url_of(search_url, "vi", "duoi-uoi")] // index.per,
                        url_of(search_url, "vi", "duoi-uoi"))
    assert len(by_shard) >= 2, by_shard
    for shard, url in sorted(by_shard.items()):
        if "/zfill-" in url:
            n = int(url.rstrip("/").rsplit("-", 1)[1])
            query = fixture.filler_word(n, 3)
        else:
            query = "đười ươi"
        open_search(driver, search_url, "vi", query)
        assert urls(wait_for_results(driver, query)) == [url]
        docs = [f for f in index_files(fetched(driver), folder) if f.startswith("docs-")]
        assert docs == [index.file("docs", shard)], f"{query!r}: fetched {docs}"


def test_typing_fetches_each_file_once(driver, search_url, indexes):
    index = indexes["vi"]
    folder = base_path(search_url) + "search/"
    open_search(driver, search_url, "vi")
    typed = ["đà nẵng", "da nang", "dê", "hoà tấu", "Đà Nẵng"]
    for text in typed:
        type_query(driver, text)
    files = index_files(fetched(driver), folder)
    assert len(files) == len(set(files)), f"a file was fetched twice: {sorted(files)}"
    assert files.count("index.json") == 1
    # Only shards of what was typed, a prefix at a time at most.
    allowed = {f for text in typed for i in range(1, len(text) + 1) for f in index.term_files(text[:i])}
    assert {f for f in files if f.startswith("terms-")} <= allowed


# --------------------------------------------------------------------------- accessibility


def test_the_page_with_results_passes_axe(driver, search_url):
    from test_browser_pages import axe_violations, describe

    for language, query in (("vi", "Đà Nẵng"), ("en", "asean")):
        search(driver, search_url, language, query)
        violations = axe_violations(driver)
        assert not violations, describe(violations, f"/{PAGES[language]}?q={query}")
