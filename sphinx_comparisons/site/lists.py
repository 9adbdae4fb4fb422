"""The list pages Hugo generates (taxonomy and term pages) for the site model.

Each comes from the core (``hugo/taxonomies.py``, ``hugo/listpages.py``); here their problems
become located warnings, and each generated page gets an address, written nowhere a page or
static file of the tree already is.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sphinx_comparisons.config import settings
from sphinx_comparisons.diagnostics import warn
from sphinx_comparisons.hugo import collation, listpages, outputs, taxonomies, urls
from sphinx_comparisons.hugo.limits import DEFAULT
from sphinx_comparisons.hugo.listpages import ListPage
from sphinx_comparisons.site.addresses import Address

if TYPE_CHECKING:
    from collections.abc import Mapping

    from sphinx.environment import BuildEnvironment

    from sphinx_comparisons.hugo.content import Page
    from sphinx_comparisons.hugo.siteconfig import SiteConfig


@dataclass(frozen=True)
class Lists:
    taxonomies: taxonomies.Taxonomies
    lists: dict[str, ListPage]
    generated: dict[str, Address]

    def fields(self) -> dict[str, Any]:
        """The site model's fields (``state.SiteModel``)."""
        return {"taxonomies": self.taxonomies, "lists": self.lists, "generated": self.generated}

    def indexed(self, index: dict[str, str]) -> dict[str, str]:
        """The URL index with the generated pages' URLs."""
        return {**index, **{index_key(a.url): name for name, a in self.generated.items()}}


def build(
    env: BuildEnvironment,
    config: SiteConfig,
    pages: Mapping[str, Page],
    known: Mapping[str, Address],
    language: tuple[str, str],
) -> Lists:
    """The site's taxonomies, its list pages by name, and the generated ones' addresses;
    ``language`` is the build's language code and URL prefix."""
    language_code, prefix = language
    found, problems = taxonomies.site_taxonomies(config.values)
    file, line = config.origin("taxonomies")
    for message in problems:
        warn("siteconfig", message, location=f"{file}:{line}")
    limits = DEFAULT.with_overrides(settings(env.config).limits)
    lowercase = config.values.get("disablepathtolower") is not True
    title = collation.key_for(language_code)
    written = [page for key, page in pages.items() if key in known]
    site = taxonomies.collect(written, found, lowercase, title, limits)
    for key, page_problems in site.problems.items():
        for problem in page_problems:
            warn(problem.subtype, problem.message, location=(key, problem.line))
    sources = {index_key(address.url): key for key, address in known.items()}
    made = listpages.from_taxonomies(site, sources, prefix)
    taken = set(sources)
    generated: dict[str, Address] = {}
    for name, page in made.items():
        if page.generated and index_key(page.url) not in taken:
            if isinstance(outputs.site_path(page.url), outputs.Refused):
                continue
            generated[name] = Address(page.url, "section")
    made = {name: page for name, page in made.items() if not page.generated or name in generated}
    return Lists(site, made, generated)


def index_key(url: str) -> str:
    """A URL as a key of the URL index; a ``#`` Hugo keeps in a term (``#go``) is its path."""
    return urls.normalize(url.replace("#", "%23"))


def sections(pages: dict[str, Page], config: SiteConfig) -> dict[str, Page]:
    """The pages that are sections and their pages: not a taxonomy's or term's own page
    (``<plural>/_index.md``, ``<plural>/<term>/_index.md``), which Hugo does not count among
    sections (so the navigation shows no ``tags`` section)."""
    found, _ = taxonomies.site_taxonomies(config.values)
    folders = tuple(taxonomy.plural for taxonomy in found)
    return {
        key: page
        for key, page in pages.items()
        if page.kind != "section" or page.folder.split("/", 1)[0].lower() not in folders
    }
