"""``check --report report.html``: one self-contained HTML page a migrating team reads.

The page holds the counts per kind, every problem per file with its line, and
the shortcodes the build did not know with their use counts and a suggested
``hugo_shortcodes`` mapping, guessed from how each is used (see
:func:`suggest`), printed as Python that can be pasted into ``conf.py``.
Everything on the page comes from pages and warnings, so every piece of text
goes through :func:`html.escape`; the page loads nothing (no script, no link).
"""

from __future__ import annotations

import html
import pprint
import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sphinx_comparisons.hugo import paths, shortcodes
from sphinx_comparisons.migrate.check import Problem, counts

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

UNKNOWN = "hugo.shortcode_unknown"
#: The name in the build's ``hugo.shortcode_unknown`` message (Python's repr of it).
_NAME = re.compile(r"""shortcode (?:'([^']*)'|"([^"]*)")""")

#: A named argument a text template can name (``{key}`` in ``str.format``).
_KEY = re.compile(r"[A-Za-z_]\w*")


@dataclass
class Usage:
    """How a site uses one shortcode the build did not know."""

    uses: int = 0
    pages: set[str] = field(default_factory=set)
    block: int = 0  # uses with a closing tag and Markdown of several lines inside
    inline: int = 0  # uses with a closing tag and one line inside
    empty: int = 0  # uses with no inner content
    in_text: int = 0  # uses with other text on the tag's line (a word in a sentence)
    positional: int = 0  # uses with a first positional argument
    named: dict[str, int] = field(default_factory=dict)  # named arguments, by use count


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


def usage(srcdir: Path, names: dict[str, set[str]]) -> dict[str, Usage]:
    """Every use of the named shortcodes in the pages the build found them in."""
    allowed = paths.roots(srcdir)
    result = {name: Usage() for name in names}
    for page in sorted(set().union(*names.values()) if names else set()):
        path = paths.contained(srcdir / page, allowed)
        text = paths.read_text(path)[0] if path is not None and paths.is_file(path) else None
        if text is None:
            continue
        tree, _ = shortcodes.parse(text)
        lines = text.splitlines()
        for call in shortcodes.walk(tree):
            if call.name in result:
                _count(result[call.name], call, page)
                line = lines[call.line - 1].strip() if 0 < call.line <= len(lines) else ""
                alone = line.startswith(call.opening.split("\n")[0].strip()) and line.endswith(
                    (call.closing or call.opening).strip()
                )
                result[call.name].in_text += not alone
    return result


def _count(seen: Usage, call: shortcodes.Shortcode, page: str) -> None:
    seen.uses += 1
    seen.pages.add(page)
    inner = call.inner_source.strip() if call.inner is not None else ""
    if not inner:
        seen.empty += 1
    elif "\n" in inner:
        seen.block += 1
    else:
        seen.inline += 1
    seen.positional += bool(call.positional)
    for key in call.named:
        seen.named[str(key)] = seen.named.get(str(key), 0) + 1


def suggest(seen: Usage) -> dict[str, Any] | str:
    """A mapping guessed from use: Markdown blocks inside -> a directive; else text; else drop.

    A shortcode that wraps Markdown of several lines becomes an ``admonition``
    titled by its ``title`` argument (or its first positional one), a plain
    ``note`` when it has neither; one that wraps a line of text becomes that
    text; one without inner content used inside running text prints its
    argument; the rest (tags alone on their line with nothing inside: page
    furniture a Hugo template draws) are dropped.
    """
    title = "title" if "title" in seen.named else None
    if seen.block:
        if title:
            return {"directive": "admonition", "argument": title}
        return (
            {"directive": "admonition"} if seen.positional == seen.uses else {"directive": "note"}
        )
    if seen.inline:
        return {"text": "{inner}"}
    if not seen.in_text:
        return "drop"
    if seen.positional:
        return {"text": "{0}"}
    plain = [key for key in seen.named if _KEY.fullmatch(key)]
    if plain:
        return {"text": "{" + max(plain, key=lambda k: (seen.named[k], k)) + "}"}
    return "drop"


def mappings(used: dict[str, Usage]) -> str:
    """The suggested mappings as Python to paste into ``conf.py``."""
    suggested = {name: suggest(seen) for name, seen in sorted(used.items())}
    return "hugo_shortcodes = " + pprint.pformat(suggested, sort_dicts=False, width=88) + "\n"


_STYLE = (
    "body{font:15px/1.5 system-ui,sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem}"
    "table{border-collapse:collapse;margin:1rem 0}td,th{border:1px solid #ccc;padding:.2rem .5rem;"
    "text-align:left;vertical-align:top}td.n{text-align:right}pre{background:#f5f5f5;"
    "padding:1rem;overflow:auto}h2{margin-top:2rem}code{font-size:90%}"
)


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


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


def _shortcodes(used: dict[str, Usage]) -> str:
    if not used:
        return "<p>Every shortcode the pages use is known to the build.</p>"
    rows = [
        (
            name,
            seen.uses,
            len(seen.pages),
            (
                f"{seen.block} around Markdown blocks, {seen.inline} around a line, "
                f"{seen.empty} with nothing inside"
            ),
            repr(suggest(seen)),
        )
        for name, seen in sorted(used.items(), key=lambda item: (-item[1].uses, item[0]))
    ]
    table = _table(("shortcode", "uses", "pages", "how it is used", "suggested mapping"), rows, 1)
    return (
        f"{table}<p>The suggested mappings, to paste into <code>conf.py</code> "
        f"(check each before you keep it):</p><pre>{_e(mappings(used))}</pre>"
    )


def _files(problems: Sequence[Problem]) -> str:
    per_file: dict[str, list[Problem]] = defaultdict(list)
    for problem in problems:
        per_file[problem.file or "(no file)"].append(problem)
    parts = []
    for file, found in sorted(per_file.items()):
        rows = [(p.line if p.line else "", p.kind, p.message) for p in found]
        parts.append(
            f"<h3>{_e(file)} ({len(found)})</h3>" + _table(("line", "kind", "message"), rows)
        )
    return "".join(parts) or "<p>No problems.</p>"


def page(site: str, problems: Sequence[Problem], used: dict[str, Usage]) -> str:
    """The whole report: one HTML document with its style inline and nothing to load."""
    per_kind = counts(problems)
    summary = _table(("kind", "count"), [*per_kind.items(), ("total", len(problems))], 1)
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>Migration report: {_e(site)}</title><style>{_STYLE}</style></head><body>"
        f"<h1>Migration report: {_e(site)}</h1>"
        f"<p>{len(problems)} problem(s) a build of this site reports, by kind:</p>{summary}"
        f"<h2>Shortcodes the build does not know</h2>{_shortcodes(used)}"
        f"<h2>Problems per file</h2>{_files(problems)}"
        "</body></html>\n"
    )


def write(target: Path, srcdir: Path, site: str, problems: Sequence[Problem]) -> None:
    """The report for ``problems`` (the build of ``srcdir``) written to ``target``."""
    used = usage(srcdir, unknown_names(problems))
    target.write_text(page(site, problems, used), encoding="utf-8")
