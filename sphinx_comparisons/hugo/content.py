"""A Hugo content tree as Hugo sees it: pages, sections, their order and their menus.

Rules from ``resources/page/pages_sort.go``, Hugo's page map (sections and bundles,
``hugolib/content_map_page.go``) and ``hugolib/site.go`` (``assembleMenus``).
"""

from __future__ import annotations

import datetime as dt
import posixpath
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any

from sphinx_comparisons.hugo import buildopts, collation, dates, inflect
from sphinx_comparisons.hugo import menus as menus_
from sphinx_comparisons.hugo.collation import TitleKey
from sphinx_comparisons.hugo.limits import DEFAULT
from sphinx_comparisons.hugo.page import titles

#: Front matter keys Hugo reads ``.Date`` from, in order (``frontmatter.date`` default; the
#: site's ``[frontmatter]`` rules are applied before, ``dates.apply``).
DATE_KEYS = dates.DEFAULTS["date"]
#: ... ``.PublishDate`` from, and ``.ExpiryDate`` from.
PUBLISH_KEYS = dates.DEFAULTS["publishdate"]
EXPIRY_KEYS = dates.DEFAULTS["expirydate"]


@dataclass(frozen=True, slots=True)
class BuildOptions:
    """Hugo's ``buildDrafts``, ``buildFuture`` and ``buildExpired`` (all off by default)."""

    drafts: bool = False
    future: bool = False
    expired: bool = False

    @classmethod
    def from_config(cls, values: dict[str, Any], also: Iterable[str] = ()) -> BuildOptions:
        """From a site config's (lowercased) values, plus the kinds named in ``also``.

        In the site config anything but a boolean counts as unset.
        """
        also = set(also)
        keys = (("builddrafts", "drafts"), ("buildfuture", "future"), ("buildexpired", "expired"))
        return cls(*(values.get(key) is True or kind in also for key, kind in keys))


def left_out(
    params: dict[str, Any], options: BuildOptions, now: dt.datetime | None = None
) -> str | None:
    """Why Hugo builds no page from this front matter: ``draft``, ``future``, ``expired``; else
    None.

    The front matter reader turns ``published: false`` into ``draft: true``.
    """
    if params.get("draft") is True and not options.drafts:
        return "draft"
    now = now or dt.datetime.now(dt.UTC)
    date = publish_date(params)
    if date is not None and date > now and not options.future:
        return "future"
    expires = dates.first(params, EXPIRY_KEYS)
    if expires is not None and expires < now and not options.expired:
        return "expired"
    return None


def publish_date(params: dict[str, Any]) -> dt.datetime | None:
    """Hugo's ``.PublishDate``: the first of ``publishDate``, ``pubDate``, ``published``, ``date``
    (``frontmatter.publishDate``'s default, ``resources/page/pagemeta/page_frontmatter.go``)."""
    return dates.first(params, PUBLISH_KEYS)


@dataclass(frozen=True, slots=True)
class Page:
    """One content file: its key (a docname), path under the content root, and front matter.

    What is derived from them is computed once, here: menus, sections and
    addresses ask for it many times per page.
    """

    key: str
    path: str
    params: dict[str, Any] = field(default_factory=dict, compare=False)
    key_lines: dict[str, int] = field(default_factory=dict, compare=False)
    options: BuildOptions = field(default=BuildOptions(), compare=False)
    #: ``section`` for ``_index.md``, ``bundle`` for a leaf bundle's ``index.md``, else ``page``.
    kind: str = field(init=False, compare=False)
    #: The folder the page stands for (sections, bundles) or lives in (pages).
    folder: str = field(init=False, compare=False)
    title: str = field(init=False, compare=False)
    link_title: str = field(init=False, compare=False)
    weight: int = field(init=False, compare=False)
    date: dt.datetime | None = field(init=False, compare=False)
    #: False for drafts, future and expired pages: in no list or menu, and not built.
    listed: bool = field(init=False, compare=False)
    #: ``build``/``_build`` and ``headless`` (``render``, ``list``, ``publishResources``).
    build: buildopts.BuildConfig = field(init=False, compare=False)

    def __post_init__(self) -> None:
        path = PurePosixPath(self.path)
        named = titles(self.params)
        weight = self.params.get("weight")
        derived = {
            "kind": {"_index": "section", "index": "bundle"}.get(path.stem, "page"),
            "folder": "" if str(path.parent) == "." else str(path.parent),
            "title": named.title if named else "",
            "link_title": named.nav if named else "",
            "weight": weight if isinstance(weight, int) and not isinstance(weight, bool) else 0,
            "date": dates.first(self.params, DATE_KEYS),
            "listed": left_out(self.params, self.options) is None,
            "build": buildopts.decode(self.params, self.line_of)[0],
        }
        for name, value in derived.items():
            object.__setattr__(self, name, value)

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key.lower(), 1)

    def facts(self) -> menus_.PageFacts:
        return menus_.PageFacts(self.key, self.title, self.link_title, self.weight)


