"""What Sphinx and MyST make again for every page they read, made once per process.

Each is rebuilt from values that do not change during a build, and together they were a
tenth of a 2,000-page build's time (cProfile): docutils' option parser for the page's
settings (Sphinx), a markdown-it parser with every plugin (MyST), and docutils' option parser
again for a document MyST throws away. Each page still gets its own settings object, with
its own ``record_dependencies``, and never shares a parser with a page being rendered.
"""

from __future__ import annotations

import copy
import functools
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from docutils import nodes
from docutils.frontend import Values, get_default_settings
from docutils.parsers.rst import Parser as RSTParser
from docutils.utils import DependencyList, new_document
from myst_parser.mdit_to_docutils import base as myst_base
from myst_parser.parsers import sphinx_ as myst_sphinx_parser
from sphinx.environment.collectors.toctree import TocTreeCollector
from sphinx.util import docutils as sphinx_docutils

from sphinx_comparisons.compat import myst

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

#: What docutils' ``OptionParser.populate_from_components`` and its config-file reading take
#: from each component: components alike in these give the same settings.
_SPEC = (
    "settings_spec",
    "settings_defaults",
    "settings_default_overrides",
    "config_section",
    "config_section_dependencies",
)


def _fresh(settings: Values) -> Values:
    """A copy of ``settings`` with its own empty ``record_dependencies``, as docutils gives
    each new settings object, so each document records only the files it read itself."""
    copied = copy.copy(settings)
    copied.record_dependencies = DependencyList()
    return copied


def _settings_read_once(get: Any) -> Any:
    """Sphinx 8.1 on builds docutils' whole option parser (and reads its config files) for
    every page (``_parse_str_to_doctree`` calls ``_get_settings``), 1.8 ms a page; Sphinx 8.0
    shared one publisher's settings across pages. Here the settings are read again only when
    the components or the defaults differ from the last call's."""
    last: list[Any] = []  # [key, defaults, values] of the last call

    @functools.wraps(get)
    def _get_settings(
        *components: Any, defaults: Mapping[str, Any], read_config_files: bool = False
    ) -> Values:
        key = (
            read_config_files,
            [tuple(getattr(c, name, None) for name in _SPEC) for c in components],
        )
        if not last or last[0] != key or last[1] != defaults:
            read = get(*components, defaults=defaults, read_config_files=read_config_files)
            last[:] = [key, dict(defaults), read]
        return _fresh(last[2])

    _get_settings.__sphinx_comparisons__ = True  # type: ignore[attr-defined]
    return _get_settings


def _parsers_made_once(create: Any) -> Any:
    """MyST's Sphinx parser makes a markdown-it parser, with every plugin, for every page
    (``MystParser.parse`` calls ``create_md_parser``), 0.9 ms a page. One parser per renderer
    class is kept and given again to a page whose config is equal, while no parser plugin has
    been added since; a page read while it is rendering (a nested read) gets a new one. The
    page's document is let go after rendering.
    """
    kept: dict[Any, tuple[Any, Any]] = {}  # renderer class: ((config, plugins), parser)
    rendering: set[int] = set()

    @functools.wraps(create)
    def create_md_parser(config: Any, renderer: Any) -> Any:
        made_for, md = kept.get(renderer, (None, None))
        if made_for == (config, myst.parser_plugins()) and id(md) not in rendering:
            md.options["myst_config"] = config
            return md
        md = create(config, renderer)
        if not rendering:
            kept[renderer] = ((config, myst.parser_plugins()), md)
            md.render = _one_page_at_a_time(md, md.render, rendering)
        return md

    create_md_parser.__sphinx_comparisons__ = True  # type: ignore[attr-defined]
    return create_md_parser


def _one_page_at_a_time(md: Any, render: Any, rendering: set[int]) -> Any:
    def render_page(*args: Any, **kwargs: Any) -> Any:
        rendering.add(id(md))
        try:
            return render(*args, **kwargs)
        finally:
            rendering.discard(id(md))
            md.options.pop("document", None)

    return render_page


