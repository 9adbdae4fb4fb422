"""The search index: its results link to Hugo's URLs, an incremental build keeps the entries
of the pages it does not write, and each word is stemmed once per build.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from docutils import nodes

from sphinx_comparisons import compat
from sphinx_comparisons.hugo import urls
from sphinx_comparisons.site import state
from sphinx_comparisons.site.addresses import style

if TYPE_CHECKING:
    from sphinx.application import Sphinx

SEARCH_MANIFEST = ".sphinx-comparisons-search.json"


def fix_search_index(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: search results link by docname; give them the Hugo paths.

    Sphinx's search script turns a docname into ``docname/`` (dirhtml) or
    ``docname.html``; each remapped docname becomes what yields the Hugo URL.
    The docnames themselves are kept beside the index, for
    :func:`restore_search_index`.
    """
    pretty = style(app.builder)
    if exception is not None or pretty is None:
        return
    index = compat.search.load_search_index(app.builder)
    if index is None:
        return
    docnames = list(index.get("docnames", []))
    known = state.model(app.env).addresses
    for position, docname in enumerate(docnames):
        address = known.get(docname)
        if address is None:
            continue
        target = urls.output_target(address.url, address.kind, pretty)[0]
        index["docnames"][position] = (
            (target.strip("/") or "index") if pretty else target.removesuffix(".html")
        )
    compat.search.save_search_index(app.builder, index)
    Path(app.outdir, SEARCH_MANIFEST).write_text(json.dumps(docnames), encoding="utf-8")


def restore_search_index(app: Sphinx) -> None:
    """``builder-inited``: put the docnames back into the last build's search index.

    An incremental build loads that index to keep the entries of the pages it
    does not write, and drops every entry whose docname it does not know: with
    the Hugo paths in it, every unchanged page left the search (and a build
    that wrote no page stopped with an empty index).
    """
    index = compat.search.load_search_index(app.builder) if style(app.builder) is not None else None
    if index is None:
        return
    try:
        docnames = json.loads(Path(app.outdir, SEARCH_MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return
    if isinstance(docnames, list) and len(docnames) == len(index.get("docnames", [])):
        index["docnames"] = docnames
        compat.search.save_search_index(app.builder, index)


def stem_words_once(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``, before the page is indexed: the index remembers each word's stem
    for the rest of the build (``compat.search.stem_once``), where Sphinx stems every page's
    words again; at 2,000 pages that was the largest part of indexing them."""
    compat.search.stem_once(app.builder)
