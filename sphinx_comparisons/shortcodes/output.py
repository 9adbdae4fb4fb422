"""The text a page's shortcodes expand into, written so that every line keeps its number.

Hugo takes shortcode tags anywhere on a line (``{{% /tab %}} {{% tab B %}}``), but a MyST
directive fence needs a line of its own: splitting such a line adds a line break the page did
not have (an :class:`Added` one). To keep the lines that follow where they were, each added
break is paid back by dropping a line break that changes nothing (a :class:`Spare` one: a blank
line after a blank line, a heading or a fence, or the last blank line of a block's content),
the nearest after it if there is one, else the nearest before. Only the lines between the two
are off by one.
"""

from __future__ import annotations

import re


class Added(str):
    """A line break the page did not have."""

    __slots__ = ()


class Spare(str):
    """A line break that may go without changing what the page means."""

    __slots__ = ()


#: A line after which one blank line more or less changes nothing: blank, an ATX heading, a fence.
_QUIET = re.compile(r"(?:[ \t]*$|#{1,6}(?:[ \t]|$)|```|~~~)")


def _kind(line: str, current: Output | None | bool) -> str:
    """What a complete line is; ``current``: the output whose current line it ends, if it does."""
    if isinstance(current, Output):
        blank = current.line_blank and not line.strip()
        line = current.line_head + line if current.line_len < 8 else current.line_head
    else:
        blank = not line.strip()
    if blank:
        return "blank"
    if line.lstrip(" ").startswith("<"):
        return "html"
    return "quiet" if _QUIET.match(line) else "text"


class Output:
    """The expanded text so far, and what its last lines are."""

    __slots__ = ("fence_line", "line_blank", "line_head", "line_len", "parts", "previous", "prior")

    def __init__(self) -> None:
        self.parts: list[str] = []
        #: the current line: its length, its start, whether it is only blanks
        self.line_len = 0
        self.line_head = ""
        self.line_blank = True
        #: the last complete line and the one before it: "blank", "quiet" (see ``_QUIET``),
        #: "html" (it may start an HTML block, which only a blank line ends) or "text"
        self.previous = "blank"
        self.prior = "blank"
        #: whether the current line is a directive fence this expansion wrote
        self.fence_line = False

    def write(self, text: str) -> None:
        if not text:
            return
        self.parts.append(text)
        self.fence_line = False
        head, newline, tail = text.rpartition("\n")
        if newline:
            lines = head.split("\n")
            if len(lines) > 1:
                self.prior = _kind(lines[-2], len(lines) == 2 and self)
            else:
                self.prior = self.previous
            self.previous = _kind(lines[-1], len(lines) == 1 and self)
            self.line_len, self.line_head, self.line_blank = 0, "", True
        self.line_len += len(tail)
        if len(self.line_head) < 8:
            self.line_head = (self.line_head + tail)[:8]
        self.line_blank = self.line_blank and not tail.strip()

    def fence(self, text: str) -> None:
        """A directive fence, on a line of its own."""
        if self.line_len:
            self.write(Added("\n"))
        self.write(text)
        self.fence_line = True

    def trim_blanks(self) -> None:
        """Drop the blanks written since the last line break."""
        if not self.line_blank:
            return
        left = self.line_len
        while left and self.parts:
            last = self.parts.pop()
            if len(last) > left:
                self.parts.append(last[:-left])
                break
            left -= len(last)
        self.line_len, self.line_head = 0, ""

    def spare_last_blank(self, before_fence: bool = False) -> None:
        """The last line break may go if it ends a blank line: the last of a block's content, or
        one before a fence (a fence ends a paragraph or list; not an HTML block)."""
        if self.line_len or self.previous != "blank" or not self.parts:
            return
        if before_fence and self.prior == "html":
            return
        last = self.parts[-1]
        if type(last) is str and last.endswith("\n"):
            self.parts[-1] = last[:-1]
            self.parts.append(Spare("\n"))

    def text(self) -> str:
        """The output, each added line break paid back by a spare one where there is one."""
        dropped: set[int] = set()
        owed: list[int] = []
        unused: list[int] = []
        for index, part in enumerate(self.parts):
            if isinstance(part, Added):
                owed.append(index)
            elif isinstance(part, Spare):
                if owed:
                    owed.pop()
                    dropped.add(index)
                else:
                    unused.append(index)
        for _ in owed:
            if unused:
                dropped.add(unused.pop())
        return "".join(part for index, part in enumerate(self.parts) if index not in dropped)
