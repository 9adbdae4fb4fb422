"""Hugo's addresses in the built site: page URLs, links, anchors, static files and redirects."""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path

import pytest

from conftest import (
    CORPUS,
    app_warnings,
    needs_shared,
    output_of,
    soup,
    sphinx_build,
    warnings_of,
    write_tree,
)
from sphinx_comparisons.hugo import aliases

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64

SITE = {
    "hugo.toml": (
        'baseURL = "https://example.org/"\n[markup.goldmark.parser]\n'
        'autoHeadingIDType = "blackfriday"\n'
    ),
    "static/images/logo.png": "",
    "content/conf.py": 'extensions = ["sphinx_comparisons"]\n',
    "content/_index.md": (
        "---\ntitle: Home\n---\n\n- [Docs](docs/)\n- [B with anchor](docs/bee/#foo-bar)\n"
        "- [Missing anchor](docs/bee/#nope)\n- [Outside](/elsewhere/page/)\n"
    ),
    "content/docs/_index.md": (
        "---\ntitle: Docs\naliases: [/old-docs/]\n---\n\n"
        '[child](a/) and [ref]({{< relref "b" >}}) and [bad ref]({{< relref "./nowhere" >}})\n'
    ),
    "content/docs/a.md": (
        "---\ntitle: A\naliases: [/a-old/, legacy, /a-old.html]\n---\n\n"
        "[sibling](../bee/) and [md file](b.md#foo-bar) and [up](../) and [self](#local-part)\n\n"
        "## Local part\n\n![logo](/images/logo.png)\n"
    ),
    "content/docs/b.md": "---\ntitle: B\nslug: bee\n---\n\n## foo_bar\n\n## Custom {#custom-id}\n",
    "content/docs/bundle/index.md": "---\ntitle: Bundle\n---\n\n![pic](pic.png)\n",
}


def make_site(root: Path, extra: dict[str, str] | None = None) -> Path:
    write_tree(root, {**SITE, **(extra or {})})
    (root / "static" / "images" / "logo.png").write_bytes(PNG)
    (root / "content" / "docs" / "bundle" / "pic.png").write_bytes(PNG)
    return root / "content"


def build(make_app, src: Path, builder: str = "dirhtml", **overrides):
    app = make_app(builder, srcdir=src, confoverrides=overrides)
    app.build()
    warnings = app_warnings(app)
    return app, warnings


def test_pages_links_anchors_and_static_files(make_app, tmp_path):
    app, warnings = build(make_app, make_site(tmp_path))
    out = Path(app.outdir)
    for path in (
        "index.html",
        "docs/index.html",
        "docs/a/index.html",
        "docs/bee/index.html",
        "docs/bundle/index.html",
    ):
        assert (out / path).is_file(), path
    assert not (out / "docs" / "_index").exists()
    a = soup(out / "docs" / "a" / "index.html")
    hrefs = {
        link.get_text(): link["href"]
        for link in a.select("div.body a.reference, [role=main] a.reference")
    }
    assert hrefs["sibling"] == "../bee/"
    assert (
        hrefs["md file"] == "../bee/#foo-bar"
    )  # blackfriday id of "foo_bar", from the site config
    assert hrefs["up"] == "../"
    assert hrefs["self"] == "#local-part"
    assert (out / "images" / "logo.png").is_file()  # static/ is copied to the site root
    assert (
        a.select_one("img")["src"].endswith("logo.png") and "_images" in a.select_one("img")["src"]
    )
    bundle = soup(out / "docs" / "bundle" / "index.html")
    assert bundle.select_one("img")["src"].endswith("pic.png")
    docs = soup(out / "docs" / "index.html")
    assert {l.get_text(): l["href"] for l in docs.select("a.reference")}["ref"] == "bee/"
    b = soup(out / "docs" / "bee" / "index.html")
    assert [s["id"] for s in b.select("section section")] == ["foo-bar", "custom-id"]
    home = soup(out / "index.html")
    assert {l.get_text(): l["href"] for l in home.select("a.reference")}[
        "B with anchor"
    ] == "docs/bee/#foo-bar"

    located = sorted(re.sub(r"^.*?content/", "", w) for w in warnings)
    assert len(located) == 3, located
    assert (
        located[0].startswith("_index.md:7:")
        and "#nope" in located[0]
        and "[hugo.link_anchor]" in located[0]
    )
    assert (
        located[1].startswith("_index.md:8:")
        and "/elsewhere/page/" in located[1]
        and "[hugo.link_unresolved]" in located[1]
    )
    assert (
        located[2].startswith("docs/_index.md:6:")
        and "./nowhere" in located[2]
        and "[hugo.ref_not_found]" in located[2]
    )


