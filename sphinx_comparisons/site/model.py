"""The site model, built once per build before reading (``env-get-outdated``).

Everything in it derives from the front matter the scan holds and the Hugo
site config (``state.SiteModel``). The model names no feature: once it is
built, :data:`CHANGED` is emitted with the last build's model and the new one,
and each feature that subscribed names the pages it must read again (those
whose navigation, link targets or assembled tables changed). When what every
page shows changed (its navigation, the addresses its links use), every page
is written again (``env-get-updated``).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.util import logging

from sphinx_comparisons import compat
from sphinx_comparisons.config import settings
from sphinx_comparisons.diagnostics import warn
from sphinx_comparisons.hugo import (
    aliases,
    collation,
    content,
    headings,
    languages,
    paths,
    permalinks,
    refs,
    siteconfig,
    urls,
)
from sphinx_comparisons.hugo.frontmatter import digest
from sphinx_comparisons.site import (
    addresses,
    lists,
    records,
    state,
    static,
    strings,
    structure,
    translations,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from sphinx_comparisons.hugo.content import Page
    from sphinx_comparisons.hugo.navigation import Navigation
    from sphinx_comparisons.hugo.translations import Translated

logger = logging.getLogger(__name__)

#: Emitted when the new model is built. Each handler gets the last build's model (None on a
#: first build) and the new one, and returns the pages it must read again.
CHANGED = "hugo-site-changed"


def subscribe(app: Sphinx, callback: Callable[..., Iterable[str]]) -> None:
    """Have ``callback(app, env, old, new)`` name the pages to re-read when the model changed."""
    app.connect(CHANGED, callback)


def heading_scheme(env: BuildEnvironment, config: siteconfig.SiteConfig) -> str:
    """``hugo_heading_ids``, else the site's ``markup.goldmark.parser.autoHeadingIDType``."""
    configured = config.get("markup.goldmark.parser.autoHeadingIDType")
    return headings.scheme(configured, settings(env.config).heading_ids)


def on_env_get_outdated(
    app: Sphinx,
    env: BuildEnvironment,
    added: set[str],
    changed: set[str],
    removed: set[str],
) -> list[str]:
    """Build the model; the pages its subscribers must read again because the site changed."""
    old = state.last_model(env)
    new = build(app, env, old, (added, changed, removed))
    state.keep_model(env, new)
    reread = _recascaded(old, new)
    for named in app.emit(CHANGED, env, old, new):
        reread.update(named)
    return sorted(doc for doc in reread if doc in env.found_docs and doc not in added)


def _recascaded(old: state.SiteModel | None, new: state.SiteModel) -> set[str]:
    """Pages whose front matter as Hugo reads it changed though their file did not: a section's
    ``cascade`` (or the site config's) now passes them other values. Every page when the
    site's translation strings changed (a translated mapping, a legend: it is rare)."""
    if old is None:
        return set()
    if old.strings != new.strings:
        return set(new.pages)
    return {
        key
        for key, page in new.pages.items()
        if key in old.pages and old.pages[key].params != page.params
    }


def build(
    app: Sphinx,
    env: BuildEnvironment,
    old: state.SiteModel | None,
    outdated: tuple[set[str], set[str], set[str]],
) -> state.SiteModel:
    """The model of the tree as it is now; pages Hugo would not build leave ``env.found_docs``."""
    config, stamp, site_languages, language = structure.site_config(env, old)
    prefix = site_languages.prefix(language.code) if settings(env.config).language_prefix else ""
    roots = _read_roots(app, env, config)
    _contained_sources(env, roots, *outdated)
    found, unwritten, hugo_home = _built_pages(env, config, site_languages, language, outdated)
    static_folders = static.folders(config)
    static_files = static.files(static_folders, roots)
    pretty = addresses.style(app.builder) is not False  # Hugo's pretty URLs unless .html files
    linkable = {k: p for k, p in found.items() if p.build.has_url or k not in unwritten}
    every = addresses.compute(linkable, set(static_files), pretty, _permalinks(config), prefix)
    known = {key: address for key, address in every.items() if key not in unwritten}
    linked = {key: every[key].url for key in sorted(unwritten) if key in every}
    written = {key: page for key, page in found.items() if key not in unwritten}
    homeless = addresses.homeless(written, known, pretty) - {env.config.root_doc}
    compat.sphinx.drop_documents(env, homeless, *outdated)
    found = {key: page for key, page in found.items() if key not in homeless}
    index = {urls.normalize(address.url): key for key, address in known.items()}
    sectioned = lists.sections(found, config)  # taxonomy folders are no sections
    title_key = collation.key_for(language.code)
    navigation = structure.build_navigation(
        env, config, sectioned, index, hugo_home, linked, title_key
    )
    translated = translations.build(env, config, (site_languages, language), roots, found, known)
    site_lists = lists.build(env, config, found, known, (language.code, prefix), hugo_home)
    shown = _shown_digest(navigation, known, translated)
    redirects = _aliases(found, every, set(static_files), pretty, prefix) + site_lists.aliases
    redirects += _language_root(env, site_languages, language, prefix)
    return state.SiteModel(
        languages=site_languages,
        language=language,
        url_prefix=prefix,
        strings=strings.read(config, site_languages, language, roots),
        translated=translated,
        site_config=config,
        config_stamp=stamp,
        read_roots=roots,
        hugo_home=hugo_home,
        pages={key: page for key, page in found.items() if key not in unwritten},
        unwritten={key: found[key] for key in sorted(unwritten)},
        linked=linked,
        addresses=known,
        url_index=_with_aliases(site_lists.indexed(index), redirects),
        static_folders=tuple(static_folders),
        static_files=static_files,
        navigation=navigation,
        aliases=redirects,
        refs=refs.RefIndex(found.values()),
        heading_scheme=heading_scheme(env, config),
        **site_lists.fields(),
        shown_digest=shown,
        shown_changed=old is None or old.shown_digest != shown,
    )


