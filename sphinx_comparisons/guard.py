"""Containment: our own code failing on one page is a located warning, never an aborted build.

Every per-page handler the extension registers goes through :class:`Guarded`,
which wraps it by kind: a failure becomes a ``hugo.internal`` warning naming
the page and the handler, the page keeps what that handler had not yet changed
(a source-read handler's text is put back, a page-context handler's context
too; a transform leaves the doctree as far as it got, with every section given
an id so Sphinx's writers can still run), and the build goes on.

Deliberate stops still stop: Sphinx's own errors (``-W`` raises one), docutils'
directive and system messages, ``MemoryError``, and everything that is not an
``Exception`` (``KeyboardInterrupt``, ``SystemExit``).
"""

from __future__ import annotations

import functools
import traceback
from typing import TYPE_CHECKING, Any, TypeVar

from docutils import nodes
from docutils.parsers.rst import DirectiveError
from docutils.utils import SystemMessage, SystemMessagePropagation
from sphinx.errors import SphinxError
from sphinx.util import logging

from sphinx_comparisons import compat
from sphinx_comparisons.diagnostics import warn

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.application import Sphinx
    from sphinx.domains import Domain
    from sphinx.environment import BuildEnvironment

T = TypeVar("T", bound=type)

#: Raised on purpose, by Sphinx, docutils or the interpreter: never contained.
PASS_THROUGH: tuple[type[BaseException], ...] = (
    SphinxError,
    DirectiveError,
    SystemMessage,
    SystemMessagePropagation,
    nodes.TreePruningException,
    MemoryError,
)

#: The longest piece of an exception's text a warning quotes (it may quote page content).
_MESSAGE_LIMIT = 200

_logger = logging.getLogger(__name__)


def report(
    what: Callable[..., Any] | type,
    error: Exception,
    page: str | None,
    line: int | None = None,
    *,
    method: str = "",
    located: bool = True,
) -> None:
    """The ``hugo.internal`` warning for ``what`` failing on ``page`` (a docname unless not
    ``located``)."""
    name = f"{getattr(what, '__module__', '?')}.{getattr(what, '__qualname__', what)}"
    name += f".{method}" if method else ""
    text = str(error)
    if len(text) > _MESSAGE_LIMIT:
        text = text[:_MESSAGE_LIMIT] + "..."
    _logger.debug("[sphinx_comparisons] %s failed on %s:\n%s", name, page, traceback.format_exc())
    warn(
        "internal",
        f"{name} failed on page {page!r} ({type(error).__name__}: {text}); "
        "the page is built without what it would have added",
        location=(page, line) if page and located else None,
    )


def _docname(env: BuildEnvironment | None) -> str | None:
    try:
        return env.docname if env is not None else None
    except AttributeError:
        return None


def give_sections_ids(document: nodes.document) -> None:
    """Give every section without an id a fresh one: Sphinx's writers index ``ids[0]``."""
    for section in document.findall(nodes.section):
        if not section["ids"]:
            document.set_id(section)


def source_read(handler: Callable[[Sphinx, str, list[str]], None]) -> Callable[..., None]:
    """On failure, the page's source is what it was before this handler."""

    @functools.wraps(handler)
    def guarded(app: Sphinx, docname: str, source: list[str]) -> None:
        before = list(source)
        try:
            handler(app, docname, source)
        except PASS_THROUGH:
            raise
        except Exception as error:  # noqa: BLE001 (containment is the point)
            source[:] = before
            report(handler, error, docname)

    return guarded


def doctree_read(handler: Callable[[Sphinx, nodes.document], None]) -> Callable[..., None]:
    @functools.wraps(handler)
    def guarded(app: Sphinx, doctree: nodes.document) -> None:
        try:
            handler(app, doctree)
        except PASS_THROUGH:
            raise
        except Exception as error:  # noqa: BLE001
            give_sections_ids(doctree)
            report(handler, error, _docname(app.env))

    return guarded


def doctree_resolved(
    handler: Callable[[Sphinx, nodes.document, str], None],
) -> Callable[..., None]:
    @functools.wraps(handler)
    def guarded(app: Sphinx, doctree: nodes.document, docname: str) -> None:
        try:
            handler(app, doctree, docname)
        except PASS_THROUGH:
            raise
        except Exception as error:  # noqa: BLE001
            report(handler, error, docname)

    return guarded


def page_context(handler: Callable[..., Any]) -> Callable[..., Any]:
    """``html-page-context``: on failure, the template context is what it was before."""

    @functools.wraps(handler)
    def guarded(
        app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
    ) -> Any:
        before = dict(context)
        try:
            return handler(app, pagename, templatename, context, doctree)
        except PASS_THROUGH:
            raise
        except Exception as error:  # noqa: BLE001
            context.clear()
            context.update(before)
            report(handler, error, pagename, located=pagename in app.env.found_docs)
            return None

    return guarded


def _names_of(cls: type) -> dict[str, Any]:
    """What a guarded subclass keeps of the class it wraps: its names and docstring."""
    return {"__module__": cls.__module__, "__qualname__": cls.__qualname__, "__doc__": cls.__doc__}


