"""pydata-sphinx-theme's sidebar (and sphinx-book-theme's, which calls the same function),
``generate_toctree_html("sidebar", ...)``: the toctree of the page's section (or the whole
tree, ``startdepth=0``) resolved once per section, put through the theme's own
post-processing once with tokens, then filled in for each page. The theme does per page
(``toctree.py``, ``generate_toctree_html`` and ``add_collapse_checkboxes``): ``active`` after
each ``current`` item's classes, ``open`` on the ``<details>`` of a ``current`` item that has
children; the levels opened by ``show_nav_level`` are the same on every page.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sphinx_comparisons import compat
from sphinx_comparisons.navcache.addresses import Addresses
from sphinx_comparisons.navcache.cache import Navigation, call_key
from sphinx_comparisons.navcache.furo import token_text
from sphinx_comparisons.navcache.template import ALONE, LEADING, TRAILING, Template, fill, parse
from sphinx_comparisons.navcache.tree import CLASS_TOKEN, PREFIX, Marks, mark

_ITEM = re.compile(rf'<li class="[^"]*?{CLASS_TOKEN}(\d+)q[^"]*"')
#: A toggle the theme left closed; one it opened for ``show_nav_level`` is open everywhere.
_DETAILS = re.compile(r"<details(>)")


@dataclass
class Sidebar:
    """One call's sidebar, for every page of one section."""

    marks: Marks
    template: Template
    addresses: Addresses | None = None


def sidebar(
    navigation: Navigation,
    pagename: str,
    page: tuple[Callable[..., Any], dict[str, Any]],
    kind: str,
    startdepth: int,
    show_nav_level: int,
    kwargs: dict[str, Any],
) -> str | None:
    """The page's sidebar, or ``None`` for the theme's own function."""
    if kind != "sidebar" or not all(isinstance(n, int) for n in (startdepth, show_nav_level)):
        navigation.say(f"pydata's generate_toctree_html({kind!r}, ...)", pagename)
        return None
    if navigation.uris is None:
        navigation.say("a builder with its own relative addresses", pagename)
        return None
    if kwargs.get("collapse", True) or show_nav_level < 1:
        navigation.say("pydata's sidebar with collapse or show_nav_level 0", pagename)
        return None
    ancestor = None
    if startdepth != 0:
        ancestor = compat.toctrees.pydata_ancestor(navigation.parents, pagename, startdepth)
        if ancestor is None:
            return None  # the theme's own error: it asks for no sidebar on such a page
    call = call_key(kwargs)
    if call is None:
        navigation.say(f"pydata's sidebar with {sorted(kwargs)}", pagename)
        return None
    key = (startdepth, ancestor, show_nav_level, call)
    if key not in navigation.sidebars:
        navigation.sidebars[key] = _build(navigation, page, ancestor, show_nav_level, kwargs)
    entry = navigation.sidebars[key]
    if entry is None:
        return None
    addresses = navigation.addresses(entry, pagename)
    html = fill(entry.template, entry.marks, pagename, addresses, False)
    if html is None:
        navigation.say("an address with characters the cache does not escape", pagename)
    return html


def suppressed(
    navigation: Navigation,
    pagename: str,
    own: Callable[..., bool],
    startdepth: int,
    kwargs: dict[str, Any],
) -> bool:
    """pydata's ``suppress_sidebar_toctree``: whether the page's section has no sidebar. The
    theme resolves the section's toctrees for every page to tell; the answer is the section's."""
    call = call_key(kwargs)
    if not isinstance(startdepth, int) or call is None:
        navigation.say(f"pydata's suppress_sidebar_toctree with {sorted(kwargs)}", pagename)
        return own(startdepth, **kwargs)
    ancestor = compat.toctrees.pydata_ancestor(navigation.parents, pagename, startdepth)
    if ancestor is None:
        return True
    if kwargs.get("includehidden", False):
        return False
    key = ("suppressed", startdepth, ancestor, call)
    if key not in navigation.sidebars:
        navigation.sidebars[key] = own(startdepth, **kwargs)
    return bool(navigation.sidebars[key])


def _build(
    navigation: Navigation,
    page: tuple[Callable[..., Any], dict[str, Any]],
    ancestor: str | None,
    show_nav_level: int,
    kwargs: dict[str, Any],
) -> Sidebar | None:
    if ancestor is None:
        entry = navigation.entry(kwargs)
        if entry is None or entry.template is None:
            navigation.say("pydata's sidebar with no toctree", None)
            return None
        marks = entry.marks
        html = "".join(p if isinstance(p, str) else token_text(p) for p in entry.template.parts)
    else:
        marks = Marks()
        app = navigation.app
        node = compat.toctrees.pydata_section_toctree(app, ancestor, kwargs, marks.url_token)
        if node is not None and not mark(node, marks):
            navigation.say("pydata's sidebar of a section with a toctree it does not know", None)
            return None
        # A section with no toctree gives an empty fragment (``render_partial(None)``).
        html = "" if node is None else compat.toctrees.render_fragment(navigation.builder, node)
    processed = compat.toctrees.pydata_sidebar(*page, html, show_nav_level, **kwargs)
    with_slots = None if processed is None else _with_slots(processed)
    template = None if with_slots is None else parse(with_slots, marks, every_token=False)
    if template is None:
        navigation.say("pydata's sidebar in a shape the cache does not know", None)
        return None
    _add_active(template, marks)
    return Sidebar(marks, template)


def _with_slots(html: str) -> str | None:
    """A slot for ``open`` in each closed toggle, owned by the item it follows; ``None`` for a
    toggle in no item the cache marked."""
    out: list[str] = []
    position, owner = 0, -1
    for found in re.finditer(f"{_ITEM.pattern}|{_DETAILS.pattern}", html):
        if found.group(1) is not None:
            owner = int(found.group(1))
        elif owner < 0:
            return None
        else:
            out.append(html[position : found.start(2)] + f"{PREFIX}o{owner}q")
            position = found.start(2)
    out.append(html[position:])
    return "".join(out)


def _add_active(template: Template, marks: Marks) -> None:
    """The theme writes ``active`` after each ``current`` item's ``current``."""
    for index, part in enumerate(template.parts):
        if isinstance(part, str) or part[0] not in (ALONE, LEADING, TRAILING):
            continue
        if marks.kinds[part[1]] == "li":
            template.parts[index] = (part[0], part[1], " active")
