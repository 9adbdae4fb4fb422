"""Inline and code shortcodes: highlight and the feature badges."""

from __future__ import annotations

import textwrap

from docutils import nodes

from sphinx_comparisons.shortcodes.calls import Call


def highlight(call: Call) -> list[nodes.Node]:
    """Hugo's highlight: the inner text as a code block in the given language."""
    code = textwrap.dedent(call.inner or "").strip("\n")
    block = nodes.literal_block(code, code, language=str(call.get(0) or "text"))
    options = str(call.get(1) or "")
    if "linenos" in options and "linenos=false" not in options:
        block["linenos"] = True
    return [block]


def badge(call: Call) -> list[nodes.Node]:
    label = call.name.rsplit("/", 1)[-1].upper()
    return [nodes.inline(label, label, classes=["hugo-badge", f"hugo-badge-{label.lower()}"])]
