"""The ``ref`` and ``relref`` shortcodes, expanded in the Markdown before MyST reads it.

``{{< relref "b.md#x" >}}`` becomes ``/docs/b/#x`` (``ref`` adds
``hugo_base_url`` when set), which the link resolver then turns into a real
cross-reference when it is a link target. A reference Hugo would not find is
a located warning and expands to nothing, as Hugo's ``refLinksNotFoundURL``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sphinx_comparisons import addresses, site
from sphinx_comparisons.diagnostics import warn
from sphinx_comparisons.hugo.refs import Found, RefIndex

if TYPE_CHECKING:
    from sphinx.application import Sphinx

_SHORTCODE = re.compile(r"\{\{(<|%)\s*(ref|relref)\s+(.*?)\s*(?:>|%)\}\}", re.DOTALL)
_ARGUMENT = re.compile(r'(?:(\w+)\s*=\s*)?(?:"((?:[^"\\]|\\.)*)"|`([^`]*)`|(\S+))')
_INDEX = "hugo_ref_index"


def set_index(env: object, index: RefIndex) -> None:
    setattr(env, _INDEX, index)


def _path_argument(text: str) -> str | None:
    positional: list[str] = []
    named: dict[str, str] = {}
    for match in _ARGUMENT.finditer(text):
        value = match.group(2) if match.group(2) is not None else match.group(3) if match.group(3) is not None else match.group(4)
        value = value.replace('\\"', '"')
        if match.group(1):
            named[match.group(1).lower()] = value
        else:
            positional.append(value)
    if named:
        return named.get("path")
    return positional[0] if len(positional) in (1, 2) else None


def on_source_read(app: Sphinx, docname: str, source: list[str]) -> None:
    env = app.env
    text = source[0]
    if "ref" not in text or not site.is_markdown(env, docname):
        return
    index: RefIndex | None = getattr(env, _INDEX, None)
    fm = site.front_matter(env, docname)
    from sphinx_comparisons.navigation import pages

    page = pages(env).get(docname) if index is not None and fm is not None else None
    if index is None or page is None:
        return
    known = addresses.addresses(env)
    base = (site.hugo_config(env).base_url or "").rstrip("/")

    def expand(match: re.Match[str]) -> str:
        line = text.count("\n", 0, match.start()) + 1
        reference = _path_argument(match.group(3))
        if reference is None:
            warn("ref_not_found", f"{match.group(2)} needs one path argument: {match.group(0)}", location=(docname, line))
            return ""
        found = index.resolve(reference, page)
        if isinstance(found, str):
            warn("ref_not_found", f'{match.group(2)} "{reference}": {found}', location=(docname, line))
            return ""
        return _url(found, known, base if match.group(2) == "ref" else "")

    source[0] = _SHORTCODE.sub(expand, text)


def _url(found: Found, known: dict[str, addresses.Address], base: str) -> str:
    anchor = f"#{found.fragment}" if found.fragment else ""
    if found.page is None:
        return anchor
    address = known.get(found.page)
    return base + (address.url if address else "/") + anchor
