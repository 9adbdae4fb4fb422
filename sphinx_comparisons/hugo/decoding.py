"""YAML, TOML and JSON text decoded with key lines, duplicate keys and a line-by-line recovery.

Hugo stops the build on malformed front matter or site config; we keep what
can be read, report each line left out, and record each key's line so that
later problems point at it.
"""

from __future__ import annotations

import json
import re
import sys
import tomllib
from typing import TYPE_CHECKING, Any

import yaml

from sphinx_comparisons.hugo import yamldata
from sphinx_comparisons.hugo.limits import Limits
from sphinx_comparisons.hugo.nesting import cap_depth
from sphinx_comparisons.hugo.yamldata import TOO_LONG, Problem, too_long

if TYPE_CHECKING:
    from sphinx_comparisons.hugo.frontmatter import FrontMatter

YAML, TOML, JSON = "yaml", "toml", "json"

#: How many offending lines a malformed block may lose before we give up on it.
_MAX_RECOVERY = 20


class _Error(Exception):
    def __init__(self, message: str, line: int | None, subtype: str = "frontmatter") -> None:
        super().__init__(message)
        self.message = message
        self.line = line  # 0-based line within the block text, if known
        self.subtype = subtype


def _decode_yaml(text: str, fm: FrontMatter, first_line: int, limits: Limits) -> Any:
    def key_lines(node: yaml.Node) -> None:
        _walk_yaml(node, (), fm, first_line)

    try:
        data, problems = yamldata.load(text, fm.label, limits, first_line, inspect=key_lines)
    except yaml.MarkedYAMLError as err:
        raise _Error(_yaml_message(err), _yaml_error_line(err)) from None
    except yaml.YAMLError as err:
        raise _Error(str(err), None) from None
    fm.problems.extend(problems)
    return {} if data is None else data


#: Contexts that name the enclosing block, not the line at fault: ``? [a, b]`` is
#: reported "while constructing a mapping" at the mapping's first key.
_ENCLOSING_CONTEXTS = ("while constructing", "while parsing a block")


def _yaml_error_line(err: yaml.MarkedYAMLError) -> int | None:
    """The 0-based line to leave out.

    The context mark is where a broken construct began (an unclosed ``[``), the
    problem mark where the parser gave up on it; when the context is merely the
    enclosing mapping, the problem mark is the line at fault.
    """
    mark = err.context_mark or err.problem_mark
    if err.problem_mark and (err.context or "").startswith(_ENCLOSING_CONTEXTS):
        mark = err.problem_mark
    return mark.line if mark else None


def _yaml_message(err: yaml.MarkedYAMLError) -> str:
    parts = [p for p in (err.context, err.problem) if p]
    return "; ".join(parts) or "malformed YAML"


def _walk_yaml(node: yaml.Node, path: tuple[str, ...], fm: FrontMatter, first: int) -> None:
    """Record key lines and report duplicated keys (PyYAML keeps the last silently)."""
    if isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            dotted = ".".join((*path, str(index)))
            fm.key_lines.setdefault(dotted, first + item.start_mark.line)
            _walk_yaml(item, (*path, str(index)), fm, first)
        return
    if not isinstance(node, yaml.MappingNode):
        return
    seen: dict[str, int] = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            continue
        key = str(key_node.value).lower()
        line = first + key_node.start_mark.line
        dotted = ".".join((*path, key))
        if key in seen:
            fm.problems.append(
                Problem(
                    "frontmatter_duplicate",
                    f"duplicate {fm.label} key {dotted!r} (also on line {seen[key]}); "
                    "the last value wins",
                    line,
                )
            )
        seen[key] = line
        fm.key_lines[dotted] = line
        _walk_yaml(value_node, (*path, key), fm, first)


_TOML_LINE = re.compile(r"\(at line (\d+), column \d+\)")


def _decode_toml(text: str, fm: FrontMatter, first_line: int, limits: Limits) -> Any:
    text = cap_depth(text, True, limits.frontmatter_depth, fm.label, first_line, fm.problems)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        match = _TOML_LINE.search(str(err))
        message = _TOML_LINE.sub("", str(err)).strip()
        raise _Error(message, int(match.group(1)) - 1 if match else None) from None
    except ValueError as err:
        if not too_long(err):
            raise
        raise _Error(
            f"a value {TOO_LONG.removesuffix('; it was ignored')}", _long_number_line(text), "limit"
        ) from None
    _scan_toml_tables(text, fm, first_line)
    return data


_DIGITS = re.compile(r"[0-9_]+")


def _long_number_line(text: str) -> int | None:
    """The 0-based line of the first run of digits too long to be an integer Python reads."""
    for found in _DIGITS.finditer(text):
        if found.end() - found.start() > sys.get_int_max_str_digits():
            return text.count("\n", 0, found.start())
    return None


_TOML_TABLE = re.compile(r"^\s*\[\[?([^\]\n]*)\]")
_TOML_KEY = re.compile(r"""^\s*["']?([\w.-]+)["']?\s*=""")


