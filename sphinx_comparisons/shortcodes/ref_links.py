"""The ``ref`` and ``relref`` shortcodes: the URL of the page they name.

``{{< relref "b.md#x" >}}`` becomes ``/docs/b/#x`` (``ref`` adds
``hugo_base_url`` when set), which the link resolver then turns into a real
cross-reference when it is a link target. A reference Hugo would not find is
a located warning and expands to nothing, as Hugo's ``refLinksNotFoundURL``.
"""

from __future__ import annotations

from typing import Any

from sphinx_comparisons.addresses import address_book
from sphinx_comparisons.diagnostics import warn
from sphinx_comparisons.hugo.refs import Found, RefIndex
from sphinx_comparisons.navigation.toctrees import build_pages
from sphinx_comparisons.site import records, sitewide

_INDEX = "hugo_ref_index"


def set_index(env: object, index: RefIndex) -> None:
    sitewide.put(env, _INDEX, index)


def expand_call(env: Any, docname: str, name: str, positional: list[Any], named: dict[str, Any], line: int) -> str:
    """The URL a ``ref``/``relref`` call stands for; "" (and a warning) when Hugo finds no page."""
    reference = named.get("path") if named else positional[0] if len(positional) in (1, 2) else None
    if not isinstance(reference, str):
        warn("ref_not_found", f"{name} needs one path argument", location=(docname, line))
        return ""
    index: RefIndex | None = sitewide.get(env, _INDEX)
    page = build_pages(env).get(docname) if index is not None else None
    if index is None or page is None:
        return ""
    found = index.resolve(reference, page)
    if isinstance(found, str):
        warn("ref_not_found", f'{name} "{reference}": {found}', location=(docname, line))
        return ""
    base = (records.hugo_config(env).base_url or "").rstrip("/") if name == "ref" else ""
    return _url(found, address_book.addresses(env), base)


def _url(found: Found, known: dict[str, address_book.Address], base: str) -> str:
    anchor = f"#{found.fragment}" if found.fragment else ""
    if found.page is None:
        return anchor
    address = known.get(found.page)
    return base + (address.url if address else "/") + anchor
