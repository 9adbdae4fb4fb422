"""The internals of Sphinx, docutils, MyST and sphinx-design the package relies on
(``sphinx_comparisons/compat/``) are still there and behave as assumed on the installed
versions, and no module outside ``compat`` reaches for one itself.

Each test uses a compat function the way the package does and checks what a reader would
see, so an upgrade that moves an internal fails here, in one place.
"""

from __future__ import annotations

import ast
import inspect
import re
from pathlib import Path
from unittest import mock

import pytest
from bs4 import BeautifulSoup
from docutils import nodes
from docutils.core import publish_doctree, publish_parts
from docutils.parsers.rst import directives, languages
from docutils.parsers.rst.directives.misc import Raw
from docutils.utils import new_document
from docutils.writers import html5_polyglot
from sphinx import addnodes
from sphinx.directives.other import Include
from sphinx.environment.adapters.toctree import TocTree
from sphinx.transforms import SphinxTransform
from sphinx.util.docutils import SphinxDirective

from conftest import NOT_IN_TOCTREE, app_warnings, soup, write_tree
from sphinx_comparisons import compat

MODULES = (
    compat.sphinx,
    compat.myst,
    compat.design,
    compat.docutils,
    compat.toctrees,
    compat.reading,
    compat.search,
)
CHECKED = "Checked against: Sphinx 8.0–9.0, myst-parser 4.0–5.2, sphinx-design 0.6–0.8"


def _public(module) -> dict[str, object]:
    return {
        name: value
        for name, value in vars(module).items()
        if not name.startswith("_")
        and (inspect.isfunction(value) or inspect.isclass(value))
        and value.__module__ == module.__name__
    }


# -- the inventory ------------------------------------------------------------------------------


@pytest.mark.parametrize("module", MODULES, ids=lambda module: module.__name__)
def test_each_compat_function_says_what_it_relies_on(module):
    for name, value in _public(module).items():
        doc = " ".join((value.__doc__ or "").split())
        if "Relies on:" in doc:
            assert CHECKED in doc, name
            assert "No public API" in doc or "Public API" in doc, name
        else:
            assert ":func:" in doc or ":class:" in doc, (
                f"{name} says neither what it relies on nor who does"
            )


def test_each_compat_function_is_checked_here():
    here = Path(__file__).parent
    text = "".join(p.read_text(encoding="utf-8") for p in sorted(here.glob("test_compat*.py")))
    for module in MODULES:
        short = module.__name__.rpartition(".")[2]
        missing = [name for name in _public(module) if f"compat.{short}.{name}" not in text]
        assert not missing, f"compat.{short}: no test uses {missing}"


# -- no module outside compat touches an internal -----------------------------------------------

PACKAGE = Path(compat.__file__).resolve().parent.parent
#: Attributes of the build environment that are Sphinx's internals.
ENV_INTERNALS = {
    "temp_data",
    "current_document",
    "titles",
    "tocs",
    "toc_num_entries",
    "metadata",
    "app",
}
#: Attribute names whose use is an internal wherever it is (on builders, configs, MyST objects).
INTERNAL_ATTRIBUTES = {
    "indexer_format",
    "searchindex_filename",
    "current_docname",
    "standard_include_path",
}
#: Methods of Sphinx and MyST objects that only a patch would assign.
PATCHED = {
    "get_target_uri",
    "get_output_path",
    "get_outfilename",
    "render_link_unknown",
    "create_md_parser",
    "validateLink",
}
#: Node attributes and item keys that are MyST's, sphinx-design's or Sphinx's layout.
INTERNAL_KEYS = {
    "design_component",
    "sync_id",
    "sync_group",
    "id_link",
    "reftargetid",
    "anchorname",
}
_SD_CLASS = re.compile(r"\bsd-[a-z]")
_MUTATORS = {
    "add",
    "discard",
    "remove",
    "update",
    "difference_update",
    "intersection_update",
    "clear",
    "pop",
    "symmetric_difference_update",
}
_FOREIGN = ("sphinx", "docutils", "myst_parser", "sphinx_design")

#: Known uses outside compat, each with who removes it (none left).
ALLOWED: dict[tuple[str, str], str] = {}


