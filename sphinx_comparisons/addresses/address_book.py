"""Every page at the address Hugo gives it, under the html and dirhtml builders.

Sphinx derives output paths from docnames (``x/_index`` -> ``x/_index/``).
The builder links to and writes each page at its Hugo URL
(``compat.sphinx.route_pages``), so every link, toctree, search result and
canonical URL Sphinx makes follows it; pages Hugo does not know keep Sphinx's paths.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

from sphinx_comparisons import compat
from sphinx_comparisons.hugo import outputs, urls
from sphinx_comparisons.site import state
from sphinx_comparisons.site.addresses import style

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def install(app: Sphinx) -> None:
    """``builder-inited``: route the builder's paths through the Hugo URLs."""
    builder = app.builder
    pretty = style(builder)
    if pretty is None:
        return
    cache: dict[str, str] = {}
    cached_for: list[object] = [None]

    def uri_of(docname: str) -> str | None:
        known = state.model(app.env).addresses
        if cached_for[0] is not known:  # a new build computed new addresses
            cache.clear()
            cached_for[0] = known
        uri = cache.get(docname)
        if uri is None:
            address = known.get(docname) or state.model(app.env).generated.get(docname)
            if address is None:
                return None
            target = urls.output_target(address.url, address.kind, pretty)[0]
            uri = cache[docname] = quote(target, safe="/~@+%")
        return uri

    def file_of(pagename: str) -> Path | None:
        site = state.model(app.env)
        address = site.addresses.get(pagename) or site.generated.get(pagename)
        if address is None:
            return None
        target = urls.output_target(address.url, address.kind, pretty)[1]
        return outputs.place(Path(builder.outdir), target)

    compat.sphinx.route_pages(builder, uri_of, file_of)


PAGES_MANIFEST = ".sphinx-comparisons-pages.json"


def remove_stale_pages(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: delete the output of pages that are gone or moved since the last build.

    Sphinx leaves such files behind; a site that matches a fresh build must not
    serve them. Only files this extension placed (listed in a manifest) are removed.
    """
    pretty = style(app.builder)
    if exception is not None or pretty is None:
        return
    site = state.model(app.env)
    current = {
        urls.output_target(a.url, a.kind, pretty)[1]
        for a in [*site.addresses.values(), *site.generated.values()]
    }
    outputs.sweep(Path(app.outdir), PAGES_MANIFEST, current)
