"""The shortcodes served out of the box, and the ones a site maps in ``hugo_shortcodes``.

Each name has a kind (text, block, inline, drop: see ``expand.py``) and,
unless it is text or drop, a handler that turns a :class:`Call` into nodes,
mostly by rendering MyST for the matching Sphinx, MyST or sphinx-design
construct. Hugo's built-ins, Docsy's and YugabyteDB's common ones are here.
"""

from __future__ import annotations

import json
import textwrap
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from docutils import nodes
from sphinx import addnodes

from sphinx_comparisons.files import reads
from sphinx_comparisons.hugo import paths, safeurl
from sphinx_comparisons.hugo.limits import Limits
from sphinx_comparisons.page.rawhtml import OWN_HTML
from sphinx_comparisons.shortcodes.calls import Call, Handler, fence_for
from sphinx_comparisons.shortcodes.expand import BLOCK, DROP, INLINE, TEXT, expand
from sphinx_comparisons.site import records

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from sphinx_comparisons.hugo.shortcodes import Shortcode

# -- admonitions ---------------------------------------------------------------------

#: Docsy alert colours and YugabyteDB's names -> docutils admonition kinds.
_ADMONITION = {
    "note": "note", "tip": "tip", "warning": "warning", "caution": "caution", "danger": "danger",
    "important": "important", "info": "note", "primary": "note", "secondary": "note", "light": "note",
    "dark": "note", "success": "tip",
}


def _admonition(kind: str, title: str | None, call: Call, classes: list[str] | None = None) -> list[nodes.Node]:
    body = call.markdown() if call.block or "\n" in (call.inner or "") else _paragraph(call)
    if title:
        node: nodes.Element = nodes.admonition("", classes=[kind, *(classes or [])])
        node += nodes.title("", "", *call.inline_markdown(str(title)))
    else:
        node = getattr(nodes, kind)("", classes=classes or [])
    node.extend(body)
    node.source, node.line = str(call.env.doc2path(call.docname)), call.line
    return [node]


def _link(call: Call, name: str, subtype: str = "link_scheme") -> str | None:
    """A link parameter through the allow-list: the cleaned URL, or None (reported) when refused."""
    value = call.arg(name)
    if not value:
        return None
    reason = safeurl.refusal(str(value))
    if reason is not None:
        call.warn(subtype, f"{call.name}: {name} {str(value)!r} {reason}; it is not linked")
        return None
    return safeurl.clean(str(value)) or None


def _markdown_target(url: str) -> str:
    """A link destination Markdown cannot read past: ``<...>``, with its own brackets encoded."""
    return "<" + url.replace("<", "%3C").replace(">", "%3E") + ">"


def _paragraph(call: Call) -> list[nodes.Node]:
    inner = (call.inner or "").strip()
    return [nodes.paragraph("", "", *call.inline_markdown(inner))] if inner else []


def note_like(call: Call) -> list[nodes.Node]:
    """YugabyteDB's note, tip, warning: an admonition, optional ``title``."""
    return _admonition(_ADMONITION[call.name], call.arg("title"), call)


def alert(call: Call) -> list[nodes.Node]:
    """Docsy's alert: ``color`` picks the kind, ``title`` is the heading."""
    color = str(call.arg("color", default="primary"))
    return _admonition(_ADMONITION.get(color, "note"), call.arg("title"), call, [f"alert-{color}"])


def pageinfo(call: Call) -> list[nodes.Node]:
    color = str(call.arg("color", default="primary"))
    container = nodes.container("", classes=["hugo-pageinfo", f"hugo-pageinfo-{color}"])
    container.extend(call.markdown() if call.block else _paragraph(call))
    return [container]


def lead(call: Call) -> list[nodes.Node]:
    """YugabyteDB's lead (a highlighted intro, optional ``link``) and Docsy's blocks/lead."""
    body = call.inner or ""
    link = _link(call, "link")
    if link:
        body = body.rstrip() + f" [→]({_markdown_target(link)})"
    container = nodes.container("", classes=["hugo-lead-block"])
    container.extend(call.markdown(body) if call.block else [nodes.paragraph("", "", *call.inline_markdown(body.strip()))])
    return [container]


def details(call: Call) -> list[nodes.Node]:
    """Hugo's details: a sphinx-design dropdown; ``summary`` is its title, ``open`` opens it."""
    summary = str(call.arg("summary", default="Details")).replace("\n", " ")
    fence = fence_for(call.inner or "", "`")
    before = [f"{fence}{{dropdown}} {summary}"]
    if call.arg("open") in (True, "true", 1, "1"):
        before.append(":open:")
    return call.wrapped(before, [fence])


