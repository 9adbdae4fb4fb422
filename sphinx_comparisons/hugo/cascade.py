"""Hugo's ``cascade``: front matter a branch page (and the site config) passes down.

``resources/page/page_matcher.go`` (``DecodeCascade``, ``PageMatcher.Match``,
``disallowedCascadeKeys``) and the cascade merge of ``hugolib/content_map_page.go``.
A cascade is a mapping (one entry for every page below) or a list of entries;
an entry's ``target`` (``_target`` before Hugo 0.112) narrows it with globs on
the page's logical path (``/docs/**``, lowercased, which does not match
``/docs`` itself), its ``kind``, ``lang`` and ``environment``. Its values act as
the page's own front matter (``type``, ``weight``, ``draft``, ``build`` ...;
``params`` merged in as the page's ``params:`` are), except ``kind``, ``path``,
``lang`` and ``cascade``. A section's cascade reaches the section itself.
Precedence: the page's own value, then the closest cascade, in a list the
earlier entry; the site config's ``cascade`` comes last, as the home page's
cascade does in Hugo (how the two rank was not checked against Hugo).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any

from sphinx_comparisons.hugo import buildopts, frontmatter, globs
from sphinx_comparisons.hugo.yamldata import Problem

KINDS = ("home", "page", "section", "taxonomy", "term")
_TARGET_KEYS = ("target", "_target")
_REFUSED = frozenset({"kind", "path", "lang", "cascade"})
_CONDITIONS = ("path", "kind", "lang", "environment")


@dataclass(frozen=True, slots=True)
class Where:
    """What a target tests of a page: logical path (``/docs/p1``), kind, language, environment."""

    path: str
    kind: str
    lang: str = "en"
    environment: str = "production"


@dataclass(frozen=True, slots=True)
class Entry:
    values: Mapping[str, Any]
    conditions: tuple[tuple[str, globs.Glob], ...] = ()

    def matches(self, where: Where) -> bool:
        return all(glob.match(getattr(where, name)) for name, glob in self.conditions)


@dataclass(slots=True)
class _Reader:
    line_of: Callable[[str], int]
    problems: list[Problem] = field(default_factory=list)

    def refuse(self, message: str, key: str) -> None:
        self.problems.append(Problem("frontmatter_type", message, self.line_of(key)))


def where_of(path: str, lang: str = "en", environment: str = "production") -> Where:
    """A content file's facts for targets: ``docs/_index.md`` is the section ``/docs``."""
    pure = PurePosixPath(path)
    if pure.stem in {"_index", "index"}:
        logical = "" if str(pure.parent) == "." else str(pure.parent)
    else:
        logical = str(pure.with_suffix(""))
    kind = "section" if pure.stem == "_index" else "page"
    if logical == "" and kind == "section":
        kind = "home"
    return Where("/" + logical.lower(), kind, lang, environment)


def decode(
    value: Any, line_of: Callable[[str], int], key: str = "cascade"
) -> tuple[tuple[Entry, ...], list[Problem]]:
    """The entries of a ``cascade`` value (front matter, lowercased), and what was wrong.

    A malformed entry or target is left out (Hugo refuses the whole build);
    a refused key is dropped from its entry.
    """
    reader = _Reader(line_of)
    if value is None:
        return (), []
    if not isinstance(value, (dict, list)):
        reader.refuse(
            f"{key!r} must be a mapping or a list of mappings, not "
            f"{frontmatter.describe(value)}; it was ignored",
            key,
        )
        return (), reader.problems
    listed = value if isinstance(value, list) else [value]
    entries = []
    for index, item in enumerate(listed):
        where = f"{key}.{index}" if isinstance(value, list) else key
        entry = _entry(item, where, reader)
        if entry is not None:
            entries.append(entry)
    return tuple(entries), reader.problems


