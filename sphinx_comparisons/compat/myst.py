"""MyST internals: its renderer behind a directive or role, the link nodes and raw HTML it
leaves, and wrappers of its parser.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from docutils import nodes
from markdown_it.common.utils import escapeHtml
from myst_parser.mdit_to_docutils.sphinx_ import SphinxRenderer
from myst_parser.mocking import MockIncludeDirective
from myst_parser.parsers import sphinx_ as myst_sphinx_parser
from sphinx import addnodes

# -- the renderer -------------------------------------------------------------------------------


def renderer_of(state_or_inliner: Any) -> Any | None:
    """MyST's renderer behind a directive's ``state`` or a role's ``inliner``; None outside a
    MyST page (an rST page's directive).

    Relies on: the ``_renderer`` that MyST's ``MockState`` and ``MockInliner`` keep.
    No public API: MyST hands directives and roles docutils' interfaces only, and rendering
    Markdown in place (the page's settings and line numbers, nested directives) needs it.
    Checked against: Sphinx 8.0–9.0, myst-parser 4.0–5.2, sphinx-design 0.6–0.8.
    """
    return getattr(state_or_inliner, "_renderer", None)


def render_into(
    renderer: Any, container: nodes.Element, text: str, line: int, inline: bool
) -> None:
    """Render Markdown ``text``, whose first line is line ``line`` of the page (from 1), into
    ``container``.

    Relies on: ``current_node_context`` and ``nested_render_text`` of MyST's renderer, the
    latter counting lines from 0.
    No public API: ``state.nested_parse`` renders blocks only, at a directive's content offset.
    Checked against: Sphinx 8.0–9.0, myst-parser 4.0–5.2, sphinx-design 0.6–0.8.
    """
    with renderer.current_node_context(container):
        renderer.nested_render_text(text, line - 1, inline=inline)


#: markdown-it rules that would reach beyond Markdown: MyST roles.
_ROLE_RULES = ("myst_role",)


@contextmanager
def without_roles(renderer: Any) -> Iterator[None]:
    """While the block runs, the page's parser reads no roles (``{name}`text```).

    Relies on: ``renderer.md``, the page's markdown-it parser, and MyST's role rule being
    named ``myst_role`` (mdit-py-plugins' ``myst_role_plugin``).
    No public API: MyST turns roles on for the whole page.
    Checked against: Sphinx 8.0–9.0, myst-parser 4.0–5.2, sphinx-design 0.6–0.8.
    """
    md = renderer.md
    active = set(md.get_active_rules().get("inline", []))
    switched = [name for name in _ROLE_RULES if name in active]
    md.disable(switched, ignoreInvalid=True)
    try:
        yield
    finally:
        md.enable(switched, ignoreInvalid=True)


def run_include(renderer: Any, directive: Any, klass: type) -> list[nodes.Node]:
    """Run the include directive ``klass`` in place of ``directive`` as MyST runs ``include``
    in a Markdown page: the file is read as Markdown by the page's renderer.

    Relies on: ``myst_parser.mocking.MockIncludeDirective`` and its arguments
    ``(renderer, name, klass, arguments, options, body, lineno)``.
    No public API: MyST picks this class itself for a directive named ``include``; ours
    (which checks the path first) has to call it.
    Checked against: Sphinx 8.0–9.0, myst-parser 4.0–5.2, sphinx-design 0.6–0.8.
    """
    mock = MockIncludeDirective(
        renderer,
        directive.name,
        klass,
        directive.arguments,
        directive.options,
        list(directive.content),
        directive.lineno,
    )
    return list(mock.run())


# -- what MyST leaves in the doctree ------------------------------------------------------------


def link_kind(node: nodes.Node) -> str | None:
    """What MyST made of a Markdown link it left for later: ``"unplaced"`` (a destination it
    could not place), ``"page"`` (a page found by its file: ``reftarget`` is its docname,
    :func:`page_link_anchor` its anchor), else None.

    Relies on: MyST's Sphinx renderer leaving such links as ``pending_xref`` nodes with
    ``reftype="myst"`` and ``refdomain`` None or ``"doc"`` (with ``reftargetid``), which its own
    post-transform resolves after our transforms.
    No public API: the nodes are MyST's own, undocumented.
    Checked against: Sphinx 8.0–9.0, myst-parser 4.0–5.2, sphinx-design 0.6–0.8.
    """
    if not isinstance(node, addnodes.pending_xref) or node.get("reftype") != "myst":
        return None
    domain = node.get("refdomain")
    return "unplaced" if domain is None else "page" if domain == "doc" else None


def page_link_anchor(node: nodes.Element) -> str:
    """The ``#anchor`` (without ``#``) of a ``"page"`` link of :func:`link_kind` (same reliance)."""
    return str(node.get("reftargetid") or "")


def is_same_page_link(reference: nodes.Element) -> bool:
    """``[text](#anchor)``: a link to an anchor of the page itself.

    Relies on: MyST marking such a reference ``id_link`` (its transform then resolves the
    anchor against its own heading slugs).
    No public API: the mark is MyST's own, undocumented.
    Checked against: Sphinx 8.0–9.0, myst-parser 4.0–5.2, sphinx-design 0.6–0.8.
    """
    return bool(reference.get("id_link")) and str(reference.get("refuri", "")).startswith("#")


#: The raw HTML MyST itself writes for Markdown syntax: a hard break, strikethrough, a task box.
_MYST_MARKUP = frozenset(
    {"<br />\n", "<s>", "</s>"}
    | {
        f'<input class="task-list-item-checkbox" {checked}{disabled}type="checkbox">'
        for checked in ("", 'checked="checked" ')
        for disabled in ("", 'disabled="disabled" ')
    }
)


def is_myst_markup(raw_html: str) -> bool:
    """Whether a ``raw`` node's HTML is MyST's own rendering of Markdown syntax (a hard break,
    ``~~strikethrough~~``, a task-list box), not HTML the page wrote.

    Relies on: the exact strings MyST's renderer writes for those (``mdit_to_docutils/base.py``).
    No public API: MyST marks those nodes no differently from a page's raw HTML.
    Checked against: Sphinx 8.0–9.0, myst-parser 4.0–5.2, sphinx-design 0.6–0.8.
    """
    return raw_html in _MYST_MARKUP


# -- wrappers of MyST's parser ------------------------------------------------------------------


def _looks_up_paths_safely(render: Any) -> Any:
    """MyST asks whether a link's target is a local file with ``Path.is_file``, which raises on
    Python 3.11 for a name the system cannot look up (``ENAMETOOLONG``): one page linking to a
    300-character name stopped the whole build. Such a target is no file, so the link is
    rendered as a plain reference to what was written, which ``links.py`` then resolves or
    reports like any other. (The lookup comes before MyST adds any node, so nothing is doubled.)
    """

    @functools.wraps(render)
    def render_link_unknown(self: SphinxRenderer, token: Any) -> None:
        try:
            render(self, token)
        except OSError:
            self.render_link_url(token)

    render_link_unknown.__sphinx_comparisons__ = True  # type: ignore[attr-defined]
    return render_link_unknown


def _keeps_urls_as_written(render: Any) -> Any:
    """myst-parser 4.0 stores an external link's URL HTML-escaped (``escapeHtml(uri)`` in
    ``render_link_url``), and the writer escapes it again: ``?a=1&b=2`` became
    ``href="?a=1&amp;amp;b=2"``, a broken link. A reference holding the escaped form of the
    token's ``href`` gets the ``href`` back (5.x stores it so already)."""

    @functools.wraps(render)
    def render_link_url(self: SphinxRenderer, token: Any, *args: Any, **kwargs: Any) -> None:
        parent = self.current_node
        before = len(parent.children)
        render(self, token, *args, **kwargs)
        href = token.attrGet("href")
        if not isinstance(href, str):
            return
        escaped = escapeHtml(href)
        for node in parent.children[before:]:
            if isinstance(node, nodes.reference) and node.get("refuri") == escaped != href:
                node["refuri"] = href

    render_link_url.__sphinx_comparisons__ = True  # type: ignore[attr-defined]
    return render_link_url


def _any_link(url: str) -> bool:
    return True


#: Functions called with each page's new markdown-it parser (:func:`add_parser_plugin`).
_PLUGINS: list[Callable[[Any], None]] = []


def add_parser_plugin(plugin: Callable[[Any], None]) -> None:
    """Call ``plugin(md)`` on each markdown-it parser MyST makes for a page, once per process.

    Relies on: the wrapper of ``create_md_parser`` that :func:`patch_myst` installs.
    No public API: MyST loads only its own markdown-it plugins.
    Checked against: Sphinx 8.0–9.0, myst-parser 4.0–5.2, sphinx-design 0.6–0.8.
    """
    if plugin not in _PLUGINS:
        _PLUGINS.append(plugin)


def parser_plugins() -> tuple[Callable[[Any], None], ...]:
    """The plugins :func:`add_parser_plugin` has added so far, in order: a parser made before
    one was added lacks it (same reliance)."""
    return tuple(_PLUGINS)


def document_of(md: Any) -> nodes.document | None:
    """The docutils document a page's markdown-it parser is rendering into, from inside one of
    its rules (``state.md``).

    Relies on: MyST's Sphinx parser storing it as ``md.options["document"]`` before parsing.
    No public API: markdown-it rules see only the markdown-it state.
    Checked against: Sphinx 8.0–9.0, myst-parser 4.0–5.2, sphinx-design 0.6–0.8.
    """
    document = md.options.get("document")
    return document if isinstance(document, nodes.document) else None


def guard_rule(md: Any, chain: str, name: str, condition: Callable[[Any], bool]) -> None:
    """Run the markdown-it rule ``name`` of ``chain`` (``core``, ``block``, ``inline``,
    ``inline2``) only when ``condition(state)`` holds; a missing rule is left alone.

    Relies on: markdown-it-py's ``Ruler.__rules__`` (each rule's ``name`` and ``fn``) and
    ``Ruler.at``, which replaces a rule's function in place.
    No public API: markdown-it can switch a rule off for a parser, not for one page's state.
    Checked against: Sphinx 8.0–9.0, myst-parser 4.0–5.2, sphinx-design 0.6–0.8.
    """
    ruler = md.inline.ruler2 if chain == "inline2" else getattr(md, chain).ruler
    found = next((rule for rule in ruler.__rules__ if rule.name == name), None)
    if found is None:
        return
    rule = found.fn

    def guarded(state: Any, *args: Any) -> Any:
        return rule(state, *args) if condition(state) else False

    ruler.at(name, guarded, {"alt": list(found.alt)})


def _parses_every_link(create: Any) -> Any:
    """Goldmark reads ``[text](javascript:...)`` as a link and writes it without the address;
    markdown-it refuses to read it as a link, so the reader saw the brackets and the address.
    Every link is read here, and the one allow-list (``links.allowed``) then keeps the text
    and drops the address, as Goldmark does. Plugins of :func:`add_parser_plugin` are added.
    """

    @functools.wraps(create)
    def create_md_parser(*args: Any, **kwargs: Any) -> Any:
        md = create(*args, **kwargs)
        md.validateLink = _any_link
        for plugin in _PLUGINS:
            plugin(md)
        return md

    create_md_parser.__sphinx_comparisons__ = True  # type: ignore[attr-defined]
    return create_md_parser


def patch_myst() -> None:
    """Install the three wrappers above, once per process.

    Relies on: ``SphinxRenderer.render_link_unknown`` (with ``render_link_url`` as its plain
    fallback, which renders every external link), and
    ``myst_parser.parsers.sphinx_.create_md_parser``, the name MyST's Sphinx
    parser calls to make each page's markdown-it parser, whose ``validateLink`` decides what
    is a link.
    No public API: MyST has no setting for any of them, and none can be done after parsing.
    Checked against: Sphinx 8.0–9.0, myst-parser 4.0–5.2, sphinx-design 0.6–0.8.
    """
    current = SphinxRenderer.render_link_unknown
    if not getattr(current, "__sphinx_comparisons__", False):
        wrapped = _looks_up_paths_safely(current)
        SphinxRenderer.render_link_unknown = wrapped  # type: ignore[method-assign]
    if not getattr(SphinxRenderer.render_link_url, "__sphinx_comparisons__", False):
        plain = _keeps_urls_as_written(SphinxRenderer.render_link_url)
        SphinxRenderer.render_link_url = plain  # type: ignore[method-assign]
    if not getattr(myst_sphinx_parser.create_md_parser, "__sphinx_comparisons__", False):
        myst_sphinx_parser.create_md_parser = _parses_every_link(
            myst_sphinx_parser.create_md_parser
        )
