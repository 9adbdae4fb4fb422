"""Heading ids as Hugo makes them, so ``#anchor`` links written for Hugo keep working.

Each body heading gets Hugo's id (GitHub style by default, Blackfriday when
the site config or ``hugo_heading_ids`` says so), made unique as Hugo does;
a Goldmark attribute ``## Title {#id}`` sets it explicitly. The id is put
first, so it is the one HTML shows; Sphinx's own ids stay as extra anchors.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.transforms import SphinxTransform

from sphinx_comparisons import pipeline
from sphinx_comparisons.diagnostics import warn
from sphinx_comparisons.hugo.headings import HeadingIds as Ids
from sphinx_comparisons.hugo.headings import take_heading_ids
from sphinx_comparisons.markdown import settings as goldmark_settings
from sphinx_comparisons.page.titles import MERGED_H1S, plan
from sphinx_comparisons.site import records, state

if TYPE_CHECKING:
    from collections.abc import Iterable

    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment


def rescheme(
    app: Sphinx, env: BuildEnvironment, old: state.SiteModel | None, new: state.SiteModel
) -> Iterable[str]:
    """When the site changed: every Markdown page, if the heading-id scheme did."""
    if old is None or old.heading_scheme == new.heading_scheme:
        return ()
    return {doc for doc in env.found_docs if records.is_markdown(env, doc)}


def on_source_read(app: Sphinx, docname: str, source: list[str]) -> None:
    """Explicit heading ids (``## Title {#id}``) taken out of the text, kept for the transform."""
    if not records.is_markdown(app.env, docname):
        return
    if not goldmark_settings.of_env(app.env).title_attributes:  # Hugo prints them as text
        state.reading(app.env).heading_ids = {}
        return
    source[0], found = take_heading_ids(source[0])
    for problem in found.problems:
        warn("attribute", problem.message, location=(docname, problem.line))
    state.reading(app.env).heading_ids = found.ids
    state.reading(app.env).heading_classes = found.classes


class AssignHeadingIds(SphinxTransform):
    """Every heading gets the id the site's heading-id scheme gives it, or its explicit one."""

    default_priority = pipeline.HEADING_IDS

    def apply(self, **kwargs: Any) -> None:
        env = self.env
        docname = env.docname
        if not records.is_markdown(env, docname):
            return
        explicit = state.reading(env).heading_ids
        classes = state.reading(env).heading_classes
        ids = Ids(state.model(env).heading_scheme)
        title_section = self._title_section()
        wanted: list[tuple[nodes.section, str]] = []
        for section, line, text in self._headings(title_section):
            given = explicit.get(line) if line is not None else None
            if section is not title_section:
                section["classes"] += [
                    c for c in classes.get(line or 0, ()) if c not in section["classes"]
                ]
            wanted.append((section, ids.claim(given) if given else ids.for_text(text)))
        assigned = {new for _, new in wanted}
        for section, new in wanted:
            if section is not title_section:
                self._set(section, new, assigned)
        if title_section is not None:
            mine = {new for section, new in wanted if section is title_section}
            self._drop(title_section, assigned - mine)
            title_section["ids"] += [new for new in sorted(mine) if new not in title_section["ids"]]
            for new in mine:
                self.document.ids[new] = title_section

    def _headings(
        self, title_section: nodes.section | None
    ) -> list[tuple[nodes.section, int | None, str]]:
        """The body's headings in the order of their lines: each section's, and the body H1s that
        repeat the title (merged into the title section, their ids still count, as in Hugo)."""
        found: list[tuple[nodes.section, int | None, str]] = []
        merged: list[tuple[nodes.section, int | None, str]] = []
        for section in self.document.findall(nodes.section):
            title = section.next_node(nodes.title)
            if title is None:
                continue
            if section is title_section:
                lines: list[int | None] = section.get(MERGED_H1S, [])
                merged = [(section, line, title.astext()) for line in lines]
            else:
                found.append((section, title.line, title.astext()))
        for entry in merged:
            later = (i for i, heading in enumerate(found) if (heading[1] or 0) > (entry[1] or 0))
            found.insert(next(later, len(found)), entry)
        return found

    def _title_section(self) -> nodes.section | None:
        fm = records.front_matter(self.env, self.env.docname)
        if fm is None or plan(fm, str(self.env.doc2path(self.env.docname, False))) is None:
            return None
        section = self.document.next_node(nodes.section)
        title = section.next_node(nodes.title) if section is not None else None
        return section if title is not None and title.line == fm.start_line else None

    def _set(self, section: nodes.section, new: str, assigned: set[str]) -> None:
        if section["ids"][:1] != [new]:
            section["ids"] = [new, *(i for i in section["ids"] if i != new)]
        self._drop(section, assigned - {new})
        self.document.ids[new] = section

    def _drop(self, section: nodes.section, taken: set[str]) -> None:
        """Remove ids another heading now owns; keep the section's names pointing somewhere.

        A section must keep an id (Sphinx's writers read ``ids[0]``): the title
        section of ``title: Extensions`` loses ``extensions`` to the body's
        ``## Extensions``, which has it in Hugo, and gets a fresh one instead.
        """
        dropped = [i for i in section["ids"] if i in taken]
        if not dropped:
            return
        section["ids"] = [i for i in section["ids"] if i not in taken]
        if not section["ids"]:
            self.document.set_id(section)
        for name, target in list(self.document.nameids.items()):
            if target in dropped:
                self.document.nameids[name] = section["ids"][0]
