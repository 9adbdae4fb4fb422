"""Where this extension reaches into MyST's internals, and why.

Kept in one module so an upgrade of myst-parser has one place to check.
"""

from __future__ import annotations

import functools
from collections.abc import MutableMapping
from typing import TYPE_CHECKING, Any

from myst_parser.mdit_to_docutils.sphinx_ import SphinxRenderer
from myst_parser.parsers import sphinx_ as myst_sphinx_parser

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment


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


def _any_link(url: str) -> bool:
    return True


def _parses_every_link(create: Any) -> Any:
    """Goldmark reads ``[text](javascript:...)`` as a link and writes it without the address;
    markdown-it refuses to read it as a link, so the reader saw the brackets and the address.
    Every link is read here, and the one allow-list (``links.allowed``) then keeps the text
    and drops the address, as Goldmark does.
    """

    @functools.wraps(create)
    def create_md_parser(*args: Any, **kwargs: Any) -> Any:
        md = create(*args, **kwargs)
        md.validateLink = _any_link
        return md

    create_md_parser.__sphinx_comparisons__ = True  # type: ignore[attr-defined]
    return create_md_parser


def patch_myst() -> None:
    """Install the wrappers above once per process."""
    current = SphinxRenderer.render_link_unknown
    if not getattr(current, "__sphinx_comparisons__", False):
        SphinxRenderer.render_link_unknown = _looks_up_paths_safely(current)  # type: ignore[method-assign]
    if not getattr(myst_sphinx_parser.create_md_parser, "__sphinx_comparisons__", False):
        myst_sphinx_parser.create_md_parser = _parses_every_link(myst_sphinx_parser.create_md_parser)


def document_data(env: BuildEnvironment) -> MutableMapping[str, Any]:
    """Where an extension keeps data while one document is read: ``env.current_document``, a
    mapping for extensions' keys in newer Sphinx (checked with 9.0), else the ``env.temp_data``
    dict (Sphinx 8.0). Sphinx starts either afresh for each document."""
    current = getattr(env, "current_document", None)
    return current if current is not None else env.temp_data  # type: ignore[return-value]


def drop_documents(
    env: BuildEnvironment, dropped: set[str], added: set[str], changed: set[str], removed: set[str]
) -> None:
    """Take ``dropped`` out of this build's documents during ``env-get-outdated``: neither read
    nor written, and an earlier build's output of them removed.

    Sphinx has no API for it: the event hands over its ``added``, ``changed`` and ``removed``
    sets, and Sphinx reads them, and ``env.found_docs``, after the handlers return (checked
    with Sphinx 8.0 and 9.0), so they are changed in place.
    """
    if not dropped:
        return
    for documents in (env.found_docs, added, changed):
        documents.difference_update(dropped)
    removed.update(dropped & set(env.all_docs))
