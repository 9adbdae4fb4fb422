"""Where this extension reaches into MyST's internals, and why.

Kept in one module so an upgrade of myst-parser has one place to check.
"""

from __future__ import annotations

import functools
from typing import Any

from myst_parser.mdit_to_docutils.sphinx_ import SphinxRenderer


def _looks_up_paths_safely(render: Any) -> Any:
    """MyST asks whether a link's target is a local file with ``Path.is_file``, which raises on
    Python 3.11 for a name the system cannot look up (``ENAMETOOLONG``): one page linking to a
    300-character name stopped the whole build. Such a target is no file, so the link is
    rendered as a plain reference to what was written, which ``links.py`` then resolves or
    reports like any other. (The lookup comes before MyST adds any node, so nothing is doubled.)
    """

    @functools.wraps(render)
    def render_link_unknown(self: SphinxRenderer, token: Any) -> None:
        try:
            render(self, token)
        except OSError:
            self.render_link_url(token)

    render_link_unknown.__sphinx_comparisons__ = True  # type: ignore[attr-defined]
    return render_link_unknown


def patch_myst() -> None:
    """Install the wrappers above once per process."""
    current = SphinxRenderer.render_link_unknown
    if not getattr(current, "__sphinx_comparisons__", False):
        SphinxRenderer.render_link_unknown = _looks_up_paths_safely(current)  # type: ignore[method-assign]
