"""Page titles rendered to HTML once per build, where the HTML builders render them again for
every page that links to them (the previous, next and parent links of each page).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from docutils import nodes
from sphinx.builders import Builder

#: What a title may hold and still render the same HTML on every page: text and inline markup
#: whose HTML names no address (no reference, image, raw HTML, math or pending link).
_SAME_ON_EVERY_PAGE = (
    nodes.title,
    nodes.Text,
    nodes.emphasis,
    nodes.strong,
    nodes.literal,
    nodes.inline,
    nodes.subscript,
    nodes.superscript,
    nodes.abbreviation,
    nodes.title_reference,
)


def remember_titles(builder: Builder) -> None:
    """The builder renders each page title once per build.

    ``get_doc_context`` renders the title of the page's next, previous and parent pages with
    ``render_partial`` (a new document, docutils' transforms and a translator each time):
    five renders a page at 2,000 pages, the same few titles again and again. A title holding
    only text and inline markup renders the same HTML on any page, so its HTML is kept, keyed
    by the node's whole structure (``pformat``: its text, classes and attributes), and a copy
    given back. Anything else (a table of contents, a title with a link or an image) goes to
    Sphinx's own function every time.

    Relies on: ``StandaloneHTMLBuilder.render_partial(node)``, which ``get_doc_context`` calls
    on the builder instance and which depends only on the node and the builder's settings.
    No public API: the relations' titles are rendered inside ``get_doc_context``.
    Checked against: Sphinx 8.0–9.0, myst-parser 4.0–5.2, sphinx-design 0.6–0.8.
    """
    own = getattr(builder, "render_partial", None)
    if callable(own) and "render_partial" not in vars(builder):
        builder.render_partial = _remembered(own)  # type: ignore[attr-defined]


def _remembered(own: Callable[[Any], dict[str, str]]) -> Callable[[Any], dict[str, str]]:
    rendered: dict[str, dict[str, str]] = {}

    def render_partial(node: Any) -> dict[str, str]:
        if not isinstance(node, nodes.title) or not all(
            isinstance(part, _SAME_ON_EVERY_PAGE) for part in node.findall()
        ):
            return own(node)
        key = node.pformat()
        parts = rendered.get(key)
        if parts is None:
            # a copy: Sphinx 8.0 gives its publisher's own parts, which the next render changes
            parts = rendered[key] = dict(own(node))
        return dict(parts)

    return render_partial