def test_base_url_sends_outside_links_to_the_live_site(make_app, tmp_path):
    app, warnings = build(make_app, make_site(tmp_path), hugo_base_url="https://docs.example.org")
    assert not [w for w in warnings if "link_unresolved" in w]
    home = soup(Path(app.outdir) / "index.html")
    assert {l.get_text(): l["href"] for l in home.select("a.reference")}[
        "Outside"
    ] == "https://docs.example.org/elsewhere/page/"


def test_html_builder_maps_sections_to_index_files(make_app, tmp_path):
    app, _ = build(make_app, make_site(tmp_path), builder="html")
    out = Path(app.outdir)
    assert output_of(app, "docs/_index") == out / "docs" / "index.html"
    assert output_of(app, "docs/a") == out / "docs" / "a.html"
    assert output_of(app, "docs/b") == out / "docs" / "bee.html"
    a = soup(out / "docs" / "a.html")
    assert {l.get_text(): l["href"] for l in a.select("a.reference")}["sibling"] == "bee.html"


def test_redirects(make_app, tmp_path):
    app, _ = build(make_app, make_site(tmp_path))
    out = Path(app.outdir)
    expected = {
        "old-docs/index.html": "../docs/",
        "a-old/index.html": "../docs/a/",
        "docs/legacy/index.html": "../a/",
        "a-old.html": "docs/a/",
    }
    for file, target in expected.items():
        page = (out / file).read_text()
        assert f'content="0; url={target}"' in page, file
        assert f'location.replace("{target}" + location.search + location.hash)' in page
        assert f'<a href="{target}">' in page
    listing = json.loads((out / "redirects.json").read_text())
    assert {(r["from"], r["to"]) for r in listing} == {
        ("/old-docs/", "/docs/"),
        ("/a-old/", "/docs/a/"),
        ("/docs/legacy/", "/docs/a/"),
        ("/a-old.html", "/docs/a/"),
    }
    assert "/a-old/ /docs/a/ 301" in (out / "_redirects").read_text()

    # the alias goes away: so does its file; a file we did not write stays
    page = tmp_path / "content" / "docs" / "a.md"
    page.write_text(
        page.read_text().replace("aliases: [/a-old/, legacy, /a-old.html]", "aliases: [legacy]")
    )
    (out / "mine").mkdir()
    (out / "mine" / "index.html").write_text("hand made")
    kept = (out / "docs" / "legacy" / "index.html").stat().st_mtime_ns
    app, _ = build(make_app, tmp_path / "content")
    # an unchanged redirect is not rewritten, so deploy tools see no change
    assert (out / "docs" / "legacy" / "index.html").stat().st_mtime_ns == kept
    assert not (out / "a-old").exists() and not (out / "a-old.html").exists()
    assert (out / "docs" / "legacy" / "index.html").exists()
    assert (out / "mine" / "index.html").read_text() == "hand made"


def test_refused_and_conflicting_aliases_are_located(make_app, tmp_path):
    extra = {
        "content/docs/c.md": (
            "---\ntitle: C\naliases:\n  - ../../../../outside\n  - https://evil.example/x\n"
            "  - C:\\\\temp\\\\x\n"
            "  - /docs/a/\n  - /a-old/\n  - /nul/\n  - /ok<>/\n  - /docs/c/\n---\n"
        ),
    }
    app, warnings = build(make_app, make_site(tmp_path, extra))
    out = Path(app.outdir)
    mine = sorted(w for w in warnings if "c.md" in w)
    lines = sorted(int(re.search(r"c\.md:(\d+):", w).group(1)) for w in mine)
    assert lines == [4, 5, 6, 7, 8, 9, 10]  # the page's own address (line 11) is silently skipped
    assert sum("[hugo.alias_conflict]" in w for w in mine) == 2
    assert not (tmp_path / "outside").exists() and not list(tmp_path.glob("**/outside*"))
    assert "A" in soup(out / "docs" / "a" / "index.html").title.get_text()  # the real page is kept
    assert "../docs/a/" in (out / "a-old" / "index.html").read_text()  # the first claimant keeps it


@pytest.mark.parametrize(
    ("alias", "page", "expected"),
    [
        ("/old/", "/blog/p/", ("old/index.html", "/old/")),  # checklist 37
        ("rel", "/blog/p/", ("blog/rel/index.html", "/blog/rel/")),  # 38
        ("../x/y", "/a/b/p/", ("a/x/y/index.html", "/a/x/y/")),  # 39
        ("old", "/docs/", ("old/index.html", "/old/")),  # 40
        ("/old.html", "/blog/p/", ("old.html", "/old.html")),  # 41
        ("/v1.2", "/blog/p/", ("v1.2/index.html", "/v1.2/")),  # 41
    ],
)
def test_alias_paths_follow_hugo(alias, page, expected):
    assert aliases.resolve(alias, page) == expected


