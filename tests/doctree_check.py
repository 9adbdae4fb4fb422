"""Debug-mode checks of the doctrees a build stored, run by the test helpers after every build.

Sphinx's writers assume what docutils' parsers guarantee: every section has an
id (``get_secnumber`` reads ``ids[0]``), ids are unique on a page, and a
section's title is its first child; headings hold no block or ``only`` nodes
(Sphinx copies them into tables of contents, past its post-transforms). Our
transforms rewrite ids and move sections, so a bug there would crash every HTML
build of such a page; these checks catch it in the tests instead.
"""

from __future__ import annotations

import pickle
from collections import Counter
from pathlib import Path

from docutils import nodes
from sphinx import addnodes


def problems(doctree: nodes.document, docname: str) -> list[str]:
    found = []
    ids: Counter[str] = Counter()
    for node in doctree.findall(nodes.Element):
        ids.update(node.get("ids", []))
        block = isinstance(node, nodes.Body) and not isinstance(node, nodes.Inline)
        if (block or isinstance(node, addnodes.only)) and _in_heading(node):
            found.append(
                f"{docname}: {node.tagname} inside a heading (Sphinx copies headings into tables "
                "of contents)"
            )
        if not isinstance(node, nodes.section):
            continue
        title = node[0].astext() if node.children else ""
        if not node["ids"]:
            found.append(f"{docname}: section {title!r} has no id")
        if not node.children or not isinstance(node[0], nodes.title):
            found.append(f"{docname}: section {title!r} does not start with its title")
        for child in node.children[1:]:
            if isinstance(child, nodes.title):
                found.append(f"{docname}: section {title!r} has a second title {child.astext()!r}")
    found.extend(
        f"{docname}: id {name!r} is used {count} times" for name, count in ids.items() if count > 1
    )
    return found


def _in_heading(node: nodes.Node) -> bool:
    parent = node.parent
    while parent is not None:
        if isinstance(parent, (nodes.title, nodes.subtitle, nodes.rubric)):
            return True
        parent = parent.parent
    return False


def check_folder(doctreedir: Path) -> list[str]:
    """Check every ``*.doctree`` a build pickled under ``doctreedir``."""
    found = []
    for path in sorted(doctreedir.rglob("*.doctree")):
        with path.open("rb") as handle:
            doctree = pickle.load(handle)  # our own build's output
        found.extend(problems(doctree, path.relative_to(doctreedir).with_suffix("").as_posix()))
    return found


def assert_valid(doctreedir: Path) -> None:
    found = check_folder(doctreedir)
    assert not found, "doctree check failed:\n" + "\n".join(found[:50])
