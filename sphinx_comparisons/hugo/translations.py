"""Which pages of a multilingual site are translations of each other, and where each one is.

From Hugo's ``resources/page/pagemeta`` and ``hugolib/page__tree.go``
(``TranslationKey``): a page's translation key is its ``translationKey`` front
matter when set (with its kind, so a section and a page never match), else
its path under its language's content root without a language suffix and
extension (``docs/intro``). Pages of two languages with the same key are
translations; a ``translationKey`` replaces path matching (so ``fr/intro.md``
without one is no translation of ``en/intro.md`` with one).

A build holds one language; the others' pages are known from their front
matter only, read here from their content folders, and their URLs come from
the same rules as this build's (``permalinks.page_url`` and the language prefix).
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from sphinx_comparisons.hugo import (
    content,
    frontmatter,
    paths,
    permalink_tokens,
    permalinks,
    safeurl,
    urls,
)
from sphinx_comparisons.hugo.languages import Language, Languages, is_code, suffix_language
from sphinx_comparisons.hugo.limits import DEFAULT, Limits, truncate
from sphinx_comparisons.hugo.refs import RefIndex

#: The content files Hugo reads as pages (Markdown and HTML content).
CONTENT_SUFFIXES = (".md", ".markdown", ".html")


@dataclass(frozen=True, slots=True)
class Translation:
    code: str
    #: ``languageCode`` (``hreflang``), and ``languageName`` (what a switcher shows).
    locale: str
    name: str
    #: Where the translation is: a site-root path (``/zh-cn/docs/x/``) or an absolute URL.
    url: str


def key_of(path: str, params: Mapping[str, Any], codes: list[str]) -> str:
    """The translation key of the content file ``path`` (relative to its content root)."""
    _, plain = suffix_language(path, codes)
    stem = posixpath.splitext(plain)[0]
    given = params.get("translationkey")
    if isinstance(given, (str, int, float)) and not isinstance(given, bool) and str(given).strip():
        kind = "section" if posixpath.basename(stem) == "_index" else "page"
        return f"{kind}:{str(given).strip()}"
    return f"path:{stem}"


@dataclass(frozen=True)
class LanguageSite:
    """Another language's pages, as far as links and translations need them."""

    language: Language
    #: Each page's Hugo URL (with the language's prefix), by page key (path without extension).
    urls: Mapping[str, str] = field(default_factory=dict)
    #: The page of each translation key, and of each normalised URL.
    keys: Mapping[str, str] = field(default_factory=dict)
    by_url: Mapping[str, str] = field(default_factory=dict)
    refs: RefIndex = field(default_factory=lambda: RefIndex(()))
    #: Content files whose front matter could not be used, with why (for one warning each).
    problems: tuple[tuple[str, str], ...] = ()


def files_of(
    language: Language, languages: Languages, site_root: Path, roots: Iterable[Path]
) -> list[tuple[str, Path]]:
    """The content files of ``language`` (path under its content root, file), through the
    containment rule: a folder or file outside ``roots`` (a symlink out of the site) is skipped.
    """
    folder = paths.contained(site_root / language.content_dir, list(roots))
    if folder is None or not folder.is_dir():
        return []
    sharing = [
        lang.code for lang in languages.languages if lang.content_dir == language.content_dir
    ]
    owner = languages.default if languages.default in sharing else sharing[0]
    codes = languages.codes()
    found: list[tuple[str, Path]] = []
    for here, folders, names in os.walk(folder):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        for name in sorted(names):
            if name.startswith(".") or not name.lower().endswith(CONTENT_SUFFIXES):
                continue
            file = paths.contained(Path(here, name), [folder])
            if file is None:
                continue
            relative = file.relative_to(folder).as_posix()
            code, _ = suffix_language(relative, codes)
            if (code or owner) == language.code:
                found.append((relative, file))
    return found


def read_site(
    language: Language,
    languages: Languages,
    files: list[tuple[str, Path]],
    values: dict[str, Any],
    limits: Limits = DEFAULT,
) -> LanguageSite:
    """Another language's pages from their files' front matter, with their Hugo URLs.

    ``values`` is the site config as that language sees it (``languages.view``):
    its ``permalinks`` and build options apply. Drafts and pages Hugo writes no
    file for are no translations.
    """
    options = content.BuildOptions.from_config(values)
    codes = languages.codes()
    found: list[content.Page] = []
    problems: list[tuple[str, str]] = []
    for relative, file in files:
        text, why = paths.read_text(file)
        if text is None:
            problems.append((relative, why))
            continue
        fm = frontmatter.parse(truncate(text, limits.page_size)[0], limits)
        _, plain = suffix_language(relative, codes)
        key = posixpath.splitext(relative)[0]
        page = content.Page(key, plain, fm.params, fm.key_lines, options)
        if page.listed and page.build.has_url:
            found.append(page)
    rules, _ = permalinks.from_config(values.get("permalinks"))
    return _indexed(language, languages.prefix(language.code), found, rules, problems)


