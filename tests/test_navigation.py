"""Sidebars built from Hugo menus and sections: order, labels, edits, -j, themes."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from conftest import (
    CORPUS,
    FIXTURES,
    NOT_IN_TOCTREE,
    app_warnings,
    needs_shared,
    output_of,
    soup,
    sphinx_build,
    warnings_of,
    write_tree,
)

SIDEBAR = "div.sphinxsidebar, .sidebar-tree, nav.bd-docs-nav, div.wy-menu"
CONF = 'extensions = ["sphinx_comparisons"]\n'


def build_html(make_app, srcdir: Path):
    """sphinx.testing apps default to the "basic" theme, which has no global navigation."""
    app = make_app("html", srcdir=srcdir, confoverrides={"html_theme": "alabaster"})
    app.build()
    return app


def sidebar_children(html, label: str) -> list[str]:
    """The page labels one level under the sidebar entry ``label`` (not in-page anchors)."""
    side = html.select_one(SIDEBAR)
    for link in side.find_all("a"):
        if link.get_text(strip=True) == label and link.find_parent("li") is not None:
            sub = link.find_parent("li").find("ul")
            if sub is None:
                return []
            return [
                item.find("a").get_text(strip=True)
                for item in sub.find_all("li", recursive=False)
                if item.find("a").get("href") == "#" or "#" not in item.find("a").get("href", "")
            ]
    return []


def top_labels(html) -> list[str]:
    return [a.get_text(strip=True) for a in html.select_one(SIDEBAR).select("li.toctree-l1 > a")]


@pytest.fixture(scope="module")
def corpus_faq(tmp_path_factory):
    out = tmp_path_factory.mktemp("faq")
    results = {}
    for jobs in ("1", "2"):
        result = sphinx_build(
            CORPUS / "content",
            out / jobs,
            "-b",
            "dirhtml",
            "-j",
            jobs,
            "-D",
            "hugo_menus=preview_faq",
        )
        assert result.returncode == 0, result.stderr
        results[jobs] = warnings_of(result.stderr)
    return out, results


@needs_shared
@pytest.mark.slow  # builds the corpus
def test_corpus_comparisons_in_hugo_order(corpus_faq):
    out, warnings = corpus_faq
    expected = json.loads((CORPUS / "hugo-expected.json").read_text())["menus"]["preview_faq"]
    home = next(e for e in expected if e["identifier"] == "comparisons-home")
    comparisons = home["children"][0]
    hugo_order = [entry["name"] for entry in comparisons["children"]]
    assert hugo_order[:5] == [
        "Amazon Aurora",
        "Google Cloud Spanner",
        "CockroachDB",
        "TiDB",
        "Vitess",
    ]
    for jobs in ("1", "2"):
        for page in ("preview/faq/comparisons/redis", "preview/faq/comparisons"):
            html = soup(out / jobs / page / "index.html")
            assert sidebar_children(html, "Comparisons")[:13] == hugo_order, (jobs, page)
    # the config headings become captions, in menu order
    html = soup(out / "1" / "index.html")
    captions = [c.get_text(strip=True) for c in html.select("div.sphinxsidebar p.caption")]
    assert captions == ["FAQ", "Comparisons"]
    assert not [w for w in warnings["1"] if NOT_IN_TOCTREE in w]
    assert sorted(warnings["1"]) == sorted(warnings["2"])


def test_menu_entries_label_and_order(make_app, tmp_path):
    files = {
        "conf.py": CONF,
        "_index.md": "---\ntitle: Home\n---\n",
        "guide/_index.md": (
            "---\ntitle: The guide\nlinkTitle: Guide\nmenu:\n  main:\n    identifier: guide\n"
            "    weight: 1\n---\n"
        ),
        "guide/b.md": (
            "---\ntitle: Bee page\nlinkTitle: Bee\nmenu:\n  main:\n    parent: guide\n"
            "    weight: 10\n---\n"
        ),
        "guide/a.md": (
            "---\ntitle: Ay page\nmenu:\n  main:\n    parent: guide\n    weight: 20\n"
            "    name: Custom name\n---\n"
        ),
        "guide/c.md": "---\ntitle: Sea\nmenu:\n  main:\n    parent: guide\n---\n",  # weight 0: last
        "faq.md": "---\ntitle: FAQ\nmenu:\n  main:\n    weight: 2\n---\n",
    }
    write_tree(tmp_path, files)
    app = build_html(make_app, tmp_path)
    assert top_labels(soup(output_of(app, "faq"))) == ["Guide", "FAQ"]
    html = soup(output_of(app, "guide/c"))
    assert sidebar_children(html, "Guide") == ["Bee", "Custom name", "Sea"]
    assert app_warnings(app) == []


def _menu_tree(root: Path, weights: dict[str, int]) -> None:
    files = {
        "conf.py": CONF,
        "_index.md": "---\ntitle: Home\n---\n",
        "compare/_index.md": (
            "---\ntitle: Compare\nmenu:\n  docs:\n    identifier: compare\n    weight: 1\n---\n"
        ),
    }
    for name, weight in weights.items():
        files[f"compare/{name}.md"] = (
            f"---\ntitle: {name.title()}\nmenu:\n  docs:\n    parent: compare\n"
            f"    weight: {weight}\n---\n\nText.\n"
        )
    write_tree(root, files)


def _touch(path: Path) -> None:
    """A fresh modification time (now), as an editor's save gives."""
    os.utime(path)


