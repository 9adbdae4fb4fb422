"""Navigation from Hugo menus or sections, injected as hidden toctrees.

The navigation is a fact of the site model (``site/structure.py``), computed once
per build in the main process before reading.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.transforms import SphinxTransform

from sphinx_comparisons import compat, pipeline
from sphinx_comparisons.hugo import navigation
from sphinx_comparisons.site import domain, records, state

if TYPE_CHECKING:
    from collections.abc import Iterable

    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment


def renavigated(
    app: Sphinx, env: BuildEnvironment, old: state.SiteModel | None, new: state.SiteModel
) -> Iterable[str]:
    """When the site changed: pages whose toctrees or section list the navigation changed."""
    if old is None:
        return set()
    before, after = old.navigation, new.navigation
    keys = (
        set(before.toctrees)
        | set(after.toctrees)
        | set(before.section_lists)
        | set(after.section_lists)
    )
    return {key for key in keys if before.page_state(key) != after.page_state(key)}


def on_env_updated(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Pages the navigation does not reach are orphans: built, linkable, not warned about."""
    nav = state.model(env).navigation
    flagged = domain.of(env).orphans()
    for docname in env.found_docs:
        wanted = docname not in nav.reached and records.is_markdown(env, docname)
        if wanted and not compat.sphinx.is_orphan(env, docname):
            compat.sphinx.set_orphan(env, docname, True)
            flagged[docname] = True
        elif not wanted and docname in flagged:
            compat.sphinx.set_orphan(env, docname, False)
            del flagged[docname]
    return []


class InjectToctrees(SphinxTransform):
    """Append the page's navigation as hidden toctrees to its top section."""

    default_priority = pipeline.TOCTREES

    def apply(self, **kwargs: Any) -> None:
        docname = self.env.docname
        groups = state.model(self.env).navigation.toctrees.get(docname)
        if not groups:
            return
        parent = self.document.next_node(nodes.section) or self.document
        for group in groups:
            parent.append(self._toctree(docname, group))

    def _toctree(self, docname: str, group: navigation.NavGroup) -> nodes.Element:
        toctree = compat.sphinx.hidden_toctree(
            docname,
            [(item.label, item.target) for item in group.items],
            [item.target for item in group.items if not item.external],
            group.caption,
        )
        wrapper = nodes.compound(classes=["toctree-wrapper"])
        wrapper += toctree
        return wrapper
