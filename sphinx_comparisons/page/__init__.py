"""One page as Hugo shows it: its title and lead, heading ids, raw HTML, head tags and
template variables."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx_comparisons import compat, pipeline
from sphinx_comparisons.guard import Guarded
from sphinx_comparisons.page import (
    breaks,
    heading_ids,
    html_context,
    rawhtml,
    rawlinks,
    titles,
    translations,
)
from sphinx_comparisons.site import model

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup(app: Sphinx) -> None:
    """Register this package's handlers; ``extension.py`` calls it in pipeline order."""
    app.connect("config-inited", html_context.safe_mathjax, priority=pipeline.SAFE_MATHJAX)
    app.connect("builder-inited", html_context.copy_static, priority=pipeline.STYLESHEET)
    app.add_css_file(html_context.CSS_FILE)
    model.subscribe(app, heading_ids.rescheme)
    hooks = Guarded(app)
    hooks.connect("source-read", titles.on_source_read, priority=pipeline.TITLE_HEADING)
    hooks.connect("source-read", heading_ids.on_source_read, priority=pipeline.HEADING_ANCHORS)
    hooks.add_transform(titles.HugoTitles)
    hooks.add_transform(heading_ids.AssignHeadingIds)
    hooks.add_transform(rawhtml.OmitRawHtml)
    hooks.add_transform(rawlinks.ResolveRawHtmlLinks)
    breaks.setup(app)
    hooks.add_transform(breaks.KeepThematicBreaks)
    hooks.add_directive("meta", compat.docutils.LocatedMeta, override=True)
    hooks.connect("doctree-read", titles.on_doctree_read, priority=pipeline.DOCTREE_TITLES)
    hooks.connect(
        "doctree-resolved", rawlinks.write_addresses, priority=pipeline.RAW_HTML_ADDRESSES
    )
    hooks.connect("html-page-context", html_context.on_page_context, priority=pipeline.PAGE_CONTEXT)
    hooks.connect("html-page-context", translations.on_page_context, priority=pipeline.TRANSLATIONS)
