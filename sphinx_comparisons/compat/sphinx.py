"""Sphinx internals: builder paths, the page being read, config provenance, pages
leaving the build, titles and tables of contents, page metadata, toctree nodes.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping, MutableMapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from docutils import nodes
from pygments.lexers import get_lexer_by_name  # type: ignore[import-untyped]
from pygments.util import ClassNotFound  # type: ignore[import-untyped]
from sphinx import addnodes, highlighting
from sphinx.transforms import SphinxContentsFilter

if TYPE_CHECKING:
    from collections.abc import Set as AbstractSet

    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment


# -- the build ----------------------------------------------------------------------------------


def route_pages(
    builder: Builder, uri_of: Callable[[str], str | None], file_of: Callable[[str], Path | None]
) -> None:
    """Have ``builder`` link to each page at ``uri_of(docname)`` and write it to
    ``file_of(docname)``; ``None`` keeps Sphinx's own address or file.

    Relies on: the HTML builders asking their own ``get_target_uri`` for every link, toctree
    entry and search result, and ``get_output_path`` (Sphinx 9, a ``Path``) or
    ``get_outfilename`` (Sphinx 8, a ``str``) for the file a page is written to, so methods
    set on the builder instance move the page.
    No public API: Sphinx derives both from the docname, with no event or setting between.
    Checked against: Sphinx 8.0–9.0, myst-parser 4.0–5.2, sphinx-design 0.6–0.8.
    """
    sphinx_uri = builder.get_target_uri

    def get_target_uri(docname: str, typ: str | None = None) -> str:
        uri = uri_of(docname)
        return sphinx_uri(docname, typ) if uri is None else uri

    builder.get_target_uri = get_target_uri  # type: ignore[method-assign]
    for name, kind in (("get_output_path", Path), ("get_outfilename", str)):
        sphinx_file = getattr(builder, name, None)
        if sphinx_file is not None:
            setattr(builder, name, _output_file(sphinx_file, file_of, kind))


def _output_file(
    sphinx_file: Callable[[str], Any], file_of: Callable[[str], Path | None], kind: type
) -> Callable[[str], Any]:
    def output_file(pagename: str) -> Any:
        path = file_of(pagename)
        return sphinx_file(pagename) if path is None else kind(path)

    return output_file


def translate_page(builder: Builder, docname: str, doctree: nodes.document) -> None:
    """Translate a page to HTML as the HTML builders' ``write_doc`` does, and keep nothing: for
    a builder that checks every page (translating warns too) and writes no site.

    Relies on: the steps of ``StandaloneHTMLBuilder.write_doc`` before it writes: the builder's
    ``docsettings`` on the doctree, the page's section and figure numbers
    (``env.toc_secnumbers``, ``env.toc_fignumbers``) and ``current_docname`` on the builder,
    which its translator reads, then ``create_translator``.
    No public API: ``write_doc`` translates and writes in one step.
    Checked against: Sphinx 8.0–9.0, myst-parser 4.0–5.2, sphinx-design 0.6–0.8.
    """
    html: Any = builder
    doctree.settings = html.docsettings
    html.secnumbers = builder.env.toc_secnumbers.get(docname, {})
    html.fignumbers = builder.env.toc_fignumbers.get(docname, {})
    html.current_docname = docname
    doctree.walkabout(builder.create_translator(doctree, builder))


def writing_docname(translator: Any) -> str | None:
    """The page a translator is writing, or None.

    Relies on: ``current_docname`` of the HTML builders, set in ``write_doc``.
    No public API: a node visitor gets the translator alone.
    Checked against: Sphinx 8.0–9.0, myst-parser 4.0–5.2, sphinx-design 0.6–0.8.
    """
    return getattr(translator.builder, "current_docname", None) or None


# -- configuration ------------------------------------------------------------------------------


def given_in_conf(conf: Config, names: Iterable[str]) -> bool:
    """Whether conf.py or ``-D`` gave any of ``names`` a value (the default value counts).

    Relies on: ``Config._raw_config``, the namespace conf.py left, and ``Config.overrides``.
    No public API: a value read from the config is its default when unset, and
    ``root_doc = "index"`` written in conf.py must count as a choice.
    Checked against: Sphinx 8.0–9.0, myst-parser 4.0–5.2, sphinx-design 0.6–0.8.
    """
    given = set(conf._raw_config) | set(conf.overrides)
    return not given.isdisjoint(names)


def keep_quotes(node: nodes.Element) -> None:
    """Smart quotes leave ``node``'s text as written.

    Relies on: ``sphinx.util.nodes.is_smartquotable``, which skips text below an element
    whose ``support_smartquotes`` attribute is False.
    No public API: docutils' SmartQuotes has no per-node switch.
    Checked against: Sphinx 8.0–9.0, myst-parser 4.0–5.2, sphinx-design 0.6–0.8.
    """
    node["support_smartquotes"] = False


def reload_translations(app: Sphinx) -> None:
    """Sphinx's own words loaded again for a ``language`` set at ``config-inited``.

    Relies on: ``Sphinx._init_i18n``, which loads the catalogs of ``config.language``
    before extensions are set up, and ``sphinx.locale.init`` replacing the English
    (null) catalog it loaded then.
    No public API: ``language`` is read once, before any extension can set it.
    Checked against: Sphinx 8.0–9.0, myst-parser 4.0–5.2, sphinx-design 0.6–0.8.
    """
    app._init_i18n()


# -- the documents of this build ----------------------------------------------------------------


def drop_documents(
    env: BuildEnvironment,
    docnames: AbstractSet[str],
    added: set[str],
    changed: set[str],
    removed: set[str],
) -> None:
    """At ``env-get-outdated``: ``docnames`` are neither read nor written in this build, and what
    an earlier build kept of them is forgotten.

    Relies on: ``env.found_docs`` being the project's own set of documents, which Sphinx reads
    and writes from after the event, and on Sphinx going on with the very ``added``,
    ``changed`` and ``removed`` sets it handed to the event.
    No public API: documents are found before any event sees them, and ``exclude_patterns``
    is read before front matter (drafts, bundles) is known.
    Checked against: Sphinx 8.0–9.0, myst-parser 4.0–5.2, sphinx-design 0.6–0.8.
    """
    for documents in (env.found_docs, added, changed):
        documents.difference_update(docnames)
    removed.update(set(docnames) & set(env.all_docs))


# -- titles and tables of contents --------------------------------------------------------------


def title_of(env: BuildEnvironment, docname: str) -> str | None:
    """The page's title as navigation shows it; None before the page was read.

    Relies on: ``env.titles``, filled by Sphinx's title collector at ``doctree-read``.
    No public API reads a page's title.
    Checked against: Sphinx 8.0–9.0, myst-parser 4.0–5.2, sphinx-design 0.6–0.8.
    """
    title = env.titles.get(docname)
    return title.astext() if title is not None else None


def set_nav_title(env: BuildEnvironment, docname: str, text: str) -> None:
    """Make ``text`` the page's label in every navigation (toctrees, previous/next links),
    after Sphinx's collectors took the first heading (``doctree-read``, priority 500).

    Relies on: ``env.titles`` (the label toctrees and relations show) and ``env.tocs`` (the
    page's table of contents, whose first entry without an ``anchorname`` is the page itself;
    toctree entries without a title copy it).
    No public API: Sphinx takes both from the first section title, with no setting between.
    Checked against: Sphinx 8.0–9.0, myst-parser 4.0–5.2, sphinx-design 0.6–0.8.
    """
    env.titles[docname] = nodes.title(text, text)
    toc = env.tocs.get(docname)
    for reference in toc.findall(nodes.reference) if toc is not None else ():
        if not reference.get("anchorname"):
            reference.children = [nodes.Text(text)]
            break


def toc_items(env: BuildEnvironment, docname: str) -> dict[str, nodes.list_item] | None:
    """The entries of the page's table of contents by :func:`toc_anchor`; None without one.

    Relies on: ``env.tocs[docname]``, which Sphinx's toctree collector fills at
    ``doctree-read``: nested ``bullet_list`` > ``list_item`` > ``compact_paragraph`` >
    ``reference``, whose ``anchorname`` is ``""`` for the page's top section and ``"#" +``
    its first id for the others.
    No public API: the collector has no hook to add entries (headings in an admonition or a
    tab are rubrics, which it skips).
    Checked against: Sphinx 8.0–9.0, myst-parser 4.0–5.2, sphinx-design 0.6–0.8.
    """
    toc = env.tocs.get(docname)
    if toc is None:
        return None
    items: dict[str, nodes.list_item] = {}
    for reference in toc.findall(nodes.reference):
        item = reference.parent.parent if reference.parent is not None else None
        if isinstance(item, nodes.list_item):
            items.setdefault(reference.get("anchorname", ""), item)
    return items


def toc_anchor(section: nodes.Element) -> str:
    """The anchor of a section's entry in :func:`toc_items` (same reliance)."""
    if isinstance(section.parent, nodes.document):
        return ""
    return "#" + section["ids"][0] if section["ids"] else ""


