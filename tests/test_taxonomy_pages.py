"""Taxonomy and term pages written by the HTML builders (``lists/``), against Hugo's answers
for tests/fixtures/blog (its ``hugo-expected.json``, from the oracle's ``--all-kinds --files``)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from urllib.parse import unquote, urljoin

import pytest

from conftest import SHARED, main_h1s, needs_shared, soup, sphinx_build, warnings_of, write_tree

FIXTURE = Path(__file__).parent / "fixtures" / "blog"
EXPECTED = json.loads((FIXTURE / "hugo-expected.json").read_text())
LIST_ITEM = re.compile(r'<li(?: data-count="(\d+)")?>([^<]*)</li>')
#: Every taxonomy and term page Hugo wrote: ``tags/``, ``tags/go-lang/`` ...
LIST_PAGES = sorted(
    name.removesuffix("index.html")
    for name in EXPECTED["files"]
    if name.split("/")[0] in ("tags", "categories") and name.endswith("/index.html")
)


def hugo_list(folder: str) -> list[tuple[str, str]]:
    """(count, URL) of each entry Hugo's list template printed on a list page."""
    text = EXPECTED["files"][folder + "index.html"]
    return [(count, item.replace("&#43;", "+")) for count, item in LIST_ITEM.findall(text)]


def our_list(out: Path, folder: str) -> list[tuple[str, str]]:
    """(count, URL path) of each entry of our list on a page, links resolved as a browser does."""
    page = soup(out / folder / "index.html")
    found = []
    for item in page.select("ul.hugo-list > li"):
        href = item.a["href"]
        count = item.select_one(".hugo-list-count")
        url = unquote(urljoin(f"https://x.org/{folder}", href)).removeprefix("https://x.org")
        found.append((count.get_text() if count else "", url))
    return found


@pytest.fixture(scope="module")
def dirhtml(tmp_path_factory):
    out = tmp_path_factory.mktemp("blog") / "out"
    result = sphinx_build(FIXTURE / "content", out, "-b", "dirhtml")
    assert result.returncode == 0, result.stderr
    return out, warnings_of(result.stderr)


@pytest.mark.parametrize("folder", LIST_PAGES)
def test_every_list_page_of_hugo_holds_its_pages_in_order(dirhtml, folder):
    out, _ = dirhtml
    assert (out / folder / "index.html").is_file()
    assert our_list(out, folder) == hugo_list(folder)


def test_no_list_page_hugo_does_not_write(dirhtml):
    out, _ = dirhtml
    ours = {
        str(p.parent.relative_to(out)) + "/"
        for root in ("tags", "categories")
        for p in (out / root).rglob("index.html")
    }
    assert ours == set(LIST_PAGES)


def test_links_to_term_pages_resolve(dirhtml):
    out, warnings = dirhtml
    assert not [w for w in warnings if "link_unresolved" in w], warnings
    link = soup(out / "docs" / "cleaning" / "index.html").find("a", string="maintenance posts")
    assert link["href"] == "../../tags/maintenance/"


def test_the_term_index_is_the_term_page(dirhtml):
    """``tags/go-lang/_index.md`` is the one page at ``/tags/go-lang/``: its title and text,
    then the term's pages; the taxonomy page lists the term by that title."""
    out, _ = dirhtml
    page = soup(out / "tags" / "go-lang" / "index.html")
    assert main_h1s(page) == ["Go, the language"]
    assert "Everything about Go here" in page.get_text()
    assert len(page.select("ul.hugo-list")) == 1
    tags = soup(out / "tags" / "index.html")
    assert tags.find("a", href="go-lang/").get_text() == "Go, the language"
    assert main_h1s(soup(out / "tags" / "maintenance" / "index.html")) == ["maintenance"]
    # a taxonomy's folder is no section (Hugo's .Sections): the navigation shows no "Tags"
    sidebar = soup(out / "blog" / "index.html").select_one(".sphinxsidebar").get_text()
    assert "Blog" in sidebar and "Tags" not in sidebar and "Go, the language" not in sidebar


def test_each_post_shows_its_terms_escaped(dirhtml):
    out, _ = dirhtml
    terms = soup(out / "blog" / "repair-log" / "index.html").select_one("nav.hugo-terms")
    links = [(a.get_text(), a["href"]) for a in terms.find_all("a")]
    assert links == [
        ("maintenance", "../../tags/maintenance/"),  # the term page's title, as Docsy shows it
        ("<b>Bold</b> & Co", "../../tags/bbold/b-co/"),
        ("Howto", "../../categories/howto/"),
    ]
    assert terms.find("b") is None
    brass = soup(out / "blog" / "brass-fittings" / "index.html").select_one("nav.hugo-terms")
    assert [a.get_text() for a in brass.find_all("a")][:3] == [
        "Materials & Tools",
        "C++",
        "maintenance",
    ]


