"""Sphinx's ``language`` and ``project`` from the Hugo site, unless conf.py sets them.

Sphinx's own words (search, navigation, dates) and its search stemmer follow
``language``, the language this build is (its ``languageCode``): a build of a
site's Chinese pages should not say "Next". ``project`` is that language's site
title, which Hugo themes show in every page's ``<title>``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx_comparisons import compat
from sphinx_comparisons.config import settings
from sphinx_comparisons.hugo import languages, siteconfig

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config


@dataclass(frozen=True)
class BuildLanguage:
    """The site's languages, its config and the language a build is, read at ``config-inited``."""

    site: languages.Languages
    language: languages.Language
    values: dict[str, Any]


def of_build(srcdir: Path, config: Config) -> BuildLanguage | None:
    """This build's language (``languages.choose``); None without a Hugo site config."""
    files = siteconfig.find(settings(config).config, srcdir)
    if not files:
        return None
    site_config = siteconfig.load(files)
    site, _ = languages.from_config(site_config.values)
    chosen, _ = languages.choose(
        site, settings(config).language, srcdir, siteconfig.site_root(files)
    )
    return BuildLanguage(site, chosen, languages.view(site_config.values, chosen.code))


def from_site(app: Sphinx, config: Config) -> None:
    """``config-inited``: ``language``, ``project`` and ``copyright`` from the site config,
    where unset."""
    found = of_build(Path(app.srcdir), config)
    if found is None:
        return
    title, copyright_text = found.values.get("title"), found.values.get("copyright")
    if not compat.sphinx.given_in_conf(config, ["project"]) and isinstance(title, str):
        config.project = " ".join(title.split()) or config.project
    if not compat.sphinx.given_in_conf(config, ["copyright"]) and isinstance(copyright_text, str):
        config.copyright = siteconfig.plain_copyright(" ".join(copyright_text.split()))
    if not found.site.multilingual or compat.sphinx.given_in_conf(config, ["language"]):
        return
    locale = languages.sphinx_locale(found.language.locale)
    if locale != config.language:
        config.language = locale
        compat.sphinx.reload_translations(app)