def _entry(item: Any, where: str, reader: _Reader) -> Entry | None:
    if not isinstance(item, dict):
        reader.refuse(
            f"{where!r} must be a mapping, not {frontmatter.describe(item)}; it was ignored", where
        )
        return None
    name = next((key for key in _TARGET_KEYS if key in item), None)
    conditions = _conditions(item[name], f"{where}.{name}", reader) if name else ()
    if conditions is None:
        return None
    values = {key: value for key, value in item.items() if key not in (*_TARGET_KEYS, "params")}
    if isinstance(item.get("params"), dict):
        values.update(item["params"])
    elif "params" in item:
        reader.refuse(f"'{where}.params' must be a mapping; it was ignored", f"{where}.params")
    for key in sorted(_REFUSED & set(values)):
        reader.refuse(f"a cascade may not set {key!r} (Hugo refuses it); it was ignored", where)
        del values[key]

    def line_of(key: str) -> int:
        return reader.line_of(f"{where}.{key}")

    reader.problems.extend(frontmatter.check_fields(values, line_of, "cascaded"))
    reader.problems.extend(buildopts.decode(values, line_of)[1])
    return Entry(values, conditions)


def _conditions(
    target: Any, where: str, reader: _Reader
) -> tuple[tuple[str, globs.Glob], ...] | None:
    """A target's globs; None (the entry left out) when one cannot be read."""
    if not isinstance(target, dict):
        reader.refuse(f"{where!r} must be a mapping; the entry was ignored", where)
        return None
    found = []
    for name in _CONDITIONS:
        pattern = target.get(name)
        if pattern is None or pattern == "":
            continue
        if not isinstance(pattern, str):
            reader.refuse(
                f"'{where}.{name}' must be a string (a glob), not "
                f"{frontmatter.describe(pattern)}; the entry was ignored",
                f"{where}.{name}",
            )
            return None
        glob = globs.compile_glob(pattern.lower() if name == "path" else pattern)
        if glob is None:
            reader.refuse(
                f"'{where}.{name}' {pattern!r} is not a glob Hugo reads (or is too long); "
                "the entry was ignored",
                f"{where}.{name}",
            )
            return None
        if name == "kind" and not any(glob.match(kind) for kind in KINDS):
            reader.refuse(
                f"'{where}.kind' {pattern!r} names no kind of page ({', '.join(KINDS)}); "
                "the entry was ignored",
                f"{where}.{name}",
            )
            return None
        found.append((name, glob))
    return tuple(found)


def sources(path: str) -> list[str]:
    """The section files whose cascade reaches the content file ``path``, closest first.

    ``docs/a/b.md`` -> ``docs/a/_index.md``, ``docs/_index.md``, ``_index.md``;
    a section file is first in its own list.
    """
    pure = PurePosixPath(path)
    folders = [pure.parent, *pure.parent.parents]
    return [(folder / "_index.md").as_posix().removeprefix("./") for folder in folders]


def _same_key(key: str) -> tuple[str, ...]:
    """Names that set one thing: ``build`` and ``_build`` are the build options."""
    return buildopts.KEYS if key in buildopts.KEYS else (key,)


def apply(
    own: Mapping[str, Any], cascades: Iterable[Sequence[Entry]], where: Where
) -> dict[str, Any]:
    """The page's front matter with what the ``cascades`` (closest first) pass down to it."""
    merged = dict(own)
    for entries in cascades:
        for entry in entries:
            if not entry.matches(where):
                continue
            for key, value in entry.values.items():
                if not any(name in merged for name in _same_key(key)):
                    merged[key] = value
    return merged


def resolve(
    fronts: Mapping[str, Mapping[str, Any]],
    entries: Mapping[str, Sequence[Entry]],
    site: Sequence[Entry] = (),
    lang: str = "en",
    environment: str = "production",
) -> dict[str, dict[str, Any]]:
    """Every content file's front matter (by path) with the cascades that reach it.

    ``entries`` holds each section file's decoded cascade, ``site`` the site config's.
    """
    resolved = {}
    for path, own in fronts.items():
        chain = [entries[source] for source in sources(path) if source in entries]
        resolved[path] = apply(own, [*chain, site], where_of(path, lang, environment))
    return resolved
