"""Hugo front matter: find the block, decode it, and normalise it as Hugo does.

No Sphinx import here. Every problem is returned as a :class:`Problem` with the
1-based line of the file it concerns; the caller decides how to report it.
The rules follow Hugo's page lexer (``parser/pageparser``) and
``hugolib/page__meta.go``: see ``hugo-semantics.md`` section 1.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import sys
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml

from sphinx_comparisons.hugo.limits import DEFAULT, Limits, LineIndex
from sphinx_comparisons.hugo.yamldata import LOADER, TOO_LONG, Problem, prune_oversized, prune_unreadable, too_long

YAML, TOML, JSON = "yaml", "toml", "json"

#: Keys Hugo does not copy into ``.Params`` (``params`` is merged instead).
_NOT_IN_PARAMS = frozenset({"params", "outputs", "sitemap", "resources", "published"})


#: How many offending lines a malformed block may lose before we give up on it.
_MAX_RECOVERY = 20


@dataclass(slots=True)
class FrontMatter:
    """The decoded front matter of one page.

    ``params`` is what Hugo calls ``.Params``: keys lowercased (through nested
    mappings, not inside lists), ``params:`` merged last. ``key_lines`` maps a
    dotted lowercased key path (``"menu.preview.weight"``) to its line.
    """

    format: str | None = None
    params: dict[str, Any] = field(default_factory=dict)
    key_lines: dict[str, int] = field(default_factory=dict)
    #: 1-based line of the opening delimiter (or of ``{``), 0 without front matter.
    start_line: int = 0
    #: Offset in the text where the page body begins.
    body_offset: int = 0
    #: A digest of the text before ``body_offset``: tells whether a later read is the same file.
    head_digest: str = ""
    #: What the decoded text is called in messages.
    label: str = "front matter"
    #: Top-level values holding mappings whose keys are not all lowercase, as written
    #: (Hugo lowercases them; ``comparison.features`` wants them shown as typed).
    raw: dict[str, Any] = field(default_factory=dict)

    def raw_value(self, key: str) -> Any:
        """A top-level value with the case of its nested keys kept (``comparison.features``)."""
        for name, value in self.raw.items():
            if str(name).lower() == key:
                return value
        return self.params.get(key)
    problems: list[Problem] = field(default_factory=list)

    def line_of(self, key: str) -> int:
        """The line of ``key`` (a dotted path), else of the block itself."""
        return self.key_lines.get(key.lower(), self.start_line or 1)


@dataclass(frozen=True)
class _Block:
    format: str
    text: str  # the block's own text, without delimiters
    first_line: int  # file line of the block text's first line
    start_line: int
    body_offset: int


# ---------------------------------------------------------------------------
# Finding the block


def _line_at(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _find_block(text: str) -> tuple[_Block | None, list[Problem]]:
    start = 0
    if text.startswith("\ufeff"):
        start = 1
    while start < len(text) and text[start] in " \r\n":
        start += 1
    if start >= len(text):
        return None, []
    first = text[start]
    line = _line_at(text, start)
    if first in "-+":
        delim = first * 3
        if not text.startswith(delim, start):
            name = "YAML" if first == "-" else "TOML"
            return None, [
                Problem(
                    "frontmatter",
                    f"invalid {name} delimiter: a page may not start with {first!r} "
                    f"unless it opens front matter with {delim!r} (Hugo refuses this page); "
                    "read as having no front matter",
                    line,
                )
            ]
        return _delimited_block(text, start, delim, line)
    if first == "{":
        return _json_block(text, start, line)
    return None, []


def _delimited_block(
    text: str, start: int, delim: str, line: int
) -> tuple[_Block | None, list[Problem]]:
    fmt = YAML if delim == "---" else TOML
    eol = text.find("\n", start)
    if eol < 0:
        eol = len(text)
    # Whatever follows the opening delimiter on its line belongs to the block.
    block_start = start + 3
    pos = eol + 1
    while pos <= len(text):
        if text.startswith(delim, pos):
            body = pos + 3
            # One line break after the closing delimiter is consumed; anything
            # else on that line is the beginning of the content.
            rest_eol = text.find("\n", body)
            if text[body:rest_eol if rest_eol >= 0 else len(text)].strip() == "":
                body = rest_eol + 1 if rest_eol >= 0 else len(text)
            return _Block(fmt, text[block_start:pos], line, line, body), []
        nxt = text.find("\n", pos)
        if nxt < 0:
            break
        pos = nxt + 1
    return None, [
        Problem(
            "frontmatter",
            f"front matter opened with {delim!r} is never closed; "
            "read as having no front matter",
            line,
        )
    ]


def _json_block(text: str, start: int, line: int) -> tuple[_Block | None, list[Problem]]:
    depth = 0
    in_string = False
    escaped = False
    for pos in range(start, len(text)):
        char = text[pos]
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                body = pos + 1
                eol = text.find("\n", body)
                if text[body:eol if eol >= 0 else len(text)].strip() == "":
                    body = eol + 1 if eol >= 0 else len(text)
                return _Block(JSON, text[start : pos + 1], line, line, body), []
    return None, [
        Problem(
            "frontmatter",
            "JSON front matter has no matching '}'; read as having no front matter",
            line,
        )
    ]


# ---------------------------------------------------------------------------
# Decoding


class _Error(Exception):
    def __init__(self, message: str, line: int | None, subtype: str = "frontmatter") -> None:
        super().__init__(message)
        self.message = message
        self.line = line  # 0-based line within the block text, if known
        self.subtype = subtype


def _decode_yaml(text: str, fm: FrontMatter, first_line: int, limits: Limits) -> Any:
    loader = LOADER(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return {}
        prune_oversized(node, fm.label, first_line, limits, fm.problems)
        prune_unreadable(node, loader, fm.label, first_line, fm.problems, "frontmatter")
        _walk_yaml(node, (), fm, first_line)
        return loader.construct_document(node)
    except yaml.MarkedYAMLError as err:
        raise _Error(_yaml_message(err), _yaml_error_line(err)) from None
    except yaml.YAMLError as err:
        raise _Error(str(err), None) from None
    finally:
        loader.dispose()


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
    text = _cap_depth(text, TOML, limits.frontmatter_depth, fm, first_line)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        match = _TOML_LINE.search(str(err))
        message = _TOML_LINE.sub("", str(err)).strip()
        raise _Error(message, int(match.group(1)) - 1 if match else None) from None
    except ValueError as err:
        if not too_long(err):
            raise
        raise _Error(f"a value {TOO_LONG.removesuffix('; it was ignored')}", _long_number_line(text), "limit") from None
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

    text = _cap_depth(text, JSON, limits.frontmatter_depth, fm, first_line)
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
                fm.problems.append(Problem("limit", f"{fm.label} key {dotted!r} {TOO_LONG}", fm.line_of(dotted)))
            else:
                kept[key] = _drop_unreadable(item, (*path, key.lower()), fm)
        return kept
    if isinstance(value, list):
        if any(isinstance(item, _Unreadable) for item in value):
            fm.problems.append(Problem("limit", f"{fm.label} key {'.'.join(path)!r} lists a number too long to be read; "
                                       "it was left out", fm.line_of(".".join(path))))
        return [_drop_unreadable(item, path, fm) for item in value if not isinstance(item, _Unreadable)]
    if isinstance(value, _Unreadable):
        fm.problems.append(Problem("limit", f"{fm.label} is a number too long to be read", fm.start_line or 1))
        return None
    return value


def _cap_depth(text: str, fmt: str, limit: int, fm: FrontMatter, first_line: int) -> str:
    """``text`` with each bracket group nested deeper than ``limit`` emptied to ``[]``.

    The parsers recurse per level (20,000 levels abort Python); the group keeps
    its line breaks, so later lines keep their numbers.
    """
    if text.count("[") + text.count("{") <= limit:
        return text
    out: list[str] = []
    lines = LineIndex(text, first_line)
    depth, kept_to, cut = 0, 0, -1
    for position, char in _structure(text, fmt):
        if char in "[{":
            depth += 1
            if depth == limit + 1:
                cut = position
        elif depth > 0:
            if depth == limit + 1:
                out += [text[kept_to:cut], "[]", "\n" * text.count("\n", cut, position)]
                kept_to = position + 1
                fm.problems.append(Problem("limit", f"{fm.label} nests deeper than {limit} levels (hugo_limits "
                                           "'frontmatter_depth'); the deeper part was emptied", lines.line_at(cut)))
            depth -= 1
    if depth > limit:  # never closed: the parser reports it
        out += [text[kept_to:cut], "[]", "\n" * text.count("\n", cut)]
        kept_to = len(text)
    out.append(text[kept_to:])
    return "".join(out)


_JSON_TOKENS = re.compile(r'[\[\]{}"]')
_TOML_TOKENS = re.compile(r"""[\[\]{}"'#]""")


