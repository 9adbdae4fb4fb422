"""The site's translation strings for this build's language (``hugo/i18n.py``), read once per
build from files inside the site, problems reported where they are."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sphinx_comparisons.diagnostics import warn
from sphinx_comparisons.hugo import i18n, paths, siteconfig

if TYPE_CHECKING:
    from sphinx_comparisons.hugo.languages import Language, Languages


def read(
    config: siteconfig.SiteConfig, site: Languages, language: Language, roots: tuple[Path, ...]
) -> dict[str, str]:
    """The default language's strings, then this language's over them (Hugo's fallback)."""
    root = siteconfig.site_root([Path(f) for f in config.files])
    if root is None:
        return {}

    def inside(path: Path) -> bool:
        return paths.contained(path, roots) is not None

    found: dict[str, str] = {}
    for code in dict.fromkeys((site.default, language.code)):
        files = i18n.files_of(i18n.folders(root, config.values, code), code, inside)
        strings, problems = i18n.strings(files, lambda p: paths.read_text(p)[0])
        for where, problem in problems:
            warn("siteconfig", problem.message, location=f"{where}:{problem.line}")
        found.update(strings)
    return found