def transform(cls: T) -> T:
    """A transform whose failure leaves the doctree as far as it got."""
    base: Any = cls

    def apply(self: Any, **kwargs: Any) -> None:
        try:
            base.apply(self, **kwargs)
        except PASS_THROUGH:
            raise
        except Exception as error:  # noqa: BLE001
            give_sections_ids(self.document)
            report(
                cls, error, _docname(getattr(self.document.settings, "env", None)), method="apply"
            )

    wrapped = type(cls.__name__, (cls,), {"apply": apply, **_names_of(cls)})
    return wrapped  # type: ignore[return-value]


def domain(cls: T) -> T:
    """A domain whose ``process_doc`` failure leaves that page's record partial, and whose
    ``resolve_xref`` failure leaves the reference's text."""
    base: Any = cls

    @functools.wraps(base.process_doc)
    def process_doc(
        self: Any, env: BuildEnvironment, docname: str, document: nodes.document
    ) -> None:
        try:
            base.process_doc(self, env, docname, document)
        except PASS_THROUGH:
            raise
        except Exception as error:  # noqa: BLE001
            report(cls, error, docname, method="process_doc")

    @functools.wraps(base.resolve_xref)
    def resolve_xref(
        self: Any, env: BuildEnvironment, fromdocname: str, *args: Any
    ) -> nodes.Element | None:
        try:
            return base.resolve_xref(self, env, fromdocname, *args)  # type: ignore[no-any-return]
        except PASS_THROUGH:
            raise
        except Exception as error:  # noqa: BLE001
            node = args[-2]  # the pending_xref (builder, type, target, node, contnode)
            report(cls, error, fromdocname, node.line, method="resolve_xref")
            return nodes.inline("", "", *node.children)

    methods = {"process_doc": process_doc, "resolve_xref": resolve_xref}
    wrapped = type(cls.__name__, (cls,), {**methods, **_names_of(cls)})
    return wrapped  # type: ignore[return-value]


def directive(cls: T) -> T:
    """A directive whose failure puts nothing in the page where it stood."""
    base: Any = cls

    def run(self: Any) -> list[nodes.Node]:
        try:
            return base.run(self)  # type: ignore[no-any-return]
        except PASS_THROUGH:
            raise
        except Exception as error:  # noqa: BLE001
            report(
                cls, error, _docname(self.state.document.settings.env), self.lineno, method="run"
            )
            return []

    wrapped = type(cls.__name__, (cls,), {"run": run, **_names_of(cls)})
    return wrapped  # type: ignore[return-value]


def role(
    function: Callable[..., tuple[list[nodes.Node], list[nodes.system_message]]],
) -> Callable[..., Any]:
    @functools.wraps(function)
    def guarded(
        name: str, rawtext: str, text: str, lineno: int, inliner: Any, *args: Any, **kwargs: Any
    ) -> Any:
        try:
            return function(name, rawtext, text, lineno, inliner, *args, **kwargs)
        except PASS_THROUGH:
            raise
        except Exception as error:  # noqa: BLE001
            report(function, error, _docname(inliner.document.settings.env), lineno)
            return [], []

    return guarded


def visitor(function: Callable[[Any, Any], None]) -> Callable[[Any, Any], None]:
    """A node's HTML visitor: on failure, what it wrote is taken back and the node skipped."""

    @functools.wraps(function)
    def guarded(translator: Any, node: nodes.Element) -> None:
        written = len(translator.body)
        try:
            function(translator, node)
        except PASS_THROUGH:
            raise
        except Exception as error:  # noqa: BLE001
            del translator.body[written:]
            page = compat.sphinx.writing_docname(translator) or _docname(translator.builder.env)
            report(function, error, page, node.line)
            raise nodes.SkipNode from None

    return guarded


#: Events whose handlers work on one page, and how each is wrapped.
_EVENTS: dict[str, Callable[[Callable[..., Any]], Callable[..., Any]]] = {
    "source-read": source_read,
    "doctree-read": doctree_read,
    "doctree-resolved": doctree_resolved,
    "html-page-context": page_context,
}


class Guarded:
    """The registration calls of ``app``, each wrapping a per-page handler as above.

    Site-wide events (``builder-inited``, ``env-updated``, ``build-finished``...)
    pass through unwrapped: they have no page to name.
    """

    def __init__(self, app: Sphinx) -> None:
        self.app = app

    def connect(self, event: str, handler: Callable[..., Any], priority: int = 500) -> None:
        wrap = _EVENTS.get(event)
        self.app.connect(event, wrap(handler) if wrap else handler, priority=priority)

    def add_transform(self, cls: type) -> None:
        self.app.add_transform(transform(cls))

    def add_domain(self, cls: type[Domain]) -> None:
        self.app.add_domain(domain(cls))

    def add_directive(self, name: str, cls: type, override: bool = False) -> None:
        self.app.add_directive(name, directive(cls), override=override)

    def add_role(self, name: str, function: Callable[..., Any]) -> None:
        self.app.add_role(name, role(function))

    def add_node(
        self,
        node: type[nodes.Element],
        html: tuple[Callable[..., Any], Callable[..., Any] | None] | None = None,
    ) -> None:
        if html is None:
            self.app.add_node(node)
            return
        visit, depart = html
        self.app.add_node(node, html=(visitor(visit), depart))
