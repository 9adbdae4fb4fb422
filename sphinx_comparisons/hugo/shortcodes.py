"""Hugo shortcode syntax: ``{{< name args >}}``, ``{{% name %}}``, closing tags, escapes.

A lexer and tree builder that follow ``parser/pageparser/pagelexer_shortcode.go``
(``hugo-semantics.md`` section 5.1). It never raises: a tag it cannot read is
reported as a :class:`Problem` and kept as literal text, so nothing after it
is lost. Every node knows the line it starts on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, TypeAlias

from sphinx_comparisons.hugo.frontmatter import Problem
from sphinx_comparisons.hugo.limits import DEFAULT, Limits, LineIndex

_NAME = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_\-/]*")
_UNQUOTED = re.compile(r"[A-Za-z0-9_\-.]+")
_KEY = re.compile(r"[A-Za-z0-9_\-]+")
_INT = re.compile(r"[-+]?\d+")
_FLOAT = re.compile(r"[-+]?(\d+\.\d*|\.\d+|\d+)([eE][-+]?\d+)?")


@dataclass
class Text:
    text: str
    line: int


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
        """Hugo's ``.Get``: a position or a (case-sensitive) name."""
        if isinstance(key, int):
            return self.positional[key] if key < len(self.positional) else default
        return self.named.get(key, default)


Node: TypeAlias = Text | Shortcode


@dataclass
class _Tag:
    kind: str  # "open" | "close"
    name: str
    notation: str
    start: int
    end: int
    line: int
    positional: list[Any] = field(default_factory=list)
    named: dict[str, Any] = field(default_factory=dict)
    self_closed: bool = False


class _TagError(Exception):
    pass


def _typed(raw: str) -> Any:
    if raw in ("true", "false"):
        return raw == "true"
    if _INT.fullmatch(raw):
        return int(raw)
    if _FLOAT.fullmatch(raw):
        return float(raw)
    return raw


class _Reader:
    def __init__(self, text: str, start: int, notation: str) -> None:
        self.text = text
        self.pos = start
        self.close = ("%}}" if notation == "%" else ">}}")

    def skip_space(self) -> None:
        while self.pos < len(self.text) and self.text[self.pos] in " \t\r\n":
            self.pos += 1

    def at_close(self) -> bool:
        return self.text.startswith(self.close, self.pos)

    def at_self_close(self) -> bool:
        index = self.pos
        if not self.text.startswith("/", index):
            return False
        index += 1
        while index < len(self.text) and self.text[index] in " \t":
            index += 1
        return self.text.startswith(self.close, index)

    def finish_self_close(self) -> None:
        self.pos = self.text.index(self.close, self.pos) + 3

    def quoted(self) -> str:
        """A ``"..."`` value with ``\\"`` and ``\\\\`` escapes, on one line (found with ``str.find``: linear)."""
        out = []
        position = self.pos + 1
        while True:
            end = self.text.find('"', position)
            stop = len(self.text) if end < 0 else end
            newline = self.text.find("\n", position, stop)
            backslash = self.text.find("\\", position, stop if newline < 0 else newline)
            if backslash >= 0 and self.text[backslash + 1 : backslash + 2] in ('"', "\\"):
                out.append(self.text[position:backslash] + self.text[backslash + 1])
                position = backslash + 2
                continue
            if backslash >= 0:
                out.append(self.text[position : backslash + 1])
                position = backslash + 1
                continue
            if newline >= 0:
                out.append(self.text[position:newline])
                self.pos = newline
                raise _TagError(f"unterminated quoted string in shortcode parameter: {''.join(out)[:80]!r}")
            if end < 0:
                raise _TagError("unterminated quoted string in shortcode parameter")
            out.append(self.text[position:end])
            self.pos = end + 1
            return "".join(out)

    def backticked(self) -> str:
        end = self.text.find("`", self.pos + 1)
        if end < 0:
            raise _TagError("unterminated raw string (`) in shortcode parameter")
        value = self.text[self.pos + 1 : end]
        self.pos = end + 1
        return value

    def value(self, named: bool) -> Any:
        char = self.text[self.pos]
        if char == '"':
            return self.quoted()
        if char == "`":
            return self.backticked()
        if named:
            end = self.pos
            while end < len(self.text) and self.text[end] not in " \t\r\n" and not self.text.startswith(self.close, end):
                end += 1
            raw = self.text[self.pos : end]
            self.pos = end
            return _typed(raw)
        match = _UNQUOTED.match(self.text, self.pos)
        if match is None:
            raise _TagError(
                f"unrecognized character {char!r} in shortcode: parameters with characters other than "
                "letters, digits, '_', '-' and '.' must be quoted"
            )
        self.pos = match.end()
        following = self.text[self.pos : self.pos + 1]
        if following and following not in " \t\r\n=" and not self.at_close() and not self.at_self_close():
            raise _TagError(
                f"unrecognized character {following!r} in shortcode: parameters with characters other "
                "than letters, digits, '_', '-' and '.' must be quoted"
            )
        return _typed(match.group(0))


