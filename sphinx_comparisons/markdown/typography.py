"""Goldmark's typographer: Sphinx's smart quotes do its quotes, dashes and ellipsis; here it is
switched off when the site switches it off, and the site's own substitutions and the angle
quotes (``<<``, ``>>``) are applied after them.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.transforms import SphinxTransform

from sphinx_comparisons import pipeline
from sphinx_comparisons.hugo.goldmark import TYPOGRAPHER_DEFAULTS
from sphinx_comparisons.markdown import settings
from sphinx_comparisons.site import records

#: Text never changed by the typographer (code, raw HTML, math, literal blocks).
_LITERAL = (nodes.FixedTextElement, nodes.literal, nodes.raw, nodes.math, nodes.Special)


def in_literal(node: nodes.Node) -> bool:
    parent = node.parent
    while parent is not None:
        if isinstance(parent, _LITERAL):
            return True
        parent = parent.parent
    return False


class TypographerSwitch(SphinxTransform):
    """No smart quotes on a Markdown page of a site whose typographer is off."""

    default_priority = pipeline.TYPOGRAPHER_SWITCH

    def apply(self, **kwargs: Any) -> None:
        markdown = records.is_markdown(self.env, self.env.docname)
        if markdown and settings.of_env(self.env).typographer is None:
            self.document.settings.smart_quotes = False


class TypographerSubstitutions(SphinxTransform):
    """The site's substitutions in place of the defaults Sphinx's smart quotes wrote, and
    ``<<``/``>>`` as angle quotes."""

    default_priority = pipeline.TYPOGRAPHER

    def apply(self, **kwargs: Any) -> None:
        if not records.is_markdown(self.env, self.env.docname) or not self.config.smartquotes:
            return
        chosen = settings.of_env(self.env).typographer
        if chosen is None:
            return
        table = {TYPOGRAPHER_DEFAULTS[name]: value for name, value in chosen.items()}
        table.pop(TYPOGRAPHER_DEFAULTS["apostrophe"], None)  # the same as a right single quote
        changed = {key: value for key, value in table.items() if key != value}
        for text in list(self.document.findall(nodes.Text)):
            if in_literal(text):
                continue
            new = _substituted(str(text), changed, chosen)
            if new != str(text):
                text.parent.replace(text, nodes.Text(new))


def _substituted(text: str, changed: dict[str, str], chosen: dict[str, str]) -> str:
    if "<<" in text or ">>" in text:
        text = text.replace("<<", chosen["leftAngleQuote"]).replace(">>", chosen["rightAngleQuote"])
    if changed and any(key in text for key in changed):
        text = "".join(changed.get(char, char) for char in text)
    return text
