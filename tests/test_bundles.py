"""A leaf bundle's other files are its resources, never pages.

As in Hugo, where a leaf bundle is ``paths.TypeLeaf`` (``common/paths/pathparser.go``).
"""

from __future__ import annotations

import json
import shutil

import pytest

from conftest import FIXTURES, needs_shared, site_files, sphinx_build, warnings_of, write_tree
from sphinx_comparisons.hugo import content


@needs_shared
def test_fixture_files_are_hugos(tmp_path):
    site = tmp_path / "site"
    shutil.copytree(FIXTURES / "12-bundles-plain-dirs", site)
    # no content/_index.md: the home page Hugo makes is written for Sphinx (it is in ``files``)
    result = sphinx_build(site / "content", tmp_path / "out", "-b", "dirhtml")
    assert result.returncode == 0, result.stderr
    assert warnings_of(result.stderr) == []
    assert site_files(tmp_path / "out") == set(
        json.loads((site / "expected.json").read_text())["files"]
    )


HUGO_TREE = {
    "_index.md": "---\ntitle: Home\n---\n",
    "docs/_index.md": "---\ntitle: Docs\n---\n",
    "docs/b/extra.md": "---\ntitle: Extra\n---\n\nSome text.\n",
    "docs/b/deeper/more.md": "---\ntitle: More\n---\n",
}


@pytest.mark.slow  # an edit sequence: builds after adding and removing files
def test_adding_and_removing_the_bundle_index_across_builds(tmp_path):
    src, out = write_tree(tmp_path / "src", HUGO_TREE), tmp_path / "out"
    assert sphinx_build(src, out, "-b", "dirhtml").returncode == 0
    # no index.md yet: a plain folder, whose pages are pages
    assert {"docs/b/extra/index.html", "docs/b/deeper/more/index.html"} <= site_files(out)

    (src / "docs" / "b" / "index.md").write_text("---\ntitle: Bundle\n---\n\nThe bundle.\n")
    result = sphinx_build(src, out, "-b", "dirhtml")
    assert result.returncode == 0 and warnings_of(result.stderr) == []
    assert site_files(out) == {"index.html", "docs/index.html", "docs/b/index.html"}
    docs = (out / "docs" / "index.html").read_text()
    assert "Bundle" in docs and "Extra" not in docs and "More" not in docs

    (src / "docs" / "b" / "index.md").unlink()
    result = sphinx_build(src, out, "-b", "dirhtml")
    assert result.returncode == 0 and warnings_of(result.stderr) == []
    assert site_files(out) == {
        "index.html",
        "docs/index.html",
        "docs/b/extra/index.html",
        "docs/b/deeper/more/index.html",
    }


def test_a_sphinx_tree_keeps_the_pages_beside_an_index(tmp_path):
    """With ``index.md`` as its root the tree is Sphinx's: ``guide/index.md`` has sibling pages."""
    src = write_tree(
        tmp_path / "src",
        {
            "index.md": "# Home\n\n```{toctree}\nguide/index\n```\n",
            "guide/index.md": "# Guide\n\n```{toctree}\ninstall\n```\n",
            "guide/install.md": "# Install\n\nSteps.\n",
        },
    )
    result = sphinx_build(src, tmp_path / "out", "-b", "dirhtml")
    assert result.returncode == 0 and warnings_of(result.stderr) == []
    assert "guide/install/index.html" in site_files(tmp_path / "out")


def _page(path: str) -> content.Page:
    return content.Page(path.removesuffix(".md"), path)


@pytest.mark.parametrize(
    ("paths", "expected"),
    [
        (
            [
                "docs/b/index.md",
                "docs/b/extra.md",
                "docs/b/c/d.md",
                "docs/b/c/_index.md",
                "docs/b/c/index.md",
            ],
            {"docs/b/extra", "docs/b/c/d", "docs/b/c/_index", "docs/b/c/index"},
        ),
        (
            ["docs/b/index.md", "docs/bb/page.md", "docs/page.md", "docs/_index.md"],
            set(),
        ),  # a prefix is not a folder
        (["index.md", "guide.md", "docs/a.md"], set()),  # a top-level index.md is a root document
        (["docs/b/extra.md"], set()),
        (
            ["docs/b/index.md", "docs/b/_index.md", "docs/b/child.md"],
            set(),
        ),  # the _index.md makes it a section (Hugo)
    ],
)
def test_bundle_resources(paths, expected):
    assert content.bundle_resources(_page(p) for p in paths) == expected
