"""Related-posts blocks: link cards for HTML, a plain list elsewhere.

Items come from the directive body (a YAML list of ``{title, url, description,
date}`` or Markdown ``- [title](url) text`` lines), from the page's
``related:`` front matter, or (``:auto:``) from Hugo's related-content
scoring over the site, with the page's menu siblings as a fallback. A
section headed "Relevant blog posts" (``hugo_related_headings``) whose body
ends in a list of links becomes such a block, its heading kept.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar
from urllib.parse import urlsplit

import yaml
from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes
from sphinx.util.docutils import SphinxDirective

from sphinx_comparisons import compat
from sphinx_comparisons.addresses import links
from sphinx_comparisons.config import settings
from sphinx_comparisons.diagnostics import warn
from sphinx_comparisons.hugo import fences, related, safeurl
from sphinx_comparisons.hugo.frontmatter import digest
from sphinx_comparisons.hugo.headings import atx
from sphinx_comparisons.hugo.yamldata import excerpt
from sphinx_comparisons.site import domain, records, state

if TYPE_CHECKING:
    from collections.abc import Iterable

    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

_LINK_LINE = re.compile(
    r"^\s*[-*+]\s+\[(?P<title>[^\]]+)\]\((?P<url>(?:[^()\s]|\([^()\s]*\))+)(?:\s+\"[^\"]*\")?\)\s*(?P<rest>.*)$"
)
#: What an automatic block is scored from, as the ``hugo`` domain records it per page.
_SCORED = "related.scored"


@dataclass(frozen=True)
class Item:
    title: str
    url: str
    description: str = ""
    date: str = ""
    line: int = 0


# -- source level: "Relevant blog posts" sections and the automatic block ---------------------


def on_source_read(app: Sphinx, docname: str, source: list[str]) -> None:
    """ "Relevant blog posts" link lists become related-posts blocks; ``hugo_related_pages``
    adds one
    to every page."""
    env = app.env
    if not records.is_markdown(env, docname):
        return
    chosen = settings(env.config)
    text = convert_sections(source[0], [h.lower() for h in chosen.related_headings])
    if chosen.related_pages and records.front_matter(env, docname) is not None:
        closing = fences.closing_line(text)  # Hugo's list is no part of a code block left open
        text = text.rstrip("\n") + (f"\n{closing}" if closing else "")
        heading = " ".join(state.model(env).strings.get("related_pages", "Related pages").split())
        options = f":auto:\n:limit: {chosen.related_pages}\n:heading: {heading}"
        text += f"\n\n```{{related-posts}}\n{options}\n```\n"
    source[0] = text


def convert_sections(text: str, headings: list[str]) -> str:
    """Turn the link list ending a related-posts section into a ``related-posts`` block, line
    for line.

    The blank line before the list becomes the opening fence and the blank line
    after it (or the end of the page) the closing one, so no line moves.
    Headings and lists in code blocks are text, as in Hugo.
    """
    lines = text.split("\n")
    if not any(_wanted(line, headings) for line in lines):
        return text  # most pages
    prose = set(fences.outside_code(lines))
    found = [(index, heading) for index in sorted(prose) if (heading := _heading(lines[index]))]
    blocks: list[tuple[int, int]] = []
    resume = 0
    for number, (index, (level, title)) in enumerate(found):
        if index < resume or title.lower() not in headings:
            continue
        later = (other for other, (depth, _) in found[number + 1 :] if depth <= level)
        resume = next(later, len(lines))
        block = _link_list(lines, range(index + 1, resume), prose)
        if block is not None:
            blocks.append(block)
    ticks = "`" * 3
    for before, after in reversed(blocks):
        if after < len(lines) and not lines[after].strip():
            lines[after] = ticks
        else:
            lines.insert(after, ticks)
        lines[before] = f"{ticks}{{related-posts}}"
    return "\n".join(lines)


def _wanted(line: str, headings: list[str]) -> bool:
    heading = _heading(line)
    return heading is not None and heading[1].lower() in headings


def _heading(line: str) -> tuple[int, str] | None:
    """A level 2-6 heading at the line's start, with text: (level, text)."""
    found = atx(line) if line.startswith("##") else None
    return found if found and found[0] >= 2 and found[1] else None


