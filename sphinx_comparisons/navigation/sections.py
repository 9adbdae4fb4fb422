"""Section lists: a section page's children with their descriptions, as Docsy shows them.

``section-index`` is a directive; a section page (``_index.md``) whose body is
empty gets one at its end automatically, unless its front matter says
``no_list: true`` (``simple_list: true`` asks for plain links).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes
from sphinx.util.docutils import SphinxDirective

from sphinx_comparisons.config import settings
from sphinx_comparisons.hugo.navigation import ListItem
from sphinx_comparisons.page import markdownify
from sphinx_comparisons.page.titles import plan
from sphinx_comparisons.site import records, state

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def _items(env: Any, docname: str) -> tuple[ListItem, ...]:
    return state.model(env).navigation.section_lists.get(docname, ())


def on_source_read(app: Sphinx, docname: str, source: list[str]) -> None:
    """Append a section index to empty section pages (after the title was put in)."""
    env = app.env
    fm = records.front_matter(env, docname)
    path = str(env.doc2path(docname, False)).replace("\\", "/")
    if fm is None or not path.endswith("_index.md") or fm.params.get("no_list") is True:
        return
    if not _items(env, docname):
        return
    lines = source[0].split("\n")
    if plan(fm, path) is not None and 0 < fm.start_line <= len(lines):
        lines = lines[: fm.start_line - 1] + lines[fm.start_line :]
    if "\n".join(lines).strip():
        return
    option = "\n:simple:" if fm.params.get("simple_list") is True else ""
    source[0] = source[0].rstrip("\n") + f"\n\n```{{section-index}}{option}\n```\n"


class SectionIndex(SphinxDirective):
    """List the current section's children: linked title and description (Docsy's section index)."""

    has_content = False
    option_spec: ClassVar[dict[str, Any]] = {"simple": directives.flag}

    def run(self) -> list[nodes.Node]:
        items = _items(self.env, self.env.docname)
        if not items:
            return []
        if "simple" in self.options:
            listing = nodes.bullet_list(classes=["hugo-section-index", "simple"])
            for item in items:
                listing += nodes.list_item("", nodes.paragraph("", "", self._link(item)))
            return [listing]
        container = nodes.container(classes=["hugo-section-index"])
        for item in items:
            entry = nodes.container(classes=["hugo-section-index-entry"])
            entry += nodes.paragraph("", "", self._link(item), classes=["hugo-section-index-title"])
            if item.description:
                inline, messages = markdownify.inline(self.state, item.description, self.lineno)
                entry += nodes.paragraph(
                    "", "", *inline, classes=["hugo-section-index-description"]
                )
                entry += messages
            container += entry
        return [container]

    def _link(self, item: ListItem) -> nodes.Node:
        if item.url:  # a ``render: link`` page: Hugo lists its URL and writes no file
            base = settings(self.env.config).base_url
            uri = base.rstrip("/") + item.url if base else item.url
            return nodes.reference("", "", nodes.inline(item.title, item.title), refuri=uri)
        ref = addnodes.pending_xref(
            "",
            nodes.inline(item.title, item.title),
            refdomain="std",
            reftype="doc",
            reftarget="/" + item.target,
            refexplicit=True,
            refwarn=True,
            refdoc=self.env.docname,
        )
        return ref
