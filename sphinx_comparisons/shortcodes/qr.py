"""Hugo's ``qr`` shortcode: a QR code image of its ``text`` or inner content.

Hugo (``tpl/tplimpl/embedded/templates/_shortcodes/qr.html``) writes the PNG as
``qr_<hash>.png`` in ``targetDir`` (the site root by default) and prints an
``<img>``. The image is made with segno, kept with the build's doctrees and
published at that site path by :mod:`sphinx_comparisons.page.rawlinks`, which
writes its address for the builder at hand.
"""

from __future__ import annotations

import hashlib
import io
import posixpath
from pathlib import Path

import segno
from docutils import nodes

from sphinx_comparisons.hugo import outputs, safeurl
from sphinx_comparisons.page.rawhtml import OWN_HTML
from sphinx_comparisons.page.rawlinks import FILES, TARGETS, placeholder
from sphinx_comparisons.shortcodes.calls import Call

#: Hugo's levels of error correction and segno's names for them.
LEVELS = {"low": "l", "medium": "m", "quartile": "q", "high": "h"}
#: Most characters encoded: a version 40 code holds at most 7,089 digits.
MAX_TEXT = 7089
#: Module sizes accepted, in pixels (Hugo's default is 4, its least 2).
MIN_SCALE, MAX_SCALE = 2, 32


def _png(call: Call, text: str, level: str, scale: int) -> tuple[bytes, int] | None:
    try:
        code = segno.make_qr(text, error=LEVELS[level], boost_error=False)
    except (segno.DataOverflowError, ValueError) as err:
        call.warn("shortcode_params", f"qr: the text cannot be encoded ({err})")
        return None
    out = io.BytesIO()
    code.save(out, kind="png", scale=scale, border=0)
    return out.getvalue(), int(code.symbol_size(scale=scale, border=0)[0])


def _options(call: Call) -> tuple[str, str, int] | None:
    text = str(call.arg("text") or call.inner or "").strip()
    if not text:
        call.warn("shortcode_params", "qr: give the text to encode (text= or inner content)")
        return None
    if len(text) > MAX_TEXT:
        call.warn("shortcode_params", f"qr: the text is longer than {MAX_TEXT:,} characters")
        return None
    level = str(call.arg("level") or "medium").lower()
    if level not in LEVELS:
        call.warn("shortcode_params", f"qr: level {level!r} is not one of {', '.join(LEVELS)}")
        level = "medium"
    try:
        scale = int(call.arg("scale") or 4)
    except (TypeError, ValueError):
        scale = 0
    if not MIN_SCALE <= scale <= MAX_SCALE:
        call.warn(
            "shortcode_params",
            f"qr: scale must be a whole number from {MIN_SCALE} to {MAX_SCALE}; 4 is used",
        )
        scale = 4
    return text, level, scale


def _site_path(call: Call, name: str) -> str | None:
    folder = str(call.arg("targetDir") or "").strip("/")
    checked = outputs.site_path(posixpath.join(folder, name))
    if isinstance(checked, outputs.Refused):
        call.warn("output", f"qr: targetDir {folder!r} {checked.reason}")
        return None
    return "/" + checked


def qr(call: Call) -> list[nodes.Node]:
    """The code as an image; attributes (alt, class, id, loading, title) escaped."""
    options = _options(call)
    if options is None:
        return []
    text, level, scale = options
    made = _png(call, text, level, scale)
    if made is None:
        return []
    data, size = made
    name = f"qr_{hashlib.sha256(data).hexdigest()[:16]}.png"
    site = _site_path(call, name)
    if site is None:
        return []
    kept = outputs.place(Path(call.env.doctreedir), f"hugo-qr/{name}")
    kept.parent.mkdir(parents=True, exist_ok=True)
    kept.write_bytes(data)
    extra = "".join(
        f' {key}="{safeurl.attribute(call.arg(key))}"'
        for key in ("class", "id", "loading", "title")
        if call.arg(key)
    )
    alt = safeurl.attribute(call.arg("alt") or "")
    tag = f'<img src="{placeholder(0)}" width="{size}" height="{size}" alt="{alt}"{extra}>'
    image = nodes.raw("", tag, format="html", **{OWN_HTML: True})
    image[TARGETS] = [{"site": site, "fragment": ""}]
    image[FILES] = [(site, str(kept))]
    return [image]
