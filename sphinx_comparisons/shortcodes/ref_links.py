"""The ``ref`` and ``relref`` shortcodes: the URL of the page they name.

``{{< relref "b.md#x" >}}`` becomes ``/docs/b/#x`` (``ref`` adds
``hugo_base_url`` when set), which the link resolver then turns into a real
cross-reference when it is a link target. With ``lang="fr"`` the page is looked
up among that language's pages (``site/translations.py``). A reference Hugo would not find is
a located warning and expands to nothing, as Hugo's ``refLinksNotFoundURL``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sphinx_comparisons.config import settings
from sphinx_comparisons.diagnostics import warn
from sphinx_comparisons.site import state, translations

if TYPE_CHECKING:
    from sphinx_comparisons.hugo.refs import Found


def expand_call(
    env: Any, docname: str, name: str, positional: list[Any], named: dict[str, Any], line: int
) -> str:
    """The URL a ``ref``/``relref`` call stands for; "" (and a warning) when Hugo finds no page."""
    reference = named.get("path") if named else positional[0] if len(positional) in (1, 2) else None
    if not isinstance(reference, str):
        warn("ref_not_found", f"{name} needs one path argument", location=(docname, line))
        return ""
    site = state.model(env)
    page = site.pages.get(docname)
    if page is None:
        return ""
    lang = named.get("lang") if named else None
    if isinstance(lang, str) and lang.strip().lower() != site.language.code:
        url, problem = translations.ref_in(site, lang.strip().lower(), reference, page)
        if url is None:
            warn("ref_not_found", f'{name} "{reference}": {problem}', location=(docname, line))
        return url or ""
    found = site.refs.resolve(reference, page)
    if isinstance(found, str):
        warn("ref_not_found", f'{name} "{reference}": {found}', location=(docname, line))
        return ""
    base = (settings(env.config).base_url or "").rstrip("/") if name == "ref" else ""
    return _url(found, site, base)


def _url(found: Found, site: state.SiteModel, base: str) -> str:
    """The page's URL; a ``render: link`` page's too; "" for a ``render: never`` page (Hugo's
    empty ``RelPermalink``)."""
    anchor = f"#{found.fragment}" if found.fragment else ""
    if found.page is None:
        return anchor
    address = site.addresses.get(found.page)
    if address is None and found.page in site.linked:
        return base + site.linked[found.page] + anchor
    if address is None and found.page in site.unwritten:
        return ""
    return base + (address.url if address else "/") + anchor
