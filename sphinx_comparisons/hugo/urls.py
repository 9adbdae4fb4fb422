"""Hugo's URLs for content files, and how a browser resolves links against them.

Rules from ``resources/page/page_paths.go`` and ``common/paths/path.go``: pretty URLs,
sanitised and lowercased paths, ``slug`` and ``url`` front matter.
"""

from __future__ import annotations

import posixpath
import unicodedata
from pathlib import PurePosixPath

from sphinx_comparisons.hugo.content import Page

_KEPT_PUNCTUATION = set("./\\_#+~-@")
_HEX = set("0123456789abcdefABCDEF")


def _kept(text: str, index: int) -> bool:
    """Hugo's ``isAllowedPathCharacter``: letters, decimal digits, marks, ``./\\_#+~-@``, and a
    ``%`` with two hex digits after it (not at the very end)."""
    char = text[index]
    if char in _KEPT_PUNCTUATION or unicodedata.category(char) == "Nd":
        return True
    if unicodedata.category(char)[0] in "LM":
        return True
    return char == "%" and index + 2 < len(text) and {text[index + 1], text[index + 2]} <= _HEX


def sanitize(path: str) -> str:
    """Hugo's path sanitising (``common/paths.Sanitize``): kept characters stay; a run of
    whitespace between kept ones becomes one ``-`` (none next to a written ``-``, none at
    either end); everything else is dropped."""
    out: list[str] = []
    hyphen = pending = False
    for index, char in enumerate(path):
        if _kept(path, index):
            hyphen = char == "-"
            if pending and not hyphen:
                out.append("-")
            pending = False
            out.append(char)
        elif out and not hyphen and char.isspace():
            pending = True
    return "".join(out)


def _custom_url(value: str) -> str:
    """A ``url`` front matter value: kept as written, made absolute, ``..`` resolved."""
    path = posixpath.normpath("/" + value.strip().lstrip("/"))
    if value.strip().endswith("/") or "." not in PurePosixPath(path).name:
        path = path.rstrip("/") + "/"
    return path


def _split_suffix(name: str) -> tuple[str, str]:
    """(stem, suffix) of a file name, as ``PurePosixPath`` splits them (without building one)."""
    dot = name.rfind(".")
    return (name[:dot], name[dot:]) if 0 < dot < len(name) - 1 else (name, "")


def page_url(page: Page, lowercase: bool = True) -> str:
    """The page's URL path (``RelPermalink`` without a base path): ``/docs/a/``, ``/x/y.html``."""
    custom = page.params.get("url")
    if isinstance(custom, str) and custom.strip() and page.path not in ("_index.md", "index.md"):
        return _custom_url(custom)
    folder, _, file_name = page.path.rpartition("/")
    parts = [part for part in folder.split("/") if part not in ("", ".")]
    if page.kind != "section":
        slug = page.params.get("slug")
        name = (
            slug.strip().strip("-") if isinstance(slug, str) and slug.strip().strip("-") else None
        )
        if page.kind == "page":
            parts.append(name or _split_suffix(file_name)[0])
        elif name and parts:
            parts[-1] = name
    joined = sanitize("/".join(parts))
    if lowercase:
        joined = joined.lower()
    return "/" + joined + "/" if joined else "/"


def normalize(url: str) -> str:
    """A site path as a lookup key: no query or fragment, slashes at both ends, lower case."""
    path = url.split("#", 1)[0].split("?", 1)[0].strip()
    if not path.startswith("/"):
        path = "/" + path
    path = posixpath.normpath(path) if path != "/" else path
    if not path.endswith("/") and not _split_suffix(path.rpartition("/")[2])[1]:
        path += "/"
    return path.lower()


def resolve(page_url_: str, target: str) -> tuple[str, str]:
    """Resolve a link as a browser does from the page's URL: ``(path, fragment)``.

    ``../foo/`` on ``/docs/a/`` is ``/docs/foo/``; ``#x`` keeps the page's path.
    """
    target, _, fragment = target.partition("#")
    target = target.split("?", 1)[0]
    if not target:
        return page_url_, fragment
    if target.startswith("/"):
        joined = target
    else:
        joined = posixpath.join(
            page_url_ if page_url_.endswith("/") else posixpath.dirname(page_url_) + "/", target
        )
    resolved = posixpath.normpath(joined)
    if joined.endswith("/") and resolved != "/":
        resolved += "/"
    return resolved, fragment


def output_target(url: str, kind: str, pretty: bool) -> tuple[str, str]:
    """Where a page with this URL goes: ``(link target, output file)``, both site-relative.

    ``pretty`` is Hugo's default (``dirhtml``): ``/docs/a/`` is ``docs/a/index.html``.
    Otherwise (the ``html`` builder) pages become ``docs/a.html`` and sections
    ``docs/index.html``, as Hugo's ``uglyURLs`` does since v0.148.
    """
    path = url.lstrip("/")
    if path and not path.endswith("/"):  # a ``url`` naming a file: /x/y.html
        return path, path
    if pretty:
        return path, path + "index.html"
    if kind == "section" or not path:
        return path + "index.html", path + "index.html"
    return path.rstrip("/") + ".html", path.rstrip("/") + ".html"
