"""One build's navigation cache (per process: parallel writers fork with their own copy).

Each distinct ``toctree(...)`` call is resolved and rendered once, against no page, with
tokens; each page then fills the tokens in (:mod:`~sphinx_comparisons.navcache.template`).
A call the cache cannot answer byte for byte goes to Sphinx's own function.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from sphinx.util import logging

from sphinx_comparisons import compat
from sphinx_comparisons.navcache import furo
from sphinx_comparisons.navcache.addresses import Address, Addresses, Linked
from sphinx_comparisons.navcache.template import Template, fill, parse
from sphinx_comparisons.navcache.tree import Marks, mark

logger = logging.getLogger(__name__)

#: The keyword arguments ``toctree()`` takes in the HTML builders' page context.
OPTIONS = ("includehidden", "maxdepth", "titles_only")
Key = tuple[bool, tuple[tuple[str, str], ...]]


@dataclass
class Entry:
    """One call's template, or ``None`` parts when Sphinx answers no page with a tree."""

    marks: Marks
    template: Template | None
    collapse: bool
    furo: Template | None = None
    furo_tried: bool = False
    addresses: Addresses | None = None


@dataclass
class Navigation:
    """The cache of one builder in one process, emptied when a build reads pages again."""

    builder: Any
    uris: Callable[[str], str] | None
    entries: dict[Key, Entry | None] = field(default_factory=dict)
    said: set[str] = field(default_factory=set)
    #: The Sphinx application (pydata's functions take it).
    app: Any = None
    #: pydata-sphinx-theme's sidebars (``navcache/pydata.py``), by call and section.
    sidebars: dict[Any, Any] = field(default_factory=dict)
    _parents: dict[str, str] | None = None

    @property
    def parents(self) -> dict[str, str]:
        """Each page's parent in the toctrees, as Sphinx walks up them."""
        if self._parents is None:
            self._parents = compat.toctrees.toctree_parents(self.builder.env)
        return self._parents

    def html(self, pagename: str, kwargs: dict[str, Any]) -> str | None:
        """The HTML ``toctree(**kwargs)`` gives on this page, or ``None`` for Sphinx's own."""
        if self.uris is None:
            self.say("a builder with its own relative addresses", pagename)
            return None
        entry = self.entry(kwargs)
        if entry is None:
            return None
        if entry.template is None:
            return ""
        if entry.collapse and not self.ancestors_match(entry.marks, pagename):
            self.say("a page whose open branch the cache cannot tell", pagename)
            return None
        addresses = self.addresses(entry, pagename)
        html = fill(entry.template, entry.marks, pagename, addresses, entry.collapse)
        if html is None:
            self.say("an address with characters the cache does not escape", pagename)
        return html

    def furo_tree(self, pagename: str) -> str | None:
        """furo's ``furo_navigation_tree`` for this page, or ``None`` for furo's own."""
        kwargs = {"collapse": False, "titles_only": True, "maxdepth": -1, "includehidden": True}
        if self.uris is None:
            return None
        entry = self.entry(kwargs)
        if entry is None or entry.template is None:
            return None
        if not entry.furo_tried:
            entry.furo_tried = True
            entry.furo = furo.template(entry.template, entry.marks)
            if entry.furo is None:
                self.say("furo's navigation tree in a shape the cache does not know", pagename)
        if entry.furo is None:
            return None
        last = furo.last_current(entry.marks, pagename)
        return fill(entry.furo, entry.marks, pagename, self.addresses(entry, pagename), False, last)

    def addresses(self, entry: Linked, pagename: str) -> Sequence[Address]:
        """Every link target's address from this page."""
        assert self.uris is not None  # checked by the callers
        if entry.addresses is None:
            relative = compat.toctrees.relative_uri
            entry.addresses = Addresses(entry.marks.targets, self.uris, relative)
        return entry.addresses.for_page(self.uris(pagename))

    def entry(self, kwargs: dict[str, Any]) -> Entry | None:
        key = call_key(kwargs)
        if key is None:
            self.say(f"a toctree() call with {sorted(kwargs)}", None)
            return None
        if key not in self.entries:
            with _collecting_young_objects():
                self.entries[key] = self._build(kwargs, key[0])
        return self.entries[key]

    def _build(self, kwargs: dict[str, Any], collapse: bool) -> Entry | None:
        options = {name: kwargs[name] for name in OPTIONS if name in kwargs}
        options.setdefault("includehidden", False)
        if options.get("maxdepth") == "":
            del options["maxdepth"]
        marks = Marks()
        node = compat.toctrees.reference_toctree(
            self.builder, {**options, "collapse": False}, marks.url_token, gc.collect
        )
        if node is None:
            return Entry(marks, None, collapse)
        node = self._without_unwritten_lists(node)
        if not mark(node, marks):
            self.say("a toctree of a shape the cache does not know", None)
            return None
        if collapse and compat.toctrees.sets_tocdepth(self.builder.env, set(marks.links)):
            self.say("a collapsed toctree with pages that set tocdepth", None)
            return None
        html = compat.toctrees.render_fragment(self.builder, node)
        del node
        gc.collect()
        template = parse(html, marks)
        if template is None:
            self.say("toctree HTML of a shape the cache does not know", None)
            return None
        return Entry(marks, template, collapse)

    def _without_unwritten_lists(self, node: Any) -> Any:
        """The tree without the lists the HTML writer leaves out (a page's hidden toctree,
        with ``includehidden=False``), when its HTML is the same without them: they hold no
        link, so no page makes them ``current``, and every token put in the tree is written.
        Taken out and put back in place rather than copied: the tree is the whole site."""
        unwritten = compat.toctrees.unwritten_lists(node)
        if not unwritten:
            return node
        render = compat.toctrees.render_fragment
        written = render(self.builder, node)
        places = [(found.parent, found.parent.index(found), found) for found in unwritten]
        for parent, _, found in places:
            parent.remove(found)
        if render(self.builder, node) != written:
            for parent, index, found in reversed(places):
                parent.insert(index, found)
        return node

    def ancestors_match(self, marks: Marks, pagename: str) -> bool:
        """With ``collapse``, Sphinx opens the entries of the page's toctree ancestors; the
        template opens the items holding a link to the page: they must be the same pages."""
        _, open_items = marks.for_page(pagename)
        opened = {marks.item_doc[item] for item in open_items if item in marks.item_doc}
        return opened == set(compat.toctrees.toctree_ancestors(self.parents, pagename))

    def say(self, what: str, pagename: str | None) -> None:
        """Once per build and reason, at ``-v``: where the cache left a page to Sphinx."""
        if what in self.said:
            return
        self.said.add(what)
        where = f" (first on {pagename!r})" if pagename else ""
        logger.verbose("hugo_navigation_cache: %s is rendered by Sphinx%s", what, where)


@contextlib.contextmanager
def _collecting_young_objects() -> Iterator[None]:
    """While the cache builds a call: the resolved tree (every page's headings, 41,661 nodes
    at 2,000 pages) is node objects linked both ways, which only the cycle collector frees.
    Collected as soon as each part is done, the next part and the pages written after reuse
    its memory instead of raising the build's peak. The objects older than the cache's
    build (the environment, every page's data) are frozen meanwhile, so that each collection
    visits the tree's objects only (unless the process froze objects of its own: those are
    left as they are, and each collection visits everything)."""
    ours = gc.get_freeze_count() == 0
    if ours:
        gc.freeze()
    try:
        yield
        gc.collect()
    finally:
        if ours:
            gc.unfreeze()


def call_key(kwargs: dict[str, Any]) -> Key | None:
    if set(kwargs) - {"collapse", *OPTIONS}:
        return None
    values = []
    for name in OPTIONS:
        if name in kwargs:
            value = kwargs[name]
            if not isinstance(value, (bool, int, str)):
                return None
            values.append((name, f"{type(value).__name__}:{value!r}"))
    return bool(kwargs.get("collapse", True)), tuple(values)
