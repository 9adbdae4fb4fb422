"""Sphinx glue for the read containment rule (``hugo/paths.py``): every file a page names.

Shortcodes (``readfile``, ``includeMarkdown``, ``imgproc``), the ``comparison``
directive and the ``include`` directives ask :func:`allowed`; images and
download links are checked by :class:`ContainFiles` before Sphinx copies them
into ``_images/`` and ``_downloads/``. (Source files that are symlinks leading
out of the site leave the build with the site model, before anything reads them.)
"""

from __future__ import annotations

import glob
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from docutils.parsers.rst.directives.misc import Raw
from docutils.parsers.rst.directives.tables import CSVTable
from sphinx import addnodes
from sphinx.directives.code import LiteralInclude
from sphinx.directives.other import Include
from sphinx.transforms import SphinxTransform
from sphinx.util.docutils import SphinxDirective, is_directive_registered

from sphinx_comparisons import compat, pipeline
from sphinx_comparisons.diagnostics import warn
from sphinx_comparisons.guard import Guarded
from sphinx_comparisons.hugo import paths, safeurl
from sphinx_comparisons.site import state

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment

_SCHEME_CHARS = "://"


def read_roots(env: BuildEnvironment) -> tuple[Path, ...]:
    """The folders pages may read: the content tree, the Hugo project root, conf.py's folder
    and ``hugo_read_paths`` (found for the site model)."""
    return state.model(env).read_roots


def allowed(env: BuildEnvironment, path: Path | str, dotted: bool = False) -> Path | None:
    """The file with symlinks resolved when a page may read it; ``None`` when it leads out of the
    site or (unless ``dotted``) through a dot name."""
    return paths.contained(path, read_roots(env), dotted)


def refusal(env: BuildEnvironment, reference: str, path: Path | str | None) -> str:
    """Why a page may not read ``reference``, looked for at ``path``."""
    return paths.refusal(reference, path, read_roots(env))


def locate(env: BuildEnvironment, places: list[tuple[Path, str]]) -> tuple[Path | None, str | None]:
    """The first file a page may read among ``(folder, reference)`` places, and why the first
    refused place was refused (``None`` when none was).

    A place whose folder is itself outside the site (a fallback such as the
    content folder's parent on a site without a Hugo config) is skipped, not refused.
    """
    refused: str | None = None
    for folder, reference in places:
        if allowed(env, folder) is None:
            continue
        found = allowed(env, folder / reference)
        if found is None:
            refused = refused or refusal(env, reference, folder / reference)
        elif paths.is_file(found):
            return found, refused
    return None, refused


def read(
    env: BuildEnvironment, path: Path, reference: str, location: Any, subtype: str
) -> str | None:
    """An allowed file's text; an unreadable or non-UTF-8 file is a located warning, not a crash."""
    text, problem = paths.read_text(path)
    if text is None:
        warn(subtype, f"file {reference!r} {problem}; it is not used", location=location)
    elif problem:
        warn("encoding", f"file {reference!r} {problem}", location=location)
    return text


class ContainFiles(SphinxTransform):
    """Images and download links that lead out of the site are not copied (or shown), and
    images whose address the link allow-list refuses (``javascript:``) are not shown.

    Runs after ``links.ResolveHugoLinks`` (420) has placed static images and
    before the asset collectors (``doctree-read``) copy anything.
    """

    default_priority = pipeline.CONTAINED_FILES

    def apply(self, **kwargs: Any) -> None:
        for image in list(self.document.findall(nodes.image)):
            uri = str(image.get("uri", ""))
            scheme = safeurl.refusal(uri)
            if scheme is not None:
                warn(
                    "link_scheme",
                    f"image {uri!r} {scheme}; it is not shown",
                    location=(self.env.docname, _line(image)),
                )
                self._replace(image, nodes.inline("", str(image.get("alt", ""))))
            elif uri and not _is_url(uri) and not self._may_read(uri):
                self._refuse(image, uri, nodes.inline("", str(image.get("alt", ""))))
        for download in list(self.document.findall(addnodes.download_reference)):
            target = str(download.get("reftarget", ""))
            if target and not _is_url(target) and not self._may_read(target):
                self._refuse(download, target, nodes.inline("", "", *download.children))

    def _may_read(self, reference: str) -> bool:
        try:
            _, absolute = self.env.relfn2path(reference.split("?", 1)[0], self.env.docname)
        except (OSError, ValueError):
            return False
        candidates = (
            glob.glob(glob.escape(absolute[:-2]) + ".*") if absolute.endswith(".*") else [absolute]
        )
        return all(
            allowed(self.env, candidate) is not None
            for candidate in [absolute.removesuffix(".*"), *candidates]
        )

    def _refuse(self, node: nodes.Element, reference: str, replacement: nodes.Element) -> None:
        try:
            _, absolute = self.env.relfn2path(reference.split("?", 1)[0], self.env.docname)
        except (OSError, ValueError):
            absolute = None
        where = absolute.removesuffix(".*") if absolute else None
        warn(
            "path",
            f"{refusal(self.env, reference, where)} (nor copied into the site)",
            location=(self.env.docname, _line(node)),
        )
        self._replace(node, replacement)

    @staticmethod
    def _replace(node: nodes.Element, replacement: nodes.Element) -> None:
        replacement.source, replacement.line = node.source, _line(node)
        if isinstance(node.parent, nodes.reference) and len(node.parent) == 1:
            node = node.parent  # a linked image: Sphinx's writer wants an image in that link
        if isinstance(node.parent, (nodes.figure, nodes.container)):
            caption = node.parent.next_node(nodes.caption)
            if caption is not None and caption.astext() == replacement.astext():
                replacement = nodes.inline()  # the alt text is the caption: say it once
            replacement = nodes.paragraph("", "", replacement)
        node.replace_self(replacement)


