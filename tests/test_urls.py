"""Hugo URLs from the core alone, against Hugo's answers."""

from __future__ import annotations

import json

import pytest

from conftest import CORPUS, FIXTURES, needs_shared
from hugo_tree import load_pages
from sphinx_comparisons.hugo import urls


@needs_shared
@pytest.mark.parametrize(
    "fixture", ["08-urls-slug-url", "09-url-sanitize", "12-bundles-plain-dirs", "19-aliases"]
)
def test_page_urls_match_hugo(fixture):
    expected = {
        p["path"]: p["url"]
        for p in json.loads((FIXTURES / fixture / "expected.json").read_text())["pages"]
        if p.get("path")
    }
    ours = {page.path: urls.page_url(page) for page in load_pages(FIXTURES / fixture / "content")}
    # a leaf bundle's other .md files are resources in Hugo, not pages
    assert {path: url for path, url in ours.items() if path in expected} == expected


@needs_shared
def test_corpus_urls_match_hugo():
    expected = {
        p["path"]: p["url"]
        for p in json.loads((CORPUS / "hugo-expected.json").read_text())["pages"]
        if p.get("path")
    }
    ours = {page.path: urls.page_url(page) for page in load_pages(CORPUS / "content")}
    assert {path: ours[path] for path in expected} == expected


@pytest.mark.parametrize(
    ("page", "link", "expected"),
    [
        ("/docs/a/", "../bar/", ("/docs/bar/", "")),  # checklist 47
        ("/docs/", "bar/", ("/docs/bar/", "")),  # checklist 48
        ("/docs/a/", "foo/", ("/docs/a/foo/", "")),
        ("/docs/a/", "/preview/x/#y", ("/preview/x/", "y")),
        ("/docs/a/", "#frag", ("/docs/a/", "frag")),
        ("/docs/a/", "../../x/y/#anchor", ("/x/y/", "anchor")),
        ("/docs/a/", "../../../../x/", ("/x/", "")),
        ("/docs/a/", "img.png?x=1", ("/docs/a/img.png", "")),
    ],
)
def test_links_resolve_against_the_page_url(page, link, expected):
    assert urls.resolve(page, link) == expected


@needs_shared
@pytest.mark.parametrize(
    ("fixture", "scheme"),
    [("39-heading-ids-github", "github"), ("40-heading-ids-blackfriday", "blackfriday")],
)
def test_heading_ids_match_hugo(fixture, scheme):
    import re

    from sphinx_comparisons.hugo.headings import HeadingIds

    page = next(
        p
        for p in json.loads((FIXTURES / fixture / "expected.json").read_text())["pages"]
        if p.get("path")
    )
    expected = re.findall(r'<h2 id="([^"]*)">', page["content"])
    source = FIXTURES / fixture / "content" / "h.md"
    texts = [line[3:] for line in source.read_text().splitlines() if line.startswith("## ")]
    ids = HeadingIds(scheme)
    assert [ids.for_text(text) for text in texts] == expected
