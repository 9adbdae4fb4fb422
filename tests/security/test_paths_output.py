"""Issue 12, output containment: no URL, slug or alias writes outside the output folder or over
Sphinx's files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from paths_tree import build, located, site

STILL_HERE = "\n\nStill here.\n"


def page(front: str) -> str:
    return f"---\ntitle: A\n{front}\n---\n" + STILL_HERE


def keeps_sphinx_path(out: Path) -> None:
    assert "Still here." in (out / "docs" / "a" / "index.html").read_text(encoding="utf-8")


def test_slug_climbing_out_is_refused(tmp_path):
    # the slug climbed to /var/www/x; this one lands beside the output folder, in tmp_path
    content = site(
        tmp_path, {"docs/a.md": page('slug: "../../escaped"'), "b.md": "---\ntitle: B\n---\nB\n"}
    )
    code, warnings, out = build(tmp_path, content)
    assert code == 0
    assert located(warnings, "output", "docs/a.md", 3)
    assert not (tmp_path / "escaped").exists()
    keeps_sphinx_path(out)
    assert (out / "b" / "index.html").is_file()


def test_slug_into_the_source_tree_is_refused(tmp_path):
    content = site(
        tmp_path,
        {
            "a.md": "---\ntitle: A\nslug: ../content/_templates/layout\n---\n" + STILL_HERE,
            "_templates/layout/index.html": "the template\n",
        },
    )
    out = tmp_path / "site" / "public"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx",
            "-q",
            "-C",
            "-D",
            "extensions=sphinx_comparisons",
            "-D",
            "exclude_patterns=_templates",
            "-b",
            "dirhtml",
            str(content),
            str(out),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "a.md:3: WARNING" in result.stderr and "[hugo.output]" in result.stderr
    assert (content / "_templates" / "layout" / "index.html").read_text() == "the template\n"
    assert "Still here." in (out / "a" / "index.html").read_text()


@pytest.mark.parametrize(
    "url",
    [
        "/_static/basic.css",
        "/_static/sphinx_comparisons.css",
        "/.htaccess",
        "/_redirects",
        "/searchindex.js",
        "/genindex/",
        "/search/",
        "/objects.inv",
    ],
)
def test_url_over_sphinx_output_is_refused(tmp_path, url):
    content = site(
        tmp_path,
        {"docs/a.md": page(f"url: {url}"), "b.md": "---\ntitle: B\naliases: [/old-b/]\n---\nB\n"},
    )
    code, warnings, out = build(tmp_path, content)
    assert code == 0
    assert located(warnings, "output", "docs/a.md", 3)
    keeps_sphinx_path(out)
    assert "<html" not in (out / "_static" / "basic.css").read_text()
    assert "<html" not in (out / "_static" / "sphinx_comparisons.css").read_text()
    assert not (out / ".htaccess").exists()
    assert (out / "_redirects").read_text() == "/old-b/ /b/ 301\n"
    assert json.loads((out / "redirects.json").read_text())[0]["from"] == "/old-b/"
    assert (out / "searchindex.js").read_text().startswith("Search.setIndex(")


def test_url_of_a_static_file_leaves_the_static_file(tmp_path):
    content = site(
        tmp_path,
        {
            "docs/a.md": page("url: /robots.txt"),
            "b.md": "---\ntitle: B\naliases: [/hello.txt]\n---\nB\n",
        },
        extra={
            "static/robots.txt": "User-agent: *\n",
            "static/hello.txt/index.html": "static hello\n",
        },
    )
    code, warnings, out = build(tmp_path, content)
    assert code == 0
    assert located(warnings, "output", "docs/a.md", 3)
    assert located(warnings, "output", "b.md", 3)
    assert (out / "robots.txt").read_text() == "User-agent: *\n"
    assert (out / "hello.txt" / "index.html").read_text() == "static hello\n"
    keeps_sphinx_path(out)


@pytest.mark.parametrize(
    "front", ["slug: " + "s" * 300, 'url: "/a\\0b/"', 'url: "/a\\x01b/"', "url: /x/con/"]
)
def test_unwritable_page_url_warns(tmp_path, front):
    content = site(tmp_path, {"docs/a.md": page(front)})
    code, warnings, out = build(tmp_path, content)
    assert code == 0
    assert located(warnings, "output", "docs/a.md", 3)
    keeps_sphinx_path(out)


def test_refused_aliases_leave_the_others_written(tmp_path):
    aliases = (
        '["/searchindex.js", "/_static/basic.css", "/'
        + "x" * 300
        + '/", "/old page/", "/ok/", "/.htaccess"]'
    )
    content = site(tmp_path, {"docs/a.md": page(f"aliases: {aliases}")})
    code, warnings, out = build(tmp_path, content)
    assert code == 0
    assert len(located(warnings, "output", "docs/a.md", 3)) == 4
    assert (out / "searchindex.js").read_text().startswith("Search.setIndex(")
    assert "<html" not in (out / "_static" / "basic.css").read_text()
    assert not (out / ".htaccess").exists()
    rules = (out / "_redirects").read_text().splitlines()
    assert rules == ["/old%20page/ /docs/a/ 301", "/ok/ /docs/a/ 301"]
    assert all(len(rule.split()) == 3 for rule in rules)
    assert {r["from"] for r in json.loads((out / "redirects.json").read_text())} == {
        "/old page/",
        "/ok/",
    }
    assert (out / "ok" / "index.html").is_file() and (out / "old page" / "index.html").is_file()
    keeps_sphinx_path(out)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/docs/a/", "docs/a/"),
        ("/x/y.html", "x/y.html"),
        ("/a/../b/", "b/"),
        ("/", ""),
        ("/v1.2/", "v1.2/"),
    ],
)
def test_site_path_normalises(url, expected):
    from sphinx_comparisons.hugo import outputs

    assert outputs.site_path(url) == expected


@pytest.mark.parametrize(
    "url",
    [
        "/../x/",
        "/a/../../x",
        "/a\x00b/",
        "/a\nb/",
        "/" + "é" * 130 + "/",
        "/ab/" * 400,
        "/_static/x.css",
        "/_SOURCES/x",
        "/.htaccess",
        "/a/.git/config",
        "/search.html",
        "/genindex-A.html",
        "/redirects.json",
        "/a\\..\\..\\b/",
        "/nul/",
    ],
)
def test_site_path_refuses(url):
    from sphinx_comparisons.hugo import outputs

    assert isinstance(outputs.site_path(url), outputs.Refused)


def test_place_asserts_the_output_folder(tmp_path):
    from sphinx_comparisons.hugo import outputs

    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "link").symlink_to(tmp_path)
    with pytest.raises(ValueError, match="outside the output folder"):
        outputs.place(tmp_path / "out", "link/x.html")
    assert (
        outputs.place(tmp_path / "out", "docs/a/index.html")
        == tmp_path / "out" / "docs" / "a" / "index.html"
    )


@pytest.mark.parametrize(
    "name",
    ["objects.inv.md", "searchindex.js.md", "_redirects.md", "_static/basic.css.md", "con.md"],
)
def test_page_whose_file_name_is_a_reserved_output_is_not_built(tmp_path, name):
    # its Hugo URL is refused, and Sphinx's own path for it is no better: it is left out
    content = site(tmp_path, {name: "---\ntitle: Odd\n---\n\nodd page\n", "docs/a.md": page("")})
    code, warnings, out = build(tmp_path, content)
    assert code == 0
    assert located(warnings, "output", name, 1)
    keeps_sphinx_path(out)
    assert (out / "objects.inv").is_file() and (out / "searchindex.js").is_file()
    assert not [p for p in out.rglob("*") if p.is_file() and b"odd page" in p.read_bytes()]


@pytest.mark.parametrize(
    ("url", "victim"), [("/index.html", "index.html"), ("/b/index.html", "b/index.html")]
)
def test_page_url_naming_another_pages_file_is_a_conflict(tmp_path, url, victim):
    content = site(
        tmp_path,
        {
            "b.md": "---\ntitle: B\n---\n\npage b\n",
            "z.md": f"---\ntitle: Z\nurl: {url}\n---\n\npage z\n",
        },
    )
    code, warnings, out = build(tmp_path, content)
    assert code == 0
    assert located(warnings, "url_conflict", "z.md")
    text = (out / victim).read_text(encoding="utf-8")
    assert "page z" not in text
    assert ("The home page." if victim == "index.html" else "page b") in text
    assert "page z" in (out / "z" / "index.html").read_text(encoding="utf-8")