def _built_pages(
    env: BuildEnvironment,
    config: siteconfig.SiteConfig,
    site: languages.Languages,
    language: languages.Language,
    outdated: tuple[set[str], set[str], set[str]],
) -> tuple[dict[str, Page], set[str], bool]:
    """The pages this build reads (Hugo's: this language's, no drafts or bundle resources, no
    theme search page), those Hugo writes no file for, and whether the tree is Hugo's."""
    undecodable = records.scan(env)
    for path, problem in config.problems:
        warn("siteconfig", problem.message, location=f"{path}:{problem.line}")
    hugo_home = structure.is_hugo_home(env)
    found = _this_language(env, config, site, language, outdated)
    found = _leave_out(env, found, hugo_home, undecodable, outdated)
    unwritten = _unwritten(env, found, outdated)
    return _without_search_page(env, found, unwritten, outdated), unwritten, hugo_home


def _read_roots(
    app: Sphinx, env: BuildEnvironment, config: siteconfig.SiteConfig
) -> tuple[Path, ...]:
    """The folders pages may read (``hugo/paths.py``): the source folder, the Hugo site root,
    conf.py's folder and ``hugo_read_paths``."""
    confdir = Path(app.confdir or env.srcdir)
    extra = [confdir / name for name in settings(env.config).read_paths]
    site_root = siteconfig.site_root([Path(f) for f in config.files])
    return paths.roots(env.srcdir, site_root, confdir, *extra)


def _shown_digest(
    navigation: Navigation, known: dict[str, addresses.Address], translated: Translated
) -> str:
    """A digest of what every page shows besides its own content: the navigation, the
    addresses its links use, the translations its switcher lists."""
    urls_shown = sorted((key, address.url) for key, address in known.items())
    return digest(repr((navigation.fingerprint(), urls_shown, sorted(translated.of_page.items()))))


def _permalinks(config: siteconfig.SiteConfig) -> permalinks.Permalinks:
    """The site's ``permalinks``; an entry Hugo would stop on is reported and left out."""
    rules, problems = permalinks.from_config(config.get("permalinks"))
    for problem in problems:
        file, line = config.origin(problem.key)
        warn("siteconfig", f"{problem.key}: {problem.message}", location=f"{file}:{line}")
    return rules


def _contained_sources(
    env: BuildEnvironment,
    roots: tuple[Path, ...],
    added: set[str],
    changed: set[str],
    removed: set[str],
) -> None:
    """A page file that is a symlink out of the site is not read (before the scan reads it)."""
    escaping = {
        doc for doc in env.found_docs if paths.contained(env.doc2path(doc), roots, True) is None
    }
    for docname in sorted(escaping):
        warn(
            "path",
            f"page file {str(env.doc2path(docname, False))!r} is a symlink that leads outside "
            "the site; it is not read or built",
            location=None,
        )
    compat.sphinx.drop_documents(env, escaping, added, changed, removed)


def _leave_out(
    env: BuildEnvironment,
    found: dict[str, Page],
    hugo_home: bool,
    undecodable: set[str],
    outdated: tuple[set[str], set[str], set[str]],
) -> dict[str, Page]:
    """Hugo builds no page for draft, future or expired content (unless its config says so), nor
    for the files of a leaf bundle besides its ``index.md`` (its resources): nor do we. Nor for
    a page that is not UTF-8, which Sphinx cannot read (warned by the scan).

    Such pages leave this build's documents, so they are neither read nor
    written and an earlier build's output of them is removed. The root
    document stays, as Sphinx needs one. Bundles count only in a Hugo tree
    (its root is ``_index.md``): in a Sphinx tree, ``guide/index.md`` has
    sibling pages.
    """
    root = env.config.root_doc
    unlisted = {key for key, page in found.items() if not page.listed and key != root}
    resources = content.bundle_resources(found.values()) - {root} if hugo_home else set()
    left_out = unlisted | resources | (undecodable - {root})
    compat.sphinx.drop_documents(env, left_out, *outdated)
    if unlisted:
        logger.info(
            "hugo: %d page(s) not built, as Hugo leaves them out (draft, future or expired): %s",
            len(unlisted),
            ", ".join(sorted(unlisted)),
        )
    if resources:
        logger.info(
            "hugo: %d file(s) not built, as Hugo makes them resources of a leaf bundle "
            "(a folder with index.md): %s",
            len(resources),
            ", ".join(sorted(resources)),
        )
    return {key: page for key, page in found.items() if key not in left_out}