def test_term_pages_show_date_and_description(dirhtml):
    out, _ = dirhtml
    items = soup(out / "tags" / "glass" / "index.html").select("ul.hugo-list > li")
    glass_types = items[-1]
    assert glass_types.time["datetime"] == "2024-02-02"
    assert glass_types.select_one(".hugo-list-summary").get_text() == (
        "Clear, frosted and amber glass compared."
    )


def test_html_builder_writes_them_at_hugos_urls(tmp_path):
    result = sphinx_build(FIXTURE / "content", tmp_path, "-b", "html")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "tags" / "index.html").is_file()
    assert (tmp_path / "categories" / "howto" / "index.html").is_file()
    first = soup(tmp_path / "tags" / "maintenance" / "index.html").select_one("ul.hugo-list a")
    assert first["href"] == "../../docs/cleaning.html"
    link = soup(tmp_path / "blog" / "wick-care.html").select_one("nav.hugo-terms a")
    assert link["href"] == "../tags/maintenance/index.html"


def test_taxonomy_links_switch(tmp_path):
    result = sphinx_build(
        FIXTURE / "content", tmp_path, "-b", "dirhtml", "-D", "hugo_taxonomy_links=0"
    )
    assert result.returncode == 0, result.stderr
    assert soup(tmp_path / "blog" / "wick-care" / "index.html").select("nav.hugo-terms") == []
    assert (tmp_path / "tags" / "maintenance" / "index.html").is_file()


BAD = """---
title: Bad terms
tags: [5, "..", "a/../b", "<script>alert(1)</script>", "%%"]
categories: {x: 1}
series: [{a: 1}, true, "ok"]
---
See [the five](/tags/5/).
"""
SERIES = '[taxonomies]\ntag = "tags"\ncategory = "categories"\nseries = "series"\n'


def test_bad_terms_are_warned_and_the_page_builds(tmp_path):
    write_tree(tmp_path, {"hugo.toml": SERIES})
    pages = {"_index.md": "---\ntitle: Home\n---\n", "docs/_index.md": "---\ntitle: Docs\n---\n"}
    src = write_tree(tmp_path / "content", {**pages, "docs/bad.md": BAD})
    result = sphinx_build(src, tmp_path / "out", "-b", "dirhtml")
    assert result.returncode == 0, result.stderr
    warnings = warnings_of(result.stderr)
    located = sorted(
        w.split(": WARNING")[0].rsplit(":", 1)[1] + w[w.rindex("[") :] for w in warnings
    )
    # "..", "a/../b" have no safe address (Hugo stops on ".."); a mapping and a boolean are no
    # terms; categories as a mapping is no list of strings (the front matter's own check)
    assert located == [
        "3[hugo.taxonomy]",
        "3[hugo.taxonomy]",
        "4[hugo.frontmatter_type]",
        "5[hugo.taxonomy]",
        "5[hugo.taxonomy]",
    ], warnings
    out = tmp_path / "out"
    assert (out / "tags" / "5" / "index.html").is_file()
    assert (out / "series" / "ok" / "index.html").is_file()
    script = (out / "tags" / "scriptalert1" / "script" / "index.html").read_text()
    assert "<script>alert" not in script
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in script
    assert not [p for p in out.rglob("*") if ".." in p.name]
    assert not (out / "tags" / "b").exists()


def test_thousands_of_terms_stay_in_budget(tmp_path):
    tags = ", ".join(f"t{i}" for i in range(3000))
    src = write_tree(
        tmp_path / "src",
        {
            "_index.md": "---\ntitle: Home\n---\n",
            "many.md": f"---\ntitle: Many\ntags: [{tags}]\n---\n",
        },
    )
    result = sphinx_build(src, tmp_path / "out", "-b", "dirhtml")
    assert result.returncode == 0, result.stderr
    assert "hugo.limit" in result.stderr
    assert (
        len(list((tmp_path / "out" / "tags").glob("*/index.html"))) == 500
    )  # hugo_limits' page_terms


