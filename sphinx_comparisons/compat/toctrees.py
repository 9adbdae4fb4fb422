"""Sphinx and theme internals behind the navigation cache: the global toctree resolved against no
page, the relative URIs the HTML builders write, a page's toctree ancestors, furo's per-page
navigation tree, and pydata-sphinx-theme's section toctree and sidebar post-processing.
"""

from __future__ import annotations

import inspect
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from sphinx import addnodes
from sphinx.builders import Builder
from sphinx.environment.adapters.toctree import TocTree, _resolve_toctree
from sphinx.util.osutil import relative_uri as _relative_uri

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.environment import BuildEnvironment

#: Whether ``_resolve_toctree`` takes ``tags`` (added in Sphinx 8.1).
_RESOLVE_TAKES_TAGS = "tags" in inspect.signature(_resolve_toctree).parameters
#: How many parts the entries of each root toctree are resolved in.
PARTS = 16
#: A document name no page can have: the toctree resolved for it marks no page current.
NO_PAGE = "\x00no page"


def reference_toctree(
    builder: Any,
    options: dict[str, Any],
    token: Callable[[str], str],
    between_parts: Callable[[], object] = lambda: None,
) -> nodes.Element | None:
    """The global toctree the ``toctree()`` template function resolves with ``options``, for
    no page: every internal link's address is ``token(docname)`` followed by its anchor.

    ``global_toctree_for_doc``, with each root toctree's entries resolved :data:`PARTS`
    slices at a time and the slices' items joined in one list. Sphinx resolves each entry on
    its own (``_entries_from_toctree``) and then copies the whole tree to prune it
    (``_toctree_copy``): resolved at once, the tree is in memory twice (60 MiB at 2,000
    pages); in parts, once plus a slice, with ``between_parts`` called after each slice (the
    cache collects the slice's first copy there).

    Relies on: ``global_toctree_for_doc`` joining its root toctrees' children, and
    ``_resolve_toctree`` giving ``[caption, list of every entry's items]`` where each entry's
    items depend only on that entry; every internal link resolved through the builder's
    ``get_relative_uri(docname, target)``, ``current`` only on links to ``docname``, as
    ``StandaloneHTMLBuilder._get_local_toctree`` calls it.
    No public API: Sphinx resolves the global toctree for one page at a time.
    Checked against: Sphinx 8.0–9.0, myst-parser 4.0–5.2, sphinx-design 0.6–0.8.
    """

    def tokens(from_: str, to: str, typ: str | None = None) -> str:
        return token(to)

    options = {
        "maxdepth": int(options.get("maxdepth", 0)),
        "titles_only": options.get("titles_only", False),
        "collapse": options.get("collapse", False),
        "includehidden": options.get("includehidden", True),
    }
    if _RESOLVE_TAKES_TAGS:  # Sphinx 8.1 and later; 8.0 reads the builder's own tags
        options["tags"] = builder.tags
    builder.get_relative_uri = tokens
    try:
        toctrees = [
            _resolve_in_parts(builder, toctree, options, between_parts)
            for toctree in builder.env.master_doctree.findall(addnodes.toctree)
        ]
    finally:
        del builder.get_relative_uri
    resolved = [toctree for toctree in toctrees if toctree is not None]
    if not resolved:
        return None
    for toctree in resolved[1:]:
        resolved[0].extend(toctree.children)
    return resolved[0]


