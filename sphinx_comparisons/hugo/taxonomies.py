"""Hugo's taxonomies: which ones a site has, each page's terms, the term and taxonomy pages.

Rules from ``config/allconfig`` (default taxonomies), ``hugolib/taxonomy.go``,
``hugolib/page__meta.go`` (titles), ``resources/page/taxonomy.go`` (``ByCount``,
``WeightedPages``) and ``common/paths/path.go`` (``Sanitize``, through ``urls.sanitize``);
what they leave open was asked of Hugo 0.111.3 (``tests/fixtures/blog``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sphinx_comparisons.hugo import collation, content, urls
from sphinx_comparisons.hugo.content import Page
from sphinx_comparisons.hugo.limits import DEFAULT, Limits
from sphinx_comparisons.hugo.yamldata import Problem

DEFAULT_TAXONOMIES = {"tag": "tags", "category": "categories"}
#: The longest path segment most file systems write (bytes).
MAX_SEGMENT = 255


@dataclass(frozen=True)
class Taxonomy:
    singular: str
    plural: str
    #: The taxonomy page's title: the plural, ``-`` as spaces, capitalised.
    title: str


@dataclass(frozen=True)
class Term:
    taxonomy: str
    #: The term as Hugo keys it: URL-ized (``go-lang``, ``c++``, ``bbold/b-co``).
    key: str
    #: As written on the first page (by path) that names it, or its ``_index.md``'s title.
    title: str
    url: str
    #: The pages that name it, in the term page's order.
    pages: tuple[str, ...]
    #: The term's own ``content/<plural>/<key>/_index.md``, if any.
    source: str | None = None


@dataclass(frozen=True)
class Taxonomies:
    taxonomies: tuple[Taxonomy, ...] = ()
    #: plural -> its terms by count (most pages first), then key (``.Data.Terms.ByCount``);
    #: terms no page names (only an ``_index.md``) come last, outside that list.
    terms: dict[str, tuple[Term, ...]] = field(default_factory=dict)
    #: page key -> problems with its taxonomy front matter.
    problems: dict[str, list[Problem]] = field(default_factory=dict)

    def term(self, plural: str, key: str) -> Term | None:
        return next((t for t in self.terms.get(plural, ()) if t.key == key), None)

    #: page key -> plural -> the keys of the terms it names, in its front matter's order.
    named: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)

    def of_page(self, page: str, plural: str) -> list[Term]:
        """The terms a page names in one taxonomy, as its front matter lists them (``GetTerms``)."""
        keys = self.named.get(page, {}).get(plural, ())
        return [t for key in keys if (t := self.term(plural, key)) is not None]


def title_of(plural: str, capitalize: bool = True) -> str:
    """A taxonomy page's title (``page__meta.go``: the key title-cased, ``-`` as spaces)."""
    words = plural.replace("-", " ")
    return " ".join(w[:1].upper() + w[1:] for w in words.split(" ")) if capitalize else words


def site_taxonomies(values: dict[str, Any]) -> tuple[tuple[Taxonomy, ...], list[str]]:
    """The site's taxonomies from its config (lowercased top-level keys), and what is wrong."""
    disabled = values.get("disablekinds")
    if isinstance(disabled, list) and {"taxonomy", "term"} & {str(k).lower() for k in disabled}:
        return (), []
    table = values.get("taxonomies", DEFAULT_TAXONOMIES)
    if not isinstance(table, dict):
        return (), ["`taxonomies` is not a table of singular = plural names"]
    capitalize = values.get("capitalizelisttitles") is not False
    found: list[Taxonomy] = []
    problems: list[str] = []
    for singular, plural in table.items():
        name = urls.sanitize(str(plural)).lower() if isinstance(plural, str) else ""
        if not name or not _safe_key(name) or "/" in name:
            problems.append(f"taxonomy {singular!r} has no usable plural name: {plural!r}")
            continue
        found.append(Taxonomy(str(singular), name, title_of(name, capitalize)))
    return tuple(found), problems


def _safe_key(key: str) -> bool:
    parts = key.split("/")
    return all(p not in ("", ".", "..") and len(p.encode()) <= MAX_SEGMENT for p in parts) and (
        "\\" not in key
    )


def term_key(term: str, lowercase: bool = True) -> str:
    """Hugo's key (and URL segment) for a term: ``Go Lang`` -> ``go-lang``."""
    key = urls.sanitize(term.strip())
    return key.lower() if lowercase else key


def page_terms(
    page: Page, plural: str, limits: Limits = DEFAULT
) -> tuple[list[str], list[Problem]]:
    """The terms a page names in one taxonomy: a list, or one string; numbers as text."""
    value = page.params.get(plural)
    line = page.key_lines.get(plural, 1)
    if value is None:
        return [], []
    items = value if isinstance(value, list) else [value]
    terms: list[str] = []
    problems: list[Problem] = []
    for item in items:
        if isinstance(item, bool) or not isinstance(item, (str, int, float)):
            kind = type(item).__name__
            problems.append(
                Problem("taxonomy", f"a term of {plural!r} is a {kind}: left out", line)
            )
        else:
            terms.append(str(item))
    if len(terms) > limits.page_terms:
        message = f"{len(terms)} terms in {plural!r}: the first {limits.page_terms} are kept"
        problems.append(Problem("limit", message, line))
        terms = terms[: limits.page_terms]
    return terms, problems


