"""docutils internals: located ``meta`` tags, where ``:file:`` options read, translated
directive names, attributes added to a start tag.
"""

from __future__ import annotations

import html
import os
import re
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import languages as rst_languages
from docutils.parsers.rst.directives import misc


def file_option_path(document: nodes.document, reference: str) -> str:
    """Where docutils' ``raw`` and ``csv-table`` directives read their ``:file:``: beside the
    file being parsed (an included file while that is parsed), not the page.

    Relies on: ``document.current_source`` and ``misc.adapt_path`` (docutils 0.21 on, which
    also puts ``root_prefix`` before a ``/`` path); before it, a join with the source's folder.
    No public API: the directives compute the path inside their ``run``.
    Checked against: Sphinx 8.0–9.0, myst-parser 4.0–5.2, sphinx-design 0.6–0.8 (docutils
    0.21–0.22).
    """
    source = document.current_source or document["source"]
    adapt = getattr(misc, "adapt_path", None)
    if adapt is not None:
        return str(adapt(reference, source, document.settings.root_prefix))
    return os.path.join(os.path.dirname(os.path.abspath(source)), reference)


def standard_include_folder() -> str:
    """docutils' folder of "standard" includes, which ``<isonum.txt>`` names.

    Relies on: ``Include.standard_include_path``, where docutils' ``include`` and MyST's look.
    No public API: the folder is documented, not exposed.
    Checked against: Sphinx 8.0–9.0, myst-parser 4.0–5.2, sphinx-design 0.6–0.8 (docutils
    0.21–0.22).
    """
    return str(misc.Include.standard_include_path)


def translated_directive_names(language: str | None) -> dict[str, str]:
    """The names ``language`` gives docutils' directives, each with its canonical name
    (``einfügen``: ``include`` in German).

    Relies on: the ``directives`` mapping of docutils' language modules, which docutils reads
    for a name it does not find registered, and then loads its own class for.
    No public API: docutils offers no lookup of a directive's translations.
    Checked against: Sphinx 8.0–9.0, myst-parser 4.0–5.2, sphinx-design 0.6–0.8 (docutils
    0.21–0.22).
    """
    module = rst_languages.get_language(language or "en")
    return dict(getattr(module, "directives", {}))


_TAG_NAME = re.compile(r"<[A-Za-z][A-Za-z0-9]*")


def add_to_start_tag(translator: Any, **attributes: str) -> bool:
    """Add ``attributes`` to the start tag the translator wrote last (a ``<th>`` after
    ``visit_entry``), right after the tag's name; False (and nothing added) when the last thing
    written is no start tag.

    Relies on: docutils' HTML writers appending an element's start tag to ``translator.body``
    as one string in its ``visit_`` method (``visit_entry`` decides ``th`` or ``td`` and the
    ``head``/``stub`` classes there, from the table's state).
    No public API: ``starttag`` takes attributes, and ``visit_entry`` passes only its own.
    Checked against: Sphinx 8.0–9.0, myst-parser 4.0–5.2, sphinx-design 0.6–0.8 (docutils
    0.21–0.22).
    """
    tag = translator.body[-1] if translator.body else ""
    name = _TAG_NAME.match(tag)
    if name is None:
        return False
    added = "".join(
        f' {key}="{html.escape(value, quote=True)}"' for key, value in attributes.items()
    )
    translator.body[-1] = tag[: name.end()] + added + tag[name.end() :]
    return True


class MetaBody(misc.MetaBody):
    """The state of :class:`LocatedMeta`: docutils' ``meta`` fields, each tag given its file and
    line. Named as docutils' state, since ``Meta.run`` starts it by that name."""

    def parsemeta(self, match: Any) -> Any:
        source, line = self.state_machine.get_source_and_line()
        node, blank_finish = super().parsemeta(match)
        if isinstance(node, nodes.meta):
            node.source, node.line = source, line
        return node, blank_finish


class LocatedMeta(misc.Meta):
    """The ``meta`` directive, whose tags carry the page's file and line (docutils leaves them
    unlocated), so a warning about one names its line.

    Relies on: ``misc.Meta.run`` parsing its content with the state classes of ``SMkwargs``,
    from the state named ``MetaBody``, and ``MetaBody.parsemeta`` returning
    ``(node, blank_finish)``.
    No public API: docutils gives a directive no hook into the nodes it makes.
    Checked against: Sphinx 8.0–9.0, myst-parser 4.0–5.2, sphinx-design 0.6–0.8 (docutils
    0.21–0.22).
    """

    SMkwargs: ClassVar[dict[str, Any]] = {"state_classes": (MetaBody,)}


def forget_footnote_reference(
    document: nodes.document, reference: nodes.footnote_reference
) -> None:
    """Take ``reference`` out of the lists docutils' ``Footnotes`` transform numbers and
    resolves, once it is no longer in the tree.

    Relies on: ``document.autofootnote_refs``, ``document.symbol_footnote_refs`` and
    ``document.footnote_refs`` (name -> references), filled by the parser's ``note_*`` calls.
    No public API: a parsed footnote reference cannot be withdrawn.
    Checked against: Sphinx 8.0–9.0, myst-parser 4.0–5.2, sphinx-design 0.6–0.8 (docutils
    0.21–0.22).
    """
    for listed in (document.autofootnote_refs, document.symbol_footnote_refs):
        if reference in listed:
            listed.remove(reference)
    named = document.footnote_refs.get(reference.get("refname", ""), [])
    if reference in named:
        named.remove(reference)
