"""The site's navigation as toctrees: which page lists which pages, in Hugo's order.

Two sources, as in Hugo sites: a menu tree (YugabyteDB's themes) or the
section tree (Docsy's sidebar). Either becomes, for each page, the groups of
children to put in hidden toctrees on that page.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from sphinx_comparisons.hugo import safeurl
from sphinx_comparisons.hugo.content import Page, SectionTree
from sphinx_comparisons.hugo.menus import MenuEntry
from sphinx_comparisons.hugo.page import title_from_path


@dataclass(frozen=True, slots=True)
class NavItem:
    label: str
    #: A page key, or a URL when ``external``.
    target: str
    external: bool = False


@dataclass(frozen=True, slots=True)
class NavGroup:
    """One toctree: its caption (a menu heading with no page of its own) and entries."""

    caption: str | None
    items: tuple[NavItem, ...]


@dataclass(frozen=True, slots=True)
class ListItem:
    """One child in a section's list: Docsy shows ``title`` and the ``description``."""

    target: str
    title: str
    description: str
    #: For a page Hugo writes no file for (``render: link``): its URL, which the list links to.
    url: str = ""


@dataclass(frozen=True)
class Navigation:
    toctrees: dict[str, tuple[NavGroup, ...]]
    #: Pages the navigation reaches from the root.
    reached: frozenset[str]
    #: For each section page, its children as a section index lists them.
    section_lists: dict[str, tuple[ListItem, ...]]

    def fingerprint(self) -> str:
        """A text that is the same for the same navigation in any process (sets are not)."""
        return repr(
            (
                sorted(self.toctrees.items()),
                sorted(self.reached),
                sorted(self.section_lists.items()),
            )
        )

    def page_state(self, key: str) -> tuple[object, ...]:
        """What the navigation puts into the page itself: a change means a re-read."""
        return (self.toctrees.get(key, ()), self.section_lists.get(key, ()))


def nav_label(page: Page) -> str:
    return page.link_title or title_from_path(page.path)


def _shown(key: str, label: str, external: Mapping[str, str]) -> NavItem | None:
    """A page as a toctree item: itself when written; ``external`` holds each page Hugo writes
    no file for, with the address to link to (``render: link``) or "" (nothing to link to)."""
    if key not in external:
        return NavItem(label, key)
    url = external[key]
    return NavItem(label, url, external=True) if url else None


def section_lists(
    tree: SectionTree, pages: dict[str, Page], linked: Mapping[str, str] | None = None
) -> dict[str, tuple[ListItem, ...]]:
    """Docsy's section index: direct children, hidden ones too, less ``hide_summary``.

    A section without a file has no page to list on, and no link to be listed by;
    a page Hugo writes no file for is listed by its URL (``linked``), or not at all.
    """
    linked = linked or {}
    lists = {}
    for key, children in tree.children.items():
        if key in tree.fileless:
            continue
        items = []
        for child in children:
            page = pages.get(child)
            if page is None or page.params.get("hide_summary") is True:
                continue
            if not page.build.written and child not in linked:
                continue
            description = page.params.get("description")
            items.append(
                ListItem(
                    child,
                    page.title or nav_label(page),
                    description if isinstance(description, str) else "",
                    "" if page.build.written else linked[child],
                )
            )
        lists[key] = tuple(items)
    return lists


def from_sections(
    tree: SectionTree,
    pages: dict[str, Page],
    root: str,
    lists: dict[str, tuple[ListItem, ...]],
    external: Mapping[str, str] | None = None,
) -> Navigation:
    """Docsy's sidebar: each section lists its children, less those with ``toc_hide``.

    A section without a file (a top-level folder with no ``_index.md``) has no
    page to hold its list: its children become a toctree captioned with its
    title on the page above, as a menu heading does. Those come after the
    page's other children: a theme shows everything after a caption under it.
    """
    external = external or {}
    toctrees: dict[str, tuple[NavGroup, ...]] = {}
    reached = {root}
    stack = [root]
    while stack:
        key = stack.pop()
        children = tree.children.get(key, ())
        groups = [
            NavGroup(
                None,
                _visible(
                    [c for c in children if c not in tree.fileless], pages, reached, stack, external
                ),
            )
        ]
        for child in children:
            if child in tree.fileless:
                groups.append(
                    NavGroup(
                        tree.fileless[child].title,
                        _visible(
                            list(tree.children.get(child, ())), pages, reached, stack, external
                        ),
                    )
                )
        groups = [group for group in groups if group.items]
        if groups:
            toctrees[key] = tuple(groups)
    return Navigation(toctrees, frozenset(reached), lists)


