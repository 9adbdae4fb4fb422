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

from sphinx_comparisons import compat, pipeline
from sphinx_comparisons.config import settings
from sphinx_comparisons.diagnostics import warn
from sphinx_comparisons.site import state

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment

#: Attribute set on raw nodes holding HTML we wrote (escaped) ourselves.
OWN_HTML = "hugo_own_html"
OMITTED = "<!-- raw HTML omitted -->"


def allowed(env: BuildEnvironment) -> bool:
    """``hugo_unsafe_html`` when set, else the Hugo config's ``markup.goldmark.renderer.unsafe``."""
    chosen = settings(env.config).unsafe_html
    if chosen is not None:
        return chosen
    return state.model(env).site_config.get("markup.goldmark.renderer.unsafe") is True


def _is_pages(node: nodes.Element) -> bool:
    """The page's own raw HTML, or an ``http-equiv`` meta tag (``refresh`` redirects every
    visitor)."""
    if isinstance(node, nodes.meta):
        return "http-equiv" in node.attributes
    if (
        not isinstance(node, nodes.raw)
        or "html" not in node.get("format", "").split()
        or node.get(OWN_HTML)
    ):
        return False
    return not compat.myst.is_myst_markup(node.astext())


class OmitRawHtml(SphinxTransform):
    """Replace the page's raw HTML by Hugo's ``<!-- raw HTML omitted -->`` unless the site
    allows it."""

    default_priority = pipeline.RAW_HTML

    def apply(self, **kwargs: Any) -> None:
        found = [node for node in self.document.findall(nodes.Element) if _is_pages(node)]
        if not found or allowed(self.env):
            return
        for node in found:
            if isinstance(node, nodes.meta):
                node.parent.remove(node)  # a head tag: nothing to leave in the body
            else:
                node.replace_self(
                    nodes.raw(
                        "",
                        OMITTED + ("\n" if "\n" in node.astext() else ""),
                        format="html",
                        **{OWN_HTML: True},
                    )
                )
        warn(
            "raw_html",
            f"raw HTML omitted from this page ({len(found)} "
            f"piece{'s' if len(found) > 1 else ''}), as Hugo does "
            "unless the site sets markup.goldmark.renderer.unsafe (or hugo_unsafe_html) to true",
            location=found[0],
        )
