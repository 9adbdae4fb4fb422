"""Redirect pages for every alias, for the HTML builders, and the list of them.

The aliases are resolved and checked before reading, for the site model. Each
alias gets a small page at its old address that forwards to the page's final
URL (meta refresh, canonical link, a script that keeps ``?query`` and
``#fragment``, and a visible link). Files written by an earlier build that
are no longer aliases are removed; a file this extension did not write is
never touched. ``redirects.json`` and Netlify-style ``_redirects`` list them all.
"""

from __future__ import annotations

import json
import posixpath
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

from sphinx.util import logging

from sphinx_comparisons import compat
from sphinx_comparisons.config import settings
from sphinx_comparisons.diagnostics import warn
from sphinx_comparisons.hugo import outputs, safeurl
from sphinx_comparisons.site import state
from sphinx_comparisons.site.addresses import style

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from sphinx_comparisons.hugo.aliases import Alias

logger = logging.getLogger(__name__)

MARKER = "<!-- sphinx-comparisons redirect -->"
MANIFEST = ".sphinx-comparisons-redirects.json"


def _page(target: str, title: str, canonical: str) -> str:
    text = safeurl.attribute(title)
    href = safeurl.attribute(target)
    script = json.dumps(target).replace("<", "\\u003c")
    return (
        "<!DOCTYPE html>\n<html>\n<head>\n"
        '<meta charset="utf-8">\n'
        f"<title>Redirecting to {text}</title>\n"
        f'<link rel="canonical" href="{safeurl.attribute(canonical)}">\n'
        '<meta name="robots" content="noindex">\n'
        f'<meta http-equiv="refresh" content="0; url={href}">\n'
        f"<script>location.replace({script} + location.search + location.hash);</script>\n"
        f"{MARKER}\n"
        "</head>\n<body>\n"
        f'<p>This page has moved to <a href="{href}">{text}</a>.</p>\n'
        "</body>\n</html>\n"
    )


def _relative(from_file: str, target_uri: str) -> str:
    """The target as seen from the redirect file's folder, so any deployment path works."""
    relative = posixpath.relpath("/" + target_uri, "/" + posixpath.dirname(from_file))
    if not target_uri or target_uri.endswith("/"):
        relative = relative.rstrip("/") + "/"
    return "./" if relative == "./" else relative


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None


def _ours(path: Path) -> bool:
    return MARKER in (_read(path) or "")


def _put(destination: Path, text: str, alias: Alias) -> bool:
    """Write one redirect file (an unchanged one keeps its time stamp, so deploy tools skip
    it); False, with a warning, when a file that is no redirect is there or it cannot be
    written."""
    existing = _read(destination)
    if (existing is not None and MARKER not in existing) or (
        existing is None and destination.exists()
    ):
        warn(
            "alias_conflict",
            f"alias {alias.url}: {alias.file} exists and is not a redirect; it is kept",
            location=(alias.page, alias.line),
        )
        return False
    try:
        if text != existing:
            destination.parent.mkdir(parents=True, exist_ok=True)
            destination.write_text(text, encoding="utf-8")
    except OSError as err:  # a folder in its path is a file, a name the file system refuses
        warn(
            "output",
            f"alias {alias.url}: {alias.file} cannot be written ({err.strerror or err}); skipped",
            location=(alias.page, alias.line),
        )
        return False
    return True


def write(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: write the redirect files, drop stale ones, list them all.

    With the site config's ``disableAliases`` no redirect page is written, as in Hugo, but the
    lists are: a site that moves to another host needs them. A wildcard alias is in the lists
    only (a host rule), and named once in the build's log.
    """
    pretty = style(app.builder)
    if exception is not None or pretty is None:
        return
    outdir = Path(app.outdir)
    site = state.model(app.env)
    pages = site.site_config.get("disableAliases") is not True
    written: list[str] = []
    listing = []
    for alias in site.aliases:
        linked = site.linked.get(alias.page)  # a ``render: link`` page: its URL, no file
        known = alias.page in site.addresses or alias.page in site.generated
        if (not known and linked is None) or (
            not alias.wildcard and outputs.inside(outdir, alias.file) is None
        ):
            warn(
                "alias",
                f"alias {alias.url} would be written outside the output folder; skipped",
                location=(alias.page, alias.line),
            )
            continue
        target_uri = linked.lstrip("/") if linked else app.builder.get_target_uri(alias.page)
        if pages and not alias.wildcard:
            if not _put_page(app, outdir, alias, target_uri):
                continue
            written.append(alias.file)
        listing.append({"from": alias.url, "to": "/" + target_uri, "page": alias.page})
    outputs.sweep(outdir, MANIFEST, written, _ours)
    _write_lists(outdir, listing)
    wildcards = sorted(alias.url for alias in site.aliases if alias.wildcard)
    if wildcards:
        logger.info(
            "hugo: %d wildcard alias(es) are host redirect rules only (in _redirects and "
            "readthedocs-redirects.json), no page: %s",
            len(wildcards),
            ", ".join(wildcards),
        )


def _put_page(app: Sphinx, outdir: Path, alias: Alias, target_uri: str) -> bool:
    """Write the redirect page of one alias; False when it was not written."""
    destination = outputs.inside(outdir, alias.file)
    assert destination is not None  # checked by the caller
    base = settings(app.config).base_url or (app.config.html_baseurl or "")
    relative = _relative(alias.file, target_uri)
    canonical = base.rstrip("/") + "/" + target_uri if base else relative
    title = compat.sphinx.title_of(app.env, alias.page) or _title(state.model(app.env), alias.page)
    return _put(destination, _page(relative, title, canonical), alias)


def _write_lists(outdir: Path, listing: list[dict[str, str]]) -> None:
    """``redirects.json``, Netlify's ``_redirects`` (a ``*`` at the end is its splat) and Read
    the Docs' page redirects (which take the same trailing ``*``)."""
    (outdir / "redirects.json").write_text(json.dumps(listing, indent=2) + "\n", encoding="utf-8")
    (outdir / "_redirects").write_text(
        "".join(f"{_field(r['from'])} {_field(r['to'])} 301\n" for r in listing), encoding="utf-8"
    )
    # Read the Docs "page" redirects: paths below the version root, as its API takes them
    rtd = [{"type": "page", "from_url": r["from"], "to_url": r["to"]} for r in listing]
    (outdir / "readthedocs-redirects.json").write_text(
        json.dumps(rtd, indent=2) + "\n", encoding="utf-8"
    )


def _title(site: state.SiteModel, key: str) -> str:
    """The title of a page Sphinx did not read (``render: link``): from its front matter."""
    page = site.unwritten.get(key)
    return page.title if page is not None and page.title else key


def _field(path: str) -> str:
    """A path as one field of a ``_redirects`` rule: spaces and other separators percent-escaped."""
    return quote(path, safe="/%~@+!$&'()*,;=:-._")
