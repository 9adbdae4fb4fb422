"""The site's ``static/`` folders, copied into the output as Hugo copies them.

Only ``staticDir`` entries inside the Hugo project root count, and a symlink
that leads out of the site is neither followed nor copied (``hugo/paths.py``);
a file that would replace what Sphinx or the theme writes (``_static/...``) is
not copied either (``hugo/outputs.py``).
Sphinx's ``html_extra_path`` would follow any symlink, so the copy is ours:
at ``build-finished``, after the pages (a static file wins over a page, as in
Hugo) and before the redirects (which never replace a file they did not write).
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx_comparisons.diagnostics import warn
from sphinx_comparisons.files import reads
from sphinx_comparisons.hugo import outputs, paths, siteconfig
from sphinx_comparisons.site import sitewide

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

_ENV_ATTR = "hugo_static_files"


def folders(config: siteconfig.SiteConfig, report: bool = False) -> list[Path]:
    """The site's static folders (``staticDir``, default ``static``), beside its config."""
    root = siteconfig.site_root([Path(f) for f in config.files])
    if root is None:
        return []
    names: Any = config.values.get("staticdir", "static")
    found, refused = paths.static_folders(root, names if isinstance(names, list) else [names])
    if report:
        file, line = config.origin("staticdir")
        for name in refused:
            warn("path", f"staticDir {name!r} leads outside the Hugo project root ({root}); it is not copied",
                 location=f"{file}:{line}")
    return found


def collect(env: BuildEnvironment, config: siteconfig.SiteConfig) -> list[Path]:
    """Before reading: the static folders and their files, refused ones reported; the folders."""
    found = folders(config, report=True)
    static, refused = paths.static_files(found, reads.read_roots(env))
    for path in refused:
        warn("path", "this static file or folder is a symlink that leads outside the site; it is not copied", location=f"{path}:1")
    for relative in sorted(static):
        problem = outputs.static_problem(relative)
        if problem:
            warn("output", f"static file {relative!r} {problem}; it is not copied", location=f"{static.pop(relative)}:1")
    sitewide.put(env, _ENV_ATTR, static)
    return found


def static_files(env: BuildEnvironment) -> dict[str, Path]:
    """Site-relative path -> source file, for every file the static folders publish."""
    return sitewide.get(env, _ENV_ATTR, {})


def copy(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: copy the static files into the output; an unchanged file is left alone."""
    if exception is not None or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    for relative, source in static_files(app.env).items():
        try:
            destination = outputs.place(outdir, relative)
            if _same(source, destination):
                continue
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, destination)
            shutil.copystat(source, destination)
        except (OSError, ValueError) as err:
            warn("output", f"static file {relative!r} cannot be copied: {err}")


def _same(source: Path, destination: Path) -> bool:
    try:
        a, b = source.stat(), destination.stat()
    except OSError:
        return False
    return a.st_size == b.st_size and int(a.st_mtime) == int(b.st_mtime)
