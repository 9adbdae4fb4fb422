"""The navigation cache in pydata-sphinx-theme and sphinx-book-theme: their sidebar
(``generate_toctree_html``, the section's toctree post-processed by the theme for every page)
is rendered once per section and filled in per page, and every HTML file is byte for byte the
file the theme writes without the cache."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from conftest import ROOT, strip_ansi, write_tree
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
        (
            "pydata_sphinx_theme",
            {"header_links_before_dropdown": 2.5},
            "pydata's header links with ['dropdown_text', 'n_links_before_dropdown']",
        ),
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


# -- pydata's header links ----------------------------------------------------------------------


def _toctree(*entries: str, hidden: bool = False) -> str:
    options = "   :hidden:\n" if hidden else ""
    return ".. toctree::\n" + options + "\n" + "".join(f"   {entry}\n" for entry in entries)


def _sections(count: int) -> dict[str, str]:
    """A root toctree of ``count`` sections with pages one to four levels down, in the header
    and in its dropdown: a page in two sections, a section whose only toctree is hidden, a
    title with markup characters, an orphan page, a ``self`` entry and a titled external link."""
    tree = {
        "index.rst": "Home\n====\n\n"
        + _toctree(
            *(f"s{n}/index" for n in range(count)), "self", "Out <https://example.org/a?b&c>"
        )
        + "\n"
        + _toctree("lone", hidden=True),
        "lone.rst": "Lone\n====\n",
        "orphan.rst": ":orphan:\n\nOrphan\n======\n",
    }
    for n in range(count):
        tree[f"s{n}/index.rst"] = f"Section {n} & <{n}>\n{'=' * 16}\n\n" + _toctree("a", "b")
        tree[f"s{n}/a.rst"] = f"A{n}\n==\n\n" + _toctree("deep/c", hidden=n % 2 == 1)
        tree[f"s{n}/b.rst"] = f"B{n}\n==\n\nPart\n----\n"
        tree[f"s{n}/deep/c.rst"] = f"C{n}\n==\n\n" + _toctree("d")
        tree[f"s{n}/deep/d.rst"] = f"D{n}\n==\n"
    tree["s1/index.rst"] += "   ../s2/b\n"  # s2/b is under s2 and s1 (Sphinx keeps the last)
    return tree


HEADER_CONF = (
    'extensions = ["sphinx_comparisons"]\n'
    "html_theme_options = {\n"
    '    "external_links": [{"name": "Ext <b>", "url": "https://example.org/?a=1&b=2"}],\n'
    "    **OPTIONS,\n"
    "}\n"
)


@pytest.mark.parametrize("builder", BUILDERS)
@pytest.mark.parametrize(
    ("theme", "options"),
    [
        ("pydata_sphinx_theme", {}),
        ("pydata_sphinx_theme", {"header_links_before_dropdown": 2, "navbar_end": ["navbar-nav"]}),
        ("sphinx_book_theme", {"navbar_center": ["navbar-nav"]}),
    ],
    ids=["pydata", "pydata-two-dropdowns", "book"],
)
def test_the_header_links_are_the_same_with_the_cache(tmp_path, builder, theme, options):
    conf = HEADER_CONF.replace("**OPTIONS", "**" + repr(options))
    src = write_tree(tmp_path / "src", {**_sections(9), "conf.py": conf})
    printed = assert_same_pages(src, tmp_path, theme, builder)
    assert _reasons(printed) == []
    if theme == "sphinx_book_theme":
        return
    out = tmp_path / "cached"
    deep = out / "s8/deep/d/index.html" if builder == "dirhtml" else out / "s8/deep/d.html"
    html = deep.read_text(encoding="utf-8")
    # the page's section is marked in the dropdown, which is numbered on the page
    menu = html[html.index('<ul id="pst-nav-more-links" class="dropdown-menu">') :]
    assert '<li class=" current active">' in menu[: menu.index("</ul>")]
    assert ('id="pst-nav-more-links-2"' in html) == bool(options)


def test_a_url_in_the_root_toctree_fails_the_header_as_without_the_cache(tmp_path):
    """The theme's header looks up a title for each entry of the root toctree, a URL too: the
    build fails with the theme's own error, with the cache as without it."""
    src = write_tree(
        tmp_path / "src",
        {
            "conf.py": ODD_TREE["conf.py"],
            "index.rst": "Home\n====\n\n" + _toctree("a", "https://example.org/x"),
            "a.rst": "A\n=\n",
        },
    )
    reasons = []
    for cache in (0, 1):
        command = [sys.executable, "-m", "sphinx", "-E", "-b", "html"]
        command += ["-D", "html_theme=pydata_sphinx_theme", "-D", f"hugo_navigation_cache={cache}"]
        result = subprocess.run(
            [*command, str(src), str(tmp_path / f"out{cache}")],
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 2
        reasons.append(re.findall(r"Reason: (.*)", strip_ansi(result.stderr)))
    assert reasons[0] == reasons[1] == ["KeyError('https://example.org/x')"]


#: An extension's own ``pathto`` (here one that only wraps Sphinx's): the header is the theme's.
OWN_PATHTO = """

def _own_pathto(app, pagename, templatename, context, doctree):
    sphinx_pathto = context["pathto"]
    context["pathto"] = lambda *args, **kwargs: sphinx_pathto(*args, **kwargs)


def setup(app):
    app.connect("html-page-context", _own_pathto)
"""


def test_a_pathto_of_another_extension_leaves_the_header_to_the_theme(tmp_path):
    src = write_tree(
        tmp_path / "src", {**ODD_PYDATA, "conf.py": ODD_PYDATA["conf.py"] + OWN_PATHTO}
    )
    printed = assert_same_pages(src, tmp_path, "pydata_sphinx_theme", "html")
    assert _reasons(printed) == ["pydata's header links with a pathto of its own"]