# -- tabs and cards ---------------------------------------------------------------------


def tabpane(call: Call) -> list[nodes.Node]:
    """Docsy's tabpane: a sphinx-design tab set of its ``tab``s.

    ``persist`` (``header``, the default, or ``lang``) makes the choice of a
    tab stick across every tabpane of the site, as Docsy does: sphinx-design
    syncs the tab sets of one sync group and remembers the choice in the
    browser. ``disabled`` (or the older ``persistLang=false``) turns it off.
    ``right=true`` puts the tabs on the right.
    """
    fence = fence_for(call.inner or "", "`")
    before = [f"{fence}{{tab-set}}"]
    persist = _persist(call.named)
    if persist:
        before.append(f":sync-group: hugo-tabs-{persist}")
    if call.arg("right") is True:
        before.append(":class: hugo-tabs-right")
    result = call.wrapped(before, [fence])
    if persist:
        _unsync_repeated_keys(call, result, persist)
    return result


def _unsync_repeated_keys(call: Call, result: list[nodes.Node], persist: str) -> None:
    """Two tabs of one pane with the same key cannot both be remembered: Docsy then remembers none."""
    for tab_set in result:
        if not isinstance(tab_set, nodes.Element) or "sd-tab-set" not in tab_set["classes"]:
            continue
        labels = [item[0] for item in tab_set.children if isinstance(item, nodes.Element) and item.children and isinstance(item[0], nodes.Element) and "sync_id" in item[0]]
        keys = [label["sync_id"] for label in labels]
        repeated = sorted({key for key in keys if keys.count(key) > 1})
        if repeated:
            for label in labels:
                del label["sync_id"]
                label.attributes.pop("sync_group", None)
            call.warn("shortcode_params", f"tabpane: more than one tab has the {persist} {repeated[0]!r}, so the chosen tab is not remembered for this pane (as in Docsy)")


def _persist(tabpane: dict[str, Any]) -> str | None:
    """What a tabpane's choice is remembered by: ``header``, ``lang``, or nothing."""
    persist = tabpane.get("persist")
    if persist is None and tabpane.get("persistLang") is False:
        return None
    persist = str(persist or "header").lower()
    return persist if persist in {"header", "lang"} else None


def tab(call: Call) -> list[nodes.Node]:
    """Docsy's tab: text (Markdown) or code, as the tab or its tabpane says."""
    parent = call.named.get("_parent", {}) if isinstance(call.named.get("_parent"), dict) else {}
    header = str(call.arg("header", 0) or f"Tab {int(call.named.get('_ordinal', 0)) + 1}").strip()
    text = call.arg("text", default=parent.get("text", False)) is True
    lang = call.arg("lang", default=parent.get("lang", "")) or call.arg("highlight", default=parent.get("highlight", ""))
    inner = call.inner or ""
    options = []
    persist = _persist(parent)
    key = header.lower() if persist == "header" else str(lang) if persist == "lang" else ""
    if key:
        options.append(f":sync: {' '.join(key.split())}")
    if call.arg("right") is True:
        options.append(":class-label: hugo-tab-right")
    if text or not lang and call.notation == "%":
        fence = fence_for(inner, "`")
        return call.wrapped([f"{fence}{{tab-item}} {header}", *options], [fence], within="tab-set")
    ticks = fence_for(inner, "`")
    fence = ticks + "`"
    code = [f"{fence}{{tab-item}} {header}", *options, f"{ticks}{lang or 'text'}"]
    return call.wrapped(code, [ticks, fence], textwrap.dedent(inner), within="tab-set")


