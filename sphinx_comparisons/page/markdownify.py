"""Front matter text (a child page's ``description``, comparison data) as inline Markdown.

Hugo renders such text with ``markdownify``: Markdown, no shortcodes. MyST
would also run roles written in it (``{hugo-shortcode}`readfile ...```), so
the role rule is switched off while it is parsed. Raw HTML in it is then
treated as the body's is (``rawhtml.py``).
"""

from __future__ import annotations

from typing import Any

from docutils import nodes

from sphinx_comparisons import compat


def inline(state: Any, text: str, line: int) -> tuple[list[nodes.Node], list[nodes.system_message]]:
    """``text`` as inline Markdown nodes with no roles, and MyST's messages about it.

    Outside a MyST page (an rst page's directive) the text stays plain text, as
    reStructuredText would run its roles.
    """
    renderer = compat.myst.renderer_of(state)
    if renderer is None:
        return [nodes.Text(text)], []
    with compat.myst.without_roles(renderer):
        parsed, messages = state.inline_text(text, line)
    return list(parsed), list(messages)
