"""The extension's state, each kind in one named home.

- :class:`SiteModel`: the site-wide facts of one build, built once before reading
  (``model.py``) and read through :func:`model`.
- The scan's record of every page's front matter (``records.py``), kept across builds.
- What reading a page collects about it: the ``hugo`` domain (``domain.py``), which
  Sphinx clears for a re-read page and merges after parallel reads.
- What one page's reading needs until the page is read: :func:`reading`.

The model and the scan's records are kept on the environment in one holder
(``sitewide.py``): the saved environment keeps them, a forked reader's reply does not.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from sphinx_comparisons import compat
from sphinx_comparisons.hugo.languages import Language, Languages
from sphinx_comparisons.hugo.limits import IncludeChain
from sphinx_comparisons.hugo.navigation import Navigation
from sphinx_comparisons.hugo.refs import RefIndex
from sphinx_comparisons.hugo.siteconfig import SiteConfig
from sphinx_comparisons.hugo.taxonomies import Taxonomies
from sphinx_comparisons.hugo.translations import Translated
from sphinx_comparisons.site import sitewide

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from sphinx.environment import BuildEnvironment

    from sphinx_comparisons.hugo.aliases import Alias
    from sphinx_comparisons.hugo.content import Page
    from sphinx_comparisons.hugo.listpages import ListPage
    from sphinx_comparisons.site.addresses import Address
    from sphinx_comparisons.site.records import PageRecord

T = TypeVar("T")

#: The one environment attribute (and per-document key) the extension keeps its state under.
_NAME = "sphinx_comparisons"


@dataclass(frozen=True, eq=False, repr=False)
class SiteModel:
    """What every page of one build may rely on, computed from front matter and the Hugo config."""

    #: The site's languages, and the one this build is (``hugo/languages.py``).
    languages: Languages = field(default_factory=lambda: Languages((), "en"))
    language: Language = field(default_factory=lambda: Language("en", "en", "en", 0, "content"))
    #: The URL prefix of this build's pages (``/fr``; empty for the default language).
    url_prefix: str = ""
    #: The site's translation strings in this language (``i18n/``), by lower-cased id.
    strings: Mapping[str, str] = field(default_factory=dict)
    #: The site's other languages' pages and each page's translations (``site/translations.py``).
    translated: Translated = field(default_factory=Translated)
    #: The Hugo site config, and the state of its files when read.
    site_config: SiteConfig = field(default_factory=SiteConfig)
    config_stamp: tuple[tuple[str, int, int], ...] = ()
    #: The folders pages may read (``hugo/paths.py``).
    read_roots: tuple[Path, ...] = ()
    #: Whether the tree is Hugo's (its root is ``_index.md``): bundles and fileless sections count.
    hugo_home: bool = False
    #: The pages this build reads and writes, by docname (drafts and bundle resources left out).
    pages: Mapping[str, Page] = field(default_factory=dict)
    #: Pages Hugo writes no file for (``render: link|never``, ``headless``), by docname, and the
    #: URL of each that has one (``render: link``): links to it lead there.
    unwritten: Mapping[str, Page] = field(default_factory=dict)
    linked: Mapping[str, str] = field(default_factory=dict)
    #: Each page's Hugo URL, and the page at each normalised URL.
    addresses: Mapping[str, Address] = field(default_factory=dict)
    url_index: Mapping[str, str] = field(default_factory=dict)
    #: The site's static folders, and the files they publish by site-relative path.
    static_folders: tuple[Path, ...] = ()
    static_files: Mapping[str, Path] = field(default_factory=dict)
    navigation: Navigation = field(default_factory=lambda: Navigation({}, frozenset(), {}))
    aliases: tuple[Alias, ...] = ()
    #: Pages by logical path and base name, for ``ref`` and ``relref``.
    refs: RefIndex = field(default_factory=lambda: RefIndex(()))
    #: How heading ids are made: ``github`` or ``blackfriday``.
    heading_scheme: str = "github"
    #: The site's taxonomies and their terms (``hugo/taxonomies.py``).
    taxonomies: Taxonomies = field(default_factory=Taxonomies)
    #: The list pages Hugo generates (taxonomies, terms) by name, and the address of each that
    #: no document of the tree stands for (its URL is in :attr:`url_index` too).
    lists: Mapping[str, ListPage] = field(default_factory=dict)
    generated: Mapping[str, Address] = field(default_factory=dict)
    #: Each blog post's older and newer neighbour in its section (``hugo/bloglists.py``).
    neighbours: Mapping[str, tuple[str | None, str | None]] = field(default_factory=dict)
    #: A digest of what every page shows (its navigation, its links' addresses), and whether it
    #: differs from the last build's: then every page is written again.
    shown_digest: str = ""
    shown_changed: bool = True

    def __repr__(self) -> str:
        """Short: Sphinx logs the ``repr`` of every event's arguments (``hugo-site-changed``)."""
        return f"<SiteModel: {len(self.pages)} pages>"


@dataclass
class Reading:
    """What the extension keeps while one page is read; each page's reading starts afresh."""

    #: Table cells so far: the page's ``|``, then the cells of its comparison tables.
    table_cells: int = 0
    #: How deep the shortcode being rendered is nested.
    shortcode_depth: int = 0
    #: Explicit heading ids (``## Title {#id}``) by line, taken from the source.
    heading_ids: dict[int, str] = field(default_factory=dict)
    #: Their classes (``## Title {.class}``) by line.
    heading_classes: dict[int, list[str]] = field(default_factory=dict)
    #: The files the page includes, made on its first include.
    includes: IncludeChain | None = None


@dataclass
class _Kept:
    records: dict[str, PageRecord] = field(default_factory=dict)
    model: SiteModel | None = None


def _kept(env: BuildEnvironment) -> _Kept:
    kept: _Kept | None = sitewide.get(env, _NAME)
    if kept is None:
        kept = _Kept()
        sitewide.put(env, _NAME, kept)
    return kept


def model(env: BuildEnvironment) -> SiteModel:
    """This build's site model (an empty one before the first is built)."""
    return _kept(env).model or SiteModel()


def last_model(env: BuildEnvironment) -> SiteModel | None:
    """The model kept from the last build, before this build's replaces it (``model.py``)."""
    return _kept(env).model


def keep_model(env: BuildEnvironment, new: SiteModel) -> None:
    _kept(env).model = new


def records(env: BuildEnvironment) -> dict[str, PageRecord]:
    """The scan's records of front matter, by docname (``records.py`` keeps them current)."""
    return _kept(env).records


_DERIVED: weakref.WeakKeyDictionary[SiteModel, dict[Callable[..., Any], Any]] = (
    weakref.WeakKeyDictionary()
)


def derived(env: BuildEnvironment, compute: Callable[[BuildEnvironment], T]) -> T:
    """``compute(env)``, computed once per site model: what a feature derives from the model
    (forked readers inherit what was computed before reading)."""
    current = _kept(env).model
    if current is None:
        return compute(env)
    memo = _DERIVED.setdefault(current, {})
    if compute not in memo:
        memo[compute] = compute(env)
    return memo[compute]  # type: ignore[no-any-return]


def reading(env: BuildEnvironment) -> Reading:
    """The page being read's :class:`Reading`, made on first use."""
    data = compat.sphinx.document_data(env)
    found = data.get(_NAME)
    if not isinstance(found, Reading):
        found = data[_NAME] = Reading()
    return found
