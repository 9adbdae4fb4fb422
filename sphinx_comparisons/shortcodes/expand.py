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
Tags may share a line, as in Hugo: a directive fence then takes a line of its
own, and ``output.py`` takes the added line break back at the next blank line
that changes nothing.
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
from sphinx_comparisons.shortcodes.output import Added, Output, Spare

TEXT, BLOCK, INLINE, DROP = "text", "block", "inline", "drop"


@dataclass
class Expansion:
    """What the page's shortcodes became, and what was wrong with them."""

    text: str
    problems: list[Problem] = field(default_factory=list)
    unknown: dict[str, int] = field(default_factory=dict)
    #: unknown shortcodes inside code blocks, kept as written
    unknown_in_code: dict[str, int] = field(default_factory=dict)


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
        self.unknown_in_code: dict[str, int] = {}
        self.code = fences.Scanner()
        self.out = Output()
        self.parent: Shortcode | None = None
        self.ordinals: dict[int, int] = {}
        self.heights: dict[int, int] = {}
        #: whether the output is a role's content rather than the page's lines
        self.capturing = False
        #: whether the current line is in a raw HTML block
        self.in_html = False

    # -- text bookkeeping ---------------------------------------------------------

    def emit(self, text: str) -> None:
        """Add output; what follows a fence on its line goes to the next line (blanks go)."""
        if self.out.fence_line and text:
            head = text.split("\n", 1)[0]
            if head.strip():
                self.out.write(Added("\n"))
            else:
                text = text[len(head) :]
        self.out.write(text)

    def emit_text(self, text: str) -> None:
        """Literal page text: also follow code fences, where only text shortcodes expand; at the
        top level, a blank line after a blank line, a heading or a fence is spare."""
        for index, line in enumerate(text.split("\n")):
            if index:
                spare = (
                    self.parent is None
                    and self.code.open is None
                    and self.out.line_blank
                    and self.out.previous in ("blank", "quiet")
                )
                if self.code.open is None:
                    # an HTML block starts at a line opening with a tag and ends at a blank line
                    self.in_html = not self.out.line_blank and (
                        self.in_html or self.out.line_head.lstrip(" ").startswith("<")
                    )
                self.out.write(Spare("\n") if spare else "\n")
            starts = index > 0 or not self.out.line_len or (self.out.fence_line and line.strip())
            self.emit(line)
            if starts:
                self.code.feed(line)

    def line_open(self) -> bool:
        """Whether a block may start here: only blanks or a fence of ours before it on its line."""
        return self.out.line_blank or self.out.fence_line

    # -- shortcodes ---------------------------------------------------------------

    def nodes(self, nodes: list[Node]) -> None:
        for node in nodes:
            if isinstance(node, Text):
                self.emit_text(node.text)
            else:
                self.shortcode(node)

    def children(self, nodes: list[Node]) -> None:
        """A directive's content. Between its nested shortcodes, text that is only HTML
        comments (a translator's note of the original between two tabs) renders nothing in
        Hugo and is left out, so a tab set holds its tabs alone."""
        nested = any(isinstance(node, Shortcode) for node in nodes)
        for node in nodes:
            if (
                nested
                and isinstance(node, Text)
                and self.code.open is None
                and _only_comments(node.text)
            ):
                self.emit(_blank_lines(node.text))
            elif isinstance(node, Text):
                self.emit_text(node.text)
            else:
                self.shortcode(node)

    def shortcode(self, sc: Shortcode) -> None:
        parent = self.parent
        ordinal = self.ordinals.get(id(parent), 0)
        self.ordinals[id(parent)] = ordinal + 1
        kind = self.kinds(sc)
        if self.code.open is not None:
            self.in_code(sc, kind)
            return
        if kind is None:
            self.unknown.setdefault(sc.name, sc.line)
            # its inner content is still shown, as Markdown
            self.emit(_blank_lines(sc.opening))
            self.nodes(sc.inner or [])
            self.emit(_blank_lines(sc.closing))
        elif kind == TEXT:
            self.text(sc)
        elif kind == DROP:
            self.emit(_blank_lines(sc.opening + sc.inner_source + sc.closing))
        elif self.in_html and self.line_open():
            # in a raw HTML block MyST would show a role as written: a blank line ends the
            # block, and the shortcode is a directive between it and the HTML after it
            self.out.trim_blanks()
            self.out.write(Added("\n") if self.out.line_len else "")
            self.out.write(Added("\n"))
            self.in_html = False
            self.block(sc, parent, ordinal)
        elif (
            kind == BLOCK
            and sc.closing
            and self.line_open()
            and ("\n" in sc.inner_source or self.capturing)
        ):
            # Markdown inside, from the start of a line: a directive; one whose content shares
            # a line with its tags at the top level a role, which keeps that line where it is
            if parent is None and _text_on_tag_lines(sc):
                self.inline(sc, parent, ordinal, self.capture(sc))
            else:
                self.block(sc, parent, ordinal)
        elif kind == BLOCK and parent is not None and not sc.inner_source and self.line_open():
            # no content, in a block: a directive too (a tab set takes no paragraphs)
            self.block(sc, parent, ordinal)
        else:
            # a role (a lone role in a paragraph is lifted out of it, as Hugo drops the <p>);
            # a block's nested shortcodes go with its content, expanded
            nested = kind == BLOCK and any(
                isinstance(node, Shortcode) and self.kinds(node) not in (TEXT, DROP)
                for node in sc.inner or []
            )
            self.inline(sc, parent, ordinal, self.capture(sc) if nested else self.inner_text(sc))

    def text(self, sc: Shortcode) -> None:
        """A text shortcode's output pasted as Hugo pastes it, its line breaks too (a param
        holding Markdown blocks, an example in a code block), then the line breaks its source
        had. The output's own breaks are added ones, paid back at spare blank lines."""
        replacement = self.render_text(sc, self.inner_text(sc)).replace("\r\n", "\n")
        for index, line in enumerate(replacement.split("\n")):
            if index:
                self.out.write(Added("\n"))
            self.emit(line)
        self.emit(_blank_lines(sc.opening + sc.inner_source + sc.closing))

    def block(self, sc: Shortcode, parent: Shortcode | None = None, ordinal: int = 0) -> None:
        ticks = fences.fence_for(sc.inner_source) + "`" * self.height(sc)
        # fences at column 0: an indented fence would strip that indentation from the content
        self.out.trim_blanks()
        if self.code.open is None:
            self.out.spare_last_blank(before_fence=True)
        self.out.fence(f"{ticks}{{hugo-shortcode}} {sc.name} {payload(sc, parent, ordinal)}")
        self.emit(_blank_lines(sc.opening))
        saved_code, saved_parent = self.code, self.parent
        self.code, self.parent = fences.Scanner(), sc
        self.children(sc.inner or [])
        in_code = self.code.open is not None
        self.code, self.parent = saved_code, saved_parent
        self.out.trim_blanks()
        if not in_code:
            self.out.spare_last_blank()
        self.out.fence(ticks)
        self.emit(_blank_lines(sc.closing))

    def capture(self, sc: Shortcode) -> str:
        """The inner content of ``sc`` expanded on its own (its nested shortcodes too)."""
        saved = self.out, self.code, self.parent, self.capturing
        self.out, self.code, self.parent = Output(), fences.Scanner(), sc
        # its lines are not the page's: a nested block may take lines of its own
        self.capturing = True
        self.nodes(sc.inner or [])
        text = self.out.text()
        self.out, self.code, self.parent, self.capturing = saved
        return text

    def inline(self, sc: Shortcode, parent: Shortcode | None, ordinal: int, inner: str) -> None:
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

    def in_code(self, sc: Shortcode, kind: str | None) -> None:
        """Inside a code fence the output is code: text shortcodes give text, an unknown one its
        tags as written (Hugo stops there), others their inner text."""
        if kind == TEXT:
            self.text(sc)
            return
        if kind == DROP:
            self.emit(_blank_lines(sc.opening + sc.inner_source + sc.closing))
            return
        if kind is None:
            self.unknown_in_code.setdefault(sc.name, sc.line)
        self.emit(sc.opening if kind is None else _blank_lines(sc.opening))
        for node in sc.inner or []:
            if isinstance(node, Text):
                self.emit(node.text)
            else:
                self.in_code(node, self.kinds(node))
        self.emit(sc.closing if kind is None else _blank_lines(sc.closing))

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


def _text_on_tag_lines(sc: Shortcode) -> bool:
    """Whether the content of ``sc`` starts with text on its opening tag's line or ends with
    text on its closing tag's line."""
    first, last = (sc.inner[0], sc.inner[-1]) if sc.inner else (None, None)
    return (isinstance(first, Text) and first.text.split("\n", 1)[0].strip() != "") or (
        isinstance(last, Text) and last.text.rsplit("\n", 1)[-1].strip() != ""
    )


def _only_comments(text: str) -> bool:
    """Whether ``text`` holds HTML comments and white space only (and one comment at least)."""
    rest, found = text.strip(), False
    while rest.startswith("<!--"):
        end = rest.find("-->", 4)
        if end < 0:
            return False
        rest, found = rest[end + 3 :].lstrip(), True
    return found and not rest


def _blank_lines(source: str) -> str:
    return "\n" * source.count("\n")


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
    return Expansion(
        expander.out.text(),
        problems + expander.problems,
        expander.unknown,
        expander.unknown_in_code,
    )
