"""Every page type of the default theme, in both languages, in a real browser (headless
chromium): axe-core finds no WCAG 2.1 A/AA violation, nothing scrolls sideways on a phone,
the skip link is the first Tab stop and moves focus to <main>, nothing is fetched from
another site, and the pages work with JavaScript disabled.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

import browser_support as support

LANGUAGES = ["vi", "en"]
# home, a post, a section listing, a later page of a listing, the tags index, a tag, an
# agency and a pillar (term pages), the 404 page, and the pages of the action plan and of the
# July campaign.
KINDS = ["home", "post", "section", "later", "tags", "tag", "agency", "pillar", "404",
         "plan", "task", "campaign"]
# Types a site may lack (no later listing page, no action plan data, no banner settings).
OPTIONAL = {"later", "plan", "task", "campaign"}

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

# The address of a page that does not exist: the server answers with the language's 404 page.
MISSING = {"vi": "khong-co-trang-nay/", "en": "en/no-such-page/"}


def page_path(page_types: dict, kind: str, language: str) -> str:
    if kind == "404":
        return MISSING[language]
    path = page_types.get((kind, language))
    if path is None:
        if kind in OPTIONAL:
            pytest.skip(f"the site has no {kind!r} page in {language!r}")
        pytest.fail(f"the built site has no {kind!r} page in {language!r} "
                    f"(found: {sorted(page_types)})", pytrace=False)
    return path


def open_page(driver, site_url: str, path: str) -> None:
    driver.get(site_url + path)
    # Everything the page needs is on 127.0.0.1, so "complete" means fully styled.
    state = driver.execute_script("return document.readyState")
    assert state == "complete", f"{path}: document.readyState is {state!r}"
    assert driver.find_elements(By.CSS_SELECTOR, "h1"), f"{path}: no <h1> rendered"


# --------------------------------------------------------------------------- axe


def axe_violations(driver) -> list[dict]:
    from selenium_axe_python import Axe

    Axe(driver).inject()
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    results = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, arguments[0]).then(done, e => done({error: String(e)}));",
        options)
    if "error" in results:
        raise RuntimeError(f"axe-core failed: {results['error']}")
    return results["violations"]


def describe(violations: list[dict], where: str) -> str:
    lines = [f"{where}: {len(violations)} axe-core violation(s)"]
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation.get('impact')}): {violation['help']}")
        lines.append(f"  {violation['helpUrl']}")
        for node in violation["nodes"][:8]:
            target = " ".join(map(str, node.get("target", [])))
            summary = (node.get("failureSummary") or "").replace("\n", " ")
            lines.append(f"    at {target}: {summary}")
            lines.append(f"       {node.get('html', '')[:160]}")
        if len(violation["nodes"]) > 8:
            lines.append(f"    ... and {len(violation['nodes']) - 8} more elements")
    return "\n".join(lines)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", KINDS)
def test_axe_finds_no_violations(browser, site_url, page_types, kind, language):
    path = page_path(page_types, kind, language)
    failures = []
    for width, height in ((1280, 900), (360, 800)):
        support.set_viewport(browser, width, height)
        open_page(browser, site_url, path)
        violations = axe_violations(browser)
        if violations:
            failures.append(describe(violations, f"/{path} at {width} px"))
    support.set_viewport(browser, 1280, 900)
    if failures:
        pytest.fail("\n\n".join(failures), pytrace=False)


# --------------------------------------------------------------------------- layout


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", KINDS)
def test_no_horizontal_scroll_on_a_phone(phone, site_url, page_types, kind, language):
    path = page_path(page_types, kind, language)
    problems = []
    for width in (360, 320):
        support.set_viewport(phone, width, 800)
        open_page(phone, site_url, path)
        scroll_width, client_width, widest = phone.execute_script("""
            const root = document.documentElement;
            // The element that sticks out furthest, to say what to fix.
            let widest = null, right = root.clientWidth;
            for (const element of document.body.querySelectorAll('*')) {
                const box = element.getBoundingClientRect();
                if (box.right > right + 0.5 && getComputedStyle(element).position !== 'absolute') {
                    right = box.right;
                    widest = element.tagName.toLowerCase() + (element.className ? '.' + element.className : '');
                }
            }
            return [root.scrollWidth, root.clientWidth, widest];
        """)
        if scroll_width > client_width:
            problems.append(f"/{path} at {width} px: scrollWidth {scroll_width} > clientWidth "
                            f"{client_width} (widest: {widest})")
    assert not problems, "\n".join(problems)


# --------------------------------------------------------------------------- keyboard


def active(driver) -> dict:
    return driver.execute_script("""
        const element = document.activeElement;
        const box = element.getBoundingClientRect();
        return {tag: element.tagName.toLowerCase(), id: element.id, cls: element.className,
                href: element.getAttribute('href'), text: element.textContent.trim(),
                inMain: !!element.closest('main'),
                visible: box.width > 1 && box.height > 1 && box.top >= 0 && box.left >= 0
                         && box.bottom <= innerHeight && box.right <= innerWidth};
    """)


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", KINDS)
def test_skip_link_is_first_and_moves_focus_to_main(request, site_url, page_types, kind,
                                                    language, javascript):
    driver = request.getfixturevalue("browser" if javascript else "browser_without_js")
    support.set_viewport(driver, 1280, 900)
    path = page_path(page_types, kind, language)
    open_page(driver, site_url, path)

    ActionChains(driver).send_keys(Keys.TAB).perform()
    first = active(driver)
    assert "skip-link" in first["cls"].split() and first["href"] == "#main", \
        f"/{path}: the first Tab stop is <{first['tag']} class={first['cls']!r}> {first['text']!r}, " \
        f"not the skip link"
    assert first["visible"], f"/{path}: the focused skip link is not visible on screen"

    ActionChains(driver).send_keys(Keys.ENTER).perform()
    target = active(driver)
    assert target["tag"] == "main" and target["id"] == "main", \
        f"/{path}: after the skip link, focus is on <{target['tag']} id={target['id']!r}>, not <main>"

    ActionChains(driver).send_keys(Keys.TAB).perform()
    after = active(driver)
    assert after["inMain"], \
        f"/{path}: Tab after the skip link goes to <{after['tag']}> {after['text']!r}, outside <main>"
    assert after["visible"], f"/{path}: the element Tab reaches in <main> is scrolled out of view"


# --------------------------------------------------------------------------- self-contained


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", KINDS)
def test_page_loads_nothing_from_elsewhere(desktop, site_url, page_types, kind, language):
    path = page_path(page_types, kind, language)
    open_page(desktop, site_url, path)
    origin = site_url.split("/", 3)[:3]
    origin = "/".join(origin) + "/"
    resources = desktop.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name)")
    outside = [r for r in resources if not r.startswith(origin)]
    assert not outside, f"/{path} fetched from elsewhere: {outside}"
    # The stylesheet did load and apply (the header band is ASEAN blue).
    brand = desktop.find_element(By.CSS_SELECTOR, ".brand")
    assert brand.value_of_css_property("background-color") == "rgba(34, 85, 158, 1)"


# --------------------------------------------------------------------------- no JavaScript


@pytest.mark.parametrize("language", LANGUAGES)
def test_pages_work_without_javascript(browser_without_js, site_url, page_types, language):
    driver = browser_without_js
    support.set_viewport(driver, 1280, 900)
    problems = []
    for kind in KINDS:
        if kind in OPTIONAL and (kind, language) not in page_types:
            continue
        path = page_path(page_types, kind, language)
        open_page(driver, site_url, path)
        h1 = driver.find_element(By.TAG_NAME, "h1")
        if not (h1.is_displayed() and h1.text.strip()):
            problems.append(f"/{path}: the <h1> is not shown")
        if not driver.find_element(By.CSS_SELECTOR, "main").text.strip():
            problems.append(f"/{path}: <main> shows no text")
        links = [a for a in driver.find_elements(By.CSS_SELECTOR, "header nav a") if a.is_displayed()]
        if not links:
            problems.append(f"/{path}: no navigation link is shown")
        brand = driver.find_element(By.CSS_SELECTOR, ".brand")
        if brand.value_of_css_property("background-color") != "rgba(34, 85, 158, 1)":
            problems.append(f"/{path}: the stylesheet did not apply")
        # The print button needs JavaScript: without it, it stays hidden (and proves that
        # JavaScript really is off in this browser).
        for button in driver.find_elements(By.CSS_SELECTOR, ".print-button"):
            if button.is_displayed():
                problems.append(f"/{path}: the print button shows without JavaScript")
    assert not problems, "\n".join(problems)


def test_print_button_shows_with_javascript(desktop, site_url, page_types):
    for language in LANGUAGES:
        path = page_path(page_types, "post", language)
        open_page(desktop, site_url, path)
        buttons = desktop.find_elements(By.CSS_SELECTOR, "button.print-button")
        assert buttons and buttons[0].is_displayed(), f"/{path}: no visible print button"
        # It calls window.print(): replace it to see the call without a dialog.
        desktop.execute_script("window.__printed = 0; window.print = () => window.__printed++;")
        buttons[0].click()
        assert desktop.execute_script("return window.__printed") == 1, \
            f"/{path}: the print button did not call window.print()"


def test_print_stylesheet_shows_the_post_and_its_address(desktop, site_url, page_types):
    problems = []
    for language in LANGUAGES:
        path = page_path(page_types, "post", language)
        open_page(desktop, site_url, path)
        canonical = desktop.find_element(By.CSS_SELECTOR, "link[rel=canonical]").get_attribute("href")
        url = desktop.find_element(By.CSS_SELECTOR, ".print-url")
        if url.is_displayed():
            problems.append(f"/{path}: the print-only address shows on screen")
        support.set_media(desktop, "print")
        try:
            for selector in ("nav", ".site-header", ".site-footer", ".skip-link", ".print-button",
                             ".language-switch", ".main-nav"):
                shown = [e for e in desktop.find_elements(By.CSS_SELECTOR, selector) if e.is_displayed()]
                if shown:
                    problems.append(f"/{path}: {selector} is printed")
            for selector in ("h1", ".post-meta .date", ".post-meta .agency", ".content"):
                elements = desktop.find_elements(By.CSS_SELECTOR, selector)
                if not elements or not elements[0].is_displayed():
                    problems.append(f"/{path}: {selector} is not printed")
            if not url.is_displayed():
                problems.append(f"/{path}: the page's address is not printed")
            elif canonical not in url.text:
                problems.append(f"/{path}: the printed address {url.text!r} is not {canonical!r}")
            colour = desktop.find_element(By.TAG_NAME, "h1").value_of_css_property("color")
            if colour != "rgba(0, 0, 0, 1)":
                problems.append(f"/{path}: the title prints in {colour}, not black")
        finally:
            support.set_media(desktop, "")
    assert not problems, "\n".join(problems)


def test_reduced_motion_is_respected(desktop, site_url):
    """Nothing is animated; with prefers-reduced-motion there are no transitions either."""
    desktop.execute_cdp_cmd("Emulation.setEmulatedMedia",
                            {"media": "", "features": [{"name": "prefers-reduced-motion",
                                                        "value": "reduce"}]})
    try:
        open_page(desktop, site_url, "")
        moving = desktop.execute_script("""
            const found = [];
            for (const element of document.querySelectorAll('*')) {
                const style = getComputedStyle(element);
                const durations = (style.transitionDuration + ',' + style.animationDuration)
                    .split(',').map(parseFloat);
                if (durations.some(d => d > 0.01) || style.animationName !== 'none')
                    found.push(element.tagName.toLowerCase() + '.' + element.className);
            }
            return found.slice(0, 10);
        """)
        assert not moving, f"animated or transitioned with prefers-reduced-motion: {moving}"
    finally:
        desktop.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "", "features": []})


# --------------------------------------------------------------------------- July banner


@pytest.mark.parametrize("path", ["", "en/"], ids=["vi", "en"])
def test_july_banner_slot(browser, july_site_url, path):
    """In July the banner shows at the top of every page: a link with a text alternative,
    after the skip link in the Tab order, without axe violations or sideways scrolling."""
    support.set_viewport(browser, 1280, 900)
    open_page(browser, july_site_url, path)
    links = browser.find_elements(By.CSS_SELECTOR, ".banner a")
    assert links, f"/{path}: no banner in July"
    images = browser.find_elements(By.CSS_SELECTOR, ".banner img")
    for image in images:
        assert (image.get_attribute("alt") or "").strip(), f"/{path}: the banner image has no alt text"
    assert (links[0].get_attribute("href") or "").startswith(july_site_url), \
        f"/{path}: the banner links outside the site: {links[0].get_attribute('href')}"

    ActionChains(browser).send_keys(Keys.TAB).perform()
    assert "skip-link" in active(browser)["cls"].split(), f"/{path}: the skip link is not first"
    ActionChains(browser).send_keys(Keys.TAB).perform()
    second = active(browser)
    assert second["href"] and "banner-link" in second["cls"].split(), \
        f"/{path}: the second Tab stop is {second}, not the banner"

    failures = []
    for width in (1280, 360):
        support.set_viewport(browser, width, 800)
        open_page(browser, july_site_url, path)
        violations = axe_violations(browser)
        if violations:
            failures.append(describe(violations, f"/{path} in July at {width} px"))
        for narrow in (360, 320):
            if width == 360:
                support.set_viewport(browser, narrow, 800)
                open_page(browser, july_site_url, path)
                sizes = browser.execute_script(
                    "return [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
                if sizes[0] > sizes[1]:
                    failures.append(f"/{path} in July at {narrow} px: scrollWidth {sizes[0]} > {sizes[1]}")
                # The image fits (the narrow artwork, or the wide one scaled down).
                for image in browser.find_elements(By.CSS_SELECTOR, ".banner img"):
                    if image.size["width"] > narrow:
                        failures.append(f"/{path} in July at {narrow} px: banner {image.size['width']} px wide")
    support.set_viewport(browser, 1280, 900)
    if failures:
        pytest.fail("\n".join(failures), pytrace=False)