def _structure(text: str, fmt: str) -> Iterator[tuple[int, str]]:
    """The brackets of a JSON or TOML text outside strings and comments, with their offsets."""
    tokens = _TOML_TOKENS if fmt == TOML else _JSON_TOKENS
    position = 0
    while True:
        found = tokens.search(text, position)
        if found is None:
            return
        start, char = found.start(), found.group(0)
        if char == "#":
            end = text.find("\n", start)
            position = len(text) if end < 0 else end
        elif char in "\"'":
            position = _string_end(text, start)
        else:
            yield start, char
            position = start + 1


def _string_end(text: str, start: int) -> int:
    """The offset after the string opening at ``start`` (``"``, ``'``, or their tripled forms)."""
    quote = text[start : start + 3] if text.startswith(('"""', "'''"), start) else text[start]
    position = start + len(quote)
    while True:
        end = text.find(quote, position)
        if end < 0:
            return len(text)
        if quote == "'" or quote == "'''" or _unescaped(text, end):
            return end + len(quote)
        position = end + 1


def _unescaped(text: str, offset: int) -> bool:
    backslashes = 0
    while offset - backslashes - 1 >= 0 and text[offset - backslashes - 1] == "\\":
        backslashes += 1
    return backslashes % 2 == 0


_DECODERS = {YAML: _decode_yaml, TOML: _decode_toml, JSON: _decode_json}


