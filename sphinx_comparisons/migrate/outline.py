"""What the migration report shows of the site as a whole: its navigation and its redirects.

Read from the site model of the ``check`` build, so the report shows the
menus, the navigation and the aliases the build itself made: the menus with
the pages each holds, the one the build uses (``hugo_menus``, or the rule:
the busiest menu when it holds at least half the pages, else the section
tree), the navigation as the sidebar will hold it, and every alias with the
address its redirect leads to.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sphinx_comparisons.hugo import content, menus
from sphinx_comparisons.site import state, structure

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment

    from sphinx_comparisons.hugo.navigation import Navigation
    from sphinx_comparisons.site.state import SiteModel


@dataclass(frozen=True)
class Entry:
    """One line of the navigation: a page (its site URL), a link out, or a caption (no URL)."""

    title: str
    url: str
    children: tuple[Entry, ...] = ()


@dataclass(frozen=True)
class Redirect:
    old: str
    new: str
    file: str
    line: int


@dataclass(frozen=True)
class Outline:
    pages: int
    #: Every menu, with the number of pages it links to.
    menus: dict[str, int]
    #: The menus the navigation is made of; empty: the section tree.
    used: tuple[str, ...]
    navigation: tuple[Entry, ...]
    redirects: tuple[Redirect, ...]


def of(env: BuildEnvironment) -> Outline:
    """The outline of the site the build of ``env`` made."""
    site = state.model(env)
    menu_tree, _ = content.menus_of(
        site.pages.values(), site.site_config.values.get("menus"), lambda m, i: ("", 0)
    )
    used = structure.choose_menus(env.config, menu_tree, len(site.pages))
    return Outline(
        pages=len(site.pages),
        menus=dict(sorted(menus.page_counts(menu_tree).items(), key=lambda i: (-i[1], i[0]))),
        used=tuple(used),
        navigation=_entries(site, site.navigation, env.config.root_doc),
        redirects=_redirects(site),
    )


def _url(site: SiteModel, key: str) -> str:
    address = site.addresses.get(key)
    return address.url if address is not None else site.linked.get(key, "")


def _entries(site: SiteModel, navigation: Navigation, key: str) -> tuple[Entry, ...]:
    """The entries under ``key``: the navigation reaches each page once, so this ends."""
    entries: list[Entry] = []
    for group in navigation.toctrees.get(key, ()):
        items = tuple(
            Entry(item.label, item.target)
            if item.external
            else Entry(item.label, _url(site, item.target), _entries(site, navigation, item.target))
            for item in group.items
        )
        entries.extend([Entry(group.caption, "", items)] if group.caption else items)
    return tuple(entries)


def _redirects(site: SiteModel) -> tuple[Redirect, ...]:
    return tuple(
        Redirect(alias.url, _url(site, alias.page), site.pages[alias.page].path, alias.line)
        for alias in site.aliases
        if alias.page in site.pages
    )
