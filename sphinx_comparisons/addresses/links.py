"""Links written the Hugo way, resolved the way Hugo plus a browser resolves them.

A Markdown link is relative to the page's URL, not its file (``../foo/`` on
``/docs/a/`` is ``/docs/foo/``). Each link that lands on a page of the tree
becomes a cross-reference made for the current builder at write time (so it
is right under html, dirhtml, singlehtml and latex, and its ``#anchor`` is
checked); a site path outside the tree goes to ``hugo_base_url`` when set,
and is reported otherwise. Images are found the same way, in the content
tree or the site's ``static/`` folders.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from docutils.utils import get_source_line
from sphinx import addnodes
from sphinx.environment.collectors import EnvironmentCollector
from sphinx.transforms import SphinxTransform
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.nodes import make_refnode

from sphinx_comparisons import pipeline
from sphinx_comparisons.addresses import address_book
from sphinx_comparisons.diagnostics import warn
from sphinx_comparisons.hugo import pagelinks, paths, safeurl, urls
from sphinx_comparisons.site import records, sitewide

if TYPE_CHECKING:
    from collections.abc import Set as AbstractSet

    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

_RAW_ID = re.compile(r"""\b(?:id|name)\s*=\s*["']([^"']+)["']""")
_INDEX = "hugo_url_index"
_STATIC = "hugo_static_dirs"
_ANCHORS = "hugo_anchors"
_LINKS = "hugo_link_targets"


#: The ``refdomain`` of our page links: plain ``pending_xref`` nodes, so that
#: tables of contents copying a heading that holds one keep just its text.
DOMAIN = "hugo"


def set_index(env: BuildEnvironment, index: dict[str, str], static_dirs: list[str]) -> None:
    """Remember, before reading, which URL is which page and where static files live."""
    sitewide.put(env, _INDEX, index)
    setattr(env, _STATIC, static_dirs)


def url_index(env: BuildEnvironment) -> dict[str, str]:
    """Normalised Hugo URL -> docname, for every page with an address."""
    return sitewide.get(env, _INDEX, {})


def page_link(env: BuildEnvironment, written: str, names_pages: bool = False) -> pagelinks.Target | None:
    """Where a link written on the current page leads (:func:`pagelinks.target`)."""
    address = address_book.addresses(env).get(env.docname)
    page_url = address.url if address else "/"
    return pagelinks.target(written, env.docname, page_url, url_index(env), env.found_docs, names_pages)


def stale_linkers(env: BuildEnvironment, index: dict[str, str]) -> set[str]:
    """Pages with a link whose URL now leads to another page (or to one, or to none)."""
    recorded: dict[str, dict[str, str | None]] = getattr(env, _LINKS, {})
    return {
        docname
        for docname, targets in recorded.items()
        if any(index.get(path) != target for path, target in targets.items())
    }


def _static_file(env: BuildEnvironment, path: str) -> Path | None:
    relative = path.lstrip("/")
    for folder in [env.srcdir, *getattr(env, _STATIC, [])]:
        candidate = Path(folder, relative)
        if relative and paths.is_file(candidate):
            return candidate
    return None


def allowed(reference: nodes.reference, line: int | None = None) -> bool:
    """Whether a link passes the allow-list; a refused one is reported and keeps only its text.

    ``line`` locates a reference that carries no line of its own (docutils
    gives none to an image's ``:target:`` link).
    """
    uri = reference.get("refuri")
    reason = safeurl.refusal(uri) if isinstance(uri, str) else None
    if reason is None:
        return True
    source, own_line = get_source_line(reference)
    location: nodes.Node | str = reference
    if own_line is None and line is not None and source:
        location = f"{source}:{line}"
    warn("link_scheme", f"link {uri!r} {reason}; it is not linked", location=location)
    reference.replace_self(nodes.inline("", "", *reference.children))
    return False


def _allowed_entries(toctree: addnodes.toctree) -> None:
    """Drop toctree entries that are links with a refused scheme (``Text <javascript:...>``)."""
    kept = []
    for title, ref in toctree["entries"]:
        reason = None if ref in toctree.get("includefiles", ()) or ref == "self" else safeurl.refusal(ref)
        if reason is None:
            kept.append((title, ref))
        else:
            warn("link_scheme", f"toctree entry {ref!r} {reason}; it is left out", location=toctree)
    toctree["entries"] = kept


class CheckFinalLinks(SphinxTransform):
    """The allow-list again, once every link has its final address.

    docutils gives indirect, anonymous and chained targets (and an image's
    ``:target: name_``) their ``refuri`` in its reference transforms, after
    :class:`ResolveHugoLinks`; toctree entries are links Sphinx stores at
    ``doctree-read`` (priority 880, ``sphinx.transforms.DoctreeReadEvent``)
    and writes into every page's navigation.
    """

    default_priority = pipeline.FINAL_LINKS

    def apply(self, **kwargs: Any) -> None:
        line = None  # the last line seen, in document order
        for node in list(self.document.findall(nodes.Element)):
            line = node.line or line
            if isinstance(node, nodes.reference):
                allowed(node, line)
        for toctree in self.document.findall(addnodes.toctree):
            _allowed_entries(toctree)


class ResolveHugoLinks(SphinxTransform):
    """Turn links MyST could not place into links to pages, site URLs or static files."""

    default_priority = pipeline.LINKS

    def apply(self, **kwargs: Any) -> None:
        env = self.env
        docname = env.docname
        references = [reference for reference in list(self.document.findall(nodes.reference)) if allowed(reference)]
        address = address_book.addresses(env).get(docname)
        if address is None:
            return
        targets: dict[str, str | None] = {}
        for node in list(self.document.findall(addnodes.pending_xref)):
            if node.get("reftype") != "myst":
                continue
            if node.get("refdomain") is None:
                self._link(node, targets)
            elif node.get("refdomain") == "doc":
                self._to_file(node)
        for reference in references:
            if reference.get("id_link") and reference.get("refuri", "").startswith("#"):
                self._same_page(reference, docname)
        for image in self.document.findall(nodes.image):
            self._image(image, address)
        getattr(env, _LINKS, {}).pop(docname, None)
        if targets:
            links = getattr(env, _LINKS, None)
            if links is None:
                links = {}
                setattr(env, _LINKS, links)
            links[docname] = targets

    def _link(self, node: addnodes.pending_xref, targets: dict[str, str | None]) -> None:
        destination = node["reftarget"]
        reason = safeurl.refusal(destination)
        if reason is not None:
            warn("link_scheme", f"link {destination!r} {reason}; it is not linked", location=node)
            node.replace_self(nodes.inline("", "", *node.children))
            return
        found = page_link(self.env, destination)
        if found is None:
            return  # another site: MyST links it
        if found.url is not None:
            targets[found.url] = found.page
        path, fragment = found.path, found.fragment
        children = [child.deepcopy() for child in node.children] or [nodes.Text(destination)]
        if found.page is not None:
            link = addnodes.pending_xref("", *children, reftarget=found.page, refanchor=fragment, refdomain=DOMAIN, reftype="page")
            link.source, link.line = node.source, node.line
            node.replace_self(link)
            return
        if _static_file(self.env, path) is not None:
            node.replace_self(nodes.reference("", "", *children, refuri=destination))
            return
        base = records.hugo_config(self.env).base_url
        if base:
            uri = base.rstrip("/") + path + (f"#{fragment}" if fragment else "")
            node.replace_self(nodes.reference("", "", *children, refuri=uri, classes=["external"]))
            return
        warn(
            "link_unresolved",
            f"link {destination!r} leads to {path}, which is no page of this site "
            "(set hugo_base_url to send such links to the live site)",
            location=node,
        )
        node.replace_self(nodes.reference("", "", *children, refuri=destination))

    def _to_file(self, node: addnodes.pending_xref) -> None:
        """``[x](other.md#anchor)``, found by MyST: we check the anchor against Hugo's ids."""
        children = list(node.children) if node.get("refexplicit") else []
        link = addnodes.pending_xref(
            "", *children, reftarget=node["reftarget"], refanchor=node.get("reftargetid") or "", refdomain=DOMAIN, reftype="page"
        )
        link.source, link.line = node.source, node.line
        node.replace_self(link)

    def _same_page(self, reference: nodes.reference, docname: str) -> None:
        """``[x](#anchor)``: Hugo's heading ids decide, as on any other page."""
        link = addnodes.pending_xref(
            "", *reference.children, reftarget=docname, refanchor=reference["refuri"][1:], refdomain=DOMAIN, reftype="page"
        )
        link.source, link.line = reference.source, reference.line
        reference.replace_self(link)

    def _image(self, image: nodes.image, address: address_book.Address) -> None:
        uri = image["uri"]
        if not safeurl.is_path(uri):
            return
        original = Path(self.env.doc2path(self.env.docname)).parent
        path, _ = urls.resolve(address.url, uri)
        if not uri.startswith("/") and address.kind != "page":
            return  # sections and bundles: URL and file folder agree, Sphinx finds it
        found = _static_file(self.env, path)
        if found is not None:
            image["uri"] = os.path.relpath(found, original).replace(os.sep, "/")
            return
        if not uri.startswith("/") and paths.is_file(original / uri):
            return  # a file beside the source, as Sphinx reads it
        base = records.hugo_config(self.env).base_url
        if base:
            image["uri"] = base.rstrip("/") + path


class ResolveLinksAtWrite(SphinxPostTransform):
    """Make each page link for the builder at hand, checking its ``#anchor``."""

    default_priority = pipeline.LINKS_AT_WRITE

    def run(self, **kwargs: Any) -> None:
        anchors: dict[str, set[str]] = getattr(self.env, _ANCHORS, {})
        fromdoc = self.env.docname
        for node in list(self.document.findall(addnodes.pending_xref)):
            if node.get("refdomain") != DOMAIN:
                continue
            target, fragment = node["reftarget"], node["refanchor"]
            if target not in self.env.all_docs:
                node.replace_self(nodes.inline("", "", *node.children))
                continue
            if fragment and target in anchors and fragment not in anchors[target]:
                warn("link_anchor", f"link to {target!r} names anchor #{fragment}, which that page does not have", location=node)
            children = list(node.children) or [nodes.inline("", self.env.titles[target].astext() if target in self.env.titles else target)]
            node.replace_self(make_refnode(address_book.builder_of(self.env), fromdoc, target, fragment or "", children))


class AnchorCollector(EnvironmentCollector):
    """Each page's element ids (and ids written in raw HTML), for checking ``#anchor`` links."""

    def clear_doc(self, app: Sphinx, env: BuildEnvironment, docname: str) -> None:
        getattr(env, _ANCHORS, {}).pop(docname, None)
        getattr(env, _LINKS, {}).pop(docname, None)

    def merge_other(self, app: Sphinx, env: BuildEnvironment, docnames: AbstractSet[str], other: BuildEnvironment) -> None:
        for attribute in (_ANCHORS, _LINKS):
            theirs = getattr(other, attribute, {})
            ours = getattr(env, attribute, None)
            if ours is None:
                ours = {}
                setattr(env, attribute, ours)
            for docname in docnames:
                if docname in theirs:
                    ours[docname] = theirs[docname]

    def process_doc(self, app: Sphinx, doctree: nodes.document) -> None:
        ids = set(doctree.ids)
        for raw in doctree.findall(nodes.raw):
            ids.update(_RAW_ID.findall(raw.astext()))
        anchors = getattr(app.env, _ANCHORS, None)
        if anchors is None:
            anchors = {}
            setattr(app.env, _ANCHORS, anchors)
        anchors[app.env.docname] = ids
