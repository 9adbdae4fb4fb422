"""Emoji codes (``:warning:``, ``:heart:``) as emoji, when the site config's ``enableEmoji`` is
true (Hugo's ``helpers.Emojify``, off by default); code, raw HTML and math keep them as written,
as Hugo's own docs show ``:heart:`` in a code block. The names are GitHub's aliases, the list
Hugo reads too, from the maintained ``emoji`` package.
"""

from __future__ import annotations

from typing import Any

import emoji
from docutils import nodes
from sphinx.transforms import SphinxTransform

from sphinx_comparisons import pipeline
from sphinx_comparisons.markdown.typography import in_literal
from sphinx_comparisons.site import records, state


class EmojiCodes(SphinxTransform):
    """``:name:`` emoji codes of a Markdown page as emoji, when the site enables emoji."""

    default_priority = pipeline.EMOJI

    def apply(self, **kwargs: Any) -> None:
        if not records.is_markdown(self.env, self.env.docname):
            return
        if state.model(self.env).site_config.get("enableEmoji") is not True:
            return
        for text in list(self.document.findall(nodes.Text)):
            if ":" not in text or in_literal(text):
                continue
            new = emoji.emojize(str(text), language="alias")
            if new != str(text):
                text.parent.replace(text, nodes.Text(new))
