"""A home page for a tree without one: Hugo makes it, Sphinx needs its file.

Hugo builds a home page at ``/`` even when there is no ``content/_index.md``,
titled with the site's ``title`` and listing the top-level sections. Sphinx
stops without a root document. So when the source folder has no root page at
all (no ``index`` page of any suffix, no ``_index.md``) we write the
``_index.md`` Hugo implies, as autosummary writes its stub pages: a file the
user may keep, edit or commit, and which Hugo reads the same way.
"""

from __future__ import annotations

import json
from pathlib import Path

from sphinx.util import logging

from sphinx_comparisons.diagnostics import warn

logger = logging.getLogger(__name__)

HOME = "_index.md"


def root_page(srcdir: Path, suffixes: list[str]) -> str | None:
    """The root document the folder has: ``index`` (a Sphinx tree, which wins), ``_index`` (Hugo's home), or None."""
    if any((srcdir / f"index{suffix}").exists() for suffix in [*suffixes, ".md"]):
        return "index"
    return "_index" if (srcdir / HOME).is_file() else None


def text(title: str) -> str:
    """The home page Hugo makes: the site's title, no body (so it lists the sections)."""
    return (
        "---\n"
        "# Written by sphinx-comparisons: Hugo makes this home page when the content has none,\n"
        "# Sphinx needs its file. Keep it, edit it or commit it.\n"
        f"title: {json.dumps(title, ensure_ascii=False)}\n"
        "---\n"
    )


def write(srcdir: Path, title: str) -> bool:
    path = srcdir / HOME
    try:
        with open(path, "x", encoding="utf-8") as handle:  # never over a file that appeared meanwhile
            handle.write(text(title))
    except FileExistsError:
        return path.is_file()
    except OSError as error:
        warn("home", f"the content has no home page and {path} could not be written ({error.strerror}); Sphinx needs one")
        return False
    logger.info("hugo: wrote %s, the home page Hugo makes when the content has none (Sphinx needs its file)", path)
    return True
