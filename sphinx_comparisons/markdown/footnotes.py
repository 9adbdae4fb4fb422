"""A footnote reference with no definition stays text, as in Goldmark.

Goldmark makes ``[^x]`` a footnote only when the page defines ``[^x]:``; otherwise the
brackets are printed as written, silently (checked with the oracle, Hugo 0.111.3). MyST makes
every ``[^x]`` a reference, and docutils' ``Footnotes`` transform (620) then reports an error
for each one without a definition.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.transforms import SphinxTransform

from sphinx_comparisons import compat, pipeline


class UndefinedFootnotesAsText(SphinxTransform):
    """Footnote references without a definition printed as written, as Goldmark prints them."""

    default_priority = pipeline.UNDEFINED_FOOTNOTES

    def apply(self, **kwargs: Any) -> None:
        defined = {name for note in self.document.findall(nodes.footnote) for name in note["names"]}
        for reference in list(self.document.findall(nodes.footnote_reference)):
            name = reference.get("refname")
            if name is not None and name not in defined:
                label = reference.rawsource or reference.astext() or name
                text = label if label.startswith("[^") else f"[^{label}]"
                reference.parent.replace(reference, nodes.Text(text))
                compat.docutils.forget_footnote_reference(self.document, reference)