def _line(node: nodes.Node) -> int | None:
    return next((n.line for n in _self_and_ancestors(node) if n.line), None)


def _self_and_ancestors(node: nodes.Node | None) -> list[nodes.Node]:
    found = []
    while node is not None:
        found.append(node)
        node = node.parent
    return found


def _is_url(uri: str) -> bool:
    """Whether Sphinx reads no file for ``uri``: Sphinx's test (``'://' in uri``,
    ``sphinx.environment.collectors.asset``), not the link allow-list's scheme rule, since
    ``x:/../../secret`` has a scheme to a browser and is a relative path to Sphinx."""
    return uri.startswith(("data:", "//")) or _SCHEME_CHARS in uri


def _refused(directive: Any, reference: str, path: str | None) -> bool:
    """Warn and say so when the file a directive will read (``path``) is one a page may not read."""
    env: BuildEnvironment = directive.state.document.settings.env
    if path is not None and allowed(env, path) is not None:
        return False
    warn("path", refusal(env, reference, path), location=(env.docname, directive.lineno))
    return True


def _sphinx_path(directive: Any, reference: str) -> str | None:
    """Where Sphinx's ``include`` and ``literalinclude`` read a file: beside the page, ``/x``
    from the source folder."""
    try:
        return str(directive.state.document.settings.env.relfn2path(reference)[1])
    except (OSError, ValueError):
        return None


class ContainedInclude(SphinxDirective):
    """``include`` limited to files inside the site (MyST's own include, or Sphinx's for rST).

    A docutils "standard" include (``<isonum.txt>``) may name only a file of
    docutils' own include folder, where both MyST and docutils look for it.
    """

    required_arguments = 1
    final_argument_whitespace = True
    option_spec = Include.option_spec

    def run(self) -> list[nodes.Node]:
        reference = "".join(part.strip() for part in self.arguments[0].splitlines())
        if reference.startswith("<") and reference.endswith(">"):
            if self._refused_standard(reference):
                return []
        elif _refused(self, reference, _sphinx_path(self, reference)):
            return []
        renderer = compat.myst.renderer_of(self.state)
        if renderer is not None:
            return compat.myst.run_include(renderer, self, Include)
        return list(
            Include(
                self.name,
                self.arguments,
                self.options,
                self.content,
                self.lineno,
                self.content_offset,
                self.block_text,
                self.state,
                self.state_machine,
            ).run()
        )

    def _refused_standard(self, reference: str) -> bool:
        folder = paths.roots(compat.docutils.standard_include_folder())
        if paths.contained(os.path.join(folder[0], reference[1:-1]), folder) is not None:
            return False
        warn(
            "path",
            f"{reference!r} is not a file of docutils' standard include folder; it is not read",
            location=(self.env.docname, self.lineno),
        )
        return True


class ContainedLiteralInclude(LiteralInclude):
    """``literalinclude`` limited to files inside the site, its ``:diff:`` file too."""

    def run(self) -> list[nodes.Node]:
        references = [
            self.arguments[0],
            *([self.options["diff"]] if "diff" in self.options else []),
        ]
        if any(
            _refused(self, reference, _sphinx_path(self, reference)) for reference in references
        ):
            return []
        return super().run()


class ContainedRaw(Raw):
    """``raw`` whose ``:file:`` lies inside the site; ``:url:`` (a fetch at build time) is
    refused."""

    def run(self) -> Sequence[nodes.Node]:
        return [] if _refused_options(self) else super().run()


class ContainedCSVTable(CSVTable):
    """``csv-table`` whose ``:file:`` lies inside the site; ``:url:`` is refused."""

    def run(self) -> Sequence[nodes.table | nodes.system_message]:
        return [] if _refused_options(self) else super().run()


def _refused_options(directive: Any) -> bool:
    if "url" in directive.options:
        warn(
            "path",
            f"{directive.name} :url: would fetch {directive.options['url']!r} at build time; "
            "it is not read",
            location=(directive.state.document.settings.env.docname, directive.lineno),
        )
        return True
    reference = directive.options.get("file")
    if reference is None:
        return False
    path = compat.docutils.file_option_path(directive.state.document, reference)
    return _refused(directive, reference, path)


DIRECTIVES: dict[str, type] = {
    "include": ContainedInclude,
    "literalinclude": ContainedLiteralInclude,
    "raw": ContainedRaw,
    "csv-table": ContainedCSVTable,
}


def translated_directives(language: str | None) -> dict[str, type]:
    """The names ``language`` gives docutils' directives that :data:`DIRECTIVES` overrides
    (``einfügen`` is ``include`` in German), each with the override.

    docutils looks a name up among the registered directives first and only then
    maps a translated name to its canonical one, and loads *its own* class for
    that (``docutils.parsers.rst.directives.directive``): the overrides must be
    registered under the translated names too. A name already registered
    (by Sphinx or another extension) is what docutils finds, so it is left alone.
    """
    return {
        name: DIRECTIVES[canonical]
        for name, canonical in compat.docutils.translated_directive_names(language).items()
        if canonical in DIRECTIVES and name not in DIRECTIVES and not is_directive_registered(name)
    }


def register_translated_directives(app: Sphinx, conf: Config) -> None:
    """The file-reading overrides under the names the build's ``language`` gives them."""
    hooks = Guarded(app)
    for name, directive in translated_directives(conf.language).items():
        hooks.add_directive(name, directive)
