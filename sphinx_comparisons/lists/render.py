"""The HTML of a list page's list and of a page's term links, for the builder writing them.

Everything shown comes from pages (titles, terms, descriptions): it is escaped here, and every
link is a relative URI the builder made for a page of the site (``get_relative_uri``).
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from sphinx_comparisons import compat
from sphinx_comparisons.hugo import listpages, safeurl, taxonomies, timeformat
from sphinx_comparisons.lists import blog
from sphinx_comparisons.site import state

if TYPE_CHECKING:
    from sphinx.builders import Builder

    from sphinx_comparisons.hugo.content import Page
    from sphinx_comparisons.hugo.listpages import Entry, ListPage


def _link(builder: Builder, from_name: str, to_name: str, text: str) -> str:
    href = safeurl.attribute(builder.get_relative_uri(from_name, to_name))
    return f'<a class="reference internal" href="{href}">{html.escape(text)}</a>'


def _date(builder: Builder, page: Page) -> str:
    """The date as Docsy's lists write it (``time_format_default``)."""
    if page.date is None:
        return ""
    configured = state.model(builder.env).site_config.get("params.time_format_default")
    shown = timeformat.format_date(page.date, timeformat.layout_of(configured, timeformat.DEFAULT))
    return f' <time datetime="{page.date:%Y-%m-%d}">{html.escape(shown)}</time>'


def _summary(builder: Builder, page: Page) -> str:
    """``description``, else the page's summary (``blog.summary_of``)."""
    value = page.params.get("description")
    if isinstance(value, str) and value.strip():
        return f'<p class="hugo-list-summary">{html.escape(value.strip())}</p>'
    shown, _ = blog.summary_of(builder, page)
    return f'<div class="hugo-list-summary">{shown}</div>' if shown else ""


def _entry(builder: Builder, from_name: str, entry: Entry) -> str:
    site = state.model(builder.env)
    listed = site.lists.get(entry.key)
    if listed is not None and entry.count is not None:  # a term on a taxonomy page
        link = _link(builder, from_name, entry.key, listed.title)
        return f'<li>{link} <span class="hugo-list-count">{entry.count}</span></li>'
    page = site.pages.get(entry.key)
    if page is None:
        return ""
    title = compat.sphinx.title_of(builder.env, entry.key) or page.title or entry.key
    link = _link(builder, from_name, entry.key, title)
    return f"<li>{link}{_date(builder, page)}{_summary(builder, page)}</li>"


def list_html(builder: Builder, listed: ListPage) -> str:
    """The list of a list page: its terms with counts, or its pages with date and summary (a
    blog's: ``blog.py``)."""
    if listed.kind == "blog":
        return blog.list_html(builder, listed) + term_clouds(builder, listed.name)
    items = "".join(_entry(builder, listed.name, entry) for entry in listed.entries)
    shown = f'<ul class="hugo-list hugo-list-{listed.kind}">{items}</ul>' if items else ""
    if listed.kind == "taxonomy":  # a term page lists pages, not the other terms
        return shown + term_clouds(builder, listed.name)
    return shown


def term_links(builder: Builder, pagename: str) -> str:
    """The page's terms as links to their term pages, one line per taxonomy."""
    site = state.model(builder.env)
    lines = []
    chosen = _page_header(site)
    for taxonomy in site.taxonomies.taxonomies:
        if chosen is not None and taxonomy.plural not in chosen:
            continue
        terms = site.taxonomies.of_page(pagename, taxonomy.plural)
        names = [t.source or _generated_name(site, t.url) for t in terms]
        links = [_link(builder, pagename, name, t.title) for t, name in zip(terms, names) if name]
        if links:
            label = html.escape(taxonomy.title)
            lines.append(
                f'<p><span class="hugo-terms-label">{label}:</span> {", ".join(links)}</p>'
            )
    return f'<nav class="hugo-terms">{"".join(lines)}</nav>' if lines else ""


def _generated_name(site: state.SiteModel, url: str) -> str | None:
    name = listpages.name_for(site.url_prefix + url)
    return name if name in site.generated else None


def _page_header(site: state.SiteModel) -> set[str] | None:
    """Docsy's ``params.taxonomy.taxonomyPageHeader``: the taxonomies a page shows, when set."""
    value = site.site_config.get("params.taxonomy.taxonomyPageHeader")
    if not isinstance(value, list):
        return None
    return {item.lower() for item in value if isinstance(item, str)}


def term_clouds(builder: Builder, from_name: str) -> str:
    """Docsy's taxonomy clouds: each chosen taxonomy's terms by key, with their counts. Docsy
    draws them in its right sidebar on every page; here they close the taxonomy pages and the
    blog lists, so a site with many terms does not repeat them on each of its pages."""
    site = state.model(builder.env)
    params = site.site_config.get("params.taxonomy")
    blocks = []
    for taxonomy, title in taxonomies.clouds(params, site.taxonomies.taxonomies):
        terms = taxonomies.alphabetical(site.taxonomies.terms.get(taxonomy.plural, ()))
        items = []
        for term in terms:
            name = term.source or _generated_name(site, term.url)
            if name is None or not term.pages:
                continue
            link = _link(builder, from_name, name, term.title)
            items.append(f'<li>{link} <span class="hugo-list-count">{len(term.pages)}</span></li>')
        if items:
            heading = f'<p class="hugo-cloud-title">{html.escape(title)}</p>'
            blocks.append(f'<div class="hugo-cloud">{heading}<ul>{"".join(items)}</ul></div>')
    return f'<aside class="hugo-clouds">{"".join(blocks)}</aside>' if blocks else ""