def _read_tag(text: str, start: int, line: int) -> _Tag:
    notation = text[start + 2]
    reader = _Reader(text, start + 3, notation)
    reader.skip_space()
    if text.startswith("/", reader.pos):
        reader.pos += 1
        reader.skip_space()
        name = _NAME.match(text, reader.pos)
        if name is None:
            raise _TagError("closing tag without a shortcode name")
        reader.pos = name.end()
        reader.skip_space()
        if not reader.at_close():
            raise _TagError(f"closing tag of {name.group(0)!r} must end with {reader.close!r}")
        return _Tag("close", name.group(0).rstrip("/"), notation, start, reader.pos + 3, line)
    name = _NAME.match(text, reader.pos)
    if name is None:
        raise _TagError("shortcode without a name")
    tag_name = name.group(0)
    reader.pos = name.end()
    if tag_name.endswith("/"):  # "{{<x/>}}": the slash self-closes, it is not in the name
        tag_name = tag_name.rstrip("/")
        reader.pos = name.start() + len(tag_name)
    tag = _Tag("open", tag_name, notation, start, start, line)
    spaced_style: bool | None = None
    while True:
        reader.skip_space()
        if reader.pos >= len(text):
            raise _TagError(f"shortcode {tag_name!r} is not closed with {reader.close!r}")
        if reader.at_close():
            reader.pos += 3
            break
        if reader.at_self_close():
            tag.self_closed = True
            reader.finish_self_close()
            break
        if text.startswith(("{{<", "{{%"), reader.pos):
            raise _TagError(f"shortcode {tag_name!r} is not closed before the next shortcode")
        key = _KEY.match(text, reader.pos)
        if key is not None:
            rest = text[key.end() : key.end() + 200]
            spaced = len(rest) - len(rest.lstrip(" \t"))
            if rest[spaced : spaced + 1] == "=":
                # Hugo reads "k =v" as a positional token given a value: allowed, but
                # not mixed with "k=v" in the same call
                if tag.positional or (spaced_style is not None and spaced_style != bool(spaced)):
                    raise _TagError(f"got named parameter {key.group(0)!r}. Cannot mix named and positional parameters")
                spaced_style = bool(spaced)
                reader.pos = key.end() + spaced + 1
                reader.skip_space()
                if reader.pos >= len(text):
                    raise _TagError(f"shortcode {tag_name!r} is not closed with {reader.close!r}")
                tag.named[key.group(0)] = reader.value(named=True)
                continue
        if tag.named:
            raise _TagError("got a positional parameter. Cannot mix named and positional parameters")
        tag.positional.append(reader.value(named=False))
    tag.end = reader.pos
    return tag


class _Finder:
    """The next occurrence of a needle from a position, searched again only once passed: linear overall."""

    def __init__(self, text: str, needle: str) -> None:
        self.text, self.needle, self.found = text, needle, -2

    def next(self, position: int) -> int:
        if self.found != -1 and self.found < position:
            self.found = self.text.find(self.needle, position)
        return self.found


def _escaped(text: str, start: int, finders: dict[str, _Finder]) -> tuple[str, int] | None:
    """``{{</* x */>}}`` -> (``{{< x >}}``, end offset); None when ``*/`` is missing."""
    notation = text[start + 2]
    close = f"*/{notation}}}}}" if notation == "%" else "*/>}}"
    end = finders.setdefault(close, _Finder(text, close)).next(start + 5)
    if end < 0:
        return None
    opener = "{{" + notation
    closer = ("%" if notation == "%" else ">") + "}}"
    return opener + text[start + 5 : end] + closer, end + len(close)


