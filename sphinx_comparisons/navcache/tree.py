"""The resolved toctree marked for the cache: every list, item and link gets a token class where
Sphinx would add ``current``, every internal address a token; and which of them each page opens.

Sphinx's rules (``sphinx/environment/adapters/toctree.py``, ``_toctree_add_classes`` and
``_toctree_copy_seq``): a link to the page without an anchor gives ``current`` to itself and to
every item and list above it; every link to the page, with or without an anchor, marks its
ancestors ``iscurrent``, and with ``collapse`` a nested list is kept only under such an item.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from docutils import nodes

from sphinx_comparisons import compat

#: Tokens written into the HTML once and replaced for each page. ``q`` closes them.
CLASS_TOKEN = "zzhnavc"
URL_TOKEN = "zzhnavu"
PREFIX = "zzhnav"
#: Classes Sphinx or its HTML writer add to these elements (written once each).
_WRITTEN_CLASSES = frozenset({"current", "reference", "internal", "external"})


@dataclass
class Marks:
    """What the tokens stand for."""

    #: Element id -> ids of the lists and items above it (nearest first).
    above: dict[int, tuple[int, ...]] = field(default_factory=dict)
    #: Element id -> "ul", "li" or "a".
    kinds: dict[int, str] = field(default_factory=dict)
    #: Document -> ids of the links to it, with whether the link has no anchor.
    links: dict[str, list[tuple[int, bool]]] = field(default_factory=dict)
    #: Item id -> the document its own link leads to without an anchor.
    item_doc: dict[int, str] = field(default_factory=dict)
    #: Nested list id -> the item it is in (lists at the top are not here).
    nested: dict[int, int] = field(default_factory=dict)
    #: URL token index -> document.
    targets: list[str] = field(default_factory=list)
    #: Tokens written.
    count: int = 0

    def url_token(self, docname: str) -> str:
        self.targets.append(docname)
        self.count += 1
        return f"{URL_TOKEN}{len(self.targets) - 1}q"

    def for_page(self, pagename: str) -> tuple[dict[int, int], set[int]]:
        """How many links to the page without an anchor each element holds (it is ``current``
        when there is one), and the items left open."""
        currents: dict[int, int] = {}
        open_items: set[int] = set()
        for link, plain in self.links.get(pagename, ()):
            chain = (link, *self.above[link])
            open_items.update(element for element in chain if self.kinds[element] == "li")
            if plain:
                for element in chain:
                    currents[element] = currents.get(element, 0) + 1
        return currents, open_items


def mark(root: nodes.Element, marks: Marks) -> bool:
    """Add the class tokens; ``False`` when the tree has a shape the cache does not know."""
    ids: dict[int, int] = {}
    for node in root.findall(nodes.Element):
        kind = _kind(node)
        if kind is None:
            continue
        if _WRITTEN_CLASSES.intersection(node["classes"]):
            return False
        element = ids[id(node)] = len(marks.kinds)
        marks.kinds[element] = kind
        node["classes"].append(f"{CLASS_TOKEN}{element}q")
        marks.count += 1
        above = _above(node, ids)
        if above is None:
            return False
        marks.above[element] = above
        if kind == "ul" and above:
            marks.nested[element] = above[0]
        elif kind == "ul" and node.parent is not root:
            return False
        if kind == "a" and not _link(node, element, marks):
            return False
    return True


def _kind(node: nodes.Element) -> str | None:
    if isinstance(node, nodes.bullet_list):
        return "ul"
    if isinstance(node, nodes.list_item):
        return "li"
    if isinstance(node, nodes.reference):
        return "a"
    return None


def _above(node: nodes.Element, ids: dict[int, int]) -> tuple[int, ...] | None:
    chain: list[int] = []
    parent = node.parent
    while parent is not None:
        if _kind(parent) is not None:
            if id(parent) not in ids:
                return None
            chain.append(ids[id(parent)])
        parent = parent.parent
    return tuple(chain)


def _link(node: nodes.Element, element: int, marks: Marks) -> bool:
    uri = str(node.get("refuri", ""))
    if not uri.startswith(URL_TOKEN):
        return True  # an external address, the same on every page
    index = int(uri[len(URL_TOKEN) :].partition("q")[0])
    docname = marks.targets[index]
    plain = not compat.toctrees.link_anchor(node)
    marks.links.setdefault(docname, []).append((element, plain))
    item = marks.above[element][0] if marks.above[element] else None
    if plain and item is not None and marks.kinds[item] == "li" and item not in marks.item_doc:
        marks.item_doc[item] = docname
    return True
