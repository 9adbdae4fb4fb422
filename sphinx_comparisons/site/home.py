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
from typing import TYPE_CHECKING

from sphinx.util import logging

from sphinx_comparisons import compat
from sphinx_comparisons.config import settings
from sphinx_comparisons.diagnostics import warn
from sphinx_comparisons.hugo import siteconfig
from sphinx_comparisons.site import language

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

logger = logging.getLogger(__name__)

HOME = "_index.md"


def root_page(srcdir: Path, suffixes: list[str]) -> str | None:
    """The root document the folder has: ``index`` (a Sphinx tree, which wins), ``_index``
    (Hugo's home, ``_index.md`` or ``_index.html``), or None. A top ``index.html`` is a page
    Hugo renders at ``/``, not a Sphinx root."""
    suffixes = [*suffixes, ".md"]
    if any((srcdir / f"index{suffix}").exists() for suffix in suffixes if suffix != ".html"):
        return "index"
    return "_index" if any((srcdir / f"_index{s}").is_file() for s in suffixes) else None


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
        with open(
            path, "x", encoding="utf-8"
        ) as handle:  # never over a file that appeared meanwhile
            handle.write(text(title))
    except FileExistsError:
        return path.is_file()
    except OSError as error:
        warn(
            "home",
            f"the content has no home page and {path} could not be written "
            f"({error.strerror}); Sphinx needs one",
        )
        return False
    logger.info(
        "hugo: wrote %s, the home page Hugo makes when the content has none "
        "(Sphinx needs its file)",
        path,
    )
    return True


def choose_root(app: Sphinx, conf: Config) -> None:
    """Hugo's home page ``_index.md`` (written when missing) is the root document when there is
    no ``index`` page and conf.py names no root."""
    if not _root_doc_is_default(conf):
        return
    srcdir = Path(app.srcdir)
    suffixes = list(conf.source_suffix) if conf.source_suffix else [".rst", ".md"]
    root = root_page(srcdir, suffixes)
    built = language.of_build(srcdir, conf)
    own = f"_index.{built.language.code}" if built is not None else ""
    if root == "_index" and built is not None and (srcdir / f"{own}.md").is_file():
        conf.root_doc = conf.master_doc = own  # a site that marks languages by file name
        return
    if root is None:
        hugo_site = siteconfig.load(siteconfig.find(settings(conf).config, srcdir))
        if write(srcdir, str(hugo_site.values.get("title") or "Home")):
            root = "_index"
    if root == "_index":
        conf.root_doc = conf.master_doc = "_index"


def _root_doc_is_default(conf: Config) -> bool:
    chosen = compat.sphinx.given_in_conf(conf, ("root_doc", "master_doc"))
    return not chosen and conf.root_doc == "index"
