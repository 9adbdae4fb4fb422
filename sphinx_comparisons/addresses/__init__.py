"""Every page at its Hugo URL: builder URLs, links, redirects from aliases, the search index."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx_comparisons import pipeline
from sphinx_comparisons.addresses import address_book, links, redirects, search_index
from sphinx_comparisons.guard import Guarded
from sphinx_comparisons.site import model

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup(app: Sphinx) -> None:
    """Register this package's handlers; ``extension.py`` calls it in pipeline order."""
    app.connect("builder-inited", address_book.install, priority=pipeline.BUILDER_URLS)
    app.connect(
        "builder-inited", search_index.restore_search_index, priority=pipeline.SEARCH_INDEX_RESTORE
    )
    model.subscribe(app, links.relinked)
    app.connect("build-finished", address_book.remove_stale_pages, priority=pipeline.STALE_PAGES)
    app.connect("build-finished", search_index.fix_search_index, priority=pipeline.SEARCH_INDEX)
    app.connect("build-finished", redirects.write, priority=pipeline.REDIRECTS)
    hooks = Guarded(app)
    hooks.connect("doctree-resolved", search_index.stem_words_once, priority=pipeline.STEMS)
    hooks.add_transform(links.ResolveHugoLinks)
    hooks.add_transform(links.CheckFinalLinks)
