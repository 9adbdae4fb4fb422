"""Budgets for reading untrusted pages, and a line index for locating offsets.

A page may come from a stranger's pull request, so every parser that reads
it is bounded: a page over a limit is reported (``hugo.limit``) and built
without the part that went over. ``hugo_limits`` in conf.py raises or lowers
any of them by name.
"""

from __future__ import annotations

import bisect
import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Limits:
    """Each field is one budget; ``hugo_limits = {"<name>": <int>}`` in conf.py overrides it."""

    page_size: int = field(
        default=1_000_000,
        metadata={
            "help": "Characters read of one page (ten times the largest page of the Kubernetes "
            "docs); the rest of a longer page is left out, cut at the last line break before the "
            "limit."
        },
    )
    frontmatter_nodes: int = field(
        default=20_000,
        metadata={
            "help": "Values a page's front matter, or one YAML directive body or data file it "
            'uses, may hold once YAML aliases are expanded ("billion laughs"); the text they hold '
            "may not expand past ``page_size`` either. Top-level keys or items past the budget are "
            "ignored."
        },
    )
    frontmatter_depth: int = field(
        default=100,
        metadata={
            "help": "How deep YAML, TOML and JSON front matter may nest. A deeper value is "
            "ignored (YAML) or emptied (TOML, JSON)."
        },
    )
    table_cells: int = field(
        default=10_000,
        metadata={
            "help": "Table cells one page may hold: each ``|`` of its Markdown (a pipe table cell) "
            "and each cell (product x feature) of its ``comparison`` tables (real pages hold under "
            "600). The page is read up to the line that goes past it; a comparison table keeps "
            "the features that fit."
        },
    )
    shortcode_depth: int = field(
        default=20,
        metadata={
            "help": "How deep shortcodes may nest in each other, through included files too "
            "(each level renders the Markdown inside it). Deeper tags are kept as text or left out."
        },
    )
    include_depth: int = field(
        default=8,
        metadata={
            "help": "How deep ``readfile``/``includeMarkdown`` may include files that include "
            "files. A file that includes itself (directly or not) is refused at once."
        },
    )
    includes: int = field(
        default=200,
        metadata={
            "help": "Files ``readfile``/``includeMarkdown`` may read for one page, repeats "
            "counted (two includes per file, eight deep, would be 256). Later ones are left out."
        },
    )
    menu_depth: int = field(
        default=50,
        metadata={
            "help": "How deep a menu's entries may nest (``parent`` chains). Deeper entries are "
            "left out of the menu."
        },
    )

    page_terms: int = field(
        default=500,
        metadata={
            "help": "Terms one page may name in one taxonomy (``tags``, ``categories``); the "
            "first ones are kept."
        },
    )
    site_terms: int = field(
        default=20_000,
        metadata={
            "help": "Terms one taxonomy may hold over the whole site, each a generated page; "
            "terms past it (pages read in path order) get no page."
        },
    )

    @classmethod
    def names(cls) -> tuple[str, ...]:
        return tuple(spec.name for spec in dataclasses.fields(cls))

    @classmethod
    def documentation(cls) -> dict[str, tuple[int, str]]:
        """name -> (default, meaning), for the README and the config value's help."""
        return {
            spec.name: (spec.default, spec.metadata["help"])  # type: ignore[misc]
            for spec in dataclasses.fields(cls)
        }

    def with_overrides(self, overrides: dict[str, int]) -> Limits:
        return dataclasses.replace(self, **overrides)


DEFAULT = Limits()


def check_overrides(value: Any) -> dict[str, int] | None:
    """``hugo_limits`` as given: a mapping of known limit names to positive integers, else None."""
    if not isinstance(value, dict):
        return None
    known = set(Limits.names())
    for name, number in value.items():
        if (
            name not in known
            or isinstance(number, bool)
            or not isinstance(number, int)
            or number < 1
        ):
            return None
    return dict(value)


@dataclass
class IncludeChain:
    """One page's includes (``readfile``): the files being included, outermost first (the page
    itself first), and how many were read."""

    chain: list[Path]
    count: int = 0
    #: Characters read from included files: they count against ``page_size`` too.
    characters: int = 0
    #: (file, line) already refused for a loop or the depth: said once (a fan-out repeats them).
    refused: set[tuple[Path, int]] = field(default_factory=set)

    def refusal(self, found: Path, line: int, limits: Limits) -> str | None:
        """Why ``found`` may not be included here ("" once already said), or None."""
        self.count += 1
        if self.count > limits.includes:
            if self.count > limits.includes + 1:
                return ""
            return (
                f"is one include too many for this page (more than {limits.includes}; "
                "hugo_limits 'includes'); it and the later ones were left out"
            )
        if found not in self.chain and len(self.chain) <= limits.include_depth:
            return None
        said = (found, line) in self.refused
        self.refused.add((found, line))
        if found in self.chain:
            loop = [*self.chain[self.chain.index(found) :], found]
            return (
                ""
                if said
                else "includes itself ("
                + " -> ".join(path.name for path in loop)
                + "); it was left out"
            )
        return (
            ""
            if said
            else (
                f"would be included more than {limits.include_depth} files deep (hugo_limits "
                "'include_depth'); it was left out"
            )
        )


class LineIndex:
    """1-based line numbers of offsets in a text, by binary search over its line breaks."""

    def __init__(self, text: str, first_line: int = 1) -> None:
        self.first_line = first_line
        self.breaks: list[int] = []
        position = text.find("\n")
        while position >= 0:
            self.breaks.append(position)
            position = text.find("\n", position + 1)

    def line_at(self, offset: int) -> int:
        """The line holding ``offset`` (``first_line`` plus the line breaks before it)."""
        return self.first_line + bisect.bisect_left(self.breaks, offset)


def truncate_at_count(text: str, char: str, limit: int) -> tuple[str, int | None]:
    """``text`` cut before the line holding its ``limit + 1``-th ``char``; and the first line left
    out."""
    if text.count(char) <= limit:
        return text, None
    position = -1
    for _ in range(limit + 1):
        position = text.find(char, position + 1)
    return truncate(text, position)


def truncate(text: str, limit: int) -> tuple[str, int | None]:
    """``text`` cut to at most ``limit`` characters at a line break; and the first line left out.

    Returns the line number (1-based) of the first line left out, or None when nothing was.
    """
    if len(text) <= limit:
        return text, None
    cut = text.rfind("\n", 0, limit)
    kept = text[: cut + 1] if cut >= 0 else ""
    return kept, kept.count("\n") + 1