def _resolve_in_parts(
    builder: Any, toctree: addnodes.toctree, options: dict[str, Any], between: Callable[[], object]
) -> nodes.Element | None:
    entries = list(toctree["entries"])
    size = max(1, -(-len(entries) // PARTS))
    whole: nodes.Element | None = None
    for start in range(0, max(len(entries), 1), size):
        part = toctree.copy()
        part["entries"] = entries[start : start + size]
        node = _resolve_toctree(builder.env, NO_PAGE, builder, part, prune=True, **options)
        between()
        if node is None:
            continue  # no titles in this slice: the whole list lacks its items, no more
        if whole is None:
            whole = node
        else:
            whole[-1].extend(node[-1].children)  # type: ignore[attr-defined]
    return whole


def link_anchor(reference: nodes.Element) -> str:
    """The ``#anchor`` a toctree link adds to its page's address (``""`` for the page itself).

    Relies on: the ``anchorname`` attribute of toctree references, which ``_resolve_toctree``
    appends to the relative URI and ``_toctree_add_classes`` tests for ``current``.
    No public API: the attribute is the toctree collector's.
    Checked against: Sphinx 8.0–9.0, myst-parser 4.0–5.2, sphinx-design 0.6–0.8.
    """
    return str(reference.get("anchorname") or "")


def unwritten_lists(node: nodes.Element) -> list[nodes.Element]:
    """The lists in a resolved toctree that hold nothing but a toctree left unresolved: the
    hidden toctree of a page, with ``includehidden=False``. The HTML writer skips them.

    Relies on: ``_toctree_entry`` leaving a page's hidden toctree node in its list when hidden
    toctrees are left out (it resolves the others in place), and
    ``HTML5Translator.visit_bullet_list`` skipping a list whose only child is a toctree node.
    No public API: what the writer skips is its own.
    Checked against: Sphinx 8.0–9.0, myst-parser 4.0–5.2, sphinx-design 0.6–0.8.
    """
    from docutils import nodes
    from sphinx import addnodes

    return [
        found
        for found in node.findall(nodes.bullet_list)
        if len(found) == 1 and isinstance(found[0], addnodes.toctree)
    ]


def render_fragment(builder: Any, node: nodes.Element) -> str:
    """The HTML the builder writes for ``node`` alone, as ``toctree()`` returns it.

    Relies on: ``StandaloneHTMLBuilder.render_partial`` (its ``fragment``).
    Public API: a documented method of the HTML builders.
    Checked against: Sphinx 8.0–9.0, myst-parser 4.0–5.2, sphinx-design 0.6–0.8.
    """
    return str(builder.render_partial(node)["fragment"])


def target_uris(builder: Any) -> Callable[[str], str] | None:
    """The address the builder gives each document, when a page's link to it is
    ``relative_uri(page's address, that address)``; ``None`` when the builder computes
    relative URIs its own way.

    Relies on: ``Builder.get_relative_uri`` being ``relative_uri`` of the two target URIs,
    unless a builder class or instance replaces it (``singlehtml`` does).
    No public API: the builders give relative URIs one pair at a time.
    Checked against: Sphinx 8.0–9.0, myst-parser 4.0–5.2, sphinx-design 0.6–0.8.
    """
    if type(builder).get_relative_uri is not Builder.get_relative_uri:
        return None
    if "get_relative_uri" in vars(builder):
        return None
    return builder.get_target_uri  # type: ignore[no-any-return]


#: Sphinx's relative address from one target URI to another (``sphinx.util.osutil``).
relative_uri = _relative_uri


def sets_tocdepth(env: BuildEnvironment, docnames: set[str]) -> bool:
    """Whether one of ``docnames`` sets ``tocdepth``, which Sphinx applies with ``collapse``
    to each entry before it knows which branch is open.

    Relies on: ``env.metadata[docname]['tocdepth']`` read by ``_resolve_toctree``.
    No public API: page metadata is the environment's.
    Checked against: Sphinx 8.0–9.0, myst-parser 4.0–5.2, sphinx-design 0.6–0.8.
    """
    return any("tocdepth" in env.metadata.get(docname, {}) for docname in docnames)


def wrap_furo_navigation(wrapper: Callable[[Callable[[dict[str, Any]], str]], Any]) -> bool:
    """Replace furo's per-page navigation tree with ``wrapper(furo's own function)``; ``False``
    when furo is not loaded. Idempotent.

    Relies on: furo's ``html-page-context`` handler calling the module-level
    ``furo._compute_navigation_tree(context)`` for ``furo_navigation_tree`` (furo 2024–2025).
    No public API: furo computes it for every page, with no setting to change that.
    Checked against: Sphinx 8.0–9.0, myst-parser 4.0–5.2, sphinx-design 0.6–0.8.
    """
    furo = sys.modules.get("furo")
    own = getattr(furo, "_compute_navigation_tree", None)
    if own is None:
        return False
    if not getattr(own, "hugo_wrapped", False):
        wrapped = wrapper(own)
        wrapped.hugo_wrapped = True
        furo._compute_navigation_tree = wrapped  # type: ignore[union-attr]
    return True


def furo_navigation(toctree_html: str) -> str:
    """furo's post-processing of a toctree's HTML into its sidebar tree.

    Relies on: ``furo.navigation.get_navigation_tree``, a pure function of the HTML.
    No public API: furo calls it from its own page context handler only.
    Checked against: Sphinx 8.0–9.0, myst-parser 4.0–5.2, sphinx-design 0.6–0.8.
    """
    from furo.navigation import get_navigation_tree  # type: ignore[import-untyped]

    return str(get_navigation_tree(toctree_html))


def toctree_parents(env: BuildEnvironment) -> dict[str, str]:
    """Each document's parent as Sphinx walks up the toctrees from a page: the last page whose
    toctree lists it. Computed once, where Sphinx and the themes compute it for every page.

    Relies on: ``_get_toctree_ancestors`` building this map from ``env.toctree_includes`` in
    its order, later parents replacing earlier ones, and walking it up until a page repeats.
    No public API: the map is rebuilt inside each call.
    Checked against: Sphinx 8.0–9.0, myst-parser 4.0–5.2, sphinx-design 0.6–0.8.
    """
    parents: dict[str, str] = {}
    for parent, children in env.toctree_includes.items():
        parents |= dict.fromkeys(children, parent)
    return parents


def toctree_ancestors(parents: dict[str, str], docname: str) -> list[str]:
    """The documents whose toctree branch Sphinx keeps open for ``docname``, nearest first
    (itself included when a toctree lists it), with ``parents`` from :func:`toctree_parents`.

    Relies on: ``_get_toctree_ancestors`` walking the parent map up from the page until a page
    repeats; ``_resolve_toctree`` opens the branches of that set.
    No public API: Sphinx's ``TocTree.get_toctree_ancestors`` gives the same list but rebuilds
    the map of every page on each call, which made each page's check cost the whole site.
    Checked against: Sphinx 8.0–9.0, myst-parser 4.0–5.2, sphinx-design 0.6–0.8.
    """
    ancestors: list[str] = []
    while docname in parents and docname not in ancestors:
        ancestors.append(docname)
        docname = parents[docname]
    return ancestors


def pydata_ancestor(parents: dict[str, str], pagename: str, startdepth: int) -> str | None:
    """The page whose toctrees pydata-sphinx-theme's sidebar shows on ``pagename`` from
    ``startdepth`` (``None`` on a page with no such ancestor: the root page, the index), with
    ``parents`` from :func:`toctree_parents`.

    Relies on: ``pydata_sphinx_theme.toctree._get_ancestor_pagename`` taking
    ``ancestors[-startdepth]`` of ``_get_toctree_ancestors`` (pydata-sphinx-theme 0.17–0.20).
    No public API: the theme computes it inside its per-page template functions.
    Checked against: Sphinx 8.0–9.0, myst-parser 4.0–5.2, sphinx-design 0.6–0.8.
    """
    ancestors = toctree_ancestors(parents, pagename)
    try:
        return ancestors[-startdepth]
    except IndexError:
        return None


def pydata_section_toctree(
    app: Any, ancestor: str, options: dict[str, Any], token: Callable[[str], str]
) -> nodes.Element | None:
    """The toctrees of ``ancestor`` as pydata-sphinx-theme's sidebar resolves them, for no
    page: every internal link's address is ``token(docname)`` followed by its anchor.

    Relies on: ``pydata_sphinx_theme.toctree.get_nonroot_toctree`` resolving each toctree of
    the ancestor with ``TocTree.resolve`` for the page, through the builder's
    ``get_relative_uri`` (pydata-sphinx-theme 0.17–0.20).
    No public API: the theme resolves it inside its per-page template function.
    Checked against: Sphinx 8.0–9.0, myst-parser 4.0–5.2, sphinx-design 0.6–0.8.
    """
    from pydata_sphinx_theme.toctree import get_nonroot_toctree  # type: ignore[import-untyped]

    def tokens(from_: str, to: str, typ: str | None = None) -> str:
        return token(to)

    builder = app.builder
    builder.get_relative_uri = tokens
    try:
        node = get_nonroot_toctree(app, NO_PAGE, ancestor, TocTree(app.env), **dict(options))
    finally:
        del builder.get_relative_uri
    return node  # type: ignore[no-any-return]


def pydata_sidebar(
    own: Callable[..., Any], context: dict[str, Any], html: str, show_nav_level: int, **kwargs: Any
) -> str | None:
    """pydata-sphinx-theme's post-processing of a toctree's HTML into its sidebar (``active``,
    bootstrap classes, ``<details>`` toggles, levels opened), for ``html``; ``None`` when the
    page's ``generate_toctree_html`` is not the theme's cached closure.

    Relies on: ``generate_toctree_html`` (``add_toctree_functions``) being a ``functools.cache``
    closure that, with ``startdepth=0``, post-processes what ``context["toctree"](**kwargs)``
    returns, reading ``context`` when called (pydata-sphinx-theme 0.17–0.20).
    No public API: the post-processing is inline in the theme's per-page function.
    Checked against: Sphinx 8.0–9.0, myst-parser 4.0–5.2, sphinx-design 0.6–0.8.
    """
    plain = getattr(own, "__wrapped__", None)  # the closure behind its per-page cache
    if plain is None:
        return None
    saved = context.get("toctree")
    context["toctree"] = lambda **_: html
    try:
        return str(plain("sidebar", startdepth=0, show_nav_level=show_nav_level, **kwargs))
    finally:
        context["toctree"] = saved


#: The id pydata-sphinx-theme's header gives its dropdown (``unique_html_id`` numbers it).
PYDATA_DROPDOWN_ID = "pst-nav-more-links"


class _SectionEnv:
    """The build environment with a toctree map in which ``section`` alone has a parent."""

    def __init__(self, env: Any, section: str | None) -> None:
        self._env = env
        self.toctree_includes = {NO_PAGE: [section]} if section is not None else {}

    def __getattr__(self, name: str) -> Any:
        return getattr(self._env, name)


class _SectionApp:
    def __init__(self, app: Any, env: _SectionEnv) -> None:
        self._app, self.env = app, env

    def __getattr__(self, name: str) -> Any:
        return getattr(self._app, name)


def pydata_header(
    app: Any,
    section: str | None,
    context: dict[str, Any],
    call: tuple[tuple[Any, ...], dict[str, Any]],
    times: int = 1,
) -> list[str]:
    """pydata-sphinx-theme's header links (``generate_header_nav_html(*args, **kwargs)``) as
    the theme writes them on a page whose top-level section is ``section`` (``None``: no
    section), called ``times`` times on that page; ``context`` gives ``pathto`` and
    ``theme_external_links``.

    Relies on: ``add_toctree_functions`` defining ``generate_header_nav_html``, which lists
    the toctree entries of ``app.env.tocs[root_doc]`` with their titles from
    ``app.env.titles``, their addresses from ``context["pathto"]`` and the external links of
    ``context["theme_external_links"]``, marks ``current active`` the entries leading to the
    last of ``_get_toctree_ancestors(app.env.toctree_includes, pagename)``, and numbers its
    dropdown's id with its own ``unique_html_id`` (pydata-sphinx-theme 0.17–0.20). The
    theme's code runs on the real environment except a toctree map that gives the section.
    No public API: the theme finds the section inside the function, from the map of every
    page built again on each call.
    Checked against: Sphinx 8.0–9.0, myst-parser 4.0–5.2, sphinx-design 0.6–0.8.
    """
    from pydata_sphinx_theme.toctree import add_toctree_functions

    view = _SectionApp(app, _SectionEnv(app.env, section))
    page: dict[str, Any] = {
        key: context[key] for key in ("pathto", "theme_external_links") if key in context
    }
    add_toctree_functions(view, section or NO_PAGE, "page.html", page, None)
    args, kwargs = call
    return [str(page["generate_header_nav_html"](*args, **kwargs)) for _ in range(times)]


def pydata_unique_id(own: Callable[..., Any]) -> Callable[[str], str] | None:
    """The page's ``unique_html_id`` that pydata-sphinx-theme's ``generate_header_nav_html``
    numbers its dropdown with; ``None`` when ``own`` is not the theme's function.

    Relies on: ``generate_header_nav_html`` being a closure of ``add_toctree_functions`` over
    the page's ``unique_html_id`` (pydata-sphinx-theme 0.17–0.20).
    No public API: the theme's template function reads its own, not the context's.
    Checked against: Sphinx 8.0–9.0, myst-parser 4.0–5.2, sphinx-design 0.6–0.8.
    """
    code, cells = getattr(own, "__code__", None), getattr(own, "__closure__", None)
    if code is None or not cells or "unique_html_id" not in code.co_freevars:
        return None
    found = cells[code.co_freevars.index("unique_html_id")].cell_contents
    return found if callable(found) else None  # type: ignore[no-any-return]


def sphinx_pathto(builder: Any, context: dict[str, Any]) -> bool:
    """Whether the page's ``pathto(docname)`` is Sphinx's own: ``relative_uri`` from the
    page's target URI to the document's, ``#`` for the page itself.

    Relies on: ``StandaloneHTMLBuilder.handle_page`` defining ``pathto`` so, with
    ``allow_sharp_as_current_path`` true (the html and dirhtml builders).
    No public API: templates call ``pathto``; no extension is told how it computes.
    Checked against: Sphinx 8.0–9.0, myst-parser 4.0–5.2, sphinx-design 0.6–0.8.
    """
    pathto = context.get("pathto")
    name = getattr(pathto, "__qualname__", "")
    module = getattr(pathto, "__module__", "")
    if name != "StandaloneHTMLBuilder.handle_page.<locals>.pathto":
        return False
    return module == "sphinx.builders.html" and bool(builder.allow_sharp_as_current_path)