def test_weight_edit_reorders_every_sidebar_incrementally(make_app, tmp_path):
    _menu_tree(tmp_path, {"alpha": 1, "beta": 2, "gamma": 3})
    build_html(make_app, tmp_path)
    out = tmp_path / "_build" / "html"
    assert sidebar_children(soup(out / "compare" / "beta.html"), "Compare") == [
        "Alpha",
        "Beta",
        "Gamma",
    ]

    page = tmp_path / "compare" / "alpha.md"
    page.write_text(page.read_text().replace("weight: 1", "weight: 9"))
    _touch(page)
    app = make_app("html", srcdir=tmp_path, confoverrides={"html_theme": "alabaster"})
    read: list[str] = []
    app.connect("source-read", lambda _a, docname, _s: read.append(docname))
    app.build()
    assert sorted(read) == ["compare/_index", "compare/alpha"]  # the page and its menu parent
    for name in ("beta", "gamma", "alpha"):  # beta and gamma were not edited
        assert sidebar_children(soup(out / "compare" / f"{name}.html"), "Compare") == [
            "Beta",
            "Gamma",
            "Alpha",
        ]

    # nothing changed: nothing is read again
    app = make_app("html", srcdir=tmp_path, confoverrides={"html_theme": "alabaster"})
    read.clear()
    app.connect("source-read", lambda _a, docname, _s: read.append(docname))
    app.build()
    assert read == []


@pytest.mark.slow  # an edit sequence: a build, an edit, an incremental build
@pytest.mark.parametrize("edit", ["title", "linkTitle", "parent", "add", "remove"])
def test_navigation_edits_reach_unedited_pages(make_app, tmp_path, edit):
    _menu_tree(tmp_path, {"alpha": 1, "beta": 2, "gamma": 3})
    build_html(make_app, tmp_path)
    out = tmp_path / "_build" / "html"
    alpha = tmp_path / "compare" / "alpha.md"
    text = alpha.read_text()
    expected = {
        "title": ["Aardvark", "Beta", "Gamma"],
        "linkTitle": ["A.", "Beta", "Gamma"],
        "parent": ["Beta", "Gamma"],
        "add": ["Alpha", "Beta", "Gamma", "Delta"],
        "remove": ["Beta", "Gamma"],
    }[edit]
    if edit == "title":
        alpha.write_text(text.replace("title: Alpha", "title: Aardvark"))
    elif edit == "linkTitle":
        alpha.write_text(text.replace("title: Alpha", "title: Alpha\nlinkTitle: A."))
    elif edit == "parent":
        alpha.write_text(text.replace("parent: compare", "weight: 5"))
    elif edit == "add":
        (tmp_path / "compare" / "delta.md").write_text(
            "---\ntitle: Delta\nmenu:\n  docs:\n    parent: compare\n    weight: 4\n---\n"
        )
    elif edit == "remove":
        alpha.unlink()
    if alpha.exists():
        _touch(alpha)
    build_html(make_app, tmp_path)
    assert sidebar_children(soup(out / "compare" / "gamma.html"), "Compare") == expected
    if edit == "parent":
        assert "Alpha" in top_labels(soup(out / "compare" / "gamma.html"))


