"""conf.py values, each set in a build and seen in its output."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import app_warnings, output_of, soup, write_tree

CONF = 'extensions = ["sphinx_comparisons"]\n'
HOME = "---\ntitle: Home\n---\n"
#: Hugo's two heading-id schemes give this heading different ids.
HEADING = "## Hello, World & Co\n\n[back](#{id})\n"
GITHUB, BLACKFRIDAY = "hello-world--co", "hello-world-co"
BLACKFRIDAY_SITE = '[markup.goldmark.parser]\nautoHeadingIDType = "blackfriday"\n'


def build(make_app, root: Path, files: dict[str, str], conf: str = "", src: str = "."):
    write_tree(root, {f"{src}/conf.py": CONF + conf, f"{src}/_index.md": HOME, **files})
    app = make_app("dirhtml", srcdir=root / src)
    app.build()
    return app, app_warnings(app)


def section_ids(app, docname: str) -> list[str]:
    return [section["id"] for section in soup(output_of(app, docname)).select("section[id]")]


MARKDOWN = "---\ntitle: M\n---\n\nTerm\n: Its definition.\n\n- [ ] open task\n\n~~gone~~\n"


@pytest.mark.parametrize(
    ("setting", "lists", "boxes", "struck"),
    [
        ("", 1, 1, 1),  # the default: deflist, tasklist, strikethrough
        ('hugo_myst_extensions = ["deflist"]\n', 1, 0, 0),
        ("hugo_myst_extensions = []\n", 0, 0, 0),
    ],
)
def test_myst_extensions(make_app, tmp_path, setting, lists, boxes, struck):
    app, _ = build(make_app, tmp_path, {"m.md": MARKDOWN}, setting)
    main = soup(output_of(app, "m")).select_one("[role=main]")
    assert len(main.select("dl")) == lists
    assert len(main.select("input[type=checkbox]")) == boxes
    assert len(main.select("del, s")) == struck


def test_hugo_config_names_the_site_config(make_app, tmp_path):
    files = {
        "settings/hugo.toml": BLACKFRIDAY_SITE,
        "content/h.md": "---\ntitle: H\n---\n\n## Hello, World & Co\n",
    }
    found, _ = build(
        make_app, tmp_path / "set", files, 'hugo_config = "../settings/hugo.toml"\n', src="content"
    )
    assert section_ids(found, "h")[1:] == [BLACKFRIDAY]
    unset, _ = build(
        make_app, tmp_path / "unset", files, src="content"
    )  # not where it is looked for
    assert section_ids(unset, "h")[1:] == [GITHUB]


@pytest.mark.parametrize(
    ("site", "setting", "expected"),
    [
        ("", 'hugo_heading_ids = "blackfriday"\n', BLACKFRIDAY),
        (BLACKFRIDAY_SITE, 'hugo_heading_ids = "github"\n', GITHUB),  # conf.py wins over the site
        (BLACKFRIDAY_SITE, "", BLACKFRIDAY),
    ],
)
def test_heading_ids(make_app, tmp_path, site, setting, expected):
    files = {
        "hugo.toml": site,
        "content/h.md": f"---\ntitle: H\n---\n\n{HEADING.format(id=expected)}",
    }
    app, warnings = build(make_app, tmp_path, files, setting, src="content")
    assert section_ids(app, "h")[1:] == [expected]
    assert soup(output_of(app, "h")).select_one("[role=main] p a")["href"] == f"#{expected}"
    assert [w for w in warnings if "[hugo.link_anchor]" in w] == []


def _post(title: str, keyword: str, date: str, body: str = "") -> str:
    return f"---\ntitle: {title}\nkeywords: [{keyword}]\ndate: {date}\n---\n\n{title} text.\n{body}"


READING = (
    "\n## Further reading\n\n- [One](https://blog.example/one/)\n\n"
    "## Relevant blog posts\n\n- [Two](https://blog.example/two/)\n"
)
POSTS = {
    "alpha.md": _post("Alpha", "shards", "2024-01-01", READING),
    "beta.md": _post("Beta", "shards", "2024-02-01"),
    "delta.md": _post("Delta", "shards", "2023-03-01"),
    "gamma.md": _post("Gamma", "other", "2024-03-01"),
}


def related(app, docname: str) -> list[list[str]]:
    """The links of each related block of cards on the page."""
    main = soup(output_of(app, docname)).select_one("[role=main]")
    return [[a["href"] for a in block.select("a")] for block in main.select("div.hugo-related")]


def test_related_pages_end_every_page(make_app, tmp_path):
    app, _ = build(
        make_app, tmp_path, POSTS, "hugo_related_pages = 2\nhugo_related_headings = []\n"
    )
    # the same keyword first, the newer first among equals, as Hugo's related content does
    assert related(app, "beta") == [["../alpha/", "../delta/"]]
    assert all(len(related(app, page)[-1]) <= 2 for page in ("alpha", "gamma", "delta"))
    assert "Related pages" in soup(output_of(app, "beta")).select_one("[role=main]").get_text()
    unset, _ = build(make_app, tmp_path / "unset", POSTS, "hugo_related_headings = []\n")
    assert related(unset, "beta") == []


def test_related_headings_choose_the_sections_that_become_cards(make_app, tmp_path):
    app, _ = build(make_app, tmp_path, POSTS, 'hugo_related_headings = ["further READING"]\n')
    assert related(app, "alpha") == [["https://blog.example/one/"]]
    main = soup(output_of(app, "alpha")).select_one("[role=main]")
    assert (
        main.select_one("ul a[href='https://blog.example/two/']") is not None
    )  # a list, as written
    default, _ = build(make_app, tmp_path / "default", POSTS)
    assert related(default, "alpha") == [["https://blog.example/two/"]]
