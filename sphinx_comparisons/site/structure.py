"""The site's structure for the site model: its Hugo config, its pages, and the navigation
built from menus or sections."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx_comparisons.config import settings
from sphinx_comparisons.diagnostics import warn
from sphinx_comparisons.hugo import content, menus, navigation, siteconfig, urls
from sphinx_comparisons.site import records

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment

    from sphinx_comparisons.site.state import SiteModel


def site_config(env: BuildEnvironment, old: SiteModel | None) -> tuple[siteconfig.SiteConfig, Any]:
    """The Hugo site config and its files' stamp, read again only when one of its files changed."""
    files = siteconfig.find(settings(env.config).config, Path(env.srcdir))
    stamp = siteconfig.stamp(files)
    if old is not None and old.config_stamp == stamp:
        return old.site_config, stamp
    return siteconfig.load(files), stamp


def pages(env: BuildEnvironment, config: siteconfig.SiteConfig) -> dict[str, content.Page]:
    """Every Markdown page the scan holds, as Hugo sees it (drafts and all)."""
    out = {}
    options = content.BuildOptions.from_config(
        config.values, settings(env.config).build
    )  # buildDrafts & co.
    for docname in sorted(env.found_docs):
        fm = records.front_matter(env, docname)
        if fm is not None:
            path = str(env.doc2path(docname, False)).replace("\\", "/")
            out[docname] = content.Page(docname, path, fm.params, fm.key_lines, options)
    return out


def is_hugo_home(env: BuildEnvironment) -> bool:
    """Whether the tree is Hugo's: its root document is ``_index.md`` at the top.

    Hugo's rules that would take pages from a Sphinx tree (bundles' other
    files, folders as sections) apply only then.
    """
    root = env.config.root_doc
    return (
        root in env.found_docs and str(env.doc2path(root, False)).replace("\\", "/") == "_index.md"
    )


def _choose_menus(setting: list[str] | None, tree: dict[str, Any], count: int) -> list[str]:
    """``hugo_menus`` unset: the menu most pages are in, if it holds at least half of them."""
    if setting is not None:
        return setting
    found = menus.busiest(tree)
    return [found[0]] if found is not None and found[1] * 2 >= count else []


def build_navigation(
    env: BuildEnvironment,
    config: siteconfig.SiteConfig,
    found: dict[str, content.Page],
    url_index: dict[str, str],
    hugo_home: bool,
) -> navigation.Navigation:
    """The navigation for the current tree, reporting every menu problem with its location.

    ``url_index`` maps each page's normalised URL to its key (menu entries may name pages by URL).
    """
    root = env.config.root_doc
    tree = content.section_tree(
        found.values(),
        root if root in found else None,
        fileless=hugo_home,
        pluralize=config.values.get("pluralizelisttitles") is not False,
        capitalize=config.values.get("capitalizelisttitles") is not False,
    )
    lists = navigation.section_lists(tree, found)
    menu_tree, problems = content.menus_of(
        found.values(),
        config.values.get("menus"),
        lambda menu, index: config.origin(
            f"menus.{menu}.{index}" if index >= 0 else f"menus.{menu}"
        ),
        records.limits(env).menu_depth,
    )
    for problem in problems:
        where = problem.origin
        warn(
            problem.subtype,
            problem.message,
            location=where if where[0] in found else f"{where[0]}:{where[1]}",
        )
    names = _choose_menus(settings(env.config).menus, menu_tree, len(found))
    for name in names:
        if name not in menu_tree:
            known = ", ".join(sorted(menu_tree)) or "none"
            warn(
                "config",
                f"hugo_menus names menu {name!r}, which no page or config entry uses "
                f"(menus: {known})",
            )
    if not names:
        return navigation.from_sections(tree, found, root)
    return navigation.from_menus(
        menu_tree, names, root, lambda url: url_index.get(urls.normalize(url)), lists
    )
