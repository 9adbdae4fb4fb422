"""The front matter parser on its own (no Sphinx), against Hugo's answers and bad input."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from conftest import FIXTURES, needs_shared
from sphinx_comparisons.hugo.frontmatter import parse
from sphinx_comparisons.hugo.page import titles


def read(path):
    with open(path, encoding="utf-8-sig") as handle:  # as Sphinx reads sources
        return handle.read()


def hugo_pages(fixture):
    data = json.loads((FIXTURES / fixture / "expected.json").read_text())
    return {page["path"]: page for page in data["pages"] if page.get("path")}


@needs_shared
@pytest.mark.parametrize(
    "name", ["yaml", "toml", "json", "bom", "crlf", "empty", "four-dashes", "spaces-after-open"]
)
def test_formats_match_hugo(name):
    expected = hugo_pages("01-frontmatter-formats")[f"{name}.md"]
    text = read(FIXTURES / "01-frontmatter-formats" / "content" / f"{name}.md")
    fm = parse(text)
    assert fm.problems == []
    assert fm.params.get("title", "") == expected["title"]
    assert fm.params.get("weight") == expected["params"].get("weight")
    body = text[fm.body_offset :]
    # Hugo's rendered content is the body: "Body", or for four-dashes "- x" + "Body".
    assert "Body" in body and "title" not in body
    if name == "four-dashes":
        assert body.startswith("- x\n")


@needs_shared
@pytest.mark.parametrize(
    ("fixture", "delimiter"),
    [("02-frontmatter-list-start-error", "YAML"), ("03-frontmatter-plus-start-error", "TOML")],
)
def test_invalid_delimiter_is_a_located_warning(fixture, delimiter):
    # Hugo fails the build ("invalid YAML delimiter"); we warn and keep the page.
    assert delimiter in (FIXTURES / fixture / "expected.txt").read_text()
    fm = parse(read(FIXTURES / fixture / "content" / "list.md"))
    assert [(p.subtype, p.line) for p in fm.problems] == [("frontmatter", 1)]
    assert f"invalid {delimiter} delimiter" in fm.problems[0].message
    assert fm.format is None and fm.body_offset == 0


@needs_shared
def test_keys_are_case_insensitive_as_in_hugo():
    pages = hugo_pages("04-frontmatter-keys")
    for name in ["upper.md", "link-title.md", "long.md", "params.md", "badges.md", "no-title.md"]:
        fm = parse(read(FIXTURES / "04-frontmatter-keys" / "content" / name))
        hugo = pages[name]
        assert fm.params.get("title", "") == hugo["title"], name
        named = titles(fm.params)
        assert (named.nav if named else "") == hugo["linkTitle"], name
        for key in ("headertitle", "badges", "weight", "linktitle"):
            assert fm.params.get(key) == hugo["params"].get(key), (name, key)


@needs_shared
def test_values_keep_their_types():
    fm = parse(read(FIXTURES / "04-frontmatter-keys" / "content" / "yaml-values.md"))
    hugo = hugo_pages("04-frontmatter-keys")["yaml-values.md"]["params"]
    assert fm.params["weight"] == hugo["weight"] == 5  # "5" becomes an int
    assert fm.params["empty"] == hugo["empty"] == []
    assert fm.params["mixed"] == hugo["mixed"]
    assert fm.params["nested"]["inner"] == hugo["nested"]["inner"] == {"deepkey": "x"}
    # Keys inside maps held in lists keep their case.
    assert list(fm.params["nested"]["list"][0]) == list(hugo["nested"]["list"][0]) == ["KeyInList"]
    assert fm.params["customdate"] == dt.date(2023, 10, 15)


def test_params_map_is_merged_last():
    # hugolib/page__meta.go (setMetaPostParams), v0.123+ (the version YugabyteDB pins).
    fm = parse("---\ntitle: Merge\nheaderTitle: A\nparams:\n  headerTitle: B\n---\n")
    assert fm.params["headertitle"] == "B"
    assert "params" not in fm.params


def test_typed_values_and_quirks():
    text = (
        "\ufeff\n---\ntitle: T\n\nweight: 3\ndraft: true\naliases:\n  - /a/\nmenu:\n  main:\n"
        "    weight: 2\nheadcontent:\n---\nBody"
    )
    fm = parse(text.lstrip("\ufeff"))
    assert fm.problems == []
    assert fm.params["weight"] == 3 and fm.params["draft"] is True
    assert fm.params["aliases"] == ["/a/"]
    assert fm.params["menu"] == {"main": {"weight": 2}}
    assert fm.params["headcontent"] is None
    assert text.lstrip("\ufeff")[fm.body_offset :] == "Body"


def test_toml_and_json_are_read_like_yaml():
    yaml_fm = parse(
        '---\ntitle: A\nweight: 3\naliases: ["/x/"]\nmenu:\n  main:\n    parent: p\n---\n'
    )
    toml_fm = parse(
        '+++\ntitle = "A"\nweight = 3\naliases = ["/x/"]\n[menu.main]\nparent = "p"\n+++\n'
    )
    json_fm = parse(
        '{"title": "A", "weight": 3, "aliases": ["/x/"], "menu": {"main": {"parent": "p"}}}\n'
    )
    assert yaml_fm.params == toml_fm.params == json_fm.params
    assert toml_fm.line_of("menu.main") == 5
    assert toml_fm.line_of("menu.main.parent") == 6


@pytest.mark.parametrize(
    ("text", "subtype", "line", "survivors"),
    [
        # malformed YAML: the bad line is reported and left out, the rest is kept
        (
            "---\ntitle: A\nweight: [1\nlinkTitle: L\n---\n",
            "frontmatter",
            3,
            {"title": "A", "linktitle": "L"},
        ),
        (
            "---\ntitle: A\n  bad: indent\nlinkTitle: L\n---\n",
            "frontmatter",
            3,
            {"title": "A", "linktitle": "L"},
        ),
        # malformed TOML and JSON
        ('+++\ntitle = "A"\nweight = = 3\n+++\n', "frontmatter", 3, {"title": "A"}),
        ('{"title": "A",\n "weight": 3,,\n "x": 1}\n', "frontmatter", 2, {"title": "A", "x": 1}),
        # not a mapping
        ("---\n- a\n- b\n---\n", "frontmatter", 1, {}),
        ('+++\n"just text"\n+++\n', "frontmatter", 2, {}),
        # wrong types
        ("---\ntitle: A\n\nweight: heavy\n---\n", "frontmatter_type", 4, {"title": "A"}),
        ("---\ntitle: A\ndraft: maybe\n---\n", "frontmatter_type", 3, {"title": "A"}),
        ("---\ntitle: {a: b}\nlinkTitle: L\n---\n", "frontmatter_type", 2, {"linktitle": "L"}),
        ("---\ntitle: A\naliases: {a: b}\n---\n", "frontmatter_type", 3, {"title": "A"}),
        ('+++\ntitle = "A"\nweight = true\n+++\n', "frontmatter_type", 3, {"title": "A"}),
        ('{"title": "A",\n "weight": "x"}\n', "frontmatter_type", 2, {"title": "A"}),
        # duplicate keys: the last one wins
        ("---\ntitle: A\ntitle: B\n---\n", "frontmatter_duplicate", 3, {"title": "B"}),
        (
            "---\nheaderTitle: A\nheadertitle: B\n---\n",
            "frontmatter_duplicate",
            3,
            {"headertitle": "B"},
        ),
        ('{"title": "A",\n"title": "B"}\n', "frontmatter_duplicate", 2, {"title": "B"}),
        # unclosed blocks
        ("---\ntitle: A\nBody\n", "frontmatter", 1, {}),
        ('{"title": "A"\nBody\n', "frontmatter", 1, {}),
    ],
)
def test_bad_input_is_located(text, subtype, line, survivors):
    fm = parse(text)
    assert [(p.subtype, p.line) for p in fm.problems][:1] == [(subtype, line)], fm.problems
    assert fm.params == survivors


def test_duplicate_nested_key_in_real_page_shape():
    text = (
        "---\nmenu:\n  preview_faq:\n    identifier: azure-cosmos\n    parent: comparisons\n"
        "    identifier: comparisons-cosmos\n---\n"
    )
    fm = parse(text)
    assert [(p.subtype, p.line) for p in fm.problems] == [("frontmatter_duplicate", 6)]
    assert "menu.preview_faq.identifier" in fm.problems[0].message
    assert fm.params["menu"]["preview_faq"]["identifier"] == "comparisons-cosmos"


def test_no_front_matter():
    fm = parse("Just text\n")
    assert fm.format is None and fm.params == {} and fm.problems == []


def test_no_final_newline_and_empty_block():
    assert parse("---\ntitle: A\n---").params == {"title": "A"}
    fm = parse("---\n---\nBody")
    assert fm.params == {} and fm.problems == []
