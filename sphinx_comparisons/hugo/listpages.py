"""List pages Hugo generates: a title, an intro, a list of entries, and its pagination.

Taxonomy pages (``/tags/``: the terms with counts), term pages (``/tags/x/``: the pages
naming the term) and blog sections' lists (``/blog/``, ``/blog/page/2/``) are the kinds. A list
page is written at its URL; when a document of the tree has that URL (a term's own
``_index.md``), that document is the page: it gives the title and intro, and the list is added
to it, so one page stands at the URL.
"""

from __future__ import annotations

from dataclasses import dataclass

from sphinx_comparisons.hugo.taxonomies import Taxonomies, Term

#: Names of generated pages start so; no Markdown file of a Hugo tree is named like it.
PREFIX = "_hugo_lists/"


@dataclass(frozen=True)
class Entry:
    #: A document's key, or another list page's name.
    key: str
    #: How many pages a term entry stands for (on a taxonomy page), else None.
    count: int | None = None


@dataclass(frozen=True)
class ListPage:
    #: The page's name in the build: its document, or :data:`PREFIX` + its URL path.
    name: str
    url: str
    title: str
    #: ``taxonomy``, ``term`` (Hugo's page kinds) or ``blog`` (a blog section's list).
    kind: str
    entries: tuple[Entry, ...]
    #: The document that is this page (it gives the title and intro), or None when generated.
    source: str | None = None
    #: The names of every page of a paginated list, page 1 first (empty when not paginated).
    pager: tuple[str, ...] = ()

    @property
    def generated(self) -> bool:
        return self.source is None


def name_for(url: str) -> str:
    """A generated page's name: ``/tags/go-lang/`` -> ``_hugo_lists/tags/go-lang``."""
    return PREFIX + url.strip("/")


def _term_page(term: Term, prefix: str) -> ListPage:
    return ListPage(
        term.source or name_for(prefix + term.url),
        prefix + term.url,
        term.title,
        "term",
        tuple(Entry(key) for key in term.pages),
        term.source,
    )


def from_taxonomies(
    found: Taxonomies, sources: dict[str, str], prefix: str = "", empty: bool = True
) -> dict[str, ListPage]:
    """Each taxonomy's page and each term's, by name. ``sources`` maps a URL to the document
    that has it (a taxonomy's ``<plural>/_index.md``; terms know their own); ``prefix`` is the
    language's URL prefix (``/fr``). A taxonomy no page uses gets its (empty) page, as Hugo
    writes it, when ``empty``: a Sphinx project that is no Hugo site gets none."""
    pages: dict[str, ListPage] = {}
    for taxonomy in found.taxonomies:
        terms = found.terms.get(taxonomy.plural, ())
        listed = [_term_page(term, prefix) for term in terms]
        for page in listed:
            pages[page.name] = page
        url = f"{prefix}/{taxonomy.plural}/"
        source = sources.get(url)
        entries = tuple(
            Entry(page.name, len(term.pages)) for page, term in zip(listed, terms) if term.pages
        )
        if not listed and source is None and not empty:
            continue
        name = source or name_for(url)
        pages[name] = ListPage(name, url, taxonomy.title, "taxonomy", entries, source)
    return pages