def toc_item(heading: nodes.Element, docname: str, anchor: str) -> nodes.list_item:
    """An entry of :func:`toc_items` for ``heading``, as the collector makes one for a section:
    the heading's text without links or images (``SphinxContentsFilter``)."""
    visitor = SphinxContentsFilter(cast(nodes.document, heading.document))
    heading.walkabout(visitor)
    text = visitor.get_entry_text()
    reference = nodes.reference("", "", *text, internal=True, refuri=docname, anchorname=anchor)
    return nodes.list_item("", addnodes.compact_paragraph("", "", reference))


def nest_toc_items(
    env: BuildEnvironment,
    docname: str,
    item: nodes.list_item,
    children: list[nodes.list_item],
    new: int,
) -> None:
    """Make ``children`` the entries under ``item`` of :func:`toc_items`; ``new`` of them are new.

    Relies on: the layout of :func:`toc_items`, and ``env.toc_num_entries`` counting a page's
    entries (a page with more than one shows its local table of contents).
    No public API: as for :func:`toc_items`.
    Checked against: Sphinx 8.0–9.0, myst-parser 4.0–5.2, sphinx-design 0.6–0.8.
    """
    lists = [child for child in item.children if isinstance(child, nodes.bullet_list)]
    if lists:
        lists[0].children = []
        lists[0].extend(children)
    else:
        item += nodes.bullet_list("", *children)
    env.toc_num_entries[docname] = env.toc_num_entries.get(docname, 0) + new


