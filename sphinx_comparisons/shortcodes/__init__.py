"""Hugo shortcodes: expanded before MyST reads a page, then rendered by their handlers."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx_comparisons import pipeline
from sphinx_comparisons.guard import Guarded
from sphinx_comparisons.shortcodes import calls, directive, docsy, heading_marks, source

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup(app: Sphinx) -> None:
    """Register this package's handlers; ``extension.py`` calls it in pipeline order."""
    hooks = Guarded(app)
    hooks.connect("source-read", source.on_source_read, priority=pipeline.SHORTCODES)
    hooks.add_directive("hugo-shortcode", directive.ShortcodeDirective)
    hooks.add_role("hugo-shortcode", directive.shortcode_role)
    hooks.add_node(calls.hugo_block)
    hooks.add_transform(calls.LiftBlocks)
    hooks.add_transform(docsy.LinkDownTargets)
    hooks.connect(
        "doctree-read", heading_marks.on_doctree_read, priority=pipeline.SHORTCODE_HEADINGS
    )
