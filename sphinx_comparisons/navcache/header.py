"""pydata-sphinx-theme's header links, ``generate_header_nav_html(...)``: the root toctree's
entries and the theme's external links, the same on every page but for three things. The
theme (``toctree.py``, ``_generate_nav_info``) marks ``current active`` the entries leading to
the page's top-level section, which it finds by building the parent map of every page again;
it writes each entry's address relative to the page (``pathto``); and it numbers its
dropdown's id per page (``unique_html_id``). So the links are written once per call with
address tokens and no section, and filled in per page; the marking of each section is checked
once against the theme's own header for that section.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sphinx_comparisons import compat
from sphinx_comparisons.navcache.addresses import Addresses
from sphinx_comparisons.navcache.cache import Navigation
from sphinx_comparisons.navcache.tree import PREFIX, URL_TOKEN, Marks

#: The link of each entry: the address the theme asked ``pathto`` for.
_HREF = re.compile(rf'href="{URL_TOKEN}(\d+)q"')
#: The item's class attribute before a link, where the theme writes ``current active``.
_ITEM = '<li class="'
_ACTIVE = "current active"
_ID = f'"{compat.toctrees.PYDATA_DROPDOWN_ID}"'
#: A slot: ("url", target), ("active", target) or ("id", 0).
Part = str | tuple[str, int]
Call = tuple[tuple[Any, ...], dict[str, Any]]


@dataclass
class Header:
    """One call's header links, for every page."""

    marks: Marks
    parts: list[Part]
    #: The documents the links lead to: the sections the theme may mark.
    linked: set[str] = field(default_factory=set)
    #: Sections whose marking the theme's own header confirmed (``False``: it did not).
    checked: dict[str, bool] = field(default_factory=dict)
    addresses: Addresses | None = None
    #: The parts with every slot empty, and where each kind of slot is.
    blank: list[str] = field(default_factory=list)
    urls: list[tuple[int, int]] = field(default_factory=list)
    active: dict[str, list[int]] = field(default_factory=dict)
    ids: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        for index, part in enumerate(self.parts):
            self.blank.append(part if isinstance(part, str) else "")
            if isinstance(part, str):
                continue
            if part[0] == "url":
                self.urls.append((index, part[1]))
            elif part[0] == "active":
                self.active.setdefault(self.marks.targets[part[1]], []).append(index)
            else:
                self.ids.append(index)


def header(
    navigation: Navigation,
    pagename: str,
    own: Callable[..., Any],
    context: dict[str, Any],
    call: Call,
) -> str | None:
    """The page's header links, or ``None`` for the theme's own function."""
    key = _key(call)
    if key is None:
        navigation.say(f"pydata's header links with {sorted(call[1])}", pagename)
        return None
    unique = compat.toctrees.pydata_unique_id(own)
    if navigation.uris is None or unique is None:
        navigation.say("pydata's header links in a shape the cache does not know", pagename)
        return None
    if not compat.toctrees.sphinx_pathto(navigation.builder, context):
        navigation.say("pydata's header links with a pathto of its own", pagename)
        return None
    full = ("header", key, repr(context.get("theme_external_links")))
    if full not in navigation.sidebars:
        navigation.sidebars[full] = _build(navigation, context, call)
    entry: Header | None = navigation.sidebars[full]
    if entry is None:
        return None
    section = compat.toctrees.pydata_ancestor(navigation.parents, pagename, 1)
    if section not in entry.linked:
        section = None
    elif section not in entry.checked:
        entry.checked[section] = _confirmed(navigation, entry, section, context, call)
    if section is not None and not entry.checked[section]:
        navigation.say("pydata's header links marked in a way the cache does not know", pagename)
        return None
    return _fill(navigation, entry, pagename, section, unique)


def _key(call: Call) -> tuple[str, ...] | None:
    args, kwargs = call
    if len(args) > 2 or set(kwargs) - {"n_links_before_dropdown", "dropdown_text"}:
        return None
    values = [*args, *(kwargs[name] for name in sorted(kwargs))]
    if not all(isinstance(value, (int, str)) for value in values):
        return None
    return (*(f"{type(v).__name__}:{v!r}" for v in args), *sorted(kwargs), *map(repr, values))


