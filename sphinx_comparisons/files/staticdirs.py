"""The site's ``static/`` folders, copied into the output as Hugo copies them.

Which files they publish is a fact of the site model (``site/static.py``).
Sphinx's ``html_extra_path`` would follow any symlink, so the copy is ours:
at ``build-finished``, after the pages (a static file wins over a page, as in
Hugo) and before the redirects (which never replace a file they did not write).
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx_comparisons.diagnostics import warn
from sphinx_comparisons.hugo import outputs
from sphinx_comparisons.site import state

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def copy(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: copy the static files into the output; an unchanged file is left
    alone."""
    if exception is not None or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    for relative, source in state.model(app.env).static_files.items():
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