def _this_language(
    env: BuildEnvironment,
    config: siteconfig.SiteConfig,
    site: languages.Languages,
    language: languages.Language,
    outdated: tuple[set[str], set[str], set[str]],
) -> dict[str, Page]:
    """This language's pages; files of other languages (``about.fr.md`` in an English build)
    leave the build."""
    found, others = structure.pages(env, config, site, language)
    compat.sphinx.drop_documents(env, others - {env.config.root_doc}, *outdated)
    if others:
        logger.info(
            "hugo: %d file(s) of other languages not built in this %s build: %s",
            len(others),
            language.code,
            ", ".join(sorted(others)),
        )
    return found


def _unwritten(
    env: BuildEnvironment, found: dict[str, Page], outdated: tuple[set[str], set[str], set[str]]
) -> set[str]:
    """Pages whose build options (or ``headless``) say Hugo writes no file for them: they leave
    this build's documents (never read, so never warned about), yet stay in the model for
    links (``render: link``), ``ref`` and the section tree; include shortcodes still read them.
    """
    root = env.config.root_doc
    unwritten = {key for key, page in found.items() if not page.build.written and key != root}
    compat.sphinx.drop_documents(env, unwritten, *outdated)
    if unwritten:
        logger.info(
            "hugo: %d page(s) not written, as their build options or headless say: %s",
            len(unwritten),
            ", ".join(sorted(unwritten)),
        )
    return unwritten


def _without_search_page(
    env: BuildEnvironment,
    found: dict[str, Page],
    unwritten: set[str],
    outdated: tuple[set[str], set[str], set[str]],
) -> dict[str, Page]:
    """A theme's search results page (Docsy's ``layout: search``, at ``/search/``) has no body
    of its own: Sphinx's search page stands for it, and it is left out of the build."""
    root = env.config.root_doc
    search = {key for key, page in found.items() if page.params.get("layout") == "search"}
    search -= {root} | unwritten
    if not search:
        return found
    compat.sphinx.drop_documents(env, search, *outdated)
    logger.info(
        "hugo: %s is the site's search page (layout: search); Sphinx's search page stands for it",
        ", ".join(sorted(search)),
    )
    return {key: page for key, page in found.items() if key not in search}


def _aliases(
    found: dict[str, Page],
    known: dict[str, addresses.Address],
    static_files: set[str],
    pretty: bool,
    prefix: str,
) -> tuple[aliases.Alias, ...]:
    """Every page's aliases, resolved and checked; refusals reported at their lines."""
    page_urls = {key: address.url for key, address in known.items()}
    page_files = {urls.output_target(a.url, a.kind, pretty)[1]: key for key, a in known.items()}
    collected, problems = aliases.collect(
        found.values(), page_urls, page_files, static_files, prefix
    )
    for problem in problems:
        warn(problem.subtype, problem.message, location=(problem.page, problem.line))
    return tuple(collected)


def _with_aliases(index: dict[str, str], redirects: tuple[aliases.Alias, ...]) -> dict[str, str]:
    """The URL index with each alias's address leading to its page: a link to an old address
    Hugo redirects goes to the page itself. A page's own URL wins over an alias."""
    pages = set(index.values())
    moved = {urls.normalize(a.url): a.page for a in redirects if a.page in pages and not a.wildcard}
    return {**moved, **index}


def _language_root(
    env: BuildEnvironment, site: languages.Languages, language: languages.Language, prefix: str
) -> tuple[aliases.Alias, ...]:
    """The redirect Hugo writes beside the default language's home (``hugolib/site.go``,
    ``renderMainLanguageRedirect``): ``/en/`` to ``/``, or ``/`` to ``/en/`` when the default
    language is in its subfolder. Only in Hugo's layout, where the other languages are too."""
    if (
        not site.multilingual
        or language.code != site.default
        or not settings(env.config).language_prefix
    ):
        return ()
    root = env.config.root_doc
    if prefix:
        return (aliases.Alias("index.html", "/", root, 1),)
    return (aliases.Alias(f"{language.code}/index.html", f"/{language.code}/", root, 1),)


def on_env_get_updated(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Every page shows the navigation and links by address: all re-written when those changed."""
    return sorted(env.found_docs) if state.model(env).shown_changed else []
