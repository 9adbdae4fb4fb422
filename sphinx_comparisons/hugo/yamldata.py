"""YAML written in pages (front matter, directive bodies, data files), read within the budgets.

PyYAML builds an aliased value once and shares it, so loading a "billion
laughs" is cheap; what costs is whatever walks the value afterwards (a
message quoting it, a table row per feature). So the composed node graph is
measured first, each distinct node once, and the top-level entries that would
expand past a budget are left out before any Python value is built.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import yaml

from sphinx_comparisons.hugo.limits import Limits

#: libyaml's loader when PyYAML was built with it: the same results, several times faster.
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

#: What a YAML value that refers to itself (``&a [*a]``) counts as: more than any budget.
_UNBOUNDED = 1 << 62

#: How much of a page's value a message may quote.
EXCERPT = 80


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong with YAML (or other data) of a page, at a 1-based line of the file."""

    subtype: str
    message: str
    line: int


@dataclass(frozen=True, slots=True)
class Size:
    """A node once aliases are expanded: values, nesting depth, characters of its scalars."""

    values: int
    depth: int
    characters: int


_ENDLESS = Size(_UNBOUNDED, _UNBOUNDED, _UNBOUNDED)


def excerpt(value: Any) -> str:
    """``repr`` of a page's value, at most about :data:`EXCERPT` characters, without walking all of
    it."""
    if isinstance(value, str):
        return repr(value if len(value) <= EXCERPT else value[:EXCERPT] + "...")
    if isinstance(value, (dict, list)):
        return "a mapping" if isinstance(value, dict) else "a list"
    shown = repr(value)
    return shown if len(shown) <= EXCERPT else shown[:EXCERPT] + "..."


def children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def measure(root: yaml.Node) -> dict[int, Size]:
    """Each node's :class:`Size`, by ``id``.

    Each distinct node is visited once, so an alias bomb costs what its text
    costs; a node that contains itself counts as unbounded.
    """
    done: dict[int, Size] = {}
    active: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, finished = stack.pop()
        key = id(node)
        if finished:
            parts = [done.get(id(child), _ENDLESS) for child in children(node)]
            own = len(node.value) if isinstance(node, yaml.ScalarNode) else 0
            done[key] = Size(
                min(_UNBOUNDED, 1 + sum(p.values for p in parts)),
                min(_UNBOUNDED, 1 + max((p.depth for p in parts), default=0)),
                min(_UNBOUNDED, own + sum(p.characters for p in parts)),
            )
            active.discard(key)
        elif key not in done and key not in active:
            active.add(key)
            stack.append((node, True))
            stack.extend((child, False) for child in children(node) if id(child) not in done)
    return done


def _over(size: Size, total: Size, limits: Limits) -> str | None:
    """Which budget taking ``size`` on top of ``total`` would break, as a message's end; None when
    none."""
    if size.depth > limits.frontmatter_depth:
        return (
            f"nests deeper than {limits.frontmatter_depth} levels (hugo_limits 'frontmatter_depth')"
        )
    if total.values + size.values > limits.frontmatter_nodes:
        return (
            f"takes the page past {limits.frontmatter_nodes} values once YAML aliases are "
            "expanded (hugo_limits 'frontmatter_nodes')"
        )
    if total.characters + size.characters > limits.page_size:
        return (
            f"takes the page past {limits.page_size:,} characters once YAML aliases are expanded "
            "(hugo_limits 'page_size')"
        )
    return None


def prune_oversized(
    root: yaml.Node, label: str, first: int, limits: Limits, problems: list[Problem]
) -> None:
    """Leave out each top-level key (or list item) that takes the value past a budget, reporting
    it."""
    if not isinstance(root, (yaml.MappingNode, yaml.SequenceNode)):
        return  # a lone scalar is no larger than its text
    sizes = measure(root)
    pairs = (
        root.value if isinstance(root, yaml.MappingNode) else [(item, item) for item in root.value]
    )
    kept, total = [], Size(0, 0, 0)
    for index, (key_node, value_node) in enumerate(pairs):
        size = sizes.get(id(value_node), _ENDLESS)
        reason = _over(size, total, limits)
        if reason is None:
            total = Size(total.values + size.values, 0, total.characters + size.characters)
            kept.append((key_node, value_node))
            continue
        if isinstance(root, yaml.MappingNode):
            name = (
                "key "
                f"{excerpt(str(key_node.value)) if isinstance(key_node, yaml.ScalarNode) else '?'}"
            )
        else:
            name = f"item {index + 1}"
        problems.append(
            Problem(
                "limit",
                f"{label} {name} {reason}; it was ignored",
                first + key_node.start_mark.line,
            )
        )
    root.value = kept if isinstance(root, yaml.MappingNode) else [item for item, _ in kept]


def prune_unreadable(
    root: yaml.Node, loader: Any, label: str, first: int, problems: list[Problem], subtype: str
) -> None:
    """Drop the values Python cannot make (``2023-02-30``, ``!!float abc``, a 5,000-digit integer).

    PyYAML raises a bare ``ValueError`` for these, which would lose the whole block.
    """
    bad: set[int] = set()
    seen: set[int] = set()
    containers: list[yaml.Node] = []
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.ScalarNode):
            try:
                loader.construct_object(node)
            except (ValueError, OverflowError) as err:
                loader.recursive_objects.pop(node, None)
                bad.add(id(node))
                line = first + node.start_mark.line
                if too_long(err):
                    problems.append(
                        Problem("limit", f"the {label} value {_short(node.value)} {TOO_LONG}", line)
                    )
                else:
                    problems.append(
                        Problem(
                            subtype,
                            f"cannot read the {label} value {_short(node.value)}: {err}; "
                            "it was ignored",
                            line,
                        )
                    )
            continue
        containers.append(node)
        stack.extend(children(node))
    if not bad:
        return
    for node in containers:
        if isinstance(node, yaml.MappingNode):
            node.value = [(k, v) for k, v in node.value if id(k) not in bad and id(v) not in bad]
        else:
            node.value = [item for item in node.value if id(item) not in bad]


#: Python refuses to read longer integers (``sys.get_int_max_str_digits``): converting them is
#: quadratic.
TOO_LONG = (
    f"is a number of more than {sys.get_int_max_str_digits():,} digits, more than can be read; it "
    "was ignored"
)


def too_long(err: Exception) -> bool:
    return isinstance(err, ValueError) and "Exceeds the limit" in str(err)


def _short(value: str) -> str:
    return repr(value if len(value) <= 40 else value[:40] + "...")


def load(
    text: str,
    label: str,
    limits: Limits,
    first_line: int = 1,
    subtype: str = "frontmatter",
    inspect: Callable[[yaml.Node], None] | None = None,
) -> tuple[Any, list[Problem]]:
    """One YAML document of page data (front matter, a directive body, a data file), in budget.

    Entries past a budget and values Python cannot make are left out and
    reported (``subtype`` for the latter); ``inspect`` sees the node graph
    before it becomes values (front matter's key lines); a syntax error raises
    ``yaml.YAMLError``.
    """
    loader = LOADER(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, []
        problems: list[Problem] = []
        prune_oversized(node, label, first_line, limits, problems)
        prune_unreadable(node, loader, label, first_line, problems, subtype)
        if inspect is not None:
            inspect(node)
        return loader.construct_document(node), problems
    finally:
        loader.dispose()
