"""The toctree's HTML rendered once with tokens, cut into literal text and slots, and filled
for each page: its relative addresses, its ``current`` classes, its open branches."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from sphinx_comparisons.navcache.addresses import Address, PageAddresses
from sphinx_comparisons.navcache.tree import CLASS_TOKEN, PREFIX, URL_TOKEN, Marks

#: A slot: (kind, element or target, extra text). Kinds below.
Slot = tuple[str, int, str]
ALONE, LEADING, TRAILING, URL, CHECKBOX, PAGE = "alone", "lead", "trail", "url", "check", "page"
#: An ``open`` attribute of a ``<details>`` element, written when its item is ``current``.
OPEN = "open"
#: Slots that only change on a page where their element is ``current`` (written once each).
_STATE = (CHECKBOX, PAGE, OPEN)

_PARTS = re.compile(
    rf' class="{CLASS_TOKEN}(\d+)q"|{CLASS_TOKEN}(\d+)q |( {CLASS_TOKEN}(\d+)q)'
    rf'|href="{URL_TOKEN}(\d+)q([^"]*)"|(<ul\b)|(</ul>\n)'
    rf"|{PREFIX}k(\d+)q|{PREFIX}p(\d+)q|{PREFIX}o(\d+)q"
)


@dataclass
class Template:
    """Literal text and slots, and for each nested list where its text starts and ends."""

    parts: list[str | Slot]
    #: Part index of a nested list's ``<ul`` -> (list id, index after its ``</ul>``).
    lists: dict[int, tuple[int, int]]
    #: For a tree never collapsed: the parts as on a page with no ``current`` element and no
    #: address yet, the address slots, and each element's other slots.
    blank: list[str] = field(default_factory=list)
    addresses: list[tuple[int, int, str]] = field(default_factory=list)
    slots_of: dict[int, list[int]] = field(default_factory=dict)
    #: The last directory's vector, the blank parts with its addresses written, and the
    #: targets it has no address for.
    shared: tuple[list[Address], list[str], set[int]] | None = None
    #: Each link target's address slots: (part index, text after the address).
    slots_of_target: dict[int, list[tuple[int, str]]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for index, part in enumerate(self.parts):
            self.blank.append(part if isinstance(part, str) else "")
            if isinstance(part, tuple) and part[0] == URL:
                self.addresses.append((index, part[1], part[2]))
                self.slots_of_target.setdefault(part[1], []).append((index, part[2]))
            elif isinstance(part, tuple):
                self.slots_of.setdefault(part[1], []).append(index)


def parse(html: str, marks: Marks, every_token: bool = True) -> Template | None:
    """Cut ``html`` at its tokens; ``None`` when the tokens are not all where they were put.
    Without ``every_token``, elements the writer or a theme dropped (on every page alike: an
    empty list, a heading link) may be missing."""
    parts: list[str | Slot] = []
    lists: dict[int, tuple[int, int]] = {}
    opened: list[int] = []
    position, tokens = 0, 0
    for found in _PARTS.finditer(html):
        parts.append(html[position : found.start()])
        position = found.end()
        slot = _slot(found)
        if slot is not None:
            tokens += slot[0] not in _STATE
            parts.append(slot)
        elif found.group(7):
            opened.append(len(parts))
            parts.append(found.group(0))
        else:
            if not opened:
                return None
            start = opened.pop()
            parts.append(found.group(0))
            lists[start] = (-1, len(parts))
    parts.append(html[position:])
    missing = tokens != marks.count if every_token else tokens > marks.count
    if opened or missing or html.count(PREFIX) != _written(parts):
        return None
    return _name_lists(Template(parts, lists), marks)


def _slot(found: re.Match[str]) -> Slot | None:
    groups = found.groups()
    if groups[0]:
        return (ALONE, int(groups[0]), "")
    if groups[1]:
        return (LEADING, int(groups[1]), "")
    if groups[2]:
        return (TRAILING, int(groups[3]), "")
    if groups[4]:
        return (URL, int(groups[4]), groups[5])
    if groups[8]:
        return (CHECKBOX, int(groups[8]), "")
    if groups[9]:
        return (PAGE, int(groups[9]), "")
    if groups[10]:
        return (OPEN, int(groups[10]), "")
    return None


def _written(parts: list[str | Slot]) -> int:
    return sum(1 for part in parts if isinstance(part, tuple))


def _name_lists(template: Template, marks: Marks) -> Template | None:
    named: dict[int, tuple[int, int]] = {}
    for start, (_, end) in template.lists.items():
        slot = template.parts[start + 2] if start + 2 < len(template.parts) else None
        # A list's class token comes first; a theme may add classes after it.
        if not isinstance(slot, tuple) or slot[0] not in (ALONE, LEADING):
            return None
        if marks.kinds[slot[1]] != "ul":
            return None
        named[start] = (slot[1], end)
    template.lists = named
    return template


def fill(
    template: Template,
    marks: Marks,
    pagename: str,
    addresses: Sequence[Address],
    collapse: bool,
    last_current: int | None = None,
) -> str | None:
    """The page's HTML; ``None`` when an address has characters the cache does not escape."""
    if not collapse:
        return _fill_open(template, marks, pagename, addresses, last_current)
    currents, open_items = marks.for_page(pagename)
    out: list[str] = []
    parts, index, end = template.parts, 0, len(template.parts)
    while index < end:
        part = parts[index]
        if isinstance(part, str):
            nested = template.lists.get(index) if collapse else None
            if nested is not None and _closed(nested[0], marks, open_items):
                index = nested[1]
                continue
            out.append(part)
        else:
            text = _fill(part, marks, currents, addresses, last_current)
            if text is None:
                return None
            out.append(text)
        index += 1
    return "".join(out)


