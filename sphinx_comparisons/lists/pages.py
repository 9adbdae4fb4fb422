"""List pages written by the HTML builders, each through the theme's own ``page.html``.

A generated page (no document of the tree has its URL) is added at ``html-collect-pages``
with the context a document's page gets; a document that is a list page (a term's
``_index.md``) keeps its own title and text, and gets the list at its end. Every page that
names terms gets their links (``hugo_taxonomy_links``).
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from sphinx_comparisons.config import settings
from sphinx_comparisons.lists import blog, render
from sphinx_comparisons.site import state
from sphinx_comparisons.site.addresses import style

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment


def collect(app: Sphinx) -> Iterator[tuple[str, dict[str, Any], str]]:
    """``html-collect-pages``: each generated list page, drawn by the theme's ``page.html``."""
    if style(app.builder) is None:  # not html/dirhtml: no page has a Hugo address there
        return
    site = state.model(app.env)
    for name in sorted(site.generated):
        listed = site.lists[name]
        heading = f"<h1>{html.escape(listed.title)}</h1>"
        shown = render.list_html(app.builder, listed)
        body = f'<section id="{listed.kind}">{heading}{shown}</section>'
        yield name, _context(listed.title, body), "page.html"


def _context(title: str, body: str) -> dict[str, Any]:
    """What Sphinx gives ``page.html`` for a document (``get_doc_context``), for a page
    that has no source, no table of contents and no neighbours."""
    return {
        "title": html.escape(title),
        "body": body,
        "toc": "",
        "display_toc": False,
        "meta": {},
        "metatags": "",
        "sourcename": "",
        "parents": [],
        "prev": None,
        "next": None,
        "rellinks": [],
        "page_source_suffix": "",
    }


def on_page_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """``html-page-context``: a list page's document gets its list; a page its term links."""
    site = state.model(app.env)
    if "body" not in context or pagename in site.generated or style(app.builder) is None:
        return
    listed = site.lists.get(pagename)
    if listed is not None:
        context["body"] += render.list_html(app.builder, listed)
    if settings(app.config).taxonomy_links:
        context["body"] += render.term_links(app.builder, pagename)
    context["body"] += blog.neighbours_html(app.builder, pagename)


def relisted(
    app: Sphinx, env: BuildEnvironment, old: state.SiteModel | None, new: state.SiteModel
) -> Iterable[str]:
    """When the site changed: the documents that are list pages whose list changed, and the
    pages whose terms' pages moved, to be written again."""
    if old is None:
        return []
    return {
        name
        for name, listed in new.lists.items()
        if not listed.generated and _shown(old, name) != _shown(new, name)
    }


def stale_lists(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    """``env-get-outdated``: the list pages (documents) listing a page whose text changed, to
    be read and written again: they show its summary. (A post's neighbours show its title,
    which is front matter: a change to it rewrites the site's pages.)"""
    site = state.model(env)
    touched = added | changed | removed
    if not touched:
        return []
    stale = {
        listed.source
        for listed in site.lists.values()
        if listed.source and any(entry.key in touched for entry in listed.entries)
    }
    return sorted(name for name in stale if name in env.found_docs and name not in touched)


def _shown(site: state.SiteModel, name: str) -> Any:
    """What a list page shows of its entries: which, in what order, their titles and dates."""
    listed = site.lists.get(name)
    if listed is None:
        return None
    pages = site.pages
    return [
        (entry, (page.title, page.date, page.params.get("description"), page.params.get("summary")))
        if (page := pages.get(entry.key)) is not None
        else (entry, None)
        for entry in listed.entries
    ]
