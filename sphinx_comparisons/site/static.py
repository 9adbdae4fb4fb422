"""The site's static folders and the files they publish, found for the site model.

Only ``staticDir`` entries inside the Hugo project root count, and a symlink
that leads out of the site is neither followed nor copied (``hugo/paths.py``);
a file that would replace what Sphinx or the theme writes (``_static/...``) is
not published either (``hugo/outputs.py``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sphinx_comparisons.diagnostics import warn
from sphinx_comparisons.hugo import outputs, paths, siteconfig


def folders(config: siteconfig.SiteConfig) -> list[Path]:
    """The site's static folders (``staticDir``, default ``static``), beside its config; the
    entries that lead out of the project are reported."""
    root = siteconfig.site_root([Path(f) for f in config.files])
    if root is None:
        return []
    names: Any = config.values.get("staticdir", "static")
    found, refused = paths.static_folders(root, names if isinstance(names, list) else [names])
    file, line = config.origin("staticdir")
    for name in refused:
        warn(
            "path",
            f"staticDir {name!r} leads outside the Hugo project root ({root}); it is not copied",
            location=f"{file}:{line}",
        )
    return found


def files(found: list[Path], read_roots: tuple[Path, ...]) -> dict[str, Path]:
    """Site-relative path -> source file, for every file the folders publish; refusals reported."""
    static, refused = paths.static_files(found, read_roots)
    for path in refused:
        warn(
            "path",
            "this static file or folder is a symlink that leads outside the site; it is not copied",
            location=f"{path}:1",
        )
    for relative in sorted(static):
        problem = outputs.static_problem(relative)
        if problem:
            warn(
                "output",
                f"static file {relative!r} {problem}; it is not copied",
                location=f"{static.pop(relative)}:1",
            )
    return static