def _fill_open(
    template: Template,
    marks: Marks,
    pagename: str,
    addresses: Sequence[Address],
    last_current: int | None,
) -> str | None:
    """A tree never collapsed: only the elements holding a link to the page change besides
    the addresses, and those are filled once per directory (:func:`_addressed`)."""
    currents, _ = marks.for_page(pagename)
    out = _addressed(template, addresses)
    if out is None:
        return None
    changed = {*currents, *([] if last_current is None else [last_current])}
    for index in (index for element in changed for index in template.slots_of.get(element, ())):
        slot = template.parts[index]
        if isinstance(slot, tuple):
            out[index] = _fill(slot, marks, currents, addresses, last_current) or ""
    return "".join(out)


def _addressed(template: Template, addresses: Sequence[Address]) -> list[str] | None:
    """The blank parts with every address written; ``None`` when one has characters the cache
    does not escape. The parts of a directory's shared vector (``PageAddresses``) are written
    once and copied for each page of it, with the page's own addresses over them: a sidebar
    listing every page then costs a list copy per page, not a formatted link per page."""
    if not isinstance(addresses, PageAddresses):
        out, unwritten = _write_addresses(template, addresses)
        return None if unwritten else out
    if template.shared is None or template.shared[0] is not addresses.vector:
        template.shared = (addresses.vector, *_write_addresses(template, addresses.vector))
    _, written, unwritten = template.shared
    own = addresses.own
    if any(own.get(target) is None for target in unwritten):
        return None
    out = written.copy()
    for target, address in own.items():
        for index, extra in template.slots_of_target.get(target, ()):
            if address is None:
                return None
            out[index] = _href(address, extra)
    return out


def _write_addresses(
    template: Template, addresses: Sequence[Address]
) -> tuple[list[str], set[int]]:
    """The blank parts with the addresses written, and the targets whose address was None."""
    out, unwritten = template.blank.copy(), set()
    for index, target, extra in template.addresses:
        address = addresses[target]
        if address is None:
            unwritten.add(target)
        else:
            out[index] = _href(address, extra)
    return out, unwritten


def _href(address: str, extra: str) -> str:
    """A link's ``href`` attribute: the page's relative address, then what followed it (an
    anchor); an empty address is the page itself."""
    return f'href="{address + extra or "#"}"'


def _closed(element: int, marks: Marks, open_items: set[int]) -> bool:
    return element in marks.nested and marks.nested[element] not in open_items


def _fill(
    slot: Slot,
    marks: Marks,
    currents: dict[int, int],
    addresses: Sequence[Address],
    last_current: int | None,
) -> str | None:
    kind, number, extra = slot
    if kind == URL:
        address = addresses[number]
        return None if address is None else _href(address, extra)
    if kind == CHECKBOX:
        return ' checked=""' if currents.get(number) else ""
    if kind == PAGE:
        return " current-page" if number == last_current else ""
    if kind == OPEN:
        return ' open="open"' if currents.get(number) else ""
    if not currents.get(number):
        return ""
    # docutils writes each class once (``starttag``), however often Sphinx added it; ``extra``
    # is what a theme adds after it (pydata's ``active``).
    current = f"current{extra}"
    return {ALONE: f' class="{current}"', LEADING: f"{current} "}.get(kind, f" {current}")
