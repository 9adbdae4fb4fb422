"""Which list pages the site has and which feeds they publish, from the site model.

Computed once per model (``state.derived``): the writer uses it at the end of
the build, and links to ``/index.xml`` or ``/sitemap.xml`` resolve by it while
pages are read. The home page and sections come from the pages; taxonomy and term
pages from the site model's list pages (``site/lists.py``).
"""

from __future__ import annotations

import datetime as dt
import posixpath
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sphinx_comparisons.hugo import collation, content, feeds, sectionlists
from sphinx_comparisons.site import records, state

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment

    from sphinx_comparisons.site.state import SiteModel


@dataclass(frozen=True, slots=True)
class ListPage:
    """A list page: its URL (``/tags/x/``), title, kind (``home``, ``section``, ``taxonomy``,
    ``term``), its pages' docnames in order, its own front matter (``outputs``, ``sitemap``,
    dates) and docname (None for a page without a file)."""

    url: str
    title: str
    kind: str
    pages: tuple[str, ...]
    params: dict[str, Any] = field(default_factory=dict)
    key: str | None = None
    #: Items that are no pages (a taxonomy's terms): title, URL, date and the document that
    #: gives the summary (a term's ``_index.md``, else None); in order.
    entries: tuple[tuple[str, str, dt.datetime | None, str | None], ...] = ()


def feed_path(url: str) -> str:
    """The site path of a list page's feed: ``index.xml`` in its folder."""
    folder = url if url.endswith("/") else posixpath.dirname(url) + "/"
    return folder.lstrip("/") + "index.xml"


def _ordered(site: SiteModel, pages: list[content.Page]) -> tuple[str, ...]:
    title = collation.key_for(site.language.code)
    return tuple(p.key for p in sorted(pages, key=lambda p: content.page_order_key(p, None, title)))


def _built(env: BuildEnvironment) -> tuple[sectionlists.Lists, tuple[ListPage, ...]]:
    site = state.model(env)
    home = env.config.root_doc if env.config.root_doc in site.pages else None
    found = sectionlists.build(site.pages.values(), home, site.hugo_home)
    made = []
    plurals = _taxonomy_folders(site)
    for folder, key in sorted(found.sections.items()):
        if folder.split("/", 1)[0] in plurals:
            continue  # a taxonomy's or term's own page: the taxonomy pages list it
        if folder == "":
            pages = list(found.site)
            url = (
                site.addresses[key].url if key and key in site.addresses else site.url_prefix + "/"
            )
            page = site.pages.get(key) if key else None
            title = page.title if page else ""
            made.append(
                ListPage(url, title, "home", _ordered(site, pages), _params(env, page), key)
            )
            continue
        page = site.pages.get(key) if key else None
        if key is not None and (page is None or key not in site.addresses):
            continue
        url = site.addresses[key].url if key else f"{site.url_prefix}/{folder.lower()}/"
        title = page.title if page else content.list_title(folder)
        pages = list(found.regular.get(folder, ()))
        made.append(ListPage(url, title, "section", _ordered(site, pages), _params(env, page), key))
    return found, (*made, *_taxonomy_pages(env, site))


def _taxonomy_pages(env: BuildEnvironment, site: SiteModel) -> list[ListPage]:
    """The taxonomy and term pages of the site model (``site/lists.py``): a term's feed holds
    its pages in the term's order, a taxonomy's its terms (dated by their newest page), in
    Hugo's default order."""
    made: dict[str, ListPage] = {}
    for name, found in site.lists.items():
        if found.kind != "term":
            continue
        source = site.pages.get(found.source) if found.source else None
        keys = tuple(e.key for e in found.entries if e.key in site.pages)
        made[name] = ListPage(
            found.url, found.title, "term", keys, _params(env, source), found.source or name
        )
    title = collation.key_for(site.language.code)
    pages = []
    for name, found in site.lists.items():
        if found.kind != "taxonomy":
            pages.extend([made[name]] if name in made else [])
            continue
        terms = [made[e.key] for e in found.entries if e.key in made]
        dated = [(t, _newest(site, t.pages)) for t in terms]
        dated.sort(key=lambda td: (-(td[1] or _ZERO).timestamp(), title(td[0].title)))
        source = site.pages.get(found.source) if found.source else None
        every = tuple(dict.fromkeys(k for t in terms for k in t.pages))
        entries = tuple((t.title, t.url, date, t.key) for t, date in dated)
        key = found.source or name
        params = _params(env, source)
        pages.append(ListPage(found.url, found.title, "taxonomy", every, params, key, entries))
    return pages


_ZERO = dt.datetime(1, 1, 1, tzinfo=dt.UTC)


def _newest(site: SiteModel, keys: tuple[str, ...]) -> dt.datetime | None:
    return sectionlists.newest(None, [site.pages[k] for k in keys], lambda p: p.date)


def _taxonomy_folders(site: SiteModel) -> set[str]:
    """The content folders Hugo reads as taxonomies (``tags/``), not sections: the site
    config's ``taxonomies`` values, else Hugo's ``tags`` and ``categories``."""
    configured = site.site_config.get("taxonomies")
    if isinstance(configured, dict):
        return {value.lower() for value in configured.values() if isinstance(value, str)}
    return {"tags", "categories"}


def _params(env: BuildEnvironment, page: content.Page | None) -> dict[str, Any]:
    """The list page's params with its ``outputs`` and ``sitemap`` settings."""
    return {**page.params, **page_settings(env, page.key)} if page is not None else {}


def page_settings(env: BuildEnvironment, key: str) -> dict[str, Any]:
    """A page's ``outputs`` and ``sitemap`` front matter (no part of ``.Params``)."""
    found = records.front_matter(env, key)
    return dict(found.page_config) if found is not None else {}


def site_lists(env: BuildEnvironment) -> tuple[sectionlists.Lists, tuple[ListPage, ...]]:
    """The site's lists and its list pages: home, sections, taxonomies and terms (once per
    site model)."""
    return state.derived(env, _built)


def has_feed(site: SiteModel, page: ListPage) -> bool:
    return feeds.has_rss(page.kind, site.site_config.get("outputs"), page.params.get("outputs"))


def published(env: BuildEnvironment) -> frozenset[str]:
    """The site paths this feature writes (``index.xml`` ... ``sitemap.xml``), for links."""
    site = state.model(env)
    paths = {feed_path(p.url) for p in site_lists(env)[1] if has_feed(site, p)}
    paths.add(sitemap_config(site).filename)
    if site.site_config.get("enableRobotsTXT") is True:
        paths.add("robots.txt")
    return frozenset(site.url_prefix.lstrip("/") + "/" + p if site.url_prefix else p for p in paths)


def sitemap_config(site: SiteModel) -> feeds.SitemapConfig:
    """The site's ``[sitemap]`` settings over Hugo's defaults."""
    return feeds.SitemapConfig().over(site.site_config.get("sitemap"))