# -- page metadata ------------------------------------------------------------------------------


def add_metadata(env: BuildEnvironment, docname: str, values: Mapping[str, Any]) -> None:
    """Give the page file-wide settings (``orphan``, ``tocdepth``, ``nosearch``...), typed;
    templates see them all as ``meta``.

    Relies on: ``env.metadata[docname]``, the dict Sphinx's metadata collector fills from the
    page's docinfo at ``doctree-read`` and reads these settings from; written by a transform,
    before the collector.
    No public API: a docinfo field list is the public route, and it gives text only.
    Checked against: Sphinx 8.0–9.0, myst-parser 4.0–5.2, sphinx-design 0.6–0.8.
    """
    env.metadata[docname].update(values)


def is_orphan(env: BuildEnvironment, docname: str) -> bool:
    """Whether the page is an orphan (:func:`set_orphan`)."""
    return "orphan" in env.metadata[docname]


def set_orphan(env: BuildEnvironment, docname: str, orphan: bool) -> None:
    """Make the page an orphan (built, not warned about when no toctree reaches it), or not.

    Relies on: Sphinx's consistency check (after ``env-updated``) skipping the pages whose
    ``env.metadata`` has ``orphan``.
    No public API: ``:orphan:`` is written in the page, and what the navigation reaches is
    known from the whole site only.
    Checked against: Sphinx 8.0–9.0, myst-parser 4.0–5.2, sphinx-design 0.6–0.8.
    """
    meta = env.metadata[docname]
    if orphan:
        meta["orphan"] = True
    else:
        meta.pop("orphan", None)


# -- reading ------------------------------------------------------------------------------------


def document_data(env: BuildEnvironment) -> MutableMapping[str, Any]:
    """Data kept while one page is read; Sphinx starts it afresh for each page.

    Relies on: ``env.temp_data``, a dict, before Sphinx 8.2.
    Public API: ``env.current_document`` (Sphinx 8.2 on, a mapping for extensions' keys), used
    where it exists; Sphinx 9 keeps ``temp_data`` as its deprecated alias.
    Checked against: Sphinx 8.0–9.0, myst-parser 4.0–5.2, sphinx-design 0.6–0.8.
    """
    current = getattr(env, "current_document", None)
    return cast("MutableMapping[str, Any]", current if current is not None else env.temp_data)


def hidden_toctree(
    docname: str,
    entries: list[tuple[str | None, str]],
    includefiles: list[str],
    caption: str | None,
) -> addnodes.toctree:
    """A toctree node of ``entries`` ``(label, target)`` on page ``docname``, as the ``toctree``
    directive makes one with ``:hidden:`` and ``:maxdepth: -1``.

    Relies on: the attributes Sphinx's ``TocTree`` directive sets on the node, which the
    toctree collector and the navigation writers read.
    No public API: the directive is the only maker, and it reads its entries from text.
    Checked against: Sphinx 8.0–9.0, myst-parser 4.0–5.2, sphinx-design 0.6–0.8.
    """
    toctree = addnodes.toctree()
    toctree["parent"] = docname
    toctree["entries"] = entries
    toctree["includefiles"] = includefiles
    toctree["maxdepth"] = -1
    toctree["caption"] = caption
    toctree["rawcaption"] = caption or ""
    toctree["glob"] = False
    toctree["hidden"] = True
    toctree["includehidden"] = False
    toctree["numbered"] = 0
    toctree["titlesonly"] = False
    return toctree


# -- code highlighting --------------------------------------------------------------------------


@functools.cache
def knows_lexer(name: str) -> bool:
    """Whether Sphinx can highlight code of language ``name``: a lexer an extension added
    (``app.add_lexer``), one of Sphinx's own names, or one Pygments has.

    Relies on: ``sphinx.highlighting.lexer_classes``, where ``add_lexer`` puts lexers and where
    ``PygmentsBridge.get_lexer`` looks first.
    No public API: Sphinx finds the lexer only when it writes the page (Sphinx 8.0 then warns
    without a type, which ``suppress_warnings`` cannot silence).
    Checked against: Sphinx 8.0–9.0, myst-parser 4.0–5.2, sphinx-design 0.6–0.8.
    """
    if name in highlighting.lexer_classes or name in {"default", "guess", "none"}:
        return True
    try:
        get_lexer_by_name(name)
    except ClassNotFound:
        return False
    return True
