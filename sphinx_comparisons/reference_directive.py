"""``hugo-reference``: a reference table generated from the code, for the project's own docs.

Not part of the extension: ``docs/conf.py`` loads it as an extension of its own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.util.docutils import SphinxDirective

from sphinx_comparisons.reference import TABLES

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata


class ReferenceDirective(SphinxDirective):
    """Render one of the generated tables (``config``, ``warnings``, ``shortcodes``)."""

    required_arguments = 1
    option_spec: ClassVar[dict[str, Any]] = {}

    def run(self) -> list[nodes.Node]:
        name = self.arguments[0]
        if name not in TABLES:
            raise self.error(
                f"unknown reference table {name!r}; one of {', '.join(sorted(TABLES))}"
            )
        holder = nodes.container()
        self.state.nested_parse(
            StringList(TABLES[name]().split("\n"), source=self.env.docname),
            self.content_offset,
            holder,
        )
        return list(holder.children)


def setup(app: Sphinx) -> ExtensionMetadata:
    app.add_directive("hugo-reference", ReferenceDirective)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
