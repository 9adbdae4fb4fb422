"""``serve``: the site built, served on localhost, rebuilt on save and reloaded in the browser,
as ``hugo server`` does (through sphinx-autobuild)."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import write_tree
from sphinx_comparisons import serve

PAGE = "---\ntitle: Home\n---\n\nHello {0}.\n"


def test_the_command_line_follows_the_site(tmp_path):
    """A site without conf.py builds zero-config; Hugo's draft flags become ``hugo_build``; the
    Hugo config and ``static/`` above the content folder are watched; nothing is written into
    the site."""
    write_tree(
        tmp_path, {"hugo.toml": "title = 'x'\n", "static/a.png": "", "content/_index.md": ""}
    )
    site = tmp_path / "content"
    out = serve.output_folder(site)
    args = serve.arguments(site, out, 8000, "127.0.0.1", ["drafts", "future"], False)
    assert args[:2] == [str(site), str(out)]
    assert site.resolve() not in (out.resolve(), *out.resolve().parents)
    assert args[8:11] == ["-C", "-D", "extensions=sphinx_comparisons"]
    assert "hugo_build=drafts,future" in args
    watched = [args[i + 1] for i, arg in enumerate(args) if arg == "--watch"]
    assert watched == [str(tmp_path / "hugo.toml"), str(tmp_path / "static")]
    (site / "conf.py").write_text('extensions = ["sphinx_comparisons"]\n')
    assert "-C" not in serve.arguments(site, out, 8000, "127.0.0.1", [], False)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _text(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def _wait_for(url: str, needle: str, seconds: float) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if needle in _text(url):
            return True
        time.sleep(0.25)
    return False


@pytest.fixture
def served(tmp_path):
    site = write_tree(tmp_path / "site", {"_index.md": PAGE.format("world")})
    port = _free_port()
    command = [sys.executable, "-m", "sphinx_comparisons", "serve", str(site), "--port", str(port)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}/"
    # the first build of a cold Sphinx may take a while on a busy machine
    if not _wait_for(url, "Hello world.", 120):
        process.terminate()
        _, errors = process.communicate(timeout=30)
        pytest.fail(f"serve did not answer on {url}: {errors.decode()[-2000:]}")
    try:
        yield site, url
    finally:
        process.terminate()
        process.wait(timeout=30)


@pytest.mark.slow  # starts a server and builds twice
def test_an_edit_is_served_within_ten_seconds(served):
    site, url = served
    (site / "_index.md").write_text(PAGE.format("again"), encoding="utf-8")
    assert _wait_for(url, "Hello again.", 10)


@pytest.mark.browser
@pytest.mark.slow
def test_the_browser_reloads_after_an_edit(served):
    """The page open in headless chromium shows the edit without being reloaded by hand."""
    playwright = pytest.importorskip("playwright.sync_api")
    chromium = Path("/usr/bin/chromium")
    if not chromium.exists():
        pytest.skip("Debian's chromium is not installed")
    site, url = served
    with playwright.sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=str(chromium), args=["--no-sandbox"])
        page = browser.new_page()
        page.goto(url)
        assert "Hello world." in page.inner_text("body")
        (site / "_index.md").write_text(PAGE.format("live"), encoding="utf-8")
        page.wait_for_function("document.body.innerText.includes('Hello live.')", timeout=10_000)
        browser.close()
