"""What a page's front matter says about its titles and lead text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

_ASCII_PUNCTUATION = re.compile(r"""([!"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~])""")


@dataclass(frozen=True)
class Titles:
    """The three names of a page.

    ``title`` is Hugo's ``.Title`` (the HTML ``<title>``), ``heading`` the H1
    (``headerTitle``, else ``title``), ``nav`` every navigation label
    (``linkTitle``, else ``title``, as Hugo's ``.LinkTitle``).
    """

    title: str
    heading: str
    nav: str


def _text(params: dict[str, Any], key: str) -> str:
    value = params.get(key)
    return " ".join(value.split()) if isinstance(value, str) else ""


def titles(params: dict[str, Any]) -> Titles | None:
    """The page's titles, or None when its front matter names none."""
    title = _text(params, "title")
    heading = _text(params, "headertitle") or title
    if not heading:
        return None
    return Titles(
        title=title or heading, heading=heading, nav=_text(params, "linktitle") or title or heading
    )


def title_from_path(path: str) -> str:
    """A readable title from a source path, for pages that have none.

    ``_index.md`` and a leaf bundle's ``index.md`` stand for their folder.
    """
    pure = PurePosixPath(path)
    name = pure.stem
    if name in {"_index", "index"} and pure.parent.name:
        name = pure.parent.name
    words = re.sub(r"[-_\s]+", " ", name).strip()
    return words[:1].upper() + words[1:] if words else "Untitled"


def lead(params: dict[str, Any], keys: list[str]) -> str:
    """The first non-empty value among ``keys``: the subtitle shown under the H1."""
    for key in keys:
        text = _text(params, key.lower())
        if text:
            return text
    return ""


def escape_markdown(text: str) -> str:
    """``text`` on one line, every ASCII punctuation escaped: it renders as written."""
    return _ASCII_PUNCTUATION.sub(r"\\\1", " ".join(text.split()))


def markdown_heading(text: str) -> str:
    """An ATX H1 whose text renders exactly as ``text`` (no Markdown, no roles)."""
    return "# " + escape_markdown(text)


def replace_front_matter(
    source: str, body_offset: int, start_line: int, heading: str | None
) -> str:
    """Swap the front matter for blank lines, keeping every body line where it was.

    ``heading`` (a Markdown line) takes the place of the opening delimiter, so a
    page without a body H1 gets one and its H2s nest under it.
    """
    if not body_offset:
        return source
    head = source[:body_offset]
    newlines = head.count("\n")
    lead_lines = start_line - 1
    if heading is None:
        return "\n" * newlines + source[body_offset:]
    trailing = max(newlines - lead_lines, 1)
    return "\n" * lead_lines + heading + "\n" * trailing + source[body_offset:]
