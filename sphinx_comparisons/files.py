"""Sphinx glue for the read containment rule (``hugo/paths.py``): every file a page names.

Shortcodes (``readfile``, ``includeMarkdown``, ``imgproc``), the ``comparison``
directive and the ``include`` directives ask :func:`allowed`; images and
download links are checked by :class:`ContainFiles` before Sphinx copies them
into ``_images/`` and ``_downloads/``; source files that are symlinks leading
out of the site are dropped before anything reads them.
"""

from __future__ import annotations

import glob
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from docutils.parsers.rst.directives.misc import Raw
from docutils.parsers.rst.directives.tables import CSVTable
from myst_parser.mocking import MockIncludeDirective
from sphinx import addnodes
from sphinx.directives.code import LiteralInclude
from sphinx.directives.other import Include
from sphinx.transforms import SphinxTransform
from sphinx.util.docutils import SphinxDirective

from sphinx_comparisons import navigation, site, sitewide
from sphinx_comparisons.diagnostics import warn
from sphinx_comparisons.hugo import paths, siteconfig

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

_SCHEME_CHARS = "://"


_ROOTS = "hugo_read_roots"


def read_roots(env: BuildEnvironment) -> tuple[Path, ...]:
    """The folders pages may read: the content tree, the Hugo project root, conf.py's folder
    and ``hugo_read_paths``.

    Found once per build (at ``env-get-outdated``), as every image and page asks.
    """
    found: tuple[Path, ...] | None = sitewide.get(env, _ROOTS)
    if found is None:
        confdir = Path((getattr(env, "_app", None) or env.app).confdir or env.srcdir)
        files = [Path(f) for f in navigation.site_config(env).files]
        extra = [confdir / name for name in site.hugo_config(env).read_paths]
        found = paths.roots(env.srcdir, siteconfig.site_root(files), confdir, *extra)
        sitewide.put(env, _ROOTS, found)
    return found


def allowed(env: BuildEnvironment, path: Path | str) -> Path | None:
    """The file with symlinks resolved when a page may read it; ``None`` when it leads out of the site."""
    return paths.contained(path, read_roots(env))


def locate(env: BuildEnvironment, places: list[tuple[Path, str]]) -> tuple[Path | None, bool]:
    """The first file a page may read among ``(folder, reference)`` places, and whether one was refused.

    A place whose folder is itself outside the site (a fallback such as the
    content folder's parent on a site without a Hugo config) is skipped, not refused.
    """
    refused = False
    for folder, reference in places:
        if allowed(env, folder) is None:
            continue
        found = allowed(env, folder / reference)
        if found is None:
            refused = True
        elif paths.is_file(found):
            return found, refused
    return None, refused


def read(env: BuildEnvironment, path: Path, reference: str, location: Any, subtype: str) -> str | None:
    """An allowed file's text; an unreadable or non-UTF-8 file is a located warning, not a crash."""
    text, problem = paths.read_text(path)
    if text is None:
        warn(subtype, f"file {reference!r} {problem}; it is not used", location=location)
    elif problem:
        warn("encoding", f"file {reference!r} {problem}", location=location)
    return text


class ContainFiles(SphinxTransform):
    """Images and download links that lead out of the site are not copied (or shown).

    Runs after ``links.ResolveHugoLinks`` (420) has placed static images and
    before the asset collectors (``doctree-read``) copy anything.
    """

    default_priority = 870  # before DoctreeReadEvent (880), whose collectors copy files

    def apply(self, **kwargs: Any) -> None:
        for image in list(self.document.findall(nodes.image)):
            uri = str(image.get("uri", ""))
            if uri and not _is_url(uri) and not self._may_read(uri):
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
        candidates = glob.glob(glob.escape(absolute[:-2]) + ".*") if absolute.endswith(".*") else [absolute]
        return all(allowed(self.env, candidate) is not None for candidate in [absolute.removesuffix(".*"), *candidates])

    def _refuse(self, node: nodes.Element, reference: str, replacement: nodes.Element) -> None:
        line = next((n.line for n in _self_and_ancestors(node) if n.line), None)
        warn("path", f"{paths.refusal(reference)} (nor copied into the site)", location=(self.env.docname, line))
        replacement.source, replacement.line = node.source, line
        if isinstance(node.parent, nodes.reference) and len(node.parent) == 1:
            node = node.parent  # a linked image: Sphinx's writer wants an image in that link
        if isinstance(node.parent, (nodes.figure, nodes.container)):
            replacement = nodes.paragraph("", "", replacement)
        node.replace_self(replacement)


