"""Draft, future and expired pages are not built, as Hugo leaves them out.

Hugo's rule: ``hugolib/site.go`` (``shouldBuild``).
"""

from __future__ import annotations

import json
import shutil

import pytest

from conftest import FIXTURES, needs_shared, site_files, sphinx_build, warnings_of, write_tree
from sphinx_comparisons.hugo import content, frontmatter


@needs_shared
@pytest.mark.parametrize("name", ["34-draft-future-expired", "35-draft-future-expired-included"])
def test_fixture_pages_and_aliases_are_hugos(tmp_path, name):
    site = tmp_path / name
    shutil.copytree(FIXTURES / name, site)
    # no content/_index.md: the home page Hugo makes is written for Sphinx (it is in ``files``)
    expected = json.loads((site / "expected.json").read_text())
    result = sphinx_build(site / "content", tmp_path / "out", "-b", "dirhtml")
    assert result.returncode == 0, result.stderr
    assert warnings_of(result.stderr) == []
    assert site_files(tmp_path / "out") == set(expected["files"])


@pytest.mark.slow  # an edit sequence: builds after each edit
def test_left_out_pages_in_the_build_and_after_edits(tmp_path):
    src = write_tree(
        tmp_path / "src",
        {
            "_index.md": "---\ntitle: Home\n---\n\n",
            "docs/_index.md": "---\ntitle: Docs\ndraft: true\n---\n",
            "docs/a.md": "---\ntitle: A\nmenu: main\n---\n\nText.\n",
            "docs/sub/_index.md": "---\ntitle: Sub\n---\n",
            "docs/sub/b.md": "---\ntitle: B\nmenu: main\n---\n",
            "docs/wip.md": (
                "---\ntitle: Work in progress\ndraft: true\nmenu: main\naliases: [/old-wip/]\n---\n"
            ),
        },
    )
    out = tmp_path / "out"
    assert sphinx_build(src, out, "-b", "dirhtml").returncode == 0
    # a draft section page is not written; its descendants are (Hugo 0.123 and later)
    assert site_files(out) == {
        "index.html",
        "docs/a/index.html",
        "docs/sub/index.html",
        "docs/sub/b/index.html",
    }
    home = (out / "index.html").read_text()
    assert "Work in progress" not in home and ">A<" in home
    # the draft is published: it is built, with its alias; then drafted again: both go
    wip = src / "docs" / "wip.md"
    wip.write_text(wip.read_text().replace("draft: true\n", ""))
    assert sphinx_build(src, out, "-b", "dirhtml").returncode == 0
    assert {"docs/wip/index.html", "old-wip/index.html"} <= site_files(out)
    assert "Work in progress" in (out / "index.html").read_text()
    wip.write_text(wip.read_text().replace("menu: main\n", "menu: main\ndraft: true\n"))
    result = sphinx_build(src, out, "-b", "dirhtml")
    assert result.returncode == 0 and warnings_of(result.stderr) == []
    assert site_files(out) == {
        "index.html",
        "docs/a/index.html",
        "docs/sub/index.html",
        "docs/sub/b/index.html",
    }
    assert "Work in progress" not in (out / "index.html").read_text()


def test_a_preview_build_includes_drafts_from_the_command_line(tmp_path):
    src = write_tree(
        tmp_path / "src",
        {
            "_index.md": "---\ntitle: Home\n---\n",
            "wip.md": "---\ntitle: Work in progress\ndraft: true\n---\n\nText.\n",
            "later.md": "---\ntitle: Later\npublishDate: 2999-01-01\n---\n",
        },
    )
    out = tmp_path / "out"
    result = sphinx_build(src, out, "-b", "dirhtml", "-D", "hugo_build=drafts")
    assert result.returncode == 0 and warnings_of(result.stderr) == []
    assert site_files(out) == {"index.html", "wip/index.html"}
    # the setting is config: turning it off drops the draft again, output and all
    result = sphinx_build(src, out, "-b", "dirhtml")
    assert result.returncode == 0 and site_files(out) == {"index.html"}
    result = sphinx_build(src, out, "-b", "dirhtml", "-D", "hugo_build=drafts,future")
    assert site_files(out) == {"index.html", "wip/index.html", "later/index.html"}
    result = sphinx_build(src, tmp_path / "bad", "-b", "dirhtml", "-D", "hugo_build=everything")
    assert any(
        "hugo_build must be" in w and "[hugo.config]" in w for w in warnings_of(result.stderr)
    )


@pytest.mark.parametrize(
    ("params", "options", "expected"),
    [
        ({"draft": True}, content.BuildOptions(), "draft"),
        ({"draft": True}, content.BuildOptions(drafts=True), None),
        (frontmatter.parse("---\npublished: false\n---\n").params, content.BuildOptions(), "draft"),
        (
            frontmatter.parse("---\npublished: false\ndraft: false\n---\n").params,
            content.BuildOptions(),
            None,
        ),  # draft wins
        ({"date": "2999-01-01"}, content.BuildOptions(), "future"),
        ({"date": "2000-01-01", "publishdate": "2999-01-01"}, content.BuildOptions(), "future"),
        ({"date": "2999-01-01"}, content.BuildOptions(future=True), None),
        ({"expirydate": "2000-01-01"}, content.BuildOptions(), "expired"),
        ({"expirydate": "2000-01-01"}, content.BuildOptions(expired=True), None),
        ({"expirydate": "2999-01-01", "date": "2000-01-01"}, content.BuildOptions(), None),
        ({"date": "not a date"}, content.BuildOptions(), None),
    ],
)
def test_left_out(params, options, expected):
    assert content.left_out(params, options) == expected


def test_build_options_from_a_site_config():
    assert content.BuildOptions.from_config(
        {"builddrafts": True, "buildfuture": "yes"}
    ) == content.BuildOptions(drafts=True)
