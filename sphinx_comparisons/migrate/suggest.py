"""The ``hugo_shortcodes`` mappings the migration report suggests, guessed from how each is used.

A site's own shortcodes are Go templates the build cannot run. What a user
would map one to shows in its uses: a tag named like an admonition that wraps
text is that admonition; a tag that holds nothing but a row of ``tab`` tags is
a tab set; one that wraps a Markdown table or a line of text prints it; one
that wraps Markdown paragraphs is a box; one inside a sentence prints one of
its arguments, named ``url`` it prints a link. A template is only suggested
when every use can fill it (a ``{0}`` for a tag used once without an argument
would warn), so the mappings paste into ``conf.py`` and build without a
warning of their own.
"""

from __future__ import annotations

import pprint
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sphinx_comparisons.hugo import paths, shortcodes
from sphinx_comparisons.hugo.shortcode_tags import Text

if TYPE_CHECKING:
    from pathlib import Path

#: A named argument a text template can name (``{key}`` in ``str.format``).
_KEY = re.compile(r"[A-Za-z_]\w*")
#: The admonitions docutils knows, which a shortcode of the same name maps to.
ADMONITIONS = frozenset(
    ("attention", "caution", "danger", "error", "hint", "important", "note", "tip", "warning")
)
#: Argument names that hold a link's address and its text, most likely first.
_URL_KEYS = ("url", "href", "link")
_TEXT_KEYS = ("text", "title", "label", "name")
#: Argument names that label a tab, most likely first.
_LABEL_KEYS = ("name", "header", "title", "label")
_DELIMITER_CELL = re.compile(r"\s*:?-+:?\s*")


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
    tables: int = 0  # uses whose inner content is one Markdown table
    tab_sets: int = 0  # uses whose inner content is nothing but shortcodes named ``tab``
    #: The named arguments of the tabs inside those uses, by use count, and how many tabs.
    tab_keys: dict[str, int] = field(default_factory=dict)
    tabs: int = 0


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
                result[call.name].in_text += not _alone(call, line)
    return result


def _alone(call: shortcodes.Shortcode, line: str) -> bool:
    """Whether the tag's first line holds nothing but its tags (and what they wrap)."""
    opening = call.opening.strip()
    if "\n" in opening:  # a tag over several lines starts its line
        return line.startswith(opening.split("\n")[0])
    closing = call.closing.strip()
    end = closing if closing and closing in line else opening
    return line.startswith(opening) and line.endswith(end)


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
    seen.tables += is_table(inner)
    _count_tabs(seen, call.inner or [])


def is_table(text: str) -> bool:
    """Markdown that is one table: a header row, a delimiter row, rows (GFM's table shape)."""
    rows = [row.strip() for row in text.splitlines() if row.strip()]
    if len(rows) < 2 or not all("|" in row for row in rows):
        return False
    cells = rows[1].removeprefix("|").removesuffix("|").split("|")
    return all(_DELIMITER_CELL.fullmatch(cell) for cell in cells)


def _count_tabs(seen: Usage, inner: list[shortcodes.Node]) -> None:
    """A use holding nothing but ``tab`` shortcodes (and blank text) is a tab set."""
    tabs = [node for node in inner if isinstance(node, shortcodes.Shortcode)]
    if not tabs or any(isinstance(n, Text) and n.text.strip() for n in inner):
        return
    if any(tab.name.rsplit("/", 1)[-1].lower() != "tab" for tab in tabs):
        return
    seen.tab_sets += 1
    seen.tabs += len(tabs)
    for tab in tabs:
        for key in tab.named:
            seen.tab_keys[str(key)] = seen.tab_keys.get(str(key), 0) + 1


def _in_every_use(seen: Usage, keys: tuple[str, ...]) -> str | None:
    return next((key for key in keys if seen.named.get(key) == seen.uses), None)


def suggest(name: str, seen: Usage) -> dict[str, Any] | str:
    """The mapping a user would most likely write for the shortcode ``name``."""
    kind = name.rsplit("/", 1)[-1].lower()
    if kind in ADMONITIONS and (seen.block or seen.inline):
        return {"directive": kind}
    if seen.tab_sets and seen.tab_sets == seen.uses:
        return {"directive": "tab-set"}
    if seen.tables and seen.tables == seen.block + seen.inline:
        return {"text": "{inner}"}
    if seen.block:
        if "title" in seen.named:
            return {"directive": "admonition", "argument": "title"}
        return (
            {"directive": "admonition"} if seen.positional == seen.uses else {"directive": "note"}
        )
    if seen.inline:
        return {"text": "{inner}"}
    return _in_text(seen) if seen.in_text else "drop"


def _in_text(seen: Usage) -> dict[str, Any] | str:
    """A tag with nothing inside, in a sentence: it prints an argument every use has."""
    url = _in_every_use(seen, _URL_KEYS)
    if url is not None:
        text = _in_every_use(seen, _TEXT_KEYS) or url
        return {"text": f"[{{{text}}}]({{{url}}})"}
    if seen.positional == seen.uses:
        return {"text": "{0}"}
    every = [k for k, n in seen.named.items() if n == seen.uses and _KEY.fullmatch(k)]
    if every:  # the first one written: the one the tag is about (``term_id=... length=...``)
        return {"text": "{" + every[0] + "}"}
    return "drop"


def tab_item(used: dict[str, Usage]) -> dict[str, Any] | None:
    """``tab``'s mapping when the tab sets label their tabs by an argument Docsy's tab lacks.

    Docsy's ``tab`` (which the build knows) takes its label from ``header``;
    sites with their own tab set (Kubernetes' ``tabs``/``tab name=``) name it
    otherwise, and their ``tab`` must be mapped to a ``tab-item`` too.
    """
    keys: dict[str, int] = {}
    tabs = 0
    for seen in used.values():
        if seen.tab_sets and seen.tab_sets == seen.uses:
            tabs += seen.tabs
            for key, count in seen.tab_keys.items():
                keys[key] = keys.get(key, 0) + count
    label = next((key for key in _LABEL_KEYS if keys.get(key) == tabs), None)
    if not tabs or label in (None, "header"):
        return None
    return {"directive": "tab-item", "argument": label}


def suggestions(used: dict[str, Usage]) -> dict[str, dict[str, Any] | str]:
    """Every suggested mapping, by shortcode name."""
    found = {name: suggest(name, seen) for name, seen in sorted(used.items())}
    tab = tab_item(used)
    if tab is not None:
        found["tab"] = tab
    return found


def mappings(used: dict[str, Usage]) -> str:
    """The suggested mappings as Python to paste into ``conf.py``."""
    text = pprint.pformat(suggestions(used), sort_dicts=False, width=88)
    return f"hugo_shortcodes = {text}\n"
