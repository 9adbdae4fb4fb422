"""Navigation from Hugo menus or sections, injected as hidden toctrees.

Computed once per build in the main process, before reading (see
``model.py``), from the front matter the scan already holds.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms import SphinxTransform

from sphinx_comparisons import pipeline
from sphinx_comparisons.diagnostics import warn
from sphinx_comparisons.hugo import content, menus, navigation, siteconfig, urls
from sphinx_comparisons.site import records, sitewide

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

NAV = "hugo_navigation"
_CONFIG = "hugo_site_config"
_ORPHANED = "hugo_orphaned"


def site_config(env: BuildEnvironment) -> siteconfig.SiteConfig:
    """The Hugo site config, re-read only when one of its files changed."""
    files = siteconfig.find(records.hugo_config(env).config, Path(env.srcdir))
    stamp = siteconfig.stamp(files)
    cached = getattr(env, _CONFIG, None)
    if cached is not None and cached[0] == stamp:
        return cached[1]  # type: ignore[no-any-return]
    loaded = siteconfig.load(files)
    setattr(env, _CONFIG, (stamp, loaded))
    return loaded


#: This build's pages, set before reading (``model.py``) and dropped before the
#: environment is saved: readers use it instead of rebuilding it for each page.
PAGES = "hugo_build_pages"


def build_pages(env: BuildEnvironment) -> dict[str, content.Page]:
    """The pages as the model saw them this build (computed here when there is no model yet)."""
    found = sitewide.get(env, PAGES)
    return found if found is not None else pages(env)


def pages(env: BuildEnvironment) -> dict[str, content.Page]:
    out = {}
    options = content.BuildOptions.from_config(site_config(env).values, records.hugo_config(env).build)  # buildDrafts & co.
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
    return root in env.found_docs and str(env.doc2path(root, False)).replace("\\", "/") == "_index.md"


def _choose_menus(setting: list[str] | None, tree: dict[str, Any], count: int) -> list[str]:
    """``hugo_menus`` unset: the menu most pages are in, if it holds at least half of them."""
    if setting is not None:
        return setting
    found = menus.busiest(tree)
    return [found[0]] if found is not None and found[1] * 2 >= count else []



def build(
    env: BuildEnvironment, config: siteconfig.SiteConfig, found: dict[str, content.Page], url_index: dict[str, str]
) -> navigation.Navigation:
    """The navigation for the current tree, reporting every menu problem with its location.

    ``url_index`` maps each page's normalised URL to its key (menu entries may name pages by URL).
    """
    root = env.config.root_doc
    tree = content.section_tree(
        found.values(),
        root if root in found else None,
        fileless=is_hugo_home(env),
        pluralize=config.values.get("pluralizelisttitles") is not False,
        capitalize=config.values.get("capitalizelisttitles") is not False,
    )
    lists = navigation.section_lists(tree, found)
    settings = records.hugo_config(env)
    menu_tree, problems = content.menus_of(
        found.values(),
        config.values.get("menus"),
        lambda menu, index: config.origin(f"menus.{menu}.{index}" if index >= 0 else f"menus.{menu}"),
        records.limits(env).menu_depth,
    )
    for problem in problems:
        where = problem.origin
        warn(problem.subtype, problem.message, location=where if where[0] in found else f"{where[0]}:{where[1]}")
    names = _choose_menus(settings.menus, menu_tree, len(found))
    for name in names:
        if name not in menu_tree:
            known = ", ".join(sorted(menu_tree)) or "none"
            warn("config", f"hugo_menus names menu {name!r}, which no page or config entry uses (menus: {known})")
    if not names:
        return navigation.from_sections(tree, found, root)
    return navigation.from_menus(
        menu_tree, names, root, lambda url: url_index.get(urls.normalize(url)), lists
    )


def on_env_updated(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Pages the navigation does not reach are orphans: built, linkable, not warned about."""
    nav: navigation.Navigation | None = sitewide.get(env, NAV)
    if nav is None:
        return []
    flagged: set[str] = getattr(env, _ORPHANED, set())
    for docname in flagged - set(env.found_docs):
        flagged.discard(docname)
    for docname in env.found_docs:
        meta = env.metadata[docname]
        wanted = docname not in nav.reached and records.is_markdown(env, docname)
        if wanted and "orphan" not in meta:
            meta["orphan"] = True
            flagged.add(docname)
        elif not wanted and docname in flagged:
            meta.pop("orphan", None)
            flagged.discard(docname)
    setattr(env, _ORPHANED, flagged)
    return []


class InjectToctrees(SphinxTransform):
    """Append the page's navigation as hidden toctrees to its top section."""

    default_priority = pipeline.TOCTREES

    def apply(self, **kwargs: Any) -> None:
        nav: navigation.Navigation | None = sitewide.get(self.env, NAV)
        docname = self.env.docname
        groups = nav.toctrees.get(docname) if nav else None
        if not groups:
            return
        parent = self.document.next_node(nodes.section) or self.document
        for group in groups:
            parent.append(self._toctree(docname, group))

    def _toctree(self, docname: str, group: navigation.NavGroup) -> nodes.Element:
        toctree = addnodes.toctree()
        toctree["parent"] = docname
        toctree["entries"] = [(item.label, item.target) for item in group.items]
        toctree["includefiles"] = [item.target for item in group.items if not item.external]
        toctree["maxdepth"] = -1
        toctree["caption"] = group.caption
        toctree["rawcaption"] = group.caption or ""
        toctree["glob"] = False
        toctree["hidden"] = True
        toctree["includehidden"] = False
        toctree["numbered"] = 0
        toctree["titlesonly"] = False
        wrapper = nodes.compound(classes=["toctree-wrapper"])
        wrapper += toctree
        return wrapper
