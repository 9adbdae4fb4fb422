"""A page's translations in its HTML: ``<link rel="alternate" hreflang>`` tags in the head,
``hugo_translations`` for templates, and a language switcher at the top of the body.

The switcher is added to the page body (``body`` in the template context),
which every theme renders, so it needs no template of its own; it lists only
the languages the page exists in. A page without translations gets none of it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sphinx_comparisons.hugo import safeurl
from sphinx_comparisons.site import state

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx

    from sphinx_comparisons.hugo.translations import Translation


def on_page_context(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    """``html-page-context``: the page's translations in its head, context and body."""
    site = state.model(app.env)
    versions = site.translated.of_page.get(pagename)
    if not versions or doctree is None:
        return
    current = site.language.code
    context["hugo_translations"] = [
        {"code": v.code, "name": v.name, "url": v.url, "current": v.code == current}
        for v in versions
    ]
    context["metatags"] = context.get("metatags", "") + "".join(
        f'\n    <link rel="alternate" hreflang="{safeurl.attribute(v.locale)}" '
        f'href="{safeurl.attribute(v.url)}" />'
        for v in versions
        if safeurl.refusal(v.url) is None
    )
    context["body"] = switcher(versions, current) + context.get("body", "")


def switcher(versions: tuple[Translation, ...], current: str) -> str:
    """The language switcher: a link to each other language's version, the current one named."""
    items = []
    for version in versions:
        name = safeurl.attribute(version.name)
        lang = safeurl.attribute(version.locale)
        if version.code == current:
            items.append(f'<li><span aria-current="page" lang="{lang}">{name}</span></li>')
        elif safeurl.refusal(version.url) is None:
            href = safeurl.attribute(version.url)
            items.append(
                f'<li><a href="{href}" hreflang="{lang}" lang="{lang}" rel="alternate">'
                f"{name}</a></li>"
            )
    return (
        f'<nav class="hugo-translations" aria-label="Languages"><ul>{"".join(items)}</ul></nav>\n'
    )
