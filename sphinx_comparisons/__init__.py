"""Build Hugo documentation with Sphinx, plus comparison pages and related posts."""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata


def setup(app: Sphinx) -> ExtensionMetadata:
    from sphinx_comparisons.extension import setup_extension  # Sphinx only when Sphinx asks

    return {"version": __version__, **setup_extension(app)}
