"""What a shortcode's handler is given: a :class:`Call`, and how block results leave paragraphs.

A handler (``registry.py``) turns a call into docutils nodes; it can render Markdown,
including generated MyST for sphinx-design components, through MyST's own renderer, so line
numbers inside the shortcode's content still point at the page's source.
A role whose handler returns block content and that stands alone in a
paragraph replaces that paragraph, as Hugo drops the ``<p>`` around it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms import SphinxTransform

from sphinx_comparisons import compat, pipeline
from sphinx_comparisons.diagnostics import warn
from sphinx_comparisons.hugo.shortcodes import argument

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment


class hugo_block(nodes.Inline, nodes.Element):
    """Block content a shortcode role produced; lifted out of its paragraph by a transform."""


@dataclass
class Call:
    """One shortcode call, as its handler sees it."""

    name: str
    notation: str
    positional: list[Any]
    named: dict[str, Any]
    inner: str | None
    line: int
    docname: str
    env: BuildEnvironment
    renderer: Any = field(repr=False)
    block: bool = False
    #: The page's shortcode expansion, for text a handler reads from elsewhere (an included file).
    expand_shortcodes: Callable[[str], str] = field(default=str, repr=False)

    def get(self, key: str | int, default: Any = None) -> Any:
        return argument(self.positional, self.named, key, default)

    def arg(self, name: str, position: int | None = None, default: Any = None) -> Any:
        """A parameter given by name, else at a position (shortcodes accept both)."""
        if name in self.named:
            return self.named[name]
        if position is not None and position < len(self.positional):
            return self.positional[position]
        return default

    def markdown(self, text: str | None = None, line: int | None = None) -> list[nodes.Node]:
        """Block Markdown (the inner content by default) rendered by MyST, as nodes."""
        return _render(
            self.renderer, self._inner() if text is None else text, line or self.line, inline=False
        )

    def _inner(self) -> str:
        """The inner content; a shortcode without one fails here, and :func:`_invoke` reports it."""
        if self.inner is None:
            raise ValueError("it has no inner content")
        return self.inner

    def inline_markdown(self, text: str, line: int | None = None) -> list[nodes.Node]:
        return _render(self.renderer, text, line or self.line, inline=True)

    def wrapped(
        self,
        before: list[str],
        after: list[str],
        inner: str | None = None,
        within: str | None = None,
    ) -> list[nodes.Node]:
        """Render ``before`` + inner + ``after`` as one Markdown text, inner keeping its lines.

        ``within`` names the sphinx-design component the result will sit in
        (a tab item is made for a tab set), so its directive finds the parent it expects.
        """
        body = self._inner() if inner is None else inner
        text = "\n".join([*before, body.strip("\n"), *after])
        # a block's inner lines follow its opening tag; a role's text starts on the tag's line
        lead = len(body) - len(body.lstrip("\n"))
        if self.block:
            start = self.line + 1 + lead - len(before)
        else:
            start = self.line + max(lead - len(before), 0)
        return _render(self.renderer, text, max(start, 1), inline=False, within=within)

    def warn(self, subtype: str, message: str) -> None:
        warn(subtype, message, location=(self.docname, self.line))


def _render(
    renderer: Any, text: str, line: int, inline: bool, within: str | None = None
) -> list[nodes.Node]:
    container = compat.design.component(within) if within else nodes.container()
    compat.myst.render_into(renderer, container, text, line, inline)
    return list(container.children)


Handler = Callable[[Call], list[nodes.Node]]


class LiftBlocks(SphinxTransform):
    """Block content a shortcode role gave, made valid where the role stands.

    Alone in a paragraph it takes the paragraph's place, as Hugo drops the
    ``<p>``. In a heading or other inline context (a paragraph with text
    around it, a link, a caption), where Hugo pastes its HTML as it is, it
    becomes its inline form (:func:`inline_form`).
    """

    default_priority = pipeline.LIFT_BLOCKS

    def apply(self, **kwargs: Any) -> None:
        # innermost first: a block inside another is settled before its container is
        for block in reversed(list(self.document.findall(hugo_block))):
            parent = block.parent
            if parent is None:
                continue
            if isinstance(parent, nodes.paragraph) and all(
                child is block or (isinstance(child, nodes.Text) and not child.strip())
                for child in parent.children
            ):
                parent.replace_self(block.children)
            elif isinstance(parent, _HEADINGS):
                alts = [nodes.Text(image.get("alt", "")) for image in block.findall(nodes.image)]
                content = inline_form(block.children, heading=True) or alts[:1]
                if not "".join(node.astext() for node in content).strip():
                    warn(
                        "shortcode_params",
                        f"shortcode {block.get('name', '')!r} gives nothing a heading can hold "
                        "(its output is blocks, such as a video or an image without text); it is "
                        "left out of the heading",
                        location=(self.env.docname, block.get("line")),
                    )
                block.replace_self(content)
            elif isinstance(parent, (nodes.TextElement, nodes.Inline)):
                block.replace_self(inline_form(block.children, heading=False))
            else:
                block.replace_self(block.children)


#: Headings are copied into tables of contents, where Sphinx neither processes
#: ``only`` nodes nor writes block nodes: a block there crashes the HTML writer.
_HEADINGS = (nodes.title, nodes.subtitle, nodes.rubric)


def inline_form(children: list[nodes.Node], heading: bool) -> list[nodes.Node]:
    """What of block nodes can stand inline: the inline content of each block, in order.

    ``only`` nodes and raw HTML stay in running text (Hugo's HTML stands there
    too); a heading takes the text other builders get (no ``only``, no raw
    HTML, no image).
    """
    out: list[nodes.Node] = []
    for node in children:
        if isinstance(node, addnodes.only):
            if not heading:
                branch = addnodes.only(expr=node["expr"])
                branch.extend(inline_form(node.children, heading))
                out.append(branch)
            elif node["expr"] != "html":
                out.extend(inline_form(node.children, heading))
        elif isinstance(node, nodes.raw):
            if not heading:
                out.append(node.deepcopy())
        elif isinstance(node, nodes.image) and heading:
            continue
        elif isinstance(node, (nodes.Text, nodes.Inline)):
            out.append(node.deepcopy())
        elif isinstance(node, nodes.Element):
            inner = inline_form(node.children, heading)
            if inner and out:
                out.append(nodes.Text(" "))
            out.extend(inner)
    return out
