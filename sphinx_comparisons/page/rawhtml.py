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

from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from docutils.parsers.rst.directives import misc
from sphinx.transforms import SphinxTransform

from sphinx_comparisons import pipeline
from sphinx_comparisons.diagnostics import warn
from sphinx_comparisons.site import records

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
    chosen = records.hugo_config(env).unsafe_html
    if chosen is not None:
        return chosen
    from sphinx_comparisons.navigation.toctrees import site_config

    return site_config(env).get("markup.goldmark.renderer.unsafe") is True


def _is_pages(node: nodes.Element) -> bool:
    """The page's own raw HTML, or an ``http-equiv`` meta tag (``refresh`` redirects every visitor)."""
    if isinstance(node, nodes.meta):
        return "http-equiv" in node.attributes
    if not isinstance(node, nodes.raw) or "html" not in node.get("format", "").split() or node.get(OWN_HTML):
        return False
    return node.astext() not in _MYST_MARKUP


class OmitRawHtml(SphinxTransform):
    """Replace the page's raw HTML by Hugo's ``<!-- raw HTML omitted -->`` unless the site allows it."""

    default_priority = pipeline.RAW_HTML

    def apply(self, **kwargs: Any) -> None:
        found = [node for node in self.document.findall(nodes.Element) if _is_pages(node)]
        if not found or allowed(self.env):
            return
        for node in found:
            if isinstance(node, nodes.meta):
                node.parent.remove(node)  # a head tag: nothing to leave in the body
            else:
                node.replace_self(nodes.raw("", OMITTED + ("\n" if "\n" in node.astext() else ""), format="html", **{OWN_HTML: True}))
        warn(
            "raw_html",
            f"raw HTML omitted from this page ({len(found)} piece{'s' if len(found) > 1 else ''}), as Hugo does "
            "unless the site sets markup.goldmark.renderer.unsafe (or hugo_unsafe_html) to true",
            location=found[0],
        )


class MetaBody(misc.MetaBody):
    """docutils' ``meta`` fields, each tag given its file and line (docutils leaves them unlocated).

    Named as docutils' state, since :class:`LocatedMeta` starts it by that name.
    """

    def parsemeta(self, match: Any) -> Any:
        source, line = self.state_machine.get_source_and_line()
        node, blank_finish = super().parsemeta(match)
        if isinstance(node, nodes.meta):
            node.source, node.line = source, line
        return node, blank_finish


class LocatedMeta(misc.Meta):
    """The ``meta`` directive, with located tags, so an omitted ``http-equiv`` is reported at its line."""

    SMkwargs: ClassVar[dict[str, Any]] = {"state_classes": (MetaBody,)}