def _in_list(line: str) -> bool:
    """A link line, or an indented line that continues an item."""
    return bool(_LINK_LINE.match(line)) or line.startswith(("  ", "\t")) and bool(line.strip())


def _link_list(lines: list[str], section: range, prose: set[int]) -> tuple[int, int] | None:
    """The blank line before the link list that ends ``section`` and the line after the list."""
    first = next((i for i in section if i in prose and _LINK_LINE.match(lines[i])), None)
    if first is None or first == section.start or lines[first - 1].strip():
        return None
    last = first
    while last + 1 < section.stop and _in_list(lines[last + 1]):
        last += 1
    if any(line.strip() for line in lines[last + 1 : section.stop]):
        return None  # text after the list: leave the section as written
    return first - 1, last + 1


# -- the directive -------------------------------------------------------------------------


class RelatedPostsDirective(SphinxDirective):
    has_content = True
    option_spec: ClassVar[dict[str, Any]] = {
        "heading": directives.unchanged,
        "auto": directives.flag,
        "limit": directives.positive_int,
    }

    def run(self) -> list[nodes.Node]:
        if "auto" in self.options:
            items = self._auto()
        elif self.content:
            items = self._from_body()
        else:
            items = self._from_front_matter()
        items = [safe for safe in map(self._safe, items) if safe is not None]
        if not items:
            return []
        out: list[nodes.Node] = []
        heading = self.options.get("heading")
        if heading:
            out.append(nodes.rubric(heading, heading, classes=["hugo-related-heading"]))
        return [*out, self._block(items)]

    # items

    def _from_body(self) -> list[Item]:
        lines = list(self.content)
        if all(
            _LINK_LINE.match(line) or not line.strip() or line.startswith(("  ", "\t"))
            for line in lines
        ):
            items = []
            for number, line in enumerate(lines):
                match = _LINK_LINE.match(line)
                if match:
                    rest = match.group("rest").strip().lstrip("-–—:").strip()
                    items.append(
                        Item(
                            match.group("title"),
                            match.group("url"),
                            rest,
                            line=self.lineno + 1 + number,
                        )
                    )
            return items
        try:
            data = records.page_yaml(
                self.env,
                "\n".join(lines),
                "related-posts body",
                self.lineno + 1 + len(self.options),
                "related",
            )
        except yaml.YAMLError as err:
            warn(
                "related",
                f"the related-posts body is neither a link list nor valid YAML: {_yaml_error(err)}",
                location=(self.env.docname, self.lineno),
            )
            return []
        return self._items(data, (self.env.docname, self.lineno))

    def _from_front_matter(self) -> list[Item]:
        fm = records.front_matter(self.env, self.env.docname)
        data = fm.params.get("related") if fm else None
        where = (self.env.docname, fm.line_of("related") if fm else self.lineno)
        if data is None:
            warn(
                "related",
                "related-posts has no items: give a body, ':auto:', "
                "or 'related:' in the front matter",
                location=(self.env.docname, self.lineno),
            )
            return []
        return self._items(data, where)

    def _items(self, data: Any, where: tuple[str, int]) -> list[Item]:
        if not isinstance(data, list):
            warn(
                "related",
                "related posts must be a list of {title, url, description, date}",
                location=where,
            )
            return []
        items = []
        for entry in data:
            if (
                not isinstance(entry, dict)
                or not isinstance(entry.get("title"), str)
                or not isinstance(entry.get("url"), str)
            ):
                warn(
                    "related",
                    f"related post {excerpt(entry)} needs a 'title' and a 'url'",
                    location=where,
                )
                continue
            date = entry.get("date", "")
            items.append(
                Item(
                    entry["title"],
                    entry["url"],
                    str(entry.get("description", "") or ""),
                    str(date or ""),
                )
            )
        return items

    def _auto(self) -> list[Item]:
        env = self.env
        domain.of(env).note_use(env.docname, _SCORED, state.derived(env, _scored_digest))
        site = state.model(env)
        found = site.pages
        page = found.get(env.docname)
        if page is None:
            return []
        limit = self.options.get("limit", 5)
        scoring = related.settings_from_config(site.site_config.values.get("related"))
        keys = related.related(page, found.values(), scoring, limit)
        if not keys:
            keys = _siblings(env, env.docname)[:limit]
        return [
            Item(
                found[key].title or found[key].link_title or key,
                key,
                str(found[key].params.get("description") or ""),
            )
            for key in keys
        ]

    # checks and rendering

    def _safe(self, item: Item) -> Item | None:
        """The item with its URL cleaned, or None when the allow-list refuses its link."""
        reason = safeurl.refusal(item.url)
        if reason is None:
            return dataclasses.replace(item, url=safeurl.clean(item.url))
        warn(
            "related",
            f"related post {excerpt(item.title)} links to {excerpt(item.url)}, which {reason}",
            location=(self.env.docname, item.line or self.lineno),
        )
        return None

    def _reference(self, item: Item) -> nodes.Node:
        """A page of the tree; a site path that is none, as a Markdown link to it goes; a URL."""
        found = links.page_link(self.env, item.url, names_pages=True)
        if found is not None and found.page is not None:
            return addnodes.pending_xref(
                "",
                nodes.inline("", item.title),
                refdomain="std",
                reftype="doc",
                reftarget="/" + found.page,
                refexplicit=True,
                refdoc=self.env.docname,
            )
        if found is not None:
            where = (self.env.docname, item.line or self.lineno)
            return links.site_path_reference(
                self.env, item.url, found, [nodes.Text(item.title)], where
            )
        return nodes.reference("", item.title, refuri=item.url)

    def _block(self, items: list[Item]) -> related_block:
        block = related_block(classes=["hugo-related-list"])
        for item in items:
            ref = self._reference(item)
            paragraph = nodes.paragraph("", "", ref)
            if item.description:
                paragraph += nodes.Text(f": {item.description}")
            link = ref.get("refuri", "") if isinstance(ref, nodes.reference) else ""
            card_text = item.description or urlsplit(link).netloc
            block += nodes.list_item("", paragraph, hugo_card=(item.title, card_text, item.date))
        return block