def _decode(block: _Block, fm: FrontMatter, limits: Limits) -> Any:
    """Decode the block; on a syntax error, report it, drop that line and retry.

    Hugo stops the build on malformed front matter; we keep what can be read so
    the page still builds, and report each line we had to leave out.
    """
    lines = block.text.split("\n")
    decoder = _DECODERS[block.format]
    for _ in range(_MAX_RECOVERY):
        try:
            return decoder("\n".join(lines), fm, block.first_line, limits)
        except _Error as err:
            name = block.format.upper()
            if err.line is None or not 0 <= err.line < len(lines) or not lines[err.line].strip():
                fm.problems.append(
                    Problem(
                        "frontmatter",
                        f"malformed {name} {fm.label}: {err.message}; it was ignored",
                        block.first_line + (err.line or 0),
                    )
                )
                return {}
            fm.problems.append(
                Problem(
                    err.subtype,
                    f"malformed {name} {fm.label}: {err.message}; this line was ignored",
                    block.first_line + err.line,
                )
            )
            lines[err.line] = ""
            fm.key_lines.clear()
    return {}


# ---------------------------------------------------------------------------
# Normalising


def _lower_keys(value: Any) -> Any:
    """Lowercase mapping keys recursively, but not inside lists (``hmaps.PrepareParams``)."""
    if isinstance(value, dict):
        return {str(key).lower(): _lower_keys(item) for key, item in value.items()}
    return value


def _to_params(data: dict[str, Any]) -> dict[str, Any]:
    params = {key: value for key, value in data.items() if key not in _NOT_IN_PARAMS}
    if isinstance(data.get("published"), bool) and "draft" not in data:
        params["draft"] = not data["published"]  # Hugo's inverse of draft; draft wins
    user = data.get("params")
    if isinstance(user, dict):
        params.update(user)
    return params


_STRING_KEYS = (
    "title",
    "linktitle",
    "headertitle",
    "description",
    "summary",
    "type",
    "layout",
    "slug",
    "url",
    "headcontent",
)
_STRING_LIST_KEYS = ("aliases", "keywords", "tags", "categories")