def page_order_key(
    page: Page, date: dt.datetime | None = None, title: TitleKey = collation.english
) -> tuple[Any, ...]:
    """Hugo's default page order: weight (0 last), date (newest first), link title (with the
    language's collator, ``collation.py``), path.

    ``date`` stands for the page's own where the caller knows better (a section's).
    """
    date = date or page.date
    stamp = -int(date.timestamp()) if date is not None else float("inf")
    return (page.weight == 0, page.weight, stamp, title(page.link_title), page.path)


# ---------------------------------------------------------------------------
# Sections


@dataclass(frozen=True)
class SectionTree:
    """Each section page's direct children in Hugo's order (``.Pages``)."""

    children: dict[str, tuple[str, ...]]
    #: Pages outside every section folder; they belong to the home page.
    home: str | None
    #: Hugo's sections without a file: a top-level folder with no ``_index.md``.
    #: Keyed ``folder/`` (no docname ends so), each stands in the tree as a
    #: page of its own, titled as Hugo titles it.
    fileless: dict[str, Page] = field(default_factory=dict)


def section_tree(
    pages: Iterable[Page],
    home: str | None,
    fileless: bool = False,
    pluralize: bool = True,
    capitalize: bool = True,
    title: TitleKey = collation.english,
) -> SectionTree:
    """Sections are folders with an ``_index.md``; every other page belongs to its nearest one.

    A leaf bundle (``x/index.md``) is a page at ``x/``. Pages in plain folders
    count as pages of the nearest section above them. ``home`` is the key of
    the root page (the ``_index.md`` at the top, or the Sphinx root document).
    With ``fileless`` (and a home), top-level folders are sections even
    without an ``_index.md``, as in Hugo.
    """
    listed = [page for page in pages if page.listed]
    sections = {page.folder: page for page in listed if page.kind == "section"}
    made: dict[str, Page] = {}
    if fileless and home is not None:
        bundles = {page.folder for page in listed if page.kind == "bundle"}
        for page in listed:
            top = page.path.split("/", 1)[0] if "/" in page.path else ""
            if top and top not in sections and top not in bundles and top not in made:
                # dated by its newest page, as Hugo dates a section without a file
                dates = [
                    p.date for p in listed if p.path.startswith(f"{top}/") and p.date is not None
                ]
                params = {
                    "title": list_title(top, pluralize, capitalize),
                    "date": max(dates) if dates else None,
                }
                made[top] = Page(f"{top}/", f"{top}/_index.md", params)
        sections.update(made)
        listed += made.values()
    children: dict[str, list[Page]] = {page.key: [] for page in sections.values()}
    if home is not None:
        children.setdefault(home, [])
    for page in listed:
        if page.key == home:
            continue
        start = PurePosixPath(page.folder)
        if page.kind in {"section", "bundle"}:
            start = start.parent
        parent = _nearest_section(start, sections, home)
        if parent is not None and parent != page.key and page.build.in_sections:
            children[parent].append(page)
    section_dates = _section_dates(children)
    ordered = {
        key: tuple(
            p.key
            for p in sorted(kids, key=lambda p: page_order_key(p, section_dates.get(p.key), title))
        )
        for key, kids in children.items()
    }
    return SectionTree(ordered, home, {page.key: page for page in made.values()})


def _section_dates(children: dict[str, list[Page]]) -> dict[str, dt.datetime | None]:
    """A section without a date of its own is dated by its newest page, however deep (Hugo's
    ``pageMap.assembleSections``; checked with the oracle: a home whose sections have no dates
    lists first the one holding the newest page)."""
    pages = {page.key: page for kids in children.values() for page in kids}
    dates: dict[str, dt.datetime | None] = {}

    def newest(key: str) -> dt.datetime | None:
        if key not in dates:
            dates[key] = None  # a cycle cannot recurse forever
            page = pages.get(key)
            found = [newest(kid.key) for kid in children.get(key, [])]
            own = page.date if page is not None else None
            dates[key] = own or max((d for d in found if d is not None), default=None)
        return dates[key]

    for key in children:
        newest(key)
    return dates


