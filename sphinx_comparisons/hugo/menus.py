"""Hugo menus: entries from front matter and site config, assembled and sorted as Hugo does.

Rules from ``navigation/pagemenus.go``, ``navigation/menu.go`` and
``hugolib/site.go`` (``assembleMenus``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from sphinx_comparisons.hugo import safeurl
from sphinx_comparisons.hugo.limits import DEFAULT

#: Where an entry was written: a page key (docname) or a config file path, and a line.
Origin = tuple[str, int]


@dataclass(frozen=True)
class MenuProblem:
    subtype: str
    message: str
    origin: Origin


@dataclass(slots=True)
class MenuEntry:
    menu: str
    name: str = ""
    identifier: str = ""
    parent: str = ""
    weight: int = 0
    title: str = ""
    url: str = ""
    #: The page this entry links to (a page key), if any.
    page: str | None = None
    pre: str = ""
    post: str = ""
    params: dict[str, Any] = field(default_factory=dict)
    origin: Origin = ("", 0)
    children: list[MenuEntry] = field(default_factory=list)

    @property
    def key(self) -> str:
        """Hugo's ``KeyName``: what a ``parent`` refers to."""
        return self.identifier or self.name


@dataclass(frozen=True)
class PageFacts:
    """What a menu entry borrows from its page (``SetPageValues``)."""

    key: str
    title: str
    link_title: str
    weight: int


_TEXT_FIELDS = ("name", "identifier", "parent", "title", "pre", "post", "url")


def _fill(entry: MenuEntry, values: dict[str, Any], problems: list[MenuProblem]) -> None:
    for name in _TEXT_FIELDS:
        value = values.get(name)
        if value is None:
            continue
        if isinstance(value, (dict, list)):
            problems.append(
                MenuProblem(
                    "menu",
                    f"menu entry field {name!r} must be text, not a {type(value).__name__}",
                    entry.origin,
                )
            )
            continue
        text = value if isinstance(value, str) else str(value)
        if name == "url":
            reason = safeurl.refusal(text)
            if reason is not None:
                problems.append(
                    MenuProblem(
                        "link_scheme",
                        f"menu entry url {text!r} {reason}; the entry has no link",
                        entry.origin,
                    )
                )
                continue
            text = safeurl.clean(text)
        setattr(entry, name, text)
    weight = values.get("weight")
    if weight is not None:
        try:
            if isinstance(weight, bool):
                raise TypeError  # int(True) would be 1
            entry.weight = int(weight)
        except (TypeError, ValueError):
            problems.append(
                MenuProblem(
                    "menu", f"menu entry weight must be an integer, not {weight!r}", entry.origin
                )
            )
    params = values.get("params")
    if isinstance(params, dict):
        entry.params = params
    elif params is not None:
        problems.append(MenuProblem("menu", "menu entry params must be a mapping", entry.origin))


def _set_page_values(entry: MenuEntry, page: PageFacts) -> None:
    entry.page = page.key
    if not entry.name:
        entry.name = page.link_title
    if not entry.title:
        entry.title = page.title
    if not entry.weight:
        entry.weight = page.weight


def page_entries(
    page: PageFacts, params: dict[str, Any], line_of: Callable[[str], int]
) -> tuple[list[MenuEntry], list[MenuProblem]]:
    """The menu entries a page declares with ``menu``/``menus`` (``menus`` wins)."""
    key = "menus" if "menus" in params else "menu"
    raw = params.get(key)
    entries: list[MenuEntry] = []
    problems: list[MenuProblem] = []
    if raw is None:
        return entries, problems
    names: Iterable[tuple[str, Any]]
    if isinstance(raw, str):
        names = [(raw, None)]
    elif isinstance(raw, list):
        names = []
        for item in raw:
            if isinstance(item, str):
                names.append((item, None))
            else:
                problems.append(
                    MenuProblem(
                        "menu",
                        f"{key!r} list items must be menu names, not {item!r}",
                        (page.key, line_of(key)),
                    )
                )
    elif isinstance(raw, dict):
        names = list(raw.items())
    else:
        return entries, problems  # reported by the front matter type check
    for menu, values in names:
        origin = (page.key, line_of(f"{key}.{menu}") if isinstance(raw, dict) else line_of(key))
        entry = MenuEntry(menu=str(menu), origin=origin)
        if isinstance(values, dict):
            _fill(entry, values, problems)
        elif values is not None:
            problems.append(
                MenuProblem(
                    "menu",
                    f"menu {menu!r} entry must be a mapping of fields, not {values!r}",
                    origin,
                )
            )
        _set_page_values(entry, page)
        entries.append(entry)
    return entries, problems


