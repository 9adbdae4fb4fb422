"""The ``hugo-shortcode`` directive and role that expanded shortcodes become.

Both hand a :class:`~sphinx_comparisons.shortcodes.calls.Call` to the shortcode's handler
(``registry.py``) and run it one level deeper, within the depth budget; a failure is a
warning and the shortcode's own Markdown.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.util.docutils import SphinxDirective

from sphinx_comparisons import compat
from sphinx_comparisons.shortcodes import source
from sphinx_comparisons.shortcodes.calls import Call, Handler, hugo_block
from sphinx_comparisons.shortcodes.registry import registry
from sphinx_comparisons.site import records, state

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment


def _parse_payload(raw: str) -> tuple[str, dict[str, Any]]:
    name, _, data = raw.strip().partition(" ")
    try:
        payload = json.loads(data) if data.strip() else {}
    except ValueError:
        payload = {}
    return name, payload if isinstance(payload, dict) else {}


def _call(
    name: str,
    payload: dict[str, Any],
    inner: str | None,
    line: int,
    env: BuildEnvironment,
    renderer: Any,
    block: bool,
) -> Call:
    given_positional, given_named = payload.get("p"), payload.get("k")
    positional = given_positional if isinstance(given_positional, list) else []
    named = given_named if isinstance(given_named, dict) else {}
    docname = env.docname
    return Call(
        name,
        str(payload.get("n", "<")),
        positional,
        named,
        inner,
        line,
        docname,
        env,
        renderer,
        block,
        expand_shortcodes=lambda text: source.expand_text(env, docname, text).text,
    )


def handlers(env: BuildEnvironment) -> dict[str, Handler]:
    return registry(env)


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
        renderer = compat.myst.renderer_of(self.state)
        call = _call(
            name, payload, "\n".join(self.content), self.lineno, self.env, renderer, block=True
        )
        result = _invoke(handler, call, fallback=call.markdown)
        _mark_headings(result, in_toc=call.notation == "%")
        return result


def _invoke(
    handler: Handler, call: Call, fallback: Callable[[], list[nodes.Node]]
) -> list[nodes.Node]:
    """Run a handler, one level deeper; a failure is a warning and ``fallback``'s nodes.

    Each level renders the Markdown inside it, so the depth is bounded here
    whatever made it (nested tags, included files, roles in directives).
    """
    reading = state.reading(call.env)
    depth = reading.shortcode_depth
    limit = records.limits(call.env).shortcode_depth
    if depth >= limit:
        call.warn(
            "limit",
            f"shortcode {call.name!r} is nested more than {limit} levels deep "
            "(hugo_limits 'shortcode_depth'); it was left out",
        )
        return []
    reading.shortcode_depth = depth + 1
    try:
        return handler(call)
    except RecursionError:  # rendering again would fail again, deeper
        call.warn(
            "limit", f"shortcode {call.name!r} nests too deeply to be rendered; it was left out"
        )
        return []
    except Exception as err:  # noqa: BLE001 (a user's odd input must never stop the build)
        call.warn("shortcode_params", f"shortcode {call.name!r} could not be rendered: {err}")
        return fallback()
    finally:
        reading.shortcode_depth = depth


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
    name: str,
    rawtext: str,
    text: str,
    lineno: int,
    inliner: Any,
    options: Any = None,
    content: Any = None,
) -> tuple[list[nodes.Node], list[nodes.system_message]]:
    """``{hugo-shortcode}`name {json}```: a shortcode without Markdown lines inside."""
    shortcode, payload = _parse_payload(text)
    env = inliner.document.settings.env
    handler = handlers(env).get(shortcode)
    if handler is None:
        return [], []
    inner = payload.get("i")
    renderer = compat.myst.renderer_of(inliner)
    inner_text = inner if isinstance(inner, str) else None
    call = _call(shortcode, payload, inner_text, lineno, env, renderer, block=False)
    result = _invoke(handler, call, fallback=list)
    if any(isinstance(node, (nodes.Body, nodes.Structural, addnodes.only)) for node in result):
        return [hugo_block("", *result, name=shortcode, line=lineno)], []
    return result, []
