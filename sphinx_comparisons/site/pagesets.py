"""Sets of pages kept on the environment while reading, merged after parallel reads.

Used for pages whose content depends on other pages (an assembled comparison
table, an automatic related-pages block), so they can be re-read when those change.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx.environment.collectors import EnvironmentCollector

if TYPE_CHECKING:
    from collections.abc import Set as AbstractSet

    from docutils import nodes
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment


def pages(env: BuildEnvironment, attribute: str) -> set[str]:
    found = getattr(env, attribute, None)
    if found is None:
        found = set()
        setattr(env, attribute, found)
    return found


def collector(attribute: str) -> type[EnvironmentCollector]:
    """An environment collector that forgets re-read pages and merges parallel reads."""

    class PageSet(EnvironmentCollector):
        """The pages of one set: forgotten when re-read, merged after parallel reads."""

        def clear_doc(self, app: Sphinx, env: BuildEnvironment, docname: str) -> None:
            pages(env, attribute).discard(docname)

        def merge_other(self, app: Sphinx, env: BuildEnvironment, docnames: AbstractSet[str], other: BuildEnvironment) -> None:
            pages(env, attribute).update(docnames & getattr(other, attribute, set()))

        def process_doc(self, app: Sphinx, doctree: nodes.document) -> None:
            pass

    PageSet.__name__ = f"PageSet_{attribute}"
    return PageSet