def _docstrings(tree: ast.Module) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def _foreign_names(tree: ast.Module) -> set[str]:
    """Names bound to modules or objects of Sphinx, docutils, MyST or sphinx-design."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {
                (a.asname or a.name).split(".")[0]
                for a in node.names
                if a.name.startswith(_FOREIGN)
            }
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith(_FOREIGN):
            names |= {a.asname or a.name for a in node.names}
    return names


def _ends_in_env(node: ast.expr) -> bool:
    return (isinstance(node, ast.Name) and node.id == "env") or (
        isinstance(node, ast.Attribute) and node.attr == "env"
    )


def _findings(tree: ast.Module) -> set[str]:
    docstrings, foreign, found = _docstrings(tree), _foreign_names(tree), set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute):
            owner = node.value
            if (
                node.attr.startswith("_")
                and not node.attr.startswith("__")
                and not (isinstance(owner, ast.Name) and owner.id in {"self", "cls"})
            ):
                found.add(f"private attribute .{node.attr}")
            if node.attr in ENV_INTERNALS and _ends_in_env(owner):
                found.add(f"env.{node.attr}")
            if node.attr in INTERNAL_ATTRIBUTES:
                found.add(f".{node.attr}")
            if node.attr == "found_docs" and isinstance(node.ctx, ast.Load):
                parent_call = getattr(node, "parent", None)
                if isinstance(parent_call, ast.Attribute) and parent_call.attr in _MUTATORS:
                    found.add("found_docs mutated")
        elif isinstance(node, (ast.Assign, ast.AugAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                if isinstance(target, ast.Attribute) and (
                    target.attr in PATCHED
                    or (isinstance(target.value, ast.Name) and target.value.id in foreign)
                ):
                    found.add(f"assigns .{target.attr}")
                if isinstance(target, ast.Attribute) and target.attr == "found_docs":
                    found.add("found_docs mutated")
        elif isinstance(node, (ast.Tuple, ast.List)):
            if any(
                isinstance(item, ast.Attribute) and item.attr == "found_docs" for item in node.elts
            ):
                found.add(
                    "found_docs mutated"
                )  # ``for documents in (env.found_docs, ...): documents.update``
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in {"getattr", "setattr", "hasattr", "delattr"}
        ):
            name = node.args[1] if len(node.args) > 1 else None
            if isinstance(name, ast.Constant) and isinstance(name.value, str):
                if name.value.startswith("_") and not name.value.startswith("__"):
                    found.add(f"{node.func.id} {name.value}")
                if node.func.id != "getattr" and name.value in PATCHED:
                    found.add(f"{node.func.id} {name.value}")
        elif (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in docstrings
        ):
            if node.value in INTERNAL_KEYS:
                found.add(f"key {node.value!r}")
            if _SD_CLASS.search(node.value):
                found.add("sphinx-design class names")
    return found


def _parse(text: str) -> ast.Module:
    tree = ast.parse(text)
    for node in ast.walk(tree):
        for child in ast.iter_child_nodes(node):
            child.parent = node  # type: ignore[attr-defined]
    return tree


def test_no_module_outside_compat_uses_an_internal():
    found = set()
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE).as_posix()
        if relative.startswith("compat/"):
            continue
        found |= {
            (relative, finding) for finding in _findings(_parse(path.read_text(encoding="utf-8")))
        }
    assert found - set(ALLOWED) == set()
    assert set(ALLOWED) - found == set(), "an allowed use is gone: take it off ALLOWED"


def test_the_scan_finds_what_it_looks_for():
    code = (
        "from sphinx.builders import html\n"
        "x = env.temp_data\ny = state._renderer\nbuilder.get_target_uri = f\nhtml.X = 1\n"
        "env.found_docs.difference_update(d)\nfor s in (env.found_docs, a): pass\n"
        "n['sync_id'] = 1\nc = 'sd-card'\ngetattr(conf, '_raw_config')\n"
    )
    assert _findings(_parse(code)) == {
        "env.temp_data",
        "private attribute ._renderer",
        "assigns .get_target_uri",
        "assigns .X",
        "found_docs mutated",
        "key 'sync_id'",
        "sphinx-design class names",
        "getattr _raw_config",
    }


# -- Sphinx -------------------------------------------------------------------------------------

PAGES = {
    "index.rst": "Home\n====\n\n.. toctree::\n\n   other\n",
    "other.rst": "Other\n=====\n\nzebra\n",
}


def _app(
    make_app, root: Path, files: dict[str, str], builder: str = "html", conf: str = "", **kwargs
):
    write_tree(root, {"conf.py": conf, **files})
    return make_app(builder, srcdir=root, **kwargs)


@pytest.mark.parametrize("builder", ["html", "dirhtml"])
def test_route_pages_moves_a_page_and_every_link_to_it(make_app, tmp_path, builder):
    app = _app(make_app, tmp_path, PAGES, builder)
    outdir = Path(app.outdir)
    moved = outdir / "moved" / "here.html"
    compat.sphinx.route_pages(
        app.builder,
        lambda d: "moved/here.html" if d == "other" else None,
        lambda d: moved if d == "other" else None,
    )
    app.build()
    assert moved.is_file() and "zebra" in moved.read_text(encoding="utf-8")
    assert not (outdir / "other.html").exists() and not (outdir / "other").exists()
    assert soup(outdir / "index.html").select_one('a[href="moved/here.html"]') is not None


def _rst_page(title: str, body: str = "") -> str:
    return f"{title}\n{'=' * (len(title) + 4)}\n\n{body}"


#: Titles of every kind a page's previous, next and parent links show, pages at two depths.
TITLE_PAGES = {
    "index.rst": _rst_page(
        "Home",
        ".. toctree::\n\n   plain\n   marked\n   sub/index\n   math\n   same\n   em\n   code\n",
    ),
    "plain.rst": _rst_page('Plain <&> "quoted"'),
    "marked.rst": _rst_page("*Marked* ``code`` H\\ :sub:`2`\\ O :abbr:`LIFO (last in, first out)`"),
    "sub/index.rst": _rst_page(
        "Linked `site <https://example.org>`_ and :doc:`/plain`",
        ".. toctree::\n\n   deep\n   raw\n",
    ),
    "sub/deep.rst": _rst_page("Deep |logo| end", ".. |logo| image:: /logo.png\n"),
    "sub/raw.rst": _rst_page("Raw |mark| end", ".. |mark| raw:: html\n\n   <b>bold</b>\n"),
    "math.rst": _rst_page(":math:`x^2` squared"),
    "same.rst": _rst_page('Plain <&> "quoted"'),
    "em.rst": _rst_page("Twin *word*"),  # the same text as the next title, other markup
    "code.rst": _rst_page("Twin ``word``"),
}


@pytest.mark.parametrize("builder", ["html", "dirhtml"])
def test_titles_rendered_once_are_the_titles_sphinx_renders(make_app, tmp_path, builder):
    """Every page is the page Sphinx writes; titles of text and inline markup are rendered
    once, whatever links to them, and the others every time."""
    from sphinx.builders.html import StandaloneHTMLBuilder

    rendered: list[str] = []
    own = StandaloneHTMLBuilder.render_partial

    def counting(self, node):
        rendered.append(node.astext() if isinstance(node, nodes.title) else "")
        return own(self, node)

    def pages(root: Path, once: bool) -> dict[str, str]:
        rendered.clear()
        with mock.patch.object(StandaloneHTMLBuilder, "render_partial", counting):
            app = _app(make_app, root, TITLE_PAGES, builder)
            if once:
                compat.partials.remember_titles(app.builder)
            app.build()
        out = Path(app.outdir)
        return {str(p.relative_to(out)): p.read_text(encoding="utf-8") for p in out.rglob("*.html")}

    remembered = pages(tmp_path / "once", once=True)
    titles = [title for title in rendered if title]
    own_titles = pages(tmp_path / "sphinx", once=False)
    assert remembered == own_titles
    sphinx_titles = [title for title in rendered if title]
    assert len(sphinx_titles) > len(titles)
    # text and inline markup (Sphinx's titles keep a link's or an image's text only): once,
    # also for two pages with the same title
    for once in ("Plain <&> “quoted”", "Linked site and /plain", "Deep  end", "Home"):
        assert titles.count(once) == 1 < sphinx_titles.count(once), once
    # math or raw HTML: as often as Sphinx renders them
    for kept in ("Raw <b>bold</b> end", "x^2 squared"):
        assert titles.count(kept) == sphinx_titles.count(kept) > 1, kept


STEM_PAGES = {
    "index.rst": "Home\n====\n\n.. toctree::\n\n   a\n   b\n\nRunning runners ran.\n",
    "a.rst": "A\n=\n\nRunning runners stemming.\n",
    "b.rst": "B\n=\n\nRunning queries stemming.\n",
}


@pytest.mark.parametrize("kept", [compat.search.STEMS_KEPT, 0])
def test_the_search_index_stems_each_word_once_per_build(make_app, tmp_path, monkeypatch, kept):
    """The index is the one Sphinx writes; each word is stemmed once (none remembered: as
    often as Sphinx stems them, once per page)."""
    from sphinx.search.en import SearchEnglish

    stemmed: list[str] = []
    own = SearchEnglish.stem

    def counting(self, word):
        stemmed.append(word)
        return own(self, word)

    monkeypatch.setattr(SearchEnglish, "stem", counting)
    monkeypatch.setattr(compat.search, "STEMS_KEPT", kept)

    def index(root: Path, once: bool) -> str:
        app = _app(make_app, root, STEM_PAGES)
        if once:
            app.connect("doctree-resolved", lambda app, *_: compat.search.stem_once(app.builder))
        app.build()
        return (Path(app.outdir) / "searchindex.js").read_text(encoding="utf-8")

    remembered = index(tmp_path / "once", once=True)
    words, stemmed[:] = list(stemmed), []
    assert remembered == index(tmp_path / "sphinx", once=False)
    assert "Running" in words and len(stemmed) > len(set(stemmed))
    assert sorted(words) == (sorted(set(words)) if kept else sorted(stemmed))


def test_search_index_loads_and_saves_what_search_links_to(make_app, tmp_path):
    app = _app(make_app, tmp_path, PAGES)
    app.build()
    index = compat.search.load_search_index(app.builder)
    assert sorted(index["docnames"]) == ["index", "other"]
    index["docnames"] = ["index", "moved/here"]
    compat.search.save_search_index(app.builder, index)
    assert compat.search.load_search_index(app.builder)["docnames"] == ["index", "moved/here"]
    script = Path(app.outdir, "_static", "searchtools.js").read_text(encoding="utf-8")
    written = Path(app.outdir, "searchindex.js").read_text(encoding="utf-8")
    assert written.startswith("Search.setIndex(") and "setIndex" in script and "docnames" in script


def test_given_in_conf_tells_a_choice_from_a_default(make_app, tmp_path):
    app = _app(
        make_app,
        tmp_path,
        PAGES,
        conf='root_doc = "index"\n',
        confoverrides={"html_short_title": "T"},
    )
    assert compat.sphinx.given_in_conf(
        app.config, ["root_doc"]
    )  # equal to the default, yet written
    assert compat.sphinx.given_in_conf(
        app.config, ["master_doc", "html_short_title"]
    )  # given with -D
    assert not compat.sphinx.given_in_conf(app.config, ["master_doc", "html_baseurl"])


def test_sphinx_designs_static_folder_is_claimed_once_before_sphinx_design_adds_it(tmp_path):
    """``compat.design.claim_static_path`` (config-inited) adds the folder sphinx-design adds
    at builder-inited, once; ``compat.design.drop_repeated_static_path`` then keeps one of
    each. A CLI rebuild reading one page: tests/test_build.py."""
    from types import SimpleNamespace

    config = SimpleNamespace(html_static_path=["mine"])
    app = SimpleNamespace(outdir=str(tmp_path), config=config)
    compat.design.claim_static_path(app, config)
    compat.design.claim_static_path(app, config)
    assert len(config.html_static_path) == 2 and config.html_static_path[0] == "mine"
    claimed = config.html_static_path[1]
    assert Path(claimed).is_dir() or Path(claimed).parent == tmp_path  # 0.7+: its package's
    config.html_static_path.append(claimed)  # what sphinx-design does at builder-inited
    compat.design.drop_repeated_static_path(app)
    assert config.html_static_path == ["mine", claimed]


def test_reload_translations_gives_sphinx_the_words_of_a_language_set_late(make_app, tmp_path):
    from sphinx.locale import _

    app = _app(make_app, tmp_path, PAGES)
    assert app.config.language == "en" and _("Search") == "Search"
    app.config.language = "fr"
    compat.sphinx.reload_translations(app)
    assert _("Search") == "Recherche"


def test_keep_quotes_leaves_the_front_matter_title_to_smart_quotes(make_app, tmp_path):
    """compat.sphinx.keep_quotes on the title Hugo prints as written; the body's quotes are
    still Goldmark's typographer's."""
    page = '---\ntitle: It\'s "plain"\n---\n\nIt\'s "curly".\n'
    app = _app(
        make_app,
        tmp_path,
        {"_index.md": page},
        conf='extensions = ["sphinx_comparisons"]\n',
    )
    app.build()
    html = soup(Path(app.outdir) / "index.html")
    assert html.select_one("h1").get_text().rstrip("¶") == 'It\'s "plain"'
    assert "It’s “curly”." in html.select_one("div.body").get_text()


def test_leave_build_takes_pages_out_before_reading(make_app, tmp_path):
    files = {
        "index.rst": "Home\n====\n\n.. toctree::\n   :glob:\n\n   *\n",
        "kept.rst": "Kept\n====\n",
        "gone.rst": "Gone\n====\n",
    }
    first = _app(make_app, tmp_path, files)
    first.build()
    assert "gone" in first.env.all_docs
    write_tree(tmp_path, {"new.rst": "New\n===\n"})
    second = make_app("html", srcdir=tmp_path)

    def leave(app, env, added, changed, removed):
        compat.sphinx.drop_documents(env, {"gone", "new"}, added, changed, removed)
        return []

    second.connect("env-get-outdated", leave)
    second.build()
    assert {"gone", "new"}.isdisjoint(second.env.all_docs)
    assert {"gone", "new"}.isdisjoint(second.env.found_docs)
    assert "kept" in second.env.all_docs
    assert not Path(second.outdir, "new.html").exists()


TOC_PAGES = {
    "index.rst": "Home\n====\n\n.. toctree::\n   :maxdepth: 3\n\n   other\n",
    "other.rst": (
        "A long title\n============\n\nSection A\n---------\n\n"
        ".. rubric:: Extra\n   :name: extra\n\nText.\n"
    ),
}


def test_titles_and_tables_of_contents_can_be_edited_after_the_collectors(make_app, tmp_path):
    app = _app(make_app, tmp_path, TOC_PAGES)
    seen = {}

    def edit(app, doctree):
        env = app.env
        if env.docname != "other":
            return
        items = compat.sphinx.toc_items(env, "other")
        sections = list(doctree.findall(nodes.section))
        seen["anchors"] = (
            sorted(items),
            [compat.sphinx.toc_anchor(section) for section in sections],
        )
        rubric = next(doctree.findall(nodes.rubric))
        before = env.toc_num_entries["other"]
        entry = compat.sphinx.toc_item(rubric, "other", "#" + rubric["ids"][0])
        compat.sphinx.nest_toc_items(env, "other", items["#section-a"], [entry], 1)
        seen["count"] = env.toc_num_entries["other"] - before
        compat.sphinx.set_nav_title(env, "other", "Short")

    app.connect("doctree-read", edit, priority=600)
    app.build()
    assert seen == {"anchors": (["", "#section-a"], ["", "#section-a"]), "count": 1}
    assert compat.sphinx.title_of(app.env, "other") == "Short"
    assert compat.sphinx.title_of(app.env, "nowhere") is None
    index = soup(Path(app.outdir, "index.html"))
    assert index.select_one('.toctree-wrapper a[href="other.html"]').get_text() == "Short"
    assert index.select_one('.toctree-wrapper a[href="other.html#extra"]').get_text() == "Extra"


def test_metadata_and_orphans_reach_templates_and_the_toctree_check(make_app, tmp_path):
    app = _app(
        make_app,
        tmp_path,
        {
            "index.rst": "Home\n====\n",
            "lonely.rst": "Lonely\n======\n",
            "typed.rst": "Typed\n=====\n",
        },
    )

    class AddMetadata(SphinxTransform):
        default_priority = 500

        def apply(self, **kwargs):
            if self.env.docname == "typed":
                compat.sphinx.add_metadata(self.env, "typed", {"weight": 3, "draft": False})

    def orphans(app, env):
        compat.sphinx.set_orphan(env, "lonely", True)
        compat.sphinx.set_orphan(env, "typed", True)
        compat.sphinx.set_orphan(env, "typed", False)
        return []

    meta = {}
    app.add_transform(AddMetadata)
    app.connect("env-updated", orphans)
    app.connect(
        "html-page-context",
        lambda app, page, template, context, doctree: meta.update({page: context.get("meta")}),
    )
    app.build()
    assert meta["typed"]["weight"] == 3 and meta["typed"]["draft"] is False
    assert compat.sphinx.is_orphan(app.env, "lonely") and not compat.sphinx.is_orphan(
        app.env, "typed"
    )
    unreached = [w for w in app_warnings(app) if NOT_IN_TOCTREE in w]
    assert len(unreached) == 1 and "typed" in unreached[0]


class probe_node(nodes.Element):
    """Marks where a test's visitor runs."""


