"""Shortcodes expanded into MyST Markdown before MyST reads the page, line for line.

Every shortcode becomes one of three things, by what its handler is:

* text, pasted in place (``param``, ``ref``, a text template): works anywhere,
  in code fences, link targets and HTML attributes, as in Hugo;
* a block with Markdown lines inside: its opening and closing tags become
  the fence lines of a ``hugo-shortcode`` directive whose Python handler
  renders it, with the inner Markdown (its own shortcodes expanded) as the
  directive's content; a block without such lines becomes a role;
* an inline node: a ``hugo-shortcode`` role.

Each replacement has as many line breaks as the tag it replaces, so every
line of the page keeps its number and later warnings point at the right line.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sphinx_comparisons.hugo import fences
from sphinx_comparisons.hugo.limits import DEFAULT, Limits
from sphinx_comparisons.hugo.shortcodes import Node, Problem, Shortcode, Text, parse

TEXT, BLOCK, INLINE, DROP = "text", "block", "inline", "drop"


@dataclass
class Expansion:
    """What the page's shortcodes became, and what was wrong with them."""

    text: str
    problems: list[Problem] = field(default_factory=list)
    unknown: dict[str, int] = field(default_factory=dict)


#: kind(shortcode) -> TEXT | BLOCK | INLINE | DROP | None (unknown)
Kinds = Callable[[Shortcode], "str | None"]
#: text(shortcode, inner_text) -> the replacement, for TEXT shortcodes
TextRenderer = Callable[[Shortcode, str], str]


def payload(shortcode: Shortcode, parent: Shortcode | None = None, ordinal: int = 0) -> str:
    """The shortcode's arguments as one line of JSON (the directive's or role's argument).

    Hugo's ``.Parent`` (name and named arguments) and ``.Ordinal`` travel as
    ``_parent`` and ``_ordinal``; Docsy's ``tab`` reads its tabpane's settings.
    """
    data: dict[str, Any] = {"n": shortcode.notation}
    if shortcode.positional:
        data["p"] = shortcode.positional
    named = dict(shortcode.named)
    if parent is not None:
        named["_parent"] = {"name": parent.name, **parent.named}
        named["_ordinal"] = ordinal
    if named:
        data["k"] = named
    # a backtick would end the role or void the fence this line opens (CommonMark allows none
    # in a backtick fence's info string); JSON spells it as an escape
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("`", "\\u0060")


