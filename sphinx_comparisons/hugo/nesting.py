"""Brackets nested in JSON and TOML text, capped before a parser recurses into them.

Python's ``json`` and ``tomllib`` recurse once per level, so 20,000 nested
``[`` abort the interpreter; a group nested past the budget is emptied first.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from sphinx_comparisons.hugo.limits import LineIndex
from sphinx_comparisons.hugo.yamldata import Problem


def cap_depth(
    text: str, toml: bool, limit: int, label: str, first_line: int, problems: list[Problem]
) -> str:
    """``text`` with each bracket group nested deeper than ``limit`` emptied to ``[]``.

    The parsers recurse per level (20,000 levels abort Python); the group keeps
    its line breaks, so later lines keep their numbers.
    """
    if text.count("[") + text.count("{") <= limit:
        return text
    out: list[str] = []
    lines = LineIndex(text, first_line)
    depth, kept_to, cut = 0, 0, -1
    for position, char in _structure(text, toml):
        if char in "[{":
            depth += 1
            if depth == limit + 1:
                cut = position
        elif depth > 0:
            if depth == limit + 1:
                out += [text[kept_to:cut], "[]", "\n" * text.count("\n", cut, position)]
                kept_to = position + 1
                problems.append(
                    Problem(
                        "limit",
                        f"{label} nests deeper than {limit} levels (hugo_limits "
                        "'frontmatter_depth'); the deeper part was emptied",
                        lines.line_at(cut),
                    )
                )
            depth -= 1
    if depth > limit:  # never closed: the parser reports it
        out += [text[kept_to:cut], "[]", "\n" * text.count("\n", cut)]
        kept_to = len(text)
    out.append(text[kept_to:])
    return "".join(out)


_JSON_TOKENS = re.compile(r'[\[\]{}"]')
_TOML_TOKENS = re.compile(r"""[\[\]{}"'#]""")


def _structure(text: str, toml: bool) -> Iterator[tuple[int, str]]:
    """The brackets of a JSON or TOML text outside strings and comments, with their offsets."""
    tokens = _TOML_TOKENS if toml else _JSON_TOKENS
    position = 0
    while True:
        found = tokens.search(text, position)
        if found is None:
            return
        start, char = found.start(), found.group(0)
        if char == "#":
            end = text.find("\n", start)
            position = len(text) if end < 0 else end
        elif char in "\"'":
            position = _string_end(text, start)
        else:
            yield start, char
            position = start + 1


def _string_end(text: str, start: int) -> int:
    """The offset after the string opening at ``start`` (``"``, ``'``, or their tripled forms)."""
    quote = text[start : start + 3] if text.startswith(('"""', "'''"), start) else text[start]
    position = start + len(quote)
    while True:
        end = text.find(quote, position)
        if end < 0:
            return len(text)
        if quote == "'" or quote == "'''" or _unescaped(text, end):
            return end + len(quote)
        position = end + 1


def _unescaped(text: str, offset: int) -> bool:
    backslashes = 0
    while offset - backslashes - 1 >= 0 and text[offset - backslashes - 1] == "\\":
        backslashes += 1
    return backslashes % 2 == 0
