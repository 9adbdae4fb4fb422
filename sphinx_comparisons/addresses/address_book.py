"""Every page at the address Hugo gives it, under the html and dirhtml builders.

Sphinx derives output paths from docnames (``x/_index`` -> ``x/_index/``).
The builder's own ``get_target_uri`` and ``get_outfilename`` are wrapped, so
every link, toctree, search result and canonical URL Sphinx makes follows
the Hugo URL; pages Hugo does not know keep Sphinx's paths.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from sphinx_comparisons.hugo import outputs, urls
from sphinx_comparisons.site import state
from sphinx_comparisons.site.addresses import style

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder


def install(app: Sphinx) -> None:
    """``builder-inited``: route the builder's paths through the Hugo URLs."""
    builder = app.builder
    pretty = style(builder)
    if pretty is None:
        return
    original_uri = builder.get_target_uri
    cache: dict[str, str] = {}
    cached_for: list[object] = [None]

    def get_target_uri(docname: str, typ: str | None = None) -> str:
        known = state.model(app.env).addresses
        if cached_for[0] is not known:  # a new build computed new addresses
            cache.clear()
            cached_for[0] = known
        uri = cache.get(docname)
        if uri is None:
            address = known.get(docname)
            if address is None:
                return original_uri(docname, typ)
            uri = cache[docname] = quote(urls.output_target(address.url, address.kind, pretty)[0], safe="/~@+%")
        return uri

    builder.get_target_uri = get_target_uri  # type: ignore[method-assign]
    # Sphinx 9 asks get_output_path (a Path); Sphinx 8 asks get_outfilename (a str).
    for name, kind in (("get_output_path", Path), ("get_outfilename", str)):
        original = getattr(builder, name, None)
        if original is not None:
            setattr(builder, name, _output_file(app, builder, original, pretty, kind))


def _output_file(app: Sphinx, builder: Builder, original: Any, pretty: bool, kind: type) -> Any:
    def output_file(pagename: str) -> Any:
        address = state.model(app.env).addresses.get(pagename)
        if address is None:
            return original(pagename)
        target = urls.output_target(address.url, address.kind, pretty)[1]
        return kind(outputs.place(Path(builder.outdir), target))

    return output_file


PAGES_MANIFEST = ".sphinx-comparisons-pages.json"


def remove_stale_pages(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: delete the output of pages that are gone or moved since the last build.

    Sphinx leaves such files behind; a site that matches a fresh build must not
    serve them. Only files this extension placed (listed in a manifest) are removed.
    """
    pretty = style(app.builder)
    if exception is not None or pretty is None:
        return
    current = {urls.output_target(a.url, a.kind, pretty)[1] for a in state.model(app.env).addresses.values()}
    outputs.sweep(Path(app.outdir), PAGES_MANIFEST, current)


_INDEX = re.compile(r"^(Search\.setIndex\()(.*)(\))\s*$", re.DOTALL)


SEARCH_MANIFEST = ".sphinx-comparisons-search.json"


def _search_index(app: Sphinx) -> tuple[Path, re.Match[str]] | None:
    path = Path(app.outdir, "searchindex.js")
    try:
        match = _INDEX.match(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return None
    return (path, match) if match is not None else None


def _write_index(path: Path, match: re.Match[str], index: dict[str, Any]) -> None:
    path.write_text(match.group(1) + json.dumps(index, separators=(",", ":")) + match.group(3), encoding="utf-8")


def fix_search_index(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: search results link by docname; give them the Hugo paths.

    Sphinx's search script turns a docname into ``docname/`` (dirhtml) or
    ``docname.html``; each remapped docname becomes what yields the Hugo URL.
    The docnames themselves are kept beside the index, for
    :func:`restore_search_index`.
    """
    pretty = style(app.builder)
    found = _search_index(app) if exception is None and pretty is not None else None
    if found is None or pretty is None:
        return
    path, match = found
    index: dict[str, Any] = json.loads(match.group(2))
    docnames = list(index.get("docnames", []))
    known = state.model(app.env).addresses
    for position, docname in enumerate(docnames):
        address = known.get(docname)
        if address is None:
            continue
        target = urls.output_target(address.url, address.kind, pretty)[0]
        index["docnames"][position] = (target.strip("/") or "index") if pretty else target.removesuffix(".html")
    _write_index(path, match, index)
    Path(app.outdir, SEARCH_MANIFEST).write_text(json.dumps(docnames), encoding="utf-8")


def restore_search_index(app: Sphinx) -> None:
    """``builder-inited``: put the docnames back into the last build's search index.

    An incremental build loads that index to keep the entries of the pages it
    does not write, and drops every entry whose docname it does not know: with
    the Hugo paths in it, every unchanged page left the search (and a build
    that wrote no page stopped with an empty index).
    """
    found = _search_index(app) if style(app.builder) is not None else None
    if found is None:
        return
    path, match = found
    try:
        docnames = json.loads(Path(app.outdir, SEARCH_MANIFEST).read_text(encoding="utf-8"))
        index = json.loads(match.group(2))
    except (OSError, ValueError):
        return
    if isinstance(docnames, list) and isinstance(index, dict) and len(docnames) == len(index.get("docnames", [])):
        index["docnames"] = docnames
        _write_index(path, match, index)