def test_page_data_lives_while_one_page_is_read(make_app, tmp_path):
    app = _app(make_app, tmp_path, PAGES)
    seen = []

    def on_source_read(app, docname, source):
        data = compat.sphinx.document_data(app.env)
        seen.append(("read", docname, data.get("probe")))
        data["probe"] = docname

    class Probe(SphinxTransform):
        default_priority = 500

        def apply(self, **kwargs):
            seen.append(
                ("transform", self.env.docname, compat.sphinx.document_data(self.env).get("probe"))
            )
            self.document += probe_node()

    written = []
    app.connect("source-read", on_source_read)
    app.add_transform(Probe)
    app.add_node(
        probe_node,
        html=(lambda t, n: written.append(compat.sphinx.writing_docname(t)), lambda t, n: None),
    )
    app.build()
    assert sorted(seen) == [
        ("read", "index", None),
        ("read", "other", None),
        ("transform", "index", "index"),
        ("transform", "other", "other"),
    ]
    assert sorted(written) == ["index", "other"]
    if hasattr(app.env, "current_document"):  # the public API, where Sphinx has it
        assert compat.sphinx.document_data(app.env) is app.env.current_document


#: A builder must come from an extension: Sphinx looks it up before it runs conf.py's setup.
TRANSLATING = """\
from sphinx.builders.dirhtml import DirectoryHTMLBuilder
from sphinx_comparisons import compat


class Translating(DirectoryHTMLBuilder):
    name = "probe-translate"

    def write_doc(self, docname, doctree):
        compat.sphinx.translate_page(self, docname, doctree)


def setup(app):
    app.add_builder(Translating)
"""


