"""Hugo's default (pretty) URLs for content files: ``x/page.md`` -> ``/x/page/``."""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from sphinx_comparisons.hugo.content import Page

_UNSAFE = re.compile(r"[^\w\-./~%+]", re.UNICODE)


def urlize(path: str) -> str:
    """Hugo's ``URLize`` for paths: lower case, spaces to ``-``, other punctuation dropped."""
    return _UNSAFE.sub("", path.replace(" ", "-")).lower()


def page_url(page: Page) -> str:
    """The page's URL path, with leading and trailing slashes."""
    custom = page.params.get("url")
    if isinstance(custom, str) and custom.strip() and page.path != "_index.md":
        return "/" + custom.strip().lstrip("/")
    path = PurePosixPath(page.path)
    if page.kind == "page":
        slug = page.params.get("slug")
        name = slug.strip("-") if isinstance(slug, str) and slug.strip("-") else path.stem
        parts = [*path.parent.parts, name]
    else:
        parts = list(path.parent.parts)
    joined = "/".join(p for p in parts if p not in ("", "."))
    return "/" + urlize(joined) + "/" if joined else "/"


def normalize(url: str) -> str:
    """A site path as a lookup key: no query or fragment, a slash at each end, lower case."""
    path = url.split("#", 1)[0].split("?", 1)[0].strip()
    if not path.startswith("/"):
        path = "/" + path
    if not path.endswith("/") and not PurePosixPath(path).suffix:
        path += "/"
    return path.lower()
