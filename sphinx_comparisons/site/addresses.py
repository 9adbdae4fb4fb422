"""Every page's Hugo address, computed for the site model before reading.

Of two pages claiming one output file, the first by path keeps it; a page whose
URL cannot be written, or that a static file takes, keeps Sphinx's path; a page
that can be written nowhere leaves the build (``hugo.output``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sphinx.builders.dirhtml import DirectoryHTMLBuilder
from sphinx.builders.html import StandaloneHTMLBuilder

from sphinx_comparisons.diagnostics import warn
from sphinx_comparisons.hugo import outputs, permalink_tokens, permalinks, urls

if TYPE_CHECKING:
    from collections.abc import Set as AbstractSet

    from sphinx.builders import Builder

    from sphinx_comparisons.hugo.content import Page


@dataclass(frozen=True, slots=True)
class Address:
    url: str
    kind: str


def style(builder: Builder) -> bool | None:
    """True for pretty URLs (dirhtml), False for .html files (html), None to leave alone."""
    if isinstance(builder, DirectoryHTMLBuilder):
        return True
    if type(builder) is StandaloneHTMLBuilder or builder.name in {"html", "readthedocs"}:
        return False
    return None


def compute(
    pages: dict[str, Page],
    static_files: AbstractSet[str] = frozenset(),
    pretty: bool = True,
    rules: permalinks.Permalinks | None = None,
    prefix: str = "",
) -> dict[str, Address]:
    """Each Markdown page's Hugo URL (with the site's ``permalinks``); of two pages claiming one
    URL, the first by path keeps it.

    ``prefix`` is the language's (``/fr``): every URL gets it but one set by a
    page's ``url`` from the root (``/x/``), which Hugo takes as the whole path.

    A URL that cannot be written (``outputs.site_path``) or that is a file of the
    site's ``static/`` folders (which wins, as in Hugo) leaves the page at Sphinx's path.
    """
    taken: dict[str, str] = {}
    folders: dict[str, str] = {}  # each folder a taken file is in -> the page of that file
    addresses: dict[str, Address] = {}
    rules = rules or permalinks.Permalinks()
    sections = permalink_tokens.sections_of(list(pages.values()))
    for key, page in sorted(pages.items(), key=lambda item: item[1].path):
        asked = permalinks.page_url(page, rules, sections)
        if prefix and not _own_url(page):
            asked = prefix + asked
        url = _writable_url(key, page, asked, static_files, pretty)
        if url is None:
            continue
        file = _file_key(url, page.kind, pretty)
        other = taken.get(file)
        # a file where another page's folder is, or inside another page's file: one is not written
        clash = folders.get(file) or next((taken[f] for f in _folders_of(file) if f in taken), None)
        if other is not None or clash is not None:
            what = f"the URL of {other!r}" if other else f"taken by the file or folder of {clash!r}"
            warn(
                "url_conflict",
                f"page URL {url} is already {what}; this page keeps Sphinx's path",
                location=(key, page.line_of("url") if "url" in page.params else 1),
            )
            continue
        taken[file] = key
        for folder in _folders_of(file):
            folders.setdefault(folder, key)
        addresses[key] = Address(url, page.kind)
    return addresses


def _own_url(page: Page) -> bool:
    """A ``url`` from the site root (``/guide/x/``); one without the slash is the language's."""
    custom = page.params.get("url")
    return isinstance(custom, str) and custom.strip().startswith("/")


def _folders_of(file: str) -> list[str]:
    """``a/b/c.html`` -> ``["a", "a/b"]``."""
    parts = file.split("/")[:-1]
    return ["/".join(parts[: end + 1]) for end in range(len(parts))]


def _file_key(url: str, kind: str, pretty: bool) -> str:
    """The file a URL is written to, as a key: ``/a/`` and ``/a/index.html`` are one file (so are
    ``/A/`` and ``/a/`` on the case-insensitive disks of macOS and Windows)."""
    return urls.output_target(url, kind, pretty)[1].lower()


def _sphinx_file(docname: str, pretty: bool) -> str:
    """Where Sphinx writes a page (``DirectoryHTMLBuilder.get_target_uri``), site-relative."""
    if not pretty:
        return docname + ".html"
    if docname == "index" or docname.endswith("/index"):
        return docname.removesuffix("index") + "index.html"
    return docname + "/index.html"


def homeless(pages: dict[str, Page], known: dict[str, Address], pretty: bool) -> set[str]:
    """Pages that can be written nowhere: no Hugo address, and Sphinx's own path is one an
    output may not have (``objects.inv.md``, ``con.md``) or the file of a page that has one.

    Such a page is not built (``hugo.output``); writing it would stop the build or replace a page.
    """
    taken = {_file_key(address.url, address.kind, pretty) for address in known.values()}
    found: set[str] = set()
    for key in sorted(set(pages) - set(known)):
        file = _sphinx_file(key, pretty)
        checked = outputs.site_path(file)
        reason = (
            checked.reason
            if isinstance(checked, outputs.Refused)
            else ("is the file of another page" if file.lower() in taken else None)
        )
        if reason is not None:
            warn(
                "output",
                f"this page cannot keep Sphinx's path {file!r} either: it {reason}; "
                "the page is not built",
                location=(key, 1),
            )
            found.add(key)
    return found


def _writable_url(
    key: str, page: Page, asked: str, static_files: AbstractSet[str], pretty: bool
) -> str | None:
    checked = outputs.site_path(asked)
    field = "url" if "url" in page.params else "slug" if "slug" in page.params else ""
    line = page.line_of(field) if field else 1
    if isinstance(checked, outputs.Refused):
        shown = asked if len(asked) <= 80 else asked[:77] + "..."
        warn(
            "output",
            f"page URL {shown!r} {checked.reason}; this page keeps Sphinx's path",
            location=(key, line),
        )
        return None
    url = "/" + checked
    file = urls.output_target(url, page.kind, pretty)[1]
    if file in static_files:
        warn(
            "output",
            f"page URL {url} is also the file {file} of the site's static folder, "
            "which wins (as in Hugo); "
            "this page keeps Sphinx's path",
            location=(key, line),
        )
        return None
    return url
