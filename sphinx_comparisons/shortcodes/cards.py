"""Card-like shortcodes as sphinx-design cards: Docsy's cardpane, card and blocks; YugabyteDB's
sections and index boxes."""

from __future__ import annotations

import textwrap

from docutils import nodes

from sphinx_comparisons import compat
from sphinx_comparisons.hugo.fences import fence_for
from sphinx_comparisons.shortcodes.calls import Call
from sphinx_comparisons.shortcodes.markup import argument_text, link_param, markdown_target


def card(call: Call) -> list[nodes.Node]:
    """Docsy's card: header, title, subtitle, footer, and Markdown or ``code`` inside.

    Docsy renders each of header, title and subtitle as Markdown (``card.html``:
    ``RenderString``): the card's title is the ``title`` (else the ``header``), a header given
    beside a title is the card's header. A title holding a backtick (inline code) is the
    argument of a tilde fence, whose info string may hold one.
    """
    header, title = call.arg("header") or "", call.arg("title") or ""
    inner = call.inner or ""
    body = inner
    if call.arg("code") is True:
        ticks = fence_for(inner, "`")
        language = call.arg("lang", default="") or call.arg("highlight", default="")
        body = f"{ticks}{language}\n{textwrap.dedent(inner).strip()}\n{ticks}"
    if call.arg("subtitle"):
        body = f"*{call.arg('subtitle')}*\n\n{body}"
    heading = " ".join(str(title or header).split())
    fence = fence_for(body, "~" if "`" in heading else "`")
    before = [f"{fence}{{card}} {heading if fence[0] == '~' else argument_text(heading)}".rstrip()]
    rendered = call.wrapped(before, [fence], body)
    footer = call.arg("footer")
    cards = [node for node in rendered if compat.design.is_card(node)]
    if header and title and cards:
        compat.design.add_card_header(cards[0], call.inline_markdown(str(header)))
    if footer and cards:
        compat.design.add_card_footer(cards[0], call.inline_markdown(str(footer)))
    return rendered


def card_group(call: Call) -> list[nodes.Node]:
    """Docsy's cardpane and YugabyteDB's box and index groups: cards side by side."""
    container = nodes.container("", classes=["hugo-card-group"])
    container.extend(call.markdown())
    return [container]


def link_card(call: Call) -> list[nodes.Node]:
    """YugabyteDB's card shortcodes (sections/*-card, sections/*-box, index/item): a linked card."""
    title = call.arg("title") or ""
    description = call.arg("description") or call.arg("body") or ""
    url = next(
        (link_param(call, name) for name in ("buttonUrl", "href", "url") if call.arg(name)), None
    )
    lines = [f"```{{card}} {argument_text(title)}".rstrip()]
    if url:
        lines.append(f":link: {url}")
    image = call.arg("imageUrl")
    if image:
        lines.append(f":img-top: {image}")
    lines.append("")
    if description:
        lines.append(str(description))
    for number in (1, 2, 3):
        text, target = call.arg(f"linkText{number}"), link_param(call, f"linkUrl{number}")
        if text and target:
            lines.append(f"\n[{text}]({markdown_target(target)})")
    button = call.arg("buttonText")
    if button and url:
        lines.append(f"\n**{button}**")
    lines.append("```")
    return call.markdown("\n".join(lines))


def feature(call: Call) -> list[nodes.Node]:
    """Docsy's blocks/feature: a card with a title, text and an optional link."""
    inner = (call.inner or "").strip()
    fence = fence_for(inner, "`")
    lines = [f"{fence}{{card}} {argument_text(call.arg('title') or '')}".rstrip()]
    url = link_param(call, "url")
    if url:
        lines.append(f":link: {url}")
    lines += ["", inner, fence]
    return call.markdown("\n".join(lines))


def section_block(call: Call) -> list[nodes.Node]:
    """Docsy's blocks/cover and blocks/section: a container with its Markdown inside."""
    container = nodes.container("", classes=["hugo-block", f"hugo-{call.name.replace('/', '-')}"])
    title = call.arg("title")
    if title:
        container += nodes.rubric("", "", *call.inline_markdown(str(title)))
    container.extend(call.markdown() if call.inner else [])
    return [container]
