"""The navigation cache in pydata-sphinx-theme and sphinx-book-theme: their sidebar
(``generate_toctree_html``, the section's toctree post-processed by the theme for every page)
is rendered once per section and filled in per page, and every HTML file is byte for byte the
file the theme writes without the cache."""

from __future__ import annotations

import re

import pytest

from conftest import ROOT, write_tree
from test_navigation_cache import BUILDERS, FALLBACK, ODD_TREE, _generated, assert_same_pages

THEMES = ["pydata_sphinx_theme", "sphinx_book_theme"]
COLLAPSED = "pydata's sidebar with collapse or show_nav_level 0"


@pytest.mark.parametrize("builder", BUILDERS)
@pytest.mark.parametrize("theme", THEMES)
def test_the_example_site_is_the_same_with_the_cache(tmp_path, theme, builder):
    printed = assert_same_pages(ROOT / "example_docs", tmp_path, theme, builder)
    assert FALLBACK not in printed  # every sidebar was answered from the cache


@pytest.mark.parametrize("theme", THEMES)
def test_a_generated_site_is_the_same_with_the_cache(tmp_path, theme):
    printed = assert_same_pages(_generated(tmp_path, 60), tmp_path, theme, "dirhtml")
    assert FALLBACK not in printed


@pytest.mark.slow
@pytest.mark.parametrize("builder", BUILDERS)
@pytest.mark.parametrize("theme", THEMES)
def test_a_bigger_generated_site_is_the_same_with_the_cache(tmp_path, theme, builder):
    printed = assert_same_pages(_generated(tmp_path, 300), tmp_path, theme, builder)
    assert FALLBACK not in printed


#: The odd plain-Sphinx tree, with a second level so pydata's section sidebar has something to
#: show: a page in two toctrees (``a`` under the root and under ``b``), a hidden toctree, a
#: caption with markup characters, an external link, a page name that must be escaped. The
#: external link is not in the root's toctree: pydata's header fails on one there.
ODD_PYDATA = {
    **ODD_TREE,
    "index.rst": ODD_TREE["index.rst"].replace("   https://example.org/x?a=1&b=2\n", ""),
    "d.rst": (
        "D\n=\n\n.. toctree::\n   :caption: Deeper & <more>\n\n   e\n   f\n"
        "   https://example.org/x?a=1&b=2\n\nY\n-\n"
    ),
    "e.rst": "E\n=\n\nZ\n~\n",
    "f.rst": "F\n=\n\n.. toctree::\n   :hidden:\n\n   g\n",
    "g.rst": "G\n=\n",
}


@pytest.mark.parametrize("builder", BUILDERS)
@pytest.mark.parametrize("theme", THEMES)
def test_odd_toctrees_are_the_same_with_the_cache(tmp_path, theme, builder):
    src = write_tree(tmp_path / "src", ODD_PYDATA)
    printed = assert_same_pages(src, tmp_path, theme, builder)
    said = _reasons(printed)
    # Only the page name with ``&``, in the whole tree the book theme shows, is left to the
    # theme (its address is written unescaped by dirhtml).
    expected = theme == "sphinx_book_theme" and builder == "dirhtml"
    assert said == (["an address with characters the cache does not escape"] if expected else [])


@pytest.mark.parametrize(
    ("theme", "options", "reason"),
    [
        ("pydata_sphinx_theme", {"collapse_navigation": True}, COLLAPSED),
        ("pydata_sphinx_theme", {"show_nav_level": 0}, COLLAPSED),
        ("sphinx_book_theme", {"collapse_navbar": True}, COLLAPSED),
        ("pydata_sphinx_theme", {"sidebar_includehidden": False, "show_nav_level": 2}, None),
    ],
)
def test_what_the_cache_cannot_answer_is_left_to_the_theme(tmp_path, theme, options, reason):
    conf = ODD_PYDATA["conf.py"] + f"html_theme_options = {options!r}\n"
    src = write_tree(tmp_path / "src", {**ODD_PYDATA, "conf.py": conf})
    printed = assert_same_pages(src, tmp_path, theme, "html")
    said = _reasons(printed)
    # The book theme's toctree() call, with collapse, may say its own reason too.
    assert (said == []) if reason is None else (reason in said), said


def _reasons(printed: str) -> list[str]:
    """What ``-v`` said the cache left to the theme, once each."""
    return re.findall(rf"{FALLBACK} (.*?) is rendered by Sphinx", printed)