def _yaml_error(err: yaml.YAMLError) -> str:
    """The parser's complaint and its line, without the quoted source (``str(err)`` quotes the
    page)."""
    mark = getattr(err, "problem_mark", None)
    where = f" (line {mark.line + 1} of the body)" if mark is not None else ""
    return f"{getattr(err, 'problem', None) or 'malformed YAML'}{where}"


class related_block(nodes.bullet_list):
    """A related-posts block: a list of links, which HTML shows as cards.

    Non-HTML writers print it as the bullet list it is (Sphinx's translators
    dispatch along the class's MRO). HTML writes sphinx-design's card grid
    markup directly, the card title being the link, which is much cheaper
    than parsing a grid of card directives for every page.
    """


def visit_related_html(translator: Any, node: related_block) -> None:
    cards = []
    for item in node.children:
        if not isinstance(item, nodes.Element) or "hugo_card" not in item:
            continue
        title, text, date = item["hugo_card"]
        link = next(item.findall(nodes.reference), None)
        heading = safeurl.attribute(title)
        href = safeurl.check(link.get("refuri") or "") if link is not None else None
        if link is not None and href:
            internal = bool(link.get("internal"))
            heading = compat.design.card_link(safeurl.attribute(href), heading, internal=internal)
        texts = [safeurl.attribute(text)] if text else []
        texts += [f"<em>{safeurl.attribute(date)}</em>"] if date else []
        cards.append((heading, texts))
    translator.body.append(compat.design.card_grid(cards, "hugo-related"))
    raise nodes.SkipNode


def _siblings(env: BuildEnvironment, docname: str) -> list[str]:
    for groups in state.model(env).navigation.toctrees.values():
        for group in groups:
            targets = [item.target for item in group.items if not item.external]
            if docname in targets:
                return [t for t in targets if t != docname]
    return []


def _scored_digest(env: BuildEnvironment) -> str:
    """What automatic blocks are scored from: every page's keywords, tags, dates and titles."""
    return digest(
        repr(
            [
                (
                    key,
                    page.title,
                    page.params.get("keywords"),
                    page.params.get("tags"),
                    str(page.date),
                    page.listed,
                    page.build.in_site,
                )
                for key, page in sorted(state.model(env).pages.items())
            ]
        )
    )


def rescored(
    app: Sphinx, env: BuildEnvironment, old: state.SiteModel | None, new: state.SiteModel
) -> Iterable[str]:
    """When the site changed: pages with an automatic block, if what it is scored from changed."""
    return domain.of(env).using_other(_SCORED, state.derived(env, _scored_digest))