def _self_and_ancestors(node: nodes.Node | None) -> list[nodes.Node]:
    found = []
    while node is not None:
        found.append(node)
        node = node.parent
    return found


def _is_url(uri: str) -> bool:
    return uri.startswith(("data:", "//")) or _SCHEME_CHARS in uri


def _refused_file(directive: Any, reference: str, relative_to_doc: bool) -> bool:
    """Warn and say so when a directive's file leads out of the site."""
    env: BuildEnvironment = directive.state.document.settings.env
    folder = os.path.dirname(env.doc2path(env.docname))
    if relative_to_doc or not reference.startswith("/"):  # docutils joins; Sphinx reads /x from the source folder
        absolute = os.path.join(folder, reference)
    else:
        absolute = os.path.join(env.srcdir, reference.lstrip("/"))
    if allowed(env, absolute) is not None:
        return False
    warn("path", paths.refusal(reference), location=(env.docname, directive.lineno))
    return True


class ContainedInclude(SphinxDirective):
    """``include`` limited to files inside the site (MyST's own include, or Sphinx's for rST)."""

    required_arguments = 1
    final_argument_whitespace = True
    option_spec = Include.option_spec

    def run(self) -> list[nodes.Node]:
        reference = "".join(part.strip() for part in self.arguments[0].splitlines())
        standard = reference.startswith("<") and reference.endswith(">")
        if not standard and _refused_file(self, reference, relative_to_doc=False):
            return []
        renderer = getattr(self.state, "_renderer", None)
        if renderer is not None:
            return list(MockIncludeDirective(renderer, self.name, Include, self.arguments, self.options, list(self.content), self.lineno).run())
        return list(Include(self.name, self.arguments, self.options, self.content, self.lineno, self.content_offset,
                            self.block_text, self.state, self.state_machine).run())


class ContainedLiteralInclude(LiteralInclude):
    """``literalinclude`` limited to files inside the site."""

    def run(self) -> list[nodes.Node]:
        return [] if _refused_file(self, self.arguments[0], relative_to_doc=False) else super().run()


class ContainedRaw(Raw):
    """``raw`` whose ``:file:`` lies inside the site; ``:url:`` (a fetch at build time) is refused."""

    def run(self) -> Sequence[nodes.Node]:
        return [] if _refused_options(self) else super().run()


class ContainedCSVTable(CSVTable):
    """``csv-table`` whose ``:file:`` lies inside the site; ``:url:`` is refused."""

    def run(self) -> Sequence[nodes.table | nodes.system_message]:
        return [] if _refused_options(self) else super().run()


def _refused_options(directive: Any) -> bool:
    if "url" in directive.options:
        warn("path", f"{directive.name} :url: would fetch {directive.options['url']!r} at build time; it is not read",
             location=(directive.state.document.settings.env.docname, directive.lineno))
        return True
    return "file" in directive.options and _refused_file(directive, directive.options["file"], relative_to_doc=True)


DIRECTIVES = {
    "include": ContainedInclude, "literalinclude": ContainedLiteralInclude, "raw": ContainedRaw, "csv-table": ContainedCSVTable,
}


def drop_escaping_sources(app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]) -> list[str]:
    """``env-get-outdated``, before the front matter scan: a page file that is a symlink out of the site is not read."""
    sitewide.drop(env, _ROOTS)  # the site config or conf.py's folder may have moved since the last build
    escaping = {doc for doc in env.found_docs if allowed(env, env.doc2path(doc)) is None}
    for docname in sorted(escaping):
        warn("path", f"page file {os.fspath(env.doc2path(docname, False))!r} is a symlink that leads outside the site; "
             "it is not read or built", location=None)
    for documents in (env.found_docs, added, changed):
        documents.difference_update(escaping)
    removed.update(escaping & set(env.all_docs))
    return []