def card(call: Call) -> list[nodes.Node]:
    """Docsy's card: header, title, subtitle, footer, and Markdown or ``code`` inside."""
    header = call.arg("header") or call.arg("title") or ""
    inner = call.inner or ""
    after: list[str] = []
    body = inner
    if call.arg("code") is True:
        ticks = fence_for(inner, "`")
        body = f"{ticks}{call.arg('lang', default='') or call.arg('highlight', default='')}\n{textwrap.dedent(inner).strip()}\n{ticks}"
    fence = fence_for(body, "`")
    before = [f"{fence}{{card}} {str(header).strip()}".rstrip()]
    if call.arg("subtitle"):
        body = f"*{call.arg('subtitle')}*\n\n{body}"
    rendered = call.wrapped(before, [*after, fence], body)
    footer = call.arg("footer")
    cards = [node for node in rendered if isinstance(node, nodes.Element) and "sd-card" in node.get("classes", [])]
    if footer and cards:
        # sphinx-design's own footer syntax changed between releases: build the footer here
        cards[0] += nodes.container("", nodes.paragraph("", "", *call.inline_markdown(str(footer))), classes=["sd-card-footer"])
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
    url = next((_link(call, name) for name in ("buttonUrl", "href", "url") if call.arg(name)), None)
    lines = [f"```{{card}} {str(title).strip()}".rstrip()]
    if url:
        lines.append(f":link: {url}")
    image = call.arg("imageUrl")
    if image:
        lines.append(f":img-top: {image}")
    lines.append("")
    if description:
        lines.append(str(description))
    for number in (1, 2, 3):
        text, target = call.arg(f"linkText{number}"), _link(call, f"linkUrl{number}")
        if text and target:
            lines.append(f"\n[{text}]({_markdown_target(target)})")
    button = call.arg("buttonText")
    if button and url:
        lines.append(f"\n**{button}**")
    lines.append("```")
    return call.markdown("\n".join(lines))


def feature(call: Call) -> list[nodes.Node]:
    """Docsy's blocks/feature: a card with a title, text and an optional link."""
    inner = (call.inner or "").strip()
    fence = fence_for(inner, "`")
    lines = [f"{fence}{{card}} {call.arg('title') or ''}".rstrip()]
    url = _link(call, "url")
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


# -- media and embeds -------------------------------------------------------------------


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
    if src is None or not src.startswith(("http://", "https://", "/")):
        call.warn("shortcode_params", f"iframe src must be an http(s) URL or a site path, not {given!r}")
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
        url, label = f"https://x.com/{user or 'i'}/status/{post}", f"Post by @{user}" if user else "Post"
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
    link = _link(call, "link")
    figure_node = nodes.figure("", classes=[str(call.arg("class"))] if call.arg("class") else [])
    figure_node.source, figure_node.line = str(call.env.doc2path(call.docname)), call.line  # located if its src is refused
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
        call.warn("path", f"imgproc: {name!r} is not the name of a resource of this page's bundle; it is not read")
        return []
    bundle = paths.roots(folder)
    found = (p for p in folder.glob(f"**/*{name}*") if p.suffix.lower() in {".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp"})
    matches = sorted(p for p in found if paths.contained(p, bundle) is not None and paths.is_file(p))
    if not matches:
        call.warn("shortcode_params", f"imgproc finds no image resource named {name!r} beside the page")
        return []
    figure_node = nodes.figure("", classes=["hugo-imgproc"])
    caption = (call.inner or "").strip()
    figure_node += nodes.image("", uri=matches[0].relative_to(folder).as_posix(), alt=caption)
    if caption:
        figure_node += nodes.caption("", "", *call.inline_markdown(caption))
    return [figure_node]


def highlight(call: Call) -> list[nodes.Node]:
    """Hugo's highlight: the inner text as a code block in the given language."""
    code = textwrap.dedent(call.inner or "").strip("\n")
    block = nodes.literal_block(code, code, language=str(call.get(0) or "text"))
    options = str(call.get(1) or "")
    if "linenos" in options and "linenos=false" not in options:
        block["linenos"] = True
    return [block]


# -- files --------------------------------------------------------------------------------


def _find_file(call: Call, reference: str) -> Path | None:
    """The file a ``readfile`` names, beside the page or (``/x``) from the project root or content root.

    Only files inside the site may be read (``reads.allowed``); a reference that
    leads out of it is refused with ``hugo.path``, found or not.
    """
    page_dir = Path(call.env.doc2path(call.docname)).parent
    srcdir = Path(call.env.srcdir)
    rooted = reference.lstrip("/")
    found, refused = reads.locate(call.env, [(page_dir, reference)] if not reference.startswith("/") else [(srcdir.parent, rooted), (srcdir, rooted)])
    if found is not None:
        return found
    if refused:
        call.warn("path", f"{call.name}: {refused}")
    else:
        call.warn("shortcode_params", f"{call.name}: file {reference!r} not found (relative to the page, or from the site root when it starts with /)")
    return None


