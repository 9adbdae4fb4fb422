"""Yes / no / partial symbols: accessible, and without loading an icon font.

Hugo sites mark feature tables with Font Awesome icons written as raw HTML
(``<i class="fa-solid fa-check"></i>``). Each becomes a symbol with its
meaning as text: visible text for non-HTML builders, a visually hidden label
for screen readers in HTML. The comparison directive uses the same symbols.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.transforms import SphinxTransform

from sphinx_comparisons import pipeline
from sphinx_comparisons.hugo import safeurl
from sphinx_comparisons.site import state

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment

#: meaning -> (symbol, label, plain-text form)
SYMBOLS = {
    "yes": ("✓", "Yes", "yes"),
    "no": ("✗", "No", "no"),
    "partial": ("!", "Partial", "partial"),
}

_ICON_CLASSES = {
    "fa-check": "yes",
    "fa-circle-check": "yes",
    "fa-square-check": "yes",
    "fa-check-circle": "yes",
    "fa-xmark": "no",
    "fa-times": "no",
    "fa-x": "no",
    "fa-circle-xmark": "no",
    "fa-times-circle": "no",
    "fa-exclamation": "partial",
    "fa-circle-exclamation": "partial",
    "fa-triangle-exclamation": "partial",
    "fa-exclamation-triangle": "partial",
    "fa-minus": "partial",
}
#: Matched against stripped text: with blanks on both ends, runs of spaces backtracked
#: quadratically.
_ICON = re.compile(r"""<i\s+class\s*=\s*["']([^"']*)["'][^>]*>(?:\s*(</i>))?""", re.IGNORECASE)


def meaning_of_icon(raw_html: str, closed: bool = True) -> str | None:
    """``yes``, ``no`` or ``partial`` for a lone Font Awesome ``<i>`` tag, else None.

    ``closed=False`` accepts the opening tag alone (Markdown inline HTML keeps
    ``<i ...>`` and ``</i>`` apart).
    """
    match = _ICON.fullmatch(raw_html.strip())
    if match is None or (closed and not match.group(2)):
        return None
    for name in match.group(1).split():
        if name in _ICON_CLASSES:
            return _ICON_CLASSES[name]
    return None


class symbol(nodes.inline):
    """One yes/no/partial mark.

    Its text is the plain word, which every non-HTML writer prints through its
    ``inline`` handler (Sphinx's translators dispatch along the class's MRO);
    HTML writes the mark and a visually hidden label instead. One node per
    mark keeps doctrees as small as the plain text they replace.
    """


def symbol_node(meaning: str) -> symbol:
    """The symbol for one meaning."""
    return symbol("", SYMBOLS[meaning][2], meaning=meaning)


def label(env: BuildEnvironment, meaning: str) -> str:
    """The meaning in words: the site's string ``comparison_<meaning>`` in the build's language
    (its ``i18n/`` files), else English."""
    return state.model(env).strings.get(f"comparison_{meaning}", SYMBOLS[meaning][1])


def visit_symbol_html(translator: Any, node: symbol) -> None:
    mark = SYMBOLS[node["meaning"]][0]
    label_text = label(translator.builder.env, node["meaning"])
    translator.body.append(
        f'<span class="hugo-symbol hugo-symbol-{node["meaning"]}">'
        f'<span aria-hidden="true">{safeurl.attribute(mark)}</span>'
        f'<span class="hugo-visually-hidden">{safeurl.attribute(label_text)}</span></span>'
    )
    raise nodes.SkipNode


class IconSymbols(SphinxTransform):
    """Replace Font Awesome yes/no/partial icons in raw HTML with accessible symbols."""

    default_priority = pipeline.SYMBOLS

    def apply(self, **kwargs: Any) -> None:
        for raw in list(self.document.findall(nodes.raw)):
            if raw.parent is None or "html" not in raw.get("format", "").split():
                continue
            meaning = meaning_of_icon(raw.astext(), closed=False)
            match = _ICON.fullmatch(raw.astext().strip())
            if meaning is None or match is None:  # a meaning implies the match
                continue
            if not match.group(2):
                closing = self._closing(raw)
                if closing is None:
                    continue
                closing.parent.remove(closing)
            raw.replace_self(symbol_node(meaning))

    @staticmethod
    def _closing(raw: nodes.raw) -> nodes.raw | None:
        """The ``</i>`` that closes an inline ``<i ...>``, with nothing but blanks between."""
        parent = raw.parent
        for sibling in parent.children[parent.index(raw) + 1 :]:
            if isinstance(sibling, nodes.raw) and sibling.astext().strip().lower() == "</i>":
                return sibling
            if not (isinstance(sibling, nodes.Text) and not sibling.strip()):
                return None
        return None
