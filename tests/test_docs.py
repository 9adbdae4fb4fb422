"""The project's documentation builds cleanly and lists everything the code defines."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from conftest import ROOT, soup, sphinx_build, write_tree
from sphinx_comparisons.config import PREFIX, HugoConfig
from sphinx_comparisons.diagnostics import SUBTYPES
from sphinx_comparisons.reference import FRONT_MATTER
from sphinx_comparisons.shortcodes.registry import BUILTIN

CONF = 'extensions = ["sphinx_comparisons"]\n'


def _rows(page: Path) -> dict[str, list[str]]:
    """The rows of a reference page's tables: first cell -> the other cells, as text."""
    rows = {}
    for row in soup(page).select("[role=main] table tbody tr"):
        cells = [cell.get_text(" ", strip=True) for cell in row.select("td")]
        rows[cells[0]] = cells[1:]
    return rows


def _emitted_subtypes() -> set[str]:
    """The subtypes the package's ``warn(...)`` and ``...Problem(...)`` calls name."""
    found = set()
    for path in (ROOT / "sphinx_comparisons").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            first = node.args[0]
            if (name == "warn" or name.endswith("Problem")) and isinstance(first, ast.Constant):
                found.add(str(first.value))
    return found


def _registered_config_values(make_app, tmp_path) -> set[str]:
    write_tree(tmp_path, {"conf.py": CONF, "_index.md": "---\ntitle: H\n---\n"})
    config = make_app("dummy", srcdir=tmp_path).config
    return {value.name for value in config if value.name.startswith(PREFIX)}


def test_docs_build_with_every_reference_entry(make_app, tmp_path):
    out = tmp_path / "out"
    result = sphinx_build(ROOT / "docs", out, "-b", "dirhtml", "-W")
    assert result.returncode == 0, result.stderr
    reference = out / "reference"
    # every value Sphinx knows of ours, with its type, default and meaning
    config = _rows(reference / "config" / "index.html")
    assert set(config) == _registered_config_values(make_app, tmp_path / "app")
    assert set(config) == {f"{PREFIX}{spec.name}" for spec in HugoConfig.fields()}
    assert all(len(cells) == 3 and all(cells) for cells in config.values()), config
    # every warning the code can give, with what it means and how to fix it
    warnings = _rows(reference / "warnings" / "index.html")
    assert set(warnings) == {f"hugo.{subtype}" for subtype in SUBTYPES}
    assert {f"hugo.{subtype}" for subtype in _emitted_subtypes()} <= set(warnings)
    assert all(len(cells) == 2 and all(cells) for cells in warnings.values()), warnings
    keys = _rows(reference / "front-matter" / "index.html")
    assert set(keys) == set(FRONT_MATTER) | {"any other key"}
    shortcodes = _rows(reference / "shortcodes" / "index.html")
    assert set(shortcodes) == set(BUILTIN)
    components = soup(out / "components" / "index.html")
    assert components.select_one("table.hugo-comparison") is not None
    assert [a["href"] for a in components.select("div.hugo-related a")][:2] == [
        "../guide/migrate/",
        "../guide/read-the-docs/",
    ]


def test_read_the_docs_canonical_urls_and_redirects(tmp_path):
    import json
    import os
    import subprocess
    import sys

    src = write_tree(
        tmp_path / "src",
        {
            "_index.md": "---\ntitle: Home\n---\n",
            "a.md": "---\ntitle: A\naliases: [/old-a/]\n---\n",
        },
    )
    env = {**os.environ, "READTHEDOCS_CANONICAL_URL": "https://proj.readthedocs.io/en/latest/"}
    command = [
        sys.executable,
        "-m",
        "sphinx",
        "-q",
        "-C",
        "-D",
        "extensions=sphinx_comparisons",
        "-b",
        "dirhtml",
        str(src),
        str(tmp_path / "out"),
    ]
    assert subprocess.run(command, env=env, capture_output=True, check=False).returncode == 0
    page = soup(tmp_path / "out" / "a" / "index.html")
    assert page.find("link", rel="canonical")["href"] == "https://proj.readthedocs.io/en/latest/a/"
    assert (
        page.find("meta", property="og:url")["content"]
        == "https://proj.readthedocs.io/en/latest/a/"
    )
    redirects = json.loads((tmp_path / "out" / "readthedocs-redirects.json").read_text())
    assert redirects == [{"type": "page", "from_url": "/old-a/", "to_url": "/a/"}]
    assert (
        'href="https://proj.readthedocs.io/en/latest/a/"'
        in (tmp_path / "out" / "old-a" / "index.html").read_text()
    )


