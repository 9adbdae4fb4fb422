"""The navigation cache (``hugo_navigation_cache``): every HTML file a build writes with it is
byte for byte the file Sphinx writes without it, in each theme and HTML builder; what the cache
cannot answer exactly is left to Sphinx, and ``-v`` says so once."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, SHARED, strip_ansi, warnings_of, write_tree

sys.path.insert(0, str(ROOT / "benchmarks"))
from generate import generate

THEMES = ["alabaster", "furo", "pydata_sphinx_theme", "sphinx_book_theme", "sphinx_rtd_theme"]
BUILDERS = ["html", "dirhtml"]
#: What ``-v`` prints when the cache leaves a call or a page to Sphinx.
FALLBACK = "hugo_navigation_cache:"


def _build(src: Path, out: Path, theme: str, builder: str, cache: bool, *extra: str):
    command = [sys.executable, "-m", "sphinx", "-v", "-E", "-b", builder, *extra]
    command += ["-D", f"html_theme={theme}", "-D", f"hugo_navigation_cache={int(cache)}"]
    if not (src / "conf.py").exists():
        command += ["-C", "-D", "extensions=sphinx_comparisons"]
    result = subprocess.run(
        [*command, "-d", str(out) + ".doctrees", str(src), str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result


def _pages(out: Path) -> dict[str, bytes]:
    return {str(path.relative_to(out)): path.read_bytes() for path in out.rglob("*.html")}


def assert_same_pages(src: Path, tmp: Path, theme: str, builder: str, *extra: str) -> str:
    """Build ``src`` without and with the cache; every HTML file must be the same. Returns
    what the cached build printed."""
    if importlib.util.find_spec(theme) is None:
        pytest.skip(f"{theme} is not installed (it is in the 'test' extra)")
    plain = _build(src, tmp / "plain", theme, builder, False, *extra)
    cached = _build(src, tmp / "cached", theme, builder, True, *extra)
    without, with_cache = _pages(tmp / "plain"), _pages(tmp / "cached")
    assert with_cache.keys() == without.keys()
    assert len(without) > 5
    differ = sorted(name for name in without if without[name] != with_cache[name])
    assert differ == []
    assert FALLBACK not in plain.stdout
    assert warnings_of(cached.stderr) == warnings_of(plain.stderr) or not warnings_of(plain.stderr)
    return strip_ansi(cached.stdout)


def _generated(tmp: Path, size: int) -> Path:
    generate(size, tmp / "hugo", tmp / "plain-twin")
    return tmp / "hugo"


# -- the differential test ----------------------------------------------------------------------


@pytest.mark.parametrize("builder", BUILDERS)
@pytest.mark.parametrize("theme", ["alabaster", "furo", "sphinx_rtd_theme"])
def test_the_example_site_is_the_same_with_the_cache(tmp_path, theme, builder):
    printed = assert_same_pages(ROOT / "example_docs", tmp_path, theme, builder)
    assert FALLBACK not in printed  # every page was answered from the cache


@pytest.mark.parametrize("theme", ["alabaster", "furo"])
def test_a_generated_site_is_the_same_with_the_cache(tmp_path, theme):
    printed = assert_same_pages(_generated(tmp_path, 60), tmp_path, theme, "dirhtml")
    assert FALLBACK not in printed


@pytest.mark.slow
@pytest.mark.parametrize("builder", BUILDERS)
@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("tree", ["example_docs", "docs", "generated-60", "generated-300"])
def test_every_theme_and_builder_is_the_same_with_the_cache(tmp_path, theme, builder, tree):
    if tree.startswith("generated"):
        src = _generated(tmp_path, int(tree.partition("-")[2]))
    else:
        src = tmp_path / "src"
        shutil.copytree(ROOT / tree, src, ignore=shutil.ignore_patterns("_build"))
        if tree == "docs":
            shutil.copy(ROOT / "README.md", tmp_path / "README.md")
    printed = assert_same_pages(src, tmp_path, theme, builder)
    assert FALLBACK not in printed


#: Each real site of ../shared/corpus in a theme: furo post-processes the whole tree on every
#: page, alabaster collapses it; kubernetes' Chinese pages test titles outside ASCII.
CORPORA = [
    ("docsy/content/en", "alabaster"),
    ("docsy/content/en", "furo"),
    ("yugabyte/content", "furo"),
    ("grpc/content/en", "furo"),
    ("kubernetes/content/en", "furo"),
    ("kubernetes/content/zh-cn", "alabaster"),
]


@pytest.mark.slow
@pytest.mark.needs_shared
@pytest.mark.parametrize(("corpus", "theme"), CORPORA)
def test_the_real_sites_are_the_same_with_the_cache(tmp_path, corpus, theme):
    assert_same_pages(SHARED / "corpus" / corpus, tmp_path, theme, "dirhtml")


def test_parallel_writers_each_fill_the_same_navigation(tmp_path):
    """Under ``-j 2`` the writers are forked processes, each with its own cache."""
    printed = assert_same_pages(ROOT / "example_docs", tmp_path, "furo", "dirhtml", "-j", "2")
    assert FALLBACK not in printed


# -- what the cache leaves to Sphinx ------------------------------------------------------------

#: A plain Sphinx project with the shapes a Hugo site does not make: a page in two toctrees, an
#: external link, a caption with markup characters, a hidden toctree, a title holding the
#: cache's own token prefix, a page name that must be escaped.
ODD_TREE = {
    "conf.py": 'extensions = ["sphinx_comparisons"]\n',
    "index.rst": (
        "Home\n====\n\n.. toctree::\n   :caption: Main <&>\n\n   a\n   b\n"
        "   https://example.org/x?a=1&b=2\n   self\n   odd&name\n\n"
        ".. toctree::\n   :hidden:\n\n   c\n"
    ),
    "a.rst": "A\n=\n\nSec\n---\n\nSub\n~~~\n",
    "b.rst": 'B < "q"\n=======\n\n.. toctree::\n\n   a\n   d\n\nTwo\n---\n',
    "c.rst": "C\n=\n\nX\n-\n",
    "d.rst": "D\n=\n\nY\n-\n\nZ\n~\n",
    "odd&name.rst": "Odd & name\n==========\n\nText.\n",
}


@pytest.mark.parametrize("builder", BUILDERS)
@pytest.mark.parametrize("theme", ["alabaster", "furo", "sphinx_rtd_theme"])
def test_odd_toctrees_are_the_same_with_the_cache(tmp_path, theme, builder):
    src = write_tree(tmp_path / "src", ODD_TREE)
    printed = assert_same_pages(src, tmp_path, theme, builder)
    if theme != "furo":  # furo's tree is never collapsed: the page in two places is no question
        assert "a page whose open branch the cache cannot tell" in printed


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"c.rst": ":tocdepth: 1\n\nC\n=\n\nX\n-\n"}, "pages that set tocdepth"),
        ({"d.rst": "D zzhnavc1q\n===========\n"}, "toctree HTML of a shape the cache does not"),
    ],
)
def test_what_the_cache_cannot_answer_is_left_to_sphinx_and_said_once(tmp_path, change, reason):
    src = write_tree(tmp_path / "src", {**ODD_TREE, **change})
    printed = assert_same_pages(src, tmp_path, "alabaster", "html")
    said = [line for line in printed.splitlines() if FALLBACK in line]
    assert len(said) == 1 and reason in said[0], said


def test_a_call_the_cache_does_not_know_is_left_to_sphinx(tmp_path):
    src = write_tree(
        tmp_path / "src",
        {
            **ODD_TREE,
            "_templates/navigation.html": "{{ toctree(titles_only=None, collapse=True) }}\n",
            "conf.py": ODD_TREE["conf.py"] + 'templates_path = ["_templates"]\n',
        },
    )
    printed = assert_same_pages(src, tmp_path, "alabaster", "html")
    assert "a toctree() call with ['collapse', 'titles_only']" in printed


def test_the_switch_is_validated(tmp_path):
    conf = ODD_TREE["conf.py"] + 'hugo_navigation_cache = "maybe"\n'
    src = write_tree(tmp_path / "src", {**ODD_TREE, "conf.py": conf})
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-q", "-b", "html", str(src), str(tmp_path / "out")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0
    assert any("hugo_navigation_cache must be bool" in w for w in warnings_of(result.stderr))


#: Pages whose only toctree is hidden: with ``includehidden=False`` Sphinx leaves the hidden
#: toctree in the page's list and the HTML writer skips that list, on every page alike.
HIDDEN_ONLY = {
    "conf.py": ODD_TREE["conf.py"] + "html_theme_options = {'sidebar_includehidden': False}\n",
    "index.rst": "Home\n====\n\n.. toctree::\n\n   a\n   b\n   x\n",
    "a.rst": "A\n=\n\nSec\n---\n\n.. toctree::\n   :hidden:\n\n   c\n",
    "b.rst": "B\n=\n\n.. toctree::\n\n   d\n",
    "c.rst": "C\n=\n\n.. toctree::\n   :hidden:\n\n   e\n",
    "d.rst": "D\n=\n\nPart\n----\n",
    "e.rst": "E\n=\n",
    "x.rst": "X\n=\n\n.. toctree::\n   :hidden:\n\n   y\n",
    "y.rst": "Y\n=\n\nZ\n-\n",
}


@pytest.mark.parametrize("builder", BUILDERS)
@pytest.mark.parametrize("collapse", [False, True])
def test_a_page_whose_only_toctree_is_hidden_is_answered_by_the_cache(tmp_path, collapse, builder):
    conf = HIDDEN_ONLY["conf.py"] + f"html_theme_options['sidebar_collapse'] = {collapse}\n"
    src = write_tree(tmp_path / "src", {**HIDDEN_ONLY, "conf.py": conf})
    printed = assert_same_pages(src, tmp_path, "alabaster", builder)
    said = [line for line in printed.splitlines() if FALLBACK in line]
    if collapse:  # the pages only a hidden toctree lists: no link in the tree tells their branch
        assert len(said) == 1 and "a page whose open branch the cache cannot tell" in said[0]
        assert "(first on 'c')" in said[0]
    else:
        assert said == []
    page = tmp_path / "cached" / ("x/index.html" if builder == "dirhtml" else "x.html")
    html = page.read_text(encoding="utf-8")
    assert 'href="#">X</a></li>' in html  # the list of x's hidden toctree is left out


#: A writer that writes the list of a hidden toctree (an empty ``<ul>``) where Sphinx's skips it.
WRITES_EMPTY_LISTS = """
from docutils import nodes
from sphinx.writers.html5 import HTML5Translator


