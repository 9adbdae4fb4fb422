"""Hugo's section tree and default page order from the core alone, against Hugo's answers."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from conftest import FIXTURES, needs_shared
from hugo_tree import load_pages
from sphinx_comparisons.hugo import content


def _ours(tree, key):
    """A section's children as Hugo's answer names them: a path, or a file-less section's URL."""
    return [
        f"/{child.lower()}" if child in tree.fileless else f"{child}.md"
        for child in tree.children.get(key, ())
    ]


def _compare(tree, section, key):
    assert _ours(tree, key) == section["pages"], section["path"]
    for sub in section["sections"]:
        fileless = {key.lower(): key for key in tree.fileless}  # Hugo's URL is lowercased
        _compare(tree, sub, sub["path"][:-3] if sub["path"] else fileless[sub["url"].lstrip("/")])


@needs_shared
@pytest.mark.parametrize(
    "fixture",
    # 09, 19, 22, 26: top-level folders without _index.md are sections
    [
        "18-page-order",
        "44-docsy-v030-sidebar-section-index",
        "09-url-sanitize",
        "19-aliases",
        "22-relref-resolve",
        "26-relref-warning-level",
    ],
)
def test_section_order_matches_hugo(fixture):
    root = FIXTURES / fixture
    expected = json.loads((root / "expected.json").read_text())
    tree = content.section_tree(load_pages(root / "content"), home="(home)", fileless=True)
    _compare(tree, expected["sections"], "(home)")
    fileless = {
        p["url"].lstrip("/"): p["title"]
        for p in expected["pages"]
        if p["kind"] == "section" and p["path"] is None
    }
    assert {key.lower(): page.title for key, page in tree.fileless.items()} == fileless


def test_without_fileless_sections_top_level_pages_belong_to_home():
    pages = [
        _page("_index", title="Home"),
        _page("blog/p", title="P"),
        _page("docs/_index", title="Docs"),
        _page("docs/a", title="A"),
    ]
    assert content.section_tree(pages, home="_index").children["_index"] == (
        "docs/_index",
        "blog/p",
    )
    tree = content.section_tree(pages, home="_index", fileless=True)
    assert tree.children["_index"] == ("blog/", "docs/_index")
    assert tree.children["blog/"] == ("blog/p",)
    assert (
        content.section_tree(pages, home="_index", fileless=True, pluralize=False)
        .fileless["blog/"]
        .title
        == "Blog"
    )
    # a top-level leaf bundle is a page, not a section (Hugo 0.111)
    pages.append(_page("about/index", title="About"))
    tree = content.section_tree(pages, home="_index", fileless=True)
    assert "about/" not in tree.fileless and "about/index" in tree.children["_index"]


HUGO_LIST_TITLES = json.loads(
    (Path(__file__).parent / "fixtures" / "hugo-list-titles.json").read_text()
)["titles"]
#: Hugo's title-caser leaves these lowercase, for reasons of its own; we capitalize every one.
LOWERCASED_BY_HUGO = {"box", "man"}


@pytest.mark.parametrize("folder", sorted(HUGO_LIST_TITLES))
def test_list_titles_are_hugos(folder):
    expected = HUGO_LIST_TITLES[folder]
    if folder in LOWERCASED_BY_HUGO:
        expected = expected[:1].upper() + expected[1:]
    assert content.list_title(folder) == expected


def test_list_title_settings():
    assert content.list_title("blog", pluralize=False) == "Blog"
    assert content.list_title("blog", capitalize=False) == "blogs"


def test_a_section_without_a_file_is_dated_by_its_newest_page():
    pages = [
        _page("_index", title="Home"),
        _page("aaa", title="Aaa"),
        _page("docs/_index", title="Docs"),
        _page("blog/p", title="P", date="2020-01-01"),
    ]
    # Hugo 0.111: a dated section sorts before undated pages of the same weight
    assert content.section_tree(pages, home="_index", fileless=True).children["_index"] == (
        "blog/",
        "aaa",
        "docs/_index",
    )


def test_a_section_file_without_a_date_is_dated_by_its_newest_page():
    """Hugo 0.111.3 (oracle, on this tree): ``beta/_index.md``, ``alpha/_index.md``,
    ``aardvark.md``, ``gamma/_index.md``: the sections holding the newer page come first, the
    section whose pages have no date sorts by title among the undated pages (Docsy's home lists
    Blog and Docs first this way)."""
    pages = [
        _page("_index", title="Home"),
        _page("alpha/_index", title="Alpha"),
        _page("alpha/a1", title="A1", date="2020-01-01"),
        _page("beta/_index", title="Beta"),
        _page("beta/deeper/_index", title="Deeper"),
        _page("beta/deeper/b1", title="B1", date="2022-01-01"),
        _page("gamma/_index", title="Gamma"),
        _page("gamma/g1", title="G1"),
        _page("aardvark", title="Aardvark"),
    ]
    tree = content.section_tree(pages, home="_index")
    assert tree.children["_index"] == ("beta/_index", "alpha/_index", "aardvark", "gamma/_index")


def _page(key, **params):
    return content.Page(key, f"{key}.md", params)


def test_order_rules_from_the_spec():
    # checklist 34-36: weights with 0 last, newer dates first, link titles without case
    pages = [_page("s/_index", title="S")]
    pages += [_page(f"s/w{w}", title=f"w{w}", weight=w) for w in (2, 0, -1, 1)]
    tree = content.section_tree(pages, home=None)
    assert tree.children["s/_index"] == ("s/w-1", "s/w1", "s/w2", "s/w0")

    pages = [
        _page("s/_index", title="S"),
        _page("s/old", title="A", date=dt.date(2020, 1, 1)),
        _page("s/new", title="B", date="2024-01-01"),
    ]
    assert content.section_tree(pages, None).children["s/_index"] == ("s/new", "s/old")

    pages = [_page("s/_index", title="S")] + [
        _page(f"s/{t}", title=t) for t in ("cherry", "Banana", "apple")
    ]
    assert content.section_tree(pages, None).children["s/_index"] == (
        "s/apple",
        "s/Banana",
        "s/cherry",
    )


def test_bundles_plain_folders_and_drafts():
    pages = [
        _page("_index", title="Home"),
        _page("docs/_index", title="Docs"),
        _page("docs/bundle/index", title="Bundle", weight=1),
        _page("docs/plain/deep", title="Deep", weight=2),  # no docs/plain/_index.md
        _page("docs/draft", title="Draft", draft=True),
        _page("top", title="Top"),
    ]
    tree = content.section_tree(pages, home="_index")
    assert tree.children["_index"] == ("docs/_index", "top")
    assert tree.children["docs/_index"] == ("docs/bundle/index", "docs/plain/deep")


OUR_FIXTURE = Path(__file__).parent / "fixtures" / "docsy-sections"


def test_our_docsy_fixture_matches_hugo_oracle():
    # expected.json was written by ../shared/tools/hugo-oracle/oracle.py (Hugo 0.111.3)
    expected = json.loads((OUR_FIXTURE / "expected.json").read_text())["sections"]
    tree = content.section_tree(load_pages(OUR_FIXTURE / "content"), home="_index")
    _compare(tree, expected, "_index")
