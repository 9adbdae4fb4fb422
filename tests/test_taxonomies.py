"""Taxonomies in the core (``hugo/taxonomies.py``) against Hugo's answers (tests/fixtures/blog)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from sphinx_comparisons.hugo import taxonomies, urls
from sphinx_comparisons.hugo.content import Page
from sphinx_comparisons.hugo.limits import DEFAULT
from tests.hugo_tree import load_pages

FIXTURE = Path(__file__).parent / "fixtures" / "blog"
EXPECTED = json.loads((FIXTURE / "hugo-expected.json").read_text())
LIST_ITEM = re.compile(r'<li(?: data-count="(\d+)")?>([^<]*)</li>')


def hugo_list(url: str) -> list[tuple[str, str]]:
    """(count, url) of each entry of a list page Hugo wrote (URLs as Hugo escaped them)."""
    text = EXPECTED["files"][url.strip("/") + "/index.html"]
    return [(count, item.replace("&#43;", "+")) for count, item in LIST_ITEM.findall(text)]


def site() -> taxonomies.Taxonomies:
    pages = load_pages(FIXTURE / "content")
    found, problems = taxonomies.site_taxonomies(
        {"taxonomies": {"tag": "tags", "category": "categories"}}
    )
    assert not problems
    return taxonomies.collect(pages, found)


def key_of_url(url: str) -> str:
    page = next(p for p in EXPECTED["pages"] if p["url"] == url)
    return page["path"][: -len(".md")]


@pytest.mark.parametrize("plural", ["tags", "categories"])
def test_terms_and_their_pages_are_hugos(plural):
    got = site()
    terms = got.terms[plural]
    assert [(str(len(t.pages)), t.url) for t in terms] == hugo_list(f"/{plural}/")
    for term in terms:
        expected = [key_of_url(url) for _, url in hugo_list(term.url)]
        assert list(term.pages) == expected, term.url


def test_term_titles_are_hugos():
    got = site()
    hugo = {p["url"]: p["title"] for p in EXPECTED["pages"] if p["kind"] == "term"}
    ours = {t.url: t.title for plural in got.terms for t in got.terms[plural]}
    assert ours == hugo
    # the term's _index.md gives its title; the first page by path its spelling otherwise
    assert ours["/tags/go-lang/"] == "Go, the language"
    assert ours["/tags/maintenance/"] == "maintenance"


def test_taxonomy_titles():
    found, _ = taxonomies.site_taxonomies({})
    assert [(t.plural, t.title) for t in found] == [("tags", "Tags"), ("categories", "Categories")]
    found, _ = taxonomies.site_taxonomies({"taxonomies": {"series": "my-series"}})
    assert [t.title for t in found] == ["My Series"]
    found, _ = taxonomies.site_taxonomies(
        {"taxonomies": {"tag": "tags"}, "capitalizelisttitles": False}
    )
    assert [t.title for t in found] == ["tags"]


@pytest.mark.parametrize(
    "values",
    [{"taxonomies": {}}, {"disablekinds": ["taxonomy"]}, {"disablekinds": ["Term"]}],
)
def test_taxonomies_disabled(values):
    assert taxonomies.site_taxonomies(values) == ((), [])


def test_bad_taxonomy_table():
    found, problems = taxonomies.site_taxonomies({"taxonomies": {"tag": "tags", "x": 5, "y": ".."}})
    assert [t.plural for t in found] == ["tags"]
    assert len(problems) == 2
    assert taxonomies.site_taxonomies({"taxonomies": "tags"})[0] == ()


@pytest.mark.parametrize(
    ("term", "key"),
    # asked of Hugo 0.111.3 (oracle --all-kinds --files): each term's URL segment
    [
        ("Go Lang", "go-lang"),
        ("C++", "c++"),
        ("a  -- b", "a--b"),
        ("Tab\there", "tab-here"),
        ("<b>Bold</b> & Co", "bbold/b-co"),
        ("Materials & Tools", "materials-tools"),
        ("(paren) [br] {c}", "paren-br-c"),
        ("~tilde@at!", "~tilde@at"),
        ("semi;colon:x", "semicolonx"),
        ("50% off", "50-off"),
        ("x_y.z", "x_y.z"),
        ("Ünïcode Straße", "ünïcode-straße"),
        ("#hash?q", "#hashq"),
        ("   ", ""),
        ("%%", ""),
    ],
)
def test_term_keys_are_hugos(term, key):
    assert taxonomies.term_key(term) == key


def page(path: str, **params) -> Page:
    lines = {key: 3 for key in params}
    return Page(path[: -len(".md")], path, {"title": path, **params}, lines)


def test_bad_terms_are_reported_with_their_line():
    pages = [
        page(
            "a.md",
            tags=[5, {"x": 1}, True, ["n"], "..", "a/../b", "%%", "ok", "<script>x</script>"],
        ),
        page("b.md", tags={"x": 1}, categories=3.5),
    ]
    found, _ = taxonomies.site_taxonomies({})
    got = taxonomies.collect(pages, found)
    assert {t.key for t in got.terms["tags"]} == {"5", "ok", "scriptx/script"}
    assert [t.key for t in got.terms["categories"]] == ["3.5"]
    messages = [(p.subtype, p.line) for p in got.problems["a.md"[:-3]]]
    # a dict, a bool, a list; ".." and "a/../b" have no safe address; "%%" is nothing (as Hugo)
    assert messages == [("taxonomy", 3)] * 5
    assert [p.subtype for p in got.problems["b"]] == ["taxonomy"]


def test_thousands_of_terms_stay_in_budget():
    limits = DEFAULT.with_overrides({"page_terms": 50, "site_terms": 120})
    pages = [page(f"p{i}.md", tags=[f"t{i}-{j}" for j in range(100)]) for i in range(3)]
    found, _ = taxonomies.site_taxonomies({})
    got = taxonomies.collect(pages, found, limits=limits)
    assert len(got.terms["tags"]) == 120
    assert {p.subtype for p in got.problems["p0"]} == {"limit"}
    assert {p.subtype for p in got.problems["p2"]} == {"limit"}


def test_paths_are_sanitized_as_hugo_does():
    # one implementation for file paths and terms (common/paths.Sanitize)
    assert urls.sanitize("My  Page & more") == "My-Page-more"
