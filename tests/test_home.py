"""A tree without a home page builds: the home page Hugo would make is written for Sphinx."""

from __future__ import annotations

from conftest import app_warnings, site_files, sphinx_build, warnings_of, write_tree
from sphinx_comparisons.site import home


def test_the_home_page_hugo_makes_is_written_once(tmp_path):
    src, out = tmp_path / "site" / "content", tmp_path / "out"
    write_tree(
        tmp_path / "site",
        {
            "hugo.toml": 'title = "Larkspur \\"docs\\""\n',
            "content/docs/_index.md": "---\ntitle: Docs\n---\n",
            "content/docs/a.md": "---\ntitle: A\n---\n\nText.\n",
        },
    )
    result = sphinx_build(src, out, "-b", "dirhtml")
    assert result.returncode == 0 and warnings_of(result.stderr) == [], result.stderr
    written = src / "_index.md"
    assert written.read_text() == home.text('Larkspur "docs"')
    assert site_files(out) == {"index.html", "docs/index.html", "docs/a/index.html"}
    page = (out / "index.html").read_text()
    assert "<title>Larkspur &#34;docs&#34;" in page or "<title>Larkspur &quot;docs&quot;" in page
    assert 'href="docs/"' in page  # the home lists the top-level section

    written.write_text(
        written.read_text().replace('"Larkspur \\"docs\\""', "Welcome")
    )  # the user's to edit
    stamp = written.stat().st_mtime_ns
    assert sphinx_build(src, out, "-b", "dirhtml").returncode == 0
    assert written.stat().st_mtime_ns == stamp and "Welcome" in written.read_text()


def test_a_tree_with_a_root_page_gets_none(tmp_path):
    src = write_tree(tmp_path / "src", {"index.md": "# Start\n\nA Sphinx root page.\n"})
    assert sphinx_build(src, tmp_path / "out", "-b", "html").returncode == 0
    assert not (src / "_index.md").exists()


def test_a_home_that_cannot_be_written_is_reported(make_app, tmp_path):
    write_tree(
        tmp_path,
        {
            "conf.py": 'extensions = ["sphinx_comparisons"]\n',
            "_index.md": "---\ntitle: Home\n---\n",
        },
    )
    app = make_app("html", srcdir=tmp_path)
    assert home.write(tmp_path / "no-such-folder", "Home") is False
    assert any("[hugo.home]" in w and "could not be written" in w for w in app_warnings(app))
