"""The site: every page's front matter (the scan), the site model built from it before
reading, and the home page Hugo implies."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx_comparisons import pipeline
from sphinx_comparisons.guard import Guarded
from sphinx_comparisons.site import home, model, records

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup(app: Sphinx) -> None:
    """Register this package's handlers; ``extension.py`` calls it in pipeline order."""
    app.connect("config-inited", home.choose_root, priority=pipeline.ROOT_DOCUMENT)
    app.connect("env-get-outdated", records.scan, priority=pipeline.SCAN)
    app.connect("env-get-outdated", model.on_env_get_outdated, priority=pipeline.SITE_MODEL)
    app.connect("env-get-updated", model.on_env_get_updated)
    app.connect("env-updated", model.on_env_updated, priority=pipeline.MODEL_DROPPED)
    hooks = Guarded(app)
    hooks.connect("source-read", records.cut_source, priority=pipeline.CUT_FRONT_MATTER)
