"""The pipeline: the parsers this extension builds on, then each feature package in the order
a page passes through them.

Each package registers its own events, directives, nodes and transforms in its ``setup``; the
priorities they use are named in ``pipeline.py``, and ``docs/architecture.md`` shows the table
generated from the registrations.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx_comparisons import addresses, compat, components, config, files, navigation, page, reference_directive, shortcodes, site

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

#: Bump when what is stored on the environment changes shape.
ENV_VERSION = 4


def setup_extension(app: Sphinx) -> ExtensionMetadata:
    app.setup_extension("myst_parser")  # Goldmark's Markdown, as close as MyST reads it
    compat.patch_myst()
    app.setup_extension("sphinx_design")  # tabs, cards and dropdowns the shortcodes become
    config.setup(app)  # the hugo_* settings, validated once
    site.setup(app)  # front matter of every page, the site model, the home page
    files.setup(app)  # what a page may read; the site's static folders
    page.setup(app)  # titles, heading ids, raw HTML, head tags
    shortcodes.setup(app)  # shortcodes expanded, then rendered by their handlers
    components.setup(app)  # comparison tables, related posts, symbols
    navigation.setup(app)  # menus or sections as toctrees; section lists
    addresses.setup(app)  # Hugo URLs, links, redirects, the search index
    reference_directive.setup(app)  # the generated reference tables of the project's docs
    return {
        "env_version": ENV_VERSION,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