def _check_types(fm: FrontMatter) -> None:
    """Coerce predefined fields as Hugo's ``cast`` does; report what cannot be."""
    params = fm.params

    def bad(key: str, expected: str) -> None:
        value = params.pop(key)
        fm.problems.append(
            Problem(
                "frontmatter_type",
                f"front matter {key!r} must be {expected}, not {_describe(value)}; it was ignored",
                fm.line_of(key),
            )
        )

    for key in _STRING_KEYS:
        value = params.get(key)
        if value is None:
            continue
        if isinstance(value, (bool, dict, list)):
            bad(key, "a string")
        elif not isinstance(value, str):
            params[key] = _scalar_text(value)
    if "weight" in params:
        weight = params["weight"]
        if isinstance(weight, bool) or not isinstance(weight, (int, str, float)):
            bad("weight", "an integer")
        elif isinstance(weight, float) and weight.is_integer():
            params["weight"] = int(weight)
        elif isinstance(weight, str):
            try:
                params["weight"] = int(weight.strip())
            except ValueError:
                bad("weight", "an integer")
        elif isinstance(weight, float):
            bad("weight", "an integer")
    if "draft" in params:
        draft = params["draft"]
        if isinstance(draft, str) and draft.strip().lower() in {"true", "false"}:
            params["draft"] = draft.strip().lower() == "true"
        elif not isinstance(draft, bool):
            bad("draft", "true or false")
    for key in _STRING_LIST_KEYS:
        value = params.get(key)
        if value is None:
            continue
        if isinstance(value, str):
            params[key] = [value]
        elif not isinstance(value, list) or not all(
            isinstance(item, (str, int, float)) and not isinstance(item, bool) for item in value
        ):
            bad(key, "a list of strings")
        else:
            params[key] = [_scalar_text(item) for item in value]
    for key in ("menu", "menus"):
        value = params.get(key)
        if value is not None and not isinstance(value, (str, list, dict)):
            bad(key, "a menu name, a list of menu names or a mapping")
    if "tocdepth" in params:  # Sphinx's, not Hugo's; its templates compare it with numbers
        depth = params["tocdepth"]
        if isinstance(depth, str) and depth.strip().isdigit():
            params["tocdepth"] = int(depth)
        elif type(depth) is not int:  # bool is an int to Python, not to Sphinx
            bad("tocdepth", "a whole number")


def _scalar_text(value: Any) -> str:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value)


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return f"{type(value).__name__} {value!r}"


def digest(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


def _has_cased_keys(value: Any) -> bool:
    if isinstance(value, dict):
        return any(str(k) != str(k).lower() or _has_cased_keys(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_has_cased_keys(item) for item in value)
    return False


def parse_document(text: str, fmt: str, label: str, limits: Limits = DEFAULT) -> FrontMatter:
    """Decode a whole YAML, TOML or JSON file (a Hugo site config) with the same care.

    Keys are lowercased as Hugo's config loader does; problems carry the
    front matter subtypes, for the caller to rename.
    """
    fm = FrontMatter(format=fmt, start_line=1, label=label)
    data = _decode(_Block(fmt, text, 1, 1, len(text)), fm, limits)
    if not isinstance(data, dict):
        if data is not None:
            fm.problems.append(Problem("frontmatter", f"{label} must be a mapping, not {_describe(data)}", 1))
        data = {}
    fm.params = _lower_keys(data)
    fm.problems = list(dict.fromkeys(fm.problems))
    return fm


def parse(text: str, limits: Limits = DEFAULT) -> FrontMatter:
    """Split ``text`` into front matter and body, and decode the front matter.

    ``text`` is the file as Python reads it in text mode (CRLF already folded).
    """
    block, problems = _find_block(text)
    fm = FrontMatter(problems=problems)
    if block is None:
        return fm
    fm.format = block.format
    fm.start_line = block.start_line
    fm.body_offset = block.body_offset
    fm.head_digest = digest(text[: block.body_offset])
    data = _decode(block, fm, limits)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        fm.problems.append(
            Problem(
                "frontmatter",
                f"front matter must be a mapping of keys to values, not {_describe(data)}; "
                "it was ignored",
                block.start_line,
            )
        )
        data = {}
    fm.raw = {key: value for key, value in data.items() if _has_cased_keys(value)}
    fm.params = _to_params(_lower_keys(data))
    _check_types(fm)
    fm.problems = list(dict.fromkeys(fm.problems))
    return fm