def test_translate_page_translates_as_the_html_builder_and_writes_nothing(
    make_app, tmp_path, monkeypatch
):
    index = (
        "Home\n====\n\n.. toctree::\n   :numbered:\n\n   other\n\n"
        ".. figure:: missing.png\n\n   A caption\n\n.. code-block:: nosuchlang\n\n   x\n"
    )
    conf = 'extensions = ["probe_translate"]\nnumfig = True\n'
    write_tree(tmp_path, {"probe_translate.py": TRANSLATING})
    monkeypatch.syspath_prepend(str(tmp_path))
    app = _app(make_app, tmp_path, {**PAGES, "index.rst": index}, "probe-translate", conf=conf)
    app.build()
    logged = app_warnings(app)
    assert [w for w in logged if "nosuchlang" in w], logged  # the translator ran: it highlights
    assert not Path(app.outdir, "index.html").exists()


def test_hidden_toctree_is_one_the_toctree_directive_would_make(make_app, tmp_path):
    sidebar = (
        'html_sidebars = {"**": ["globaltoc.html"]}\n'
        'html_theme_options = {"globaltoc_includehidden": True}\n'
    )
    app = _app(
        make_app,
        tmp_path,
        {
            "index.rst": "Home\n====\n\n.. toctree::\n   :hidden:\n\n   a\n",
            "a.rst": "A\n=\n",
            "b.rst": "B\n=\n",
        },
        conf=sidebar,
    )

    class Inject(SphinxTransform):
        default_priority = 300

        def apply(self, **kwargs):
            if self.env.docname == "index":
                self.document[0] += compat.sphinx.hidden_toctree(
                    "index", [("Bee", "b")], ["b"], "More"
                )

    app.add_transform(Inject)
    app.build()
    theirs, ours = app.env.get_doctree("index").findall(addnodes.toctree)
    common = {"ids", "classes", "names", "dupnames", "backrefs"}
    translated = {
        "rawentries",
        "rawcaption",
    }  # kept by Sphinx's i18n transform (priority 10), before ours
    assert set(theirs.attributes) - common - translated <= set(ours.attributes)
    assert app.env.toctree_includes["index"] == ["a", "b"]
    assert not [w for w in app_warnings(app) if NOT_IN_TOCTREE in w]
    navigation = soup(Path(app.outdir, "a.html"))
    assert navigation.select_one('li.toctree-l1 a[href="b.html"]').get_text() == "Bee"
    assert "More" in [caption.get_text(strip=True) for caption in navigation.select("p.caption")]


# -- docutils -----------------------------------------------------------------------------------

QUIET = {"report_level": 5, "raw_enabled": True, "file_insertion_enabled": True}


def test_file_option_path_is_where_raw_reads_its_file(tmp_path, monkeypatch):
    write_tree(
        tmp_path,
        {
            "page.rst": ".. include:: inc/part.rst\n",
            "inc/part.rst": ".. raw:: html\n   :file: x.html\n",
            "inc/x.html": "<b>inner</b>",
            "x.html": "<b>decoy</b>",
        },
    )
    seen = []

    class Probe(Raw):
        def run(self):
            seen.append(compat.docutils.file_option_path(self.state.document, self.options["file"]))
            return super().run()

    monkeypatch.setitem(directives._directives, "raw", Probe)
    page = tmp_path / "page.rst"
    parts = publish_parts(
        page.read_text(),
        source_path=str(page),
        writer=html5_polyglot.Writer(),
        settings_overrides=QUIET,
    )
    html = parts["body"]
    assert "<b>inner</b>" in html and "decoy" not in html
    assert Path(seen[0]).resolve() == (tmp_path / "inc" / "x.html").resolve()


