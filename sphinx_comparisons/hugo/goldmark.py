"""Goldmark's Markdown rules that MyST reads differently: the ``markup.goldmark`` settings,
block attribute lists and blockquote alerts.

Read from Hugo's ``markup/goldmark/goldmark_config/config.go`` (``Default``),
``markup/markup_config/config.go`` (``normalizeConfig``: a bool ``parser.attribute`` is the
title switch), ``markup/goldmark/blockquotes/blockquotes.go`` (``resolveBlockQuoteAlert``) and
goldmark's ``parser/attribute.go`` (``ParseAttributes``).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Any

from sphinx_comparisons.hugo import safeurl

#: Longest line read as an attribute list or an alert marker; a longer one stays text.
MAX_LINE = 2_000

#: The typographer's substitutions, by Hugo's setting name, with Goldmark's defaults.
TYPOGRAPHER_DEFAULTS = {
    "leftSingleQuote": "\u2018",
    "rightSingleQuote": "\u2019",
    "leftDoubleQuote": "\u201c",
    "rightDoubleQuote": "\u201d",
    "enDash": "\u2013",
    "emDash": "\u2014",
    "ellipsis": "\u2026",
    "leftAngleQuote": "\u00ab",
    "rightAngleQuote": "\u00bb",
    "apostrophe": "\u2019",
}

#: Goldmark extensions Hugo switches on by default (``extensions.<name>``).
EXTENSIONS = ("linkify", "footnote", "definitionList", "table", "strikethrough", "taskList")


@dataclass(frozen=True)
class Goldmark:
    """The ``markup.goldmark`` settings that change what a page's Markdown becomes."""

    block_attributes: bool = False
    title_attributes: bool = True
    extensions: frozenset[str] = frozenset(EXTENSIONS)
    linkify_protocol: str = "https"
    #: None: the typographer is off; else each substitution by setting name.
    typographer: dict[str, str] | None = field(default_factory=lambda: dict(TYPOGRAPHER_DEFAULTS))

    def has(self, extension: str) -> bool:
        return extension in self.extensions


def _get(mapping: Any, *path: str) -> Any:
    for key in path:
        if not isinstance(mapping, dict):
            return None
        mapping = {str(k).lower(): v for k, v in mapping.items()}.get(key.lower())
    return mapping


def _typographer(value: Any) -> dict[str, str] | None:
    """``typographer = false``, or the table (v0.112.0+) with ``disable`` and substitutions.

    Hugo writes each substitution as given (an entity or a character), so ours is the text
    that entity stands for.
    """
    if value is False:
        return None
    if not isinstance(value, dict):
        return dict(TYPOGRAPHER_DEFAULTS)
    if _get(value, "disable") is True:
        return None
    chosen = dict(TYPOGRAPHER_DEFAULTS)
    for name in chosen:
        given = _get(value, name)
        if isinstance(given, str):
            chosen[name] = html.unescape(given)
    return chosen


def from_site_config(values: dict[str, Any]) -> Goldmark:
    """The settings under ``markup.goldmark`` of a site config, Hugo's defaults for the rest."""
    goldmark = _get(values, "markup", "goldmark")
    attribute = _get(goldmark, "parser", "attribute")
    if isinstance(attribute, bool):  # before Hugo 0.81 a bool: the title switch
        block, title = False, attribute
    else:
        block = _get(attribute, "block") is True
        title = _get(attribute, "title") is not False
    switched = _get(goldmark, "extensions")
    extensions = set(EXTENSIONS)
    for name in EXTENSIONS:
        value = _get(switched, name)
        if isinstance(value, dict):  # linkify and others may be tables in later versions
            value = _get(value, "enable")
        if value is False:
            extensions.discard(name)
    protocol = _get(switched, "linkifyProtocol")
    return Goldmark(
        block_attributes=block,
        title_attributes=title,
        extensions=frozenset(extensions),
        linkify_protocol=protocol if protocol in ("http", "https") else "https",
        typographer=_typographer(_get(switched, "typographer")),
    )


# -- attribute lists ------------------------------------------------------------------------

