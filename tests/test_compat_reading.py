"""``compat.reading``: the settings, markdown-it parser and default document that Sphinx and
MyST made again for every page are made once, and the pages read are the same: same HTML,
same doctrees, each page's own dependencies, a page's own file-level MyST config honoured.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from docutils import frontend
from myst_parser.mdit_to_docutils import base as myst_base
from myst_parser.mdit_to_docutils.sphinx_ import SphinxRenderer
from myst_parser.parsers import sphinx_ as myst_sphinx_parser
from sphinx.util import docutils as sphinx_docutils

from conftest import write_tree
from sphinx_comparisons import compat

CONF = 'extensions = ["myst_parser"]\nexclude_patterns = ["part.md"]\n'
DEFINITION = "Term\n: its definition\n"
PAGES = {
    "index.md": "# Home\n\n```{toctree}\na\nb\nc\nd\n```\n\n| x |\n|---|\n| 1 |\n",
    "a.md": "# A\n\n```{include} part.md\n```\n",
    "part.md": "Included *text*.\n",
    "b.md": f"# B\n\n{DEFINITION}",
    "c.md": f"---\nmyst:\n  enable_extensions: [deflist]\n---\n# C\n\n{DEFINITION}",
    "d.md": f"# D\n\n{DEFINITION}",
}
HAS_SETTINGS = hasattr(sphinx_docutils, "_get_settings")
#: The wrapped names and what each wraps.
PATCHED = (
    (sphinx_docutils, "_get_settings"),
    (myst_sphinx_parser, "create_md_parser"),
    (myst_base, "make_document"),
)


def _without_reading_patches(monkeypatch) -> None:
    for module, name in PATCHED:
        if hasattr(module, name):
            current = getattr(module, name)
            monkeypatch.setattr(module, name, getattr(current, "__wrapped__", current))


def _build(make_app, root: Path, parsers: list[tuple[str, int]] | None = None):
    """Build PAGES; with ``parsers``, each page's (name, id of its markdown-it parser)."""

    def probe(md):
        def record(state):
            document = compat.myst.document_of(state.md)
            if parsers is not None and document is not None:
                parsers.append((Path(document["source"]).stem, id(state.md)))

        md.core.ruler.push("probe_parser", record)

    write_tree(root, {"conf.py": CONF, **PAGES})
    compat.myst.add_parser_plugin(probe)
    try:
        app = make_app("html", srcdir=root)
        app.build()
    finally:
        compat.myst._PLUGINS.remove(probe)
    return app


def _pages(app) -> dict[str, tuple[str, str]]:
    """Each page's HTML and doctree (its source path relative to the site)."""
    return {
        name: (
            (Path(app.outdir) / f"{name}.html").read_text(encoding="utf-8"),
            app.env.get_doctree(name).pformat().replace(str(app.srcdir), "SITE"),
        )
        for name in sorted(app.env.found_docs)
    }


def test_pages_read_with_kept_settings_and_parsers_are_the_pages_read_without(
    make_app, tmp_path, monkeypatch
):
    compat.reading.patch_reading()
    kept = _build(make_app, tmp_path / "kept")
    with monkeypatch.context() as undone:
        _without_reading_patches(undone)
        fresh = _build(make_app, tmp_path / "fresh")
    assert _pages(kept) == _pages(fresh)
    c, d = _pages(kept)["c"][0], _pages(kept)["d"][0]
    assert "<dl" in c and "<dl" not in d  # the page's own file-level config, then the site's
    # each page records only the files it read itself
    for app in (kept, fresh):
        recorded = {name: deps for name, deps in app.env.dependencies.items() if deps}
        assert {name: {Path(dep).name for dep in deps} for name, deps in recorded.items()} == {
            "a": {"part.md"}
        }


def test_a_parser_is_kept_for_pages_of_the_same_config(make_app, tmp_path):
    compat.reading.patch_reading()
    parsers: list[tuple[str, int]] = []
    _build(make_app, tmp_path, parsers)
    used = dict(parsers)
    assert sorted(used) == ["a", "b", "c", "d", "index", "part"]  # read in name order
    assert used["a"] == used["part"] == used["b"]  # an include renders with its page's parser
    assert used["d"] == used["index"]
    assert used["c"] not in {used["a"], used["d"]}  # its own config, its own parser


