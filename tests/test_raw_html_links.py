"""Addresses in raw HTML resolved like Markdown links; the ``src``/``href`` scanner."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import soup, sphinx_build, warnings_of, write_tree
from sphinx_comparisons.hugo import htmlattrs

CONFIG = "baseURL = 'https://example.org/'\n[markup.goldmark.renderer]\nunsafe = true\n"


def _site(tmp_path: Path, config: str = CONFIG) -> Path:
    return write_tree(
        tmp_path / "site",
        {
            "hugo.toml": config,
            "static/img/logo.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>",
            "content/_index.md": "---\ntitle: Home\n---\n\nHome.\n",
            "content/docs/_index.md": "---\ntitle: Docs\n---\n",
            "content/docs/guide.md": "---\ntitle: Guide\n---\n\n## Setup\n\nText.\n",
            "content/gallery/index.md": (
                "---\ntitle: Gallery\n---\n\n"
                '<div class="row">\n'
                '  <img src="/img/logo.svg" alt="logo">\n'
                '  <img\n    src="shot.png"\n    alt="bundle image"\n  />\n'
                '  <a href="/docs/guide/#setup">Guide</a>\n'
                "  <img src='/img/missing.png'>\n"
                '  <a href="javascript:alert(1)">bad</a>\n'
                '  <img src=" JaVa\tscript:alert(2)">\n'
                '  <a href="https://example.com/x">out</a>\n'
                '  <img src="../../../../../../../../etc/passwd" alt="climb">\n'
                '  <img src="../secret/.env" alt="dot">\n'
                "</div>\n\n"
                'Inline <a href="../docs/">docs</a> link.\n'
            ),
            "content/gallery/shot.png": "png bytes",
            "content/secret/.env": "TOKEN=1",
        },
    )


def test_raw_html_addresses_are_resolved_for_the_builder(tmp_path: Path) -> None:
    src = _site(tmp_path) / "content"
    for builder in ("dirhtml", "html"):
        out = tmp_path / builder
        result = sphinx_build(src, out, "-b", builder)
        assert result.returncode == 0, result.stderr
        page = out / ("gallery/index.html" if builder == "dirhtml" else "gallery.html")
        html = soup(page)
        images = {img.get("alt"): img.get("src") for img in html.find_all("img")}
        base = page.parent
        # static file and bundle resource: both exist where the address leads
        assert (base / images["logo"]).resolve() == (out / "img/logo.svg").resolve()
        assert (base / images["bundle image"]).read_text() == "png bytes"
        body = html.select_one("div.row")
        anchors = {a.get_text(): a.get("href") for a in body.find_all("a")}
        guide = anchors["Guide"]
        assert guide.endswith("#setup")
        assert (base / guide.partition("#")[0]).resolve() in {
            (out / "docs/guide").resolve(),
            (out / "docs/guide.html").resolve(),
        }
        assert anchors["out"] == "https://example.com/x"
        inline = next(a for a in html.find_all("a") if a.get_text() == "docs")["href"]
        assert (base / inline).resolve() in {(out / "docs").resolve(), (out / "docs/index.html")}
        # nothing out of the site, and no dot file, is published
        assert not list(out.rglob("passwd")) and not list(out.rglob(".env"))
        assert images["climb"].endswith("etc/passwd") and images["dot"].endswith(".env")
        assert "javascript" not in page.read_text().lower()
        warnings = warnings_of(result.stderr)
        unresolved = [w for w in warnings if "hugo.link_unresolved" in w and "index.md:" in w]
        assert {"/img/missing.png", "/etc/passwd", "/secret/.env"} == {
            name
            for name in ("/img/missing.png", "/etc/passwd", "/secret/.env")
            if any(name in w for w in unresolved)
        }
        assert sum("hugo.link_scheme" in w for w in warnings) == 2


def test_raw_html_paths_outside_the_site_go_to_the_base_url(tmp_path: Path) -> None:
    src = _site(tmp_path) / "content"
    out = tmp_path / "out"
    result = sphinx_build(src, out, "-b", "dirhtml", "-D", "hugo_base_url=https://live.example/")
    assert "link_unresolved" not in result.stderr
    html = soup(out / "gallery/index.html")
    srcs = [img.get("src") for img in html.find_all("img")]
    assert "https://live.example/img/missing.png" in srcs


def test_raw_html_omitted_by_the_site_is_not_resolved(tmp_path: Path) -> None:
    src = _site(tmp_path, config="baseURL = 'https://example.org/'\n") / "content"
    out = tmp_path / "out"
    result = sphinx_build(src, out, "-b", "dirhtml")
    assert "link_unresolved" not in result.stderr
    assert "raw HTML omitted" in (out / "gallery/index.html").read_text()


@pytest.mark.parametrize(
    ("fragment", "expected"),
    [
        ('<img src="a.png">', [("src", "a.png")]),
        ("<a HREF='b/'>x</a>", [("href", "b/")]),
        ("<a href=c/>", [("href", "c/")]),
        ('<img data-src="no" src="a&amp;b">', [("src", "a&b")]),
        ('text src="not-a-tag"', []),
        ("<a href=\"x\" title='href=y'>", [("href", "x")]),
    ],
)
def test_links_found_in_start_tags(fragment: str, expected: list[tuple[str, str]]) -> None:
    assert [(link.name, link.value) for link in htmlattrs.links(fragment)] == expected


def test_replaced_quotes_a_bare_value() -> None:
    fragment = "<a href=x>y</a>"
    start = htmlattrs.links(fragment)[0].start
    assert htmlattrs.replaced(fragment, {start: "a b"}) == '<a href="a b">y</a>'


def test_scanner_is_linear_on_hostile_input() -> None:
    # many unclosed tags and attribute-like runs: one pass each, whatever the shape
    fragment = "<a " + "href=" * 20_000 + "<img src" * 20_000
    assert htmlattrs.links(fragment) == []
