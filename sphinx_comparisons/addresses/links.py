"""Links written the Hugo way, resolved the way Hugo plus a browser resolves them.

A Markdown link is relative to the page's URL, not its file (``../foo/`` on
``/docs/a/`` is ``/docs/foo/``). Each link that lands on a page of the tree
becomes a cross-reference of the ``hugo`` domain (``site/domain.py``), made for
the current builder at write time (so it is right under html, dirhtml,
singlehtml and latex, and its ``#anchor`` is checked); a site path outside the tree
goes to ``hugo_base_url`` when set, and is reported otherwise. Images are found the
same way, in the content tree or the site's ``static/`` folders.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from docutils.utils import get_source_line
from sphinx import addnodes
from sphinx.transforms import SphinxTransform

from sphinx_comparisons import compat, pipeline
from sphinx_comparisons.config import settings
from sphinx_comparisons.diagnostics import warn
from sphinx_comparisons.feeds import plan
from sphinx_comparisons.hugo import pagelinks, paths, safeurl, urls
from sphinx_comparisons.site import domain, state, translations

if TYPE_CHECKING:
    from collections.abc import Iterable

    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from sphinx_comparisons.site.addresses import Address


def relinked(
    app: Sphinx, env: BuildEnvironment, old: state.SiteModel | None, new: state.SiteModel
) -> Iterable[str]:
    """When the site changed: pages with a link whose URL now leads elsewhere, to be read again."""
    return domain.of(env).linking_elsewhere(new.url_index)


def page_link(
    env: BuildEnvironment, written: str, names_pages: bool = False
) -> pagelinks.Target | None:
    """Where a link written on the current page leads (:func:`pagelinks.target`)."""
    site = state.model(env)
    address = site.addresses.get(env.docname)
    page_url = address.url if address else "/"
    return pagelinks.target(
        written, env.docname, page_url, site.url_index, env.found_docs, names_pages
    )


def _linked_urls(env: BuildEnvironment) -> set[str]:
    return {urls.normalize(url) for url in state.model(env).linked.values()}


def static_file(env: BuildEnvironment, path: str) -> Path | None:
    relative = path.lstrip("/")
    for folder in [env.srcdir, *state.model(env).static_folders]:
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
        reason = (
            None
            if ref in toctree.get("includefiles", ()) or ref == "self"
            else safeurl.refusal(ref)
        )
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


def site_path_reference(
    env: BuildEnvironment,
    destination: str,
    found: pagelinks.Target,
    children: list[nodes.Node],
    location: nodes.Node | tuple[str, int | None],
) -> nodes.reference:
    """The link to a site path that is no page of this tree.

    A static file keeps its path; a path of another language's pages leads to that page where
    that language is published (``site/translations.py``); a ``render: link`` page (a URL, no
    file: a host redirect) and every other path go to ``hugo_base_url``'s site when it is set.
    Without it the link is kept as written and reported ``hugo.link_unresolved``.
    """
    path, fragment = found.path, found.fragment
    if static_file(env, path) is not None or path.lstrip("/") in plan.published(env):
        return nodes.reference("", "", *children, refuri=destination)
    base = settings(env.config).base_url
    if urls.normalize(path) in _linked_urls(env):
        uri = (base.rstrip("/") + path if base else destination.partition("#")[0]) + (
            f"#{fragment}" if fragment else ""
        )
        return nodes.reference("", "", *children, refuri=uri)
    other = translations.in_other_language(state.model(env), path)
    if other is not None and other[1] is not None:
        uri = other[1] + (f"#{fragment}" if fragment else "")
        return nodes.reference("", "", *children, refuri=uri)
    if base:
        uri = base.rstrip("/") + path + (f"#{fragment}" if fragment else "")
        return nodes.reference("", "", *children, refuri=uri, classes=["external"])
    if other is not None:
        warn(
            "link_unresolved",
            f"link {destination!r} leads to {path}, a page of language {other[0]!r} that this "
            "site's pages in that language do not have (set hugo_base_url to send such links "
            "to the live site)",
            location=location,
        )
        return nodes.reference("", "", *children, refuri=destination)
    warn(
        "link_unresolved",
        f"link {destination!r} leads to {path}, which is no page of this site "
        "(set hugo_base_url to send such links to the live site)",
        location=location,
    )
    return nodes.reference("", "", *children, refuri=destination)


class ResolveHugoLinks(SphinxTransform):
    """Turn links MyST could not place into links to pages, site URLs or static files."""

    default_priority = pipeline.LINKS

    def apply(self, **kwargs: Any) -> None:
        env = self.env
        docname = env.docname
        references = [
            reference
            for reference in list(self.document.findall(nodes.reference))
            if allowed(reference)
        ]
        address = state.model(env).addresses.get(docname)
        if address is None:
            return
        targets: dict[str, str | None] = {}
        for node in list(self.document.findall(addnodes.pending_xref)):
            kind = compat.myst.link_kind(node)
            if kind == "unplaced":
                self._link(node, targets)
            elif kind == "page":
                self._to_file(node)
        for reference in references:
            if compat.myst.is_same_page_link(reference):
                self._same_page(reference, docname)
        for image in self.document.findall(nodes.image):
            self._image(image, address)
        domain.of(env).note_links(docname, targets)

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
        children = [child.deepcopy() for child in node.children] or [nodes.Text(destination)]
        if found.page is not None:
            node.replace_self(domain.page_link(children, found.page, found.fragment, node))
            return
        node.replace_self(site_path_reference(self.env, destination, found, children, node))

    def _to_file(self, node: addnodes.pending_xref) -> None:
        """``[x](other.md#anchor)``, found by MyST: we check the anchor against Hugo's ids."""
        children = list(node.children) if node.get("refexplicit") else []
        anchor = compat.myst.page_link_anchor(node)
        node.replace_self(domain.page_link(children, node["reftarget"], anchor, node))

    def _same_page(self, reference: nodes.reference, docname: str) -> None:
        """``[x](#anchor)``: Hugo's heading ids decide, as on any other page."""
        reference.replace_self(
            domain.page_link(list(reference.children), docname, reference["refuri"][1:], reference)
        )

    def _image(self, image: nodes.image, address: Address) -> None:
        uri = image["uri"]
        if not safeurl.is_path(uri):
            return
        original = Path(self.env.doc2path(self.env.docname)).parent
        path, _ = urls.resolve(address.url, uri)
        if not uri.startswith("/") and address.kind != "page":
            return  # sections and bundles: URL and file folder agree, Sphinx finds it
        found = static_file(self.env, path)
        if found is not None:
            image["uri"] = os.path.relpath(found, original).replace(os.sep, "/")
            return
        if not uri.startswith("/") and paths.is_file(original / uri):
            return  # a file beside the source, as Sphinx reads it
        base = settings(self.env.config).base_url
        if base:
            image["uri"] = base.rstrip("/") + path
