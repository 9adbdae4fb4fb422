"""Every page at the address Hugo gives it, under the html and dirhtml builders.

Sphinx derives output paths from docnames (``x/_index`` -> ``x/_index/``).
The builder's own ``get_target_uri`` and ``get_outfilename`` are wrapped, so
every link, toctree, search result and canonical URL Sphinx makes follows
the Hugo URL; pages Hugo does not know keep Sphinx's paths.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from sphinx.builders.dirhtml import DirectoryHTMLBuilder
from sphinx.builders.html import StandaloneHTMLBuilder

from sphinx_comparisons.diagnostics import warn
from sphinx_comparisons.hugo import outputs, urls
from sphinx_comparisons.site import sitewide

if TYPE_CHECKING:
    from collections.abc import Set as AbstractSet

    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

    from sphinx_comparisons.hugo.content import Page

_ENV_ATTR = "hugo_addresses"


@dataclass(frozen=True, slots=True)
class Address:
    url: str
    kind: str


def compute(
    env: BuildEnvironment, pages: dict[str, Page], static_files: AbstractSet[str] = frozenset(), pretty: bool = True
) -> dict[str, Address]:
    """Each Markdown page's Hugo URL; of two pages claiming one URL, the first by path keeps it.

    A URL that cannot be written (``outputs.site_path``) or that is a file of the
    site's ``static/`` folders (which wins, as in Hugo) leaves the page at Sphinx's path.
    """
    taken: dict[str, str] = {}
    folders: dict[str, str] = {}  # each folder a taken file is in -> the page of that file
    addresses: dict[str, Address] = {}
    for key, page in sorted(pages.items(), key=lambda item: item[1].path):
        url = _writable_url(key, page, static_files, pretty)
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
    sitewide.put(env, _ENV_ATTR, addresses)
    return addresses


def _folders_of(file: str) -> list[str]:
    """``a/b/c.html`` -> ``["a", "a/b"]``."""
    parts = file.split("/")[:-1]
    return ["/".join(parts[: end + 1]) for end in range(len(parts))]


def _file_key(url: str, kind: str, pretty: bool) -> str:
    """The file a URL is written to, as a key: ``/a/`` and ``/a/index.html`` are one file (so are
    ``/A/`` and ``/a/`` on the case-insensitive disks of macOS and Windows)."""
    return urls.output_target(url, kind, pretty)[1].lower()


def _sphinx_file(docname: str, pretty: bool) -> str:
    """Where Sphinx itself writes a page (``DirectoryHTMLBuilder.get_target_uri``), site-relative."""
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
        reason = checked.reason if isinstance(checked, outputs.Refused) else (
            "is the file of another page" if file.lower() in taken else None)
        if reason is not None:
            warn("output", f"this page cannot keep Sphinx's path {file!r} either: it {reason}; the page is not built",
                 location=(key, 1))
            found.add(key)
    return found


def _writable_url(key: str, page: Page, static_files: AbstractSet[str], pretty: bool) -> str | None:
    asked = urls.page_url(page)
    checked = outputs.site_path(asked)
    field = "url" if "url" in page.params else "slug" if "slug" in page.params else ""
    line = page.line_of(field) if field else 1
    if isinstance(checked, outputs.Refused):
        shown = asked if len(asked) <= 80 else asked[:77] + "..."
        warn("output", f"page URL {shown!r} {checked.reason}; this page keeps Sphinx's path", location=(key, line))
        return None
    url = "/" + checked
    file = urls.output_target(url, page.kind, pretty)[1]
    if file in static_files:
        warn("output", f"page URL {url} is also the file {file} of the site's static folder, which wins (as in Hugo); "
             "this page keeps Sphinx's path", location=(key, line))
        return None
    return url


def addresses(env: BuildEnvironment) -> dict[str, Address]:
    return sitewide.get(env, _ENV_ATTR, {})


def builder_of(env: BuildEnvironment) -> Builder:
    """The builder at hand (``env.app`` is deprecated in Sphinx 9, which keeps it as ``_app``)."""
    app = getattr(env, "_app", None) or env.app
    return app.builder


def style(builder: Builder) -> bool | None:
    """True for pretty URLs (dirhtml), False for .html files (html), None to leave alone."""
    if isinstance(builder, DirectoryHTMLBuilder):
        return True
    if type(builder) is StandaloneHTMLBuilder or builder.name in {"html", "readthedocs"}:
        return False
    return None


def install(app: Sphinx) -> None:
    """``builder-inited``: route the builder's paths through the Hugo URLs."""
    builder = app.builder
    pretty = style(builder)
    if pretty is None:
        return
    original_uri = builder.get_target_uri
    cache: dict[str, str] = {}
    cached_for: list[object] = [None]

    def get_target_uri(docname: str, typ: str | None = None) -> str:
        known = addresses(app.env)
        if cached_for[0] is not known:  # a new build computed new addresses
            cache.clear()
            cached_for[0] = known
        uri = cache.get(docname)
        if uri is None:
            address = known.get(docname)
            if address is None:
                return original_uri(docname, typ)
            uri = cache[docname] = quote(urls.output_target(address.url, address.kind, pretty)[0], safe="/~@+%")
        return uri

    builder.get_target_uri = get_target_uri  # type: ignore[method-assign]
    # Sphinx 9 asks get_output_path (a Path); Sphinx 8 asks get_outfilename (a str).
    for name, kind in (("get_output_path", Path), ("get_outfilename", str)):
        original = getattr(builder, name, None)
        if original is not None:
            setattr(builder, name, _output_file(app, builder, original, pretty, kind))


