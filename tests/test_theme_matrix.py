"""The example site in every common theme and builder: no exception, no warning, no broken link."""

from __future__ import annotations

import importlib.util
import json
import re
import shutil

import pytest

from conftest import ROOT, sphinx_build, strip_ansi, write_tree
from site_links import broken_links

THEMES = ["alabaster", "furo", "pydata_sphinx_theme", "sphinx_book_theme", "sphinx_rtd_theme"]
HTML_BUILDERS = ["html", "dirhtml", "singlehtml", "epub"]
#: Themes do not change these builders' output: one theme is enough.
OTHER_BUILDERS = [("latex", "furo"), ("text", "furo")]
MATRIX = [(builder, theme) for builder in HTML_BUILDERS for theme in THEMES] + OTHER_BUILDERS
#: Sphinx's own singlehtml links: to files it does not write, and a toctree's links to other
#: documents' sections, ``#document-x#y`` (sphinx-doc/sphinx#14221), with or without us.
SINGLEHTML = re.compile(
    r" -> (genindex\.html|search\.html|searchindex\.js|#document-[^# ]+#[^ ]+) \("
)


def _build_example(tmp_path, *args: str):
    src = tmp_path / "src"
    shutil.copytree(ROOT / "example_docs", src, ignore=shutil.ignore_patterns("_build"))
    return sphinx_build(src, tmp_path / "out", *args, "-d", str(tmp_path / "doctrees"))


@pytest.mark.slow
@pytest.mark.parametrize(("builder", "theme"), MATRIX)
def test_example_site_builds(tmp_path, theme, builder):
    if importlib.util.find_spec(theme) is None:
        pytest.skip(f"{theme} is not installed (it is in the 'test' extra)")
    result = _build_example(tmp_path, "-b", builder, "-D", f"html_theme={theme}")
    assert result.returncode == 0, result.stderr[-3000:]
    ours = [line for line in strip_ansi(result.stderr).splitlines() if "[hugo." in line]
    assert ours == []
    if (
        builder != "epub"
    ):  # epub warns about its own settings (version, file types), not about pages
        assert [line for line in strip_ansi(result.stderr).splitlines() if "WARNING" in line] == []
    if builder in ("html", "dirhtml", "singlehtml"):
        broken = broken_links(tmp_path / "out")
        assert [
            link for link in broken if builder != "singlehtml" or not SINGLEHTML.search(link)
        ] == []


def test_a_broken_internal_link_or_anchor_is_found(tmp_path):
    src = write_tree(
        tmp_path / "src",
        {
            "_index.md": "---\ntitle: Home\n---\n\n[g](guide/) [in](guide/setup/#first-steps)\n",
            "guide/_index.md": "---\ntitle: Guide\n---\n\n[home](../)\n",
            "guide/setup.md": (
                "---\ntitle: Setup\n---\n\n## First steps\n\n[gone](../gone/) [no](../#nowhere)\n"
            ),
        },
    )
    for builder, page, up in (
        ("dirhtml", "guide/setup/index.html", "../"),
        ("html", "guide/setup.html", "index.html"),
    ):
        out = tmp_path / builder
        assert sphinx_build(src, out, "-b", builder).returncode == 0
        assert broken_links(out) == [
            f"{page} -> ../gone/ (no such file)",
            f"{page} -> {up}#nowhere (no id 'nowhere' on guide/index.html)",
        ]


@pytest.mark.slow
def test_linkcheck_builder_sees_every_outside_link(tmp_path):
    result = _build_example(tmp_path, "-b", "linkcheck", "-D", "linkcheck_ignore=https?://.*")
    assert result.returncode == 0, result.stderr[-3000:]
    assert (tmp_path / "out" / "output.txt").is_file(), "the linkcheck builder wrote no report"
    rows = [
        json.loads(line) for line in (tmp_path / "out" / "output.json").read_text().splitlines()
    ]
    assert {row["status"] for row in rows} == {"ignored"}
    assert len(rows) == 7 and all(
        row["uri"].startswith("https://example.com/blog/") for row in rows
    )
