"""Which files of the source folder are pages: Hugo's content files, never Sphinx's own.

Hugo reads ``.html`` files in ``content/`` as pages too, front matter first (Kubernetes' home
page is ``_index.html``); their body is HTML, with shortcodes, which MyST passes through as it
passes raw HTML in Markdown. Sphinx, once ``.html`` is a source suffix, would also read the
HTML it writes itself when the output folder lies inside the source folder (``sphinx-build .
_build``), and the HTML files it copies (``html_static_path``, ``html_extra_path``): those
folders are left out of the sources.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

#: Content files Hugo reads that are not Markdown by their suffix.
HTML = ".html"


def add_html_pages(app: Sphinx) -> None:
    app.add_source_suffix(HTML, "markdown")


def own_suffixes(app: Sphinx, conf: Config) -> None:
    """``config-inited``, before Sphinx merges the extensions' suffixes into ``source_suffix``
    (``sphinx.registry.merge_source_suffix``, 800), which it does in place: left alone, a
    conf.py without ``source_suffix`` would have ``.html`` added to Sphinx's default itself,
    for every later Sphinx application of the process (tests build many)."""
    if isinstance(conf.source_suffix, dict):
        conf.source_suffix = dict(conf.source_suffix)


def exclude_sphinx_folders(app: Sphinx, conf: Config) -> None:
    """``config-inited``: what Sphinx writes or copies is never a page, wherever it lies."""
    source = Path(app.srcdir).resolve()
    folders = [Path(app.outdir), Path(app.doctreedir)]
    folders += [source / str(path) for path in [*conf.html_static_path, *conf.html_extra_path]]
    for folder in folders:
        inside = _under(folder.resolve(), source)
        if inside:
            conf.exclude_patterns = [*conf.exclude_patterns, inside, f"{inside}/**"]


def _under(path: Path, root: Path) -> str | None:
    """``path`` relative to ``root`` as a pattern, if it lies inside it (and is not it)."""
    try:
        relative = path.relative_to(root)
    except ValueError:
        return None
    return relative.as_posix() if relative.parts else None
