"""Every place this extension relies on an internal of Sphinx, docutils, MyST or sphinx-design.

Each function says what it relies on, why no public API does the job, and the versions it was
checked against; ``tests/test_compat.py`` fails when one of them moves, and fails when a module
outside this package reaches for an internal itself. So an upgrade has one place to check:

- ``sphinx.py``: builder paths, the page being read, config provenance,
  pages leaving the build, titles and tables of contents, metadata, toctree nodes.
- ``myst.py``: MyST's renderer behind a directive or role, its link nodes and raw HTML, and
  wrappers of its parser.
- ``reading.py``: what Sphinx and MyST make again for every page read (docutils settings, a
  markdown-it parser, a default document), made once per process.
- ``design.py``: sphinx-design's component containers, tab sync keys, card markup.
- ``toctrees.py``: the global toctree resolved for no page, relative URIs, toctree
  ancestors, furo's navigation tree, pydata-sphinx-theme's section toctree and sidebar.
- ``partials.py``: page titles rendered to HTML once per build (the relations' links).
- ``search.py``: the HTML builders' search index file, and its stemmer asked once per word.
- ``docutils.py``: located ``meta`` tags, where ``:file:`` options read, translated directive
  names, attributes added to a start tag.
"""

from sphinx_comparisons.compat import (
    design,
    docutils,
    myst,
    partials,
    reading,
    search,
    sphinx,
    toctrees,
)

__all__ = ["design", "docutils", "myst", "partials", "reading", "search", "sphinx", "toctrees"]