class _Expander:
    def __init__(self, kinds: Kinds, render_text: TextRenderer) -> None:
        self.kinds = kinds
        self.render_text = render_text
        self.problems: list[Problem] = []
        self.unknown: dict[str, int] = {}
        self.code = fences.Scanner()
        self.line_start = True  # whether the output so far ends at a line start
        self.out: list[str] = []
        self.parent: Shortcode | None = None
        self.ordinals: dict[int, int] = {}
        self.heights: dict[int, int] = {}

    # -- text bookkeeping ---------------------------------------------------------

    def emit(self, text: str) -> None:
        """Add output; ``line_start`` tells whether only blanks follow the last line break."""
        if not text:
            return
        self.out.append(text)
        if "\n" in text:
            self.line_start = text.rsplit("\n", 1)[1].strip() == ""
        else:
            self.line_start = self.line_start and not text.strip()

    def emit_text(self, text: str) -> None:
        """Literal page text: also follow code fences, where only text shortcodes expand."""
        lines = text.split("\n")
        for index, line in enumerate(lines):
            if index > 0 or self.at_column_zero():
                self.code.feed(line)
        self.emit(text)

    def trim_indent(self) -> None:
        """Drop the blanks emitted since the last line break."""
        while (
            self.out
            and self.out[-1]
            and not self.out[-1].rstrip(" \t").endswith("\n")
            and self.out[-1].strip(" \t") == ""
        ):
            self.out.pop()
        if self.out:
            last = self.out[-1]
            head, newline, tail = last.rpartition("\n")
            if newline and not tail.strip():
                self.out[-1] = head + newline

    def at_column_zero(self) -> bool:
        joined = "".join(self.out[-2:]) if self.out else "\n"
        return not self.out or joined.endswith("\n")

    # -- shortcodes ---------------------------------------------------------------

    def nodes(self, nodes: list[Node]) -> None:
        for index, node in enumerate(nodes):
            if isinstance(node, Text):
                self.emit_text(node.text)
            else:
                after = nodes[index + 1] if index + 1 < len(nodes) else None
                self.shortcode(node, after)

    def shortcode(self, sc: Shortcode, after: Node | None) -> None:
        parent = self.parent
        ordinal = self.ordinals.get(id(parent), 0)
        self.ordinals[id(parent)] = ordinal + 1
        kind = self.kinds(sc)
        if kind is None:
            self.unknown.setdefault(sc.name, sc.line)
            kind = "unknown"
        if self.code.open is not None:
            self.in_code(sc, kind)
            return
        if kind == TEXT:
            self.emit(
                _keep_lines(
                    self.render_text(sc, self.inner_text(sc)),
                    sc.opening + sc.inner_source + sc.closing,
                )
            )
            return
        if kind == DROP:
            self.emit(_blank_lines(sc.opening + sc.inner_source + sc.closing))
            return
        if kind == "unknown":
            # its inner content is still shown, as Markdown
            self.emit(_blank_lines(sc.opening))
            self.nodes(sc.inner or [])
            self.emit(_blank_lines(sc.closing))
            return
        # A block with Markdown inside, on lines of its own, becomes a directive; anything
        # else a role (a lone role in a paragraph is lifted out of it, as Hugo drops the <p>).
        if (
            kind == BLOCK
            and sc.closing
            and "\n" in sc.inner_source
            and self.line_start
            and _ends_line(after)
        ):
            self.block(sc, parent, ordinal)
        else:
            self.inline(sc, parent, ordinal)

    def block(self, sc: Shortcode, parent: Shortcode | None = None, ordinal: int = 0) -> None:
        colons = fences.fence_for(sc.inner_source) + "`" * self.height(sc)
        first = sc.inner[0] if sc.inner else None
        starts_own_line = isinstance(first, Text) and first.text.lstrip(" \t").startswith("\n")
        # fences at column 0: an indented fence would strip that indentation from the content
        self.trim_indent()
        self.emit(
            f"{colons}{{hugo-shortcode}} {sc.name} {payload(sc, parent, ordinal)}"
            + _newlines(sc.opening, at_least=0 if starts_own_line else 1)
        )
        if sc.inner:
            saved_code, saved_parent = self.code, self.parent
            self.code, self.parent = fences.Scanner(), sc
            self.nodes(sc.inner)
            self.code, self.parent = saved_code, saved_parent
            if not self.line_start:
                self.problems.append(
                    Problem(
                        "shortcode_syntax",
                        f"closing tag of {sc.name!r} does not start a line; a line break was added",
                        sc.line,
                    )
                )
                self.emit("\n")
        self.trim_indent()
        self.emit(colons + (_newlines(sc.closing) if sc.closing else ""))

    def inline(self, sc: Shortcode, parent: Shortcode | None = None, ordinal: int = 0) -> None:
        inner = self.inner_text(sc)
        data = json.loads(payload(sc, parent, ordinal))
        if inner:
            data["i"] = inner
        raw = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        ticks = "`" * (_longest_run(raw, "`") + 1)
        pad = " " if raw.startswith("`") or raw.endswith("`") else ""
        spanned = sc.opening + sc.inner_source + sc.closing
        self.emit(
            f"{{hugo-shortcode}}{ticks}{pad}{sc.name} {raw}{pad}{ticks}"
            + "\n" * spanned.count("\n")
        )

    def in_code(self, sc: Shortcode, kind: str) -> None:
        """Inside a code fence the output is code: text shortcodes give text, others their inner
        text."""
        if kind == TEXT:
            self.emit(
                _keep_lines(
                    self.render_text(sc, self.inner_text(sc)),
                    sc.opening + sc.inner_source + sc.closing,
                )
            )
            return
        self.emit(_blank_lines(sc.opening))
        for node in sc.inner or []:
            if isinstance(node, Text):
                self.emit(node.text)
            else:
                self.in_code(node, self.kinds(node) or "unknown")
        self.emit("\n" * sc.closing.count("\n"))

    def height(self, sc: Shortcode) -> int:
        """How many block shortcodes nest inside this one: its fence needs that many more backticks.

        Remembered per shortcode, so a page costs one pass however deep it nests.
        """
        known = self.heights.get(id(sc))
        if known is None:
            known = max(
                (
                    self.height(node) + (self.kinds(node) == BLOCK)
                    for node in sc.inner or []
                    if isinstance(node, Shortcode)
                ),
                default=0,
            )
            self.heights[id(sc)] = known
        return known

    def inner_text(self, sc: Shortcode) -> str:
        """The inner source with nested text shortcodes pasted in, others reduced to their inner
        text."""
        parts: list[str] = []
        for node in sc.inner or []:
            if isinstance(node, Text):
                parts.append(node.text)
            elif self.kinds(node) == TEXT:
                parts.append(self.render_text(node, self.inner_text(node)))
            else:
                parts.append(self.inner_text(node))
        return "".join(parts)


def _ends_line(after: Node | None) -> bool:
    """Whether only blanks follow the shortcode on its last line."""
    return after is None or (isinstance(after, Text) and after.text.split("\n", 1)[0].strip() == "")


def _newlines(source: str, at_least: int = 0) -> str:
    return "\n" * max(source.count("\n"), at_least)


def _blank_lines(source: str) -> str:
    return "\n" * source.count("\n")


def _keep_lines(replacement: str, source: str) -> str:
    """The replacement on one line, followed by the line breaks the source spanned."""
    return replacement.replace("\n", " ") + "\n" * source.count("\n")


def _longest_run(text: str, char: str) -> int:
    runs = re.findall(f"{re.escape(char)}+", text)
    return max((len(run) for run in runs), default=0)


def expand(
    text: str,
    kinds: Kinds,
    render_text: TextRenderer,
    first_line: int = 1,
    limits: Limits = DEFAULT,
) -> Expansion:
    """Expand every shortcode of a page's Markdown; the result has the same number of lines."""
    if "{{" not in text:
        return Expansion(text)
    nodes, problems = parse(text, first_line, limits)
    expander = _Expander(kinds, render_text)
    expander.nodes(nodes)
    result = "".join(expander.out)
    return Expansion(result, problems + expander.problems, expander.unknown)
