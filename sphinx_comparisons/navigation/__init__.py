"""Navigation in Hugo's order: menus or the section tree as toctrees, section lists."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx_comparisons import pipeline
from sphinx_comparisons.guard import Guarded
from sphinx_comparisons.navigation import sections, toctrees
from sphinx_comparisons.site import model

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup(app: Sphinx) -> None:
    """Register this package's handlers; ``extension.py`` calls it in pipeline order."""
    model.subscribe(app, toctrees.renavigated)
    app.connect("env-updated", toctrees.on_env_updated, priority=pipeline.ORPHANS)
    hooks = Guarded(app)
    hooks.add_transform(toctrees.InjectToctrees)
    hooks.connect("source-read", sections.on_source_read, priority=pipeline.SECTION_LISTS)
    hooks.add_directive("section-index", sections.SectionIndex)
