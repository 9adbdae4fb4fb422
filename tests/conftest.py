from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from doctree_check import assert_valid

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus" / "yugabyte"
FIXTURES = SHARED / "spec" / "fixtures"

#: Sphinx's warning for pages outside every toctree (untyped in Sphinx 8.0).
NOT_IN_TOCTREE = "isn't included in any toctree"

#: CI sets this (.ci/run), so a missing corpus fails there instead of skipping, as
#: ``SPHINX_COMPARISONS_REQUIRE_BROWSER`` does for the browser tests.
REQUIRE_CORPUS = os.environ.get("SPHINX_COMPARISONS_REQUIRE_CORPUS") == "1"
NO_CORPUS = f"{SHARED} (the reference sites and Hugo's answers) is not beside the checkout"

#: A test that reads ../shared: skipped without it, failed without it under CI.
needs_shared = pytest.mark.needs_shared


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    if item.get_closest_marker("needs_shared") is None or SHARED.is_dir():
        return
    if REQUIRE_CORPUS:
        pytest.fail(f"{NO_CORPUS} (SPHINX_COMPARISONS_REQUIRE_CORPUS=1)", pytrace=False)
    pytest.skip(NO_CORPUS)


def pytest_terminal_summary(terminalreporter, exitstatus: int, config: pytest.Config) -> None:
    skipped = [r for r in terminalreporter.stats.get("skipped", []) if "needs_shared" in r.keywords]
    if skipped:
        terminalreporter.write_line(
            f"{len(skipped)} corpus tests skipped: {NO_CORPUS}; "
            "SPHINX_COMPARISONS_REQUIRE_CORPUS=1 makes them fail instead"
        )


def write_tree(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
    return root


def sphinx_build(src: Path, out: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run sphinx-build as a user would, without a conf.py unless the tree has one."""
    command = [sys.executable, "-m", "sphinx", "-q", *args]
    if not (src / "conf.py").exists():
        command += ["-C", "-D", "extensions=sphinx_comparisons"]
    result = subprocess.run(
        [*command, str(src), str(out)], capture_output=True, text=True, check=False
    )
    if "-d" not in args:
        assert_valid(out / ".doctrees")
    return result


@pytest.fixture
def make_app(make_app):
    """Sphinx's ``make_app``, with the doctrees of every app a test built checked afterwards."""
    apps = []

    def make(*args, **kwargs):
        app = make_app(*args, **kwargs)
        apps.append(app)
        return app

    yield make
    for app in apps:
        assert_valid(Path(app.doctreedir))


def warnings_of(stderr: str) -> list[str]:
    """Warning and error lines, without colour codes (Sphinx colours them on some terminals)."""
    return [
        line for line in strip_ansi(stderr).splitlines() if "WARNING" in line or "ERROR" in line
    ]


def app_warnings(app) -> list[str]:
    """The WARNING lines a ``sphinx.testing`` app logged, without colour codes."""
    return [w for w in strip_ansi(app.warning.getvalue()).splitlines() if "WARNING" in w]


#: Pages Sphinx adds that Hugo has no counterpart of.
SPHINX_PAGES = {"genindex/index.html", "search/index.html"}


#: What Hugo writes only with the oracle's ``--all-kinds``: the default taxonomies' lists and
#: paginated lists' pages (``/blog/page/1/`` ...).
LIST_FILES = re.compile(r"(?:tags|categories)/.*|(?:.*/)?page/\d+/index\.html")


def site_files(out: Path, lists: bool = False) -> set[str]:
    """Pages and redirect files a dirhtml build wrote, as Hugo's ``files`` lists them: without
    the taxonomy and pagination lists unless ``lists`` (answers made with ``--all-kinds``)."""
    found = {str(p.relative_to(out)) for p in out.rglob("*.html") if "_static" not in p.parts}
    if not lists:
        found = {name for name in found if not LIST_FILES.fullmatch(name)}
    return found - SPHINX_PAGES


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def main_h1s(page: BeautifulSoup) -> list[str]:
    """The H1s in the page's content area, whatever the theme calls it."""
    body = page.select_one("[role=main]") or page.select_one("article") or page
    return [h.get_text(" ", strip=True).rstrip("¶#").strip() for h in body.find_all("h1")]


def output_of(app, docname: str) -> Path:
    """Where the builder wrote a page (Sphinx 9 asks get_output_path, Sphinx 8 get_outfilename)."""
    builder = app.builder
    method = getattr(builder, "get_output_path", None) or builder.get_outfilename
    return Path(method(docname))


def strip_ansi(text: str) -> str:
    return re.sub(r"\x1b\[[0-9;]*m", "", text)
