"""Goldmark heading attributes: ``## Title {#id .class}``.

MyST has no syntax for them, so they are taken off the heading line (which
keeps its place) and handed back by line, to be set on the section later.
"""

from __future__ import annotations

import re

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_ATTRIBUTE = re.compile(r"""[#.][^\s#.{}"'=]+|[\w-]+=(?:"[^"]*"|'[^']*'|[^\s"'{}]+)""")


def atx(line: str) -> tuple[int, str] | None:
    """An ATX heading's level and text (its closing ``#`` run removed), as CommonMark reads the line.

    String code rather than a regular expression: those backtracked cubically
    on a long run of spaces (``## a`` + 3,000 spaces + ``x``).
    """
    indent = len(line) - len(line.lstrip(" "))
    rest = line[indent:]
    level = len(rest) - len(rest.lstrip("#"))
    if indent > 3 or not 1 <= level <= 6 or rest[level : level + 1] not in ("", " ", "\t"):
        return None
    text = rest[level:].strip(" \t")
    unclosed = text.rstrip("#")
    if not unclosed or unclosed[-1] in " \t":
        text = unclosed.rstrip(" \t")
    return level, text


def _attributed(line: str) -> tuple[str, str] | None:
    """An ATX heading line split into the heading and its trailing ``{...}`` attribute list."""
    end = line.rstrip(" \t")
    start = end.rfind("{")
    if not end.endswith("}") or start < 0 or "}" in end[start + 1 : -1]:
        return None
    head = line[:start]
    indent = len(head) - len(head.lstrip(" "))
    hashes = len(head) - indent - len(head[indent:].lstrip("#"))
    if indent > 3 or not 1 <= hashes <= 6 or head[indent + hashes : indent + hashes + 1] not in (" ", "\t"):
        return None
    return head[: max(indent + hashes + 1, len(head.rstrip(" \t")))], end[start + 1 : -1]


def _is_attribute_list(text: str) -> bool:
    """``#id .class key=value ...``: tokens separated by blanks, each a whole attribute."""
    return all(_ATTRIBUTE.fullmatch(token) for token in _tokens(text))


def _tokens(text: str) -> list[str]:
    """Blank-separated tokens, a quoted value keeping its blanks (``title="a b"``)."""
    tokens: list[str] = []
    position = 0
    while True:
        while position < len(text) and text[position].isspace():
            position += 1
        if position >= len(text):
            return tokens
        start = position
        while position < len(text) and not text[position].isspace():
            if text[position] in "\"'" and text[position - 1 : position] == "=":
                close = text.find(text[position], position + 1)
                position = len(text) if close < 0 else close
            position += 1
        tokens.append(text[start:position])
_ID = re.compile(r"(?:^|\s)#([^\s#.}]+)")


def take_heading_ids(text: str) -> tuple[str, dict[int, str]]:
    """Strip trailing ``{#id}`` attribute lists from ATX headings outside code fences.

    Returns the new text and ``{line: id}`` (1-based lines). An attribute list
    without an id is removed too, as Goldmark does not print it either.
    """
    if "{" not in text:
        return text, {}
    lines = text.split("\n")
    ids: dict[int, str] = {}
    fence: str | None = None
    for number, line in enumerate(lines):
        opened = _FENCE.match(line)
        if fence is not None:
            if opened and opened.group(1)[0] == fence[0] and len(opened.group(1)) >= len(fence):
                fence = None
            continue
        if opened:
            fence = opened.group(1)
            continue
        split = _attributed(line)
        if split is None or not split[1].strip() or not _is_attribute_list(split[1]):
            continue
        found = _ID.search(split[1])
        if found:
            ids[number + 1] = found.group(1)
        lines[number] = split[0]
    return "\n".join(lines), ids


def github_id(text: str) -> str:
    """Goldmark's default heading id: letters, digits and ``_`` lowercased, each space or ``-`` a ``-``."""
    out = []
    for char in text.strip():
        if char.isalnum() or char == "_":
            out.append(char.lower())
        elif char in " -":
            out.append("-")
    return "".join(out) or "heading"


def blackfriday_id(text: str) -> str:
    """Blackfriday's heading id: letters and digits lowercased, every other run one ``-``."""
    out: list[str] = []
    gap = False
    for char in text:
        if char.isalnum():
            if gap and out:
                out.append("-")
            gap = False
            out.append(char.lower())
        else:
            gap = True
    return "".join(out) or "heading"


SCHEMES = {"github": github_id, "blackfriday": blackfriday_id}


class HeadingIds:
    """Ids for one page's headings in order, made unique as Hugo does (``x``, ``x-1``, ``x-2``)."""

    def __init__(self, scheme: str) -> None:
        self.make = SCHEMES.get(scheme, github_id)
        self.taken: set[str] = set()

    def claim(self, wanted: str) -> str:
        candidate, number = wanted, 0
        while candidate in self.taken:
            number += 1
            candidate = f"{wanted}-{number}"
        self.taken.add(candidate)
        return candidate

    def for_text(self, text: str) -> str:
        return self.claim(self.make(text))
