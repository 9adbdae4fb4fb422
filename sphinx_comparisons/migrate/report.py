"""``check --report report.html``: one self-contained HTML page a migrating team reads.

The page holds the counts per kind; the shortcodes the build did not know with
their use counts and a suggested ``hugo_shortcodes`` mapping (``suggest.py``),
printed as Python that can be pasted into ``conf.py``; the menus found and the
navigation the build makes; the aliases that become redirects; and every
problem per file with its line and a one-line fix (the one the warning
reference gives for its kind). Everything on the page comes from pages and
warnings, so every piece of text goes through :func:`html.escape`; the page
loads nothing (no script, no link).
"""

from __future__ import annotations

import html
import re
from collections import defaultdict
from typing import TYPE_CHECKING

from sphinx_comparisons.diagnostics import SUBTYPES, WARNING_TYPE
from sphinx_comparisons.migrate import suggest
from sphinx_comparisons.migrate.check import Problem, counts

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

    from sphinx_comparisons.migrate.outline import Entry, Outline

UNKNOWN = "hugo.shortcode_unknown"
#: The name in the build's ``hugo.shortcode_unknown`` message (Python's repr of it).
_NAME = re.compile(r"""shortcode (?:'([^']*)'|"([^"]*)")""")
#: The fix for a warning that is not the extension's own (Sphinx's, MyST's, docutils').
OTHER_FIX = "A Sphinx, MyST or docutils warning: its message says what to change."
#: Navigation entries shown at most, so a huge site still gives a page a browser opens.
NAVIGATION_LIMIT = 2000

_STYLE = (
    "body{font:15px/1.5 system-ui,sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem}"
    "table{border-collapse:collapse;margin:1rem 0}td,th{border:1px solid #ccc;padding:.2rem .5rem;"
    "text-align:left;vertical-align:top}td.n{text-align:right}pre{background:#f5f5f5;"
    "padding:1rem;overflow:auto}h2{margin-top:2rem}code{font-size:90%}"
    "h1,h3,td,code{overflow-wrap:anywhere}ul.nav{padding-left:1.2rem}summary{cursor:pointer}"
)
#: ````literal```` in the warning reference's fix texts.
_LITERAL = re.compile(r"``([^`]+)``")


def unknown_names(problems: Sequence[Problem]) -> dict[str, set[str]]:
    """The unknown shortcodes' names, each with the pages it is in."""
    found: dict[str, set[str]] = defaultdict(set)
    for problem in problems:
        match = _NAME.search(problem.message) if problem.kind == UNKNOWN else None
        if match:
            found[match.group(1) if match.group(1) is not None else match.group(2)].add(
                problem.file
            )
    return dict(found)


def fix(kind: str) -> str:
    """The one-line fix for a kind of problem."""
    prefix = WARNING_TYPE + "."
    found = SUBTYPES.get(kind.removeprefix(prefix)) if kind.startswith(prefix) else None
    return found[1] if found else OTHER_FIX


class Markup(str):
    """HTML made here from escaped text: :func:`_e` keeps it as it is."""


def _e(value: object) -> str:
    return value if isinstance(value, Markup) else html.escape(str(value), quote=True)


def _fix(kind: str) -> Markup:
    """The fix for ``kind``, its ````literals```` shown as code."""
    return Markup(_LITERAL.sub(r"<code>\1</code>", _e(fix(kind))))


