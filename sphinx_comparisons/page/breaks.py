"""Thematic breaks (``---``) wherever Goldmark allows them.

Goldmark writes ``<hr>`` anywhere a block may stand: right under a heading, first in a
list item or a shortcode's box, twice in a row, last on the page. Docutils allows a
transition only between body elements of a section: its ``Transitions`` transform (830)
warns elsewhere, and before docutils 0.22 an assertion stops the build on a break inside
a list item. So a break docutils would refuse becomes a :class:`thematic_break` before
that transform runs, which every writer renders as its own transition.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.transforms import SphinxTransform

from sphinx_comparisons import pipeline

if TYPE_CHECKING:
    from sphinx.application import Sphinx


class thematic_break(nodes.General, nodes.Element):
    """A transition where docutils allows none; written as the builder writes a transition."""


def _visit(self: Any, node: nodes.Element) -> None:
    self.visit_transition(node)


def _depart(self: Any, node: nodes.Element) -> None:
    self.depart_transition(node)


def refused(node: nodes.transition) -> bool:
    """Whether docutils' ``Transitions`` transform would warn about (or stop at) ``node``."""
    parent = node.parent
    if not isinstance(parent, (nodes.document, nodes.section)):
        return True
    before = node.previous_sibling()
    starts = (nodes.title, nodes.subtitle, nodes.meta, nodes.decoration, nodes.transition)
    if parent.index(node) == 0 or isinstance(before, starts):
        return True
    last: nodes.Element = node
    while last.parent is not None and last.parent.index(last) == len(last.parent) - 1:
        last = last.parent
    return last.parent is None  # the page ends with it


class KeepThematicBreaks(SphinxTransform):
    """Thematic breaks docutils would refuse kept where Goldmark writes them."""

    default_priority = pipeline.THEMATIC_BREAKS

    def apply(self, **kwargs: Any) -> None:
        for node in list(self.document.findall(nodes.transition)):
            if type(node) is nodes.transition and refused(node):
                node.replace_self(thematic_break(node.rawsource, **node.attributes))


def setup(app: Sphinx) -> None:
    writer = (_visit, _depart)
    app.add_node(thematic_break, html=writer, latex=writer, text=writer, man=writer, texinfo=writer)
