"""Which shortcodes are served: Hugo's built-ins, Docsy's and YugabyteDB's common ones, and a site's
own (``hugo_shortcodes``).

Each name has a kind (text, block, inline, drop: see ``expand.py``) and, unless it is text or drop,
a handler that turns a :class:`~sphinx_comparisons.shortcodes.calls.Call` into nodes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes

from sphinx_comparisons import compat
from sphinx_comparisons.config import settings
from sphinx_comparisons.hugo.fences import fence_for
from sphinx_comparisons.shortcodes.calls import Call, Handler
from sphinx_comparisons.shortcodes.expand import BLOCK, DROP, INLINE, TEXT

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment

    from sphinx_comparisons.hugo.shortcodes import Shortcode
from sphinx_comparisons.shortcodes.admonitions import alert, details, lead, note_like, pageinfo
from sphinx_comparisons.shortcodes.cards import card, card_group, feature, link_card, section_block
from sphinx_comparisons.shortcodes.docsy import (
    conditional_text,
    link_down,
    netlify_build_info,
    openapi,
)
from sphinx_comparisons.shortcodes.files import readfile
from sphinx_comparisons.shortcodes.media import figure, iframe, imgproc, social_link, video
from sphinx_comparisons.shortcodes.qr import qr
from sphinx_comparisons.shortcodes.tabs import tab, tabpane
from sphinx_comparisons.shortcodes.text import badge, highlight

BUILTIN: dict[str, tuple[str, Handler | None]] = {
    "note": (BLOCK, note_like),
    "tip": (BLOCK, note_like),
    "warning": (BLOCK, note_like),
    "alert": (BLOCK, alert),
    "pageinfo": (BLOCK, pageinfo),
    "lead": (BLOCK, lead),
    "blocks/lead": (BLOCK, lead),
    "details": (BLOCK, details),
    "comment": (DROP, None),
    "tabpane": (BLOCK, tabpane),
    "tab": (BLOCK, tab),
    "cardpane": (BLOCK, card_group),
    "card": (BLOCK, card),
    "sections/3-boxes": (BLOCK, card_group),
    "sections/2-boxes": (BLOCK, card_group),
    "index/block": (BLOCK, card_group),
    "sections/3-box-card": (BLOCK, link_card),
    "sections/bottom-image-box": (BLOCK, link_card),
    "sections/text-with-right-image": (BLOCK, link_card),
    "index/item": (BLOCK, link_card),
    "blocks/cover": (BLOCK, section_block),
    "blocks/section": (BLOCK, section_block),
    "blocks/feature": (BLOCK, feature),
    "blocks/link-down": (BLOCK, link_down),
    "conditional-text": (BLOCK, conditional_text),
    "swaggerui": (BLOCK, openapi),
    "redoc": (BLOCK, openapi),
    "td/site-build-info/netlify": (BLOCK, netlify_build_info),
    "qr": (BLOCK, qr),
    "youtube": (BLOCK, video),
    "vimeo": (BLOCK, video),
    "iframe": (BLOCK, iframe),
    "gist": (BLOCK, social_link),
    "tweet": (BLOCK, social_link),
    "twitter": (BLOCK, social_link),
    "x": (BLOCK, social_link),
    "instagram": (BLOCK, social_link),
    "figure": (BLOCK, figure),
    "imgproc": (BLOCK, imgproc),
    "highlight": (BLOCK, highlight),
    "readfile": (BLOCK, readfile),
    "includeMarkdown": (BLOCK, readfile),
    "tags/feature/ea": (INLINE, badge),
    "tags/feature/tp": (INLINE, badge),
    "param": (TEXT, None),
    "_param": (TEXT, None),
    "ref": (TEXT, None),
    "relref": (TEXT, None),
}


def custom_shortcodes(env: BuildEnvironment) -> dict[str, Any]:
    return settings(env.config).shortcodes


def kind_of(env: BuildEnvironment):  # type: ignore[no-untyped-def]
    custom = custom_shortcodes(env)

    def kind(sc: Shortcode) -> str | None:
        spec = custom.get(sc.name)
        if spec is not None:
            return _custom_kind(spec)
        found = BUILTIN.get(sc.name)
        return found[0] if found else None

    return kind


def _custom_kind(spec: Any) -> str:
    if spec == "drop":
        return DROP
    if "text" in spec:
        return TEXT
    if "role" in spec:
        return INLINE
    return BLOCK


def registry(env: BuildEnvironment) -> dict[str, Handler]:
    handlers = {name: handler for name, (_, handler) in BUILTIN.items() if handler is not None}
    for name, spec in custom_shortcodes(env).items():
        if isinstance(spec, dict) and ("directive" in spec or "role" in spec):
            handlers[name] = _custom_handler(spec)
    return handlers


def _custom_handler(spec: dict[str, Any]) -> Handler:
    """A site's own shortcode mapped to a MyST directive or role (``hugo_shortcodes``)."""

    def handle(call: Call) -> list[nodes.Node]:
        params = {str(k): v for k, v in call.named.items() if not str(k).startswith("_")}
        if "role" in spec:
            value = params.get(spec.get("param", ""), call.get(0, call.inner or ""))
            ticks = fence_for(str(value), "`", least=1)
            return call.inline_markdown(f"{{{spec['role']}}}{ticks}{value}{ticks}")
        argument = (
            params.pop(spec["argument"], "")
            if spec.get("argument") in params
            else (call.get(0) or "")
        )
        options = [
            f":{spec.get('options', {}).get(k, k)}: {v}"
            for k, v in params.items()
            if k in spec.get("options", {})
        ]
        inner = call.inner or ""
        fence = fence_for(inner, "`")
        directive = str(spec["directive"])
        return call.wrapped(
            [f"{fence}{{{directive}}} {argument}".rstrip(), *options],
            [fence],
            inner,
            within=compat.design.PARENTS.get(directive),
        )

    return handle
