"""Blockquote alerts ``> [!NOTE]`` rendered as the admonitions the ``alert`` shortcode gives.

Current Hugo (v0.132.0+, v0.134.0+ for any kind, the ``+``/``-`` sign and a title) hands them
to the blockquote render hook; Docsy's hook writes an alert titled with the title given or the
kind (``Note``, ``Secondary``), with the class ``alert-<kind>``. Hugo 0.111 has no alerts and
prints the quote with ``[!NOTE]``: current Hugo is followed here.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.transforms import SphinxTransform

from sphinx_comparisons import pipeline
from sphinx_comparisons.hugo import goldmark
from sphinx_comparisons.hugo.goldmark import ADMONITION_KINDS
from sphinx_comparisons.site import records

#: Docsy's one-line alert kind, ``> [!NB] text``: the text is the alert's body, without heading.
DOCSY_NOTA_BENE = "nb"


def _first_line(paragraph: nodes.paragraph) -> tuple[list[nodes.Node], list[nodes.Node]]:
    """A paragraph's inline nodes split at its first line break: the first line, the rest."""
    children = list(paragraph.children)
    for index, child in enumerate(children):
        if isinstance(child, nodes.Text) and "\n" in child:
            head, _, tail = str(child).partition("\n")
            rest: list[nodes.Node] = [nodes.Text(tail)] if tail else []
            return [*children[:index], *([nodes.Text(head)] if head else [])], [
                *rest,
                *children[index + 1 :],
            ]
    return children, []


def _plain(found: list[nodes.Node]) -> list[nodes.Node]:
    """The title's nodes without the spaces around it."""
    while found and isinstance(found[-1], nodes.Text) and not found[-1].strip():
        found.pop()
    if found and isinstance(found[-1], nodes.Text):
        found[-1] = nodes.Text(str(found[-1]).rstrip())
    return found


def admonition(quote: nodes.block_quote) -> nodes.Element | None:
    """The admonition a blockquote alert becomes, or None if the quote is no alert."""
    first = quote.children[0] if quote.children else None
    if not isinstance(first, nodes.paragraph) or not first.children:
        return None
    text = first.children[0]
    found = goldmark.alert(str(text)) if isinstance(text, nodes.Text) else None
    if found is None:
        return None
    first.replace(text, nodes.Text(str(text)[found.end :]))
    line, body = _first_line(first)
    title = _plain([node for node in line if not isinstance(node, nodes.Text) or str(node)])
    kind = ADMONITION_KINDS.get(found.kind, "note")
    node = nodes.admonition("", classes=[kind, f"alert-{found.kind}", *quote["classes"]])
    node["ids"] = list(quote["ids"])
    if found.kind == DOCSY_NOTA_BENE and title and not body and len(quote.children) == 1:
        body, title = title, []  # Docsy's one-line note: its text is the body, no heading
    else:
        node += nodes.title("", "", *(title or [nodes.Text(found.kind.title())]))
    if body:
        paragraph = nodes.paragraph("", "", *body)
        paragraph.source, paragraph.line = first.source, first.line
        node += paragraph
    node.extend(quote.children[1:])
    node.source, node.line = quote.source, quote.line
    return node


class BlockquoteAlerts(SphinxTransform):
    """Every ``> [!KIND]`` quote of a Markdown page becomes an admonition."""

    default_priority = pipeline.ALERTS

    def apply(self, **kwargs: Any) -> None:
        if not records.is_markdown(self.env, self.env.docname):
            return
        for quote in list(self.document.findall(nodes.block_quote)):
            replacement = admonition(quote)
            if replacement is not None:
                quote.replace_self(replacement)
