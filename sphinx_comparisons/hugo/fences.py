"""Fenced code blocks as CommonMark (and so Goldmark) finds them, for every scan of page text.

An opening fence is three or more backticks or tildes indented at most three
spaces (a backtick fence's info string holds no backtick). The block runs to
a closing fence of the same character, at least as long, indented at most
three spaces and followed by nothing but spaces and tabs; a block never
closed runs to the end of the page. (CommonMark spec 0.31, "Fenced code
blocks"; Goldmark's ``parser/fcode_block.go``.)
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Fence:
    char: str
    length: int

    def closed_by(self, line: str) -> bool:
        """Whether ``line`` closes a block this fence opened."""
        found = _run(line)
        if found is None or found[0] != self.char or found[1] < self.length:
            return False
        return not found[2].strip(" \t")

    def closing(self) -> str:
        return self.char * self.length


#: How a fence line starts (bounded: no backtracking).
_START = re.compile(r" {0,3}(?:```|~~~)")


def _run(line: str) -> tuple[str, int, str] | None:
    """``(char, length, rest)`` of a fence-like run of ``line``: at most three spaces, then three
    or more backticks or tildes."""
    indent = len(line) - len(line.lstrip(" "))
    if indent > 3 or line[indent : indent + 3] not in ("```", "~~~"):
        return None
    char = line[indent]
    rest = line[indent:].lstrip(char)
    return char, len(line) - indent - len(rest), rest


def opening(line: str) -> Fence | None:
    """The fence ``line`` opens a code block with, if it does."""
    found = _run(line)
    if found is None or (found[0] == "`" and "`" in found[2]):
        return None
    return Fence(found[0], found[1])


class Scanner:
    """Follows code blocks line by line; ``open`` is the fence of the block the scan is in."""

    __slots__ = ("open",)

    def __init__(self) -> None:
        self.open: Fence | None = None

    def feed(self, line: str) -> bool:
        """Take the next line; whether it belongs to a code block (its fences included)."""
        maybe_fence = _START.match(line) is not None  # most lines are not: decided without copying
        if self.open is None:
            self.open = opening(line) if maybe_fence else None
            return self.open is not None
        if maybe_fence and self.open.closed_by(line):
            self.open = None
        return True


def outside_code(lines: list[str]) -> Iterator[int]:
    """The indexes of ``lines`` that are not in a fenced code block."""
    scanner = Scanner()
    for index, line in enumerate(lines):
        if not scanner.feed(line):
            yield index


def closing_line(text: str) -> str | None:
    """The fence that ends the code block ``text`` ends in, if it ends in one (so that what is
    appended after it is not code)."""
    scanner = Scanner()
    for line in text.split("\n"):
        scanner.feed(line)
    return scanner.open.closing() if scanner.open is not None else None


def fence_for(text: str, char: str = "`", least: int = 3) -> str:
    """A fence of ``char`` longer than any run of it that starts a line of ``text``, so that no
    line of ``text`` closes it (runs indented by four or more count too: they may sit in a list)."""
    longest = 0
    for line in text.split("\n"):
        stripped = line.lstrip()
        longest = max(longest, len(stripped) - len(stripped.lstrip(char)))
    return char * max(least, longest + 1)
