"""The ``hugo-shortcode`` directive and role that expanded shortcodes become.

Both hand a :class:`Call` to the shortcode's handler (see ``served.py``),
which returns docutils nodes; it can render Markdown, including generated
MyST for sphinx-design components, through MyST's own renderer, so line
numbers inside the shortcode's content still point at the page's source.
A role whose handler returns block content and that stands alone in a
paragraph replaces that paragraph, as Hugo drops the ``<p>`` around it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, cast

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms import SphinxTransform
from sphinx.util.docutils import SphinxDirective

from sphinx_comparisons.diagnostics import warn
from sphinx_comparisons.site import records

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

    def get(self, key: str | int, default: Any = None) -> Any:
        if isinstance(key, int):
            return self.positional[key] if key < len(self.positional) else default
        return self.named.get(key, default)

    def arg(self, name: str, position: int | None = None, default: Any = None) -> Any:
        """A parameter given by name, else at a position (shortcodes accept both)."""
        if name in self.named:
            return self.named[name]
        if position is not None and position < len(self.positional):
            return self.positional[position]
        return default

    def markdown(self, text: str | None = None, line: int | None = None) -> list[nodes.Node]:
        """Block Markdown (the inner content by default) rendered by MyST, as nodes."""
        return _render(self.renderer, self._inner() if text is None else text, line or self.line, inline=False)

    def _inner(self) -> str:
        """The inner content; a shortcode without one fails here, and :func:`_invoke` reports it."""
        if self.inner is None:
            raise ValueError("it has no inner content")
        return self.inner

    def inline_markdown(self, text: str, line: int | None = None) -> list[nodes.Node]:
        return _render(self.renderer, text, line or self.line, inline=True)

    def wrapped(self, before: list[str], after: list[str], inner: str | None = None, within: str | None = None) -> list[nodes.Node]:
        """Render ``before`` + inner + ``after`` as one Markdown text, inner keeping its lines.

        ``within`` names the sphinx-design component the result will sit in
        (a tab item is made for a tab set), so its directive finds the parent it expects.
        """
        body = self._inner() if inner is None else inner
        text = "\n".join([*before, body.strip("\n"), *after])
        # a block's inner lines follow its opening tag; anything else stands on the tag's line
        start = self.line + 1 - len(before) if self.block else self.line
        return _render(self.renderer, text, max(start, 1), inline=False, within=within)

    def warn(self, subtype: str, message: str) -> None:
        warn(subtype, message, location=(self.docname, self.line))


def _render(renderer: Any, text: str, line: int, inline: bool, within: str | None = None) -> list[nodes.Node]:
    container = nodes.container()
    if within:
        container["design_component"] = within
    with renderer.current_node_context(container):
        renderer.nested_render_text(text, line - 1, inline=inline)  # MyST counts from 0 here
    return list(container.children)


Handler = Callable[[Call], list[nodes.Node]]


def fence_for(text: str, char: str = ":", least: int = 3) -> str:
    """A fence of ``char`` longer than any run of it that starts a line of ``text``."""
    longest = 0
    for line in text.split("\n"):
        stripped = line.lstrip()
        run = len(stripped) - len(stripped.lstrip(char))
        longest = max(longest, run)
    return char * max(least, longest + 1)


def _parse_payload(raw: str) -> tuple[str, dict[str, Any]]:
    name, _, data = raw.strip().partition(" ")
    try:
        payload = json.loads(data) if data.strip() else {}
    except ValueError:
        payload = {}
    return name, payload if isinstance(payload, dict) else {}


def _call(name: str, payload: dict[str, Any], inner: str | None, line: int, env: BuildEnvironment, renderer: Any, block: bool) -> Call:
    given_positional, given_named = payload.get("p"), payload.get("k")
    positional = given_positional if isinstance(given_positional, list) else []
    named = given_named if isinstance(given_named, dict) else {}
    return Call(name, str(payload.get("n", "<")), positional, named, inner, line, env.docname, env, renderer, block)


def handlers(env: BuildEnvironment) -> dict[str, Handler]:
    from sphinx_comparisons.shortcodes import served

    return served.registry(env)


class ShortcodeDirective(SphinxDirective):
    """``:::{hugo-shortcode} name {json}`` with the shortcode's inner Markdown as content."""

    has_content = True
    required_arguments = 1
    final_argument_whitespace = True

    def run(self) -> list[nodes.Node]:
        name, payload = _parse_payload(self.arguments[0])
        handler = handlers(self.env).get(name)
        if handler is None:
            return []
        renderer = cast(Any, self.state)._renderer  # MyST's state for a directive carries its renderer
        call = _call(name, payload, "\n".join(self.content), self.lineno, self.env, renderer, block=True)
        result = _invoke(handler, call, fallback=call.markdown)
        _mark_headings(result, in_toc=call.notation == "%")
        return result


