"""A page's four dates and the site's ``[frontmatter]`` rules for them.

Hugo's ``resources/page/pagemeta/page_frontmatter.go`` (``FrontMatterHandler``): each of
``date``, ``publishDate``, ``lastmod`` and ``expiryDate`` is the first value its list of
handlers finds. A handler is a front matter key (``pubdate`` ...), ``:filename`` (a
``2019-03-04-name.md`` file's date, which also makes ``name`` the page's slug),
``:fileModTime`` (the file's modification time), ``:git`` (the last commit's author date,
with ``enableGitInfo``) or ``:default`` (the field's default list, at that place).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any

#: Each field's default handlers (``page_frontmatter.go``, ``defaultDateConfig``).
DEFAULTS: dict[str, tuple[str, ...]] = {
    "date": ("date", "publishdate", "pubdate", "published", "lastmod", "modified"),
    "publishdate": ("publishdate", "pubdate", "published", "date"),
    "lastmod": (":git", "lastmod", "modified", "date", "publishdate", "pubdate", "published"),
    "expirydate": ("expirydate", "unpublishdate"),
}
#: The ``[frontmatter]`` keys, as the config writes them.
FIELD_NAMES = {"date": "date", "publishdate": "publishDate", "lastmod": "lastmod"}
FIELD_NAMES["expirydate"] = "expiryDate"
_SPECIAL = {":filename", ":filemodtime", ":git", ":default"}
_FILENAME_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:-(.*))?$")


@dataclass(frozen=True, slots=True)
class Rules:
    """The site's handlers for each date field (lower-cased), and what in the config was
    refused (key, message)."""

    handlers: dict[str, tuple[str, ...]] = field(default_factory=lambda: dict(DEFAULTS))
    problems: tuple[tuple[str, str], ...] = ()

    @property
    def uses_git(self) -> bool:
        return any(":git" in names for names in self.handlers.values())

    @property
    def uses_mtime(self) -> bool:
        return any(":filemodtime" in names for names in self.handlers.values())


def rules(frontmatter: Any) -> Rules:
    """The site config's ``[frontmatter]`` table (None: Hugo's defaults)."""
    handlers = dict(DEFAULTS)
    problems: list[tuple[str, str]] = []
    if frontmatter is None:
        return Rules(handlers)
    if not isinstance(frontmatter, Mapping):
        return Rules(handlers, (("frontmatter", "is not a table; Hugo's date rules are used"),))
    for key, value in frontmatter.items():
        name = str(key).lower()
        if name not in DEFAULTS:
            problems.append((f"frontmatter.{key}", "is no date field Hugo knows; ignored"))
            continue
        listed = [value] if isinstance(value, str) else value
        if not isinstance(listed, list) or not all(isinstance(v, str) for v in listed):
            problems.append((f"frontmatter.{key}", "is not a list of strings; the default is used"))
            continue
        expanded: list[str] = []
        for handler in (v.strip().lower() for v in listed):
            expanded.extend(DEFAULTS[name] if handler == ":default" else (handler,))
        handlers[name] = tuple(expanded)
    return Rules(handlers, tuple(problems))


def as_datetime(value: Any) -> dt.datetime | None:
    """A front matter value as an aware datetime (UTC when it names no zone), else None."""
    if isinstance(value, dt.datetime):
        return value if value.tzinfo else value.replace(tzinfo=dt.UTC)
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day, tzinfo=dt.UTC)
    if isinstance(value, str):
        try:
            return as_datetime(dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00")))  # noqa: FURB162 (without it "2024-01-02Z" is refused)
        except ValueError:
            return None
    return None


def first(params: Mapping[str, Any], keys: tuple[str, ...]) -> dt.datetime | None:
    """The first of ``keys`` in ``params`` that holds a date."""
    for key in keys:
        value = as_datetime(params.get(key))
        if value is not None:
            return value
    return None


def from_filename(path: str) -> tuple[dt.datetime, str] | None:
    """The date and slug a ``2019-03-04-name.md`` file (or bundle folder) names, else None
    (``dateAndSlugFromBaseFilename``)."""
    pure = PurePosixPath(path)
    name = pure.parent.name if pure.stem in ("index", "_index") else pure.stem
    matched = _FILENAME_DATE.match(name)
    if matched is None:
        return None
    try:
        day = dt.date.fromisoformat(matched.group(1))
    except ValueError:
        return None
    stamp = dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)
    return stamp, (matched.group(2) or "").strip("-")


@dataclass(frozen=True, slots=True)
class FileFacts:
    """What the handlers that read the file itself need: its path under the content root,
    its modification time and its last commit's author date (None: not known)."""

    path: str
    mtime: dt.datetime | None = None
    git: dt.datetime | None = None


def apply(params: Mapping[str, Any], facts: FileFacts, site: Rules) -> dict[str, Any]:
    """``params`` with each date field set as the rules find it (``date``, ``publishdate``,
    ``lastmod``, ``expirydate``), and the slug ``:filename`` gives when the page sets none.

    Every reader of a page's dates (``content.py``) then finds the rule's answer first.
    """
    out = dict(params)
    for name, handlers in site.handlers.items():
        found = None
        for handler in handlers:
            found = _handle(handler, params, facts, out)
            if found is not None:
                break
        if found is not None:
            out[name] = found
    return out


def _handle(
    handler: str, params: Mapping[str, Any], facts: FileFacts, out: dict[str, Any]
) -> dt.datetime | None:
    if handler == ":filename":
        named = from_filename(facts.path)
        if named is None:
            return None
        if named[1] and "slug" not in out:
            out["slug"] = named[1]
        return named[0]
    if handler == ":filemodtime":
        return facts.mtime
    if handler == ":git":
        return facts.git
    if handler in _SPECIAL:
        return None
    return as_datetime(params.get(handler))


def lastmod(params: Mapping[str, Any]) -> dt.datetime | None:
    """Hugo's ``.Lastmod`` once :func:`apply` has run: its answer is in ``lastmod`` (zero when
    no handler found one; v0.111.3 does not fall back to ``.Date``, the oracle shows)."""
    return as_datetime(params.get("lastmod"))
