"""The navigation cache's addresses per directory are Sphinx's ``relative_uri`` for every page."""

from __future__ import annotations

import itertools

import pytest
from sphinx.util.osutil import relative_uri

from sphinx_comparisons.navcache.addresses import Addresses

DIRHTML = ["", "a/", "a/b/", "a/b/c/", "a/b/cc/", "a/b/c/d/", "a/x/", "ab/", "z/y/x/", "q(1)/"]
HTML = ["index.html", "a.html", "a/index.html", "a/b.html", "a/b/c.html", "a/bb.html", "z/y.html"]
ODD = ["/abs/page.html", "a/#frag", "a/b c/", "https://example.org/x"]


@pytest.mark.parametrize("pages", [DIRHTML, HTML], ids=["dirhtml", "html"])
def test_every_page_gets_sphinx_s_relative_address_of_every_target(pages):
    targets = [*pages, *ODD, *pages]  # a target may be linked more than once
    addresses = Addresses(targets, lambda uri: uri, relative_uri)
    for base in pages:
        expected = [relative_uri(base, to) for to in targets]
        got = list(addresses.for_page(base))
        assert [g if g is not None else relative_uri(base, t) for g, t in zip(got, targets)] == (
            expected
        ), base
        # only the address with a space is left to Sphinx
        assert [t for g, t in zip(got, targets) if g is None] == ["a/b c/"], base


def test_pages_written_in_any_order_keep_their_addresses():
    targets = DIRHTML * 3
    addresses = Addresses(targets, lambda uri: uri, relative_uri)
    for base in itertools.chain(DIRHTML, reversed(DIRHTML), DIRHTML[::2]):
        assert list(addresses.for_page(base)) == [relative_uri(base, to) for to in targets]
