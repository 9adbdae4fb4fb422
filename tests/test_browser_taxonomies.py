"""Term pages in a real browser, with furo: a post's tag link leads to its term page, which lists
the post and fits a phone's width (tests/fixtures/blog)."""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path

import pytest

from conftest import sphinx_build
from test_browser import SHOTS, browser, page  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.browser, pytest.mark.slow]
FIXTURE = Path(__file__).parent / "fixtures" / "blog"


@pytest.fixture(scope="module")
def served_blog(tmp_path_factory):
    out = tmp_path_factory.mktemp("blog-furo")
    result = sphinx_build(FIXTURE / "content", out, "-b", "dirhtml", "-D", "html_theme=furo")
    assert result.returncode == 0, result.stderr
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(out))
    handler.log_message = lambda *args: None  # type: ignore[method-assign]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_a_tag_link_opens_its_term_page(served_blog, page):  # noqa: F811
    page.goto(f"{served_blog}/blog/wick-care/")
    terms = page.locator("nav.hugo-terms")
    assert terms.is_visible()
    terms.get_by_role("link", name="Go, the language").click()
    page.wait_for_url("**/tags/go-lang/")
    assert page.locator("article h1").first.inner_text().startswith("Go, the language")
    entries = page.locator("ul.hugo-list-term > li > a")
    assert entries.all_inner_texts() == ["Oil or electric?", "Caring for wicks"]
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / "term-page-furo-1280.png"), full_page=True)


def test_a_term_page_fits_a_narrow_screen(served_blog, browser):  # noqa: F811
    context = browser.new_context(viewport={"width": 375, "height": 800})
    narrow = context.new_page()
    narrow.goto(f"{served_blog}/tags/maintenance/")
    listed = narrow.locator("ul.hugo-list-term")
    box = listed.bounding_box()
    assert listed.is_visible() and box["x"] >= 0 and box["x"] + box["width"] <= 375
    assert narrow.evaluate("document.documentElement.scrollWidth") <= 375
    narrow.screenshot(path=str(SHOTS / "term-page-furo-375.png"), full_page=True)
    context.close()


def test_the_blog_pager_and_a_posts_neighbours_lead_through_the_blog(served_blog, page):  # noqa: F811
    page.goto(f"{served_blog}/blog/")
    posts = page.locator("article.hugo-post h3 a")
    assert posts.all_inner_texts() == [
        "Repair log: the red lantern",
        "Winter hours",
        "Oil or electric?",
    ]
    page.locator("nav.hugo-pager").get_by_role("link", name="Next ›").click()
    page.wait_for_url("**/blog/page/2/")
    assert posts.first.inner_text() == "A night walk"
    text = page.locator("article").first.inner_text()
    assert "{{" not in text and "](" not in text and "<!--" not in text
    page.screenshot(path=str(SHOTS / "blog-list-furo-1280.png"), full_page=True)
    posts.first.click()
    page.wait_for_url("**/blog/night-walk/")
    page.locator("nav.hugo-post-pager").get_by_role("link", name="Next: Oil or electric? →").click()
    page.wait_for_url("**/blog/oil-or-electric/")


def test_a_blog_list_fits_a_narrow_screen(served_blog, browser):  # noqa: F811
    context = browser.new_context(viewport={"width": 375, "height": 800})
    narrow = context.new_page()
    narrow.goto(f"{served_blog}/blog/page/2/")
    for selector in ("div.hugo-list-blog", "nav.hugo-pager", "aside.hugo-clouds"):
        box = narrow.locator(selector).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 375, selector
    assert narrow.evaluate("document.documentElement.scrollWidth") <= 375
    narrow.screenshot(path=str(SHOTS / "blog-list-furo-375.png"), full_page=True)
    context.close()
