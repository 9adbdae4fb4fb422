"""The list pages Hugo generates: taxonomy and term pages, and each page's term links."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx_comparisons import pipeline
from sphinx_comparisons.guard import Guarded
from sphinx_comparisons.lists import blog, pages
from sphinx_comparisons.site import model

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup(app: Sphinx) -> None:
    """Register this package's handlers; ``extension.py`` calls it in pipeline order."""
    model.subscribe(app, pages.relisted)
    app.connect("env-get-outdated", pages.stale_lists, priority=pipeline.STALE_LISTS)
    app.connect("html-collect-pages", pages.collect, priority=pipeline.LIST_PAGES)
    app.connect("doctree-resolved", blog.byline, priority=pipeline.POST_BYLINE)
    hooks = Guarded(app)
    hooks.connect("html-page-context", pages.on_page_context, priority=pipeline.LIST_PAGE_CONTEXT)
