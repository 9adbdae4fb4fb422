"""This build's pages and their translations in the site's other languages, for the site model.

The other languages' pages are read once per build, front matter only
(``hugo/translations.py``); where a translation is follows one rule
(:func:`url_of`): ``hugo_translation_urls``, else Read the Docs' canonical URL
with its language replaced, else the Hugo URL (on ``hugo_base_url`` or
``html_baseurl`` when set).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx_comparisons.config import settings
from sphinx_comparisons.diagnostics import warn
from sphinx_comparisons.hugo import languages, siteconfig, translations, urls
from sphinx_comparisons.site import records, state

if TYPE_CHECKING:
    from collections.abc import Mapping

    from sphinx.environment import BuildEnvironment

    from sphinx_comparisons.hugo.content import Page
    from sphinx_comparisons.site.addresses import Address


def placement(env: BuildEnvironment, site: languages.Languages) -> translations.Placement:
    conf = settings(env.config)
    bases = dict(conf.translation_urls)
    canonical = os.environ.get("READTHEDOCS_CANONICAL_URL")
    current = os.environ.get("READTHEDOCS_LANGUAGE")
    if not bases and canonical and current:
        bases = translations.read_the_docs_bases(canonical, current, site.codes())
    return translations.Placement(bases, conf.base_url or env.config.html_baseurl or None)


def url_of(
    hugo_url: str, code: str, site: languages.Languages, where: translations.Placement
) -> str:
    return translations.located(hugo_url, code, site, where.bases, where.site_base)


def build(
    env: BuildEnvironment,
    config: siteconfig.SiteConfig,
    site_and_language: tuple[languages.Languages, languages.Language],
    roots: tuple[Path, ...],
    pages: Mapping[str, Page],
    known: Mapping[str, Address],
) -> translations.Translated:
    """The other enabled languages' pages (from their content folders) and the translations of
    this build's ``pages`` that have an address (``known``)."""
    site, language = site_and_language
    own = {key: (pages[key], address) for key, address in known.items() if key in pages}
    root = siteconfig.site_root([Path(f) for f in config.files])
    if not site.multilingual or root is None:
        return translations.Translated()
    others = {}
    for lang in site.languages:
        if lang.code == language.code:
            continue
        files = translations.files_of(lang, site, root, roots)
        view = languages.view(config.values, lang.code)
        read = translations.read_site(lang, site, files, view, records.limits(env))
        for relative, why in read.problems:
            warn("path", f"{lang.content_dir}/{relative} {why}; it is not read", location=None)
        others[lang.code] = read
    where = placement(env, site)
    of_page = _of_pages(site, language, others, own, where, env)
    return translations.Translated(others, where, of_page)


def _of_pages(
    site: languages.Languages,
    language: languages.Language,
    others: Mapping[str, translations.LanguageSite],
    own: Mapping[str, tuple[Page, Address]],
    where: translations.Placement,
    env: BuildEnvironment,
) -> dict[str, tuple[translations.Translation, ...]]:
    codes = site.codes()
    prefixed = settings(env.config).language_prefix
    found: dict[str, tuple[translations.Translation, ...]] = {}
    for docname, (page, address) in own.items():
        key = translations.key_of(page.path, page.params, codes)
        versions = []
        for lang in site.languages:
            if lang.code == language.code:
                url = address.url
                if not prefixed and not translations.own_url(page):
                    url = site.prefix(lang.code) + url  # the Hugo URL, as the others' are
            else:
                other = others[lang.code]
                match = other.keys.get(key)
                if match is None:
                    continue
                url = other.urls[match]
            versions.append(
                translations.Translation(
                    lang.code, lang.locale, lang.name, url_of(url, lang.code, site, where)
                )
            )
        if len(versions) > 1:
            found[docname] = tuple(versions)
    return found


def in_other_language(site: state.SiteModel, path: str) -> tuple[str, str | None] | None:
    """The language of another build whose URLs hold the site path ``path``, and where its page
    at that path is (None when it has none); None for a path of this build's language."""
    code = translations.language_of_path(path, site.languages)
    other = site.translated.others.get(code)
    if code == site.language.code or other is None:
        return None
    key = other.by_url.get(urls.normalize(path))
    if key is None:
        return code, None
    return code, url_of(other.urls[key], code, site.languages, site.translated.placement)


def ref_in(site: state.SiteModel, code: str, reference: str, page: Page) -> tuple[str | None, str]:
    """``ref``/``relref`` with ``lang``: where the page ``reference`` names in language
    ``code``'s site is (with its fragment), or None and why there is none."""
    other = site.translated.others.get(code)
    if other is None:
        known = ", ".join(site.languages.codes())
        return None, f"lang {code!r} is no other language of this site ({known})"
    found = other.refs.resolve(reference, page)
    if isinstance(found, str):
        return None, f"{found} in language {code!r}"
    anchor = f"#{found.fragment}" if found.fragment else ""
    if found.page is None:
        return anchor, ""
    hugo_url = other.urls.get(found.page, site.languages.prefix(code) + "/")
    return url_of(hugo_url, code, site.languages, site.translated.placement) + anchor, ""