def test_term_pages_follow_their_pages(tmp_path):
    """An incremental build: a post gains a term, loses another; the term's own page (a document
    that did not change) lists it, the new term's page appears, the old one is removed."""
    src = tmp_path / "content"
    shutil.copytree(FIXTURE / "content", src)
    shutil.copy(FIXTURE / "hugo.toml", tmp_path / "hugo.toml")
    out = tmp_path / "out"
    assert sphinx_build(src, out, "-b", "dirhtml").returncode == 0
    post = src / "blog" / "night-walk.md"
    post.write_text(post.read_text().replace("tags: Events", "tags: [Go Lang, Rivers]"))
    result = sphinx_build(src, out, "-b", "dirhtml")
    assert result.returncode == 0, result.stderr
    assert ("", "/blog/night-walk/") in our_list(out, "tags/go-lang/")
    assert our_list(out, "tags/rivers/") == [("", "/blog/night-walk/")]
    assert ("", "/blog/night-walk/") not in our_list(out, "tags/events/")
    post.write_text(post.read_text().replace("Rivers", "Lakes"))
    assert sphinx_build(src, out, "-b", "dirhtml").returncode == 0
    assert not (out / "tags" / "rivers" / "index.html").exists()
    wick = src / "blog" / "wick-care.md"
    wick.write_text(wick.read_text().replace("Caring for wicks", "Wick care"))
    assert sphinx_build(src, out, "-b", "dirhtml").returncode == 0
    shown = soup(out / "tags" / "go-lang" / "index.html").select("ul.hugo-list a")
    assert "Wick care" in [a.get_text() for a in shown]


def test_docsy_page_header_chooses_the_taxonomies_shown(tmp_path):
    write_tree(tmp_path, {"hugo.toml": '[params.taxonomy]\ntaxonomyPageHeader = ["categories"]\n'})
    src = tmp_path / "content"
    shutil.copytree(FIXTURE / "content", src)
    result = sphinx_build(src, tmp_path / "out", "-b", "dirhtml")
    assert result.returncode == 0, result.stderr
    terms = soup(tmp_path / "out" / "blog" / "wick-care" / "index.html").select_one(
        "nav.hugo-terms"
    )
    assert [a.get_text() for a in terms.find_all("a")] == ["Howto"]


def test_a_hugo_site_without_terms_gets_empty_taxonomy_pages_as_hugo(tmp_path):
    """The oracle (Hugo 0.111.3) writes ``/tags/`` and ``/categories/`` with no terms for a site
    that names none (``tests/fixtures/feeds``' answers); a Sphinx project that is no Hugo site
    (``index.md``, no Hugo config) gets none."""
    src = write_tree(tmp_path / "src", {"_index.md": "---\ntitle: Home\n---\n", "a.md": "# A\n"})
    assert sphinx_build(src, tmp_path / "out", "-b", "dirhtml").returncode == 0
    for plural, title in (("tags", "Tags"), ("categories", "Categories")):
        page = soup(tmp_path / "out" / plural / "index.html")
        assert page.select_one("section h1").get_text() == title
        assert page.select("ul.hugo-list") == []
    assert soup(tmp_path / "out" / "a" / "index.html").select("nav.hugo-terms") == []
    plain = write_tree(
        tmp_path / "plain",
        {
            "conf.py": "extensions = ['sphinx_comparisons']\n",
            "index.md": "# Home\n",
            "a.md": "# A\n",
        },
    )
    assert sphinx_build(plain, tmp_path / "plain-out", "-b", "dirhtml").returncode == 0
    assert not (tmp_path / "plain-out" / "tags").exists()


DOCSY = SHARED / "corpus" / "docsy" / "content" / "en"
DOCSY_EXPECTED = json.loads(
    (Path(__file__).parent / "fixtures" / "docsy-taxonomies.json").read_text()
)


@pytest.mark.slow
@needs_shared
def test_docsy_corpus_taxonomy_pages_are_hugos(tmp_path):
    """Docsy's own site: every taxonomy and term page Hugo writes, with the same entries."""
    result = sphinx_build(DOCSY, tmp_path, "-b", "dirhtml")
    assert result.returncode == 0, result.stderr
    for name, text in DOCSY_EXPECTED["files"].items():
        folder = name.removesuffix("index.html")
        hugo = [(count, item.replace("&#43;", "+")) for count, item in LIST_ITEM.findall(text)]
        assert our_list(tmp_path, folder) == hugo, folder
    assert not [w for w in warnings_of(result.stderr) if "/tags/" in w or "/categories/" in w]


def test_a_languages_term_pages_have_its_prefix(tmp_path):
    site = tmp_path / "site"
    shutil.copytree(Path(__file__).parent / "fixtures" / "multilingual" / "contentdir", site)
    page = site / "content" / "fr" / "guide" / "configure.md"
    page.write_text(page.read_text().replace("---\n", "---\ntags: [Marée Haute]\n", 1))
    out = tmp_path / "out"
    assert sphinx_build(site / "content" / "fr", out, "-b", "dirhtml").returncode == 0
    assert our_list(out, "fr/tags/marée-haute/") == [("", "/fr/guide/configurer/")]
    link = soup(out / "fr" / "guide" / "configurer" / "index.html").select_one("nav.hugo-terms a")
    assert link["href"] == "../../tags/mar%C3%A9e-haute/"