def config_entries(
    menus: Any,
    origin_of: Callable[[str, int], Origin],
    resolve_page: Callable[[str], PageFacts | None],
) -> tuple[list[MenuEntry], list[MenuProblem]]:
    """Entries from the site config's ``menus`` mapping (``[[menus.main]]`` tables)."""
    entries: list[MenuEntry] = []
    problems: list[MenuProblem] = []
    if not isinstance(menus, dict):
        if menus is not None:
            problems.append(
                MenuProblem(
                    "menu", "site config 'menus' must be a mapping of menu names", origin_of("", -1)
                )
            )
        return entries, problems
    for menu, items in menus.items():
        if isinstance(items, dict):
            items = [items]
        if not isinstance(items, list):
            problems.append(
                MenuProblem(
                    "menu",
                    f"site config menu {menu!r} must be a list of entries",
                    origin_of(menu, -1),
                )
            )
            continue
        for index, values in enumerate(items):
            origin = origin_of(menu, index)
            if not isinstance(values, dict):
                problems.append(
                    MenuProblem("menu", f"menu {menu!r} entry must be a mapping of fields", origin)
                )
                continue
            entry = MenuEntry(menu=str(menu), origin=origin)
            _fill(entry, values, problems)
            page_ref = values.get("pageref")
            if isinstance(page_ref, str) and page_ref:
                page = resolve_page(page_ref)
                if page is not None:
                    _set_page_values(entry, page)
                elif not entry.url:
                    problems.append(
                        MenuProblem(
                            "menu", f"menu entry pageRef {page_ref!r} matches no page", origin
                        )
                    )
            entries.append(entry)
    return entries, problems


def sort_key(entry: MenuEntry) -> tuple[Any, ...]:
    """``defaultMenuEntrySort``: weight (0 last), then name without case, then identifier."""
    return (entry.weight == 0, entry.weight, entry.name.casefold(), entry.name, entry.identifier)


def assemble(
    entries: Iterable[MenuEntry], max_depth: int = DEFAULT.menu_depth
) -> tuple[dict[str, list[MenuEntry]], list[MenuProblem]]:
    """Link entries into sorted trees, one per menu.

    ``entries`` come in Hugo's assembly order: config entries first, then page
    entries. A later entry whose key is taken is dropped; a ``parent`` that no
    entry has becomes a top-level placeholder named after it, as in Hugo.
    """
    problems: list[MenuProblem] = []
    by_key: dict[tuple[str, str], MenuEntry] = {}
    kept: list[MenuEntry] = []
    for entry in entries:
        slot = (entry.menu, entry.key)
        if slot in by_key:
            problems.append(
                MenuProblem(
                    "menu_duplicate",
                    f'duplicate menu entry with identifier "{entry.key}" in menu "{entry.menu}"; '
                    "it was dropped",
                    entry.origin,
                )
            )
            continue
        by_key[slot] = entry
        kept.append(entry)
    menus: dict[str, list[MenuEntry]] = {}
    placeholders: dict[tuple[str, str], MenuEntry] = {}
    for entry in kept:
        top = menus.setdefault(entry.menu, [])
        if not entry.parent:
            top.append(entry)
            continue
        parent = by_key.get((entry.menu, entry.parent))
        if parent is None:
            parent = placeholders.get((entry.menu, entry.parent))
            if parent is None:
                parent = MenuEntry(menu=entry.menu, name=entry.parent, origin=entry.origin)
                placeholders[(entry.menu, entry.parent)] = parent
                top.append(parent)
            problems.append(
                MenuProblem(
                    "menu_parent",
                    f'menu entry "{entry.key}" names parent "{entry.parent}", which no entry in '
                    f'menu "{entry.menu}" has; it is listed under a heading of that name, as Hugo '
                    "does",
                    entry.origin,
                )
            )
        parent.children.append(entry)
    for menu, top in menus.items():
        problems.extend(_cycles(menu, kept, top))
        problems.extend(_cut_deep(menu, top, max_depth))
        _sort(top)
    return menus, problems