# -- every key of the front matter reference does what it says ------------------------------

LAYOUT = (
    '{% extends "!layout.html" %}{% block extrahead %}{{ super() }}'
    "<meta name=\"orphan\" content=\"{{ (meta or {}).get('orphan', '') }}\">{% endblock %}"
)
SITE = {
    "conf.py": CONF + 'templates_path = ["_templates"]\n',
    "_templates/layout.html": LAYOUT,
    "_index.md": "---\ntitle: Home\nparams:\n  shade: dark\n---\n\nshade {{< param shade >}}\n",
    "s/_index.md": "---\ntitle: Section\ncascade:\n  color: red\n---\n",
    "s/a.md": (
        "---\ntitle: A title\nheaderTitle: A header\nlinkTitle: A link\ndescription: A desc\n"
        "headcontent: A lead\nweight: 2\ndate: 2024-01-01\naliases: [/old-a/]\nkeywords: [k1]\n"
        "orphan: true\n---\n\ncolor {{< param color >}}\n"
    ),
    "s/b.md": "---\ntitle: B\nweight: 1\nslug: bee\ntags: [t1]\n---\n",
    "s/c.md": "---\ntitle: C\nweight: 2\ndate: 2025-01-01\nurl: /elsewhere/cee/\n---\n",
    "s/draft.md": "---\ntitle: Draft\ndraft: true\n---\n",
    "s/future.md": "---\ntitle: Future\npublishDate: 2999-01-01\n---\n",
    "s/expired.md": "---\ntitle: Expired\nexpiryDate: 2000-01-01\n---\n",
    "s/hidden.md": "---\ntitle: Hidden\nweight: 3\ntoc_hide: true\n---\n",
    "s/nosummary.md": "---\ntitle: No summary\nweight: 4\nhide_summary: true\n---\n",
    "s/linked.md": "---\ntitle: Linked\nweight: 5\n_build: {render: link}\n---\n",
    "s/headless.md": "---\ntitle: Headless\nweight: 6\nheadless: true\n---\n",
    "nolist/_index.md": "---\ntitle: No list\nno_list: true\n---\n",
    "nofeed/_index.md": "---\ntitle: No feed\noutputs: [html]\n---\n",
    "nofeed/lm.md": (
        "---\ntitle: LM\nlastmod: 2023-05-06\nsummary: Told summary\n"
        "sitemap: {priority: 0.8}\n---\nBody.\n"
    ),
    "nolist/x.md": "---\ntitle: X\n---\n",
    "simple/_index.md": "---\ntitle: Simple\nsimple_list: true\n---\n",
    "simple/y.md": "---\ntitle: Y\ndescription: Y desc\n---\n",
    "k.md": (
        "---\ntitle: K\nkeywords: [k1]\ntags: [t1]\ncategories: [c1]\ntags_weight: -1\n---\n"
        "\n```{related-posts}\n:auto:\n```\n"
    ),
    "p.md": "---\ntitle: P\ncomparison:\n  product: P\n  group: G\n  features: {Speed: yes}\n---\n",
    "cmp.md": "---\ntitle: Cmp\n---\n\n```{comparison}\n:group: G\n```\n",
    "r.md": (
        "---\ntitle: R\nrelated:\n  - {title: X post, url: 'https://blog.example/x/'}\n---\n\n"
        "```{related-posts}\n```\n"
    ),
}
MENU_SITE = {
    "conf.py": CONF + 'hugo_menus = "main"\n',
    "_index.md": "---\ntitle: Home\n---\n",
    "m.md": "---\ntitle: M\nmenu:\n  main:\n    name: Via menu\n---\n",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("front-matter")
    for name, files in (("site", SITE), ("menu", MENU_SITE)):
        result = sphinx_build(write_tree(root / name, files), root / f"{name}-out", "-b", "dirhtml")
        assert result.returncode == 0, result.stderr
    return root


def _page(out: Path, page: str):
    return soup(out / page / "index.html")


def _texts(out: Path, page: str, selector: str) -> list[str]:
    """The text of each element ``selector`` finds in the page's content area."""
    main = _page(out, page).select_one("[role=main]")
    return [element.get_text().rstrip("¶") for element in main.select(selector)]


def _meta(out: Path, page: str, name: str) -> str:
    return _page(out, page).find("meta", attrs={"name": name})["content"]


def _sidebar(out: Path, page: str) -> list[str]:
    return [a.get_text() for a in _page(out, page).select(".sphinxsidebar a.reference")]


def _listed(out: Path, page: str) -> list[str]:
    """The titles in the section list of a section page."""
    return _texts(out, page, ".hugo-section-index-entry a")


def _related(out: Path, page: str) -> list[str]:
    return [a["href"] for a in _page(out, page).select("[role=main] div.hugo-related a")]


#: Each documented key -> what a reader sees because of it (in the site ``out`` and the menu site).
EFFECTS = {
    "title": lambda out: _page(out, "s/a").title.get_text().startswith("A title"),
    "headertitle": lambda out: _texts(out, "s/a", "h1") == ["A header"],
    "linktitle": lambda out: "A link" in _sidebar(out, "s"),
    "description": lambda out: _meta(out, "s/a", "description") == "A desc",
    "headcontent": lambda out: _texts(out, "s/a", "p.hugo-lead") == ["A lead"],
    "weight": lambda out: _listed(out, "s")[0] == "B",
    "date": lambda out: _listed(out, "s")[1:3] == ["C", "A title"],  # equal weights: newest first
    "menu": lambda out: _sidebar(out.parent / "menu-out", "") == ["Via menu"],
    "aliases": lambda out: 'url=../s/a/"' in (out / "old-a" / "index.html").read_text(),
    "slug": lambda out: (out / "s" / "bee" / "index.html").is_file(),
    "url": lambda out: (out / "elsewhere" / "cee" / "index.html").is_file(),
    "draft": lambda out: not (out / "s" / "draft").exists(),
    "publishdate": lambda out: not (out / "s" / "future").exists(),
    "expirydate": lambda out: not (out / "s" / "expired").exists(),
    "keywords": lambda out: "../s/a/" in _related(out, "k"),
    "tags": lambda out: "../s/bee/" in _related(out, "k") and (out / "tags" / "t1").is_dir(),
    "categories": lambda out: (out / "categories" / "c1" / "index.html").is_file(),
    # without it, B (weight 1) would come before K (weight 0, last) on the term page
    "tags_weight": lambda out: _texts(out, "tags/t1", "ul.hugo-list a") == ["K", "B"],
    "toc_hide": lambda out: "Hidden" not in _sidebar(out, "s") and "Hidden" in _listed(out, "s"),
    "hide_summary": lambda out: (
        "No summary" not in _listed(out, "s") and "No summary" in _sidebar(out, "s")
    ),
    "no_list": lambda out: _texts(out, "nolist", ".hugo-section-index") == [],
    "simple_list": lambda out: _texts(out, "simple", "ul.hugo-section-index a") == ["Y"],
    "cascade": lambda out: "color red" in _texts(out, "s/a", "p"),
    "build": lambda out: not (out / "s" / "linked").exists() and "Linked" in _listed(out, "s"),
    "headless": lambda out: (
        not (out / "s" / "headless").exists() and "Headless" not in _listed(out, "s")
    ),
    "params": lambda out: "shade dark" in _texts(out, "", "p"),
    "comparison": lambda out: _texts(out, "cmp", "thead th")[1:] == ["P"],
    "related": lambda out: _related(out, "r") == ["https://blog.example/x/"],
    # Markdown pages are never warned about anyway (the navigation makes the rest orphans):
    # what is left to see is the value, in Sphinx's metadata, for templates
    "lastmod": lambda out: (
        "<lastmod>2023-05-06T00:00:00+00:00</lastmod>" in (out / "sitemap.xml").read_text()
    ),
    "summary": lambda out: (
        "<description>Told summary</description>" in (out / "index.xml").read_text()
    ),
    "outputs": lambda out: (
        (out / "s" / "index.xml").is_file() and not (out / "nofeed" / "index.xml").exists()
    ),
    "sitemap": lambda out: "<priority>0.8</priority>" in (out / "sitemap.xml").read_text(),
    "orphan": lambda out: [_meta(out, page, "orphan") for page in ("s/a", "s/bee")] == ["True", ""],
}


@pytest.mark.parametrize("key", list(FRONT_MATTER))
def test_each_documented_front_matter_key_has_its_effect(site, key):
    assert key in EFFECTS, f"the reference documents {key!r}: add its effect to EFFECTS"
    assert EFFECTS[key](site / "site-out"), key
