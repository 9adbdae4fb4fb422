"""The navigation rendered once per build: each distinct ``toctree()`` call of the theme (and
furo's sidebar tree) resolved and rendered once, then filled in for each page."""

from __future__ import annotations

import functools
import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from sphinx_comparisons import compat, pipeline
from sphinx_comparisons.config import settings
from sphinx_comparisons.guard import Guarded
from sphinx_comparisons.navcache import header, pydata
from sphinx_comparisons.navcache.cache import Navigation

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

#: The builders whose pages the cache answers (their addresses are checked by the tests).
BUILDERS = frozenset({"html", "dirhtml"})
#: Each builder's cache in this process.
_CACHES: weakref.WeakKeyDictionary[Any, Navigation] = weakref.WeakKeyDictionary()


def setup(app: Sphinx) -> None:
    """Register this package's handlers; ``extension.py`` calls it in pipeline order."""
    app.connect("builder-inited", remember_titles, priority=pipeline.NAVIGATION_TITLES)
    app.connect("env-updated", forget, priority=pipeline.NAVIGATION_CACHE_RESET)
    hooks = Guarded(app)
    hooks.connect("html-page-context", on_page_context, priority=pipeline.NAVIGATION_CACHE)
    hooks.connect("html-page-context", on_theme_context, priority=pipeline.NAVIGATION_CACHE_THEME)


class PageToctree:
    """The page's ``toctree()`` template function, answered from the cache when it can be."""

    def __init__(self, navigation: Navigation, pagename: str, own: Callable[..., str]) -> None:
        self.navigation, self.pagename, self.own = navigation, pagename, own

    def __call__(self, **kwargs: Any) -> str:
        try:
            html = self.navigation.html(self.pagename, kwargs)
        except Exception:  # noqa: BLE001 - Sphinx's own function answers instead
            self.navigation.say("a toctree() call that failed in the cache", self.pagename)
            html = None
        return self.own(**kwargs) if html is None else html


def remember_titles(app: Sphinx) -> None:
    """``builder-inited``: the titles of each page's next, previous and parent links rendered
    once per build (``compat.partials.remember_titles``), as the rest of the navigation."""
    if app.builder.name in BUILDERS and settings(app.config).navigation_cache:
        compat.partials.remember_titles(app.builder)


def forget(app: Sphinx, env: BuildEnvironment) -> None:
    """``env-updated``: the navigation may have changed while reading."""
    _CACHES.pop(app.builder, None)


def on_page_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """``html-page-context``: the page's ``toctree`` answered from the cache."""
    own = context.get("toctree")
    if own is None or not settings(app.config).navigation_cache:
        return
    if app.builder.name not in BUILDERS:
        return  # singlehtml, epub...: their toctrees are not the pages' own
    navigation = _CACHES.get(app.builder)
    if navigation is None:
        navigation = _CACHES[app.builder] = Navigation(
            app.builder, compat.toctrees.target_uris(app.builder), app=app
        )
        compat.toctrees.wrap_furo_navigation(_furo_tree)
    context["toctree"] = PageToctree(navigation, pagename, own)


def on_theme_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """``html-page-context``, after the themes' handlers: pydata-sphinx-theme's (and
    sphinx-book-theme's) sidebar and header links answered from the cache."""
    toctree, own = context.get("toctree"), context.get("generate_toctree_html")
    if not isinstance(toctree, PageToctree) or not callable(own):
        return
    context["generate_toctree_html"] = PydataSidebar(toctree, own, context)
    links = context.get("generate_header_nav_html")
    if callable(links):
        context["generate_header_nav_html"] = PydataHeader(toctree, links, context)
    suppress = context.get("suppress_sidebar_toctree")
    if callable(suppress):
        context["suppress_sidebar_toctree"] = functools.partial(_suppressed, toctree, suppress)


def _suppressed(
    toctree: PageToctree, own: Callable[..., bool], startdepth: int = 1, **kwargs: Any
) -> bool:
    try:
        return pydata.suppressed(toctree.navigation, toctree.pagename, own, startdepth, kwargs)
    except Exception:  # noqa: BLE001 - the theme's own function answers instead
        toctree.navigation.say("pydata's suppress_sidebar_toctree, which failed", toctree.pagename)
        return own(startdepth, **kwargs)


class PydataSidebar:
    """The page's ``generate_toctree_html`` (pydata-sphinx-theme), from the cache when it can."""

    def __init__(
        self, toctree: PageToctree, own: Callable[..., Any], context: dict[str, Any]
    ) -> None:
        self.toctree, self.own, self.context = toctree, own, context

    def __call__(
        self, kind: str, startdepth: int = 1, show_nav_level: int = 1, **kwargs: Any
    ) -> Any:
        navigation, pagename = self.toctree.navigation, self.toctree.pagename
        page = (self.own, self.context)
        try:
            html = pydata.sidebar(
                navigation, pagename, page, kind, startdepth, show_nav_level, kwargs
            )
        except Exception:  # noqa: BLE001 - the theme's own function answers instead
            navigation.say("pydata's sidebar, which failed in the cache", pagename)
            html = None
        if html is None:
            return self.own(kind, startdepth=startdepth, show_nav_level=show_nav_level, **kwargs)
        return html


class PydataHeader:
    """The page's ``generate_header_nav_html`` (pydata-sphinx-theme), from the cache when it
    can be."""

    def __init__(
        self, toctree: PageToctree, own: Callable[..., Any], context: dict[str, Any]
    ) -> None:
        self.toctree, self.own, self.context = toctree, own, context

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        navigation, pagename = self.toctree.navigation, self.toctree.pagename
        try:
            html = header.header(navigation, pagename, self.own, self.context, (args, kwargs))
        except Exception:  # noqa: BLE001 - the theme's own function answers instead
            navigation.say("pydata's header links, which failed in the cache", pagename)
            html = None
        return self.own(*args, **kwargs) if html is None else html


def _furo_tree(own: Callable[[dict[str, Any]], str]) -> Callable[[dict[str, Any]], str]:
    def furo_navigation_tree(context: dict[str, Any]) -> str:
        toctree = context.get("toctree")
        if isinstance(toctree, PageToctree):
            try:
                html = toctree.navigation.furo_tree(toctree.pagename)
            except Exception:  # noqa: BLE001 - furo's own function answers instead
                toctree.navigation.say("furo's tree, which failed in the cache", toctree.pagename)
                html = None
            if html is not None:
                return html
        return own(context)

    return furo_navigation_tree
