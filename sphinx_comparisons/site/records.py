"""Site-wide facts gathered once per build, before any page is read.

Every Markdown page's front matter is parsed in the main process at
``env-get-outdated`` and kept on the environment, keyed by docname and
checked by file size and mtime, so an incremental build re-parses only the
files that changed. Forked parallel readers inherit it unchanged.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sphinx_comparisons.config import settings
from sphinx_comparisons.diagnostics import warn
from sphinx_comparisons.hugo import encoding, frontmatter, yamldata
from sphinx_comparisons.hugo.limits import DEFAULT, Limits, truncate, truncate_at_count
from sphinx_comparisons.site import state

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment


@dataclass(frozen=True, slots=True)
class PageRecord:
    """One page's parsed front matter and the file state it was parsed from."""

    stamp: tuple[int, int]
    front_matter: frontmatter.FrontMatter


def limits(env: BuildEnvironment) -> Limits:
    """This build's budgets: the defaults with ``hugo_limits`` applied."""
    return DEFAULT.with_overrides(settings(env.config).limits)


def page_yaml(
    env: BuildEnvironment,
    text: str,
    label: str,
    first_line: int,
    subtype: str,
    at: int | None = None,
) -> Any:
    """YAML the page being read holds (a directive body) or uses (a data file), within the budgets.

    What a budget left out is warned at its line of the page, or at ``at`` when
    the text is another file's. A syntax error raises ``yaml.YAMLError``.
    """
    data, problems = yamldata.load(text, label, limits(env), first_line, subtype)
    for problem in problems:
        warn(
            problem.subtype,
            problem.message,
            location=(env.docname, problem.line if at is None else at),
        )
    return data


def _markdown_file(env: BuildEnvironment, docname: str) -> bool:
    path = str(env.doc2path(docname))
    return any(
        path.endswith(suffix) and kind == "markdown"
        for suffix, kind in env.config.source_suffix.items()
    )


def is_markdown(env: BuildEnvironment, docname: str) -> bool:
    """Whether the page is Markdown: exactly the pages the scan keeps a record of."""
    return docname in _records(env)


def _records(env: BuildEnvironment) -> dict[str, PageRecord]:
    return state.records(env)


def _read(path: str, size: int) -> tuple[tuple[int, int], str] | None:
    """The page's text, cut to ``size`` characters as :func:`cut_source` cuts what Sphinx reads."""
    try:
        stat = os.stat(path)
        with open(path, encoding="utf-8-sig") as handle:  # as Sphinx reads sources
            return (stat.st_mtime_ns, stat.st_size), truncate(handle.read(size + 1), size)[0]
    except (OSError, UnicodeDecodeError):
        return None  # Sphinx reports unreadable sources itself


def cut_source(app: Sphinx, docname: str, source: list[str]) -> None:
    """``source-read``, before every other handler: a page longer than ``page_size`` is cut.

    Every parser after this one reads at most that much of a page. So is a page
    with more ``|`` than ``table_cells``: docutils holds some 3 KB per pipe table
    cell (plain MyST costs the same), so ``page_size`` alone allows minutes and gigabytes.
    """
    if not is_markdown(app.env, docname):
        return
    budgets = limits(app.env)
    source[0], dropped = truncate(source[0], budgets.page_size)
    if dropped is not None:
        warn(
            "limit",
            f"the page is longer than {budgets.page_size:,} characters (hugo_limits 'page_size'); "
            "it is read up to this line, the rest is left out",
            location=(docname, dropped),
        )
    source[0], dropped = truncate_at_count(source[0], "|", budgets.table_cells)
    if dropped is not None:
        warn(
            "limit",
            f"the page has more than {budgets.table_cells:,} table cells "
            "('|', hugo_limits 'table_cells'); "
            "it is read up to this line, the rest is left out",
            location=(docname, dropped),
        )
    state.reading(app.env).table_cells = source[0].count("|")


def scan(env: BuildEnvironment) -> set[str]:
    """Bring the front matter of every Markdown page up to date (for the site model); the pages
    that are not UTF-8 (warned), which Sphinx cannot read."""
    records = _records(env)
    undecodable: set[str] = set()
    for docname in set(records) - env.found_docs:
        del records[docname]
    for docname in sorted(env.found_docs):
        if not _markdown_file(env, docname):
            continue
        path = str(env.doc2path(docname))
        try:
            stat = os.stat(path)
        except OSError:
            continue
        known = records.get(docname)
        if known and known.stamp == (stat.st_mtime_ns, stat.st_size):
            continue
        read = _read(path, limits(env).page_size)
        if read is not None:
            records[docname] = PageRecord(read[0], frontmatter.parse(read[1], limits(env)))
        elif _not_utf8(env, docname, path):
            undecodable.add(docname)
    return undecodable


def _not_utf8(env: BuildEnvironment, docname: str, path: str) -> bool:
    """Whether the page is not UTF-8, which stops Sphinx's reader: then it is warned here."""
    try:
        with open(path, "rb") as handle:
            line = encoding.decode(handle.read(4 * limits(env).page_size + 4))[1]
    except OSError:
        return False
    if line is not None:
        warn(
            "encoding",
            "the page is not UTF-8 (Hugo reads UTF-8 only) and Sphinx cannot read it; "
            "it is not built",
            location=(docname, line),
        )
    return line is not None


def front_matter(env: BuildEnvironment, docname: str) -> frontmatter.FrontMatter | None:
    record = _records(env).get(docname)
    return record.front_matter if record else None


def front_matter_for_source(
    env: BuildEnvironment, docname: str, source: str
) -> frontmatter.FrontMatter:
    """The scanned front matter if it still describes ``source``, else a fresh parse.

    The source differs from the scanned file only when the page is read without
    a scan (a build of named files) or another extension rewrote it first.
    """
    known = front_matter(env, docname)
    if known is not None and _same_head(known, source):
        return known
    parsed = frontmatter.parse(source, limits(env))
    stamp = _read(str(env.doc2path(docname)), limits(env).page_size)
    if stamp is not None:
        _records(env)[docname] = PageRecord(stamp[0], parsed)
    return parsed


def _same_head(known: frontmatter.FrontMatter, source: str) -> bool:
    if known.format is None and not known.problems:
        return source.lstrip("\ufeff \r\n")[:1] not in ("-", "+", "{")
    return known.head_digest == frontmatter.digest(source[: known.body_offset])


def params(env: BuildEnvironment, docname: str) -> dict[str, Any]:
    """The page's front matter as Hugo reads it: its own, with what cascades pass down to it
    (resolved once by the site model), else as the page wrote it."""
    model = state.model(env)
    page = model.pages.get(docname) or model.unwritten.get(docname)
    if page is not None:
        return page.params
    known = front_matter(env, docname)
    return known.params if known else {}