def lex(text: str, first_line: int = 1) -> tuple[list[Text | _Tag], list[Problem]]:
    """Split ``text`` into literal text and tags; unreadable tags stay text, with a problem."""
    items: list[Text | _Tag] = []
    problems: list[Problem] = []
    pos = 0
    buffer: list[str] = []
    buffer_line = first_line
    line_at = LineIndex(text, first_line).line_at
    finders = {opener: _Finder(text, opener) for opener in ("{{<", "{{%")}

    def flush(next_start: int) -> None:
        nonlocal buffer, buffer_line
        if "".join(buffer):
            items.append(Text("".join(buffer), buffer_line))
        buffer = []
        buffer_line = line_at(next_start)

    while True:
        found = _next_tag(finders, pos)
        if found < 0:
            buffer.append(text[pos:])
            break
        buffer.append(text[pos:found])
        line = line_at(found)
        if text.startswith("/*", found + 3):
            literal = _escaped(text, found, finders)
            if literal is None:
                problems.append(Problem("shortcode_syntax", "escaped shortcode {{</* ... */>}} is never closed with */>}}; kept as text", line))
                buffer.append(text[found : found + 3])
                pos = found + 3
                continue
            buffer.append(literal[0])
            pos = literal[1]
            continue
        try:
            tag = _read_tag(text, found, line)
        except _TagError as err:
            problems.append(Problem("shortcode_syntax", f"{err}; the tag is kept as text", line))
            buffer.append(text[found : found + 3])
            pos = found + 3
            continue
        flush(found)
        items.append(tag)
        pos = tag.end
        buffer_line = line_at(pos)
    flush(len(text))
    return items, problems


def _next_tag(finders: dict[str, _Finder], pos: int) -> int:
    candidates = [i for i in (finders["{{<"].next(pos), finders["{{%"].next(pos)) if i >= 0]
    return min(candidates) if candidates else -1


def parse(text: str, first_line: int = 1, limits: Limits = DEFAULT) -> tuple[list[Node], list[Problem]]:
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
    stack: list[tuple[Shortcode, list[Node], int]] = []  # (shortcode, where it sits, its start offset)
    open_at: dict[str, list[int]] = {}  # name -> its places in the stack, so a closing tag finds its match at once
    held: dict[int, list[Node]] = {}  # what each unclosed tag held, by id
    current = root
    for item in items:
        if isinstance(item, Text):
            current.append(item)
            continue
        if item.kind == "open":
            node = Shortcode(
                item.name, item.notation, item.positional, item.named, None, item.self_closed, item.line,
                opening=text[item.start : item.end],
            )
            current.append(node)
            if item.self_closed:
                node.inner = []
                continue
            open_at.setdefault(node.name, []).append(len(stack))
            stack.append((node, current, item.end))
            node.inner = []
            current = node.inner
            continue
        match = open_at[item.name][-1] if open_at.get(item.name) else None
        if match is None:
            raw = text[item.start : item.end]
            problems.append(Problem("shortcode_syntax", f"closing tag {raw} matches no open shortcode; kept as text", item.line))
            current.append(Text(text[item.start : item.end], item.line))
            continue
        while len(stack) > match + 1:
            _unclose(_pop(stack, open_at), held)
        node, parent, inner_start = _pop(stack, open_at)
        node.closing = text[item.start : item.end]
        node.inner_source = text[inner_start : item.start]
        current = parent
    while stack:
        _unclose(_pop(stack, open_at), held)
    root = _splice(root, held)
    _cut_deep(root, limits.shortcode_depth, problems)
    return root, problems


def _cut_deep(nodes: list[Node], limit: int, problems: list[Problem]) -> None:
    """Shortcodes nested deeper than ``limit`` become their source text (each level renders the next)."""
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
                problems.append(Problem("limit", f"shortcodes nest deeper than {limit} levels here (hugo_limits 'shortcode_depth'); "
                                        f"{node.name!r} and the tags inside it are kept as text", node.line))
                reported = True
            siblings[index] = Text(node.opening + node.inner_source + node.closing, node.line)


def _pop(stack: list[tuple[Shortcode, list[Node], int]], open_at: dict[str, list[int]]) -> tuple[Shortcode, list[Node], int]:
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