_NAME = re.compile(r"[A-Za-z_:][A-Za-z0-9_.:-]{0,100}")
_BARE = re.compile(r"[^\s}\"']{1,500}")
_NUMBER = re.compile(r"-?[0-9]{1,50}(?:\.[0-9]{1,50})?")


def _value(text: str, position: int) -> tuple[str | None, int] | None:
    """The value at ``position``: (text or None if Goldmark drops it, end), or None if invalid."""
    if text.startswith('"', position):
        end = text.find('"', position + 1)
        return None if end < 0 else (text[position + 1 : end], end + 1)
    bare = _BARE.match(text, position)
    if bare is None:
        return None
    word = bare.group()
    if word in ("true", "false") or _NUMBER.fullmatch(word):
        return word, bare.end()
    return None, bare.end()  # an unquoted word: dropped, the rest kept


def _item(body: str, position: int, found: dict[str, str]) -> int | None:
    """Read one attribute at ``position`` into ``found``; its end, or None if invalid."""
    sign = body[position]
    if sign in "#.":
        word = _BARE.match(body, position + 1)
        if word is None:
            return None
        value = word.group()
        if sign == ".":
            found["class"] = f"{found['class']} {value}" if "class" in found else value
        else:
            found.setdefault("id", value)
        return word.end()
    name = _NAME.match(body, position)
    if name is None or not body.startswith("=", name.end()):
        return None
    read = _value(body, name.end() + 1)
    if read is None:
        return None
    if read[0] is not None:
        found.setdefault(name.group().lower(), read[0])
    return read[1]


def attribute_list(line: str) -> dict[str, str] | None:
    """A Goldmark attribute list ``{.class #id key="value"}`` filling the whole line, as
    attributes, or None if the line is not one (it then stays text)."""
    text = line.strip(" \t")
    if len(text) > MAX_LINE or len(text) < 2 or text[0] != "{" or text[-1] != "}":
        return None
    body = text[1:-1]
    found: dict[str, str] = {}
    position = 0
    while True:
        while position < len(body) and body[position] in " \t":
            position += 1
        if position >= len(body):
            return found
        end = _item(body, position, found)
        if end is None or (end < len(body) and body[end] not in " \t"):
            return None
        position = end


def safe_attributes(found: dict[str, str]) -> tuple[dict[str, str], list[str]]:
    """The ``id`` and ``class`` a page may set (each name through ``safeurl.safe_id``), and
    what was refused. Other keys have no place on Sphinx's elements and are left out."""
    kept: dict[str, str] = {}
    refused: list[str] = []
    if "id" in found:
        if safeurl.safe_id(found["id"]):
            kept["id"] = found["id"]
        else:
            refused.append(f"id {found['id']!r}")
    classes: list[str] = []
    for name in found.get("class", "").split():
        (classes if safeurl.safe_id(name) else refused).append(name)
    if classes:
        kept["class"] = " ".join(classes)
    return kept, refused


# -- blockquote alerts ----------------------------------------------------------------------

#: Alert kinds (Docsy's colours, GitHub's alert types, YugabyteDB's names) -> docutils
#: admonition kinds; any other kind is a note.
ADMONITION_KINDS = {
    "note": "note",
    "tip": "tip",
    "warning": "warning",
    "caution": "caution",
    "danger": "danger",
    "important": "important",
    "info": "note",
    "primary": "note",
    "secondary": "note",
    "light": "note",
    "dark": "note",
    "success": "tip",
}

_ALERT = re.compile(r"\[!([A-Za-z]{1,40})\]([+-]?)[ \t]*")


@dataclass(frozen=True)
class Alert:
    kind: str  # lower case, as Hugo's AlertType
    sign: str  # "+", "-" or ""
    end: int  # where the title (the rest of the first line) starts


def alert(first_text: str) -> Alert | None:
    """The alert marker ``[!NOTE]`` (``+``/``-`` sign, then an optional title) at the start of a
    blockquote's first paragraph, as current Hugo reads it (v0.134.0+: any letters, any case)."""
    found = _ALERT.match(first_text[:MAX_LINE])
    if found is None:
        return None
    return Alert(found.group(1).lower(), found.group(2), found.end())
