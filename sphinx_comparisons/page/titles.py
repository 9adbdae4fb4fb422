"""Page titles from front matter: the H1, the ``<title>``, navigation labels and the lead.

Hugo pages have no H1 in their body: the theme prints ``headerTitle`` (else
``title``). We put that H1 into the Markdown itself, on the line the front
matter opened on, so MyST nests the body's H2s under it and every body line
keeps its line number. A transform then settles pages that also have a body
H1, and sets the ``<title>`` (``title``) and the navigation label
(``linkTitle``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.transforms import SphinxTransform

from sphinx_comparisons import compat, pipeline
from sphinx_comparisons.config import settings
from sphinx_comparisons.diagnostics import warn
from sphinx_comparisons.hugo import page
from sphinx_comparisons.hugo.frontmatter import FrontMatter
from sphinx_comparisons.site import records

if TYPE_CHECKING:
    from sphinx.application import Sphinx


#: Attribute of the title section: the lines of body H1s equal to the title, merged into it.
MERGED_H1S = "hugo_merged_h1_lines"


@dataclass(frozen=True)
class TitlePlan:
    """The H1 we put in a page's source, and why."""

    titles: page.Titles
    line: int
    from_front_matter: bool


def plan(fm: FrontMatter, path: str) -> TitlePlan | None:
    """The H1 for a page with front matter; None for pages without any."""
    if fm.format is None:
        return None
    named = page.titles(fm.params)
    if named is not None:
        return TitlePlan(named, fm.start_line, from_front_matter=True)
    fallback = page.title_from_path(path)
    return TitlePlan(
        page.Titles(fallback, fallback, fallback), fm.start_line, from_front_matter=False
    )


def on_source_read(app: Sphinx, docname: str, source: list[str]) -> None:
    """The front matter title written as the page's H1, so MyST reads the page with one."""
    if not records.is_markdown(app.env, docname):
        return
    env = app.env
    fm = records.front_matter_for_source(env, docname, source[0])
    for problem in fm.problems:
        warn(problem.subtype, problem.message, location=(docname, problem.line))
    title = plan(fm, str(env.doc2path(docname, False)))
    heading = page.markdown_heading(title.titles.heading) if title else None
    source[0] = page.replace_front_matter(source[0], fm.body_offset, fm.start_line, heading)


class HugoTitles(SphinxTransform):
    """Settle the page's one H1, its ``<title>``, lead paragraph and metadata."""

    default_priority = pipeline.TITLES

    def apply(self, **kwargs: Any) -> None:
        env = self.env
        docname = env.docname
        if not records.is_markdown(env, docname):
            return
        fm = records.front_matter(env, docname)
        if fm is not None:
            # Sphinx's file-wide settings (orphan, tocdepth, nocomments, nosearch) and any
            # other plain value; templates get every key, typed, as hugo_params
            plain = {k: v for k, v in fm.params.items() if isinstance(v, (str, int, float, bool))}
            compat.sphinx.add_metadata(env, docname, plain)
        title = plan(fm, str(env.doc2path(docname, False))) if fm else None
        if fm is None or title is None:  # a title implies front matter
            self._title_untitled_page(docname)
            return
        ours = self._injected_section(title.line)
        if ours is None:
            return
        others = [
            child
            for child in self.document.children
            if isinstance(child, nodes.section) and child is not ours
        ]
        if not title.from_front_matter:
            self._fallback(ours, others, docname)
            return
        self.document["title"] = title.titles.title
        heading = ours.next_node(nodes.title)
        if heading is not None:  # front matter is no Markdown: Goldmark's typographer skips it
            compat.sphinx.keep_quotes(heading)
        self._absorb_body_h1s(ours, others, title.titles.heading)
        lead = page.lead(fm.params, settings(env.config).lead)
        if lead:
            ours.insert(1, nodes.paragraph(lead, lead, classes=["hugo-lead"]))

    def _title_untitled_page(self, docname: str) -> None:
        """A page with neither front matter nor any heading gets one from its file name."""
        if self.document.next_node(nodes.section) is not None:
            return
        text = page.title_from_path(str(self.env.doc2path(docname, False)))
        section = nodes.section(
            ids=[nodes.make_id(text) or "page"], names=[nodes.fully_normalize_name(text)]
        )
        section += nodes.title(text, text)
        section.extend(self.document.children)
        self.document.children = []
        self.document += section
        self.document.note_implicit_target(section)
        warn(
            "title_missing",
            f"page has no title and no heading; using {text!r} from its file name",
            location=(docname, 1),
        )

    def _injected_section(self, line: int) -> nodes.section | None:
        for child in self.document.children:
            if isinstance(child, nodes.section):
                title = child.next_node(nodes.title)
                if title is not None and title.line == line:
                    return child
                return None
        return None

    def _fallback(self, ours: nodes.section, others: list[nodes.section], docname: str) -> None:
        """A page with front matter but no title: its body H1 wins, else its file name."""
        has_subsections = any(isinstance(child, nodes.section) for child in ours.children)
        if others and not has_subsections:
            index = self.document.index(ours)
            self.document.remove(ours)
            for offset, child in enumerate(ours.children[1:]):
                self.document.insert(index + offset, child)
            return
        warn(
            "title_missing",
            f"page has no title in its front matter and no heading; "
            f"using {ours[0].astext()!r} from its file name",
            location=(docname, ours[0].line),
        )
        self._absorb_body_h1s(ours, others, ours[0].astext())

    def _absorb_body_h1s(
        self, ours: nodes.section, others: list[nodes.section], heading: str
    ) -> None:
        """Keep exactly one H1: a body H1 equal to ours merges into it, another is demoted."""
        warned = False
        for section in others:
            self.document.remove(section)
            if section[0].astext().strip() == heading:
                # Hugo gives the body H1 its own id: kept for AssignHeadingIds
                ours[MERGED_H1S] = [*ours.get(MERGED_H1S, []), section[0].line]
                ours.extend(section.children[1:])
                continue
            if not warned:
                warn(
                    "title_conflict",
                    f"body H1 {section[0].astext()!r} differs from the front matter title "
                    f"{heading!r}; it is shown as an H2 under that title",
                    location=section,
                )
                warned = True
            ours.append(section)


def on_doctree_read(app: Sphinx, doctree: nodes.document) -> None:
    """Make ``linkTitle`` the label of the page in every navigation (after Sphinx's titles)."""
    env = app.env
    docname = env.docname
    fm = records.front_matter(env, docname)
    if fm is None or not records.is_markdown(app.env, docname):
        return
    named = page.titles(fm.params)
    if named is None or named.nav == named.heading:
        return
    compat.sphinx.set_nav_title(env, docname, named.nav)
