"""Hugo's ``permalinks`` setting: which pages it moves, and the URL each pattern gives.

Rules from ``resources/page/permalinks.go`` (``DecodePermalinksConfig``,
``decodePermalinksMap``, ``getOrParsePattern``, ``pageToPermalink*``,
``toSliceFunc``) and ``hugolib/page__paths.go`` (``createTargetPathDescriptor``).
Current Hugo is followed: the per-kind maps (v0.115), ``:contentbasename`` and
``:slugorcontentbasename`` (v0.144), ``\\:`` for a literal colon (v0.136) and
tokens inside a front matter ``url`` (v0.131). Hugo stops the build on a bad
pattern; here the entry is dropped with a located problem, and its pages keep
the URL they have without it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote

from sphinx_comparisons.hugo import golayout, urls
from sphinx_comparisons.hugo.content import Page

#: Kinds a ``[permalinks.KIND]`` map may name (``permalinksKindsSupported``, plus ``home``).
KINDS = ("page", "section", "taxonomy", "term", "home")
#: A token: ``:name`` with an optional ``[slice]`` (``attributeRegexp``); ``\\:`` is a colon.
_TOKEN = re.compile(r"\\:|:(\w+)(\[[^\]\n]{0,40}\])?")
_SLICE = re.compile(r"\[\s*(?:(last)|(-?\d{1,6})|(-?\d{0,6})\s*:\s*(-?\d{0,6}))\s*\]")
#: Longest pattern read (a pattern is one line of the site config).
MAX_PATTERN = 1000
#: Go's zero time, the date of a page without one (``time.Time{}``).
ZERO_DATE = dt.datetime(1, 1, 1, tzinfo=dt.UTC)


@dataclass(frozen=True, slots=True)
class Problem:
    """A refused entry: the key path in the site config (``permalinks.page.blog``) and why."""

    key: str
    message: str


@dataclass(frozen=True, slots=True)
class Permalinks:
    """Patterns by (kind, top-level section); the root pages' section is ``""``."""

    patterns: dict[tuple[str, str], str] = field(default_factory=dict)

    def pattern(self, page: Page) -> str | None:
        """The pattern that moves this page, if any (``page`` covers bundles; the home page
        and the taxonomies, which this extension does not build, are never moved)."""
        if page.kind == "section":
            if not page.folder:
                return None
            return self.patterns.get(("section", page.folder.split("/", 1)[0].lower()))
        top = page.path.split("/", 1)[0] if "/" in page.path else ""
        return self.patterns.get(("page", top.lower()))


def from_config(value: Any) -> tuple[Permalinks, list[Problem]]:
    """Read the ``permalinks`` value of a site config (its keys already lowercased)."""
    if value is None:
        return Permalinks(), []
    if not isinstance(value, dict):
        return Permalinks(), [Problem("permalinks", "is not a mapping of section to pattern")]
    patterns: dict[tuple[str, str], str] = {}
    problems: list[Problem] = []
    for key, entry in value.items():
        name = str(key)
        if isinstance(entry, dict):
            if name.lower() not in KINDS:
                problems.append(
                    Problem(
                        f"permalinks.{name}",
                        f"kind {name!r} is not one Hugo supports ({', '.join(KINDS)})",
                    )
                )
                continue
            for section, pattern in entry.items():
                _add(patterns, problems, (name.lower(),), str(section), pattern, name)
        else:  # the plain form moves regular pages and term pages
            _add(patterns, problems, ("page", "term"), name, entry, "")
    return Permalinks(patterns), problems


def _add(
    patterns: dict[tuple[str, str], str],
    problems: list[Problem],
    kinds: tuple[str, ...],
    section: str,
    pattern: object,
    prefix: str,
) -> None:
    key = f"permalinks.{prefix + '.' if prefix else ''}{section}"
    problem = check(pattern)
    if problem is not None:
        problems.append(Problem(key, problem + "; those pages keep their usual URL"))
        return
    assert isinstance(pattern, str)
    for kind in kinds:
        patterns[(kind, section.strip("/ ").lower())] = pattern


def check(pattern: object) -> str | None:
    """Why a pattern cannot be used, or None."""
    if not isinstance(pattern, str):
        return f"pattern {pattern!r:.60} is not a string"
    if len(pattern) > MAX_PATTERN:
        return f"pattern is longer than {MAX_PATTERN} characters"
    for match in _TOKEN.finditer(pattern):
        name, part = match.group(1), match.group(2)
        if name is None:
            continue
        if name.lower() not in _TOKENS and not golayout.is_layout(name):
            return f"pattern {pattern!r:.80} has the unknown token ':{name}'"
        if part and (name.lower() != "sections" or not _SLICE.fullmatch(part)):
            return f"pattern {pattern!r:.80} has a malformed slice ':{name}{part}'"
    return None


