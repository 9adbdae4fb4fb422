"""Blog sections' lists: each section Docsy's blog layout draws, newest first and paginated.

What a blog list holds is what Hugo's ``.Paginator`` pages for a section
(``hugolib/page__paginator.go``): the section's regular pages (its own and those of plain
folders below it, not its sub-sections'), in default order. Each of its pages knows its
older and newer neighbour (``.PrevInSection``, ``.NextInSection``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from sphinx_comparisons.hugo import collation, pagination, sectionlists
from sphinx_comparisons.hugo.content import Page, list_title, page_order_key
from sphinx_comparisons.hugo.listpages import Entry, ListPage, name_for


@dataclass(frozen=True)
class Blogs:
    #: Every page of every blog list, by name; page 1 is the section's document when it has one.
    lists: dict[str, ListPage] = field(default_factory=dict)
    #: ``(alias URL, list page name)``: Hugo's ``<list>/page/1/`` back to the list.
    aliases: tuple[tuple[str, str], ...] = ()
    #: Each post's ``(older, newer)`` neighbour in its section.
    neighbours: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)


@dataclass(frozen=True)
class Section:
    """One section to list: its folder, its document (None for a top-level folder without
    ``_index.md``), URL and title."""

    folder: str
    key: str | None
    url: str
    title: str


def is_blog(folder: str, page: Page | None, named: frozenset[str]) -> bool:
    """A section drawn as a blog: Hugo type ``blog`` (``pagination.blog_type``), or named in
    ``named`` (content folders the user lists)."""
    if folder in named:
        return True
    if page is None:
        return folder.split("/", 1)[0].lower() == "blog"
    return pagination.blog_type(page)


def sections(
    found: sectionlists.Lists,
    pages: Mapping[str, Page],
    urls: Mapping[str, str],
    named: frozenset[str],
    prefix: str,
) -> list[Section]:
    """The site's blog sections with a URL (``urls`` holds each written page's)."""
    made = []
    for folder, key in sorted(found.sections.items()):
        if not folder:
            continue
        page = pages.get(key) if key else None
        if key is not None and (page is None or key not in urls):
            continue
        if not is_blog(folder, page, named):
            continue
        url = urls[key] if key else f"{prefix}/{folder.lower()}/"
        made.append(Section(folder, key, url, page.title if page else list_title(folder)))
    return made


def build(
    found: sectionlists.Lists,
    listed: list[Section],
    urls: Mapping[str, str],
    paging: pagination.Pagination,
    title: collation.TitleKey = collation.english,
) -> Blogs:
    """Each blog section's list pages, page-1 aliases and posts' neighbours."""
    lists: dict[str, ListPage] = {}
    aliases = []
    neighbours: dict[str, tuple[str | None, str | None]] = {}
    for section in listed:
        posts = [p for p in found.regular.get(section.folder, ()) if p.key in urls]
        posts.sort(key=lambda p: page_order_key(p, None, title))
        keys = [p.key for p in posts]
        neighbours.update(pagination.neighbours(keys))
        pager_urls = pagination.pager_urls(section.url, len(keys), paging)
        names = [section.key or name_for(section.url), *map(name_for, pager_urls[1:])]
        slices = pagination.split(keys, len(names), paging.size)
        for number, (name, url, held) in enumerate(zip(names, pager_urls, slices)):
            source = section.key if number == 0 else None
            entries = tuple(Entry(key) for key in held)
            lists[name] = ListPage(name, url, section.title, "blog", entries, source, tuple(names))
        aliases.append((pagination.first_alias(section.url, paging), names[0]))
    return Blogs(lists, tuple(aliases), neighbours)
