"""The one rule for the page a written link leads to (hugo/pagelinks.py), from the core alone."""

from __future__ import annotations

import pytest

from sphinx_comparisons.hugo import pagelinks

#: docs/a.md at /docs/a/; docs/x.md took the URL /docs/b/ (``url``); docs/b.md's slug is "bee".
BY_URL = {
    "/docs/a/": "docs/a",
    "/docs/b/": "docs/x",
    "/docs/bee/": "docs/b",
    "/docs/": "docs/_index",
}
KEYS = {"docs/a", "docs/x", "docs/b", "docs/_index"}


@pytest.mark.parametrize(
    ("written", "names_pages", "page", "fragment"),
    [
        ("../b/", False, "docs/x", ""),  # the browser's reading of the page's URL
        ("/docs/b/#s", False, "docs/x", "s"),
        ("b.md#s", False, "docs/b", "s"),  # a content file, beside the page's own
        ("/docs/b.md", False, "docs/b", ""),
        ("_index.md", False, "docs/_index", ""),
        ("#top", False, "docs/a", "top"),
        ("docs/b", True, "docs/b", ""),  # directive data may name a page key
        ("docs/b", False, None, ""),  # a Markdown link may not: /docs/a/docs/b/
        ("/docs/b/", True, "docs/x", ""),  # a URL stays a URL
        ("../nowhere/", False, None, ""),
    ],
)
def test_the_page_a_link_leads_to(written, names_pages, page, fragment):
    found = pagelinks.target(written, "docs/a", "/docs/a/", BY_URL, KEYS, names_pages)
    assert (found.page, found.fragment) == (page, fragment)


@pytest.mark.parametrize("written", ["https://example.org/", "//cdn.org/", "mailto:a@x.org"])
def test_links_to_other_sites_lead_to_no_page(written):
    assert pagelinks.target(written, "docs/a", "/docs/a/", BY_URL, KEYS) is None
