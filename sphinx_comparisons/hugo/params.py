"""Hugo's ``.Param``: the page's params (with what cascades passed down), then the site's.

What sections' ``cascade`` pass down is resolved once for every key of the
front matter, params included (``hugo/cascade.py``); ``.Param`` then looks in
the page's params and falls back to ``site.Params``
(``resources/resource/params.go``, ``Param``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any


def lookup(params: Any, dotted: str) -> Any:
    """The value at a dotted key (``ui.sidebar``) of a params mapping, keys without case; or
    None."""
    value = params
    for part in dotted.lower().split("."):
        if not isinstance(value, dict) or part not in value:
            return None
        value = value[part]
    return value


def param(dotted: str, page: Mapping[str, Any], site: Any) -> Any:
    """``.Param``: the page's value (its own or cascaded), else the site's ``params``; None when
    neither has it."""
    found = lookup(page, dotted)
    return found if found is not None else lookup(site, dotted)


#: A numbered placeholder left in a value: ``{3}``.
_PLACEHOLDER = re.compile(r"\{\d+\}")


def substitute(value: str, arguments: list[Any]) -> tuple[str, list[str]]:
    """Docsy's ``_param``: ``{0}`` ``{1}`` ... in ``value`` replaced by the shortcode's positional
    arguments (``{0}`` is the parameter's name), and the placeholders none replaced.

    Docsy's ``_shortcodes/_param.html`` replaces each in turn, in order, so an argument's own
    ``{n}`` may be replaced by a later one; this does the same.
    """
    for index, argument in enumerate(arguments):
        value = value.replace(f"{{{index}}}", str(argument))
    return value, _PLACEHOLDER.findall(value)