@needs_shared
def test_docsy_sections_without_menus(make_app, tmp_path):
    fixture = FIXTURES / "44-docsy-v030-sidebar-section-index"
    shutil.copytree(fixture / "content", tmp_path, dirs_exist_ok=True)
    (tmp_path / "_index.md").write_text(
        "---\ntitle: Home\n---\n"
    )  # Hugo makes a home page without a file
    (tmp_path / "conf.py").write_text(CONF)
    expected = json.loads((fixture / "expected.json").read_text())
    app = build_html(make_app, tmp_path)
    out = Path(app.outdir)
    docs = expected["sections"]["sections"][0]
    params = {p["path"]: p for p in expected["pages"] if p.get("path")}
    visible = [
        params[path]["linkTitle"]
        for path in docs["pages"]
        if not params[path]["params"].get("toc_hide")
    ]
    html = soup(out / "docs" / "a.html")
    assert (
        sidebar_children(html, "Docs") == visible == ["Short A", "No summary", "Simple", "No list"]
    )

    # Docsy's section index on the empty section page: titles, not link titles; hidden pages
    # listed, hide_summary ones not; description rendered as Markdown
    index = soup(output_of(app, "docs/_index"))
    entries = index.select("div.hugo-section-index-entry")
    titles = [e.select_one(".hugo-section-index-title").get_text(strip=True) for e in entries]
    hugo_index = soup_text(expected["files"]["docs/index.html"])
    hugo_titles = [
        h.get_text(strip=True) for h in hugo_index.select("div.section-index div.entry h5")
    ]
    assert titles == hugo_titles
    assert entries[0].select_one(".hugo-section-index-description em").get_text() == "d"
    simple = soup(output_of(app, "docs/simple/_index"))
    assert [a.get_text() for a in simple.select("ul.hugo-section-index a")] == ["S1 long"]
    assert not soup(output_of(app, "docs/nolist/_index")).select(".hugo-section-index")


def soup_text(text: str):
    from bs4 import BeautifulSoup

    return BeautifulSoup(text, "html.parser")


def test_menu_problems_are_located_and_the_build_goes_on(make_app, tmp_path):
    files = {
        "conf.py": CONF + 'hugo_menus = ["main"]\n',
        "_index.md": "---\ntitle: Home\n---\n",
        "a.md": "---\ntitle: A\nmenu:\n  main:\n    identifier: a\n    parent: b\n---\n",
        "b.md": "---\ntitle: B\nmenu:\n  main:\n    identifier: b\n    parent: a\n---\n",
        "c.md": "---\ntitle: C\nmenu:\n  main:\n    identifier: a\n---\n",
        "d.md": "---\ntitle: D\nmenu:\n  main:\n    parent: nowhere\n    weight: heavy\n---\n",
    }
    write_tree(tmp_path, files)
    app = build_html(make_app, tmp_path)
    found = app_warnings(app)
    assert any("a.md:4:" in w and "[hugo.menu_cycle]" in w for w in found), found
    assert any("c.md:4:" in w and "[hugo.menu_duplicate]" in w for w in found), found
    assert any("d.md:4:" in w and "[hugo.menu_parent]" in w for w in found), found
    assert any("d.md:4:" in w and "[hugo.menu]" in w and "heavy" in w for w in found), found
    assert not any(NOT_IN_TOCTREE in w for w in found)
    for name in "abcd":
        assert (Path(app.outdir) / f"{name}.html").exists()
    # c.md's entry lost its identifier to a.md's; d.md sits under a heading named after its
    # missing parent, as in Hugo; a and b are in a loop and left out
    html = soup(Path(app.outdir) / "d.html")
    assert top_labels(html) == ["D"]
    assert [c.get_text() for c in html.select("div.sphinxsidebar p.caption")] == ["nowhere"]


def test_site_config_menus_and_external_links(make_app, tmp_path):
    files = {
        "site/hugo.toml": (
            'title = "Site"\n[[menus.main]]\nname = "Guides"\nidentifier = "guides"\nweight = 1\n'
            '[[menus.main]]\nname = "Project home"\nurl = "https://example.org/"\nweight = 3\n'
        ),
        "site/content/conf.py": CONF,
        "site/content/_index.md": "---\ntitle: Home\n---\n",
        "site/content/start.md": "---\ntitle: Start\nmenu:\n  main:\n    parent: guides\n---\n",
        "site/content/about.md": "---\ntitle: About\nmenu:\n  main:\n    weight: 2\n---\n",
    }
    write_tree(tmp_path, files)
    app = build_html(make_app, tmp_path / "site" / "content")
    html = soup(Path(app.outdir) / "about.html")
    side = html.select_one("div.sphinxsidebar")
    assert [c.get_text() for c in side.select("p.caption")] == ["Guides"]
    assert [a.get_text() for a in side.select("li.toctree-l1 > a")] == [
        "Start",
        "About",
        "Project home",
    ]
    assert side.find("a", string="Project home")["href"] == "https://example.org/"