@dataclass
class _Draft:
    title: str
    pages: dict[str, int] = field(default_factory=dict)


def collect(
    pages: Iterable[Page],
    taxonomies: tuple[Taxonomy, ...],
    lowercase: bool = True,
    title: collation.TitleKey = collation.english,
    limits: Limits = DEFAULT,
) -> Taxonomies:
    """Every term of every taxonomy, with its pages in order (pages as Hugo lists them)."""
    ordered = sorted(pages, key=lambda page: page.path)
    listed = [p for p in ordered if p.listed and p.build.in_site]
    result = Taxonomies(taxonomies)
    for taxonomy in taxonomies:
        drafts = _gather(listed, taxonomy.plural, lowercase, limits, result)
        sources = _term_sources(ordered, taxonomy.plural)
        by_key = {p.key: p for p in listed}
        terms = []
        for key, draft in drafts.items():
            source = sources.get(key.lower())
            chosen = sorted(draft.pages, key=lambda k: _order(by_key[k], draft.pages[k], title))
            terms.append(_term(taxonomy.plural, key, draft.title, tuple(chosen), source))
        terms.sort(key=lambda t: (-len(t.pages), t.key))
        for key, source in sources.items():
            if key not in {t.key.lower() for t in terms}:
                terms.append(_term(taxonomy.plural, key, key, (), source))
        result.terms[taxonomy.plural] = tuple(terms)
    return result


def _order(page: Page, weight: int, title: collation.TitleKey) -> tuple[Any, ...]:
    """``WeightedPages``: the ``<plural>_weight`` ascending (0 is not last here), then the
    default page order (confirmed on 0.111.3: a page with ``tags_weight: 5`` came last)."""
    return (weight, content.page_order_key(page, title=title))


def _term(plural: str, key: str, written: str, keys: tuple[str, ...], source: Page | None) -> Term:
    named = source.title if source is not None and "title" in source.params else written
    return Term(plural, key, named, f"/{plural}/{key}/", keys, source.key if source else None)


def _term_sources(pages: list[Page], plural: str) -> dict[str, Page]:
    """Terms' own pages: ``<plural>/<term>/_index.md`` (its folder is the term's key)."""
    prefix = f"{plural}/"
    return {
        page.folder[len(prefix) :].lower(): page
        for page in pages
        if page.kind == "section" and page.folder.lower().startswith(prefix) and page.listed
    }


def _gather(
    pages: list[Page],
    plural: str,
    lowercase: bool,
    limits: Limits,
    result: Taxonomies,
) -> dict[str, _Draft]:
    """Each term's first spelling (pages by path) and its pages with their weight; each page's
    terms and problems go into ``result``."""
    drafts: dict[str, _Draft] = {}
    for page in pages:
        if page.folder == plural or page.folder.startswith(f"{plural}/"):
            continue
        terms, found = page_terms(page, plural, limits)
        weight = page.params.get(f"{plural}_weight")
        weight = weight if isinstance(weight, int) and not isinstance(weight, bool) else 0
        for written in terms:
            key = term_key(written, lowercase)
            if not key:
                continue
            if not _safe_key(key):
                message = f"the term {written!r} of {plural!r} has no safe address: left out"
                found.append(Problem("taxonomy", message, page.key_lines.get(plural, 1)))
                continue
            if key not in drafts and len(drafts) >= limits.site_terms:
                message = f"more than {limits.site_terms} terms in {plural!r}: {written!r} left out"
                found.append(Problem("limit", message, page.key_lines.get(plural, 1)))
                continue
            drafts.setdefault(key, _Draft(written.strip())).pages[page.key] = weight
            named = result.named.setdefault(page.key, {}).get(plural, ())
            if key not in named:
                result.named[page.key][plural] = (*named, key)
        if found:
            result.problems.setdefault(page.key, []).extend(found)
    return drafts


def alphabetical(terms: tuple[Term, ...]) -> list[Term]:
    """Terms by key, as a template ranging over a taxonomy (a Go map) meets them."""
    return sorted(terms, key=lambda term: term.key)


def clouds(params: object, found: tuple[Taxonomy, ...]) -> list[tuple[Taxonomy, str]]:
    """Docsy's taxonomy clouds (``params.taxonomy``): the taxonomies ``taxonomyCloud`` names
    (every one when unset; none for ``[]``), each titled by ``taxonomyCloudTitle`` when it
    has as many entries, else by its taxonomy's title."""
    settings = params if isinstance(params, dict) else {}
    lowered = {str(key).lower(): value for key, value in settings.items()}
    chosen = lowered.get("taxonomycloud")
    by_plural = {taxonomy.plural: taxonomy for taxonomy in found}
    if not isinstance(chosen, list):
        names = list(by_plural)
    else:
        names = [str(name).lower() for name in chosen if isinstance(name, str)]
    titles = lowered.get("taxonomycloudtitle")
    given = titles if isinstance(titles, list) and len(titles) == len(names) else None
    made = []
    for index, name in enumerate(names):
        taxonomy = by_plural.get(name)
        if taxonomy is not None:
            title = given[index] if given is not None and isinstance(given[index], str) else ""
            made.append((taxonomy, title or taxonomy.title))
    return made