def _documents_from_defaults_read_once(make: Any) -> Any:
    """MyST's renderer makes a document with docutils' default settings for every page and
    drops it (``setup_render`` evaluates ``options.get("document", make_document())`` even
    when the page's document is given); reading the defaults builds docutils' whole option
    parser, 2 ms a page. Read once per parser class here; each document gets its own copy."""
    defaults: dict[Any, Values] = {}

    @functools.wraps(make)
    def make_document(source_path: str = "notset", parser_cls: Any = RSTParser) -> nodes.document:
        if parser_cls not in defaults:
            defaults[parser_cls] = get_default_settings(parser_cls)
        return new_document(source_path, settings=_fresh(defaults[parser_cls]))

    make_document.__sphinx_comparisons__ = True  # type: ignore[attr-defined]
    return make_document


def patch_reading() -> None:
    """Install the three wrappers above, once per process, over ``myst.patch_myst``'s (done
    first here), whose plugins a kept parser then carries once.

    Relies on: ``sphinx.util.docutils._get_settings(*components, defaults=...,
    read_config_files=...)``, the name ``_parse_str_to_doctree`` calls (Sphinx 8.1 on; 8.0
    has neither and is left alone); ``myst_parser.parsers.sphinx_.create_md_parser(config,
    renderer_cls)``, the name ``MystParser.parse`` calls before ``parser.render``; and
    ``myst_parser.mdit_to_docutils.base.make_document(source_path, parser_cls)``, the name the
    renderer calls for a document with the defaults.
    No public API: neither Sphinx nor MyST has a setting to reuse them.
    Checked against: Sphinx 8.0–9.0, myst-parser 4.0–5.2, sphinx-design 0.6–0.8.
    """
    myst.patch_myst()
    get = getattr(sphinx_docutils, "_get_settings", None)
    if get is not None and not getattr(get, "__sphinx_comparisons__", False):
        sphinx_docutils._get_settings = _settings_read_once(get)  # type: ignore[attr-defined]
    create = myst_sphinx_parser.create_md_parser
    if not getattr(create, "__sphinx_comparisons_once__", False):
        once = _parsers_made_once(create)
        once.__sphinx_comparisons_once__ = True  # type: ignore[attr-defined]
        myst_sphinx_parser.create_md_parser = once
    if not getattr(myst_base.make_document, "__sphinx_comparisons__", False):
        myst_base.make_document = _documents_from_defaults_read_once(myst_base.make_document)


def purge_toctree_relations_of_toctree_pages_only(app: Sphinx) -> None:
    """Sphinx forgets a page's toctree relations before reading it, for every page.

    ``TocTreeCollector.clear_doc`` (``env-purge-doc``) takes the page out of every set of
    ``env.files_to_rebuild``: a scan of every page a toctree lists, for every page read, which
    made reading grow with the square of the site (2 ms a page at 5,000 pages, cProfile). A
    page is in one of those sets only if a toctree of its own was noted (``note_toctree``
    adds it there and makes it a key of ``env.toctree_includes`` together; so does
    ``merge_other``), so for any other page the collector runs with no set to scan.

    Relies on: the collector's bound ``clear_doc`` among the ``env-purge-doc`` listeners
    (``EventManager.listeners``, ``EventListener`` tuples), replaced in place so its order
    and priority stay, and on ``note_toctree`` and ``merge_other`` being what writes
    ``files_to_rebuild``.
    No public API: the collector's listener is Sphinx's own.
    Checked against: Sphinx 8.0–9.0, myst-parser 4.0–5.2, sphinx-design 0.6–0.8.
    """
    listeners = app.events.listeners.get("env-purge-doc", [])
    for position, listener in enumerate(listeners):
        if getattr(listener.handler, "__func__", None) is TocTreeCollector.clear_doc:
            handler = _scanning_only_toctree_pages(listener.handler)
            listeners[position] = listener._replace(handler=handler)


def _scanning_only_toctree_pages(clear_doc: Any) -> Any:
    @functools.wraps(clear_doc)  # still Sphinx's own handler, wrapped
    def clear_doc_scanning_only_toctree_pages(
        app: Sphinx, env: BuildEnvironment, docname: str
    ) -> None:
        if docname in env.toctree_includes:
            clear_doc(app, env, docname)
            return
        relations, env.files_to_rebuild = env.files_to_rebuild, {}
        try:
            clear_doc(app, env, docname)
        finally:
            env.files_to_rebuild = relations

    return clear_doc_scanning_only_toctree_pages
