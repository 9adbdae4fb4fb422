"""Hugo's ``ref``/``relref`` page lookup (``hugolib/page_collections.go``, ``getPageRef``)."""

from __future__ import annotations

import posixpath
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import PurePosixPath

from sphinx_comparisons.hugo.content import Page, logical_key, logical_path, path_index


@dataclass(frozen=True, slots=True)
class Found:
    #: The page's key; ``""`` for a home page without a file; None for a bare ``#fragment``.
    page: str | None
    fragment: str


class RefIndex:
    """Listed pages by logical path and by base name, both without case."""

    def __init__(self, pages: Iterable[Page]) -> None:
        pages = [page for page in pages if page.listed]
        self.by_path = {logical: page.key for logical, page in path_index(pages).items()}
        self.by_name: dict[str, list[str]] = defaultdict(list)
        for page in pages:
            logical = logical_path(page).lower()
            if logical:
                self.by_name[PurePosixPath(logical).name].append(page.key)

    def resolve(self, ref: str, page: Page) -> Found | str:
        """The page ``ref`` names from ``page``, or why it names none (Hugo's REF_NOT_FOUND)."""
        path, _, fragment = ref.strip().partition("#")
        path = path.split("?", 1)[0]
        if not path and fragment:
            return Found(None, fragment)
        if path in ("", "/"):
            return Found(self.by_path.get("", ""), fragment)
        stripped = path.rstrip("/")
        suffix = PurePosixPath(stripped).suffix
        bare = stripped[: -len(suffix)] if suffix else stripped
        if not stripped.startswith("/"):
            base = self._base(page, stripped, bool(suffix))
            found = self.by_path.get(logical_key(posixpath.join(base, bare)))
            if found is not None:
                return Found(found, fragment)
            if stripped.startswith("."):
                return "page not found"
        found = self.by_path.get(logical_key(bare))
        if found is not None:
            return Found(found, fragment)
        if "/" not in ref.split("#", 1)[0]:
            named = self.by_name.get(PurePosixPath(bare).name.lower(), [])
            if len(named) == 1:
                return Found(named[0], fragment)
            if len(named) > 1:
                return f"page reference {ref!r} is ambiguous"
        return "page not found"

    @staticmethod
    def _base(page: Page, path: str, has_suffix: bool) -> str:
        own_folder = page.folder
        if has_suffix and path.startswith("../"):
            return own_folder
        if page.kind == "bundle":
            return posixpath.dirname(own_folder)
        return own_folder
