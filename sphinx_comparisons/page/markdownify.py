"""Front matter text (a child page's ``description``, comparison data) as inline Markdown.

Hugo renders such text with ``markdownify``: Markdown, no shortcodes. MyST
would also run roles written in it (``{hugo-shortcode}`readfile ...```), so
the role rule is switched off while it is parsed. Raw HTML in it is then
treated as the body's is (``rawhtml.py``).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from docutils import nodes

#: markdown-it rules that would reach beyond Markdown: MyST roles.
_RULES = ("myst_role",)


@contextmanager
def _without_roles(md: Any) -> Iterator[None]:
    active = set(md.get_active_rules().get("inline", []))
    switched = [name for name in _RULES if name in active]
    md.disable(switched, ignoreInvalid=True)
    try:
        yield
    finally:
        md.enable(switched, ignoreInvalid=True)


def inline(state: Any, text: str, line: int) -> tuple[list[nodes.Node], list[nodes.system_message]]:
    """``text`` as inline Markdown nodes with no roles, and MyST's messages about it.

    Outside a MyST page (an rst page's directive) the text stays plain text, as
    reStructuredText would run its roles.
    """
    renderer = getattr(state, "_renderer", None)
    if renderer is None:
        return [nodes.Text(text)], []
    with _without_roles(renderer.md):
        parsed, messages = state.inline_text(text, line)
    return list(parsed), list(messages)
