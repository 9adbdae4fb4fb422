"""Hugo aliases: old addresses of a page, each to be served by a small redirect file.

Resolution follows ``hugolib/alias.go``; on top of Hugo's checks we refuse
other schemes, drive letters and UNC paths, and every path the output rule
(``outputs.site_path``) refuses. An alias whose last level is ``*``
(``/blog/2018/*``) is a wildcard: no file can stand for it, so it becomes a
host redirect rule only (Hugo would write a folder named ``*``).
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from sphinx_comparisons.hugo import outputs, safeurl
from sphinx_comparisons.hugo.content import Page


@dataclass(frozen=True, slots=True)
class Alias:
    """One redirect: the file to write (site-relative), its URL, and the page it points to."""

    file: str
    url: str
    page: str
    line: int
    #: ``url`` ends in ``/*``: a host redirect rule for everything below, no file (``file`` is
    #: the rule's path, a key for conflicts)
    wildcard: bool = False


@dataclass(frozen=True)
class AliasProblem:
    subtype: str
    message: str
    page: str
    line: int


def resolve(alias: str, page_url: str, prefix: str = "") -> tuple[str, str] | str | outputs.Refused:
    """``(file, url)`` for an alias on a page at ``page_url`` (``(path/*, /path/*)`` for a
    wildcard), or why it is refused: a string when it is no site path, ``outputs.Refused``
    when its path cannot be written.

    ``prefix`` is the page's language prefix (``/fr``): an absolute alias gets it,
    as in current Hugo (``hugolib/alias.go``; 0.111 left it off and collided).
    """
    raw = alias.strip()
    if not raw:
        return "is empty"
    if safeurl.is_web(raw):
        return "has a protocol: Hugo does not support http* aliases"
    if not safeurl.is_path(raw) or raw.startswith("\\\\"):
        return "is not a site path (a URL, a drive or a network path)"
    wildcard = raw == "*" or raw.endswith("/*")
    if wildcard:
        raw = raw[:-1] or "./"
    if "*" in raw:
        return "has a '*' that is not its whole last level (a wildcard alias is '/path/*')"
    if raw.startswith("/"):
        joined = (prefix.strip("/") + "/" if prefix.strip("/") else "") + raw.lstrip("/")
    else:
        # relative to the parent of the page's URL directory: a sibling of the page
        joined = posixpath.join(posixpath.dirname(page_url.strip("/")), raw)
    checked = outputs.site_path(joined)
    if isinstance(checked, outputs.Refused):
        return checked
    path = checked.rstrip("/")
    if not path:
        return "resolves to the site root"
    if wildcard:
        return path + "/*", "/" + path + "/*"
    if raw.endswith("/"):
        return path + "/index.html", "/" + path + "/"
    if path.endswith(".html"):
        return path, "/" + path
    return path + "/index.html", "/" + path + "/"


def collect(
    pages: Iterable[Page],
    page_urls: dict[str, str],
    page_files: dict[str, str],
    static_files: AbstractSet[str] = frozenset(),
    prefix: str = "",
) -> tuple[list[Alias], list[AliasProblem]]:
    """Every page's aliases, in path order; refused ones and collisions as problems.

    ``page_files`` maps each page's output file to its key. A real page always
    wins over an alias at its file, and so does a file of ``static/``; of two
    pages claiming one alias, the first by path keeps it. An alias that is the
    page's own address is skipped.
    """
    aliases: list[Alias] = []
    problems: list[AliasProblem] = []
    claimed: dict[str, str] = {}
    own_file = {page: file for file, page in page_files.items()}
    for page in sorted(pages, key=lambda p: p.path):
        values = page.params.get("aliases")
        if not isinstance(values, list) or not page.listed or page.key not in page_urls:
            continue
        for index, value in enumerate(values):
            line = page.key_lines.get(f"aliases.{index}", page.line_of("aliases"))
            result = resolve(str(value), page_urls[page.key], prefix)
            if not isinstance(result, tuple):
                problems.append(_refused(str(value), result, page.key, line))
                continue
            file, url = result
            if file == own_file.get(page.key):
                continue  # the page's own address: nothing to redirect (Hugo sites do this)
            taken = _taken(value, file, url, static_files, page_files, claimed)
            if taken is not None:
                problems.append(AliasProblem(taken[0], taken[1], page.key, line))
                continue
            claimed[file] = page.key
            aliases.append(Alias(file, url, page.key, line, url.endswith("/*")))
    return aliases, problems


def _refused(value: str, result: outputs.Refused | str, key: str, line: int) -> AliasProblem:
    """An alias :func:`resolve` refused: an output it may not write, or no alias at all."""
    subtype, reason = (
        ("output", result.reason) if isinstance(result, outputs.Refused) else ("alias", result)
    )
    shown = value if len(value) <= 80 else value[:77] + "..."
    return AliasProblem(subtype, f"alias {shown!r} {reason}; no redirect is written", key, line)


def _taken(
    value: object,
    file: str,
    url: str,
    static_files: AbstractSet[str],
    page_files: dict[str, str],
    claimed: dict[str, str],
) -> tuple[str, str] | None:
    """Who already has the alias's file, as (subtype, message): a static file, a page or an
    earlier alias; None when it is free."""
    if file in static_files:
        return "output", (
            f"alias {value!r} is the file {file} of the site's static folder, "
            "which wins; no redirect is written"
        )
    if file in page_files:
        return (
            "alias_conflict",
            f"alias {value!r} is the address of a page ({url}); the page is kept",
        )
    if file in claimed:
        return "alias_conflict", (
            f"alias {value!r} ({url}) is already an alias of {claimed[file]!r}; that one is kept"
        )
    return None
