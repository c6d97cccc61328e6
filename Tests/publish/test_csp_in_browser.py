"""The Content-Security-Policy of the generated nginx configuration in a real browser: every
page type in both languages (home, post, listing, tag, agency, action plan, the search page
answering a query, the banner kit, the July banner on the home page, the 404 page), served by
Debian's nginx from a published build, loaded in Debian's headless chromium (the helpers of
Tests/browser): no `securitypolicyviolation` event, every stylesheet, script and image
loaded (the browser's own /favicon.ico, outside the site, aside), and the scripts ran (the search shows results)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from selenium.webdriver.support.ui import WebDriverWait

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "browser"))
import browser_support as support  # noqa: E402
from nginx_server import BASE, Server, portal  # noqa: E402

KINDS = ["home", "post", "section", "tag", "agency", "plan", "task", "campaign", "404"]
MISSING = {"vi": "khong-co-trang-nay/", "en": "en/no-such-page/"}
SEARCH = {"vi": "tim-kiem/?q=asean", "en": "en/search/?q=asean"}
JULY_NOW = "2026-07-15T12:00:00"

# Added before any of the page's own scripts (CDP's scripts are not subject to the policy).
LISTEN = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', e => window.__violations.push(
    e.violatedDirective + ' blocked ' + (e.blockedURI || '(inline)') + ' at ' + e.sourceFile
    + ':' + e.lineNumber + ' ' + (e.sample || '')));
"""

LOADED = """
return {
    violations: window.__violations,
    failed: performance.getEntriesByType('resource')
        .filter(r => new URL(r.name).pathname.startsWith(arguments[0]))
        .filter(r => r.responseStatus !== undefined && r.responseStatus !== 200 && r.responseStatus !== 304)
        .map(r => r.name + ' ' + r.responseStatus),
    sheets: [...document.querySelectorAll('link[rel=stylesheet]')].filter(l => !l.sheet).map(l => l.href),
    images: [...document.images].filter(i => i.complete && i.naturalWidth === 0 && i.loading !== 'lazy')
        .map(i => i.currentSrc || i.src),
};
"""


def publish_and_serve(root: Path, now: str) -> tuple[Server, Path]:
    output = root / "Output"
    support.build_site(output, now=now)
    portal("publish", "--to", str(root / "pub"), "--output", str(output))
    return Server(root / "nginx", root / "pub"), output


@pytest.fixture(scope="module")
def servers(tmp_path_factory):
    november, output = publish_and_serve(tmp_path_factory.mktemp("csp"), support.BUILD_NOW)
    july, _ = publish_and_serve(tmp_path_factory.mktemp("csp-july"), JULY_NOW)
    yield november, july, support.page_types(output)
    november.stop()
    july.stop()


@pytest.fixture(scope="module")
def browser():
    driver = support.driver_or_fail()
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": LISTEN})
    yield driver
    driver.quit()


def check(driver, url: str) -> None:
    driver.get(url)
    assert driver.execute_script("return document.readyState") == "complete", url
    found = driver.execute_script(LOADED, BASE)
    problems = [f"CSP: {v}" for v in found["violations"]] + [f"failed: {f}" for f in found["failed"]]
    problems += [f"stylesheet not applied: {s}" for s in found["sheets"]]
    problems += [f"image not loaded: {i}" for i in found["images"]]
    assert not problems, f"{url}:\n" + "\n".join(problems)
    header = driver.execute_script("return fetch(location.href).then(r => r.headers.get('content-security-policy'))")
    assert header and "default-src 'none'" in header, f"{url}: no CSP header"
    # The listener works: an inline style the policy does not allow is reported.
    driver.execute_script("document.body.setAttribute('style', 'color: red')")
    assert driver.execute_script("return window.__violations.length") > 0, f"{url}: no violation seen"


@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.parametrize("kind", KINDS)
def test_page_type_has_no_csp_violation(browser, servers, kind, language):
    november, _, types = servers
    path = MISSING[language] if kind == "404" else types.get((kind, language))
    assert path is not None, f"the build has no {kind} page in {language}: {sorted(types)}"
    check(browser, november.url + BASE + path)


@pytest.mark.parametrize("language", ["vi", "en"])
def test_search_query_has_no_csp_violation(browser, servers, language):
    november, _, _ = servers
    url = november.url + BASE + SEARCH[language]
    browser.get(url)
    # The index and its shards are fetched (connect-src) and the results drawn by the script.
    WebDriverWait(browser, 20).until(
        lambda d: d.execute_script("return document.querySelectorAll('#search-results li').length") > 0)
    check_loaded = browser.execute_script(LOADED, BASE)
    assert not check_loaded["violations"] and not check_loaded["failed"], f"{url}: {check_loaded}"


@pytest.mark.parametrize("path", ["", "en/"], ids=["vi", "en"])
def test_july_banner_has_no_csp_violation(browser, servers, path):
    _, july, _ = servers
    check(browser, july.url + BASE + path)
    assert browser.find_elements("css selector", ".banner img"), "no banner in July"