def _scan_toml_tables(text: str, fm: FrontMatter, first_line: int) -> None:
    """Key lines for TOML, whose parser gives no positions.

    ``[a.b]`` then ``c =`` is ``a.b.c``; the n-th ``[[a]]`` table is ``a.n``.
    """
    prefix = ""
    arrays: dict[str, int] = {}
    for number, raw in enumerate(text.split("\n")):
        table = _TOML_TABLE.match(raw)
        if table:
            prefix = table.group(1).strip().replace('"', "").replace("'", "").lower()
            if raw.lstrip().startswith("[["):
                arrays[prefix] = arrays.get(prefix, -1) + 1
                fm.key_lines.setdefault(prefix, first_line + number)
                prefix = f"{prefix}.{arrays[prefix]}"
            fm.key_lines.setdefault(prefix, first_line + number)
            continue
        key = _TOML_KEY.match(raw)
        if key:
            dotted = f"{prefix}.{key.group(1)}" if prefix else key.group(1)
            fm.key_lines.setdefault(dotted.lower(), first_line + number)


_JSON_KEY = re.compile(r'"([^"\\]+)"\s*:')


def _scan_json_keys(text: str, fm: FrontMatter, first_line: int) -> dict[str, list[int]]:
    """Best-effort key lines for JSON, whose parser gives no positions: first use of each name.

    Returns every line each (lowercased) name is used on, to place duplicates.
    """
    uses: dict[str, list[int]] = {}
    for number, raw in enumerate(text.split("\n")):
        for match in _JSON_KEY.finditer(raw):
            uses.setdefault(match.group(1).lower(), []).append(first_line + number)
    for name, lines in uses.items():
        fm.key_lines.setdefault(name, lines[0])
    return uses


class _Unreadable:
    """A JSON number Python refuses to read (more digits than ``sys.get_int_max_str_digits``)."""

    def __init__(self, digits: str) -> None:
        self.digits = digits


def _json_int(digits: str) -> int | _Unreadable:
    try:
        return int(digits)
    except ValueError:
        return _Unreadable(digits)


def _decode_json(text: str, fm: FrontMatter, first_line: int, limits: Limits) -> Any:
    duplicates: list[str] = []

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        spelled: dict[str, str] = {}  # lowercased key -> the key as last written
        for key, value in items:
            folded = key.lower()
            if folded in spelled:
                duplicates.append(key)
                del out[spelled[folded]]
            spelled[folded] = key
            out[key] = value
        return out

    text = cap_depth(text, False, limits.frontmatter_depth, fm.label, first_line, fm.problems)
    try:
        data = json.loads(text, object_pairs_hook=pairs, parse_int=_json_int)
    except json.JSONDecodeError as err:
        raise _Error(err.msg, err.lineno - 1) from None
    uses = _scan_json_keys(text, fm, first_line)
    repeats: dict[str, int] = {}
    for key in duplicates:
        folded = key.lower()
        repeats[folded] = repeats.get(folded, 0) + 1
        lines = uses.get(folded, [])
        fm.problems.append(
            Problem(
                "frontmatter_duplicate",
                f"duplicate {fm.label} key {folded!r}; the last value wins",
                lines[min(repeats[folded], len(lines) - 1)] if lines else first_line,
            )
        )
    return _drop_unreadable(data, (), fm)


def _drop_unreadable(value: Any, path: tuple[str, ...], fm: FrontMatter) -> Any:
    """Leave out the numbers :func:`_json_int` could not read, reporting each at its key."""
    if isinstance(value, dict):
        kept = {}
        for key, item in value.items():
            if isinstance(item, _Unreadable):
                dotted = ".".join((*path, key.lower()))
                fm.problems.append(
                    Problem("limit", f"{fm.label} key {dotted!r} {TOO_LONG}", fm.line_of(dotted))
                )
            else:
                kept[key] = _drop_unreadable(item, (*path, key.lower()), fm)
        return kept
    if isinstance(value, list):
        if any(isinstance(item, _Unreadable) for item in value):
            fm.problems.append(
                Problem(
                    "limit",
                    f"{fm.label} key {'.'.join(path)!r} lists a number too long to be read; "
                    "it was left out",
                    fm.line_of(".".join(path)),
                )
            )
        return [
            _drop_unreadable(item, path, fm) for item in value if not isinstance(item, _Unreadable)
        ]
    if isinstance(value, _Unreadable):
        fm.problems.append(
            Problem("limit", f"{fm.label} is a number too long to be read", fm.start_line or 1)
        )
        return None
    return value


_DECODERS = {YAML: _decode_yaml, TOML: _decode_toml, JSON: _decode_json}


def decode(fmt: str, text: str, first_line: int, fm: FrontMatter, limits: Limits) -> Any:
    """Decode ``text``; on a syntax error, report it, drop that line and retry.

    Hugo stops the build on malformed front matter; we keep what can be read so
    the page still builds, and report each line we had to leave out.
    """
    lines = text.split("\n")
    decoder = _DECODERS[fmt]
    for _ in range(_MAX_RECOVERY):
        try:
            return decoder("\n".join(lines), fm, first_line, limits)
        except _Error as err:
            name = fmt.upper()
            if err.line is None or not 0 <= err.line < len(lines) or not lines[err.line].strip():
                fm.problems.append(
                    Problem(
                        "frontmatter",
                        f"malformed {name} {fm.label}: {err.message}; it was ignored",
                        first_line + (err.line or 0),
                    )
                )
                return {}
            fm.problems.append(
                Problem(
                    err.subtype,
                    f"malformed {name} {fm.label}: {err.message}; this line was ignored",
                    first_line + err.line,
                )
            )
            lines[err.line] = ""
            fm.key_lines.clear()
    return {}