def readfile(call: Call) -> list[nodes.Node]:
    """Docsy's readfile (and YugabyteDB's includeMarkdown): a file as Markdown or as code."""
    reference = str(call.arg("file", 0, ""))
    found = _find_file(call, reference)
    if found is None:
        return []
    call.env.note_dependency(str(found))
    includes = call.env.temp_data.get(_INCLUDES)
    if not isinstance(includes, _Includes):
        includes = call.env.temp_data[_INCLUDES] = _Includes([Path(call.env.doc2path(call.docname)).resolve()])
    limits = records.limits(call.env)
    refusal = includes.refusal(found, call.line, limits)
    if refusal is not None:
        if refusal:
            call.warn("limit", f"{call.name}: {reference!r} {refusal}")
        return []
    room = limits.page_size - includes.characters
    # a UTF-8 character takes at most 4 bytes: a file larger than that cannot fit and is not read
    too_big = found.stat().st_size > 4 * room + 4
    text = "" if too_big else reads.read(call.env, found, reference, (call.docname, call.line), "shortcode_params")
    if text is None:
        return []
    if too_big or len(text) > room:
        call.warn("limit", f"{call.name}: {reference!r} takes what this page includes past {limits.page_size:,} "
                  "characters (hugo_limits 'page_size'); it was left out")
        return []
    includes.characters += len(text)
    if call.arg("code") in (True, "true"):
        return [nodes.literal_block(text, text, language=str(call.arg("lang", default="text")))]
    expanded = expand(text, kind_of(call.env), text_renderer(call.env, call.docname), limits=records.limits(call.env))
    includes.chain.append(found)
    try:
        return call.markdown(expanded.text)
    finally:
        includes.chain.pop()


_INCLUDES = "hugo_includes"


@dataclass
class _Includes:
    """One page's includes: the files being included, outermost first (the page itself first), and how many were read."""

    chain: list[Path]
    count: int = 0
    #: Characters read from included files: they count against ``page_size`` too.
    characters: int = 0
    #: (file, line) already refused for a loop or the depth: said once (a fan-out repeats them).
    refused: set[tuple[Path, int]] = field(default_factory=set)

    def refusal(self, found: Path, line: int, limits: Limits) -> str | None:
        """Why ``found`` may not be included here ("" once already said), or None."""
        self.count += 1
        if self.count > limits.includes:
            if self.count > limits.includes + 1:
                return ""
            return f"is one include too many for this page (more than {limits.includes}; hugo_limits 'includes'); it and the later ones were left out"
        if found not in self.chain and len(self.chain) <= limits.include_depth:
            return None
        said = (found, line) in self.refused
        self.refused.add((found, line))
        if found in self.chain:
            loop = [*self.chain[self.chain.index(found) :], found]
            return "" if said else "includes itself (" + " -> ".join(path.name for path in loop) + "); it was left out"
        return "" if said else f"would be included more than {limits.include_depth} files deep (hugo_limits 'include_depth'); it was left out"


# -- inline -------------------------------------------------------------------------------


def badge(call: Call) -> list[nodes.Node]:
    label = call.name.rsplit("/", 1)[-1].upper()
    return [nodes.inline(label, label, classes=["hugo-badge", f"hugo-badge-{label.lower()}"])]


# -- registry -------------------------------------------------------------------------------

BUILTIN: dict[str, tuple[str, Handler | None]] = {
    "note": (BLOCK, note_like), "tip": (BLOCK, note_like), "warning": (BLOCK, note_like),
    "alert": (BLOCK, alert), "pageinfo": (BLOCK, pageinfo), "lead": (BLOCK, lead), "blocks/lead": (BLOCK, lead),
    "details": (BLOCK, details), "comment": (DROP, None),
    "tabpane": (BLOCK, tabpane), "tab": (BLOCK, tab),
    "cardpane": (BLOCK, card_group), "card": (BLOCK, card),
    "sections/3-boxes": (BLOCK, card_group), "sections/2-boxes": (BLOCK, card_group), "index/block": (BLOCK, card_group),
    "sections/3-box-card": (BLOCK, link_card), "sections/bottom-image-box": (BLOCK, link_card),
    "sections/text-with-right-image": (BLOCK, link_card), "index/item": (BLOCK, link_card),
    "blocks/cover": (BLOCK, section_block), "blocks/section": (BLOCK, section_block), "blocks/feature": (BLOCK, feature),
    "youtube": (BLOCK, video), "vimeo": (BLOCK, video), "iframe": (BLOCK, iframe),
    "gist": (BLOCK, social_link), "tweet": (BLOCK, social_link), "twitter": (BLOCK, social_link),
    "x": (BLOCK, social_link), "instagram": (BLOCK, social_link),
    "figure": (BLOCK, figure), "imgproc": (BLOCK, imgproc), "highlight": (BLOCK, highlight),
    "readfile": (BLOCK, readfile), "includeMarkdown": (BLOCK, readfile),
    "tags/feature/ea": (INLINE, badge), "tags/feature/tp": (INLINE, badge),
    "param": (TEXT, None), "ref": (TEXT, None), "relref": (TEXT, None),
}


