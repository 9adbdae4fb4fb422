"""YAML in directive bodies and data files, and comparison tables, within the budgets.

A ``related-posts`` or ``comparison`` body (or a comparison ``:file:``) is YAML
from the page: alias bombs are measured before they are built, what goes past
a budget is reported where it is written, and messages quote at most a short
excerpt of the page's data. The ``|`` of a Markdown page (pipe table cells) and
its comparison tables share ``table_cells``.
"""

from __future__ import annotations

import time

import pytest

from budget_site import assert_located, build_once, html_of, warnings_of
from sphinx_comparisons.hugo import yamldata
from sphinx_comparisons.hugo.limits import DEFAULT

BOMB = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
    f"{x}: &{x} [" + ",".join([f"*{p}"] * 9) + "]\n" for p, x in zip("abcdefgh", "bcdefghi")
)


def _indented(text: str, prefix: str) -> str:
    return "".join(prefix + line + "\n" for line in text.splitlines())


def _table(first: int, count: int) -> str:
    products = "[" + ",".join(f"p{i}" for i in range(20)) + "]"
    row = "&r [" + ",".join(["yes"] * 20) + "]" if first == 0 else "[" + ",".join(["no"] * 20) + "]"
    rows = "".join(
        f"  f{first + i}: *r\n" if i and first == 0 else f"  f{first + i}: {row}\n"
        for i in range(count)
    )
    return f"```{{comparison}}\nproducts: {products}\nfeatures:\n{rows}```\n"


PAGES = {
    "conf.py": (
        "extensions = ['sphinx_comparisons']\n"
        "hugo_limits = {'page_size': 200_000, 'table_cells': 100}\n"
    ),
    "_index.md": "---\ntitle: Home\n---\n\nhome\n",
    "rel.md": "---\ntitle: Rel\n---\n\n```{related-posts}\n"
    + _indented(BOMB, "  ").replace("  a:", "- a:", 1)
    + "- title: Kept post\n  url: https://example.org/kept\n```\n\nafter rel\n",
    "cmp.md": "---\ntitle: Cmp\n---\n\n```{comparison}\nbomb:\n"
    + _indented(BOMB, "  ")
    + "products: [Alpha, Beta]\nfeatures:\n  Kept feature: [yes, no]\n```\n\nafter cmp\n",
    "cmpfile.md": (
        "---\ntitle: Cmp file\n---\n\n```{comparison}\n:file: bomb.yaml\n```\n\nafter cmp file\n"
    ),
    "bomb.yaml": "bomb:\n"
    + _indented(BOMB, "  ")
    + "products: [Alpha, Beta]\nfeatures:\n  File feature: [yes, no]\n",
    "longtext.md": '---\ntitle: Long text\n---\n\n```{comparison}\ns: &s "'
    + "x" * 30_000
    + '"\nproducts: [A]\nfeatures:\n'
    + "".join(f"  F{i}: [*s]\n" for i in range(10))
    + "```\n\nafter long text\n",
    "cells.md": "---\ntitle: Cells\n---\n\n"
    + _table(0, 20)
    + "\n"
    + _table(100, 3)
    + "\nafter cells\n",
    "pipes.md": "---\ntitle: Pipes\n---\n\n|a|b|c|\n|-|-|-|\n"
    + "".join(f"|r{n}|x|y|\n" for n in range(40))
    + "\nafter pipes\n",
    "excerpt.md": "---\ntitle: Excerpt\n---\n\n```{related-posts}\n- {x: ["
    + ",".join(map(str, range(2000)))
    + "]}\n```\n\n"
    "```{comparison}\nproducts: [A]\nfeatures:\n  "
    + "N" * 1000
    + ": [yes, no]\n```\n\nafter excerpt\n",
}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return build_once(tmp_path_factory.mktemp("bodies"), PAGES, timeout=120)


def test_build_finishes(built):
    result, _ = built
    assert result.returncode == 0, result.stderr[-2000:]


def test_related_posts_alias_bomb(built):
    assert_located(
        built, "rel.md", 6, "limit", "related-posts body item 1 takes the page past 20000 values"
    )
    html = html_of(built, "rel")
    assert "Kept post" in html and "after rel" in html


def test_comparison_body_alias_bomb(built):
    assert_located(built, "cmp.md", 6, "limit", "comparison body key 'bomb'")
    html = html_of(built, "cmp")
    assert "Kept feature" in html and "after cmp" in html


def test_comparison_file_alias_bomb(built):
    assert_located(built, "cmpfile.md", 5, "limit", "comparison file 'bomb.yaml' key 'bomb'")
    html = html_of(built, "cmpfile")
    assert "File feature" in html and "after cmp file" in html


def test_aliased_text_counts_against_page_size(built):
    assert_located(
        built, "longtext.md", 8, "limit", "key 'features' takes the page past 200,000 characters"
    )
    assert "after long text" in html_of(built, "longtext")


def test_table_cells_keep_the_rows_that_fit(built):
    assert_located(
        built,
        "cells.md",
        5,
        "limit",
        "only the first 5 features of the first 20 products are shown",
    )
    assert_located(built, "cells.md", 30, "limit", "'table_cells'); it was left out")
    html = html_of(built, "cells")
    assert "<p>f4</p>" in html and "<p>f5</p>" not in html and "<p>f100</p>" not in html
    assert "after cells" in html


def test_pipe_table_cells_cut_the_page(built):
    assert_located(built, "pipes.md", 30, "limit", "more than 100 table cells")
    html = html_of(built, "pipes")
    assert "<p>r22</p>" in html and "r23" not in html and "after pipes" not in html


def test_messages_quote_short_excerpts(built):
    warnings = warnings_of(built, "excerpt.md")
    assert any("related post a mapping needs a 'title'" in w for w in warnings), warnings
    assert any(
        "feature 'NNNN" in w and "...' has 2 values for 1 products" in w for w in warnings
    ), warnings
    assert all(len(w) < 400 for w in warnings), [len(w) for w in warnings]
    assert "after excerpt" in html_of(built, "excerpt")


def test_loader_measures_before_building():
    started = time.perf_counter()
    data, problems = yamldata.load(
        "- " + BOMB.replace("\n", "\n  ").rstrip() + "\n- kept\n", "body", DEFAULT, 10
    )
    assert time.perf_counter() - started < 1
    assert data == ["kept"]
    assert [(p.subtype, p.line) for p in problems] == [("limit", 10)]


def test_excerpt_never_walks_a_structure():
    shared: list = ["lol"] * 9
    for _ in range(8):
        shared = [shared] * 9
    assert yamldata.excerpt(shared) == "a list"
    assert yamldata.excerpt("x" * 1000) == repr("x" * 80 + "...")
