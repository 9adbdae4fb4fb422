"""Hugo's ``permalinks`` setting: which pages it moves, and the URL it gives them.

Rules from Hugo's ``resources/page/permalinks.go`` (``DecodePermalinksConfig``,
``decodePermalinksMap``, ``decodePermalinksSlice``, ``sectionToPathGlob``,
``Expand``) and ``hugolib/page__paths.go`` (``createTargetPathDescriptor``),
as current Hugo reads them: the section map (``blog: /:year/:slug/``, regular
pages and terms), the per-kind maps (``page``, ``section``, ``taxonomy``,
``term``; v0.115) and the ordered rule list (``[{pattern, target: {kind,
path}}]``, v0.161, the first match wins). Each becomes a rule on the page's kind
and its path (``/blog/2023/post``), as in Hugo. Hugo stops the build on a bad
entry; here the entry is dropped with a located problem, and its pages keep the
URL they have without it. The home page and the taxonomies, which this extension
does not build, are never moved.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sphinx_comparisons.hugo import content, globs, urls
from sphinx_comparisons.hugo import permalink_tokens as tokens
from sphinx_comparisons.hugo.content import Page

#: Kinds a ``permalinks.KIND`` map may name (``permalinksKindsSupport``; ``home`` is read and
#: never applied, as in Hugo).
KINDS = ("page", "section", "taxonomy", "term", "home")


@dataclass(frozen=True, slots=True)
class BadEntry:
    """A refused entry: its key path in the site config (``permalinks.page.blog``) and why."""

    key: str
    message: str


@dataclass(frozen=True, slots=True)
class Rule:
    kind: str  # "" for every kind
    path: globs.Glob | None  # None for every path
    pattern: str


@dataclass(frozen=True, slots=True)
class Permalinks:
    rules: tuple[Rule, ...] = ()

    def pattern(self, page: Page) -> str | None:
        """The pattern of the first rule that matches the page's kind and path (``Expand``)."""
        if not self.rules or (page.kind == "section" and not page.folder):
            return None
        kind = "section" if page.kind == "section" else "page"
        path = "/" + content.logical_key(content.logical_path(page))
        for rule in self.rules:
            if rule.kind in ("", kind) and (rule.path is None or rule.path.match(path)):
                return rule.pattern
        return None


def from_config(value: Any) -> tuple[Permalinks, list[BadEntry]]:
    """Read the ``permalinks`` value of a site config."""
    if value is None:
        return Permalinks(), []
    if isinstance(value, list):
        return _from_list(value)
    if not isinstance(value, dict):
        return Permalinks(), [BadEntry("permalinks", "is neither a mapping nor a list of rules")]
    rules: list[Rule] = []
    problems: list[BadEntry] = []
    for key, entry in value.items():
        name = str(key).lower()
        if isinstance(entry, dict):
            if name not in KINDS:
                message = f"kind {name!r} is not one Hugo supports ({', '.join(KINDS)})"
                problems.append(BadEntry(f"permalinks.{name}", message))
                continue
            for section, pattern in entry.items():
                at = f"permalinks.{name}.{section}"
                _add(rules, problems, at, (name,), _section_glob(str(section)), pattern)
        else:  # the plain form moves regular pages and terms
            glob = _section_glob(name)
            _add(rules, problems, f"permalinks.{name}", ("page", "term"), glob, entry)
    return Permalinks(tuple(rules)), problems


def _from_list(items: list[Any]) -> tuple[Permalinks, list[BadEntry]]:
    rules: list[Rule] = []
    problems: list[BadEntry] = []
    for index, item in enumerate(items):
        at = f"permalinks.{index}"
        target = item.get("target", {}) if isinstance(item, dict) else None
        if not isinstance(item, dict) or "pattern" not in item:
            problems.append(BadEntry(at, "a rule is a mapping with a 'pattern'; it is ignored"))
            continue
        if not isinstance(target, dict):
            problems.append(BadEntry(at, "'target' is not a mapping; the rule is ignored"))
            continue
        kind = str(target.get("kind") or "").lower()
        if kind and kind not in KINDS:
            message = f"target kind {kind!r} is not one Hugo supports ({', '.join(KINDS)})"
            problems.append(BadEntry(at, message))
            continue
        glob = str(target.get("path") or "").lower()
        _add(rules, problems, at, (kind,), glob, item["pattern"])
    return Permalinks(tuple(rules)), problems


def _add(
    rules: list[Rule],
    problems: list[BadEntry],
    at: str,
    kinds: tuple[str, ...],
    glob: str,
    pattern: object,
) -> None:
    problem = tokens.check(pattern)
    path = globs.compile_glob(glob) if glob else None
    if problem is None and glob and path is None:
        problem = f"path glob {glob!r:.80} is malformed or too long"
    if problem is not None:
        problems.append(BadEntry(at, problem + "; those pages keep their usual URL"))
        return
    assert isinstance(pattern, str)
    rules.extend(Rule(kind, path, pattern) for kind in kinds)


def _section_glob(section: str) -> str:
    """``sectionToPathGlob``: ``/`` or nothing is the root's pages, ``blog`` the section and
    everything below it."""
    section = section.strip(" /").lower()
    if not section:
        return "/*"
    escaped = re.sub(r"([\\*?\[\]{},])", r"\\\1", section)
    return "/{" + escaped + "," + escaped + "/**}"


def page_url(page: Page, rules: Permalinks, sections: tokens.Sections) -> str:
    """The page's URL with the site's permalinks: a front matter ``url`` (its tokens expanded,
    Hugo 0.131+) first, then the first matching rule's pattern, else Hugo's usual URL."""
    custom = page.params.get("url")
    if isinstance(custom, str) and custom.strip():
        if ":" in custom and tokens.check(custom) is None:
            expanded = tokens.expand(custom, page, sections)
            return urls.page_url(Page(page.key, page.path, {**page.params, "url": expanded}))
        return urls.page_url(page)
    pattern = rules.pattern(page)
    if pattern is None:
        return urls.page_url(page)
    levels = tokens.expand(pattern, page, sections).split("/")
    joined = urls.sanitize("/".join(level for level in levels if level)).lower()
    return "/" + joined + "/" if joined else "/"
