"""Hugo menus from the core alone, against what real Hugo built for the same trees."""

from __future__ import annotations

import json

import pytest

from conftest import FIXTURES, needs_shared
from corpora import SITES
from hugo_tree import as_hugo_json, load_menus, load_pages, strip_hugo_json
from sphinx_comparisons.hugo import content, menus, siteconfig

MENU_FIXTURES = ["14-menu-defaults", "15-menu-parents", "16-menu-duplicates", "17-menu-sort"]


@needs_shared
@pytest.mark.parametrize("fixture", MENU_FIXTURES)
def test_menus_match_hugo(fixture):
    root = FIXTURES / fixture
    expected = json.loads((root / "expected.json").read_text())
    config = [root / "config.toml"] if (root / "config.toml").exists() else []
    tree, problems = load_menus(root / "content", config)
    ours = {name: as_hugo_json(entries) for name, entries in tree.items()}
    theirs = {name: strip_hugo_json(entries) for name, entries in expected["menus"].items()}
    assert ours == theirs
    # Hugo's WARN lines about duplicates are ours too, at the same files
    hugo_dups = sorted(
        line.split('"')[1].removeprefix("content/").split(":")[0]
        for line in expected["hugo_log"]
        if "duplicate menu entry" in line
    )
    our_dups = sorted(f"{p.origin[0]}.md" for p in problems if p.subtype == "menu_duplicate")
    assert our_dups == hugo_dups


CORPORA = SITES


@needs_shared
@pytest.mark.parametrize("corpus", sorted(CORPORA))
def test_corpus_menus_match_hugo(corpus):
    folder = SITES[corpus].content
    expected = SITES[corpus].expected()
    files = siteconfig.discover(folder)
    tree, _ = load_menus(folder, files)
    present = {p.key for p in load_pages(folder)}

    def prune(entries):
        # hugo-expected.json also lists pages that are not in the corpus; compare what is
        return [
            dict(e, children=prune(e["children"]))
            for e in entries
            if e["page"] is None or e["page"][:-3] in present
        ]

    for name, entries in expected["menus"].items():
        assert as_hugo_json(tree.get(name, [])) == prune(strip_hugo_json(entries)), name


def _entry(name, weight=0, identifier="", parent=""):
    return menus.MenuEntry(
        menu="m", name=name, weight=weight, identifier=identifier, parent=parent, origin=(name, 1)
    )


def test_sort_rule_from_the_spec():
    # navigation/menu.go (defaultMenuEntrySort)
    tree, _ = menus.assemble([_entry("A", 0), _entry("Z", 10), _entry("b", 10), _entry("q", -5)])
    assert [e.name for e in tree["m"]] == ["q", "b", "Z", "A"]
    tree, _ = menus.assemble([_entry("beta", 1), _entry("Alpha", 1)])
    assert [e.name for e in tree["m"]] == ["Alpha", "beta"]


def test_parent_rules_from_the_spec():
    # checklist 27-30: exact, case-sensitive match on identifier, else name; placeholders
    tree, problems = menus.assemble(
        [
            _entry("Comparisons", 1, identifier="comparisons"),
            _entry("Products", 2),
            _entry("child", parent="comparisons"),
            _entry("widget", parent="Products"),
            _entry("cased", parent="Comparisons"),
            _entry("orphan", parent="comparisons-home"),
        ]
    )
    names = [(e.name, e.identifier, [c.name for c in e.children]) for e in tree["m"]]
    assert names == [
        ("Comparisons", "comparisons", ["child"]),
        ("Products", "", ["widget"]),
        ("Comparisons", "", ["cased"]),
        ("comparisons-home", "", ["orphan"]),
    ]
    located = sorted((p.subtype, p.origin) for p in problems)
    assert located == [("menu_parent", ("cased", 1)), ("menu_parent", ("orphan", 1))]


def test_cycles_are_reported_once_and_left_out():
    tree, problems = menus.assemble(
        [
            _entry("top", 1),
            _entry("a", identifier="a", parent="b"),
            _entry("b", identifier="b", parent="a"),
            _entry("c", identifier="c", parent="a"),
            _entry("self", identifier="self", parent="self"),
        ]
    )
    assert [e.name for e in tree["m"]] == ["top"]
    cycles = [p for p in problems if p.subtype == "menu_cycle"]
    assert len(cycles) == 2
    assert '"a" -> "b" -> "a"' in cycles[0].message and cycles[0].origin == ("a", 1)
    assert '"self" -> "self"' in cycles[1].message


def test_front_matter_forms_and_defaults():
    # checklist 24-26: string, list, mapping; defaults from the page; menus wins over menu
    def page(params):
        return content.Page("p", "p.md", {"title": "About", "weight": 9, **params})

    for params, expected in [
        ({"menu": "main"}, [("main", "About", 9)]),
        ({"menu": ["main", "footer"]}, [("main", "About", 9), ("footer", "About", 9)]),
        ({"menu": {"main": {"weight": 5}}}, [("main", "About", 5)]),
        ({"menu": {"main": {}}}, [("main", "About", 9)]),
        ({"menu": {"main": None}}, [("main", "About", 9)]),
        ({"menu": "a", "menus": "b"}, [("b", "About", 9)]),
        ({"linktitle": "Short", "menu": "main"}, [("main", "Short", 9)]),
    ]:
        p = page(params)
        entries, problems = menus.page_entries(p.facts(), p.params, p.line_of)
        assert [(e.menu, e.name, e.weight) for e in entries] == expected, params
        assert problems == []
        assert all(e.identifier == "" and e.page == "p" for e in entries)


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"menu": {"main": {"weight": "heavy"}}}, "weight must be an integer"),
        ({"menu": {"main": {"parent": ["x"]}}}, "'parent' must be text"),
        ({"menu": {"main": "oops"}}, "must be a mapping"),
        ({"menu": ["main", 3]}, "must be menu names"),
    ],
)
def test_bad_menu_front_matter_is_located(params, message):
    p = content.Page("p", "p.md", {"title": "T", **params}, {"menu": 4, "menu.main": 5})
    entries, problems = menus.page_entries(p.facts(), p.params, p.line_of)
    assert len(problems) == 1 and message in problems[0].message
    assert problems[0].origin[0] == "p" and problems[0].origin[1] in (4, 5)
    assert entries  # the entry is still made, with what could be read
