"""No script from a page runs in a real browser (Debian's chromium through Playwright's client).

Every payload sets ``document.documentElement.dataset.pwned``; after each XSS
page loads, and after each of its links is clicked, the mark must be unset.
Raw HTML is off (Hugo's default). Skipped where chromium or playwright is
missing, unless SPHINX_COMPARISONS_REQUIRE_BROWSER=1 (CI).
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from pathlib import Path

import pytest

from conftest import sphinx_build, write_tree
from html_site import CONF, PWN

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
REQUIRED = os.environ.get("SPHINX_COMPARISONS_REQUIRE_BROWSER") == "1"
if REQUIRED:
    import playwright.sync_api as playwright

    assert Path(CHROMIUM).exists(), (
        "Debian's chromium is required (SPHINX_COMPARISONS_REQUIRE_BROWSER=1)"
    )
else:
    playwright = pytest.importorskip("playwright.sync_api")
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed"),
]

JS = f"javascript:{PWN}"
IMG = f"<img src=x onerror='{PWN}'>"
SCRIPT = f"<script>{PWN}</script>"
#: The payload without dots, quotes or blanks, which ended the id the old code took from a quoted
#: value.
NO_DOTS = "with(document)with(documentElement)setAttribute(`data-pwned`,1)"

PAGES = {
    "conf.py": CONF,
    "_index.md": "---\ntitle: Home\n---\n\nWelcome.\n",
    "xss/_index.md": "---\ntitle: XSS\n---\n",
    "xss/headings.md": (
        f'---\ntitle: Headings\ndescription: "Child {IMG}"\n---\n\n'
        f"## Notes {{data-x='a #x\"><svg/onload={NO_DOTS}//'}}\n\n## Other {{#a<b>c}}\n\n"
        f'## Third {{#x" onmouseover="{PWN}}}\n\n[to notes](#notes)\n'
    ),
    "xss/links.md": (
        f"---\ntitle: Links\nmenu:\n  main:\n    name: Evil menu\n    url: ' {JS}'\n---\n\n"
        f'[md]({JS}) [tab](<java\tscript:{PWN}>) <{JS}> <a href="{JS}">raw</a>\n\n'
        f'{{{{< figure src="/x.png" link=" {JS}" >}}}}\n\n'
        f'{{{{< index/item title="Item" url="{JS}" linkText1="L" linkUrl1="{JS}" >}}}}\n\n'
        f'{{{{< blocks/feature title="Feature" url="{JS}" >}}}}\nText\n'
        f"{{{{< /blocks/feature >}}}}\n\n"
        f'{{{{< lead link="{JS}" >}}}}\nLead.\n{{{{< /lead >}}}}\n\n'
        f'{{{{< iframe src=" {JS}" >}}}}\n\n'
        f"```{{card}} Card\n:link: {JS}\n\nBody\n```\n\n"
        "```{related-posts}\n"
        f'- title: Spaced\n  url: " {JS}"\n- title: Tabbed\n  url: "java\\tscript:{PWN}"\n```\n\n'
        "```{comparison}\nproducts:\n"
        f'  - {{name: Evil, link: " {JS}"}}\n  - Fine\nfeatures:\n  Speed: [yes, no]\n```\n\n'
        "## Relevant blog posts\n\n"
        f"- [Bad post]({JS})\n- [Good post](https://example.com/)\n"
    ),
    "xss/raw.md": (
        f"---\ntitle: Raw\naliases: [/old-raw/]\n---\n\n{SCRIPT}\n\nInline {IMG} here.\n\n"
        f'{{{{< figure src="/x.png" title="{IMG}" caption="{IMG}" >}}}}\n\n'
        f'{{{{< alert title="{IMG}" >}}}}\nAlert body\n{{{{< /alert >}}}}\n\n'
        f'{{{{< tabpane >}}}}\n{{{{% tab header="{IMG}" %}}}}\nOne\n{{{{% /tab %}}}}\n'
        f"{{{{< /tabpane >}}}}\n\n"
        f'{{{{< card header="{IMG}" >}}}}\nCard body\n{{{{< /card >}}}}\n\n'
        f'{{{{< details summary="{IMG}" >}}}}\nDetails body\n{{{{< /details >}}}}\n'
    ),
}
VISITED = ["xss/", "xss/headings/", "xss/links/", "xss/raw/", "old-raw/"]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    root = tmp_path_factory.mktemp("xss")
    write_tree(root / "content", PAGES)
    out = root / "out"
    result = sphinx_build(root / "content", out, "-b", "dirhtml")
    assert result.returncode == 0, result.stderr
    handler = functools.partial(_QuietHandler, directory=str(out))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="module")
def page(served):
    with playwright.sync_playwright() as driver:
        browser = driver.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        context = browser.new_context()
        # nothing leaves the machine: only the local server answers
        context.route(
            "**/*",
            lambda route: (
                route.continue_() if route.request.url.startswith(served) else route.abort()
            ),
        )
        yield context.new_page()
        browser.close()


def _pwned(page) -> str | None:
    """The mark on whatever page is shown once loading settles (a click may be navigating)."""
    for _ in range(20):
        page.wait_for_timeout(50)  # let onerror/onload handlers and a started navigation run
        try:
            page.wait_for_load_state("load")
            return page.evaluate("() => document.documentElement.dataset.pwned ?? null")
        except playwright.Error:  # the document went away mid-check: look again at the new one
            continue
    raise AssertionError("the page never settled")


@pytest.mark.parametrize("path", VISITED)
def test_no_script_runs_on_load_or_on_any_click(served, page, path):
    page.goto(f"{served}/{path}")
    assert _pwned(page) is None, f"script ran on loading /{path}"
    count = page.locator("a").count()
    assert count > 3
    for index in range(count):
        page.goto(f"{served}/{path}")
        href = page.locator("a").nth(index).get_attribute("href")
        page.locator("a").nth(index).evaluate("el => el.click()")
        assert _pwned(page) is None, f"script ran after clicking link {index} ({href!r}) on /{path}"
