"""Hugo front matter: find the block, decode it, and normalise it as Hugo does.

No Sphinx import here. Every problem is returned as a :class:`Problem` with the
1-based line of the file it concerns; the caller decides how to report it.
The rules follow Hugo's page lexer (``parser/pageparser``) and
``hugolib/page__meta.go``; :mod:`decoding` reads the YAML, TOML or JSON.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sphinx_comparisons.hugo.decoding import JSON, TOML, YAML, decode
from sphinx_comparisons.hugo.limits import DEFAULT, Limits
from sphinx_comparisons.hugo.yamldata import Problem

#: Keys Hugo does not copy into ``.Params`` (``params`` is merged instead).
_NOT_IN_PARAMS = frozenset({"params", "outputs", "sitemap", "resources", "published"})


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
    #: Page settings Hugo keeps out of ``.Params``: ``outputs`` and ``sitemap`` (lowercased).
    page_config: dict[str, Any] = field(default_factory=dict)

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
            return _Block(fmt, text[block_start:pos], line, line, _body_start(text, pos + 3)), []
        nxt = text.find("\n", pos)
        if nxt < 0:
            break
        pos = nxt + 1
    return None, [
        Problem(
            "frontmatter",
            f"front matter opened with {delim!r} is never closed; read as having no front matter",
            line,
        )
    ]


def _body_start(text: str, end: int) -> int:
    """Where the content begins after a block ending at ``end``: the line break after the
    closing delimiter is consumed; anything else on that line is the beginning of the content."""
    eol = text.find("\n", end)
    if eol < 0:
        return end if text[end:].strip() else len(text)
    return eol + 1 if not text[end:eol].strip() else end


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
                return _Block(
                    JSON, text[start : pos + 1], line, line, _body_start(text, pos + 1)
                ), []
    return None, [
        Problem(
            "frontmatter",
            "JSON front matter has no matching '}'; read as having no front matter",
            line,
        )
    ]


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
#: What a value that cannot be coerced becomes.
_BAD = object()


def _as_string(value: Any) -> Any:
    if value is None or isinstance(value, str):
        return value
    return _BAD if isinstance(value, (bool, dict, list)) else _scalar_text(value)


def _as_integer(value: Any) -> Any:
    if isinstance(value, float):
        return int(value) if value.is_integer() else _BAD
    if isinstance(value, str):
        try:
            return int(value.strip())
        except ValueError:
            return _BAD
    return value if isinstance(value, int) and not isinstance(value, bool) else _BAD


def _as_boolean(value: Any) -> Any:
    if isinstance(value, str) and value.strip().lower() in {"true", "false"}:
        return value.strip().lower() == "true"
    return value if isinstance(value, bool) else _BAD


def _as_string_list(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list) or not all(_is_scalar(item) for item in value):
        return _BAD
    return [_scalar_text(item) for item in value]


def _is_scalar(value: Any) -> bool:
    return isinstance(value, (str, int, float)) and not isinstance(value, bool)


def _as_menus(value: Any) -> Any:
    return value if value is None or isinstance(value, (str, list, dict)) else _BAD


def _as_depth(value: Any) -> Any:
    """Sphinx's ``tocdepth``, not Hugo's: its templates compare it with numbers."""
    if isinstance(value, str) and value.strip().isdigit():
        return int(value)
    return value if type(value) is int else _BAD  # bool is an int to Python, not to Sphinx


_MENUS = "a menu name, a list of menu names or a mapping"
#: Predefined fields: how each is coerced as Hugo's ``cast`` does, and what it must be.
_FIELDS = {
    **dict.fromkeys(_STRING_KEYS, (_as_string, "a string")),
    "weight": (_as_integer, "an integer"),
    "draft": (_as_boolean, "true or false"),
    **dict.fromkeys(_STRING_LIST_KEYS, (_as_string_list, "a list of strings")),
    **dict.fromkeys(("menu", "menus"), (_as_menus, _MENUS)),
    "tocdepth": (_as_depth, "a whole number"),
}


def _check_types(fm: FrontMatter) -> None:
    """Coerce predefined fields; report (and drop) what cannot be."""
    fm.problems.extend(check_fields(fm.params, fm.line_of))


def check_fields(
    params: dict[str, Any], line_of: Callable[[str], int], where: str = "front matter"
) -> list[Problem]:
    """Coerce the predefined fields of ``params`` in place as Hugo's ``cast`` does; drop (and
    return as problems) the values that cannot be. ``where`` names them in messages."""
    problems = []
    for key, (coerce, expected) in _FIELDS.items():
        if key not in params:
            continue
        value = coerce(params[key])
        if value is not _BAD:
            params[key] = value
            continue
        problems.append(
            Problem(
                "frontmatter_type",
                f"{where} {key!r} must be {expected}, not {describe(params.pop(key))}; "
                "it was ignored",
                line_of(key),
            )
        )
    return problems


def _scalar_text(value: Any) -> str:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value)


def describe(value: Any) -> str:
    """A value as messages name it: ``the boolean true``, ``a list``, ``int 3``."""
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
    data = decode(fmt, text, 1, fm, limits)
    if not isinstance(data, dict):
        if data is not None:
            fm.problems.append(
                Problem("frontmatter", f"{label} must be a mapping, not {describe(data)}", 1)
            )
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
    data = decode(block.format, block.text, block.first_line, fm, limits)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        fm.problems.append(
            Problem(
                "frontmatter",
                f"front matter must be a mapping of keys to values, not {describe(data)}; "
                "it was ignored",
                block.start_line,
            )
        )
        data = {}
    fm.raw = {key: value for key, value in data.items() if _has_cased_keys(value)}
    fm.params = _to_params(_lower_keys(data))
    fm.page_config = {
        key: value for key, value in _lower_keys(data).items() if key in ("outputs", "sitemap")
    }
    _check_types(fm)
    fm.problems = list(dict.fromkeys(fm.problems))
    return fm