def _table(head: Sequence[str], rows: Sequence[Sequence[object]], numeric: int = -1) -> str:
    cells = "".join(f"<th>{_e(h)}</th>" for h in head)
    body = "".join(
        "<tr>"
        + "".join(
            f'<td class="n">{_e(v)}</td>' if i == numeric else f"<td>{_e(v)}</td>"
            for i, v in enumerate(row)
        )
        + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{cells}</tr></thead><tbody>{body}</tbody></table>"


def _how(seen: suggest.Usage) -> str:
    counted = (
        (seen.block, "around Markdown blocks"),
        (seen.inline, "around a line"),
        (seen.empty, "with nothing inside"),
        (seen.in_text, "inside a sentence"),
        (seen.tab_sets, "around tabs"),
        (seen.tables, "around a table"),
    )
    return ", ".join(f"{count} {how}" for count, how in counted if count)


def _shortcodes(used: dict[str, suggest.Usage]) -> str:
    if not used:
        return "<p>Every shortcode the pages use is known to the build.</p>"
    mapped = suggest.suggestions(used)
    rows = [
        (
            name,
            seen.uses,
            len(seen.pages),
            _how(seen),
            repr(mapped[name]),
        )
        for name, seen in sorted(used.items(), key=lambda item: (-item[1].uses, item[0]))
    ]
    table = _table(("shortcode", "uses", "pages", "how it is used", "suggested mapping"), rows, 1)
    return (
        f"{table}<p>The suggested mappings, to paste into <code>conf.py</code>. Check each "
        "before you keep it: a shortcode that prints a value of the site (a version, a link) "
        "is dropped until you give its text.</p>"
        f"<pre>{_e(suggest.mappings(used))}</pre>"
    )


def _tree(entries: Sequence[Entry], budget: list[int]) -> str:
    items = []
    for entry in entries:
        if budget[0] <= 0:
            items.append("<li>…</li>")
            break
        budget[0] -= 1
        where = f" <code>{_e(entry.url)}</code>" if entry.url else ""
        below = _tree(entry.children, budget) if entry.children else ""
        items.append(f"<li>{_e(entry.title)}{where}{below}</li>")
    return f'<ul class="nav">{"".join(items)}</ul>'


def _navigation(outline: Outline) -> str:
    source = (
        "the menu " + ", ".join(repr(name) for name in outline.used)
        if outline.used
        else "the section tree"
    )
    menus = (
        _table(("menu", "pages"), list(outline.menus.items()), 1)
        if outline.menus
        else "<p>No page or config entry is in a menu.</p>"
    )
    return (
        f"<p>{outline.pages} pages. Menus found, with the pages each links to:</p>{menus}"
        f"<p>The sidebar is made of {_e(source)} (<code>hugo_menus</code> chooses; a menu is "
        "used on its own when it holds at least half the pages).</p>"
        f"<details><summary>The navigation, as the sidebar holds it</summary>"
        f"{_tree(outline.navigation, [NAVIGATION_LIMIT])}</details>"
    )


def _redirects(outline: Outline) -> str:
    if not outline.redirects:
        return "<p>No page has aliases.</p>"
    rows = [(r.old, r.new, f"{r.file}:{r.line}") for r in outline.redirects]
    return (
        f"<details><summary>{len(rows)} alias(es): each old address gets a page that forwards "
        f"to the new one</summary>{_table(('old address', 'now at', 'set in'), rows)}</details>"
    )


def _files(problems: Sequence[Problem]) -> str:
    per_file: dict[str, list[Problem]] = defaultdict(list)
    for problem in problems:
        per_file[problem.file or "(no file)"].append(problem)
    parts = []
    for file, found in sorted(per_file.items()):
        rows = [(p.line if p.line else "", p.kind, p.message, _fix(p.kind)) for p in found]
        parts.append(
            f"<h3>{_e(file)} ({len(found)})</h3>" + _table(("line", "kind", "message", "fix"), rows)
        )
    return "".join(parts) or "<p>No problems.</p>"


def page(
    site: str,
    problems: Sequence[Problem],
    used: dict[str, suggest.Usage],
    outline: Outline | None = None,
) -> str:
    """The whole report: one HTML document with its style inline and nothing to load."""
    per_kind = counts(problems)
    summary = _table(
        ("kind", "count", "fix"),
        [*((k, n, _fix(k)) for k, n in per_kind.items()), ("total", len(problems), "")],
        1,
    )
    site_parts = (
        f"<h2>Navigation</h2>{_navigation(outline)}<h2>Redirects</h2>{_redirects(outline)}"
        if outline is not None
        else ""
    )
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>Migration report: {_e(site)}</title><style>{_STYLE}</style></head><body>"
        f"<h1>Migration report: {_e(site)}</h1>"
        f"<p>{len(problems)} problem(s) a build of this site reports, by kind:</p>{summary}"
        f"<h2>Shortcodes the build does not know</h2>{_shortcodes(used)}"
        f"{site_parts}<h2>Problems per file</h2>{_files(problems)}"
        "</body></html>\n"
    )


def write(
    target: Path, srcdir: Path, site: str, problems: Sequence[Problem], outline: Outline | None
) -> None:
    """The report for ``problems`` (the build of ``srcdir``) written to ``target``."""
    used = suggest.usage(srcdir, unknown_names(problems))
    target.write_text(page(site, problems, used, outline), encoding="utf-8")