def _build(navigation: Navigation, context: dict[str, Any], call: Call) -> Header | None:
    """The theme's header for no section, called twice: the second call numbers the dropdown
    ``-2``, which tells where the page's own number goes."""
    marks = Marks()
    tokens = {**context, "pathto": marks.url_token}
    try:
        first, second = compat.toctrees.pydata_header(navigation.app, None, tokens, call, 2)
    except Exception:  # noqa: BLE001 - the theme's own function fails (or answers) the same
        navigation.say("pydata's header links, which failed in the cache", None)
        return None
    numbered = first != second and second == first.replace(_ID, _ID[:-1] + '-2"')
    parts = _parts(first, marks, numbered) if numbered or second == first else None
    if parts is None:
        navigation.say("pydata's header links in a shape the cache does not know", None)
        return None
    return Header(marks, parts, set(marks.targets))


def _parts(html: str, marks: Marks, numbered: bool) -> list[Part] | None:
    """Literal text and slots (the dropdown's id when it is ``numbered``); ``None`` when the
    tokens are not all where they were put, once each."""
    parts: list[Part] = []
    position = 0
    for found in _HREF.finditer(html):
        target = int(found.group(1))
        item = html.rfind(_ITEM, position, found.start())
        end = html.find('"', item + len(_ITEM), found.start()) if item >= 0 else -1
        if end < 0 or target >= len(marks.targets):
            return None
        parts += [html[position:end], ("active", target), html[end : found.start()]]
        parts += ['href="', ("url", target), '"']
        position = found.end()
    parts.append(html[position:])
    texts = [part for part in parts if isinstance(part, str)]
    linked = [part[1] for part in parts if isinstance(part, tuple) and part[0] == "url"]
    if sum(text.count(PREFIX) for text in texts) or linked != list(range(len(marks.targets))):
        return None
    with_ids: list[Part] = []
    for part in parts:
        pieces = part.split(_ID) if isinstance(part, str) and numbered else [part]
        for number, piece in enumerate(pieces):
            with_ids += [("id", 0), piece] if number else [piece]
    return with_ids


def _confirmed(
    navigation: Navigation, entry: Header, section: str, context: dict[str, Any], call: Call
) -> bool:
    """Whether the theme's own header for ``section`` is the one the cache fills in."""
    marks = Marks()
    tokens = {**context, "pathto": marks.url_token}
    try:
        (theirs,) = compat.toctrees.pydata_header(navigation.app, section, tokens, call)
    except Exception:  # noqa: BLE001 - left to the theme
        return False
    if marks.targets != entry.marks.targets:
        return False
    fill = {"active": lambda t: _ACTIVE if entry.marks.targets[t] == section else ""}
    fill |= {"url": lambda t: f"{URL_TOKEN}{t}q", "id": lambda _: _ID}
    ours = "".join(p if isinstance(p, str) else fill[p[0]](p[1]) for p in entry.parts)
    return ours == theirs


def _fill(
    navigation: Navigation,
    entry: Header,
    pagename: str,
    section: str | None,
    unique: Callable[[str], str],
) -> str:
    """The parts with the page's addresses, its section marked and its dropdown's id, in
    time linear in the links."""
    addresses = navigation.addresses(entry, pagename)
    base = navigation.uris(pagename) if navigation.uris else ""
    assert entry.addresses is not None  # made by navigation.addresses
    out = entry.blank.copy()
    for index, target in entry.urls:
        address = addresses[target]
        if address is None:  # written as it is: only the toctree's HTML escapes
            address = compat.toctrees.relative_uri(base, entry.addresses.uris[target])
        out[index] = address or "#"
    if section is not None:
        for index in entry.active.get(section, ()):
            out[index] = _ACTIVE
    if entry.ids:
        number = f'"{unique(compat.toctrees.PYDATA_DROPDOWN_ID)}"'
        for index in entry.ids:
            out[index] = number
    return "".join(out)
