"""Embedded media: videos, iframes, social posts, figures and processed images."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

from docutils import nodes
from sphinx import addnodes

from sphinx_comparisons.hugo import paths, safeurl
from sphinx_comparisons.page.rawhtml import OWN_HTML
from sphinx_comparisons.shortcodes.calls import Call
from sphinx_comparisons.shortcodes.markup import link_param


def _embed(call: Call, iframe_src: str, label: str) -> list[nodes.Node]:
    """An iframe for HTML builders and a plain link for the others; nothing is fetched."""
    title = safeurl.attribute(call.arg("title", default=label))
    src = safeurl.attribute(iframe_src)
    frame = (
        f'<div class="hugo-embed"><iframe src="{src}" title="{title}" loading="lazy" '
        'allowfullscreen referrerpolicy="strict-origin-when-cross-origin"></iframe></div>'
    )
    only_html = addnodes.only(expr="html")
    only_html += nodes.raw("", frame, format="html", **{OWN_HTML: True})
    fallback = addnodes.only(expr="not html")
    fallback += nodes.paragraph("", "", nodes.reference("", label, refuri=iframe_src))
    return [only_html, fallback]


_PLAYERS = {
    "youtube": ("https://www.youtube-nocookie.com/embed/{}", "YouTube video"),
    "vimeo": ("https://player.vimeo.com/video/{}?dnt=1", "Vimeo video"),
}


def video(call: Call) -> list[nodes.Node]:
    """Hugo's youtube and vimeo: the player (privacy-friendly host) by id, positional or named."""
    player, label = _PLAYERS[call.name]
    video_id = str(call.arg("id", 0, "")).strip()
    if not video_id:
        call.warn("shortcode_params", f"{call.name} needs a video id")
        return []
    return _embed(call, player.format(quote(video_id)), str(call.arg("title", default=label)))


def iframe(call: Call) -> list[nodes.Node]:
    given = str(call.arg("src", 0, ""))
    src = safeurl.check(given)
    if src is None or not (safeurl.is_web(src) or src.startswith("/")):
        call.warn(
            "shortcode_params", f"iframe src must be an http(s) URL or a site path, not {given!r}"
        )
        return []
    return _embed(call, src, str(call.arg("title", default=src)))


def social_link(call: Call) -> list[nodes.Node]:
    """gist, tweet, x, instagram: a plain link, so nothing is fetched at build time."""
    if call.name == "gist":
        user, gist = call.get(0), call.get(1)
        url, label = f"https://gist.github.com/{user}/{gist}", f"Gist {user}/{gist}"
    elif call.name == "instagram":
        url, label = f"https://www.instagram.com/p/{call.get(0)}/", "Instagram post"
    else:
        user, post = call.arg("user"), call.arg("id", 0)
        url, label = (
            f"https://x.com/{user or 'i'}/status/{post}",
            f"Post by @{user}" if user else "Post",
        )
    return [nodes.paragraph("", "", nodes.reference("", label, refuri=url, classes=["external"]))]


def figure(call: Call) -> list[nodes.Node]:
    """Hugo's figure: image, optional link, title and caption (Markdown), alt."""
    src = str(call.arg("src", default=""))
    if not src:
        call.warn("shortcode_params", "figure needs src")
        return []
    caption = call.arg("caption") or ""
    image = nodes.image("", uri=src, alt=str(call.arg("alt") or caption or ""))
    for option in ("width", "height"):
        if call.arg(option):
            image[option] = str(call.arg(option))
    link = link_param(call, "link")
    figure_node = nodes.figure("", classes=[str(call.arg("class"))] if call.arg("class") else [])
    figure_node.source, figure_node.line = (
        str(call.env.doc2path(call.docname)),
        call.line,
    )  # located if its src is refused
    figure_node += nodes.reference("", "", image, refuri=link) if link else image
    title = call.arg("title")
    if title or caption:
        text = " ".join(str(part) for part in (f"**{title}**" if title else "", caption) if part)
        figure_node += nodes.caption("", "", *call.inline_markdown(text))
    return [figure_node]


def imgproc(call: Call) -> list[nodes.Node]:
    """Docsy's imgproc: the named page resource as an image (no processing), caption inside."""
    name = str(call.get(0) or "")
    folder = Path(call.env.doc2path(call.docname)).parent
    if name.startswith("/") or ".." in name.split("/") or "\0" in name:
        call.warn(
            "path",
            (
                f"imgproc: {name!r} is not the name of a resource of this page's bundle; it is "
                "not read"
            ),
        )
        return []
    bundle = paths.roots(folder)
    found = (
        p
        for p in folder.glob(f"**/*{name}*")
        if p.suffix.lower() in {".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp"}
    )
    matches = sorted(
        p for p in found if paths.contained(p, bundle) is not None and paths.is_file(p)
    )
    if not matches:
        call.warn(
            "shortcode_params", f"imgproc finds no image resource named {name!r} beside the page"
        )
        return []
    figure_node = nodes.figure("", classes=["hugo-imgproc"])
    caption = (call.inner or "").strip()
    figure_node += nodes.image("", uri=matches[0].relative_to(folder).as_posix(), alt=caption)
    if caption:
        figure_node += nodes.caption("", "", *call.inline_markdown(caption))
    return [figure_node]
