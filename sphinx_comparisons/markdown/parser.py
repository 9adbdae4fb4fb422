"""Goldmark syntax in each page's markdown-it parser: block attribute lines, linkify as
Goldmark links, and the extensions the site config switches off.

Installed on every parser MyST makes (``compat.myst.add_parser_plugin``); each rule reads the
site's settings when it runs (``settings.of_parser``), so one parser serves any site.
"""

from __future__ import annotations

from typing import Any

from linkify_it import LinkifyIt  # type: ignore[import-untyped]

from sphinx_comparisons import compat
from sphinx_comparisons.hugo import goldmark
from sphinx_comparisons.markdown import settings

#: markdown-it rules of each Goldmark extension, by chain, that the site config can switch off.
_EXTENSION_RULES = {
    "table": (("block", "table"),),
    "strikethrough": (("inline", "strikethrough"), ("inline2", "strikethrough")),
    "definitionList": (("block", "deflist"),),
    "footnote": (("block", "footnote_def"), ("inline", "footnote_ref")),
    "linkify": (("core", "linkify"), ("inline", "linkify")),
    # myst-parser 4.0's task lists (mdit-py-plugins); later versions read ``tasklists`` below
    "taskList": (("core", "github-tasklists"),),
}

ATTRIBUTES = "goldmark_attributes"


def install(md: Any) -> None:
    """Add the rules to a page's parser (a :func:`compat.myst.add_parser_plugin` plugin)."""
    md.block.ruler.before(
        "table",
        ATTRIBUTES,
        _attribute_line,
        {"alt": ["paragraph", "blockquote", "list", "reference"]},
    )
    md.core.ruler.after("block", ATTRIBUTES, _attach_attributes)
    md.core.ruler.before("block", "goldmark_task_list", _task_list(md.options.get("tasklists")))
    md.linkify = _GoldmarkLinkify()
    md.options["linkify"] = True
    md.enable(["linkify"], ignoreInvalid=True)
    for extension, rules in _EXTENSION_RULES.items():
        for chain, name in rules:
            compat.myst.guard_rule(md, chain, name, _switch(extension))


def _switch(extension: str) -> Any:
    def enabled(state: Any) -> bool:
        chosen = settings.of_parser(state)
        if extension == "linkify" and isinstance(state.md.linkify, _GoldmarkLinkify):
            state.md.linkify.protocol = chosen.linkify_protocol
        return chosen.has(extension)

    return enabled


def _task_list(enabled: Any) -> Any:
    """Task lists as ``hugo_myst_extensions`` allow them, unless the site switches ``taskList``
    off (markdown-it's list rule reads the parser's ``tasklists`` option)."""

    def switch(state: Any) -> None:
        state.md.options["tasklists"] = bool(enabled) and settings.of_parser(state).has("taskList")

    return switch


# -- linkify --------------------------------------------------------------------------------


class _GoldmarkLinkify(LinkifyIt):  # type: ignore[misc]
    """Links Goldmark's linkify makes: a URL with ``http(s)``/``ftp`` or one starting ``www.``
    (given the site's ``linkifyProtocol``), and e-mail addresses; not a bare domain
    (``example.org``), ``mailto:`` text or ``//host``."""

    def __init__(self) -> None:
        super().__init__(options={"fuzzy_link": True, "fuzzy_email": True, "fuzzy_ip": False})
        self.add("//", None)
        self.protocol = "https"

    def _goldmark(self, found: Any) -> bool:
        if found.raw.lower().startswith("mailto:"):
            return False
        if found.schema or found.raw.lower().startswith("www."):
            if not found.schema:
                found.url = f"{self.protocol}://{found.raw}"
            return True
        return bool(found.schema == "mailto:")

    def match(self, text: str) -> Any:
        found = super().match(text)
        return [each for each in found if self._goldmark(each)] or None if found else found

    def match_at_start(self, text: str) -> Any:
        found = super().match_at_start(text)
        return found if found is None or self._goldmark(found) else None


# -- block attributes -----------------------------------------------------------------------


def _attribute_line(state: Any, start: int, end: int, silent: bool) -> bool:
    """A line that is only ``{...}``, when ``parser.attribute.block`` is on: it ends the
    paragraph above it (Hugo's attribute parser can interrupt one) and becomes a hidden token."""
    if state.sCount[start] - state.blkIndent >= 4:
        return False
    begin = state.bMarks[start] + state.tShift[start]
    if state.src[begin : begin + 1] != "{":
        return False
    found = goldmark.attribute_list(state.src[begin : state.eMarks[start]])
    if found is None or not settings.of_parser(state).block_attributes:
        return False
    if silent:
        return True
    token = state.push(ATTRIBUTES, "", 0)
    token.map = [start, start + 1]
    token.meta = {"attributes": found}
    token.hidden = True
    state.line = start + 1
    return True


def _opening(tokens: list[Any], index: int) -> Any | None:
    """The block token just before ``tokens[index]`` at its level: its opening token."""
    if index == 0:
        return None
    previous = tokens[index - 1]
    if previous.nesting != -1:
        return previous if previous.type not in ("fence", "code_block", "html_block") else None
    depth = 0
    for position in range(index - 1, -1, -1):
        depth += tokens[position].nesting
        if depth == 0:
            return tokens[position]
    return None


def _attach_attributes(state: Any) -> None:
    """Each attribute line sets its attributes on the block just above it (none after a blank
    line or a code block), keeping attributes the block already has; the line itself goes."""
    tokens = state.tokens
    page = not state.env.get("hugo_page_parsed")  # the page itself, not a directive's content
    state.env["hugo_page_parsed"] = True
    if not any(token.type == ATTRIBUTES for token in tokens):
        return
    kept = []
    for index, token in enumerate(tokens):
        if token.type != ATTRIBUTES:
            kept.append(token)
            continue
        target = _opening(tokens, index)
        if target is None or not target.map or target.map[1] != token.map[0]:
            continue
        wanted, refused = goldmark.safe_attributes(token.meta["attributes"])
        if refused:
            settings.report(state, token.map[0] + 1 if page else None, refused)
        if page and target.type == "heading_open" and "id" in wanted:
            settings.heading_id(state, target.map[0] + 1, wanted.pop("id"))
        for key, value in wanted.items():
            if key == "class" and target.attrGet("class"):
                target.attrSet("class", f"{target.attrGet('class')} {value}")
            elif target.attrGet(key) is None:
                target.attrSet(key, value)
    state.tokens = kept
