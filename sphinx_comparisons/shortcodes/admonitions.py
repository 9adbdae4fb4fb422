"""Admonition-like shortcodes: YugabyteDB's note/tip/warning, Docsy's alert, pageinfo, lead; Hugo's
details."""

from __future__ import annotations

from docutils import nodes

from sphinx_comparisons.hugo.fences import fence_for
from sphinx_comparisons.hugo.goldmark import ADMONITION_KINDS
from sphinx_comparisons.shortcodes.calls import Call
from sphinx_comparisons.shortcodes.markup import (
    argument_text,
    link_param,
    markdown_target,
    paragraph,
)


def _admonition(
    kind: str, title: str | None, call: Call, classes: list[str] | None = None
) -> list[nodes.Node]:
    body = call.markdown() if call.block or "\n" in (call.inner or "") else paragraph(call)
    if title:
        node: nodes.Element = nodes.admonition("", classes=[kind, *(classes or [])])
        node += nodes.title("", "", *call.inline_markdown(str(title)))
    else:
        node = getattr(nodes, kind)("", classes=classes or [])
    node.extend(body)
    node.source, node.line = str(call.env.doc2path(call.docname)), call.line
    return [node]


def note_like(call: Call) -> list[nodes.Node]:
    """YugabyteDB's note, tip, warning: an admonition, optional ``title``."""
    return _admonition(ADMONITION_KINDS[call.name], call.arg("title"), call)


def alert(call: Call) -> list[nodes.Node]:
    """Docsy's alert: ``color`` picks the kind, ``title`` is the heading."""
    color = str(call.arg("color", default="primary"))
    return _admonition(
        ADMONITION_KINDS.get(color, "note"), call.arg("title"), call, [f"alert-{color}"]
    )


def pageinfo(call: Call) -> list[nodes.Node]:
    color = str(call.arg("color", default="primary"))
    container = nodes.container("", classes=["hugo-pageinfo", f"hugo-pageinfo-{color}"])
    container.extend(call.markdown() if call.block else paragraph(call))
    return [container]


def lead(call: Call) -> list[nodes.Node]:
    """YugabyteDB's lead (a highlighted intro, optional ``link``) and Docsy's blocks/lead."""
    body = call.inner or ""
    link = link_param(call, "link")
    if link:
        body = body.rstrip() + f" [→]({markdown_target(link)})"
    container = nodes.container("", classes=["hugo-lead-block"])
    container.extend(
        call.markdown(body)
        if call.block
        else [nodes.paragraph("", "", *call.inline_markdown(body.strip()))]
    )
    return [container]


def details(call: Call) -> list[nodes.Node]:
    """Hugo's details: a sphinx-design dropdown; ``summary`` is its title, ``open`` opens it."""
    summary = argument_text(call.arg("summary", default="Details"))
    fence = fence_for(call.inner or "", "`")
    before = [f"{fence}{{dropdown}} {summary}"]
    if call.arg("open") in (True, "true", 1, "1"):
        before.append(":open:")
    return call.wrapped(before, [fence])
