"""The HTML of a blog list (Docsy's ``layouts/blog/list.html``: posts newest first under a
heading per year, each with its date, author, summary and "Read more", then the pager) and
of a post's links to its older and newer neighbours (Docsy's ``partials/pager.html``).

Every text is escaped here; a summary is the HTML ``feeds/summary.py`` made (escaped text in
paragraphs, or the ``summary`` front matter as text); every link is a relative URI the
builder made for a page of the site. The words are the site's own (``i18n``:
``ui_read_more``, ``ui_pager_prev``, ``ui_pager_next``), else Docsy's English ones.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from docutils import nodes

from sphinx_comparisons import compat
from sphinx_comparisons.hugo import safeurl, siteconfig, timeformat
from sphinx_comparisons.site import domain, state

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder

    from sphinx_comparisons.hugo.content import Page
    from sphinx_comparisons.hugo.listpages import ListPage

_WORDS = {"ui_read_more": "Read more", "ui_pager_prev": "Previous", "ui_pager_next": "Next"}


def _word(builder: Builder, key: str) -> str:
    return html.escape(" ".join(state.model(builder.env).strings.get(key, _WORDS[key]).split()))


def _href(builder: Builder, from_name: str, to_name: str) -> str:
    return safeurl.attribute(builder.get_relative_uri(from_name, to_name))


def _byline(site: state.SiteModel, page: Page) -> tuple[str | None, str | None]:
    """A post's author as text, and its date as Docsy's ``time_format_blog`` writes it."""
    author = page.params.get("author")
    shown = " ".join(siteconfig.plain_text(author).split()) if isinstance(author, str) else ""
    layout = timeformat.layout_of(site.site_config.get("params.time_format_blog"), timeformat.BLOG)
    when = timeformat.format_date(page.date, layout) if page.date is not None else None
    return shown or None, when


def _meta(builder: Builder, page: Page) -> str:
    author, when = _byline(state.model(builder.env), page)
    parts = [f"By {html.escape(author)}"] if author else []
    if when is not None and page.date is not None:
        parts.append(f'<time datetime="{page.date:%Y-%m-%d}">{html.escape(when)}</time>')
    return f'<p class="hugo-post-meta">{" | ".join(parts)}</p>' if parts else ""


def byline(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: a blog post's author and date under its title, as Docsy's blog
    shows them (``By <author> | <date>``)."""
    site = state.model(app.env)
    page = site.pages.get(docname)
    if page is None or docname not in site.neighbours:
        return
    author, when = _byline(site, page)
    title = next(iter(doctree.findall(nodes.title)), None)
    if title is None or (author is None and when is None):
        return
    line = nodes.paragraph(classes=["hugo-post-meta"])
    if author is not None:
        line += nodes.inline("", f"By {author}", classes=["hugo-post-author"])
    if when is not None:
        if author is not None:
            line += nodes.Text(" | ")
        line += nodes.inline("", when, classes=["hugo-post-date"])
    title.parent.insert(title.parent.index(title) + 1, line)


def summary_of(builder: Builder, page: Page) -> tuple[str, bool]:
    """The post's summary HTML and whether it was cut. One from the ``summary`` front matter
    is what Hugo keeps as HTML (the feeds do too); on a page of this site it is text, as
    every front matter field is (pages are untrusted)."""
    found = domain.of(builder.env).summary(page.key)
    if found is None:
        return "", False
    shown, truncated = found
    written = page.params.get("summary")
    if not truncated and isinstance(written, str) and shown == written:
        return f"<p>{html.escape(written.strip())}</p>", False
    return shown, truncated


def _post(builder: Builder, from_name: str, key: str) -> str:
    site = state.model(builder.env)
    page = site.pages[key]
    title = compat.sphinx.title_of(builder.env, key) or page.title or key
    href = _href(builder, from_name, key)
    summary, truncated = summary_of(builder, page)
    more = (
        f'<p class="hugo-read-more"><a class="reference internal" href="{href}">'
        f"{_word(builder, 'ui_read_more')}</a></p>"
        if truncated
        else ""
    )
    return (
        f'<article class="hugo-post"><h3><a class="reference internal" href="{href}">'
        f"{html.escape(title)}</a></h3>{_meta(builder, page)}"
        f'<div class="hugo-post-summary">{summary}</div>{more}</article>'
    )


def list_html(builder: Builder, listed: ListPage) -> str:
    """The posts of one page of a blog list, a heading for each year, then the pager."""
    site = state.model(builder.env)
    parts: list[str] = []
    year: int | None = None
    for entry in listed.entries:
        page = site.pages.get(entry.key)
        if page is None:
            continue
        if page.date is not None and page.date.year != year:
            year = page.date.year
            parts.append(f'<h2 class="hugo-post-year">{year}</h2>')
        parts.append(_post(builder, listed.name, entry.key))
    shown = f'<div class="hugo-list hugo-list-blog">{"".join(parts)}</div>' if parts else ""
    return shown + _pager(builder, listed)


#: How many page numbers the pager shows on each side of the current one.
_WINDOW = 2


def _shown_numbers(here: int, count: int) -> list[int]:
    """The page numbers a pager shows: the first, the last, and those near page ``here + 1``,
    so a list of many pages is not linked in full from each of them."""
    near = range(max(1, here + 1 - _WINDOW), min(count, here + 1 + _WINDOW) + 1)
    return sorted({1, count, *near})


def _pager(builder: Builder, listed: ListPage) -> str:
    """Links to the other pages of a paginated list: previous, the numbers near this one and
    the first and last, next."""
    names = listed.pager
    if len(names) < 2:
        return ""
    here = names.index(listed.name)
    items = []
    if here > 0:
        prev = _href(builder, listed.name, names[here - 1])
        items.append(
            f'<li><a href="{prev}" rel="prev">‹ {_word(builder, "ui_pager_prev")}</a></li>'
        )
    last = 0
    for index in _shown_numbers(here, len(names)):
        if index > last + 1:
            items.append('<li aria-hidden="true"><span>…</span></li>')
        last = index
        if index == here + 1:
            items.append(f'<li aria-current="page"><span>{index}</span></li>')
        else:
            href = _href(builder, listed.name, names[index - 1])
            items.append(f'<li><a href="{href}">{index}</a></li>')
    if here + 1 < len(names):
        following = _href(builder, listed.name, names[here + 1])
        items.append(
            f'<li><a href="{following}" rel="next">{_word(builder, "ui_pager_next")} ›</a></li>'
        )
    return f'<nav class="hugo-pager" aria-label="Pages"><ul>{"".join(items)}</ul></nav>'


def neighbours_html(builder: Builder, pagename: str) -> str:
    """A post's links to the older (previous) and newer (next) post of its blog section."""
    site = state.model(builder.env)
    older, newer = site.neighbours.get(pagename, (None, None))
    items = []
    for key, word, rel, arrow in (
        (older, "ui_pager_prev", "prev", "←"),
        (newer, "ui_pager_next", "next", "→"),
    ):
        if key is None or key not in site.pages:
            continue
        title = compat.sphinx.title_of(builder.env, key) or site.pages[key].title or key
        label = f"{_word(builder, word)}: {html.escape(title)}"
        shown = f"{arrow} {label}" if rel == "prev" else f"{label} {arrow}"
        items.append(f'<li><a href="{_href(builder, pagename, key)}" rel="{rel}">{shown}</a></li>')
    return (
        f'<nav class="hugo-post-pager" aria-label="Posts"><ul>{"".join(items)}</ul></nav>'
        if items
        else ""
    )
