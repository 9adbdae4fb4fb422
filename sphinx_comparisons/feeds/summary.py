"""Each page's summary, taken from its doctree when it is read (``hugo/summaries.py``).

The summary's HTML is made here from the page's top-level paragraphs, with their inline
markup through one allow-list (:func:`inline_html`): emphasis, strong, code, line breaks,
and links to other sites (``http``, ``https``, ``mailto``). Every other node is its escaped
text: a link inside the site is resolved only when a page is written, for the builder
writing it, so in a summary it is its text. Blocks other than paragraphs (headings, lists,
code) count only as text. Rendering nodes with the writer instead would need Sphinx
internals and a builder.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.transforms import SphinxTransform

from sphinx_comparisons import pipeline
from sphinx_comparisons.config import settings
from sphinx_comparisons.hugo import safeurl, summaries
from sphinx_comparisons.site import domain, records, state

if TYPE_CHECKING:
    from sphinx.application import Sphinx


#: The class of the comment node that stands for ``<!--more-->``.
MARKER = "hugo-more"


class MoreMarker(SphinxTransform):
    """Hugo's ``<!--more-->`` (a block or inline) becomes a comment node marked
    :data:`MARKER`: Hugo reads it whatever its raw HTML setting, and never reports it."""

    default_priority = pipeline.MORE_MARKER

    def apply(self, **kwargs: Any) -> None:
        for raw in list(self.document.findall(nodes.raw)):
            if "html" in raw.get("format", "").split() and summaries.MORE.fullmatch(
                raw.astext().strip()
            ):
                raw.replace_self(nodes.comment("", "more", classes=[MARKER]))


def _is_more(node: nodes.Node) -> bool:
    return isinstance(node, nodes.comment) and MARKER in node["classes"]


def _blocks(document: nodes.document) -> tuple[list[summaries.Block], list[summaries.Block] | None]:
    """The page's blocks in order, and those before ``<!--more-->`` (None without one). A
    marker inside a paragraph ends the summary within it."""
    blocks: list[summaries.Block] = []
    manual: list[summaries.Block] | None = None
    for node in _top_level(document):
        if _is_more(node) and manual is None:
            manual = list(blocks)
            continue
        if isinstance(node, nodes.paragraph):
            marker = next((child for child in node.children if _is_more(child)), None)
            if marker is not None and manual is None:
                before = node.children[: node.index(marker)]
                text = "".join(child.astext() for child in before)
                manual = [*blocks, _paragraph(before)] if text.strip() else list(blocks)
            blocks.append(_paragraph(node.children))
        elif not isinstance(
            node, nodes.raw | nodes.comment | nodes.target | nodes.substitution_definition
        ):
            blocks.append(summaries.Block(node.astext(), "", paragraph=False))
    return blocks, manual


def _paragraph(children: list[nodes.Node]) -> summaries.Block:
    text = " ".join("".join(child.astext() for child in children).split())
    shown = " ".join(inline_html(children).split())
    return summaries.Block(text, f"<p>{shown}</p>")


#: Inline nodes kept as their HTML element (``nodes.literal`` is code).
_ELEMENTS: dict[type[nodes.Node], str] = {
    nodes.emphasis: "em",
    nodes.strong: "strong",
    nodes.literal: "code",
    nodes.subscript: "sub",
    nodes.superscript: "sup",
}
#: How deep inline markup is followed; deeper, it is text.
_MAX_DEPTH = 20


def inline_html(children: list[nodes.Node], depth: int = 0) -> str:
    """Inline nodes as HTML through an allow-list: the elements of :data:`_ELEMENTS`, links
    to other sites (``safeurl.is_external``), everything else its escaped text."""
    parts = []
    for child in children:
        if isinstance(child, nodes.Text) or depth >= _MAX_DEPTH:
            parts.append(html.escape(child.astext(), quote=False))
            continue
        inner = inline_html(list(child.children), depth + 1)
        tag = _ELEMENTS.get(type(child))
        uri = child.get("refuri") if isinstance(child, nodes.reference) else None
        if tag is not None:
            parts.append(f"<{tag}>{inner}</{tag}>")
        elif isinstance(uri, str) and safeurl.is_external(uri) and safeurl.check(uri):
            parts.append(f'<a href="{safeurl.attribute(safeurl.clean(uri))}">{inner}</a>')
        elif isinstance(child, nodes.raw | nodes.comment):
            continue
        else:
            parts.append(inner)
    return "".join(parts)


def _top_level(element: nodes.Element, depth: int = 0) -> list[nodes.Node]:
    """Block nodes in document order, sections opened: their headings count as blocks, but
    the page's title (the top section's) is no part of its content."""
    found: list[nodes.Node] = []
    for child in element.children:
        if isinstance(child, nodes.section):
            found.extend(_top_level(child, depth + 1))
        elif isinstance(child, nodes.title) and depth <= 1:
            continue
        elif not isinstance(child, nodes.docinfo | nodes.meta):
            found.append(child)
    return found


def collect(app: Sphinx, document: nodes.document) -> None:
    """``doctree-read``: the page's summary, kept in the ``hugo`` domain for the feeds."""
    env = app.env
    if not records.is_markdown(env, env.docname):
        return
    params = records.params(env, env.docname)
    site = state.model(env).site_config
    blocks, manual = _blocks(document)
    cjk = params.get("iscjklanguage") is True or (
        "iscjklanguage" not in params and site.get("hasCJKLanguage") is True
    )
    found = summaries.summary(
        manual,
        params.get("summary"),
        blocks,
        summaries.length_of(site.get("summaryLength")),
        cjk,
        settings(env.config).summary_rule,
    )
    domain.of(env).note_summary(env.docname, found.html, found.truncated)