def _visible(
    keys: list[str],
    pages: dict[str, Page],
    reached: set[str],
    stack: list[str],
    external: Mapping[str, str],
) -> tuple[NavItem, ...]:
    shown = (
        _shown(key, nav_label(pages[key]), external)
        for key in keys
        if pages[key].params.get("toc_hide") is not True and key not in reached
    )
    items = tuple(item for item in shown if item is not None)
    for item in items:
        if not item.external:
            reached.add(item.target)
            stack.append(item.target)
    return items


def from_menus(
    menus: dict[str, list[MenuEntry]],
    names: Iterable[str],
    root: str,
    url_to_page: Callable[[str], str | None],
    lists: dict[str, tuple[ListItem, ...]],
    external: Mapping[str, str] | None = None,
) -> Navigation:
    """The menus named in ``names`` hang under the root page, in that order.

    A top-level entry with no page of its own (a config heading such as
    YugabyteDB's "Comparisons") becomes a captioned toctree on the root; deeper
    down, such an entry's children are hoisted into the enclosing page's list.
    An entry for the root page itself lends its children to the root.
    """
    builder = _MenuNav(root, url_to_page, external or {})
    groups: list[NavGroup] = []
    for name in names:
        pending: list[NavItem] = []
        for entry in menus.get(name, []):
            page = builder.page_of(entry)
            if page is None and not _is_external(entry.url):
                if pending:
                    groups.append(NavGroup(None, tuple(pending)))
                    pending = []
                items = tuple(builder.items(entry.children))
                if items:
                    groups.append(NavGroup(entry.name, items))
            elif page == root:
                pending.extend(builder.items(entry.children))
            else:
                pending.extend(builder.items([entry]))
        if pending:
            groups.append(NavGroup(None, tuple(pending)))
    if groups:
        builder.toctrees[root] = tuple(groups)
    return Navigation(builder.toctrees, frozenset(builder.placed | {root}), lists)


def _is_external(url: str) -> bool:
    return bool(url) and safeurl.is_external(url)


class _MenuNav:
    def __init__(
        self, root: str, url_to_page: Callable[[str], str | None], external: Mapping[str, str]
    ) -> None:
        self.root = root
        self.url_to_page = url_to_page
        self.external = external
        self.toctrees: dict[str, tuple[NavGroup, ...]] = {}
        self.placed: set[str] = {root}

    def page_of(self, entry: MenuEntry) -> str | None:
        if entry.page is not None:
            return entry.page
        if entry.url and not _is_external(entry.url):
            return self.url_to_page(entry.url)
        return None

    def items(self, entries: Iterable[MenuEntry]) -> Iterable[NavItem]:
        """Entries as toctree items; a page's own children become a toctree on that page."""
        for entry in entries:
            page = self.page_of(entry)
            if page is None:
                if _is_external(entry.url):
                    yield NavItem(entry.name, entry.url, external=True)
                else:
                    yield from self.items(entry.children)  # a heading: hoisted
                continue
            if page in self.placed:
                continue  # already in the navigation: one place per page
            item = _shown(page, entry.name, self.external)
            if item is None or item.external:
                if item is not None:
                    yield item
                continue
            self.placed.add(page)
            yield item
            children = tuple(self.items(entry.children))
            if children:
                self.toctrees[page] = (NavGroup(None, children),)