@pytest.mark.parametrize(
    "alias",
    [
        "",
        "https://a.b/",
        "http://a.b/",
        "//host/x",
        "C:\\temp",
        "c:/temp",
        "\\\\server\\share",
        "file:///etc/passwd",
        "javascript:alert(1)",
        "old\\path",
        "/a/../../..",
        "../../../../x",
        "/../x",
        "/",
        "/con/",
        "/x/nul.txt",
        "/a:b/",
        "/a|b",
        "/a?b",
        "/a*b",
        '/a"b',
        "/trailing./",
        "/trailing /",
    ],
)
def test_refused_alias_forms(alias):
    assert not isinstance(aliases.resolve(alias, "/blog/p/"), tuple)


@needs_shared
@pytest.mark.slow  # builds the corpus
def test_corpus_addresses_and_redirects(tmp_path):
    out = tmp_path / "out"
    result = sphinx_build(
        CORPUS / "content", out, "-b", "dirhtml", "-D", "hugo_base_url=https://docs.yugabyte.com"
    )
    assert result.returncode == 0, result.stderr
    assert not [
        w for w in warnings_of(result.stderr) if "link_unresolved" in w or "xref_missing" in w
    ]
    expected = json.loads((CORPUS / "hugo-expected.json").read_text())
    pages = [p for p in expected["pages"] if (p.get("path") or "").endswith(".md")]
    for page in pages:
        assert (out / page["url"].strip("/") / "index.html").is_file(), page["url"]
    redirected = 0
    for page in pages:
        for alias in page.get("aliases") or []:
            if alias.rstrip("/") == page["url"].rstrip("/"):
                continue  # the page's own address
            file = out / alias.strip("/") / "index.html"
            target = re.search(r'url=([^"]+)"', file.read_text()).group(1)
            landed = posixpath.normpath(posixpath.join("/" + alias.strip("/") + "/", target)) + "/"
            assert landed.replace("//", "/") == page["url"], alias
            redirected += 1
    assert redirected > 20
    seed = (out / "comparisons" / "amazon-aurora" / "index.html").read_text()
    assert "url=../../preview/faq/comparisons/amazon-aurora/" in seed
    # the ten product links of the two tables on the comparisons index
    index = soup(out / "preview" / "faq" / "comparisons" / "index.html")
    links = [a["href"] for table in index.select("table") for a in table.select("thead a")]
    assert len(links) == 10
    for href in links:
        assert (out / "preview" / "faq" / "comparisons" / href / "index.html").is_file(), href


def _search_index(out: Path) -> dict:
    text = (out / "searchindex.js").read_text(encoding="utf-8")
    return json.loads(text[text.index("(") + 1 : text.rindex(")")])


def _search_results(out: Path, builder: str) -> dict[str, str]:
    """Each page's title in the search index -> the file its search result opens.

    As Sphinx's search script makes the link (``_displayItem`` in
    ``sphinx/themes/basic/static/searchtools.js``): dirhtml adds ``/`` to the
    docname (``index/`` ending dropped), html adds ``.html``.
    """
    index = _search_index(out)
    results = {}
    for docname, title in zip(index["docnames"], index["titles"], strict=True):
        if builder == "dirhtml":
            link = re.sub(r"(^|/)index/$", r"\1", docname + "/")
            results[title] = link + "index.html"
        else:
            results[title] = docname + ".html"
    return results


SEARCHED = {
    "_index.md": "---\ntitle: Home\n---\n\nhome\n",
    "guide/_index.md": "---\ntitle: Guide\n---\n\nguide\n",
    "guide/setup.md": "---\ntitle: Setup\nslug: install\n---\n\nsetup words\n",
    "notes.md": "---\ntitle: Notes\nurl: /elsewhere/notes/\n---\n\nnote words\n",
}


@pytest.mark.parametrize(
    ("builder", "expected"),
    [
        (
            "dirhtml",
            {
                "Home": "index.html",
                "Guide": "guide/index.html",
                "Setup": "guide/install/index.html",
                "Notes": "elsewhere/notes/index.html",
            },
        ),
        (
            "html",
            {
                "Home": "index.html",
                "Guide": "guide/index.html",
                "Setup": "guide/install.html",
                "Notes": "elsewhere/notes.html",
            },
        ),
    ],
)
def test_search_results_open_the_hugo_urls_also_after_rebuilds(tmp_path, builder, expected):
    src = write_tree(tmp_path / "src", SEARCHED)
    out = tmp_path / "out"
    # a fresh build, one that writes no page, one that rewrites one page
    for edit in (None, None, ("guide/setup.md", "setup words, edited")):
        if edit:
            (src / edit[0]).write_text(SEARCHED[edit[0]].replace(edit[1].split(",")[0], edit[1]))
        result = sphinx_build(src, out, "-b", builder)
        assert result.returncode == 0, result.stderr
        assert _search_results(out, builder) == expected, edit
        assert len(_search_index(out)["docnames"]) == len(expected)
        for title, file in expected.items():
            assert soup(out / file).title.get_text().startswith(title), file
