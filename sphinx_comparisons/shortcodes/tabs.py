"""Docsy's tabpane and tab, as sphinx-design tab sets."""

from __future__ import annotations

import textwrap
from typing import Any

from docutils import nodes

from sphinx_comparisons import compat
from sphinx_comparisons.hugo.fences import fence_for
from sphinx_comparisons.shortcodes.calls import Call
from sphinx_comparisons.shortcodes.markup import argument_text


def tabpane(call: Call) -> list[nodes.Node]:
    """Docsy's tabpane: a sphinx-design tab set of its ``tab``s.

    ``persist`` (``header``, the default, or ``lang``) makes the choice of a
    tab stick across every tabpane of the site, as Docsy does: sphinx-design
    syncs the tab sets of one sync group and remembers the choice in the
    browser. ``disabled`` (or the older ``persistLang=false``) turns it off.
    ``right=true`` puts the tabs on the right.
    """
    fence = fence_for(call.inner or "", "`")
    before = [f"{fence}{{tab-set}}"]
    persist = _persist(call.named)
    if persist:
        before.append(f":sync-group: hugo-tabs-{persist}")
    if call.arg("right") is True:
        before.append(":class: hugo-tabs-right")
    result = call.wrapped(before, [fence])
    if persist:
        _unsync_repeated_keys(call, result, persist)
    return _disabled_tabs_as_captions(result)


#: Class of the tab item a disabled tab makes, taken out of its tab set by the tab pane.
DISABLED = "hugo-tab-disabled"


def _disabled_tabs_as_captions(result: list[nodes.Node]) -> list[nodes.Node]:
    """Docsy shows a disabled tab as a header in the tab bar that cannot be chosen
    (``tabpane.html``: ``disabled``), mostly a label such as "Configuration file:". A tab set
    has no such item: it becomes a caption just above the set."""
    out: list[nodes.Node] = []
    for node in result:
        if isinstance(node, nodes.Element):
            out.extend(_take_disabled(node))
        out.append(node)
    return out


def _take_disabled(tab_set: nodes.Element) -> list[nodes.Node]:
    captions: list[nodes.Node] = []
    for item in list(tab_set.children):
        if isinstance(item, nodes.Element) and DISABLED in item.get("classes", ()):
            tab_set.remove(item)
            caption = nodes.paragraph(classes=["hugo-tabs-caption"])
            caption += compat.design.tab_label_children(item)
            captions.append(caption)
    return captions


def _unsync_repeated_keys(call: Call, result: list[nodes.Node], persist: str) -> None:
    """Two tabs of one pane with the same key cannot both be remembered: Docsy then remembers
    none."""
    for tab_set in result:
        labels = compat.design.synced_tab_labels(tab_set)
        keys = [key for _, key in labels]
        repeated = sorted({key for key in keys if keys.count(key) > 1})
        if repeated:
            for label, _ in labels:
                compat.design.unsync(label)
            call.warn(
                "shortcode_params",
                f"tabpane: more than one tab has the {persist} {repeated[0]!r}, so the chosen "
                "tab is not remembered for this pane (as in Docsy)",
            )


def _persist(tabpane: dict[str, Any]) -> str | None:
    """What a tabpane's choice is remembered by: ``header``, ``lang``, or nothing."""
    persist = tabpane.get("persist")
    if persist is None and tabpane.get("persistLang") is False:
        return None
    persist = str(persist or "header").lower()
    return persist if persist in {"header", "lang"} else None


def tab(call: Call) -> list[nodes.Node]:
    """Docsy's tab: text (Markdown) or code, as the tab or its tabpane says."""
    parent = call.named.get("_parent", {}) if isinstance(call.named.get("_parent"), dict) else {}
    header = str(call.arg("header", 0) or f"Tab {int(call.named.get('_ordinal', 0)) + 1}").strip()
    text = call.arg("text", default=parent.get("text", False)) is True
    lang = call.arg("lang", default=parent.get("lang", "")) or call.arg(
        "highlight", default=parent.get("highlight", "")
    )
    if call.arg("disabled") is True:
        fence = fence_for("", "`")
        item = [f"{fence}{{tab-item}} {argument_text(header)}", f":class-container: {DISABLED}"]
        return call.wrapped(item, [fence], "% a disabled tab", within="tab-set")
    inner = call.inner or ""
    options = []
    persist = _persist(parent)
    key = header.lower() if persist == "header" else str(lang) if persist == "lang" else ""
    if key:
        options.append(f":sync: {' '.join(key.split())}")
    if call.arg("right") is True:
        options.append(":class-label: hugo-tab-right")
    label = argument_text(header)
    if text or not lang and call.notation == "%":
        fence = fence_for(inner, "`")
        return call.wrapped([f"{fence}{{tab-item}} {label}", *options], [fence], within="tab-set")
    ticks = fence_for(inner, "`")
    fence = ticks + "`"
    code = [f"{fence}{{tab-item}} {label}", *options, f"{ticks}{lang or 'text'}"]
    return call.wrapped(code, [ticks, fence], textwrap.dedent(inner), within="tab-set")