def _indexed(
    language: Language,
    prefix: str,
    pages: list[content.Page],
    rules: permalinks.Permalinks,
    problems: list[tuple[str, str]],
) -> LanguageSite:
    sections = permalink_tokens.sections_of(pages)
    page_urls: dict[str, str] = {}
    keys: dict[str, str] = {}
    by_url: dict[str, str] = {}
    for page in sorted(pages, key=lambda page: page.path):
        url = permalinks.page_url(page, rules, sections)
        if prefix and not own_url(page):
            url = prefix + url
        if urls.normalize(url) in by_url:
            continue  # of two pages at one URL, the first by path keeps it (as in this build)
        page_urls[page.key] = url
        by_url[urls.normalize(url)] = page.key
        keys.setdefault(key_of(page.path, page.params, []), page.key)
    return LanguageSite(language, page_urls, keys, by_url, RefIndex(pages), tuple(problems))


def own_url(page: content.Page) -> bool:
    custom = page.params.get("url")
    return isinstance(custom, str) and bool(custom.strip())


def unprefixed(url: str, prefix: str) -> str:
    """A Hugo URL without its language prefix: ``/fr/docs/`` -> ``/docs/``."""
    if prefix and (url == prefix or url.startswith(prefix + "/")):
        return url[len(prefix) :] or "/"
    return url


def located(
    hugo_url: str,
    code: str,
    languages: Languages,
    bases: Mapping[str, str],
    site_base: str | None = None,
) -> str:
    """Where a page of language ``code`` at ``hugo_url`` is: on its language's base (a
    ``hugo_translation_urls`` entry; the page's URL without its language prefix joined to it),
    else its Hugo URL, on ``site_base`` when one is given."""
    base = bases.get(code)
    if base is not None:
        return base.rstrip("/") + unprefixed(hugo_url, languages.prefix(code))
    return (site_base or "").rstrip("/") + hugo_url


def checked_bases(value: Any) -> dict[str, str] | None:
    """``hugo_translation_urls`` checked: language codes to an http(s) URL or a site-root
    path (``{"en": "https://example.org/en/latest/", "zh-cn": "/zh-cn/"}``); else None."""
    if not isinstance(value, dict):
        return None
    checked = {}
    for code, base in value.items():
        if not isinstance(code, str) or not is_code(code.strip().lower()):
            return None
        good = isinstance(base, str) and (
            safeurl.is_web(base) or (base.startswith("/") and safeurl.is_path(base))
        )
        if not good:
            return None
        checked[code.strip().lower()] = base.strip()
    return checked


def read_the_docs_bases(canonical: str, current: str, codes: Iterable[str]) -> dict[str, str]:
    """Each language's base from this build's Read the Docs canonical URL
    (``https://p.readthedocs.io/en/latest/``) and language (``en``): the same URL with its
    language segment replaced. Empty when the URL has no such segment."""
    parts = urlsplit(canonical)
    segments = parts.path.split("/")
    wanted = current.lower().replace("_", "-")
    at = next((i for i, seg in enumerate(segments) if seg.lower().replace("_", "-") == wanted), -1)
    if at < 0:
        return {}
    bases = {}
    for code in codes:
        path = "/".join([*segments[:at], code, *segments[at + 1 :]])
        bases[code] = urlunsplit((parts.scheme, parts.netloc, path, "", ""))
    return bases


def language_of_path(path: str, languages: Languages) -> str:
    """The language whose URLs hold the site path ``path`` (by its ``/<code>/`` prefix)."""
    for lang in languages.languages:
        prefix = languages.prefix(lang.code)
        if prefix and (path == prefix or path.startswith(prefix + "/")):
            return lang.code
    return languages.default


@dataclass(frozen=True)
class Placement:
    """Where each language's pages are published: per-language bases, else one site base."""

    bases: Mapping[str, str] = field(default_factory=dict)
    site_base: str | None = None


@dataclass(frozen=True)
class Translated:
    """The other languages' pages, where pages are published, and each page's translations."""

    others: Mapping[str, LanguageSite] = field(default_factory=dict)
    placement: Placement = field(default_factory=Placement)
    #: Each page that has a translation: every language's version of it (itself too), in the
    #: site's language order.
    of_page: Mapping[str, tuple[Translation, ...]] = field(default_factory=dict)
