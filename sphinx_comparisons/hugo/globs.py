"""Path globs as Hugo's page matchers read them (``target.path`` of a permalink or cascade rule).

``*`` matches within one level, ``**`` across levels, ``?`` one character,
``[abc]``/``[!abc]`` one of a set, ``{a,b}`` either text, ``\\x`` the character
``x`` (the ``gobwas/glob`` syntax Hugo uses, ``/`` the separator). Matching is
done without regular expressions, in time proportional to the glob's length
times the path's, so no glob can make it slow.
"""

from __future__ import annotations

from dataclasses import dataclass

#: Longest glob read, and the most texts its ``{a,b}`` groups may expand to.
MAX_GLOB = 300
MAX_ALTERNATIVES = 64

#: One element: ``("text", "abc")``, ``("star", "")``, ``("any", "")`` (``**``),
#: ``("one", "")``, ``("set", "abc")`` or ``("notset", "abc")``.
Element = tuple[str, str]


@dataclass(frozen=True, slots=True)
class Glob:
    alternatives: tuple[tuple[Element, ...], ...]

    def match(self, path: str) -> bool:
        return any(_match(elements, path) for elements in self.alternatives)


def compile_glob(glob: str) -> Glob | None:
    """The glob, or None when it is malformed (an unclosed ``[`` or ``{``) or over budget."""
    if len(glob) > MAX_GLOB:
        return None
    texts = _expand_braces(glob)
    if texts is None:
        return None
    alternatives = []
    for text in texts:
        elements = _elements(text)
        if elements is None:
            return None
        alternatives.append(elements)
    return Glob(tuple(alternatives))


def _expand_braces(glob: str) -> list[str] | None:
    """``/{a,b/**}`` -> ``["/a", "/b/**"]``, innermost groups first; None when malformed."""
    texts = [glob]
    done: list[str] = []
    while texts:
        text = texts.pop()
        close = _unescaped(text, "}")
        if close < 0:
            if _unescaped(text, "{") >= 0:
                return None
            done.append(text)
            continue
        open_ = _unescaped(text[:close], "{", last=True)
        if open_ < 0:
            return None
        head, body, tail = text[:open_], text[open_ + 1 : close], text[close + 1 :]
        texts.extend(head + part + tail for part in _split_commas(body))
        if len(texts) + len(done) > MAX_ALTERNATIVES:
            return None
    return done


def _unescaped(text: str, char: str, last: bool = False) -> int:
    """Index of the first (or last) ``char`` not escaped with a backslash, -1 if none."""
    found = -1
    index = 0
    while index < len(text):
        if text[index] == "\\":
            index += 2
            continue
        if text[index] == char:
            if not last:
                return index
            found = index
        index += 1
    return found


def _split_commas(body: str) -> list[str]:
    parts = [""]
    index = 0
    while index < len(body):
        if body[index] == "\\":
            parts[-1] += body[index : index + 2]
            index += 2
            continue
        if body[index] == ",":
            parts.append("")
        else:
            parts[-1] += body[index]
        index += 1
    return parts


def _elements(text: str) -> tuple[Element, ...] | None:
    elements: list[Element] = []
    index = 0
    while index < len(text):
        char = text[index]
        if text.startswith("**", index):
            elements.append(("any", ""))
            index += 2
        elif char == "*":
            elements.append(("star", ""))
            index += 1
        elif char == "?":
            elements.append(("one", ""))
            index += 1
        elif char == "[":
            end = text.find("]", index + 2)
            if end < 0:
                return None
            body = text[index + 1 : end]
            elements.append(("notset", body[1:]) if body.startswith("!") else ("set", body))
            index = end + 1
        else:
            literal = text[index + 1] if char == "\\" and index + 1 < len(text) else char
            elements.append(("text", literal))
            index += 2 if char == "\\" and index + 1 < len(text) else 1
    return tuple(elements)


def _match(elements: tuple[Element, ...], path: str) -> bool:
    """Whether the elements match the whole path: ``reach[p]`` says the elements read so far
    can match ``path[:p]``."""
    reach = [True] + [False] * len(path)
    for kind, value in elements:
        new = [False] * (len(path) + 1)
        for position in range(len(path) + 1):
            if kind in ("star", "any"):
                new[position] = reach[position] or (
                    position > 0
                    and new[position - 1]
                    and (kind == "any" or path[position - 1] != "/")
                )
            elif position > 0 and reach[position - 1]:
                new[position] = _fits(kind, value, path[position - 1])
        reach = new
    return reach[-1]


def _fits(kind: str, value: str, char: str) -> bool:
    if kind == "text":
        return char == value
    if kind == "set":
        return char in value
    return char != "/" and (kind == "one" or char not in value)