def _custom(env: BuildEnvironment) -> dict[str, Any]:
    return records.hugo_config(env).shortcodes


def kind_of(env: BuildEnvironment):  # type: ignore[no-untyped-def]
    custom = _custom(env)

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
    for name, spec in _custom(env).items():
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
        argument = params.pop(spec["argument"], "") if spec.get("argument") in params else (call.get(0) or "")
        options = [f":{spec.get('options', {}).get(k, k)}: {v}" for k, v in params.items() if k in spec.get("options", {})]
        inner = call.inner or ""
        fence = fence_for(inner, "`")
        return call.wrapped([f"{fence}{{{spec['directive']}}} {argument}".rstrip(), *options], [fence], inner)

    return handle


# -- text shortcodes and the source-read glue -------------------------------------------


def _lookup(params: Any, dotted: str) -> Any:
    value = params
    for part in dotted.lower().split("."):
        if not isinstance(value, dict) or part not in value:
            return None
        value = value[part]
    return value


def param_value(env: BuildEnvironment, docname: str, key: str) -> Any:
    """Hugo's ``param``: the page's params, then cascaded section params, then site params."""
    from sphinx_comparisons.navigation.toctrees import site_config

    found = _lookup(records.params(env, docname), key)
    if found is not None:
        return found
    folder = Path(str(env.doc2path(docname, False)))
    for parent in [folder.parent, *folder.parent.parents]:
        section = (parent / "_index").as_posix().lstrip("./") if str(parent) != "." else "_index"
        cascade = records.params(env, section).get("cascade") if section != docname else None
        for entry in cascade if isinstance(cascade, list) else [cascade]:
            if isinstance(entry, dict):
                value = _lookup(entry.get("params", entry), key) if isinstance(entry.get("params", entry), dict) else None
                if value is not None:
                    return value
    return _lookup(site_config(env).values.get("params", {}), key)


def text_renderer(env: BuildEnvironment, docname: str):  # type: ignore[no-untyped-def]
    from sphinx_comparisons.shortcodes import ref_links

    custom = _custom(env)

    def render(sc: Shortcode, inner: str) -> str:
        spec = custom.get(sc.name)
        if isinstance(spec, dict) and "text" in spec:
            values = {str(k): v for k, v in sc.named.items()}
            try:
                return str(spec["text"]).format(*sc.positional, inner=inner, **values)
            except (IndexError, KeyError, ValueError) as err:
                site_warn(docname, sc.line, f"hugo_shortcodes text for {sc.name!r} needs {err}")
                return ""
        if sc.name == "param":
            key = str(sc.get(0) or "")
            value = param_value(env, docname, key) if key else None
            if value is None:
                site_warn(docname, sc.line, f"param {key!r} is in neither the page's, its sections' nor the site's params")
                return ""
            return value if isinstance(value, str) else json.dumps(value) if isinstance(value, (dict, list)) else str(value).lower() if isinstance(value, bool) else str(value)
        if sc.name in ("ref", "relref"):
            return ref_links.expand_call(env, docname, sc.name, sc.positional, sc.named, sc.line)
        return inner

    return render


def site_warn(docname: str, line: int, message: str) -> None:
    from sphinx_comparisons.diagnostics import warn

    warn("shortcode_params", message, location=(docname, line))


def on_source_read(app: Sphinx, docname: str, source: list[str]) -> None:
    """Expand the page's shortcodes before MyST reads it (after its title was put in)."""
    env = app.env
    if "{{" not in source[0] or not records.is_markdown(env, docname):
        return
    from sphinx_comparisons.diagnostics import warn

    result = expand(source[0], kind_of(env), text_renderer(env, docname), limits=records.limits(env))
    for problem in result.problems:
        warn(problem.subtype, problem.message, location=(docname, problem.line))
    for name, line in result.unknown.items():
        warn("shortcode_unknown", f"shortcode {name!r} is not known: its inner content is shown as Markdown "
             "(map it in hugo_shortcodes)", location=(docname, line))
    source[0] = result.text

