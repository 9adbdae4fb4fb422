"""Hugo's related content from the core alone, against Hugo's answer (fixture 38)."""

from __future__ import annotations

import json
import re

from conftest import FIXTURES, needs_shared
from hugo_tree import load_pages
from sphinx_comparisons.hugo import related
from sphinx_comparisons.hugo.content import Page


@needs_shared
def test_related_matches_hugo():
    fixture = FIXTURES / "38-related"
    pages = load_pages(fixture / "content")
    page = next(p for p in pages if p.key == "p")
    expected = next(
        p
        for p in json.loads((fixture / "expected.json").read_text())["pages"]
        if p.get("path") == "p.md"
    )
    hugo = re.search(r"related: \[([^\]]*)\]", expected["content"]).group(1).split()
    assert [
        f"{key}.md" for key in related.related(page, pages)
    ] == hugo  # d1 (keyword), d5 (tag+year), d3 (tag)


def test_checklist_78_shared_keyword_yes_shared_year_no():
    p = Page("p", "p.md", {"title": "P", "keywords": ["k"], "date": "2023-05-01"})
    d = Page("d", "d.md", {"title": "D", "keywords": ["k"], "date": "2020-01-01"})
    y = Page("y", "y.md", {"title": "Y", "date": "2023-01-01"})
    assert related.related(p, [d, y]) == ["d"]


def test_custom_settings_replace_the_defaults():
    settings = related.settings_from_config(
        {"threshold": 10, "indices": [{"name": "series", "weight": 50}], "tolower": True}
    )  # site config keys arrive lowercased
    p = Page("p", "p.md", {"series": ["Intro"]})
    d = Page("d", "d.md", {"series": "intro"})
    assert related.related(p, [d], settings) == ["d"]
    assert related.related(p, [d]) == []
