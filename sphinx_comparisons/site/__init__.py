"""The site: every page's front matter (the scan), the site model built from it before
reading, the ``hugo`` domain holding what reading collects per page, and the home page Hugo
implies."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx_comparisons import pipeline
from sphinx_comparisons.guard import Guarded
from sphinx_comparisons.site import domain, home, language, model, records, sources

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup(app: Sphinx) -> None:
    """Register this package's handlers; ``extension.py`` calls it in pipeline order."""
    app.add_event(model.CHANGED)  # before any feature subscribes to it
    sources.add_html_pages(app)
    app.connect("config-inited", sources.own_suffixes, priority=pipeline.OWN_SUFFIXES)
    app.connect("config-inited", sources.exclude_sphinx_folders, priority=pipeline.SOURCES)
    app.connect("config-inited", home.choose_root, priority=pipeline.ROOT_DOCUMENT)
    app.connect("config-inited", language.from_site, priority=pipeline.SITE_LANGUAGE)
    app.connect("env-get-outdated", model.on_env_get_outdated, priority=pipeline.SITE_MODEL)
    app.connect("env-get-updated", model.on_env_get_updated)
    hooks = Guarded(app)
    hooks.add_domain(domain.HugoDomain)
    hooks.connect("source-read", records.cut_source, priority=pipeline.CUT_FRONT_MATTER)
