"""Where a page, alias or redirect may be written: the one output path rule.

A URL a page asks for (``url``, ``slug``, ``aliases``) becomes a site-relative
path: normalised (``a/../b`` is ``b``), never above the site root, with names
both Linux and Windows can store, and never over what Sphinx or its theme
writes (``_static/``, ``searchindex.js`` ...) or over a dotfile a web server
reads (``.htaccess``). Hugo keeps every output inside ``public/`` the same way
(``publisher/publisher.go`` joins cleaned paths under the publish dir).
"""

from __future__ import annotations

import json
import posixpath
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

#: Bytes a single name may take (Linux's NAME_MAX; NTFS allows 255 UTF-16 units, never fewer),
#: less the ``.html`` the html builder may append.
MAX_SEGMENT_BYTES = 250
#: Bytes the site-relative path may take; the output folder's own path comes on top
#: (Linux allows 4,096 in all; Windows needs long paths enabled past 260).
MAX_PATH_BYTES = 1024

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_WINDOWS_UNSAFE = re.compile(r'[<>:"|?*\\]')
_WINDOWS_RESERVED = re.compile(r"^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\..*)?$", re.IGNORECASE)
#: First names Sphinx or its HTML theme write at the top of the output folder.
_SPHINX_TOP = re.compile(
    r"^(?:_static|_sources|_images|_downloads|_modules|search|search\.html|searchindex\.js|objects\.inv"
    r"|genindex(?:-[^/]*)?(?:\.html)?|py-modindex(?:\.html)?)$",
    re.IGNORECASE,
)
#: The redirect lists this extension writes (a static file of that name is kept, and replaced by
#: them).
_REDIRECT_FILES = re.compile(
    r"^(?:_redirects|redirects\.json|readthedocs-redirects\.json)$", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class Refused:
    """Why a URL cannot be written."""

    reason: str


def site_path(url: str) -> str | Refused:
    """A URL path (``/docs/a/``, ``/x/y.html``, ``old/page``) as a site-relative path, or why not.

    The result has no leading slash and keeps a trailing one (``docs/a/``); ``""`` is the root.
    """
    if _CONTROL.search(url):
        return Refused("has a control character (NUL, tab, newline ...)")
    if _WINDOWS_UNSAFE.search(url):
        return Refused(
            'has characters that are not allowed in file names on Windows (\\ < > : " | ? *)'
        )
    segments = [segment for segment in url.split("/") if segment not in ("", ".")]
    depth = 0
    for segment in segments:
        depth += -1 if segment == ".." else 1
        if depth < 0:
            return Refused("climbs above the site root (a '..' too many)")
    normal = posixpath.normpath("/".join(segments)) if segments else ""
    normal = "" if normal == "." else normal
    names = normal.split("/") if normal else []
    problem = _names_problem(names) or _reserved_problem(names)
    if problem:
        return Refused(problem)
    if len(normal.encode("utf-8")) > MAX_PATH_BYTES:
        return Refused(f"is longer than {MAX_PATH_BYTES} bytes")
    return normal + "/" if normal and url.rstrip().endswith("/") else normal


def _names_problem(names: list[str]) -> str | None:
    for name in names:
        if len(name.encode("utf-8")) > MAX_SEGMENT_BYTES:
            return f"has a name longer than {MAX_SEGMENT_BYTES} bytes ({name[:40]}...)"
        if _WINDOWS_RESERVED.match(name) or name.endswith((".", " ")):
            return (
                "has a file name Windows reserves (CON, NUL, COM1 ...) or one ending in a dot or "
                "space"
            )
    return None


def _reserved_problem(names: list[str]) -> str | None:
    if names and (_SPHINX_TOP.match(names[0]) or _REDIRECT_FILES.match(names[0])):
        return f"would replace /{names[0]}, which Sphinx or the theme writes"
    if any(name.startswith(".") for name in names):
        return (
            "names a dotfile or dot folder (.htaccess, .well-known ...), which web servers treat "
            "specially"
        )
    return None


def static_problem(relative: str) -> str | None:
    """Why a file of ``static/`` (a site-relative path) is not copied: it would replace what
    Sphinx or the theme writes (``_static/doctools.js``). Hugo copies every static file, dot
    files too, and so does this; only Sphinx's own outputs are kept from being replaced."""
    first = relative.split("/", 1)[0]
    return (
        f"would replace /{first}, which Sphinx or the theme writes"
        if _SPHINX_TOP.match(first)
        else None
    )


def place(outdir: Path, relative: str) -> Path:
    """The file for a site-relative output path, asserted inside ``outdir`` (symlinks resolved)."""
    root = outdir.resolve()
    target = outdir.joinpath(*[name for name in relative.split("/") if name])
    resolved = target.resolve()
    if resolved != root and root not in resolved.parents:
        raise ValueError(f"{relative!r} is outside the output folder")
    return target


#: Whether a listed file is still ours to remove (a redirect page holds its marker).
Ours = Callable[[Path], bool]


def _any(path: Path) -> bool:
    return True


def inside(outdir: Path, relative: str) -> Path | None:
    """The file for a site-relative path :func:`site_path` accepts, inside ``outdir``; else None."""
    checked = site_path(relative)
    if isinstance(checked, Refused):
        return None
    try:
        return place(outdir, checked)
    except ValueError:
        return None


def sweep(outdir: Path, manifest: str, current: Iterable[str], ours: Ours = _any) -> None:
    """Remove the files an earlier build listed in ``manifest`` that ``current`` no longer holds,
    then list ``current`` there.

    Only listed files that ``ours`` accepts are removed, and folders left empty
    by it, up to ``outdir``; like Hugo (which never cleans ``public/``), nothing
    else is touched. A missing or unreadable manifest removes nothing.
    """
    listing = outdir / manifest
    written = sorted(set(current))
    try:
        previous = json.loads(listing.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        previous = []
    root = outdir.resolve()
    for relative in set(previous) - set(written) if isinstance(previous, list) else ():
        path = inside(outdir, relative) if isinstance(relative, str) else None
        if path is None or not path.is_file() or not ours(path):
            continue
        path.unlink()
        folder = path.parent.resolve()
        while folder != root and root in folder.parents and not any(folder.iterdir()):
            folder.rmdir()
            folder = folder.parent
    listing.write_text(json.dumps(written), encoding="utf-8")
