"""Hugo shortcodes as a tree: which tags close which, what each holds.

The tree builder that follows ``parser/pageparser`` and ``hugolib/shortcode.go``
over the tags of :mod:`shortcode_tags`; a tag that closes nothing, or is
nested too deep, is reported as a :class:`Problem` and kept as text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, TypeAlias

from sphinx_comparisons.hugo.limits import DEFAULT, Limits
from sphinx_comparisons.hugo.shortcode_tags import Tag, Text, lex
from sphinx_comparisons.hugo.yamldata import Problem


@dataclass
class Shortcode:
    name: str
    #: ``<`` for ``{{< >}}``, ``%`` for ``{{% %}}``.
    notation: str
    positional: list[Any] = field(default_factory=list)
    named: dict[str, Any] = field(default_factory=dict)
    #: None: no closing tag (no inner content); a list (maybe empty) otherwise.
    inner: list[Node] | None = None
    self_closed: bool = False
    line: int = 1
    #: The source of the opening and closing tags, as written.
    opening: str = ""
    closing: str = ""
    #: Text between the tags, as written (nested shortcodes unexpanded).
    inner_source: str = ""

    def get(self, key: str | int, default: Any = None) -> Any:
        return argument(self.positional, self.named, key, default)


def argument(
    positional: list[Any], named: dict[str, Any], key: str | int, default: Any = None
) -> Any:
    """Hugo's ``.Get``: a position or a (case-sensitive) name."""
    if isinstance(key, int):
        return positional[key] if key < len(positional) else default
    return named.get(key, default)


Node: TypeAlias = Text | Shortcode


def parse(
    text: str, first_line: int = 1, limits: Limits = DEFAULT
) -> tuple[list[Node], list[Problem]]:
    """The shortcode tree of ``text``.

    An opening tag takes inner content only if a matching closing tag
    follows; one without is a shortcode with no inner content (``inner`` is
    None), as a template that ignores ``.Inner`` would have it. A closing tag
    that matches no open shortcode is reported and kept as text. Tags nested
    deeper than ``limits.shortcode_depth`` are kept as text (each level is
    rendered by the level above it).
    """
    items, problems = lex(text, first_line)
    root: list[Node] = []
    #: (shortcode, where it sits, its start offset)
    stack: list[tuple[Shortcode, list[Node], int]] = []
    #: name -> its places in the stack, so a closing tag finds its match at once
    open_at: dict[str, list[int]] = {}
    held: dict[int, list[Node]] = {}  # what each unclosed tag held, by id
    current = root
    for item in items:
        if isinstance(item, Text):
            current.append(item)
        elif item.kind == "open":
            current = _open(text, item, current, stack, open_at)
        elif not open_at.get(item.name):
            raw = text[item.start : item.end]
            message = f"closing tag {raw} matches no open shortcode; kept as text"
            problems.append(Problem("shortcode_syntax", message, item.line))
            current.append(Text(raw, item.line))
        else:
            while len(stack) > open_at[item.name][-1] + 1:
                _unclose(_pop(stack, open_at), held)
            node, current, inner_start = _pop(stack, open_at)
            node.closing = text[item.start : item.end]
            node.inner_source = text[inner_start : item.start]
    while stack:
        _unclose(_pop(stack, open_at), held)
    root = _splice(root, held)
    _cut_deep(root, limits.shortcode_depth, problems)
    return root, problems


def _open(
    text: str,
    item: Tag,
    current: list[Node],
    stack: list[tuple[Shortcode, list[Node], int]],
    open_at: dict[str, list[int]],
) -> list[Node]:
    """The shortcode an opening tag starts, put in ``current``; the list its content goes to."""
    inner: list[Node] = []
    node = Shortcode(
        item.name,
        item.notation,
        item.positional,
        item.named,
        inner,
        item.self_closed,
        item.line,
        opening=text[item.start : item.end],
    )
    current.append(node)
    if item.self_closed:
        return current
    open_at.setdefault(node.name, []).append(len(stack))
    stack.append((node, current, item.end))
    return inner


def _cut_deep(nodes: list[Node], limit: int, problems: list[Problem]) -> None:
    """Shortcodes nested deeper than ``limit`` become their source text (each level renders the
    next)."""
    stack = [(nodes, 1)]
    reported = False
    while stack:
        siblings, level = stack.pop()
        for index, node in enumerate(siblings):
            if not isinstance(node, Shortcode):
                continue
            if level <= limit:
                stack.append((node.inner or [], level + 1))
                continue
            if not reported:
                problems.append(
                    Problem(
                        "limit",
                        f"shortcodes nest deeper than {limit} levels here (hugo_limits "
                        f"'shortcode_depth'); {node.name!r} and the tags inside it are kept as "
                        "text",
                        node.line,
                    )
                )
                reported = True
            siblings[index] = Text(node.opening + node.inner_source + node.closing, node.line)


def _pop(
    stack: list[tuple[Shortcode, list[Node], int]], open_at: dict[str, list[int]]
) -> tuple[Shortcode, list[Node], int]:
    entry = stack.pop()
    open_at[entry[0].name].pop()
    return entry


def _unclose(entry: tuple[Shortcode, list[Node], int], held: dict[int, list[Node]]) -> None:
    """An opening tag never closed: it had no inner content; what followed is its siblings'.

    What it held is put back among its siblings by :func:`_splice`, once for the
    whole page (moving it here would copy it again for every unclosed tag around it).
    """
    node = entry[0]
    held[id(node)] = node.inner or []
    node.inner = None


def _splice(nodes: list[Node], held: dict[int, list[Node]]) -> list[Node]:
    """``nodes`` with each unclosed tag followed by what it held, at every level."""
    if not held:
        return nodes
    lists: list[tuple[list[Node], Shortcode | None]] = [(nodes, None)]
    result = nodes
    while lists:
        items, owner = lists.pop()
        flat: list[Node] = []
        pending = [iter(items)]
        while pending:
            node = next(pending[-1], None)
            if node is None:
                pending.pop()
                continue
            flat.append(node)
            if isinstance(node, Shortcode) and id(node) in held:
                pending.append(iter(held.pop(id(node))))
            elif isinstance(node, Shortcode) and node.inner:
                lists.append((node.inner, node))
        if owner is None:
            result = flat
        else:
            owner.inner = flat
    return result


def walk(nodes: list[Node]) -> list[Shortcode]:
    out: list[Shortcode] = []
    for node in nodes:
        if isinstance(node, Shortcode):
            out.append(node)
            out.extend(walk(node.inner or []))
    return out
