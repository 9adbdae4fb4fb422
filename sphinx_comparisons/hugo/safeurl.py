"""The one link allow-list, id alphabet and attribute escaping for everything we write.

Pages are untrusted: a link a page names is written into HTML only when
:func:`check` accepts it, an id only when :func:`safe_id` does, and every
attribute value we put into HTML ourselves goes through :func:`attribute`.

Browsers ignore ASCII whitespace and control characters around a URL and
drop tab and line breaks inside it (WHATWG URL parser), so ``" javascript:"``
and ``"java\\tscript:"`` are ``javascript:`` to them: we clean the same way
before looking at the scheme.
"""

from __future__ import annotations

import html
import re

#: Schemes a link may have; anything else (``javascript:``, ``data:``, ``vbscript:`` ...) is
#: refused.
ALLOWED_SCHEMES = frozenset({"http", "https", "mailto"})

#: ASCII control characters and space: stripped at both ends, control characters also inside.
_CONTROL = "".join(chr(code) for code in range(0x20)) + "\x7f"
_INSIDE = re.compile("[\x00-\x1f\x7f]")
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
#: Heading and block ids: what a ``#id`` token may hold (no quotes, angle brackets, spaces).
_ID = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.:-]*")
#: Longest id accepted; ids are anchors, not text.
MAX_ID = 200


def clean(url: str) -> str:
    """The URL as a browser reads it: no whitespace at the ends, no control characters inside."""
    return _INSIDE.sub("", url.strip(_CONTROL + " "))


def scheme(url: str) -> str | None:
    """The lowercased scheme of the cleaned URL (``javascript``), or None for a path or
    ``#fragment``."""
    found = _SCHEME.match(clean(url))
    return found.group(0)[:-1].lower() if found else None


def refusal(url: str) -> str | None:
    """Why ``url`` may not be a link (a sentence part), or None when it may.

    The URL is also looked at with character references decoded, since a
    value that ends up in Markdown (``javascript&#58;``) is decoded there.
    """
    for name in (scheme(url), scheme(html.unescape(url))):
        if name is not None and name not in ALLOWED_SCHEMES:
            return f"has the scheme {name!r}: only http, https, mailto and site paths are allowed"
    return None


def check(url: str) -> str | None:
    """The cleaned URL when the allow-list accepts it, else None."""
    return None if refusal(url) else clean(url)


def is_external(url: str) -> bool:
    """An allowed link to another site: http(s), mailto, or a network path (``//host/``)."""
    cleaned = clean(url)
    return scheme(cleaned) in ALLOWED_SCHEMES or cleaned.startswith("//")


def is_path(url: str) -> bool:
    """A path on this site (``/docs/a/``, ``../b/``, ``#x``): no scheme, no ``//host``."""
    return scheme(url) is None and not clean(url).startswith("//")


def is_web(url: str) -> bool:
    """An absolute http(s) URL: ``https://host/...``."""
    cleaned = clean(url)
    return scheme(cleaned) in {"http", "https"} and cleaned.partition(":")[2].startswith("//")


def safe_id(value: str) -> bool:
    """Whether ``value`` may be an element id: letters, digits, ``_``, ``-``, ``.``, ``:``."""
    return len(value) <= MAX_ID and _ID.fullmatch(value) is not None


def attribute(value: object) -> str:
    """Any value as the text of a double- or single-quoted HTML attribute."""
    return html.escape(str(value), quote=True)
