"""What several shortcode families share: link parameters through the allow-list, inline text."""

from __future__ import annotations

from docutils import nodes

from sphinx_comparisons.hugo import safeurl
from sphinx_comparisons.shortcodes.calls import Call


def link_param(call: Call, name: str, subtype: str = "link_scheme") -> str | None:
    """A link parameter through the allow-list: the cleaned URL, or None (reported) when refused."""
    value = call.arg(name)
    if not value:
        return None
    reason = safeurl.refusal(str(value))
    if reason is not None:
        call.warn(subtype, f"{call.name}: {name} {str(value)!r} {reason}; it is not linked")
        return None
    return safeurl.clean(str(value)) or None


def markdown_target(url: str) -> str:
    """A link destination Markdown cannot read past: ``<...>``, with its own brackets encoded."""
    return "<" + url.replace("<", "%3C").replace(">", "%3E") + ">"


def paragraph(call: Call) -> list[nodes.Node]:
    inner = (call.inner or "").strip()
    return [nodes.paragraph("", "", *call.inline_markdown(inner))] if inner else []


def argument_text(value: object) -> str:
    """A parameter as the argument of a generated directive: one line, and no backtick, which a
    backtick fence's info string may not hold (the directive would be a paragraph showing its
    own syntax); ``&#96;`` shows the same character."""
    return " ".join(str(value).split()).replace("`", "&#96;")
