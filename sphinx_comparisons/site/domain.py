"""The ``hugo`` domain: what reading a page collects about it, and the links between pages.

Sphinx keeps a domain's data with the environment, drops a page's entries
before the page is read again (``clear_doc``) and merges what parallel readers
collected (``merge_domaindata``). Per page it holds

- ``anchors``: the page's element ids, and ids written in its raw HTML;
- ``links``: the URL of each link the page made to a page, and the page it led to;
- ``uses``: digests of the site facts the page was built from (an assembled
  comparison table's claims, an automatic related-pages block's scores), so a
  change of those names the page to re-read;
- ``orphans``: pages the extension marked orphan (the navigation does not reach them);
- ``summaries``: the page's summary as HTML and whether it is truncated (``feeds/``).

Links to pages are ``pending_xref`` nodes of this domain (``reftype="page"``), resolved
when the page is written, for the builder at hand, their ``#anchor`` checked.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, ClassVar, cast

from docutils import nodes
from sphinx import addnodes
from sphinx.domains import Domain
from sphinx.util.nodes import make_refnode

from sphinx_comparisons import compat
from sphinx_comparisons.diagnostics import warn
from sphinx_comparisons.site import state

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

NAME = "hugo"
#: ``reftype`` of a link to a page: its target is a docname, ``refanchor`` the id on it.
PAGE = "page"
_RAW_ID = re.compile(r"""\b(?:id|name)\s*=\s*["']([^"']+)["']""")
_PER_PAGE = ("anchors", "links", "uses", "orphans", "summaries")


def page_link(
    children: list[nodes.Node], target: str, anchor: str, at: nodes.Element
) -> addnodes.pending_xref:
    """A link to page ``target`` (``#anchor`` on it), located where ``at`` is; without
    ``children``, the link shows the target page's title."""
    shown = children or [nodes.inline("", target)]
    link = addnodes.pending_xref(
        "",
        *shown,
        reftarget=target,
        refanchor=anchor,
        refdomain=NAME,
        reftype=PAGE,
        refexplicit=bool(children),
    )
    link.source, link.line = at.source, at.line
    return link


class HugoDomain(Domain):
    """What reading collects per page, and the links between pages (see the module's text)."""

    name = NAME
    label = "Hugo"
    # a ClassVar in Sphinx 9, an instance attribute in Sphinx 8.0
    initial_data: ClassVar[dict[str, Any]] = {key: {} for key in _PER_PAGE}  # type: ignore[misc]
    data_version = 2

    def clear_doc(self, docname: str) -> None:
        for key in _PER_PAGE:
            self.data[key].pop(docname, None)

    def merge_domaindata(self, docnames: Iterable[str], otherdata: dict[str, Any]) -> None:
        for key in _PER_PAGE:
            theirs = otherdata[key]
            self.data[key].update(
                (docname, theirs[docname]) for docname in docnames if docname in theirs
            )

    def process_doc(self, env: BuildEnvironment, docname: str, document: nodes.document) -> None:
        """Each page's element ids, and ids written in its raw HTML: what ``#anchor`` may name."""
        ids = set(document.ids)
        for raw in document.findall(nodes.raw):
            ids.update(_RAW_ID.findall(raw.astext()))
        self.data["anchors"][docname] = ids

    # Sphinx puts any node it is given in the reference's place, not only a reference
    def resolve_xref(  # type: ignore[override]
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        typ: str,
        target: str,
        node: addnodes.pending_xref,
        contnode: nodes.Element,
    ) -> nodes.Element | None:
        """Each link to a page made for the builder writing it, its ``#anchor`` checked."""
        if typ != PAGE:
            return None
        listed = state.model(env).lists.get(target)
        if listed is not None and listed.generated:  # a taxonomy or term page (``site/lists.py``)
            shown: list[nodes.Node] = list(node.children)
            if not node.get("refexplicit"):
                shown = [nodes.inline("", listed.title)]
            return make_refnode(builder, fromdocname, target, node.get("refanchor", ""), shown)
        if target not in env.all_docs:  # the page left the build since: the text stays
            return nodes.inline("", "", *node.children)
        fragment = node.get("refanchor", "")
        anchors = self.data["anchors"].get(target)
        if fragment and anchors is not None and fragment not in anchors:
            warn(
                "link_anchor",
                f"link to {target!r} names anchor #{fragment}, which that page does not have",
                location=node,
            )
        children = list(node.children)
        if not node.get("refexplicit"):
            children = [nodes.inline("", compat.sphinx.title_of(env, target) or target)]
        return make_refnode(builder, fromdocname, target, fragment, children)

    def resolve_any_xref(  # type: ignore[override]  # Sphinx 8.0 answers list[tuple[str, Element]]
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        target: str,
        node: addnodes.pending_xref,
        contnode: nodes.Element,
    ) -> list[tuple[str, nodes.reference]]:
        """Nothing: the ``any`` role finds pages through ``std:doc`` already, and a second
        answer from here would make every such reference ambiguous."""
        return []

    # -- what features record and ask ----------------------------------------------------

    def note_links(self, docname: str, targets: dict[str, str | None]) -> None:
        """The page's links to pages: normalised URL -> the page it led to (None: none)."""
        if targets:
            self.data["links"][docname] = targets
        else:
            self.data["links"].pop(docname, None)

    def linking_elsewhere(self, url_index: Mapping[str, str]) -> set[str]:
        """Pages with a link whose URL now leads to another page (or to one, or to none)."""
        return {
            docname
            for docname, targets in self.data["links"].items()
            if any(url_index.get(path) != target for path, target in targets.items())
        }

    def note_use(self, docname: str, fact: str, digest: str) -> None:
        """The page was built from ``fact`` of the site, as it stood when it had ``digest``."""
        self.data["uses"].setdefault(docname, {})[fact] = digest

    def using_other(self, fact: str, digest: str) -> set[str]:
        """Pages built from ``fact`` as it stood with another digest than ``digest``."""
        return {
            docname
            for docname, used in self.data["uses"].items()
            if used.get(fact, digest) != digest
        }

    def note_summary(self, docname: str, html: str, truncated: bool) -> None:
        self.data["summaries"][docname] = (html, truncated)

    def summary(self, docname: str) -> tuple[str, bool] | None:
        """The page's summary HTML and ``.Truncated``, if it was read."""
        found = self.data["summaries"].get(docname)
        return (str(found[0]), bool(found[1])) if found else None

    def orphans(self) -> dict[str, bool]:
        """Pages the extension marked orphan, kept so the mark can be taken back."""
        return cast("dict[str, bool]", self.data["orphans"])


def of(env: BuildEnvironment) -> HugoDomain:
    return cast("HugoDomain", env.get_domain(NAME))
