"""The page a link written on a page leads to: one rule for Markdown links and directive data.

Hugo prints a Markdown link's destination as written, and the browser
resolves it against the page's URL (``../b/`` on ``/docs/a/`` is ``/docs/b/``):
that URL is the page it leads to. A destination naming a content file
(``b.md#x``, ``../guide/_index.md``, ``/docs/c.md``) leads to that file's
page, relative to the page's own file or, with a leading ``/``, to the
content root, as Hugo's embedded link render hook (``_markup/render-link.html``)
finds it with ``GetPage``.
Page keys are content paths without ``.md`` (``docs/_index``).
"""

from __future__ import annotations

import posixpath
from collections.abc import Container, Mapping
from dataclasses import dataclass

from sphinx_comparisons.hugo import safeurl, urls


@dataclass(frozen=True, slots=True)
class Target:
    #: The page's key, or None when the link leads to no page (a static file, or nothing).
    page: str | None
    #: The site path the link leads to, resolved against the page's URL.
    path: str
    fragment: str
    #: The normalised URL the page was looked up by (None when a file or key named it): the
    #: link leads elsewhere when that URL changes hands.
    url: str | None


def target(
    written: str,
    page: str,
    page_url: str,
    by_url: Mapping[str, str],
    keys: Container[str],
    names_pages: bool = False,
) -> Target | None:
    """Where ``written``, on the page ``page`` at ``page_url``, leads; None for another site.

    ``by_url`` maps normalised URLs to page keys, ``keys`` holds every page's.
    With ``names_pages`` (directive data, where ``docs/b`` names a page) a
    destination that is a page key leads to that page first.
    """
    if not safeurl.is_path(written):
        return None
    path, fragment = urls.resolve(page_url, written)
    destination = written.partition("#")[0].split("?", 1)[0]
    if not destination:
        return Target(page, path, fragment, None)
    if names_pages and destination in keys:
        return Target(destination, path, fragment, None)
    if destination.lower().endswith(".md"):
        folder = "" if destination.startswith("/") else posixpath.dirname(page)
        named = posixpath.normpath(posixpath.join(folder, destination.lstrip("/")))[:-3]
        if named in keys:
            return Target(named, path, fragment, None)
    looked_up = urls.normalize(path)
    return Target(by_url.get(looked_up), path, fragment, looked_up)