def _cut_deep(menu: str, top: list[MenuEntry], max_depth: int) -> list[MenuProblem]:
    """Leave out entries nested deeper than ``max_depth`` (a ``parent`` chain of 1,000 entries)."""
    problems: list[MenuProblem] = []
    for entry, depth in walk_levels(top):
        if depth + 1 >= max_depth and entry.children:  # cut before the walk goes below it
            if not problems:
                first = entry.children[0]
                problems.append(
                    MenuProblem(
                        "limit",
                        f'menu "{menu}" nests deeper than {max_depth} levels at entry '
                        f"\"{first.key}\" (hugo_limits 'menu_depth'); the deeper entries are left "
                        "out",
                        first.origin,
                    )
                )
            entry.children = []
    return problems


def _cycles(menu: str, kept: list[MenuEntry], top: list[MenuEntry]) -> list[MenuProblem]:
    """Entries whose parents lead back to themselves never reach the top: report each loop once.

    Hugo shows none of them (nothing links them to the top level); neither do we.
    """
    reached = {id(entry) for entry in walk(top)}
    by_key = {e.key: e for e in kept if e.menu == menu}
    problems = []
    settled: set[int] = set()  # entries an earlier walk went through: each entry is walked once
    for entry in kept:
        if entry.menu != menu or id(entry) in reached or id(entry) in settled:
            continue
        chain: list[MenuEntry] = []
        on_chain: dict[int, int] = {}
        current: MenuEntry | None = entry
        while current is not None and id(current) not in on_chain and id(current) not in settled:
            on_chain[id(current)] = len(chain)
            chain.append(current)
            current = by_key.get(current.parent)
        settled.update(on_chain)
        if current is None or id(current) not in on_chain:
            continue
        loop = chain[on_chain[id(current)] :]
        names = " -> ".join(f'"{e.key}"' for e in [*loop, loop[0]])
        problems.append(
            MenuProblem(
                "menu_cycle",
                f'menu "{menu}" entries name each other as parents ({names}); they are left out '
                "of the menu",
                loop[0].origin,
            )
        )
    return problems


def _sort(entries: list[MenuEntry]) -> None:
    for siblings in [entries, *(entry.children for entry in walk(entries))]:
        siblings.sort(key=sort_key)


def walk(entries: Iterable[MenuEntry]) -> Iterator[MenuEntry]:
    """Every entry, depth first, parents before children."""
    return (entry for entry, _ in walk_levels(entries))


def walk_levels(entries: Iterable[MenuEntry]) -> Iterator[tuple[MenuEntry, int]]:
    """Every entry with its depth (0 at the top), depth first, parents before children.

    No recursion, as menus can be deep; an entry's children are read after it
    was handed out, so emptying them keeps the walk above them.
    """
    stack = [(entry, 0) for entry in reversed(list(entries))]
    while stack:
        entry, depth = stack.pop()
        yield entry, depth
        stack.extend((child, depth + 1) for child in reversed(entry.children))


def page_counts(menus: dict[str, list[MenuEntry]]) -> Counter[str]:
    """How many entries of each menu link a page."""
    entries = (entry for top in menus.values() for entry in walk(top))
    return Counter(entry.menu for entry in entries if entry.page)


def busiest(menus: dict[str, list[MenuEntry]]) -> tuple[str, int] | None:
    """The menu whose entries link the most pages, and how many; None when no entry links one."""
    used = page_counts(menus)
    return used.most_common(1)[0] if used else None


def chosen(menus: dict[str, list[MenuEntry]], pages: int) -> str | None:
    """The navigation's menu when none is named: the busiest, if it holds at least half the
    site's ``pages``; None for the section tree."""
    found = busiest(menus)
    return found[0] if found is not None and found[1] * 2 >= pages else None
