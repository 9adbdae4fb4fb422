"""The ``hugo-check`` builder: a dirhtml build that writes no site (``sphinx-comparisons check``).

It is Sphinx's ``dirhtml`` builder up to the last step: every page is read,
resolved (the post-transforms that check links at their final address run) and
translated to HTML (where code highlighting warns), so every warning a site
build gives comes from the same code. Then nothing is written: no page, index,
search index, image or static file.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx.builders.dirhtml import DirectoryHTMLBuilder

if TYPE_CHECKING:
    from docutils import nodes

NAME = "hugo-check"


class CheckBuilder(DirectoryHTMLBuilder):
    name = NAME
    epilog = "The pages were read and checked; no files were written."

    def write_doc(self, docname: str, doctree: nodes.document) -> None:
        """The page translated to HTML as ``dirhtml`` translates it, and dropped."""
        doctree.settings = self.docsettings
        self.secnumbers = self.env.toc_secnumbers.get(docname, {})
        self.fignumbers = self.env.toc_fignumbers.get(docname, {})
        self.current_docname = docname
        doctree.walkabout(self.create_translator(doctree, self))

    def write_doc_serialized(self, docname: str, doctree: nodes.document) -> None:
        """No search index."""

    def copy_assets(self) -> None:
        """No static files."""

    def finish(self) -> None:
        """No index pages, images or search index."""
