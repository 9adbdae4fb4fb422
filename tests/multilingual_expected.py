"""Hugo's answers for the multilingual test sites in tests/fixtures/multilingual/.

Each site's hugo-expected.json comes from ONE multilingual Hugo build of the whole site
(tests/fixtures/multilingual/regen.py). These helpers give, per site and language, what a
build of that language must show: URLs with titles, menu trees, section order, translations
and the redirect pages Hugo wrote.
"""

from __future__ import annotations

import json
import tomllib
from functools import cache
from pathlib import Path
from typing import Any

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "multilingual"
SITES = ("contentdir", "suffix", "subdir")

# A menu tree: (name, url, children) for each entry, in Hugo's order.
MenuTree = list[tuple[str, str, "MenuTree"]]


@cache
def expected(site: str) -> dict[str, Any]:
    """The whole hugo-expected.json of a site."""
    return json.loads((FIXTURES / site / "hugo-expected.json").read_text(encoding="utf-8"))


def site_dir(site: str) -> Path:
    return FIXTURES / site


def config(site: str) -> dict[str, Any]:
    return tomllib.loads((FIXTURES / site / "hugo.toml").read_text(encoding="utf-8"))


def languages(site: str) -> list[str]:
    """The languages Hugo built (disabled ones left out), in weight order."""
    built = expected(site)["languages"]
    return sorted(built, key=lambda lang: built[lang]["site"]["weight"])


def content_root(site: str, lang: str) -> Path:
    """The folder a build of `lang` reads: its contentDir, else the shared content/."""
    entry = config(site)["languages"][lang]
    return FIXTURES / site / entry.get("contentDir", "content")


def site_settings(site: str, lang: str) -> dict[str, Any]:
    """lang, languageName, languageCode, weight, title and home URL of one language."""
    return expected(site)["languages"][lang]["site"]


def i18n(site: str, lang: str) -> dict[str, str]:
    """{string id: what Hugo's T gives in that language} for the site's i18n/*.toml ids."""
    return dict(site_settings(site, lang)["i18n"])


def pages(site: str, lang: str) -> dict[str, dict[str, Any]]:
    """Hugo's page records by source path (relative to the content root)."""
    return {p["path"]: p for p in expected(site)["languages"][lang]["pages"]}


def urls(site: str, lang: str) -> dict[str, str]:
    """{url: title} of every page of that language."""
    return {p["url"]: p["title"] for p in pages(site, lang).values()}


def link_titles(site: str, lang: str) -> dict[str, str]:
    """{url: linkTitle} of every page of that language."""
    return {p["url"]: p["linkTitle"] for p in pages(site, lang).values()}


def _tree(entries: list[dict[str, Any]]) -> MenuTree:
    return [(e["name"], e["url"], _tree(e["children"])) for e in entries]


def menus(site: str, lang: str) -> dict[str, MenuTree]:
    """Each menu of that language as (name, url, children) trees in Hugo's order."""
    found = expected(site)["languages"][lang]["menus"]
    return {name: _tree(entries) for name, entries in found.items()}


def section_order(site: str, lang: str) -> dict[str, list[str]]:
    """{section url: URLs of its pages and subsections in Hugo's order}, home included."""
    by_path = pages(site, lang)
    order: dict[str, list[str]] = {}

    def walk(section: dict[str, Any]) -> None:
        order[section["url"]] = [by_path[p]["url"] if p in by_path else p for p in section["pages"]]
        for child in section["sections"]:
            walk(child)

    walk(expected(site)["languages"][lang]["sections"])
    return order


def translations(site: str, lang: str) -> dict[str, dict[str, str]]:
    """{url of a page: {other language: url of its translation}}; untranslated pages: {}."""
    return {
        p["url"]: {t["lang"]: t["url"] for t in p["translations"]}
        for p in pages(site, lang).values()
    }


def translation_pairs(site: str, lang: str, other: str) -> set[tuple[str, str]]:
    """(url in lang, url in other) for every page of lang translated into other."""
    return {
        (url, found[other]) for url, found in translations(site, lang).items() if other in found
    }


def files(site: str) -> set[str]:
    """Every file Hugo wrote (paths under public/), except the oracle's index.json pages."""
    return set(expected(site)["files"])


def redirects(site: str) -> dict[str, str]:
    """{file Hugo wrote as a redirect page: absolute target URL} (aliases, language roots)."""
    return dict(expected(site)["redirects"])


def redirects_current_hugo(site: str) -> dict[str, str]:
    """redirects() as current Hugo writes them: an absolute alias of a page goes under its
    language's prefix (`/old/` of a French page: `fr/old/index.html`). Hugo 0.111.3 (the
    oracle) writes it at the root, where languages collide; current Hugo prefixes it (Hugo's
    docs, content-management/urls.md, "Aliases"). Relative aliases are the same in both."""
    found = redirects(site)
    for lang in languages(site):
        prefix = site_settings(site, lang)["home"].strip("/")
        if not prefix:
            continue
        for page in pages(site, lang).values():
            for alias in page["aliases"] or []:
                if not alias.startswith("/"):
                    continue
                old = alias.strip("/") + "/index.html"
                found[f"{prefix}/{old}"] = found.pop(old)
    return dict(sorted(found.items()))
