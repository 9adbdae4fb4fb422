"""furo's sidebar tree from the cached toctree: furo's own post-processing run once on the
template, with slots for what it does per page (``navigation.py``, ``get_navigation_tree``): a
checked checkbox in each ``current`` item that has children, ``current-page`` on the last
``current`` item."""

from __future__ import annotations

import re

from sphinx_comparisons import compat
from sphinx_comparisons.navcache.template import Template, parse
from sphinx_comparisons.navcache.tree import CLASS_TOKEN, PREFIX, Marks

_ITEM = re.compile(rf'<li class="([^"]*?{CLASS_TOKEN}(\d+)q[^"]*)"')
#: BeautifulSoup writes attributes in order: ``checked`` comes before ``class``.
_CHECKBOX = re.compile(r'<input [^>]*?( class="toctree-checkbox")')


def template(toctree: Template, marks: Marks) -> Template | None:
    """The toctree template through furo's post-processing, with its per-page slots."""
    html = "".join(part if isinstance(part, str) else token_text(part) for part in toctree.parts)
    tree = compat.toctrees.furo_navigation(html)
    out: list[str] = []
    position, owner = 0, -1
    for found in re.finditer(f"{_ITEM.pattern}|{_CHECKBOX.pattern}", tree):
        if found.group(1) is not None:
            owner = int(found.group(2))
            out.append(tree[position : found.end(1)] + f"{PREFIX}p{owner}q")
            position = found.end(1)
        else:
            if owner < 0:
                return None
            out.append(tree[position : found.start(3)] + f"{PREFIX}k{owner}q")
            position = found.start(3)
    out.append(tree[position:])
    return parse("".join(out), marks)


def token_text(slot: tuple[str, int, str]) -> str:
    """The text a slot was cut from (the toctree's HTML with its tokens)."""
    kind, number, extra = slot
    if kind == "url":
        return f'href="{PREFIX}u{number}q{extra}"'
    if kind == "alone":
        return f' class="{CLASS_TOKEN}{number}q"'
    if kind == "lead":
        return f"{CLASS_TOKEN}{number}q "
    return f" {CLASS_TOKEN}{number}q"


def last_current(marks: Marks, pagename: str) -> int | None:
    """The last item, in the page's order, with a ``current`` class."""
    currents, _ = marks.for_page(pagename)
    items = [
        element for element, times in currents.items() if times and marks.kinds[element] == "li"
    ]
    return max(items, default=None)