def _output_file(app: Sphinx, builder: Builder, original: Any, pretty: bool, kind: type) -> Any:
    def output_file(pagename: str) -> Any:
        address = addresses(app.env).get(pagename)
        if address is None:
            return original(pagename)
        target = urls.output_target(address.url, address.kind, pretty)[1]
        return kind(outputs.place(Path(builder.outdir), target))

    return output_file


PAGES_MANIFEST = ".sphinx-comparisons-pages.json"


def remove_stale_pages(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: delete the output of pages that are gone or moved since the last build.

    Sphinx leaves such files behind; a site that matches a fresh build must not
    serve them. Only files this extension placed (listed in a manifest) are removed.
    """
    pretty = style(app.builder)
    if exception is not None or pretty is None:
        return
    current = {urls.output_target(a.url, a.kind, pretty)[1] for a in addresses(app.env).values()}
    outputs.sweep(Path(app.outdir), PAGES_MANIFEST, current)


_INDEX = re.compile(r"^(Search\.setIndex\()(.*)(\))\s*$", re.DOTALL)


SEARCH_MANIFEST = ".sphinx-comparisons-search.json"


def _search_index(app: Sphinx) -> tuple[Path, re.Match[str]] | None:
    path = Path(app.outdir, "searchindex.js")
    try:
        match = _INDEX.match(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return None
    return (path, match) if match is not None else None


def _write_index(path: Path, match: re.Match[str], index: dict[str, Any]) -> None:
    path.write_text(match.group(1) + json.dumps(index, separators=(",", ":")) + match.group(3), encoding="utf-8")


def fix_search_index(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: search results link by docname; give them the Hugo paths.

    Sphinx's search script turns a docname into ``docname/`` (dirhtml) or
    ``docname.html``; each remapped docname becomes what yields the Hugo URL.
    The docnames themselves are kept beside the index, for
    :func:`restore_search_index`.
    """
    pretty = style(app.builder)
    found = _search_index(app) if exception is None and pretty is not None else None
    if found is None or pretty is None:
        return
    path, match = found
    index: dict[str, Any] = json.loads(match.group(2))
    docnames = list(index.get("docnames", []))
    known = addresses(app.env)
    for position, docname in enumerate(docnames):
        address = known.get(docname)
        if address is None:
            continue
        target = urls.output_target(address.url, address.kind, pretty)[0]
        index["docnames"][position] = (target.strip("/") or "index") if pretty else target.removesuffix(".html")
    _write_index(path, match, index)
    Path(app.outdir, SEARCH_MANIFEST).write_text(json.dumps(docnames), encoding="utf-8")


def restore_search_index(app: Sphinx) -> None:
    """``builder-inited``: put the docnames back into the last build's search index.

    An incremental build loads that index to keep the entries of the pages it
    does not write, and drops every entry whose docname it does not know: with
    the Hugo paths in it, every unchanged page left the search (and a build
    that wrote no page stopped with an empty index).
    """
    found = _search_index(app) if style(app.builder) is not None else None
    if found is None:
        return
    path, match = found
    try:
        docnames = json.loads(Path(app.outdir, SEARCH_MANIFEST).read_text(encoding="utf-8"))
        index = json.loads(match.group(2))
    except (OSError, ValueError):
        return
    if isinstance(docnames, list) and isinstance(index, dict) and len(docnames) == len(index.get("docnames", [])):
        index["docnames"] = docnames
        _write_index(path, match, index)
