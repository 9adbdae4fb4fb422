"""Docsy's smaller shortcodes: blocks/link-down, conditional-text, swaggerui and redoc, and
td/site-build-info/netlify (Docsy's ``layouts/_shortcodes``)."""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.transforms import SphinxTransform

from sphinx_comparisons import pipeline
from sphinx_comparisons.hugo import safeurl
from sphinx_comparisons.shortcodes.calls import Call
from sphinx_comparisons.shortcodes.markup import markdown_target
from sphinx_comparisons.site import state

#: Attribute of a link-down link that leads to the block after its own.
LINK_DOWN = "hugo_link_down"


def link_down(call: Call) -> list[nodes.Node]:
    """A "read more" link down to the next block (``id`` names another target)."""
    if not isinstance(call.named.get("_parent"), dict):
        call.warn("shortcode_params", f"{call.name} must be nested inside another shortcode")
        return []
    wanted = str(call.arg("id") or "")
    if wanted and not safeurl.safe_id(wanted):
        call.warn("shortcode_params", f"{call.name}: id {wanted!r} is not a valid id; ignored")
        wanted = ""
    color = str(call.arg("color") or "blue")
    link = nodes.reference("", "Read more", refuri=f"#{wanted}", classes=["hugo-link-down"])
    if not wanted:
        link[LINK_DOWN] = True
    # a text element around the link: a lone role's paragraph may be dropped, as Hugo drops <p>
    return [nodes.inline("", "", link, classes=[f"text-{color}"])]


class LinkDownTargets(SphinxTransform):
    """Each link-down link leads to the block after the one holding it, as Docsy's does."""

    default_priority = pipeline.LIFT_BLOCKS + 1

    def apply(self, **kwargs: Any) -> None:
        blocks = [
            node
            for node in self.document.findall(nodes.container)
            if "hugo-block" in node["classes"]
        ]
        for link in list(self.document.findall(nodes.reference)):
            if not link.get(LINK_DOWN):
                continue
            holder = next((b for b in blocks if link in b.findall(nodes.reference)), None)
            after = blocks[blocks.index(holder) + 1 :] if holder is not None else []
            following = next((b for b in after if holder not in _ancestors(b)), None)
            if following is None:
                link.replace_self(nodes.inline("", "", *link.children))
                continue
            if not following["ids"]:
                self.document.set_id(following)
            link["refuri"] = f"#{following['ids'][0]}"


def _ancestors(node: nodes.Element) -> list[nodes.Element]:
    found = []
    parent = node.parent
    while parent is not None:
        found.append(parent)
        parent = parent.parent
    return found


def conditional_text(call: Call) -> list[nodes.Node]:
    """Docsy's conditional-text: the inner content shown or left out by the site's
    ``params.buildCondition`` (a substring match, as Docsy's template tests it). With no
    ``buildCondition`` Docsy's template prints nothing, and neither does this."""
    params = state.model(call.env).site_config.values.get("params", {})
    found = {str(k).lower(): v for k, v in params.items()} if isinstance(params, dict) else {}
    condition = str(found.get("buildcondition") or "").lower()
    include = str(call.arg("include-if") or "").lower()
    exclude = str(call.arg("exclude-if") or "").lower()
    if condition and condition in include and condition in exclude:
        call.warn(
            "shortcode_params",
            f"{call.name}: build condition {condition!r} is in both include-if and exclude-if",
        )
    if not condition or not call.inner:
        return []
    if "include-if" in call.named:
        shown = condition in include
    else:
        shown = "exclude-if" in call.named and condition not in exclude
    if not shown:
        return []
    return call.markdown() if call.block else call.inline_markdown(call.inner)


def openapi(call: Call) -> list[nodes.Node]:
    """Docsy's swaggerui and redoc: a link to the OpenAPI spec file (the interactive viewer
    needs JavaScript from a CDN); a site path is resolved as any link, static files included."""
    spec = str(call.arg("src", 0, "") if call.name == "swaggerui" else call.get(0, "")).strip()
    if not spec:
        call.warn("shortcode_params", f"{call.name}: the OpenAPI spec file is missing")
        return []
    reason = safeurl.refusal(spec)
    if reason is not None:
        call.warn("link_scheme", f"{call.name}: spec {spec!r} {reason}; it is not linked")
        return []
    name = spec.rstrip("/").rsplit("/", 1)[-1] or spec
    label = name.replace("[", "\\[").replace("]", "\\]")
    text = f"API reference (OpenAPI): [{label}]({markdown_target(safeurl.clean(spec))})"
    return [nodes.inline("", "", *call.inline_markdown(text), classes=["hugo-openapi"])]


def netlify_build_info(call: Call) -> list[nodes.Node]:
    """Docsy's td/site-build-info/netlify as a local build prints it, as one line of text: not
    built by Netlify, deploy context ``local``.

    Netlify's variables describe a deploy, not the source: a build here has none to show.
    """
    if not call.arg("team", 0):
        call.warn("shortcode_params", f"{call.name}: parameter 0 ('team') is missing")
    text = "Netlify build information: not built by Netlify (deploy context: local)."
    return [nodes.inline(text, text, classes=["hugo-build-info"])]
