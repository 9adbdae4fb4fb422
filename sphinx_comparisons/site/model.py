"""The site-wide model, built once per build before reading: addresses, navigation, aliases.

Everything here derives from the front matter the scan holds and the Hugo
site config. It is compared with the previous build's model to re-read
exactly the pages whose injected content changed (``env-get-outdated``) and
to re-write every page when something every page shows changed: the
navigation in its sidebar, or the addresses its links use (``env-get-updated``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx.util import logging

from sphinx_comparisons.addresses import address_book, links, redirects
from sphinx_comparisons.components import comparison, related_posts
from sphinx_comparisons.diagnostics import warn
from sphinx_comparisons.files import staticdirs
from sphinx_comparisons.hugo import content, headings, refs, siteconfig, urls
from sphinx_comparisons.hugo.frontmatter import digest
from sphinx_comparisons.navigation import toctrees
from sphinx_comparisons.shortcodes import ref_links
from sphinx_comparisons.site import records, sitewide

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from sphinx_comparisons.hugo.content import Page

logger = logging.getLogger(__name__)
_SHOWN = "hugo_shown_on_every_page"
_CHANGED = "hugo_model_changed"
SCHEME = "hugo_heading_scheme"


def heading_scheme(env: BuildEnvironment, config: siteconfig.SiteConfig) -> str:
    """``hugo_heading_ids``, else the site's ``markup.goldmark.parser.autoHeadingIDType``."""
    configured = config.get("markup.goldmark.parser.autoHeadingIDType")
    return headings.scheme(configured, records.hugo_config(env).heading_ids)


def on_env_get_outdated(
    app: Sphinx,
    env: BuildEnvironment,
    added: set[str],
    changed: set[str],
    removed: set[str],
) -> list[str]:
    """The site model built for this build; the pages whose injected content changed are re-read."""
    config = toctrees.site_config(env)
    for path, problem in config.problems:
        warn("siteconfig", problem.message, location=f"{path}:{problem.line}")
    found = _leave_out(env, toctrees.pages(env), added, changed, removed)
    static = staticdirs.collect(env, config)
    pretty = address_book.style(app.builder)
    known = address_book.compute(env, found, set(staticdirs.static_files(env)), pretty if pretty is not None else True)
    homeless = address_book.homeless(found, known, pretty if pretty is not None else True) - {env.config.root_doc}
    found = _drop(env, found, homeless, added, changed, removed)
    sitewide.put(env, toctrees.PAGES, found)
    index = {urls.normalize(address.url): key for key, address in known.items()}
    stale = links.stale_linkers(env, index)
    links.set_index(env, index, [str(folder) for folder in static])
    ref_links.set_index(env, refs.RefIndex(found.values()))
    old_nav: toctrees.navigation.Navigation | None = sitewide.get(env, toctrees.NAV)
    new_nav = toctrees.build(env, config, found, index)
    sitewide.put(env, toctrees.NAV, new_nav)
    redirects.collect(env, found, pretty if pretty is not None else True)

    scheme = heading_scheme(env, config)
    old_scheme = getattr(env, SCHEME, scheme)
    setattr(env, SCHEME, scheme)
    shown = digest(repr((new_nav.fingerprint(), sorted((k, a.url) for k, a in known.items()))))
    setattr(env, _CHANGED, getattr(env, _SHOWN, None) != shown)
    setattr(env, _SHOWN, shown)

    reread = set(stale) | comparison.stale_pages(env) | related_posts.stale_pages(env, found)
    if old_scheme != scheme:
        reread |= {doc for doc in env.found_docs if records.is_markdown(env, doc)}
    if old_nav is not None:
        keys = set(old_nav.toctrees) | set(new_nav.toctrees) | set(old_nav.section_lists) | set(new_nav.section_lists)
        reread |= {key for key in keys if old_nav.page_state(key) != new_nav.page_state(key)}
    return sorted(doc for doc in reread if doc in env.found_docs and doc not in added)


def _leave_out(
    env: BuildEnvironment, found: dict[str, Page], added: set[str], changed: set[str], removed: set[str]
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
    resources = content.bundle_resources(found.values()) - {root} if toctrees.is_hugo_home(env) else set()
    unreadable = records.undecodable(env) - {root}
    found = _drop(env, found, unlisted | resources | unreadable, added, changed, removed)
    if unlisted:
        logger.info("hugo: %d page(s) not built, as Hugo leaves them out (draft, future or expired): %s", len(unlisted), ", ".join(sorted(unlisted)))
    if resources:
        logger.info("hugo: %d file(s) not built, as Hugo makes them resources of a leaf bundle (a folder with index.md): %s", len(resources), ", ".join(sorted(resources)))
    return found


def _drop(
    env: BuildEnvironment, found: dict[str, Page], dropped: set[str], added: set[str], changed: set[str], removed: set[str]
) -> dict[str, Page]:
    """``found`` without ``dropped``, which leave this build's documents (and lose their earlier output)."""
    if not dropped:
        return found
    # Sphinx hands these sets to the event and uses them afterwards
    for documents in (env.found_docs, added, changed):
        documents.difference_update(dropped)
    removed.update(dropped & set(env.all_docs))
    return {key: page for key, page in found.items() if key not in dropped}


def on_env_updated(app: Sphinx, env: BuildEnvironment) -> None:
    """Reading is over: the per-build page map is not kept in the saved environment."""
    sitewide.drop(env, toctrees.PAGES)


def on_env_get_updated(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Every page shows the navigation and links by address: re-write them all when those changed."""
    return sorted(env.found_docs) if getattr(env, _CHANGED, False) else []
