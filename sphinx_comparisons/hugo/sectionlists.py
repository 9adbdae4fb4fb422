"""What Hugo's list pages hold for feeds and the sitemap: each section's regular pages
(``.RegularPages``: its own pages and those of plain folders below it, not its
sub-sections'), the site's regular pages, and a list page's dates (its own, else the newest
of every page below it, as ``hugolib/content_map_page.go`` dates a section).
"""

from __future__ import annotations

import datetime as dt
import posixpath
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from sphinx_comparisons.hugo import dates
from sphinx_comparisons.hugo.content import Page


@dataclass(frozen=True, slots=True)
class Lists:
    """Sections by folder (``""`` the home; a value None for a top-level folder without
    ``_index.md``), each one's regular pages, and every regular page of the site."""

    sections: Mapping[str, str | None]
    regular: Mapping[str, tuple[Page, ...]]
    site: tuple[Page, ...]


def _section_of(folder: str, sections: Mapping[str, str | None]) -> str:
    while folder and folder not in sections:
        folder = posixpath.dirname(folder)
    return folder


def build(pages: Iterable[Page], home: str | None, fileless: bool) -> Lists:
    """The lists of ``pages`` (drafts and unlisted pages already left out by the caller)."""
    every = list(pages)
    sections: dict[str, str | None] = {
        page.folder: page.key for page in every if page.kind == "section"
    }
    if home is not None:
        sections[""] = home
    regular_pages = [p for p in every if p.kind != "section" and p.key != home]
    if fileless:
        bundles = {p.folder for p in every if p.kind == "bundle"}
        for page in regular_pages:
            top = page.path.split("/", 1)[0] if "/" in page.path else ""
            if top and top not in sections and top not in bundles:
                sections[top] = None
    held: dict[str, list[Page]] = {folder: [] for folder in sections}
    for page in regular_pages:
        if not page.build.in_sections:
            continue
        own = posixpath.dirname(page.folder) if page.kind == "bundle" else page.folder
        held.setdefault(_section_of(own, sections), []).append(page)
    site = tuple(page for page in regular_pages if page.build.in_site)
    return Lists(sections, {k: tuple(v) for k, v in held.items()}, site)


def below(lists: Lists, folder: str) -> list[Page]:
    """Every regular page in ``folder`` or below it (the home: all)."""
    return [
        page
        for pages in lists.regular.values()
        for page in pages
        if not folder or page.path.startswith(folder + "/")
    ]


def newest(
    own: dt.datetime | None, pages: Iterable[Page], date_of: Callable[[Page], dt.datetime | None]
) -> dt.datetime | None:
    """A list page's date: its own, else the newest of its pages'."""
    if own is not None:
        return own
    found = [d for d in (date_of(page) for page in pages) if d is not None]
    return max(found) if found else None


def lastmod_of(page: Page) -> dt.datetime | None:
    return dates.lastmod(page.params)
