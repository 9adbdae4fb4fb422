"""In a real browser (Debian's chromium, driven by Playwright's client; nothing downloaded).

Skipped where chromium or the playwright package is missing. Screenshots go
to ``screenshots/`` (git-ignored).
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from pathlib import Path

import pytest

from conftest import ROOT, sphinx_build

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# CI installs both and sets this, so a missing browser fails there instead of skipping
REQUIRED = os.environ.get("SPHINX_COMPARISONS_REQUIRE_BROWSER") == "1"
if REQUIRED:
    from playwright import sync_api

    playwright = sync_api
    assert Path(CHROMIUM).exists(), (
        "Debian's chromium is required (SPHINX_COMPARISONS_REQUIRE_BROWSER=1)"
    )
else:
    playwright = pytest.importorskip("playwright.sync_api")
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed"),
]
SHOTS = ROOT / "screenshots"


@pytest.fixture(scope="module")
def served_example(tmp_path_factory):
    out = tmp_path_factory.mktemp("site")
    result = sphinx_build(ROOT / "example_docs", out, "-b", "dirhtml")
    assert result.returncode == 0, result.stderr
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(out))
    handler.log_message = lambda *args: None  # type: ignore[method-assign]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="module")
def browser():
    with playwright.sync_playwright() as driver:
        launched = driver.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield launched
        launched.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


def _shot(page, name: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_alias_lands_on_its_page_with_query_and_fragment(served_example, page):
    page.goto(f"{served_example}/comparisons/ferndale/?from=old#retention")
    page.wait_for_url("**/compare/ferndale/**")
    assert page.url.endswith("/compare/ferndale/?from=old#retention")
    assert page.locator("h1").first.inner_text().strip() == "Ferndale"


def test_sidebar_reaches_every_page_in_menu_order(served_example, page):
    page.goto(f"{served_example}/")
    links = page.locator(".sidebar-tree a.reference")
    labels = [links.nth(i).inner_text().strip() for i in range(links.count())]
    assert labels[:6] == ["Comparisons", "Ferndale", "Quarry", "Tallow", "Brindle", "Osprey"]
    assert labels[6:] == ["Writing pages", "Shortcodes", "Releases", "2.0", "1.0"]
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    for label, href in zip(labels, hrefs):
        page.goto(f"{served_example}/{href.lstrip('./')}" if not href.startswith("http") else href)
        assert page.locator("h1").first.is_visible(), label
    _shot(page, "sidebar-last-page")


def test_tabs_switch(served_example, page):
    page.goto(f"{served_example}/guide/shortcodes/")
    first = page.get_by_text("Install the package from your distribution")
    second = page.get_by_text("Use the installer, then start Larkspur")
    assert first.is_visible() and not second.is_visible()
    page.locator("label", has_text="macOS").first.click()
    assert second.is_visible() and not first.is_visible()
    # tab panes with the same tab names follow the choice (Docsy's persist=header) and keep it
    upgrade = page.get_by_text("Download the new installer")
    assert upgrade.is_visible()
    page.reload()
    assert page.get_by_text("Download the new installer").is_visible()
    assert page.get_by_text("Use the installer, then start Larkspur").is_visible()
    _shot(page, "tabs-switched")


def test_comparison_scrolls_on_a_narrow_screen(served_example, browser):
    context = browser.new_context(viewport={"width": 375, "height": 800})
    narrow = context.new_page()
    narrow.goto(f"{served_example}/compare/")
    region = narrow.locator(".hugo-comparison-scroll").first
    sizes = region.evaluate("el => [el.scrollWidth, el.clientWidth]")
    assert sizes[0] > sizes[1]  # wider than the screen: it scrolls
    first_cell = narrow.locator("table.hugo-comparison tbody th").first
    region.evaluate("el => { el.scrollLeft = 200; }")
    assert region.evaluate("el => el.scrollLeft") > 0
    left = region.bounding_box()["x"]
    assert (
        left - 5 <= first_cell.bounding_box()["x"] <= left + 30
    )  # the feature column stays in view
    _shot(narrow, "comparison-375")
    context.close()


def test_related_post_cards_are_links_over_the_whole_card(served_example, page):
    page.goto(f"{served_example}/compare/ferndale/")
    cards = page.locator(".hugo-related .sd-card")
    assert cards.count() == 2
    first = cards.first
    assert (
        first.get_by_role("link").inner_text().strip()
        == "Why we split series by time as well as by name"
    )
    box = first.bounding_box()
    assert box["width"] > 200
    # a point near the card's bottom edge, away from the title, is covered by the link
    hit = page.evaluate(
        "([x, y]) => document.elementFromPoint(x, y).closest('a')?.href",
        [box["x"] + box["width"] - 10, box["y"] + box["height"] - 8],
    )
    assert hit == "https://example.com/blog/time-splits/"
    _shot(page, "related-cards")


def test_search_results_open_hugo_addresses(served_example, page):
    page.goto(f"{served_example}/search/?q=releases")
    results = page.locator("#search-results li a")
    results.first.wait_for()
    hrefs = [results.nth(i).evaluate("a => a.href") for i in range(results.count())]
    # the section page releases/_index.md is at Hugo's /releases/, not Sphinx's /releases/_index/
    assert f"{served_example}/releases/" in hrefs, hrefs
    for href in hrefs:
        assert page.goto(href).status == 200, href
        assert page.locator("h1").first.is_visible(), href
