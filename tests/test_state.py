"""One state model: a change in the site reaches every page that shows it, in every process."""

from __future__ import annotations

from pathlib import Path

from conftest import app_warnings, output_of, soup, sphinx_build, warnings_of, write_tree


def _rebuild(make_app, src: Path, builder: str = "dirhtml"):
    app = make_app(builder, srcdir=src)
    app.build()
    return app


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new))


def test_a_link_follows_when_a_page_takes_its_address(make_app, tmp_path):
    src = write_tree(
        tmp_path,
        {
            "conf.py": 'extensions = ["sphinx_comparisons"]\n',
            "_index.md": "---\ntitle: Home\n---\n",
            "a.md": "---\ntitle: A\n---\n\nSee [the moved page](/moved/).\n",
            "b.md": "---\ntitle: B\n---\n\nText.\n",
        },
    )
    app = _rebuild(make_app, src)
    assert any("link_unresolved" in w for w in app_warnings(app))
    _edit(src / "b.md", "title: B\n", "title: B\nslug: moved\n")
    app = _rebuild(make_app, src)
    link = next(
        a for a in soup(output_of(app, "a")).select("a") if a.get_text() == "the moved page"
    )
    assert link["href"] == "../moved/" and "internal" in link["class"]


def test_an_automatic_related_block_follows_the_pages_it_lists(make_app, tmp_path):
    src = write_tree(
        tmp_path,
        {
            "conf.py": 'extensions = ["sphinx_comparisons"]\nhugo_related_pages = 2\n',
            "_index.md": "---\ntitle: Home\n---\n",
            "a.md": "---\ntitle: A\ntags: [db]\n---\n\nText.\n",
            "b.md": "---\ntitle: Bee\ntags: [db]\n---\n\nText.\n",
        },
    )
    app = _rebuild(make_app, src)
    assert "Bee" in soup(output_of(app, "a")).select_one(".hugo-related").get_text()
    _edit(src / "b.md", "title: Bee", "title: Wasp")
    app = _rebuild(make_app, src)
    block = soup(output_of(app, "a")).select_one(".hugo-related").get_text()
    assert "Wasp" in block and "Bee" not in block


def test_heading_ids_follow_the_site_configs_scheme(make_app, tmp_path):
    write_tree(tmp_path, {"hugo.toml": 'title = "Site"\n'})
    src = write_tree(
        tmp_path / "content",
        {
            "conf.py": 'extensions = ["sphinx_comparisons"]\n',
            "_index.md": "---\ntitle: Home\n---\n",
            "a.md": "---\ntitle: A\n---\n\n## Cats & dogs\n\nText.\n",
        },
    )
    app = _rebuild(make_app, src)
    assert soup(output_of(app, "a")).select_one("section#cats--dogs") is not None
    (tmp_path / "hugo.toml").write_text(
        'title = "Site"\n[markup.goldmark.parser]\nautoHeadingIDType = "blackfriday"\n'
    )
    app = _rebuild(make_app, src)
    assert soup(output_of(app, "a")).select_one("section#cats-dogs") is not None


def test_parallel_readers_bring_back_what_their_pages_hold(tmp_path):
    """Each page's anchors come from the reader that read it: a link to a missing anchor on a
    page read by another process is reported as in a serial build."""
    files = {"_index.md": "---\ntitle: Home\n---\n"}
    for number in range(12):
        following = (number + 1) % 12
        anchor = "nowhere" if number == 5 else "part"
        files[f"p{number}.md"] = (
            f"---\ntitle: Page {number}\n---\n\n## Part\n\n"
            f"On to [the next](p{following}.md#{anchor}).\n"
        )
    src = write_tree(tmp_path / "src", files)
    serial = sphinx_build(src, tmp_path / "j1", "-b", "dirhtml", "-j", "1")
    parallel = sphinx_build(src, tmp_path / "j2", "-b", "dirhtml", "-j", "2")
    assert serial.returncode == parallel.returncode == 0
    anchors = [w for w in warnings_of(parallel.stderr) if "link_anchor" in w]
    assert len(anchors) == 1 and "p5.md:7" in anchors[0] and "#nowhere" in anchors[0], anchors
    assert sorted(warnings_of(serial.stderr)) == sorted(warnings_of(parallel.stderr))


def test_settings_are_the_public_config_values_validated(make_app, tmp_path):
    src = write_tree(
        tmp_path,
        {
            "conf.py": (
                'extensions = ["sphinx_comparisons"]\n'
                'hugo_related_pages = "many"\nhugo_menus = "main"\n'
            ),
            "_index.md": "---\ntitle: Home\n---\n",
        },
    )
    app = make_app("html", srcdir=src)
    assert any("hugo_related_pages must be int" in w for w in app_warnings(app))
    assert app.config.hugo_related_pages == 0
    assert app.config.hugo_menus == ["main"]
