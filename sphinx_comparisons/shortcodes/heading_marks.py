"""Headings inside block shortcodes join the page's table of contents, as in Hugo.

Hugo renders a ``{{% alert %}}`` or ``{{% tab %}}`` body as part of the page,
so its headings are in the page's ``TableOfContents`` (a ``{{< >}}``
shortcode's are not: ``shortcodes/directive.py`` marks which rubric is which). Docutils
cannot nest a section in an admonition or a tab, so MyST makes such a heading
a rubric that keeps its level and id. After Sphinx has collected the page's sections
(``doctree-read``), each such rubric is added to the page's table of contents
under the section that holds it, in the order of the page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms import SphinxContentsFilter

from sphinx_comparisons.site import records

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def on_doctree_read(app: Sphinx, doctree: nodes.document) -> None:
    """Headings inside ``{{% %}}`` shortcodes added to the page's table of contents, in page order."""
    env = app.env
    docname = env.docname
    toc = env.tocs.get(docname)
    if toc is None or not records.is_markdown(env, docname):
        return
    headings = [rubric for rubric in doctree.findall(nodes.rubric) if rubric.get("hugo_toc") and rubric["ids"]]
    if not headings:
        return
    items = _items_by_anchor(toc)
    added = 0
    for section, rubrics in _by_section(headings).items():
        item = items.get(_anchor(section))
        if item is None:
            continue
        children = [entry for entry in _entries_in_order(section, rubrics, items, docname) if entry is not None]
        lists = [child for child in item.children if isinstance(child, nodes.bullet_list)]
        if lists:
            lists[0].children = []
            lists[0].extend(children)
        else:
            item += nodes.bullet_list("", *children)
        added += len(rubrics)
    env.toc_num_entries[docname] = env.toc_num_entries.get(docname, 0) + added


def _by_section(rubrics: list[nodes.rubric]) -> dict[nodes.Element, list[nodes.rubric]]:
    found: dict[nodes.Element, list[nodes.rubric]] = {}
    for rubric in rubrics:
        parent = rubric.parent
        while parent is not None and not isinstance(parent, nodes.section):
            parent = parent.parent
        if parent is not None:
            found.setdefault(parent, []).append(rubric)
    return found


def _anchor(section: nodes.Element) -> str:
    """Sphinx's anchor name for a section's entry: none for the page's top section."""
    if isinstance(section.parent, nodes.document):
        return ""
    return "#" + section["ids"][0] if section["ids"] else ""


def _items_by_anchor(toc: nodes.Node) -> dict[str, nodes.list_item]:
    items: dict[str, nodes.list_item] = {}
    for reference in toc.findall(nodes.reference):
        item = reference.parent.parent
        if isinstance(item, nodes.list_item):
            items.setdefault(reference.get("anchorname", ""), item)
    return items


def _entries_in_order(
    section: nodes.Element, rubrics: list[nodes.rubric], items: dict[str, nodes.list_item], docname: str
) -> list[nodes.list_item | None]:
    """The section's subsections' entries and new entries for its rubrics, in page order."""
    wanted = set(map(id, rubrics))
    entries: list[nodes.list_item | None] = []
    for node in section.findall(include_self=False):
        if isinstance(node, nodes.section) and node.parent is section:
            entries.append(items.get(_anchor(node)))
        elif isinstance(node, nodes.rubric) and id(node) in wanted:
            entries.append(_entry(node, docname))
    return entries


def _entry(rubric: nodes.rubric, docname: str) -> nodes.list_item:
    """An entry as Sphinx makes one for a section: the heading's text without links or images."""
    visitor = SphinxContentsFilter(cast(nodes.document, rubric.document))  # the rubric sits in a doctree
    rubric.walkabout(visitor)
    text = visitor.get_entry_text()
    reference = nodes.reference("", "", *text, internal=True, refuri=docname, anchorname="#" + rubric["ids"][0])
    return nodes.list_item("", addnodes.compact_paragraph("", "", reference))
