"""In a real browser (Debian's chromium, driven by Playwright's client; nothing downloaded).

Skipped where chromium or the playwright package is missing.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from pathlib import Path

import pytest

from conftest import ROOT, sphinx_build

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
playwright = pytest.importorskip("playwright.sync_api")
pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed")


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
def page():
    with playwright.sync_playwright() as driver:
        browser = driver.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        )
        yield browser.new_page()
        browser.close()


def test_alias_lands_on_its_page_with_query_and_fragment(served_example, page):
    page.goto(f"{served_example}/comparisons/ferndale/?from=old#retention")
    page.wait_for_url("**/compare/ferndale/**")
    assert page.url.endswith("/compare/ferndale/?from=old#retention")
    assert page.locator("h1").first.inner_text().strip() == "Ferndale"
