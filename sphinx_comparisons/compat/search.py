"""The HTML builders' search index: its file, read and written back, and its stemmer asked
once per word and build instead of once per word and page.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

from sphinx.builders import Builder


def load_search_index(builder: Builder) -> dict[str, Any] | None:
    """The search index in the output folder (this build's, or the last one's before this build
    writes), as data; None when there is none or it cannot be read.

    Relies on: ``searchindex_filename`` and ``indexer_format`` of the HTML builders, the file
    and the serializer Sphinx writes the index with and loads it back from on an incremental
    build, and on the index's ``docnames`` list naming what the search script links to.
    No public API: no event sees the index between its making and its writing.
    Checked against: Sphinx 8.0–9.0, myst-parser 4.0–5.2, sphinx-design 0.6–0.8.
    """
    path = _search_index_file(builder)
    if path is None:
        return None
    try:
        index = cast(Any, builder).indexer_format.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return None
    return index if isinstance(index, dict) else None


def save_search_index(builder: Builder, index: dict[str, Any]) -> None:
    """Write ``index`` back as :func:`load_search_index` read it (same reliance)."""
    path = _search_index_file(builder)
    if path is not None:
        path.write_text(cast(Any, builder).indexer_format.dumps(index), encoding="utf-8")


def _search_index_file(builder: Builder) -> Path | None:
    name = getattr(builder, "searchindex_filename", None)
    if not name or not getattr(builder, "indexer_dumps_unicode", False):
        return None
    return Path(builder.outdir, name)


#: Words whose stems a build remembers at most: a page cannot make the memory grow without end.
STEMS_KEPT = 100_000


def stem_once(builder: Builder) -> None:
    """The builder's search index stems each word once per build, not once per page.

    Sphinx remembers stems only within one page (``IndexBuilder.feed`` wraps ``lang.stem`` in
    a ``functools.cache`` of its own), so every page stems its words again: the largest part
    of indexing a page (snowballstemmer is pure Python). A language's ``stem`` is a function of
    the word alone, so a stem remembered across pages is the same; at most
    :data:`STEMS_KEPT` words are remembered.

    Relies on: ``builder.indexer``, made in ``prepare_writing`` (None without search), and its
    ``lang.stem``, which ``feed`` reads from the instance on each call.
    No public API: the search language is chosen by the builder, with no hook around stemming.
    Checked against: Sphinx 8.0–9.0, myst-parser 4.0–5.2, sphinx-design 0.6–0.8.
    """
    lang = getattr(getattr(builder, "indexer", None), "lang", None)
    if lang is not None and "stem" not in vars(lang):
        lang.stem = _remembered(lang.stem)


def _remembered(stem: Callable[[str], str]) -> Callable[[str], str]:
    stems: dict[str, str] = {}

    def remembered_stem(word: str) -> str:
        found = stems.get(word)
        if found is None:
            found = stem(word)
            if len(stems) < STEMS_KEPT:
                stems[word] = found
        return found

    return remembered_stem
