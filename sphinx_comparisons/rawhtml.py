"""Raw HTML in pages follows the site's ``markup.goldmark.renderer.unsafe``, as in Hugo.

Off (Hugo's default), every piece of raw HTML a page brings (its body, the
Markdown of shortcode parameters, a child page's ``description``) becomes
``<!-- raw HTML omitted -->``, as Goldmark writes it, and the page gets one
``hugo.raw_html`` warning (Hugo's ``warning-goldmark-raw-html``). On, it is
kept. ``hugo_unsafe_html`` in conf.py overrides the site config.

Runs after :class:`symbols.IconSymbols`, which turns Font Awesome yes/no icons
into our own symbols first. HTML this extension writes itself is marked
:data:`OWN_HTML`; the few fixed tags MyST makes (a hard break, strikethrough,
a task-list box) are not the page's raw HTML either.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.transforms import SphinxTransform

from sphinx_comparisons import site
from sphinx_comparisons.diagnostics import warn

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment

#: Attribute set on raw nodes holding HTML we wrote (escaped) ourselves.
OWN_HTML = "hugo_own_html"
OMITTED = "<!-- raw HTML omitted -->"

#: The raw HTML MyST itself writes for Markdown syntax (``mdit_to_docutils/base.py``).
_MYST_MARKUP = frozenset(
    {"<br />\n", "<s>", "</s>"}
    | {
        f'<input class="task-list-item-checkbox" {checked}{disabled}type="checkbox">'
        for checked in ("", 'checked="checked" ')
        for disabled in ("", 'disabled="disabled" ')
    }
)


def allowed(env: BuildEnvironment) -> bool:
    """``hugo_unsafe_html`` when set, else the Hugo config's ``markup.goldmark.renderer.unsafe``."""
    chosen = site.hugo_config(env).unsafe_html
    if chosen is not None:
        return chosen
    from sphinx_comparisons.navigation import site_config

    value: Any = site_config(env).values.get("markup")
    for key in ("goldmark", "renderer", "unsafe"):
        value = value.get(key) if isinstance(value, dict) else None
    return value is True


def _is_pages(raw: nodes.raw) -> bool:
    if "html" not in raw.get("format", "").split() or raw.get(OWN_HTML):
        return False
    return raw.astext() not in _MYST_MARKUP


class OmitRawHtml(SphinxTransform):
    """Replace the page's raw HTML by Hugo's ``<!-- raw HTML omitted -->`` unless the site allows it."""

    default_priority = 440  # after IconSymbols (430)

    def apply(self, **kwargs: Any) -> None:
        found = [raw for raw in self.document.findall(nodes.raw) if _is_pages(raw)]
        if not found or allowed(self.env):
            return
        for raw in found:
            raw.replace_self(nodes.raw("", OMITTED + ("\n" if "\n" in raw.astext() else ""), format="html", **{OWN_HTML: True}))
        warn(
            "raw_html",
            f"raw HTML omitted from this page ({len(found)} piece{'s' if len(found) > 1 else ''}), as Hugo does "
            "unless the site sets markup.goldmark.renderer.unsafe (or hugo_unsafe_html) to true",
            location=found[0],
        )