_DEPTH = "hugo_shortcode_depth"


def _invoke(handler: Handler, call: Call, fallback: Callable[[], list[nodes.Node]]) -> list[nodes.Node]:
    """Run a handler, one level deeper; a failure is a warning and ``fallback``'s nodes.

    Each level renders the Markdown inside it, so the depth is bounded here
    whatever made it (nested tags, included files, roles in directives).
    """
    depth: int = call.env.temp_data.get(_DEPTH) or 0
    limit = records.limits(call.env).shortcode_depth
    if depth >= limit:
        call.warn("limit", f"shortcode {call.name!r} is nested more than {limit} levels deep (hugo_limits 'shortcode_depth'); it was left out")
        return []
    call.env.temp_data[_DEPTH] = depth + 1
    try:
        return handler(call)
    except RecursionError:  # rendering again would fail again, deeper
        call.warn("limit", f"shortcode {call.name!r} nests too deeply to be rendered; it was left out")
        return []
    except Exception as err:  # noqa: BLE001 (a user's odd input must never stop the build)
        call.warn("shortcode_params", f"shortcode {call.name!r} could not be rendered: {err}")
        return fallback()
    finally:
        call.env.temp_data[_DEPTH] = depth


def _mark_headings(result: list[nodes.Node], in_toc: bool) -> None:
    """Whether the headings a shortcode holds are in the page's table of contents.

    Hugo renders a ``{{% %}}`` shortcode's output with the page, headings and
    all; a ``{{< >}}`` shortcode's Markdown is rendered apart, outside the
    page's TOC. The innermost shortcode decides (it runs first).
    """
    for node in result:
        if isinstance(node, nodes.Element):
            for rubric in node.findall(nodes.rubric):
                if rubric.get("level") and "hugo_toc" not in rubric:
                    rubric["hugo_toc"] = in_toc


def shortcode_role(
    name: str, rawtext: str, text: str, lineno: int, inliner: Any, options: Any = None, content: Any = None
) -> tuple[list[nodes.Node], list[nodes.system_message]]:
    """``{hugo-shortcode}`name {json}```: a shortcode without Markdown lines inside."""
    shortcode, payload = _parse_payload(text)
    env = inliner.document.settings.env
    handler = handlers(env).get(shortcode)
    if handler is None:
        return [], []
    inner = payload.get("i")
    call = _call(shortcode, payload, inner if isinstance(inner, str) else None, lineno, env, inliner._renderer, block=False)
    result = _invoke(handler, call, fallback=list)
    if any(isinstance(node, (nodes.Body, nodes.Structural, addnodes.only)) for node in result):
        return [hugo_block("", *result)], []
    return result, []


class LiftBlocks(SphinxTransform):
    """A block-producing shortcode alone in a paragraph takes the paragraph's place."""

    default_priority = 190

    def apply(self, **kwargs: Any) -> None:
        for block in list(self.document.findall(hugo_block)):
            parent = block.parent
            if isinstance(parent, nodes.paragraph) and all(
                child is block or (isinstance(child, nodes.Text) and not child.strip()) for child in parent.children
            ):
                parent.replace_self(block.children)
            elif isinstance(parent, _HEADINGS):
                block.replace_self(_inline_content(block))
            else:
                block.replace_self(block.children)


#: Headings are copied into tables of contents, where Sphinx neither processes
#: ``only`` nodes nor writes block nodes: a block there crashes the HTML writer.
_HEADINGS = (nodes.title, nodes.subtitle, nodes.rubric)


def _inline_content(block: hugo_block) -> list[nodes.Node]:
    """What of a block shortcode can stand in a heading: its first paragraph's content."""
    paragraph = next(iter(block.findall(nodes.paragraph)), None)
    return [child.deepcopy() for child in paragraph.children] if paragraph is not None else []
