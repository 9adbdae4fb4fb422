"""What a page may read: the file-reading directives and images contained in the site, and
the Hugo site's static folders copied into the output."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx_comparisons import compat, pipeline
from sphinx_comparisons.files import reads, staticdirs
from sphinx_comparisons.guard import Guarded

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup(app: Sphinx) -> None:
    """Register this package's handlers; ``extension.py`` calls it in pipeline order."""
    app.connect(
        "config-inited",
        reads.register_translated_directives,
        priority=pipeline.TRANSLATED_DIRECTIVES,
    )
    app.connect("config-inited", compat.design.claim_static_path, priority=pipeline.DESIGN_STATIC)
    app.connect(
        "builder-inited", compat.design.drop_repeated_static_path, priority=pipeline.DESIGN_STATIC
    )
    app.connect("build-finished", staticdirs.copy, priority=pipeline.STATIC_FILES)
    hooks = Guarded(app)
    hooks.add_transform(reads.ContainFiles)
    for name, directive in reads.DIRECTIVES.items():
        hooks.add_directive(name, directive, override=True)
