"""The ``src`` and ``href`` attributes of raw HTML a page writes, found so they can be resolved.

Hugo passes raw HTML through as written and the browser resolves its
addresses against the page's URL, exactly as it does a Markdown link's: the
same rule applies to both (:mod:`pagelinks`). Only start tags are looked at;
an attribute's value is read the way an HTML tokenizer reads it (double-quoted,
single-quoted or bare), and character references in it are decoded.

Each pattern is a single pass with no nested quantifier; the page size budget
bounds the text.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

#: A start tag: ``<`` and a letter, then anything but angle brackets up to ``>``.
_TAG = re.compile(r"<[A-Za-z][^<>]*>")
#: One attribute of a start tag, read from where the last one ended: its name and its value.
_ATTRIBUTE = re.compile(
    r"""[\s/]*(?P<name>[^\s"'<>/=]+)"""
    r"""(?:[ \t\r\n\f]*=[ \t\r\n\f]*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s"'<>=`]+)))?"""
)
#: The tag's name, after ``<``.
_NAME = re.compile(r"<[A-Za-z][^\s/>]*")


@dataclass(frozen=True, slots=True)
class Link:
    """One address in a fragment of HTML: where its value stands, and the value decoded."""

    start: int
    end: int
    name: str
    value: str


def links(fragment: str) -> list[Link]:
    """Every ``src``/``href`` value of the start tags in ``fragment``, in order."""
    found: list[Link] = []
    for tag in _TAG.finditer(fragment):
        text = tag.group(0)[:-1]
        named = _NAME.match(text)
        position = named.end() if named else len(text)
        while position < len(text):
            attribute = _ATTRIBUTE.match(text, position)
            if attribute is None or attribute.end() == position:
                position += 1
                continue
            position = attribute.end()
            name = attribute.group("name").lower()
            group = next((g for g in ("dq", "sq", "bare") if attribute.group(g) is not None), None)
            if name not in ("src", "href") or group is None:
                continue
            start, end = attribute.span(group)
            value = html.unescape(attribute.group(group))
            found.append(Link(tag.start() + start, tag.start() + end, name, value))
    return found


def replaced(fragment: str, values: dict[int, str]) -> str:
    """``fragment`` with the values of the links at the given starts replaced by new text.

    The new text is written as it is given: a caller escapes it (``safeurl.attribute``).
    A bare value gets quotes, so any text fits.
    """
    out: list[str] = []
    position = 0
    for link in links(fragment):
        if link.start not in values:
            continue
        quoted = link.start > 0 and fragment[link.start - 1] in "\"'"
        new = values[link.start]
        out.append(fragment[position : link.start])
        out.append(new if quoted else f'"{new}"')
        position = link.end
    out.append(fragment[position:])
    return "".join(out)
