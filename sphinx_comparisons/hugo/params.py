"""Hugo's ``.Param``: the page's params, then what its sections cascade to it, then the site's.

A section's ``cascade`` reaches the section page itself and every page below
it, for the keys those pages do not set; the closer section wins, and in a
list of cascades the earlier entry (``hugolib/page__meta.go``, the cascade
merge). Keys under ``cascade.params`` are params since Hugo 0.124; an
entry's other keys always were. ``.Param`` falls back to ``site.Params``
(``resources/resource/params.go``, ``Param``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import PurePosixPath
from typing import Any

#: Keys of a cascade entry that are not values passed down.
_NOT_VALUES = frozenset({"params", "target", "_target"})


def lookup(params: Any, dotted: str) -> Any:
    """The value at a dotted key (``ui.sidebar``) of a params mapping, keys without case; or
    None."""
    value = params
    for part in dotted.lower().split("."):
        if not isinstance(value, dict) or part not in value:
            return None
        value = value[part]
    return value


def _entries(cascade: Any) -> Iterable[dict[str, Any]]:
    """The params one ``cascade`` value passes down, entry by entry: ``params``, then the rest."""
    for entry in cascade if isinstance(cascade, list) else [cascade]:
        if isinstance(entry, dict):
            nested = entry.get("params")
            if isinstance(nested, dict):
                yield nested
            yield {key: value for key, value in entry.items() if key not in _NOT_VALUES}


def cascade_sources(path: str) -> list[str]:
    """The section files whose ``cascade`` reaches the content file ``path``, closest first.

    ``docs/a/b.md`` -> ``docs/a/_index.md``, ``docs/_index.md``, ``_index.md``;
    a section file is first in its own list.
    """
    pure = PurePosixPath(path)
    folders = [pure.parent, *pure.parent.parents]
    return [(folder / "_index.md").as_posix().removeprefix("./") for folder in folders]


def param(dotted: str, page: Mapping[str, Any], cascades: Iterable[Any], site: Any) -> Any:
    """``.Param``: the page's value, else the first cascade (closest first) that has one, else
    the site's ``params``; None when none has it."""
    found = lookup(page, dotted)
    if found is not None:
        return found
    for cascade in cascades:
        for values in _entries(cascade):
            found = lookup(values, dotted)
            if found is not None:
                return found
    return lookup(site, dotted)


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
