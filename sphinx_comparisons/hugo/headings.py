"""Goldmark heading attributes: ``## Title {#id .class}``.

MyST has no syntax for them, so they are taken off the heading line (which
keeps its place) and handed back by line, to be set on the section later.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sphinx_comparisons.hugo import fences, safeurl

#: One attribute of a list: ``#id``, ``.class`` or ``key=value`` (value quoted or bare).
_ATTRIBUTE = re.compile(
    r"""[ \t]*(?:#(?P<id>[^\s#{}"'=]+)|\.(?P<class>[^\s#.{}"'=]+)"""
    r"""|[\w-]+=(?:"[^"]*"|'[^']*'|[^\s"'{}]+))"""
)


def atx(line: str) -> tuple[int, str] | None:
    """An ATX heading's level and text (its closing ``#`` run removed), as CommonMark reads the
    line.

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
    if (
        indent > 3
        or not 1 <= hashes <= 6
        or head[indent + hashes : indent + hashes + 1] not in (" ", "\t")
    ):
        return None
    return head[: max(indent + hashes + 1, len(head.rstrip(" \t")))], end[start + 1 : -1]


@dataclass(frozen=True)
class AttributeProblem:
    line: int
    message: str


def _attributes(text: str) -> list[tuple[str | None, str | None]] | None:
    """The tokens of an attribute list (an id's text and a class's name, None for others), or
    None if it is not one."""
    tokens: list[tuple[str | None, str | None]] = []
    position = 0
    while position < len(text):
        found = _ATTRIBUTE.match(text, position)
        if found is None or found.end() == position:
            return tokens if tokens and not text[position:].strip() else None
        tokens.append((found.group("id"), found.group("class")))
        position = found.end()
    return tokens or None


@dataclass
class HeadingAttributes:
    """What :func:`take_heading_ids` found: ids and classes by line (1-based), ids refused."""

    ids: dict[int, str]
    classes: dict[int, list[str]]
    problems: list[AttributeProblem]


def take_heading_ids(text: str) -> tuple[str, HeadingAttributes]:
    """Strip trailing ``{#id .class}`` attribute lists from ATX headings outside code fences.

    Returns the new text and what was found (classes that are no safe name are left out).
    Ids come only from ``#id`` tokens (never from inside a quoted value) and
    must be :func:`safeurl.safe_id`. An attribute list without an id is
    removed too, as Goldmark does not print it either.
    """
    found = HeadingAttributes({}, {}, [])
    if "{" not in text:
        return text, found
    lines = text.split("\n")
    ids, problems = found.ids, found.problems
    for number in fences.outside_code(lines):
        line = lines[number]
        split = _attributed(line)
        tokens = _attributes(split[1]) if split else None
        if split is None or tokens is None:
            continue
        wanted = next((token for token, _ in tokens if token is not None), None)
        classes = [name for _, name in tokens if name is not None and safeurl.safe_id(name)]
        if classes:
            found.classes[number + 1] = classes
        if wanted is not None and safeurl.safe_id(wanted):
            ids[number + 1] = wanted
        elif wanted is not None:
            problems.append(
                AttributeProblem(
                    number + 1,
                    f"heading id {wanted!r} has characters an id may not have "
                    "(letters, digits, _, -, . and : only); the id is made from the heading text",
                )
            )
        lines[number] = split[0]
    return "\n".join(lines), found


def github_id(text: str) -> str:
    """Goldmark's default heading id: letters, digits and ``_`` lowercased, each space or ``-`` a
    ``-``."""
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


def scheme(configured: object, chosen: str | None = None) -> str:
    """The site's heading-id scheme: ``chosen`` (conf.py) when given, else the site config's
    ``markup.goldmark.parser.autoHeadingIDType`` (``configured``), else Hugo's ``github``."""
    if chosen:
        return chosen
    name = str(configured).lower()
    return name if name in SCHEMES else "github"


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
