"""A multilingual Hugo site: its languages, which one a build is, and that language's settings.

Hugo builds every language of a site at once; a Sphinx build holds one (Read
the Docs hosts each translation as its own project). The rules, from Hugo's
``langs/config.go`` and ``config/allconfig/allconfig.go`` (``languages``,
``defaultContentLanguage``, ``defaultContentLanguageInSubdir``, ``disableLanguages``)
and ``hugolib/site.go`` (``getLanguageTargetPathLang``: the URL prefix):

* each language is ``[languages.<code>]``: ``languageCode``, ``languageName``,
  ``title``, ``weight`` (the order of languages, then the code), ``contentDir``,
  ``disabled``, ``params``, ``menus``; every key set there overrides the site's
  own for that language (its title, params and menus are its own);
* the default language is at the site root, unless
  ``defaultContentLanguageInSubdir``; every other language is under ``/<code>/``;
* a language's content is its ``contentDir`` (the site's ``contentDir`` when it
  has none); sites with one content folder mark other languages by a file name
  suffix (``about.fr.md``), files without one being the default language's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

#: A language key (``en``, ``zh-cn``, ``pt-br``, ``sr-latn``): it becomes a URL prefix and a
#: folder name, so only letters, digits and inner hyphens or underscores, 32 at most.
_CODE = re.compile(r"[a-z][a-z0-9]{0,31}(?:[-_][a-z0-9]{1,31}){0,7}")
DEFAULT_CONTENT_DIR = "content"


def is_code(value: str) -> bool:
    return len(value) <= 32 and _CODE.fullmatch(value) is not None


@dataclass(frozen=True)
class Language:
    code: str
    #: ``languageCode`` (``fr-FR``), else the code.
    locale: str
    #: ``languageName`` (``Français``), else the code.
    name: str
    weight: int
    #: Its content folder, relative to the site root.
    content_dir: str


@dataclass(frozen=True)
class Languages:
    """The site's enabled languages, in Hugo's order, and its default one."""

    languages: tuple[Language, ...]
    default: str
    in_subdir: bool = False
    #: Every language the config names, disabled ones too: a file suffix can name any.
    configured: tuple[str, ...] = ()

    @property
    def multilingual(self) -> bool:
        return len(self.languages) > 1

    def get(self, code: str) -> Language | None:
        return next((lang for lang in self.languages if lang.code == code.lower()), None)

    def prefix(self, code: str) -> str:
        """The URL prefix of a language's pages: ``/fr``, or ``""`` for the default language."""
        code = code.lower()
        return "" if code == self.default and not self.in_subdir else f"/{code}"

    def codes(self) -> list[str]:
        return [lang.code for lang in self.languages]

    def file_language(self, path: str, folder_language: str) -> tuple[str | None, str]:
        """A content file's language and its path without the language suffix: the suffix's
        (``about.fr.md``), else the folder's. None: a disabled language's file (Hugo drops it).
        """
        code, stripped = suffix_language(path, [*self.configured, *self.codes()])
        if code is None:
            return folder_language, path
        return (code if self.get(code) is not None else None), stripped


@dataclass(frozen=True)
class LanguageProblem:
    key: str  # the config key path it is about, for its location
    message: str


def _int(value: Any) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def from_config(values: dict[str, Any]) -> tuple[Languages, list[LanguageProblem]]:
    """The languages of a site config (keys lower-cased, as ``siteconfig`` keeps them)."""
    problems: list[LanguageProblem] = []
    default = str(values.get("defaultcontentlanguage") or "en").lower()
    site_dir = values.get("contentdir")
    site_dir = site_dir if isinstance(site_dir, str) and site_dir.strip() else DEFAULT_CONTENT_DIR
    disabled = {str(code).lower() for code in _list(values.get("disablelanguages"))}
    table = values.get("languages")
    if table is not None and not isinstance(table, dict):
        problems.append(LanguageProblem(key="languages", message="languages must be a table"))
        table = None
    found: list[Language] = []
    configured: list[str] = []
    for code, settings in (table or {}).items():
        code = str(code).lower()
        if is_code(code):
            configured.append(code)
        if not is_code(code):
            problems.append(
                LanguageProblem(key=f"languages.{code}", message=f"{code!r} is no language code")
            )
            continue
        settings = settings if isinstance(settings, dict) else {}
        if settings.get("disabled") is True or code in disabled:
            continue
        found.append(_language(code, settings, site_dir))
    if not any(lang.code == default for lang in found):
        found.append(Language(default, default, default, 0, site_dir))
    found.sort(key=lambda lang: (lang.weight == 0, lang.weight, lang.code))
    in_subdir = values.get("defaultcontentlanguageinsubdir") is True
    return Languages(tuple(found), default, in_subdir, tuple(configured)), problems


def _language(code: str, settings: dict[str, Any], site_dir: str) -> Language:
    def text(key: str) -> str | None:
        value = settings.get(key)
        return value.strip() if isinstance(value, str) and value.strip() else None

    return Language(
        code=code,
        locale=text("languagecode") or code,
        name=text("languagename") or code,
        weight=_int(settings.get("weight")),
        content_dir=text("contentdir") or site_dir,
    )


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def view(values: dict[str, Any], code: str) -> dict[str, Any]:
    """The site config as one language sees it: ``languages.<code>``'s keys over the site's.

    ``params`` are merged key by key (a language adds to the site's params);
    every other key (``title``, ``menus``, ...) replaces the site's.
    """
    table = values.get("languages")
    own = table.get(code) if isinstance(table, dict) else None
    if not isinstance(own, dict):
        return values
    merged = dict(values)
    for key, value in own.items():
        if key == "params" and isinstance(value, dict) and isinstance(values.get(key), dict):
            merged[key] = {**values[key], **value}
        elif key not in ("contentdir", "weight", "disabled"):
            merged[key] = value
    return merged


def of_source(languages: Languages, srcdir: Path, site_root: Path | None) -> Language | None:
    """The language whose content folder is ``srcdir``, when exactly one is."""
    if site_root is None:
        return None
    source = srcdir.resolve()
    found = [
        lang for lang in languages.languages if (site_root / lang.content_dir).resolve() == source
    ]
    return found[0] if len(found) == 1 else None


def choose(
    languages: Languages, asked: str | None, srcdir: Path, site_root: Path | None
) -> tuple[Language, bool]:
    """The language a build is: ``asked`` (``hugo_language``); unset, the language whose
    content folder is ``srcdir``, else the default one. The flag is False when ``asked``
    is no enabled language of the site (the default one is built)."""
    found = languages.get(asked) if asked is not None else None
    if found is None and asked is None:
        found = of_source(languages, srcdir, site_root)
    default = languages.get(languages.default) or languages.languages[0]
    return found or default, asked is None or found is not None


def sphinx_locale(locale: str) -> str:
    """Hugo's ``languageCode`` as Sphinx names languages: ``zh-cn`` -> ``zh_CN``."""
    language, _, region = locale.replace("_", "-").partition("-")
    return f"{language.lower()}_{region.upper()}" if region else language.lower()


def suffix_language(path: str, codes: list[str]) -> tuple[str | None, str]:
    """``about.fr.md`` -> ``("fr", "about.md")``; without a known suffix: ``(None, path)``."""
    folder, _, name = path.rpartition("/")
    stem, dot, extension = name.rpartition(".")
    base, _, code = stem.rpartition(".")
    if not dot or not base or code.lower() not in codes:
        return None, path
    return code.lower(), (f"{folder}/" if folder else "") + f"{base}.{extension}"
