"""Our own handler failing on one page: a located hugo.internal warning, and the build goes on."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest
from sphinx.errors import SphinxError

from conftest import app_warnings, output_of, write_tree
from sphinx_comparisons.components import comparison, related_posts, symbols
from sphinx_comparisons.page import heading_ids, html_context
from sphinx_comparisons.site import domain

PAGES = {
    "conf.py": 'extensions = ["sphinx_comparisons"]\n',
    "_index.md": "---\ntitle: Home\n---\n\nhome text\n",
    "a.md": (
        "---\ntitle: Page A\n---\n\nfirst paragraph, [see B](b.md)\n\n## Part\n\n"
        '| x |\n| --- |\n| <i class="fa-solid fa-check"></i> |\n\n'
        "```{comparison}\nproducts: [P]\nfeatures:\n  F: [yes]\n```\n\nlast paragraph\n"
    ),
    "b.md": "---\ntitle: Page B\n---\n\nother page text\n",
}


def _page_of(args) -> str | None:
    """The page a handler was called for, whatever its signature."""
    named = [a for a in args if isinstance(a, str) and a in ("a", "b", "_index")]
    if named:
        return named[0]
    builder = getattr(args[0], "builder", None)  # an HTML visitor's translator
    if getattr(builder, "current_docname", None):
        return builder.current_docname
    env = next(getattr(a, "env", None) for a in args if getattr(a, "env", None) is not None)
    return env.docname


def build(make_app, tmp_path: Path):
    write_tree(tmp_path, PAGES)
    app = make_app("dirhtml", srcdir=tmp_path)
    app.build()
    internal = [w for w in app_warnings(app) if "[hugo.internal]" in w]
    return app, internal


@pytest.mark.parametrize(
    ("owner", "name", "where"),
    [
        (heading_ids.AssignHeadingIds, "apply", "a.md:"),  # a transform
        (domain.HugoDomain, "resolve_xref", "a.md:5:"),  # a domain resolving a link, at its line
        (domain.HugoDomain, "process_doc", "a.md:"),  # a domain collecting what a page holds
        (comparison.ComparisonDirective, "run", "a.md:13:"),  # a directive, at its line
        (symbols, "visit_symbol_html", "a.md:"),  # a node's HTML visitor
        (related_posts, "on_source_read", "a.md:"),  # source-read
        (html_context, "on_page_context", "a.md:"),  # html-page-context
    ],
)
def test_a_failing_handler_is_a_located_warning_and_the_build_goes_on(
    make_app, tmp_path, monkeypatch, owner, name, where
):
    real = getattr(owner, name)

    @functools.wraps(real)
    def fail_on_a(*args, **kwargs):
        if _page_of(args) == "a":
            raise RuntimeError("deliberate failure")
        return real(*args, **kwargs)

    monkeypatch.setattr(owner, name, fail_on_a)
    app, internal = build(make_app, tmp_path)
    assert internal, app_warnings(app)
    assert all(
        where in w and "'a'" in w and name in w and "deliberate failure" in w for w in internal
    ), internal
    page = output_of(app, "a").read_text(encoding="utf-8")
    assert "first paragraph" in page and "last paragraph" in page
    assert "other page text" in output_of(app, "b").read_text(encoding="utf-8")


def test_a_failing_source_read_handler_leaves_the_source_as_it_was(make_app, tmp_path, monkeypatch):
    def rewrite_then_fail(app, docname, source):
        source[0] = "# Half done\n"
        raise RuntimeError("deliberate failure")

    monkeypatch.setattr(related_posts, "on_source_read", rewrite_then_fail)
    app, internal = build(make_app, tmp_path)
    assert len(internal) == 3  # one per page, each naming it
    page = output_of(app, "a").read_text(encoding="utf-8")
    assert "Half done" not in page and "first paragraph" in page


@pytest.mark.parametrize("error", [SphinxError("deliberate"), KeyboardInterrupt(), MemoryError()])
def test_deliberate_stops_are_not_contained(make_app, tmp_path, monkeypatch, error):
    def stop(self, **kwargs):
        raise error

    monkeypatch.setattr(heading_ids.AssignHeadingIds, "apply", stop)
    write_tree(tmp_path, PAGES)
    app = make_app("dirhtml", srcdir=tmp_path)
    with pytest.raises((type(error), SphinxError)):
        app.build()
