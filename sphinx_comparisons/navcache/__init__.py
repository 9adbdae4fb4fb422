"""The navigation rendered once per build: each distinct ``toctree()`` call of the theme (and
furo's sidebar tree) resolved and rendered once, then filled in for each page."""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from sphinx_comparisons import compat, pipeline
from sphinx_comparisons.config import settings
from sphinx_comparisons.guard import Guarded
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
    app.connect("env-updated", forget, priority=pipeline.NAVIGATION_CACHE_RESET)
    hooks = Guarded(app)
    hooks.connect("html-page-context", on_page_context, priority=pipeline.NAVIGATION_CACHE)


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
            app.builder, compat.toctrees.target_uris(app.builder)
        )
        compat.toctrees.wrap_furo_navigation(_furo_tree)
    context["toctree"] = PageToctree(navigation, pagename, own)


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
