"""Sphinx's ``language`` from the Hugo language this build is, unless conf.py sets it.

Sphinx's own words (search, navigation, dates) and its search stemmer follow
``language``; a build of a site's Chinese pages should not say "Next".
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


def sphinx_language(app: Sphinx, config: Config) -> None:
    """``config-inited``: ``language`` from the build language's ``languageCode``."""
    if compat.sphinx.given_in_conf(config, ["language"]):
        return
    files = siteconfig.find(settings(config).config, Path(app.srcdir))
    if not files:
        return
    site_config = siteconfig.load(files)
    site, _ = languages.from_config(site_config.values)
    if not site.multilingual:
        return
    chosen, _ = languages.choose(
        site, settings(config).language, Path(app.srcdir), siteconfig.site_root(files)
    )
    locale = languages.sphinx_locale(chosen.locale)
    if locale != config.language:
        config.language = locale
        compat.sphinx.reload_translations(app)