def test_a_page_read_while_a_page_renders_gets_its_own_parser(make_app, tmp_path):
    """A nested read (a page rendered from inside another page's rendering) must not reuse
    the parser that is rendering; the kept parser serves the next page again."""
    compat.reading.patch_reading()
    nested: list[tuple[int, int]] = []

    def reads_inside(md):
        def record(state):
            if compat.myst.document_of(state.md) is not None and not nested:
                config = state.md.options["myst_config"]
                inner = myst_sphinx_parser.create_md_parser(config, SphinxRenderer)
                nested.append((id(state.md), id(inner)))

        md.core.ruler.push("probe_nested", record)

    compat.myst.add_parser_plugin(reads_inside)
    assert compat.myst.parser_plugins()[-1] is reads_inside  # a parser kept before lacks it
    try:
        parsers: list[tuple[str, int]] = []
        _build(make_app, tmp_path, parsers)
    finally:
        compat.myst._PLUGINS.remove(reads_inside)
    ((outer, inner),) = nested
    assert outer != inner
    assert dict(parsers)["a"] == outer == dict(parsers)["b"]


@pytest.mark.skipif(not HAS_SETTINGS, reason="Sphinx 8.0 reads every page with one settings")
def test_docutils_settings_are_read_once_for_all_pages(make_app, tmp_path, monkeypatch):
    built: list[int] = []
    own = frontend.OptionParser.__init__

    def counting(self, *args, **kwargs):
        built.append(1)
        own(self, *args, **kwargs)

    compat.reading.patch_reading()
    monkeypatch.setattr(frontend.OptionParser, "__init__", counting)
    _build(make_app, tmp_path / "kept")
    kept = len(built)
    built.clear()
    with monkeypatch.context() as undone:
        _without_reading_patches(undone)
        _build(make_app, tmp_path / "fresh")
    # five pages read: the settings read once, not five times, and no option parser at all
    # for the documents MyST throws away (the builder's own two settings are left alone)
    assert kept <= 4 and len(built) - kept >= 2 * (5 - 1)


class CountingRelations(dict):
    """``env.files_to_rebuild``, counting the scans of it (module level: the env is pickled)."""

    scans = 0

    def items(self):
        CountingRelations.scans += 1
        return super().items()


TOC_PAGES = {
    "conf.py": "",
    "index.rst": "Home\n====\n\n.. toctree::\n\n   a\n   b\n",
    "a.rst": "A\n=\n\nText.\n",
    "b.rst": "B\n=\n\n.. toctree::\n\n   c\n   d\n",
    "c.rst": "C\n=\n\nText.\n",
    "d.rst": "D\n=\n\nText.\n",
}


def _relations(make_app, root: Path, fast: bool) -> list[tuple[dict, dict, int]]:
    """env.files_to_rebuild, env.toctree_includes and the scans, after a full build and after
    ``b`` drops ``c`` from its toctree and ``d`` is deleted."""
    states = []
    write_tree(root, TOC_PAGES)
    for _ in range(2):
        app = make_app("html", srcdir=root)
        if fast:
            compat.reading.purge_toctree_relations_of_toctree_pages_only(app)
        app.env.files_to_rebuild = CountingRelations(app.env.files_to_rebuild)
        CountingRelations.scans = 0
        app.build()
        relations = {name: set(parents) for name, parents in app.env.files_to_rebuild.items()}
        states.append((relations, dict(app.env.toctree_includes), CountingRelations.scans))
        (root / "b.rst").write_text("B\n=\n\n.. toctree::\n\n   d\n", encoding="utf-8")
        (root / "a.rst").write_text("A\n=\n\nNew text.\n", encoding="utf-8")
    return states


def test_a_page_without_toctrees_is_purged_without_scanning_every_relation(make_app, tmp_path):
    fast = _relations(make_app, tmp_path / "fast", fast=True)
    sphinx = _relations(make_app, tmp_path / "sphinx", fast=False)
    assert [state[:2] for state in fast] == [state[:2] for state in sphinx]
    assert fast[1][0] == {"a": {"index"}, "b": {"index"}, "d": {"b"}}  # c left b's toctree
    # Sphinx scans the relations for every page read (5, then a and b); left: b's, which has a
    # toctree (the other scans, the same in both, are the environment pickled and read here)
    scans = [(sphinx_state[2] - fast_state[2]) for sphinx_state, fast_state in zip(sphinx, fast)]
    assert scans == [5, 1]
