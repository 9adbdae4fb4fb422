"""The list pages Hugo generates (taxonomy, term and blog list pages) for the site model.

Each comes from the core (``hugo/taxonomies.py``, ``hugo/listpages.py``,
``hugo/bloglists.py``); here their problems become located warnings, and each generated page
gets an address, written nowhere a page or static file of the tree already is.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sphinx_comparisons.config import settings
from sphinx_comparisons.diagnostics import warn
from sphinx_comparisons.hugo import (
    aliases,
    bloglists,
    collation,
    listpages,
    outputs,
    pagination,
    sectionlists,
    taxonomies,
    urls,
)
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
    #: Each blog post's older and newer neighbour in its section.
    neighbours: dict[str, tuple[str | None, str | None]]
    #: The redirects of paginated lists' page 1 (``/blog/page/1/``).
    aliases: tuple[aliases.Alias, ...]

    def fields(self) -> dict[str, Any]:
        """The site model's fields (``state.SiteModel``)."""
        return {
            "taxonomies": self.taxonomies,
            "lists": self.lists,
            "generated": self.generated,
            "neighbours": self.neighbours,
        }

    def indexed(self, index: dict[str, str]) -> dict[str, str]:
        """The URL index with the generated pages' URLs."""
        return {**index, **{index_key(a.url): name for name, a in self.generated.items()}}


def build(
    env: BuildEnvironment,
    config: SiteConfig,
    pages: Mapping[str, Page],
    known: Mapping[str, Address],
    language: tuple[str, str],
    hugo_home: bool,
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
    made = listpages.from_taxonomies(site, sources, prefix, hugo_home or bool(config.files))
    home = env.config.root_doc if env.config.root_doc in pages else None
    blogs = _blogs(env, config, written, known, (home, hugo_home), (prefix, title))
    made.update(blogs.lists)
    generated = _addresses(made, set(sources))
    made = {name: page for name, page in made.items() if not page.generated or name in generated}
    return Lists(site, made, generated, blogs.neighbours, _aliases(blogs, set(sources), made))


def _addresses(made: Mapping[str, ListPage], taken: set[str]) -> dict[str, Address]:
    """The address of each generated list page whose URL no page of the tree has, and that
    the output rule lets be written."""
    generated: dict[str, Address] = {}
    for name, page in made.items():
        if page.generated and index_key(page.url) not in taken:
            if isinstance(outputs.site_path(page.url), outputs.Refused):
                continue
            generated[name] = Address(page.url, "section")
    return generated


def _blogs(
    env: BuildEnvironment,
    config: SiteConfig,
    written: list[Page],
    known: Mapping[str, Address],
    home: tuple[str | None, bool],
    language: tuple[str, collation.TitleKey],
) -> bloglists.Blogs:
    """The blog sections' paginated lists (``hugo_blog_sections`` names more)."""
    paging, problems = pagination.from_config(config.values)
    for key, message in problems:
        file, line = config.origin(key)
        warn("siteconfig", message, location=f"{file}:{line}")
    found = sectionlists.build(written, *home)
    page_urls = {key: address.url for key, address in known.items()}
    named = frozenset(settings(env.config).blog_sections)
    listed = bloglists.sections(found, {p.key: p for p in written}, page_urls, named, language[0])
    return bloglists.build(found, listed, page_urls, paging, language[1])


def _aliases(
    blogs: bloglists.Blogs, taken: set[str], made: Mapping[str, ListPage]
) -> tuple[aliases.Alias, ...]:
    """Page 1's alias of each blog list, where no page of the tree stands."""
    return tuple(
        aliases.Alias(url.lstrip("/") + "index.html", url, name, 1)
        for url, name in blogs.aliases
        if name in made and index_key(url) not in taken
    )


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
