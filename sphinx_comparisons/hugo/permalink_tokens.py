"""The tokens of a permalink pattern (``:year``, ``:sections[1:]``, ``:slug`` ...) and their values.

Rules from Hugo's ``resources/page/permalinks.go`` (``callback``,
``getOrParsePattern``, ``pageToPermalink*``, ``toSliceFunc``), current Hugo:
``:contentbasename``/``:slugorcontentbasename`` (v0.144), ``:sectionslug``/
``:sectionslugs`` (v0.149), ``\\:`` for a literal colon (v0.136), and slices
that never fail (0.111.3 panicked out of range). Token names are case-sensitive
(``:Year`` is no token, ``:Monday`` a Go date layout).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from urllib.parse import unquote

from sphinx_comparisons.hugo import golayout, urls
from sphinx_comparisons.hugo.content import Page

#: A token: ``:name`` with an optional ``[cut]`` (``attributeRegexp``); ``\\:`` is a colon.
_TOKEN = re.compile(r"\\:|:(\w+)(\[[^\]\n]{1,40}\])?")
#: Longest pattern read (one line of the site config, or a front matter ``url``).
MAX_PATTERN = 1000
#: Go's zero time, the date of a page without one (``time.Time{}``).
ZERO_DATE = dt.datetime(1, 1, 1, tzinfo=dt.UTC)
#: Each section folder (``docs``, ``docs/a``) -> its ``_index.md`` page, None for a top-level
#: folder without one.
Sections = dict[str, Page | None]


def sections_of(pages: list[Page]) -> Sections:
    """Hugo's sections: every folder with an ``_index.md``, and every top-level folder."""
    found: Sections = {page.path.split("/", 1)[0]: None for page in pages if "/" in page.path}
    found.update({page.folder: page for page in pages if page.kind == "section" and page.folder})
    return found


def check(pattern: object) -> str | None:
    """Why a pattern cannot be used (``errPermalinkAttributeUnknown`` ...), or None."""
    if not isinstance(pattern, str):
        return f"pattern {pattern!r:.60} is not a string"
    if len(pattern) > MAX_PATTERN:
        return f"pattern is longer than {MAX_PATTERN} characters"
    for match in _TOKEN.finditer(pattern):
        name = match.group(1)
        if name is not None and _value(name, match.group(2) or "") is None:
            return f"pattern {pattern!r:.80} has the unknown token {match.group(0)[:60]!r}"
    return None


def expand(pattern: str, page: Page, sections: Sections) -> str:
    """The pattern with each token replaced by the page's value (``check`` accepted it)."""
    facts = _Facts(page, sections)

    def value(match: re.Match[str]) -> str:
        name = match.group(1)
        if name is None:
            return ":"
        token = _value(name, match.group(2) or "")
        return token(facts) if token else match.group(0)

    return unquote(_TOKEN.sub(value, pattern))


def urlize(text: str) -> str:
    """Hugo's ``urlize`` of a path segment: sanitised and lowercased."""
    return urls.sanitize(text.strip()).lower()


def _value(name: str, cut: str) -> Callable[[_Facts], str] | None:
    """What a token stands for (``callback``), or None when it is no token."""
    if not cut and name in _TOKENS:
        return _TOKENS[name]
    if cut and name in ("sections", "sectionslugs"):
        slugs = name == "sectionslugs"
        return lambda facts: "/".join(cut_list(facts.section_names(slugs), cut))
    layout = name + cut
    if golayout.is_layout(layout):
        return lambda facts: golayout.format(facts.date, layout)
    return None


def cut_list(items: list[str], cut: str) -> list[str]:
    """Hugo's lenient slice (``toSliceFunc``): ``[i]``, ``[i:j]``, ``[last]``; an index out of
    range gives nothing, an end past it the rest, a word or negative number counts as 0."""
    cut = cut.strip().lower()
    if len(cut) < 3 or cut[0] != "[" or cut[-1] != "]" or not items:
        return []
    parts = cut[1:-1].split(":")
    low = _index(parts[0], items, True)
    if len(parts) == 1:
        return [items[low]] if low >= 0 and items[low] else []
    high = _index(parts[1], items, False)
    return items[low:high] if 0 <= low <= high else []


def _index(text: str, items: list[str], low: bool) -> int:
    if not text:
        return 0 if low else len(items)
    if text == "last":
        return len(items) - 1
    number = max(int(text), 0) if re.fullmatch(r"[+-]?\d{1,9}", text) else 0
    if number >= len(items):
        return -1 if low else len(items)
    return number


class _Facts:
    """What the tokens of one page read."""

    def __init__(self, page: Page, sections: Sections) -> None:
        self.page = page
        self.sections = sections
        self.date = page.date or ZERO_DATE

    def current_section(self) -> str:
        """``CurrentSection()``: the page's own folder for a section, else the nearest section
        folder above it (a bundle's folder is the bundle, not a section)."""
        folder = self.page.folder
        if self.page.kind == "bundle":
            folder = folder.rpartition("/")[0]
        while folder and folder not in self.sections:
            folder = folder.rpartition("/")[0]
        return folder

    def section_names(self, slugs: bool) -> list[str]:
        """The levels of the current section: folder names, or each section's slug or title."""
        folder = self.current_section()
        names = folder.split("/") if folder else []
        if not slugs:
            return names
        chain = ["/".join(names[: end + 1]) for end in range(len(names))]
        return [self._section_slug(path) for path in chain]

    def _section_slug(self, folder: str) -> str:
        section = self.sections.get(folder)
        if section is None:  # a top-level folder without _index.md: Hugo titles it by its name
            return urlize(folder.rpartition("/")[2])
        return _slug(section) or urlize(section.title)

    def first_section_slug(self) -> str:
        names = self.section_names(True)
        return names[0] if names else ""

    def base_name(self, of_section: bool) -> str:
        """The file's name without extension; a bundle's folder name; for ``_index.md`` the
        folder name (``:contentbasename``) or nothing (``:filename``)."""
        name = self.page.path.rpartition("/")[2].rpartition(".")[0] or self.page.path
        if self.page.kind != "page":
            name = self.page.folder.rpartition("/")[2] if of_section or name == "index" else ""
        return urlize(name)


def _slug(page: Page) -> str:
    slug = page.params.get("slug")
    return urlize(slug.strip().strip("-")) if isinstance(slug, str) else ""


_TOKENS: dict[str, Callable[[_Facts], str]] = {
    "year": lambda f: str(f.date.year),
    "month": lambda f: f"{f.date.month:02d}",
    "monthname": lambda f: golayout.MONTHS[f.date.month - 1],
    "day": lambda f: f"{f.date.day:02d}",
    "weekday": lambda f: str(f.date.isoweekday() % 7),
    "weekdayname": lambda f: golayout.WEEKDAYS[f.date.isoweekday() % 7],
    "yearday": lambda f: str(f.date.timetuple().tm_yday),
    "section": lambda f: f.page.path.split("/", 1)[0] if "/" in f.page.path else "",
    "sections": lambda f: "/".join(f.section_names(False)),
    "sectionslug": lambda f: f.first_section_slug(),
    "sectionslugs": lambda f: "/".join(f.section_names(True)),
    "title": lambda f: urlize(f.page.title),
    "slug": lambda f: _slug(f.page) or urlize(f.page.title),
    "filename": lambda f: f.base_name(False),
    "slugorfilename": lambda f: _slug(f.page) or f.base_name(False),
    "contentbasename": lambda f: f.base_name(True),
    "slugorcontentbasename": lambda f: _slug(f.page) or f.base_name(True),
}