def test_standard_include_folder_holds_the_standard_includes():
    assert Path(compat.docutils.standard_include_folder(), "isonum.txt").is_file()


def test_translated_directive_names_are_the_ones_docutils_reads():
    names = compat.docutils.translated_directive_names("de")
    assert names["einfügen"] == "include"
    found, _ = directives.directive("einfügen", languages.get_language("de"), new_document("page"))
    assert found.__name__ == "Include"


def test_add_to_start_tag_reaches_the_tag_visit_entry_wrote():
    class Translator(html5_polyglot.HTMLTranslator):
        def visit_entry(self, node):
            super().visit_entry(node)
            assert compat.docutils.add_to_start_tag(self, scope="col")

    writer = html5_polyglot.Writer()
    writer.translator_class = Translator
    table = ".. table::\n   :widths: auto\n\n   =  =\n   a  b\n   =  =\n   1  2\n   =  =\n"
    html = publish_parts(table, writer=writer, settings_overrides=QUIET)["body"]
    assert '<th scope="col" class="head">' in html and '<td scope="col">' in html


def test_located_meta_gives_each_tag_its_line(monkeypatch):
    monkeypatch.setitem(directives._directives, "meta", compat.docutils.LocatedMeta)
    doctree = publish_doctree(
        "Title\n=====\n\n.. meta::\n   :description: d\n   :keywords: k\n",
        source_path="page.rst",
        settings_overrides=QUIET,
    )
    assert [(tag["name"], tag.line) for tag in doctree.findall(nodes.meta)] == [
        ("description", 5),
        ("keywords", 6),
    ]
    assert compat.docutils.LocatedMeta.SMkwargs["state_classes"] == (compat.docutils.MetaBody,)


# -- MyST and sphinx-design ---------------------------------------------------------------------

MYST_CONF = (
    'extensions = ["myst_parser", "sphinx_design"]\n'
    'myst_enable_extensions = ["colon_fence", "strikethrough", "tasklist"]\n'
    'exclude_patterns = ["part.md"]\n'
)
MYST_PAGES = {
    "index.md": (
        "# Home\n\n```{toctree}\nother\nrst\ngrid\n```\n\n"
        "```{probe-render}\n```\n\n{probe-role}`x`\n\n"
        "line one\\\nline two ~~gone~~ <span>own</span>\n\n- [ ] open\n- [x] done\n\n"
        "[to other](other.md#sec) [nowhere](/nowhere/) [here](#home) [js](javascript:alert(1)) "
        f"[long]({'a' * 300}.md)\n\n```{{probe-include}} part.md\n```\n"
    ),
    "part.md": "[included](https://example.org/)\n",
    "other.md": "# Other\n\n## Sec\n",
    "rst.rst": "Rst\n===\n\n.. probe-render::\n",
    "grid.md": (
        "# Grid\n\n::::{grid} 1 2 2 2\n:gutter: 2\n\n"
        ":::{grid-item-card} Title\n:link: https://example.com\n:shadow: sm\n\nText\n:::\n::::\n"
    ),
}
TABS = (
    "````{tab-set}\n```{tab-item} A\n:sync: k\n\nalpha\n```\n"
    "```{tab-item} B\n:sync: k\n\nbeta\n```\n````"
)
RESULTS: dict[str, list] = {}


class ProbeRender(SphinxDirective):
    """Renders tabs and a card through the compat functions, as the shortcode handlers do."""

    def run(self):
        renderer = compat.myst.renderer_of(self.state)
        RESULTS["renderers"].append((self.env.docname, renderer is not None))
        if renderer is None:
            return []
        holder = nodes.container()
        compat.myst.render_into(renderer, holder, TABS, self.lineno + 1, inline=False)
        labels = compat.design.synced_tab_labels(holder[0])
        RESULTS["keys"] = [key for _, key in labels]
        RESULTS["label"] = [n.astext() for n in compat.design.tab_label_children(holder[0][0])]
        compat.design.unsync(labels[0][0])
        alone = compat.design.component("tab-set")  # a tab item rendered without its set
        compat.myst.render_into(
            renderer, alone, "```{tab-item} C\n\ngamma\n```", self.lineno + 1, inline=False
        )
        holder[0].extend(alone.children)
        compat.myst.render_into(
            renderer, holder, "```{card} Card\nbody\n```", self.lineno + 1, inline=False
        )
        card = next(node for node in holder.children if compat.design.is_card(node))
        compat.design.add_card_footer(card, [nodes.Text("foot")])
        compat.design.add_card_header(card, [nodes.Text("head")])
        with compat.myst.without_roles(renderer):
            plain, _ = self.state.inline_text("{abbr}`A (b)` *x*", self.lineno)
        roles, _ = self.state.inline_text("{abbr}`A (b)` *x*", self.lineno)
        RESULTS["inline"] = ["".join(node.astext() for node in parsed) for parsed in (plain, roles)]
        return list(holder.children)


def probe_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    RESULTS["renderers"].append(("role", compat.myst.renderer_of(inliner) is not None))
    return [nodes.Text(text)], []


class ProbeInclude(SphinxDirective):
    required_arguments = 1
    option_spec = Include.option_spec

    def run(self):
        return compat.myst.run_include(compat.myst.renderer_of(self.state), self, Include)


class ProbeLinks(SphinxTransform):
    default_priority = 400  # where the package resolves links: before MyST's transforms

    def apply(self, **kwargs):
        if self.env.docname != "index":
            return
        RESULTS["links"] = [
            (compat.myst.link_kind(node), node.get("reftarget"), compat.myst.page_link_anchor(node))
            for node in self.document.findall(addnodes.pending_xref)
        ]
        RESULTS["same_page"] = [
            r["refuri"]
            for r in self.document.findall(nodes.reference)
            if compat.myst.is_same_page_link(r)
        ]
        RESULTS["raw"] = [
            (raw.astext(), compat.myst.is_myst_markup(raw.astext()))
            for raw in self.document.findall(nodes.raw)
            if raw.get("format") == "html"
        ]


@pytest.fixture
def myst_build(make_app, tmp_path):
    RESULTS.clear()
    RESULTS["renderers"] = []
    compat.myst.patch_myst()
    app = _app(make_app, tmp_path, MYST_PAGES, conf=MYST_CONF)
    app.add_directive("probe-render", ProbeRender)
    app.add_directive("probe-include", ProbeInclude)
    app.add_role("probe-role", probe_role)
    app.add_transform(ProbeLinks)
    app.build()
    return app


