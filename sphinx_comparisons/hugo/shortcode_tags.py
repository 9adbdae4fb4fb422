"""Hugo shortcode tags: ``{{< name args >}}``, ``{{% name %}}``, closing tags, escapes.

A lexer that follows ``parser/pageparser/pagelexer_shortcode.go``. It never
raises: a tag it cannot read is reported as a :class:`Problem` and kept as
literal text, so nothing after it is lost. Every item knows the line it starts on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from sphinx_comparisons.hugo.limits import LineIndex
from sphinx_comparisons.hugo.yamldata import Problem

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
class Tag:
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
        self.notation = notation
        self.close = "%}}" if notation == "%" else ">}}"

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
        """A ``"..."`` value with ``\\"`` and ``\\\\`` escapes, on one line (found with
        ``str.find``: linear)."""
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
                raise _TagError(
                    f"unterminated quoted string in shortcode parameter: {''.join(out)[:80]!r}"
                )
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
            while (
                end < len(self.text)
                and self.text[end] not in " \t\r\n"
                and not self.text.startswith(self.close, end)
            ):
                end += 1
            raw = self.text[self.pos : end]
            self.pos = end
            return _typed(raw)
        match = _UNQUOTED.match(self.text, self.pos)
        if match is None:
            raise _TagError(
                f"unrecognized character {char!r} in shortcode: parameters with characters other "
                "than "
                "letters, digits, '_', '-' and '.' must be quoted"
            )
        self.pos = match.end()
        following = self.text[self.pos : self.pos + 1]
        if (
            following
            and following not in " \t\r\n="
            and not self.at_close()
            and not self.at_self_close()
        ):
            raise _TagError(
                f"unrecognized character {following!r} in shortcode: parameters with characters "
                "other "
                "than letters, digits, '_', '-' and '.' must be quoted"
            )
        return _typed(match.group(0))


def _read_closing_tag(reader: _Reader, start: int, line: int) -> Tag:
    """``{{< /name >}}``, the reader at its slash."""
    text = reader.text
    reader.pos += 1
    reader.skip_space()
    name = _NAME.match(text, reader.pos)
    if name is None:
        raise _TagError("closing tag without a shortcode name")
    reader.pos = name.end()
    reader.skip_space()
    if not reader.at_close():
        raise _TagError(f"closing tag of {name.group(0)!r} must end with {reader.close!r}")
    return Tag("close", name.group(0).rstrip("/"), reader.notation, start, reader.pos + 3, line)


def _read_tag(text: str, start: int, line: int) -> Tag:
    notation = text[start + 2]
    reader = _Reader(text, start + 3, notation)
    reader.skip_space()
    if text.startswith("/", reader.pos):
        return _read_closing_tag(reader, start, line)
    name = _NAME.match(text, reader.pos)
    if name is None:
        raise _TagError("shortcode without a name")
    tag_name = name.group(0)
    reader.pos = name.end()
    if tag_name.endswith("/"):  # "{{<x/>}}": the slash self-closes, it is not in the name
        tag_name = tag_name.rstrip("/")
        reader.pos = name.start() + len(tag_name)
    tag = Tag("open", tag_name, notation, start, start, line)
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
                    raise _TagError(
                        f"got named parameter {key.group(0)!r}. Cannot mix named and positional "
                        "parameters"
                    )
                spaced_style = bool(spaced)
                reader.pos = key.end() + spaced + 1
                reader.skip_space()
                if reader.pos >= len(text):
                    raise _TagError(f"shortcode {tag_name!r} is not closed with {reader.close!r}")
                tag.named[key.group(0)] = reader.value(named=True)
                continue
        if tag.named:
            raise _TagError(
                "got a positional parameter. Cannot mix named and positional parameters"
            )
        tag.positional.append(reader.value(named=False))
    tag.end = reader.pos
    return tag


class _Finder:
    """The next occurrence of a needle from a position, searched again only once passed: linear
    overall."""

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


def lex(text: str, first_line: int = 1) -> tuple[list[Text | Tag], list[Problem]]:
    """Split ``text`` into literal text and tags; unreadable tags stay text, with a problem."""
    items: list[Text | Tag] = []
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
                problems.append(
                    Problem(
                        "shortcode_syntax",
                        "escaped shortcode {{</* ... */>}} is never closed with */>}}; kept as "
                        "text",
                        line,
                    )
                )
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
