"""Addresses in a page's raw HTML resolved as its Markdown links and images are.

``<img src="/img/x.svg">``, ``<a href="/docs/x/">`` and relative addresses in
raw HTML are resolved against the page's URL, as a browser does under Hugo
(:mod:`sphinx_comparisons.hugo.pagelinks`): a page becomes a link for the
builder writing it, a static or content file is published at its site path,
a site path outside the tree goes to ``hugo_base_url``, anything else is a
``hugo.link_unresolved`` warning. A refused scheme (``javascript:``) is a
``hugo.link_scheme`` warning and the address is emptied.

While reading, each resolved value is replaced by a placeholder and its target
kept on the node; at ``doctree-resolved`` the final address is written, escaped by
:func:`safeurl.attribute`, for the builder at hand (dirhtml and html differ).
"""

from __future__ import annotations

import posixpath
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.transforms import SphinxTransform

from sphinx_comparisons import pipeline
from sphinx_comparisons.addresses import links
from sphinx_comparisons.config import settings
from sphinx_comparisons.diagnostics import warn
from sphinx_comparisons.files import reads
from sphinx_comparisons.hugo import htmlattrs, outputs, paths, safeurl
from sphinx_comparisons.page.rawhtml import OWN_HTML
from sphinx_comparisons.site import state

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from sphinx_comparisons.hugo.pagelinks import Target

#: Node attribute: the targets of the placeholders in the node's HTML.
TARGETS = "hugo_raw_targets"
#: Node attribute: content files the HTML names, to publish at their site paths.
FILES = "hugo_raw_files"


def placeholder(index: int) -> str:
    """Where the address of a node's ``index``-th target goes until the page is written."""
    return f"\ue000{index}\ue001"


def _is_raw_html(node: nodes.Node) -> bool:
    return (
        isinstance(node, nodes.raw)
        and "html" in node.get("format", "").split()
        and not node.get(OWN_HTML)
    )


class ResolveRawHtmlLinks(SphinxTransform):
    """Find each ``src``/``href`` of the page's raw HTML and decide where it leads."""

    default_priority = pipeline.RAW_HTML_LINKS

    def apply(self, **kwargs: Any) -> None:
        if state.model(self.env).addresses.get(self.env.docname) is None:
            return
        for node in list(self.document.findall(nodes.raw)):
            if not _is_raw_html(node):
                continue
            text = node.astext()
            found = htmlattrs.links(text)
            if not found:
                continue
            values: dict[int, str] = {}
            targets: list[dict[str, str]] = []
            for link in found:
                new = self._resolve(node, link.value, targets)
                if new is not None:
                    values[link.start] = new
            if values:
                node.children = []
                node += nodes.Text(htmlattrs.replaced(text, values))
                node[TARGETS] = targets

    def _resolve(self, node: nodes.raw, value: str, targets: list[dict[str, str]]) -> str | None:
        """The new (escaped) value or placeholder for one address; None to keep it."""
        reason = safeurl.refusal(value)
        if reason is not None:
            warn("link_scheme", f"raw HTML address {value!r} {reason}; it is removed", node)
            return ""
        if not safeurl.is_path(value) or value.startswith("#") or not value.strip():
            return None
        found = links.page_link(self.env, safeurl.clean(value))
        if found is None:
            return None
        target = self._target(found, value)
        if target is None:
            base = settings(self.env.config).base_url
            if base:
                fragment = f"#{found.fragment}" if found.fragment else ""
                return safeurl.attribute(base.rstrip("/") + found.path + fragment)
            warn(
                "link_unresolved",
                f"raw HTML address {value!r} leads to {found.path}, which is no page or file of "
                "this site (set hugo_base_url to send such addresses to the live site)",
                node,
            )
            return None
        if "file" in target:
            node[FILES] = [*node.get(FILES, []), (target["site"], target.pop("file"))]
        targets.append(target)
        return placeholder(len(targets) - 1)

    def _target(self, found: Target, value: str) -> dict[str, str] | None:
        if found.page is not None:
            return {"page": found.page, "fragment": found.fragment}
        static = links.static_file(self.env, found.path)
        in_content = static is not None and paths.contained(
            static, paths.roots(self.env.srcdir), dotted=True
        )
        if static is not None and not in_content:
            return {"site": found.path, "fragment": found.fragment}
        if static is None and not value.startswith("/"):
            relative = value.partition("#")[0].partition("?")[0]
            static = Path(self.env.doc2path(self.env.docname)).parent / relative
        # a file the page may read (hugo/paths.py): never one out of the site, or a dot file
        allowed = reads.allowed(self.env, static) if static is not None else None
        if allowed is None or not paths.is_file(allowed):
            return None
        return {"site": found.path, "fragment": found.fragment, "file": str(allowed)}


def write_addresses(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: the placeholders written as addresses for the builder writing the
    page."""
    builder = app.builder
    if builder.format != "html":
        return
    here = posixpath.dirname(builder.get_target_uri(docname))
    for node in list(doctree.findall(nodes.raw)):
        targets = node.get(TARGETS)
        if not targets:
            continue
        text = node.astext()
        for index, target in enumerate(targets):
            if "page" in target:
                uri = builder.get_relative_uri(docname, target["page"])
            else:
                uri = posixpath.relpath(target["site"].lstrip("/") or ".", here or ".")
                uri += "/" if target["site"].endswith("/") and not uri.endswith("/") else ""
            if target["fragment"]:
                uri = f"{uri.partition('#')[0]}#{target['fragment']}"
            text = text.replace(placeholder(index), safeurl.attribute(uri))
        node.children = []
        node += nodes.Text(text)
        _publish(app.outdir, node.get(FILES, []))


def _publish(outdir: str | Path, files: list[tuple[str, str]]) -> None:
    """Copy content files named by raw HTML to their site paths, as Hugo publishes a bundle's
    resources; a path the output rule refuses is left out, an unchanged copy left alone."""
    for site_path, source in files:
        destination = outputs.inside(Path(outdir), site_path.lstrip("/"))
        if destination is None:
            continue
        try:
            data = Path(source).read_bytes()
            if destination.is_file() and destination.read_bytes() == data:
                continue
            destination.parent.mkdir(parents=True, exist_ok=True)
            destination.write_bytes(data)
        except OSError as err:
            warn("output", f"{site_path!r} cannot be published: {err}")