def test_myst_s_default_documents_read_docutils_defaults_once(monkeypatch):
    """Each document MyST's renderer makes has docutils' defaults, its own copy; docutils'
    option parser is built once per parser class, not for every page."""
    from docutils import frontend
    from docutils.parsers.rst import Parser
    from myst_parser.mdit_to_docutils import base

    compat.reading.patch_reading()
    base.make_document()  # the defaults read, whenever the first page was
    built = []
    own = frontend.OptionParser.__init__

    def counting(self, *args, **kwargs):
        built.append(1)
        own(self, *args, **kwargs)

    monkeypatch.setattr(frontend.OptionParser, "__init__", counting)
    first, second = base.make_document("a.md"), base.make_document()
    assert built == []
    assert first.settings is not second.settings
    first.settings.report_level = 5
    assert second.settings.report_level != 5
    monkeypatch.undo()
    defaults = vars(frontend.get_default_settings(Parser))
    dependencies = defaults.pop("record_dependencies")
    assert vars(second.settings) == {**defaults, "record_dependencies": mock.ANY}
    assert type(second.settings.record_dependencies) is type(dependencies)
    assert first.settings.record_dependencies is not second.settings.record_dependencies
    assert first["source"] == "a.md"


def test_myst_renders_in_place_for_directives_and_roles(myst_build):
    assert sorted(RESULTS["renderers"]) == [("index", True), ("role", True), ("rst", False)]
    plain, roles = RESULTS["inline"]
    assert plain.startswith("{abbr}") and not roles.startswith("{abbr}")
    html = soup(Path(myst_build.outdir, "index.html"))
    assert html.select_one('a[href="https://example.org/"]').get_text() == "included"


def test_myst_links_and_markup_are_what_the_package_resolves(myst_build):
    links = RESULTS["links"]
    assert ("page", "other", "sec") in links
    assert ("unplaced", "/nowhere/", "") in links
    assert (
        "unplaced",
        "javascript:alert(1)",
        "",
    ) in links  # a link, once patch_myst reads every link
    assert RESULTS["same_page"] == ["#home"]
    assert [html for html, ours in RESULTS["raw"] if not ours] == ["<span>", "</span>"]
    assert (
        len([html for html, ours in RESULTS["raw"] if ours]) == 5
    )  # a break, strikethrough, two boxes


def test_external_link_urls_reach_the_page_as_written(make_app, tmp_path):
    """myst-parser 4.0 stored ``&`` in a link's URL as ``&amp;``, written ``&amp;amp;``:
    the wrapper of ``render_link_url`` (``compat.myst.patch_myst``) gives the URL back."""
    page = "# T\n\n[q](https://example.com/a?b=1&c=2) [t](https://example.com/?x='1'&y=<z>)\n"
    conf = 'extensions = ["sphinx_comparisons"]\n'
    app = _app(make_app, tmp_path, {"index.md": page}, conf=conf)
    app.build()
    hrefs = [
        a["href"] for a in soup(Path(app.outdir) / "index.html").select("a.reference.external")
    ]
    assert hrefs == ["https://example.com/a?b=1&c=2", "https://example.com/?x='1'&y=%3Cz%3E"]


def test_sphinx_design_components_tabs_and_cards(myst_build):
    assert RESULTS["keys"] == ["k", "k"]
    assert RESULTS["label"] == ["A"]
    assert not [w for w in app_warnings(myst_build) if "tab-item" in w or "tab-set" in w]
    html = soup(Path(myst_build.outdir, "index.html"))
    labels = html.select(".sd-tab-set > label")
    assert [label.get_text(strip=True) for label in labels] == ["A", "B", "C"]
    assert [label.get("data-sync-id") for label in labels] == [None, "k", None]
    assert html.select_one(".sd-card > .sd-card-footer").get_text(strip=True) == "foot"
    assert html.select_one(".sd-card > .sd-card-header:first-child").get_text(strip=True) == "head"


def _card_classes(html: str) -> dict[str, set[str]]:
    page = BeautifulSoup(html, "html.parser")
    chain = [
        "div.sd-container-fluid",
        "div.sd-row",
        "div.sd-col",
        "div.sd-card",
        "div.sd-card-body",
    ]
    body = page.select_one(" > ".join(chain))
    assert body is not None, "the nesting of a card grid changed"
    found = {selector: set(page.select_one(selector)["class"]) for selector in chain}
    found["title"] = set(body.select_one("div.sd-card-title")["class"])
    found["text"] = set(body.select_one("p.sd-card-text")["class"])
    found["link"] = set(page.select_one("a.sd-stretched-link")["class"])
    return found


def test_card_grid_is_the_markup_sphinx_design_writes(myst_build):
    link = compat.design.card_link("https://example.com", "Title", internal=False)
    ours = _card_classes(compat.design.card_grid([(link, ["Text"])], "probe-grid"))
    theirs = _card_classes(Path(myst_build.outdir, "grid.html").read_text(encoding="utf-8"))
    for role, classes in ours.items():
        assert classes - {"probe-grid", "reference", "internal", "external"} <= theirs[role], role


def test_parser_plugins_reach_each_page_parser_its_document_and_its_rules(make_app, tmp_path):
    """A plugin added with ``add_parser_plugin`` runs on each page's parser; from inside a rule
    ``document_of`` finds the page's document; ``guard_rule`` switches a rule per state."""
    seen: list[str] = []

    def plugin(md):
        def probe(state):
            document = compat.myst.document_of(state.md)
            seen.append(Path(document["source"]).name if document is not None else "?")

        md.core.ruler.push("probe_document", probe)
        compat.myst.guard_rule(md, "block", "table", lambda state: "no-table" not in state.src)
        compat.myst.guard_rule(md, "inline2", "strikethrough", lambda state: False)
        compat.myst.guard_rule(md, "block", "no_such_rule", lambda state: False)

    compat.myst.patch_myst()
    compat.myst.add_parser_plugin(plugin)
    try:
        pages = {
            "index.md": "# I\n",
            "a.md": "# A\n\n| x |\n|---|\n| 1 |\n",
            "b.md": "# B\n\nno-table\n\n| x |\n|---|\n| 1 |\n\n~~s~~\n",
        }
        app = _app(make_app, tmp_path, pages, conf=MYST_CONF)
        app.build()
    finally:
        compat.myst._PLUGINS.remove(plugin)
    assert {"a.md", "b.md"} <= set(seen)
    a = (Path(app.outdir) / "a.html").read_text(encoding="utf-8")
    b = (Path(app.outdir) / "b.html").read_text(encoding="utf-8")
    assert "<table" in a and "<table" not in b and "<s>" not in b