def test_furo_sidebar_shows_the_menu(make_app, tmp_path):
    _menu_tree(tmp_path, {"alpha": 2, "beta": 1, "gamma": 0})
    app = make_app("html", srcdir=tmp_path, confoverrides={"html_theme": "furo"})
    app.build()
    html = soup(Path(app.outdir) / "compare" / "alpha.html")
    tree = html.select_one(".sidebar-tree")
    assert [a.get_text(strip=True) for a in tree.select("li.toctree-l1 > a")] == ["Compare"]
    assert [a.get_text(strip=True) for a in tree.select("li.toctree-l2 > a")] == [
        "Beta",
        "Alpha",
        "Gamma",
    ]


OUR_FIXTURE = Path(__file__).parent / "fixtures" / "docsy-sections"


def test_docsy_tree_sidebar_follows_hugo_section_order(make_app, tmp_path):
    """A tree with no menus: every section's sidebar children in the oracle's order, less
    toc_hide."""
    shutil.copytree(OUR_FIXTURE / "content", tmp_path, dirs_exist_ok=True)
    (tmp_path / "conf.py").write_text(CONF)
    expected = json.loads((OUR_FIXTURE / "expected.json").read_text())
    pages = {p["path"]: p for p in expected["pages"] if p.get("path")}
    app = make_app("dirhtml", srcdir=tmp_path, confoverrides={"html_theme": "alabaster"})
    app.build()
    assert app_warnings(app) == []

    def check(section):
        if not section["pages"]:
            return
        visible = [p for p in section["pages"] if not pages[p]["params"].get("toc_hide")]
        labels = [pages[p]["linkTitle"] for p in visible]
        html = soup(output_of(app, visible[0].removesuffix(".md")))
        label = pages[section["path"]]["linkTitle"]
        if section["path"] == "_index.md":
            assert top_labels(html) == labels
        else:
            assert sidebar_children(html, label) == labels, section["path"]
        for sub in section["sections"]:
            check(sub)

    check(expected["sections"])


def test_unknown_menu_name_is_reported(make_app, tmp_path):
    _menu_tree(tmp_path, {"alpha": 1})
    (tmp_path / "conf.py").write_text(CONF + 'hugo_menus = ["dcos"]\n')
    app = build_html(make_app, tmp_path)
    found = app_warnings(app)
    assert (
        len(found) == 1
        and "'dcos'" in found[0]
        and "docs" in found[0]
        and "[hugo.config]" in found[0]
    )


def test_top_level_folders_without_index_are_sections(make_app, tmp_path):
    """Hugo makes a section of a top-level folder with no _index.md, titled from its name (fixture
    19)."""
    write_tree(
        tmp_path,
        {
            "conf.py": CONF,
            "_index.md": "---\ntitle: Home\n---\n",
            "blog/p.md": "---\ntitle: Post P\nweight: 2\n---\n",
            "blog/q.md": "---\ntitle: Post Q\nweight: 1\n---\n",
            "blog/old/deep.md": "---\ntitle: Deep\nweight: 3\n---\n",
            "docs/_index.md": "---\ntitle: Docs\n---\n",
            "docs/a.md": "---\ntitle: A\n---\n",
            "zeta.md": "---\ntitle: Zeta\n---\n",
        },
    )
    app = build_html(make_app, tmp_path)
    assert app_warnings(app) == []
    home = soup(Path(app.outdir) / "index.html")
    captions = [c.get_text(strip=True) for c in home.select(f"{SIDEBAR.split(',')[0]} .caption")]
    assert captions == ["Blogs"]
    # the home's pages in Hugo's order, then the captioned section (a theme shows what
    # follows a caption under it), whose pages are in Hugo's order too: by weight
    assert top_labels(home) == ["Docs", "Zeta", "Post Q", "Post P", "Deep"]
    assert [
        a.get_text(strip=True)
        for a in home.select(f"{SIDEBAR.split(',')[0]} .caption + ul > li > a")
    ] == ["Post Q", "Post P", "Deep"]
