"""What Hugo publishes besides pages: RSS feeds, ``sitemap.xml``, ``robots.txt``, and each
page's summary they show."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx_comparisons import pipeline
from sphinx_comparisons.feeds import summary, writer
from sphinx_comparisons.guard import Guarded

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup(app: Sphinx) -> None:
    """Register this package's handlers; ``extension.py`` calls it in pipeline order."""
    hooks = Guarded(app)
    hooks.add_transform(summary.MoreMarker)
    hooks.connect("doctree-read", summary.collect, priority=pipeline.SUMMARIES)
    app.connect("build-finished", writer.write, priority=pipeline.FEEDS)
