"""The components Hugo docs are made of beyond pages: comparison tables, related posts,
symbols."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx_comparisons import pipeline
from sphinx_comparisons.components import comparison, related_posts, symbols
from sphinx_comparisons.guard import Guarded

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup(app: Sphinx) -> None:
    """Register this package's handlers; ``extension.py`` calls it in pipeline order."""
    hooks = Guarded(app)
    hooks.add_node(symbols.symbol, html=(symbols.visit_symbol_html, None))
    hooks.add_transform(symbols.IconSymbols)
    hooks.add_directive("comparison", comparison.ComparisonDirective)
    hooks.add_env_collector(comparison.ComparisonPages)
    hooks.connect(
        "html-page-context", comparison.accessible_markup, priority=pipeline.COMPARISON_MARKUP
    )
    hooks.connect("source-read", related_posts.on_source_read, priority=pipeline.RELATED_POSTS)
    hooks.add_directive("related-posts", related_posts.RelatedPostsDirective)
    hooks.add_node(related_posts.related_block, html=(related_posts.visit_related_html, None))
    hooks.add_env_collector(related_posts.RelatedPages)
