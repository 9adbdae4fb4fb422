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

from typing import TYPE_CHECKING

from docutils import nodes

from sphinx_comparisons import compat
from sphinx_comparisons.site import records

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def on_doctree_read(app: Sphinx, doctree: nodes.document) -> None:
    """Headings inside ``{{% %}}`` shortcodes added to the page's table of contents, in page
    order."""
    env = app.env
    docname = env.docname
    if not records.is_markdown(env, docname):
        return
    headings = [
        rubric
        for rubric in doctree.findall(nodes.rubric)
        if rubric.get("hugo_toc") and rubric["ids"]
    ]
    items = compat.sphinx.toc_items(env, docname) if headings else None
    if items is None:
        return
    for section, rubrics in _by_section(headings).items():
        item = items.get(compat.sphinx.toc_anchor(section))
        if item is None:
            continue
        children = [
            entry
            for entry in _entries_in_order(section, rubrics, items, docname)
            if entry is not None
        ]
        compat.sphinx.nest_toc_items(env, docname, item, children, len(rubrics))


def _by_section(rubrics: list[nodes.rubric]) -> dict[nodes.Element, list[nodes.rubric]]:
    found: dict[nodes.Element, list[nodes.rubric]] = {}
    for rubric in rubrics:
        parent = rubric.parent
        while parent is not None and not isinstance(parent, nodes.section):
            parent = parent.parent
        if parent is not None:
            found.setdefault(parent, []).append(rubric)
    return found


def _entries_in_order(
    section: nodes.Element,
    rubrics: list[nodes.rubric],
    items: dict[str, nodes.list_item],
    docname: str,
) -> list[nodes.list_item | None]:
    """The section's subsections' entries and new entries for its rubrics, in page order."""
    wanted = set(map(id, rubrics))
    entries: list[nodes.list_item | None] = []
    for node in section.findall(include_self=False):
        if isinstance(node, nodes.section) and node.parent is section:
            entries.append(items.get(compat.sphinx.toc_anchor(node)))
        elif isinstance(node, nodes.rubric) and id(node) in wanted:
            entries.append(compat.sphinx.toc_item(node, docname, "#" + node["ids"][0]))
    return entries
