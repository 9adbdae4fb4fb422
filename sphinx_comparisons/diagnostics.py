"""Warnings this extension emits: one Sphinx ``type`` and a documented ``subtype`` each.

Every warning can be silenced with ``suppress_warnings = ["hugo.<subtype>"]``
(or ``"hugo"`` for all of them).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx.util import logging

if TYPE_CHECKING:
    from sphinx.util.logging import SphinxLoggerAdapter

WARNING_TYPE = "hugo"

#: subtype -> (meaning, how to fix it). The README's warning table lists these.
SUBTYPES: dict[str, tuple[str, str]] = {
    "config": (
        "A ``hugo_*`` configuration value has the wrong type or an unknown value; "
        "its default is used instead.",
        "Correct the value in conf.py.",
    ),
    "frontmatter": (
        "The front matter block is malformed (bad YAML, TOML or JSON syntax, an unclosed "
        "block, an invalid delimiter, or a value that is not a mapping). The lines that "
        "could not be read are ignored; the page still builds.",
        "Fix the syntax at the line shown.",
    ),
    "frontmatter_type": (
        "A front matter field Hugo gives a meaning to has a value of the wrong type "
        "(``weight: heavy``, ``draft: maybe``, ``aliases: {a: b}``). The field is ignored.",
        "Give the field a value of the type named in the message.",
    ),
    "frontmatter_duplicate": (
        "A key appears twice in one mapping (also when two keys differ only in case, "
        "since Hugo keys are case-insensitive). The last value wins.",
        "Remove one of the two keys.",
    ),
    "title_missing": (
        "The page has no ``title``/``headerTitle`` and no heading; a title is made from "
        "its file name.",
        "Add ``title:`` to the front matter.",
    ),
    "title_conflict": (
        "The page has a front matter title and also a body H1 with other text. The front "
        "matter title stays the page's H1 and the body H1 becomes an H2 under it.",
        "Remove the body H1, or make it equal to ``headerTitle``/``title``.",
    ),
}

logger: SphinxLoggerAdapter = logging.getLogger("sphinx_comparisons")


def warn(subtype: str, message: str, location: object = None) -> None:
    """Emit a typed, suppressible warning; ``location`` is a node or ``(docname, line)``."""
    if subtype not in SUBTYPES:
        raise ValueError(f"undocumented warning subtype {subtype!r}")
    logger.warning(message, type=WARNING_TYPE, subtype=subtype, location=location)
