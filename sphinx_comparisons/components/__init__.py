"""The components Hugo docs are made of beyond pages: comparison tables, related posts,
symbols."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx_comparisons import pipeline
from sphinx_comparisons.components import comparison, related_posts, symbols
from sphinx_comparisons.guard import Guarded
from sphinx_comparisons.site import model

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup(app: Sphinx) -> None:
    """Register this package's handlers; ``extension.py`` calls it in pipeline order."""
    model.subscribe(app, comparison.reassembled)
    model.subscribe(app, related_posts.rescored)
    hooks = Guarded(app)
    hooks.add_node(symbols.symbol, html=(symbols.visit_symbol_html, None))
    hooks.add_transform(symbols.IconSymbols)
    hooks.add_directive("comparison", comparison.ComparisonDirective)
    hooks.add_node(
        comparison.header_cell,
        html=(comparison.visit_header_cell_html, comparison.depart_header_cell_html),
    )
    hooks.add_node(
        comparison.scroll_region,
        html=(comparison.visit_scroll_region_html, comparison.depart_scroll_region_html),
    )
    hooks.connect("source-read", related_posts.on_source_read, priority=pipeline.RELATED_POSTS)
    hooks.add_directive("related-posts", related_posts.RelatedPostsDirective)
    hooks.add_node(related_posts.related_block, html=(related_posts.visit_related_html, None))
