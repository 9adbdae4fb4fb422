"""Sphinx's ``language`` and ``project`` from the Hugo site, unless conf.py sets them.

Sphinx's own words (search, navigation, dates) and its search stemmer follow
``language``, the language this build is (its ``languageCode``): a build of a
site's Chinese pages should not say "Next". ``project`` is that language's site
title, which Hugo themes show in every page's ``<title>``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sphinx_comparisons import compat
from sphinx_comparisons.config import settings
from sphinx_comparisons.hugo import languages, siteconfig

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config


def from_site(app: Sphinx, config: Config) -> None:
    """``config-inited``: ``language`` and ``project`` from the site config, where unset."""
    files = siteconfig.find(settings(config).config, Path(app.srcdir))
    if not files:
        return
    site_config = siteconfig.load(files)
    site, _ = languages.from_config(site_config.values)
    chosen, _ = languages.choose(
        site, settings(config).language, Path(app.srcdir), siteconfig.site_root(files)
    )
    title = languages.view(site_config.values, chosen.code).get("title")
    if not compat.sphinx.given_in_conf(config, ["project"]) and isinstance(title, str):
        config.project = " ".join(title.split()) or config.project
    if not site.multilingual or compat.sphinx.given_in_conf(config, ["language"]):
        return
    locale = languages.sphinx_locale(chosen.locale)
    if locale != config.language:
        config.language = locale
        compat.sphinx.reload_translations(app)
