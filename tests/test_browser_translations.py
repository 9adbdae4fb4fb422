"""The language switcher in a real browser: the Kubernetes pages in English and Chinese, built
into one folder in Hugo's layout (English at the root, Chinese under ``/zh-cn/``)."""

from __future__ import annotations

import functools
import http.server
import threading

import pytest

from conftest import SHARED, needs_shared, sphinx_build
from test_browser import SHOTS, browser, page  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.browser, pytest.mark.slow, needs_shared]
CONTENT = SHARED / "corpus" / "kubernetes" / "content"
PLACES = ["-D", "hugo_translation_urls.en=/", "-D", "hugo_translation_urls.zh-cn=/zh-cn/"]


@pytest.fixture(scope="module")
def served_languages(tmp_path_factory):
    out = tmp_path_factory.mktemp("languages")
    english = sphinx_build(CONTENT / "en", out, "-b", "dirhtml", *PLACES)
    assert english.returncode == 0, english.stderr
    chinese = sphinx_build(
        CONTENT / "zh-cn", out / "zh-cn", "-b", "dirhtml", "-D", "hugo_language_prefix=0", *PLACES
    )
    assert chinese.returncode == 0, chinese.stderr
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(out))
    handler.log_message = lambda *args: None  # type: ignore[method-assign]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_the_switcher_lands_on_the_translation(served_languages, page):  # noqa: F811
    page.goto(f"{served_languages}/docs/concepts/workloads/controllers/deployment/")
    switcher = page.locator("nav.hugo-translations")
    assert switcher.is_visible()
    assert switcher.locator("[aria-current=page]").inner_text() == "English"
    switcher.get_by_role("link", name="中文 (Chinese)").click()
    page.wait_for_url("**/zh-cn/docs/concepts/workloads/controllers/deployment/")
    assert page.locator("html").get_attribute("lang") in ("zh_CN", "zh-CN", "zh-cn")
    assert "Deployment" in page.locator("h1").first.inner_text()
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / "translations-zh-cn-1280.png"))
    back = page.locator("nav.hugo-translations").get_by_role("link", name="English")
    back.click()
    page.wait_for_url("**/docs/concepts/workloads/controllers/deployment/")
    assert "/zh-cn/" not in page.url


def test_the_switcher_fits_a_narrow_screen(served_languages, browser):  # noqa: F811
    context = browser.new_context(viewport={"width": 375, "height": 800})
    narrow = context.new_page()
    narrow.goto(f"{served_languages}/zh-cn/docs/concepts/overview/")
    switcher = narrow.locator("nav.hugo-translations")
    box = switcher.bounding_box()
    assert switcher.is_visible() and box["x"] >= 0 and box["x"] + box["width"] <= 375
    narrow.screenshot(path=str(SHOTS / "translations-zh-cn-375.png"))
    context.close()
