"""Hugo's globs (``common/hglob``, gobwas/glob with ``/`` as separator), matched without regex.

``*`` is any run of characters but ``/``, ``**`` any run at all, ``?`` one
character but ``/``, ``[abc]``/``[!a-z]`` one of (or none of) a set, and
``{a,b}`` one of the alternatives (not nested here). Matching walks the
pattern and the text together, keeping the set of pattern positions alive:
time is bounded by pattern length times text length, whatever the input.
"""

from __future__ import annotations

from dataclasses import dataclass

#: Longest pattern read, and most alternatives a pattern's braces may expand to.
MAX_LENGTH = 256
MAX_ALTERNATIVES = 64


@dataclass(frozen=True, slots=True)
class _Token:
    kind: str  # "char", "star", "globstar", "one", "set"
    chars: str = ""
    negated: bool = False

    def accepts(self, char: str) -> bool:
        if self.kind == "char":
            return char == self.chars
        if self.kind == "one":
            return char != "/"
        return (_in_set(char, self.chars) != self.negated) and char != "/"


def _in_set(char: str, spec: str) -> bool:
    index = 0
    while index < len(spec):
        if index + 2 < len(spec) and spec[index + 1] == "-":
            if spec[index] <= char <= spec[index + 2]:
                return True
            index += 3
        else:
            if spec[index] == char:
                return True
            index += 1
    return False


class GlobError(ValueError):
    """A pattern Hugo could not compile, or one past our budgets."""


def _expand(pattern: str) -> list[str]:
    """``a{b,c}d`` -> ``["abd", "acd"]`` (braces not nested)."""
    start = pattern.find("{")
    if start < 0:
        return [pattern]
    end = pattern.find("}", start)
    if end < 0 or "{" in pattern[start + 1 : end]:
        raise GlobError("unbalanced or nested braces")
    head, tail = pattern[:start], pattern[end + 1 :]
    found: list[str] = []
    for choice in pattern[start + 1 : end].split(","):
        found.extend(head + choice + rest for rest in _expand(tail))
        if len(found) > MAX_ALTERNATIVES:
            raise GlobError(f"more than {MAX_ALTERNATIVES} alternatives")
    return found


def _tokens(pattern: str) -> list[_Token]:
    tokens: list[_Token] = []
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if char == "*":
            double = pattern.startswith("**", index)
            tokens.append(_Token("globstar" if double else "star"))
            index += 2 if double else 1
        elif char == "?":
            tokens.append(_Token("one"))
            index += 1
        elif char == "[":
            end = pattern.find("]", index + 2)
            if end < 0:
                raise GlobError("unclosed '['")
            body = pattern[index + 1 : end]
            negated = body.startswith(("!", "^"))
            tokens.append(_Token("set", body[1:] if negated else body, negated))
            index = end + 1
        else:
            if char == "\\" and index + 1 < len(pattern):
                index += 1
            tokens.append(_Token("char", pattern[index]))
            index += 1
    return tokens


@dataclass(frozen=True, slots=True)
class Glob:
    """A compiled pattern; :meth:`match` tests a whole text."""

    alternatives: tuple[tuple[_Token, ...], ...]

    def match(self, text: str) -> bool:
        return any(_match(tokens, text) for tokens in self.alternatives)


def compile_glob(pattern: str) -> Glob:
    """Compile ``pattern``; :class:`GlobError` when it cannot be read or is past the budgets."""
    if len(pattern) > MAX_LENGTH:
        raise GlobError(f"longer than {MAX_LENGTH} characters")
    return Glob(tuple(tuple(_tokens(alternative)) for alternative in _expand(pattern)))


def _closure(tokens: tuple[_Token, ...], states: set[int]) -> set[int]:
    """Positions reachable without reading: a star may match nothing."""
    todo = list(states)
    while todo:
        state = todo.pop()
        star = state < len(tokens) and tokens[state].kind in {"star", "globstar"}
        if star and state + 1 not in states:
            states.add(state + 1)
            todo.append(state + 1)
    return states


def _match(tokens: tuple[_Token, ...], text: str) -> bool:
    states = _closure(tokens, {0})
    for char in text:
        following: set[int] = set()
        for state in states:
            if state >= len(tokens):
                continue
            token = tokens[state]
            if token.kind == "globstar" or (token.kind == "star" and char != "/"):
                following.add(state)
            elif token.kind not in {"star", "globstar"} and token.accepts(char):
                following.add(state + 1)
        if not following:
            return False
        states = _closure(tokens, following)
    return len(tokens) in states