class Translator(HTML5Translator):
    def visit_bullet_list(self, node):
        self.body.append(self.starttag(node, "ul"))

    def depart_bullet_list(self, node):
        self.body.append("</ul>\\n")

    def visit_toctree(self, node):
        raise nodes.SkipNode


def setup(app):
    for builder in ("html", "dirhtml"):
        app.set_translator(builder, Translator, override=True)
"""


@pytest.mark.parametrize("builder", BUILDERS)
def test_a_writer_that_writes_the_hidden_toctree_s_list_keeps_it(tmp_path, builder):
    conf = HIDDEN_ONLY["conf.py"] + "html_theme_options['sidebar_collapse'] = False\n"
    conf += WRITES_EMPTY_LISTS
    src = write_tree(tmp_path / "src", {**HIDDEN_ONLY, "conf.py": conf})
    printed = assert_same_pages(src, tmp_path, "alabaster", builder)
    assert [line for line in printed.splitlines() if FALLBACK in line] == []
    page = tmp_path / "cached" / ("x/index.html" if builder == "dirhtml" else "x.html")
    assert 'href="#">X</a><ul>\n</ul>' in page.read_text(encoding="utf-8")


@pytest.mark.parametrize("frozen_before", [False, True])
def test_the_cache_leaves_the_process_s_frozen_objects_as_they_were(
    make_app, tmp_path, frozen_before
):
    """The cache freezes the objects older than its build while it collects its tree, then
    unfreezes them; objects the process froze itself stay frozen."""
    import gc

    src = write_tree(tmp_path / "src", ODD_TREE)
    app = make_app("html", srcdir=src, confoverrides={"html_theme": "alabaster"})
    if frozen_before:
        gc.freeze()
    try:
        before = gc.get_freeze_count()
        app.build()
        assert 'class="current' in (app.outdir / "a.html").read_text()
        # frozen objects may still be freed by reference counting, never unfrozen
        assert gc.get_freeze_count() > before // 2 if frozen_before else gc.get_freeze_count() == 0
    finally:
        gc.unfreeze()