def list_title(folder: str, pluralize: bool = True, capitalize: bool = True) -> str:
    """The title Hugo gives a section without a file: its folder's name, pluralized, capitalized.

    Hugo's ``pluralizeListTitles`` (on by default in Hugo 0.111) and
    ``capitalizeListTitles``.
    """
    name = folder.rsplit("/", 1)[-1]
    if pluralize and name:
        name = inflect.pluralize(name)
    return name[:1].upper() + name[1:] if capitalize else name


def bundle_resources(pages: Iterable[Page]) -> set[str]:
    """Keys of the files inside a leaf bundle other than its ``index.md``.

    Hugo makes them the bundle's resources, never pages, however deep they
    lie. A top-level ``index.md`` is not a bundle here: it is a Sphinx tree's
    root document.
    """
    pages = list(pages)
    # a folder with an _index.md is a section even if it also holds an index.md
    sections = {page.folder for page in pages if page.kind == "section"}
    bundles = {page.folder for page in pages if page.kind == "bundle" and page.folder} - sections
    if not bundles:
        return set()

    def in_bundle(folder: PurePosixPath) -> bool:
        return any(str(f) in bundles for f in (folder, *folder.parents))

    resources = set()
    for page in pages:
        folder = PurePosixPath(page.folder)
        if in_bundle(folder.parent if page.kind == "bundle" else folder):
            resources.add(page.key)
    return resources


def _nearest_section(
    folder: PurePosixPath, sections: dict[str, Page], home: str | None
) -> str | None:
    while True:
        text = "" if str(folder) == "." else str(folder)
        if text in sections:
            return sections[text].key
        if text == "":
            return home
        folder = folder.parent


# ---------------------------------------------------------------------------
# Menus


def menus_of(
    pages: Iterable[Page],
    config_menus: Any,
    config_origin: Callable[[str, int], menus_.Origin],
    max_depth: int = DEFAULT.menu_depth,
) -> tuple[dict[str, list[menus_.MenuEntry]], list[menus_.MenuProblem]]:
    """Every menu of the site: config entries first, then pages' entries in path order."""
    pages = sorted(pages, key=lambda page: page.path)
    lookup = path_index(pages)
    # Hugo 0.111.3 took menu entries from rendered pages; current Hugo from listed ones
    ordered = [page for page in pages if page.listed and page.build.in_site]
    problems: list[menus_.MenuProblem] = []
    entries, found = menus_.config_entries(
        config_menus, config_origin, lambda ref: _get_page(lookup, ref)
    )
    problems.extend(found)
    for page in ordered:
        declared, found = menus_.page_entries(page.facts(), page.params, page.line_of)
        entries.extend(declared)
        problems.extend(found)
    tree, found = menus_.assemble(entries, max_depth)
    return tree, problems + found


def logical_path(page: Page) -> str:
    """``docs/a.md`` -> ``docs/a``; ``docs/_index.md`` and ``docs/index.md`` -> ``docs``; home ->
    ``""``."""
    path = PurePosixPath(page.path)
    logical = str(path.parent) if page.kind in {"section", "bundle"} else str(path.with_suffix(""))
    return "" if logical == "." else logical


def logical_key(path: str) -> str:
    """A path as ``GetPage`` looks it up from the site root: normalised, without case, without
    ``/_index`` or ``/index`` (``Docs/_index`` and ``/docs/`` are ``docs``)."""
    normal = posixpath.normpath("/" + path).lstrip("/").lower()
    for end in ("/_index", "/index"):
        normal = normal.removesuffix(end)
    return "" if normal in {"_index", "index", "."} else normal


def path_index(pages: Iterable[Page]) -> dict[str, Page]:
    """Listed pages by :func:`logical_key` of their logical path; the first of a path wins."""
    lookup: dict[str, Page] = {}
    for page in pages:
        if page.listed:
            lookup.setdefault(logical_key(logical_path(page)), page)
    return lookup


def _get_page(lookup: dict[str, Page], ref: str) -> menus_.PageFacts | None:
    """A ``pageRef`` resolved like Hugo's ``GetPage`` from the site root."""
    page = lookup.get(logical_key(ref.strip().removesuffix(".md")))
    return page.facts() if page else None
