"""Hugo's pagination of a list page (``resources/page/pagination.go``, ``splitPages``;
settings from ``config/allconfig/allconfig.go``, ``Pagination``).

A paginated list's page 1 is the list's own URL, page N >= 2 is ``<url><path>/N/``, and
``<url><path>/1/`` is an alias back to the list (``hugolib/site_render.go``,
``renderPaginator``). Only lists whose template paginates are paged: Docsy's blog list is
one, and the blog sections here are the lists that are.
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sphinx_comparisons.hugo import safeurl
from sphinx_comparisons.hugo.content import Page

DEFAULT_SIZE = 10
DEFAULT_PATH = "page"
#: The most pages one list is split into; a list longer than that keeps its tail on the last.
MAX_PAGES = 10_000


@dataclass(frozen=True, slots=True)
class Pagination:
    size: int = DEFAULT_SIZE
    path: str = DEFAULT_PATH


def _setting(values: Mapping[str, Any], current: str, old: str) -> tuple[Any, str] | None:
    section = values.get("pagination")
    if isinstance(section, dict) and current in section:
        return section[current], f"pagination.{current}"
    if old in values:
        return values[old], old
    return None


def from_config(values: Mapping[str, Any]) -> tuple[Pagination, list[tuple[str, str]]]:
    """The site's pagination (``pagination.pagerSize``, else Hugo 0.111's ``paginate``; the
    path segment ``pagination.path``, else ``paginatePath``), and each problem as
    ``(key, message)``: a size that is no positive whole number, a path that is no plain
    folder name."""
    problems: list[tuple[str, str]] = []
    size, path = DEFAULT_SIZE, DEFAULT_PATH
    found = _setting(values, "pagersize", "paginate")
    if found is not None:
        value, key = found
        if isinstance(value, int) and not isinstance(value, bool) and value > 0:
            size = value
        else:
            problems.append((key, f"{key} must be a whole number above 0, not {value!r}: 10 used"))
    found = _setting(values, "path", "paginatepath")
    if found is not None:
        value, key = found
        if isinstance(value, str) and _plain_segment(value.strip("/")):
            path = value.strip("/")
        else:
            problems.append((key, f"{key} must be a folder name, not {value!r}: 'page' used"))
    return Pagination(size, path), problems


def _plain_segment(text: str) -> bool:
    return (
        bool(text)
        and safeurl.is_path(text)
        and all(part not in {"", ".", ".."} for part in text.split("/"))
        and "\\" not in text
        and len(text) <= 200
    )


def pager_urls(url: str, count: int, pagination: Pagination) -> list[str]:
    """The URL of each of a list's pages for ``count`` entries: the list's own first."""
    pages = max(1, min(MAX_PAGES, -(-count // pagination.size)))
    return [url] + [posixpath.join(url, pagination.path, str(n), "") for n in range(2, pages + 1)]


def first_alias(url: str, pagination: Pagination) -> str:
    """The alias Hugo writes for page 1 of a paginated list."""
    return posixpath.join(url, pagination.path, "1", "")


def split(entries: Sequence[str], pages: int, size: int) -> list[tuple[str, ...]]:
    """``entries`` in ``pages`` slices of ``size``; the last holds the rest."""
    slices = [tuple(entries[i * size : (i + 1) * size]) for i in range(pages - 1)]
    return [*slices, tuple(entries[(pages - 1) * size :])]


def blog_type(page: Page) -> bool:
    """Whether Docsy's blog layout draws the section: its Hugo ``type`` (front matter
    ``type``, else its top-level folder, as ``resources/page/page_paths.go`` types a page)
    is ``blog``."""
    written = page.params.get("type")
    kind = written if isinstance(written, str) and written.strip() else page.path.split("/")[0]
    return kind.strip().lower() == "blog"


def neighbours(regular: Sequence[str]) -> dict[str, tuple[str | None, str | None]]:
    """Each page's ``(.PrevInSection, .NextInSection)`` in a section's regular pages in
    default order (newest first): previous is the older page below it, next the newer above
    (checked with the oracle)."""
    return {
        key: (
            regular[i + 1] if i + 1 < len(regular) else None,
            regular[i - 1] if i > 0 else None,
        )
        for i, key in enumerate(regular)
    }