def test_a_forgotten_footnote_reference_is_not_numbered_or_resolved():
    """docutils' Footnotes transform reads the document's lists of references, not the tree: a
    reference taken out of the tree and forgotten is not reported."""
    from docutils.frontend import get_default_settings
    from docutils.parsers.rst import Parser
    from docutils.transforms.references import Footnotes
    from docutils.utils import new_document

    document = new_document("test", get_default_settings(Parser))
    document.reporter.report_level = 5
    Parser().parse("One [#a]_ and two [#b]_.\n\n.. [#a] The note.\n", document)
    reference = next(r for r in document.findall(nodes.footnote_reference) if r["refname"] == "b")
    assert reference in document.autofootnote_refs
    reference.parent.replace(reference, nodes.Text("[#b]_"))
    compat.docutils.forget_footnote_reference(document, reference)
    assert reference not in document.autofootnote_refs
    assert reference not in document.footnote_refs.get("b", [])
    document.transformer.add_transforms([Footnotes])
    document.transformer.apply_transforms()
    assert not list(document.findall(nodes.problematic))
    assert len(list(document.findall(nodes.footnote_reference))) == 1


def test_knows_lexer_sees_pygments_sphinx_and_added_lexers(make_app, tmp_path):
    """Sphinx highlights with a lexer an extension added, one of its own names, or Pygments'."""
    from pygments.lexers.special import TextLexer

    assert compat.sphinx.knows_lexer("python")
    assert compat.sphinx.knows_lexer("none")
    assert not compat.sphinx.knows_lexer("mermaid")
    app = _app(make_app, tmp_path, {"index.rst": "Home\n====\n"})
    app.add_lexer("hugo-test-language", TextLexer)
    compat.sphinx.knows_lexer.cache_clear()
    assert compat.sphinx.knows_lexer("hugo-test-language")


# -- toctrees (the navigation cache) -------------------------------------------------------------

NAVIGATION = {
    "index.rst": "Home\n====\n\n.. toctree::\n\n   guide/index\n",
    "guide/index.rst": "Guide\n=====\n\n.. toctree::\n\n   setup\n\nPart\n----\n",
    "guide/setup.rst": ":tocdepth: 1\n\nSetup\n=====\n",
}


@pytest.mark.parametrize("builder", ["html", "dirhtml"])
def test_the_toctree_resolves_for_no_page_with_tokens_and_renders(make_app, tmp_path, builder):
    app = _app(make_app, tmp_path, NAVIGATION, builder)
    app.build()
    tokens: list[str] = []

    def token(docname):
        tokens.append(docname)
        return f"T{len(tokens)}"

    node = compat.toctrees.reference_toctree(
        app.builder, {"collapse": False, "includehidden": False}, token
    )
    assert "get_relative_uri" not in vars(app.builder)  # put back
    assert tokens == ["guide/index", "guide/setup", "guide/index"]
    anchors = [compat.toctrees.link_anchor(ref) for ref in node.findall(nodes.reference)]
    assert anchors == ["", "", "#part"]
    html = compat.toctrees.render_fragment(app.builder, node)
    assert 'href="T1"' in html and 'href="T3#part"' in html and "current" not in html
    target = compat.toctrees.target_uris(app.builder)
    relative = compat.toctrees.relative_uri
    assert relative(target("guide/setup"), target("guide/setup")) == ""
    assert relative(target("guide/setup"), target("index")) == (
        "../../" if builder == "dirhtml" else "../index.html"
    )
    parents = compat.toctrees.toctree_parents(app.env)
    for docname in ("guide/setup", "guide/index", "index"):  # Sphinx's own list, map built once
        assert compat.toctrees.toctree_ancestors(parents, docname) == (
            TocTree(app.env).get_toctree_ancestors(docname)
        )
    assert set(compat.toctrees.toctree_ancestors(parents, "guide/setup")) == {
        "guide/setup",
        "guide/index",
    }
    assert set(compat.toctrees.toctree_ancestors(parents, "index")) == set()
    assert compat.toctrees.sets_tocdepth(app.env, {"guide/setup"})
    assert not compat.toctrees.sets_tocdepth(app.env, {"index", "guide/index"})


def _many_entries() -> dict[str, str]:
    """A root with three toctrees: 40 entries of every kind under a caption, a hidden one, and
    one cut to depth 1; pages with headings, nested toctrees, no title, a missing page."""
    entries = [f"p{n}" for n in range(37)] + ["https://example.com/", "self", "missing"]
    files = {
        "index.rst": "Home\n====\n\n.. toctree::\n   :caption: Docs <b>\n\n"
        + "".join(f"   {entry}\n" for entry in entries)
        + "\n.. toctree::\n   :hidden:\n\n   h0\n   h1\n"
        + "\n.. toctree::\n   :maxdepth: 1\n\n   deep\n",
        "h0.rst": "Hidden 0\n========\n",
        "h1.rst": "Hidden 1\n========\n\nIn it\n-----\n",
        "deep.rst": "Deep\n====\n\nPart\n----\n\n.. toctree::\n\n   p0\n",
        "untitled.rst": "No title here.\n",
    }
    for n in range(37):
        sub = f"\n.. toctree::\n\n   untitled\n   sub{n}\n" if n % 9 == 0 else ""
        files[f"p{n}.rst"] = f"Page {n}\n=======\n\nA\n-\n\nB\n-\n{sub}"
        files[f"sub{n}.rst"] = f"Sub {n}\n======\n\nC\n-\n"
    return files


@pytest.mark.parametrize(
    "options",
    [
        {"includehidden": False},
        {"includehidden": True},
        {"includehidden": True, "titles_only": True, "maxdepth": -1},
        {"includehidden": False, "maxdepth": 2},
        {"includehidden": True, "maxdepth": "1"},
    ],
)
def test_the_toctree_resolved_in_parts_is_sphinx_s_whole_toctree(make_app, tmp_path, options):
    """In parts, the tree is Sphinx's own for no page, node for node, and it warns the same."""
    from sphinx.environment.adapters.toctree import global_toctree_for_doc

    app = _app(make_app, tmp_path, _many_entries(), "dirhtml")
    app.build()
    before = len(app_warnings(app))
    parts = []
    node = compat.toctrees.reference_toctree(
        app.builder, {**options, "collapse": False}, lambda d: f"T{d}", lambda: parts.append(1)
    )
    warned = app_warnings(app)[before:]
    app.builder.get_relative_uri = lambda from_, to, typ=None: f"T{to}"
    takes_tags = "tags" in inspect.signature(global_toctree_for_doc).parameters
    tags = {"tags": app.builder.tags} if takes_tags else {}
    whole = global_toctree_for_doc(
        app.env, compat.toctrees.NO_PAGE, app.builder, collapse=False, **options, **tags
    )
    del app.builder.get_relative_uri
    assert len(parts) > 3  # the three root toctrees, in parts
    assert node.pformat() == whole.pformat()
    assert compat.toctrees.render_fragment(app.builder, node) == (
        compat.toctrees.render_fragment(app.builder, whole)
    )
    assert warned and app_warnings(app)[before + len(warned) :] == warned  # the same, once