def expand(pattern: str, page: Page, sections: frozenset[str]) -> str:
    """The pattern with each token replaced by the page's value (``check`` accepted it)."""
    facts = _Facts(page, sections)

    def value(match: re.Match[str]) -> str:
        name, part = match.group(1), match.group(2)
        if name is None:
            return ":"
        token = _TOKENS.get(name.lower())
        if token is None:
            return golayout.format(facts.date, name)
        if part:
            return "/".join(_slice(facts.sections(), part))
        return token(facts)

    return unquote(_TOKEN.sub(value, pattern))


def page_url(page: Page, rules: Permalinks, sections: frozenset[str]) -> str:
    """The page's URL with the site's permalinks: a front matter ``url`` (its tokens expanded)
    first, then the pattern of its kind and section, else Hugo's usual URL."""
    custom = page.params.get("url")
    if isinstance(custom, str) and ":" in custom and check(custom) is None:
        expanded = expand(custom, page, sections)
        return urls.page_url(Page(page.key, page.path, {**page.params, "url": expanded}))
    pattern = rules.pattern(page)
    if pattern is None or (isinstance(custom, str) and custom.strip()):
        return urls.page_url(page)
    joined = urls.sanitize("/".join(p for p in expand(pattern, page, sections).split("/") if p))
    return "/" + joined.lower() + "/" if joined else "/"


def section_folders(pages: list[Page]) -> frozenset[str]:
    """Hugo's sections: every folder with an ``_index.md``, and every top-level folder."""
    found = {page.folder for page in pages if page.kind == "section"}
    found.update(page.path.split("/", 1)[0] for page in pages if "/" in page.path)
    return frozenset(found)


class _Facts:
    """What the tokens of one page read, each computed when first asked for."""

    def __init__(self, page: Page, sections: frozenset[str]) -> None:
        self.page = page
        self.folders = sections
        self.date = page.date or ZERO_DATE

    def sections(self) -> list[str]:
        """``CurrentSection().SectionsEntries()``: the path of the nearest section folder."""
        folder = self.page.folder
        if self.page.kind == "bundle":
            folder = folder.rpartition("/")[0]
        while folder and folder not in self.folders:
            folder = folder.rpartition("/")[0]
        return folder.split("/") if folder else []

    def slug(self) -> str:
        slug = self.page.params.get("slug")
        text = slug.strip().strip("-") if isinstance(slug, str) else ""
        return urlize(text)

    def base_name(self, of_section: bool) -> str:
        """The file's name without extension, a bundle's folder name; for ``_index.md`` the
        folder name (``:contentbasename``) or nothing (``:filename``)."""
        name = self.page.path.rpartition("/")[2].rpartition(".")[0] or self.page.path
        if self.page.kind != "page":
            name = self.page.folder.rpartition("/")[2] if of_section or name == "index" else ""
        return urlize(name)


def urlize(text: str) -> str:
    """Hugo's ``urlize`` of a path segment: sanitised and lowercased."""
    return urls.sanitize(text.strip()).lower()


def _slice(items: list[str], part: str) -> list[str]:
    """Go's slice of ``items`` by ``[i]``, ``[i:j]`` or ``[last]``; out of range is empty."""
    match = _SLICE.fullmatch(part)
    assert match is not None
    last, index, start, end = match.groups()
    if last:
        return items[-1:]
    if index is not None:
        position = int(index)
        return [items[position]] if 0 <= position < len(items) else []
    low = int(start) if start else 0
    high = int(end) if end else len(items)
    return items[low:high] if 0 <= low <= high <= len(items) else []


_TOKENS: dict[str, Callable[[_Facts], str]] = {
    "year": lambda f: str(f.date.year),
    "month": lambda f: f"{f.date.month:02d}",
    "monthname": lambda f: golayout.MONTHS[f.date.month - 1],
    "day": lambda f: f"{f.date.day:02d}",
    "weekday": lambda f: str(f.date.isoweekday() % 7),
    "weekdayname": lambda f: golayout.WEEKDAYS[f.date.isoweekday() % 7],
    "yearday": lambda f: str(f.date.timetuple().tm_yday),
    "section": lambda f: f.page.path.split("/", 1)[0] if "/" in f.page.path else "",
    "sections": lambda f: "/".join(f.sections()),
    "title": lambda f: urlize(f.page.title),
    "slug": lambda f: f.slug() or urlize(f.page.title),
    "filename": lambda f: f.base_name(False),
    "slugorfilename": lambda f: f.slug() or f.base_name(False),
    "contentbasename": lambda f: f.base_name(True),
    "slugorcontentbasename": lambda f: f.slug() or f.base_name(True),
}
