"""The site's ``markup.goldmark`` settings, read once per site config."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sphinx_comparisons import compat
from sphinx_comparisons.diagnostics import warn
from sphinx_comparisons.hugo import goldmark
from sphinx_comparisons.site import state

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment

#: The settings of the last site config read (a build has one).
_LAST: list[tuple[Any, goldmark.Goldmark]] = []


def of_env(env: BuildEnvironment) -> goldmark.Goldmark:
    """The Goldmark settings of this build's Hugo site config."""
    values = state.model(env).site_config.values
    if _LAST and _LAST[0][0] is values:
        return _LAST[0][1]
    found = goldmark.from_site_config(values)
    _LAST[:] = [(values, found)]
    return found


def _env(md_state: Any) -> BuildEnvironment | None:
    document = compat.myst.document_of(md_state.md)
    return getattr(document.settings, "env", None) if document is not None else None


def heading_id(md_state: Any, line: int, wanted: str) -> None:
    """An id a block attribute gives the heading on ``line``: the heading id, as ``{#id}``."""
    env = _env(md_state)
    if env is not None:
        state.reading(env).heading_ids.setdefault(line, wanted)


def report(md_state: Any, line: int | None, refused: list[str]) -> None:
    """Attribute names a page may not write, left out."""
    env = _env(md_state)
    if env is not None:
        warn(
            "attribute",
            f"attribute {', '.join(refused)} has characters an id or class may not have "
            "(letters, digits, _, -, . and : only); left out",
            location=(env.docname, line),
        )


def of_parser(md_state: Any) -> goldmark.Goldmark:
    """The Goldmark settings from inside a markdown-it rule; Hugo's defaults outside Sphinx."""
    cached = md_state.env.get("hugo_goldmark") if isinstance(md_state.env, dict) else None
    if isinstance(cached, goldmark.Goldmark):
        return cached
    env = _env(md_state)
    found = of_env(env) if env is not None else goldmark.Goldmark()
    if isinstance(md_state.env, dict):
        md_state.env["hugo_goldmark"] = found
    return found