def test_target_uris_leave_a_builder_with_its_own_relative_uris(make_app, tmp_path):
    app = _app(make_app, tmp_path, NAVIGATION, "singlehtml")
    assert compat.toctrees.target_uris(app.builder) is None


def test_furo_navigation_is_furo_s_own_and_can_be_wrapped(monkeypatch):
    pytest.importorskip("furo")
    import furo

    html = (
        '<ul>\n<li class="toctree-l1 current"><a href="#">A</a><ul>\n'
        '<li><a href="b/">B</a></li>\n</ul>\n</li>\n</ul>\n'
    )
    tree = compat.toctrees.furo_navigation(html)
    assert 'checked=""' in tree and "current-page" in tree
    monkeypatch.setattr(furo, "_compute_navigation_tree", furo._compute_navigation_tree)
    calls = []

    def wrapper(own):
        def compute(context):
            calls.append(own)
            return "ours"

        return compute

    assert compat.toctrees.wrap_furo_navigation(wrapper)
    assert compat.toctrees.wrap_furo_navigation(wrapper)  # once only
    assert furo._compute_navigation_tree({}) == "ours" and len(calls) == 1


def _pydata_pages(make_app, tmp_path, conf: str, function: str):
    """``NAVIGATION`` built in pydata-sphinx-theme; each page's template ``function`` and
    context, as the theme left them."""
    conf = 'html_theme = "pydata_sphinx_theme"\n' + conf
    app = _app(make_app, tmp_path, NAVIGATION, conf=conf)
    pages: dict[str, tuple] = {}

    def keep(app, pagename, templatename, context, doctree):
        pages[pagename] = (context[function], context)

    app.connect("html-page-context", keep, priority=900)
    app.build()
    return app, pages


def test_pydata_s_sidebar_resolves_for_no_page_and_post_processes_any_html(make_app, tmp_path):
    pytest.importorskip("pydata_sphinx_theme")
    app, pages = _pydata_pages(make_app, tmp_path, "", "generate_toctree_html")
    from pydata_sphinx_theme.toctree import _get_ancestor_pagename

    parents = compat.toctrees.toctree_parents(app.env)
    for pagename in [*app.env.all_docs, "genindex"]:
        for startdepth in range(4):
            theirs = _get_ancestor_pagename(app=app, pagename=pagename, startdepth=startdepth)
            ours = compat.toctrees.pydata_ancestor(parents, pagename, startdepth)
            assert ours == theirs[0], (pagename, startdepth)
    assert compat.toctrees.pydata_ancestor(parents, "guide/setup", 1) == "guide/index"
    assert compat.toctrees.pydata_ancestor(parents, "index", 1) is None
    tokens: list[str] = []

    def token(docname):
        tokens.append(docname)
        return f"T{len(tokens)}"

    options = {"collapse": False, "includehidden": True, "titles_only": True, "maxdepth": 4}
    node = compat.toctrees.pydata_section_toctree(app, "guide/index", options, token)
    assert "get_relative_uri" not in vars(app.builder)  # put back
    assert tokens == ["guide/setup"]
    html = compat.toctrees.render_fragment(app.builder, node)
    own, context = pages["guide/setup"]
    toctree = context["toctree"]
    sidebar = compat.toctrees.pydata_sidebar(own, context, html, 1, **options)
    assert context["toctree"] is toctree  # put back
    assert '<ul class="nav bd-sidenav">' in sidebar and 'href="T1"' in sidebar
    assert 'class="toctree-l1"' in sidebar and "current" not in sidebar
    nested = (
        '<ul class="current"><li class="toctree-l1 current"><a href="#">A</a>'
        "<ul>\n<li>B</li>\n</ul>\n</li></ul>"
    )
    opened = compat.toctrees.pydata_sidebar(own, context, nested, 1, **options)
    assert "current active has-children" in opened and '<details open="open">' in opened
    assert compat.toctrees.pydata_sidebar(lambda *a, **k: "", {}, html, 1) is None


def test_pydata_s_header_links_are_the_theme_s_own_for_a_section(make_app, tmp_path):
    pytest.importorskip("pydata_sphinx_theme")
    options = (
        'html_theme_options = {"external_links": '
        '[{"name": "X", "url": "https://x.org/"}, {"name": "Y", "url": "https://y.org/"}]}\n'
    )
    app, pages = _pydata_pages(make_app, tmp_path, options, "generate_header_nav_html")
    own, context = pages["guide/setup"]
    assert compat.toctrees.sphinx_pathto(app.builder, context)
    assert not compat.toctrees.sphinx_pathto(app.builder, {**context, "pathto": lambda d: d})
    tokens = {**context, "pathto": lambda docname: f"T:{docname}"}
    call = ((), {"n_links_before_dropdown": 5})
    (ours,) = compat.toctrees.pydata_header(app, "guide/index", tokens, call)
    theirs = own(n_links_before_dropdown=5)  # the theme's own, on a page of that section
    href = f'href="{context["pathto"]("guide/index")}"'
    assert ours == theirs.replace(href, 'href="T:guide/index"')
    assert '<li class="nav-item current active">' in ours
    (none,) = compat.toctrees.pydata_header(app, None, tokens, call)
    assert none == ours.replace("nav-item current active", "nav-item ")
    # every link in the dropdown, numbered again by a second call on the same page
    first, second = compat.toctrees.pydata_header(app, None, tokens, ((0,), {}), 2)
    base = compat.toctrees.PYDATA_DROPDOWN_ID
    assert first.count(f'"{base}"') == 2
    assert second == first.replace(f'"{base}"', f'"{base}-2"')
    unique = compat.toctrees.pydata_unique_id(own)
    assert unique("hugo-test") == "hugo-test" and unique("hugo-test") == "hugo-test-2"
    assert compat.toctrees.pydata_unique_id(lambda: 0) is None


def test_the_list_of_a_hidden_toctree_is_left_in_the_tree_and_not_written(make_app, tmp_path):
    files = {
        **NAVIGATION,
        "guide/setup.rst": "Setup\n=====\n\n.. toctree::\n   :hidden:\n\n   more\n",
        "guide/more.rst": "More\n====\n",
    }
    app = _app(make_app, tmp_path, files)
    app.build()
    options = {"collapse": False, "includehidden": False}
    node = compat.toctrees.reference_toctree(app.builder, options, lambda docname: docname)
    (unwritten,) = compat.toctrees.unwritten_lists(node)
    html = compat.toctrees.render_fragment(app.builder, node)
    unwritten.parent.remove(unwritten)
    assert compat.toctrees.render_fragment(app.builder, node) == html
    assert 'href="guide/setup">Setup</a></li>' in html
    options["includehidden"] = True
    node = compat.toctrees.reference_toctree(app.builder, options, lambda docname: docname)
    assert compat.toctrees.unwritten_lists(node) == []
