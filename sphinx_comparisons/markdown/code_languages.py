"""Code in a language no lexer knows is shown as plain code, silently, as Hugo's Chroma shows
it (Docsy's ``mermaid``, ``math``, ``go-html-template`` blocks; the oracle prints them as plain
``<pre><code>``). Sphinx would highlight them as plain text too, after a warning that Sphinx
8.0 gives without a type, so ``suppress_warnings`` cannot silence it. The language stays a
class of the block (``language-mermaid``), where a theme's script may look for it.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.transforms import SphinxTransform

from sphinx_comparisons import compat, pipeline
from sphinx_comparisons.config import settings
from sphinx_comparisons.site import records


class PlainCodeForUnknownLanguages(SphinxTransform):
    """A code block of a Markdown page in a language no lexer knows is plain text."""

    default_priority = pipeline.CODE_LANGUAGES

    def apply(self, **kwargs: Any) -> None:
        if settings(self.config).sphinx_only_warnings:
            return  # the user asked for Sphinx's own warnings
        if not records.is_markdown(self.env, self.env.docname):
            return
        for block in self.document.findall(nodes.literal_block):
            language = block.get("language")
            if isinstance(language, str) and language and not compat.sphinx.knows_lexer(language):
                block["language"] = "text"
