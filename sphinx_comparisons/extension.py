"""The pipeline: the parsers this extension builds on, then each feature package in the order
a page passes through them.

Each package registers its own events, directives, nodes and transforms in its ``setup``; the
priorities they use are named in ``pipeline.py``, and ``docs/architecture.md`` shows the table
generated from the registrations.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx_comparisons import (
    addresses,
    compat,
    components,
    config,
    feeds,
    files,
    lists,
    markdown,
    navcache,
    navigation,
    page,
    shortcodes,
    site,
)
from sphinx_comparisons.checkbuilder import CheckBuilder

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

#: Bump when what is stored on the environment changes shape.
ENV_VERSION = 5


#: The feature packages, in the order a page passes through them.
FEATURES = (
    config,  # the hugo_* settings, validated once
    site,  # every page's front matter, the site model, the home page
    files,  # what a page may read; the site's static folders
    markdown,  # Goldmark syntax: alerts, block attributes, linkify, typographer, extensions
    page,  # titles, heading ids, raw HTML, head tags
    shortcodes,  # shortcodes expanded, then rendered by their handlers
    components,  # comparison tables, related posts, symbols
    navigation,  # menus or sections as toctrees; section lists
    navcache,  # each toctree() call rendered once per build, filled in per page
    lists,  # taxonomy and term pages; each page's term links
    addresses,  # Hugo URLs, links, redirects, the search index
    feeds,  # summaries, RSS feeds, sitemap.xml, robots.txt
)


def setup_extension(app: Sphinx) -> ExtensionMetadata:
    app.setup_extension("myst_parser")  # Goldmark's Markdown, as close as MyST reads it
    compat.reading.patch_reading()  # MyST's parser wrapped; per-page settings made once
    compat.reading.purge_toctree_relations_of_toctree_pages_only(app)  # no scan per page read
    app.setup_extension("sphinx_design")  # tabs, cards and dropdowns the shortcodes become
    for feature in FEATURES:
        feature.setup(app)
    app.add_builder(CheckBuilder)  # ``sphinx-comparisons check``: this build, writing no site
    return {
        "env_version": ENV_VERSION,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
