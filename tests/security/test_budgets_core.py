"""Budgets of the core parsers, called directly: linear time on quadratic inputs, limits
honoured."""

from __future__ import annotations

import time

from conftest import sphinx_build, strip_ansi, write_tree
from sphinx_comparisons.hugo import frontmatter, menus
from sphinx_comparisons.hugo.limits import (
    DEFAULT,
    Limits,
    LineIndex,
    check_overrides,
    truncate,
)
from sphinx_comparisons.shortcodes.expand import TEXT, expand


def _timed(call, *args):
    start = time.perf_counter()
    result = call(*args)
    return result, time.perf_counter() - start


def test_json_with_many_keys_is_linear():
    text = "{\n" + "".join(f'"k{i}": {i},\n' for i in range(10_000)) + '"title": "ok"\n}\n\nbody\n'
    fm, seconds = _timed(frontmatter.parse, text)
    assert seconds < 1.0 and fm.params["title"] == "ok" and fm.line_of("k9999") == 10_001


def test_json_with_many_duplicate_keys_is_linear():
    text = "{\n" + "".join(f'"k": {i},\n' for i in range(10_000)) + '"title": "ok"\n}\n'
    fm, seconds = _timed(frontmatter.parse, text)
    assert seconds < 1.0 and fm.params["k"] == 9_999
    duplicates = [p for p in fm.problems if p.subtype == "frontmatter_duplicate"]
    assert (
        len(duplicates) == 9_999
        and [p.line for p in duplicates[:2]] == [3, 4]
        and duplicates[-1].line == 10_001
    )


def test_yaml_alias_bomb_is_cut_at_the_node_budget():
    text = (
        "---\ntitle: ok\na: &a [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\n"
        + "".join(
            f"{x}: &{x} [" + ", ".join([f"*{p}"] * 10) + "]\n"
            for p, x in zip("abcdefghijklmnop", "bcdefghijklmnopq")
        )
        + "---\n"
    )
    fm, seconds = _timed(frontmatter.parse, text)
    assert seconds < 1.0 and fm.params["title"] == "ok"
    assert "a" in fm.params and "q" not in fm.params
    assert (
        next(p.line for p in fm.problems if p.subtype == "limit") == 7
    )  # "e": 10^5 values, past 20,000


def test_limits_are_raised_or_lowered_by_name():
    text = "---\ntitle: ok\nx: [[[[1]]]]\n---\n"
    assert "x" in frontmatter.parse(text).params
    fm = frontmatter.parse(text, DEFAULT.with_overrides({"frontmatter_depth": 3}))
    assert "x" not in fm.params and fm.problems[0].subtype == "limit" and fm.problems[0].line == 3


def test_many_shortcodes_on_one_page_are_linear():
    text = "".join("{{< param title >}}\n" for _ in range(30_000))
    result, seconds = _timed(expand, text, lambda sc: TEXT, lambda sc, inner: "x")
    assert (
        seconds < 5.0
    )  # 30 s before: each tag counted lines from offset 0, unclosed tags were moved once per level
    assert result.text == "x\n" * 30_000


def test_menu_parent_chain_is_cut_at_the_depth_limit():
    entries = [
        menus.MenuEntry(
            menu="main", identifier=f"e{n}", parent=f"e{n - 1}" if n else "", origin=("p", n)
        )
        for n in range(100_000)
    ]
    (tree, problems), seconds = _timed(menus.assemble, entries)
    assert seconds < 5.0
    depth, level = 0, tree["main"]
    while level:
        depth, level = depth + 1, [child for entry in level for child in entry.children]
    assert depth == DEFAULT.menu_depth
    assert [(p.subtype, p.origin) for p in problems] == [("limit", ("p", DEFAULT.menu_depth))]


def test_menu_parent_cycle_of_many_entries_is_linear():
    entries = [
        menus.MenuEntry(
            menu="main", identifier=f"e{n}", parent=f"e{(n + 1) % 20_000}", origin=("p", n)
        )
        for n in range(20_000)
    ]
    (_, problems), seconds = _timed(menus.assemble, entries)
    assert seconds < 5.0 and [p.subtype for p in problems] == ["menu_cycle"]


def test_line_index():
    index = LineIndex("a\nbc\n\nd", first_line=10)
    assert [index.line_at(offset) for offset in range(7)] == [10, 10, 11, 11, 11, 12, 13]


def test_truncate_cuts_at_a_line_break():
    assert truncate("ab\ncd\nef\n", 7) == ("ab\ncd\n", 3)
    assert truncate("ab\n", 7) == ("ab\n", None)


def test_overrides_are_checked():
    assert check_overrides({"page_size": 10}) == {"page_size": 10}
    for wrong in (
        {"nope": 1},
        {"page_size": 0},
        {"page_size": True},
        {"page_size": "1"},
        ["page_size"],
    ):
        assert check_overrides(wrong) is None
    assert set(Limits.documentation()) == set(Limits.names())


def test_unknown_limit_name_is_refused(tmp_path):
    src = write_tree(
        tmp_path / "src",
        {
            "conf.py": "extensions = ['sphinx_comparisons']\nhugo_limits = {'page_sise': 10}\n",
            "_index.md": "---\ntitle: Home\n---\n\n" + "text\n" * 10,
        },
    )
    result = sphinx_build(src, tmp_path / "out", "-b", "dirhtml")
    warnings = strip_ansi(result.stderr)
    assert (
        result.returncode == 0 and "hugo_limits must be" in warnings and "[hugo.config]" in warnings
    )
    assert "[hugo.limit]" not in warnings  # the default page_size is used
