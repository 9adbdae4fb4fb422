"""Every internal link of a built HTML site leads to a file that exists, and to an id on it.

Sphinx's linkcheck builder cannot do this for our sites: its ``get_target_uri`` is
``''``, so cross-references reach it without an address, and it looks local URIs up
among the source files, where Hugo's addresses (``../bee/``) are not.
"""

from __future__ import annotations

import functools
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup

#: The attributes that name another file: what a reader's click or the browser follows.
LINKING = {"a": "href", "link": "href", "img": "src", "script": "src", "iframe": "src"}


def broken_links(out: Path) -> list[str]:
    """``page -> link (reason)`` for each broken internal link of each page under ``out``."""
    ids = functools.cache(lambda path: _ids(out / path))
    broken = []
    for file in sorted(out.rglob("*.html")):
        page = file.relative_to(out).as_posix()
        if page.startswith("_static/"):
            continue  # a theme's template fragments, not pages
        html = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
        for tag, attribute in LINKING.items():
            for element in html.find_all(tag, attrs={attribute: True}):
                reason = _check(out, page, str(element[attribute]), ids)
                if reason:
                    broken.append(f"{page} -> {element[attribute]} ({reason})")
    return broken


def _check(out: Path, page: str, link: str, ids) -> str | None:
    parts = urlsplit(link)
    if parts.scheme or parts.netloc or link.startswith("//"):
        return None  # outside the site: not ours to check
    if parts.path.startswith("/"):
        return "site-absolute: breaks when the site is not served from the root"
    target = page if not parts.path else _resolve(page, unquote(parts.path))
    if target is None:
        return "leaves the site"
    if (out / target).is_dir():
        target = "/".join(filter(None, [target, "index.html"]))
    elif parts.path.endswith("/") or not (out / target).is_file():
        return "no such file"
    if parts.fragment and target.endswith(".html") and unquote(parts.fragment) not in ids(target):
        return f"no id {parts.fragment!r} on {target}"
    return None


def _resolve(page: str, path: str) -> str | None:
    parts: list[str] = []
    for part in PurePosixPath(page).parent.joinpath(path).parts:
        if part == "..":
            if not parts:
                return None
            parts.pop()
        elif part not in (".", ""):
            parts.append(part)
    return "/".join(parts)


def _ids(path: Path) -> frozenset[str]:
    html = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    named = html.find_all("a", attrs={"name": True})
    return frozenset(str(e["id"]) for e in html.find_all(attrs={"id": True})) | {
        str(a["name"]) for a in named
    }
