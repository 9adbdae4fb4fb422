"""Heading ids written as Goldmark attributes (``## Title {#id}``) become section ids."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.transforms import SphinxTransform

from sphinx_comparisons import site
from sphinx_comparisons.hugo.headings import take_heading_ids

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

_KEY = "sphinx_comparisons_heading_ids"


def _current(env: BuildEnvironment) -> Any:
    return getattr(env, "current_document", None) or env.temp_data


def on_source_read(app: Sphinx, docname: str, source: list[str]) -> None:
    if not site.is_markdown(app.env, docname):
        return
    source[0], ids = take_heading_ids(source[0])
    _current(app.env)[_KEY] = ids


class HeadingIds(SphinxTransform):
    """Put each ``{#id}`` first among its section's ids, so ``#id`` links land on it."""

    default_priority = 210

    def apply(self, **kwargs: Any) -> None:
        ids: dict[int, str] = _current(self.env).get(_KEY) or {}
        if not ids:
            return
        for section in self.document.findall(nodes.section):
            title = section.next_node(nodes.title)
            wanted = ids.get(title.line) if title is not None else None
            if wanted is None:
                continue
            section["ids"] = [wanted, *(i for i in section["ids"] if i != wanted)]
            self.document.ids[wanted] = section
