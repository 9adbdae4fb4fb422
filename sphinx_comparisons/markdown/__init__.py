"""Goldmark's Markdown where MyST reads it differently: blockquote alerts, block attributes,
linkify, the typographer and the extensions the site config switches (``markup.goldmark``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx_comparisons import compat
from sphinx_comparisons.guard import Guarded
from sphinx_comparisons.markdown import (
    alerts,
    code_languages,
    emojis,
    footnotes,
    parser,
    typography,
)

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup(app: Sphinx) -> None:
    """Register this package's parser rules and transforms; ``extension.py`` calls it in
    pipeline order."""
    compat.myst.add_parser_plugin(parser.install)
    hooks = Guarded(app)
    hooks.add_transform(alerts.BlockquoteAlerts)
    hooks.add_transform(typography.TypographerSwitch)
    hooks.add_transform(typography.TypographerSubstitutions)
    hooks.add_transform(footnotes.UndefinedFootnotesAsText)
    hooks.add_transform(emojis.EmojiCodes)
    hooks.add_transform(code_languages.PlainCodeForUnknownLanguages)
