"""What a reader sees on built pages: titles, headings, labels, descriptions, warnings."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from conftest import (
    NOT_IN_TOCTREE,
    main_h1s,
    output_of,
    soup,
    sphinx_build,
    strip_ansi,
    warnings_of,
    write_tree,
)

CONF = 'extensions = ["sphinx_comparisons"]\n'

SEED = """\
---
title: Compare Quill with Inkwell
headerTitle: Quill
linkTitle: Quill DB
description: Compare Quill with Inkwell & friends.
headcontent: How the two stores differ
aliases:
  - /comparisons/quill/
menu:
  main:
    identifier: quill
    weight: 10
type: docs
---

Quill is a fictional store.

## Writes

Text.

## Reads

Text.

## Licence

Text.

## Relevant blog posts

- [A post](https://example.com/post/)
"""


def build(make_app, root: Path, files: dict[str, str], builder: str = "dirhtml", **kwargs):
    files = {"conf.py": CONF, **files}
    write_tree(root, files)
    app = make_app(builder, srcdir=root, **kwargs)
    app.build()
    return app


def warnings(app) -> list[str]:
    """The build's warnings, less "not in any toctree": navigation is not generated yet."""
    return [
        line
        for line in strip_ansi(app.warning.getvalue()).splitlines()
        if "WARNING" in line and NOT_IN_TOCTREE not in line
    ]


def page(app, docname: str) -> object:
    return soup(output_of(app, docname))


def test_seed_shaped_page(make_app, tmp_path):
    app = build(
        make_app,
        tmp_path,
        {
            "_index.md": "---\ntitle: Home\n---\n\nWelcome.\n\n```{toctree}\nquill\n```\n",
            "quill.md": SEED,
        },
    )
    assert warnings(app) == []
    html = page(app, "quill")
    assert html.title.get_text().startswith("Compare Quill with Inkwell")
    assert main_h1s(html) == ["Quill"]
    assert [h.get_text().rstrip("¶#") for h in html.select("h2")] == [
        "Writes",
        "Reads",
        "Licence",
        "Relevant blog posts",
    ]
    descriptions = html.find_all("meta", attrs={"name": "description"})
    assert [m["content"] for m in descriptions] == ["Compare Quill with Inkwell & friends."]
    og = html.find_all("meta", attrs={"property": "og:description"})
    assert [m["content"] for m in og] == ["Compare Quill with Inkwell & friends."]
    lead = html.select("p.hugo-lead")
    assert [p.get_text() for p in lead] == ["How the two stores differ"]
    # the lead sits right under the H1
    assert lead[0].find_previous_sibling(["h1", "p"]).name == "h1"


def test_front_matter_formats_give_the_same_page(make_app, tmp_path):
    yaml_page = (
        "---\ntitle: Long title\nlinkTitle: Short\ndescription: D\nweight: 2\n---\n\n## Part\n\n"
        "Text.\n"
    )
    toml_page = (
        '+++\ntitle = "Long title"\nlinkTitle = "Short"\ndescription = "D"\nweight = 2\n+++\n\n'
        "## Part\n\nText.\n"
    )
    json_page = (
        '{\n  "title": "Long title",\n  "linkTitle": "Short",\n  "description": "D",\n'
        '  "weight": 2\n}\n\n## Part\n\nText.\n'
    )
    app = build(
        make_app,
        tmp_path,
        {
            "_index.md": "---\ntitle: Home\n---\n",
            "y.md": yaml_page,
            "t.md": toml_page,
            "j.md": json_page,
        },
    )
    assert warnings(app) == []
    shapes = []
    for name in ("y", "t", "j"):
        html = page(app, name)
        shapes.append(
            (
                html.title.get_text(),
                main_h1s(html),
                [h.get_text() for h in html.select("h2")],
                [m["content"] for m in html.find_all("meta", attrs={"name": "description"})],
                app.env.titles[name].astext(),
                app.env.metadata[name]["weight"],
            )
        )
    assert shapes[0] == shapes[1] == shapes[2]
    assert shapes[0][1] == ["Long title"] and shapes[0][4] == "Short" and shapes[0][5] == 2


def test_link_title_labels_navigation(make_app, tmp_path):
    index = "---\ntitle: Home\n---\n\n```{toctree}\na\nb\n```\n"
    app = build(
        make_app,
        tmp_path,
        {
            "_index.md": index,
            "a.md": "---\ntitle: Alpha long title\nlinkTitle: Alpha\n---\n\nText.\n",
            "b.md": "---\ntitle: Beta long title\n---\n\nText.\n",
        },
        builder="html",
    )
    assert warnings(app) == []
    home = page(app, "_index")
    labels = [a.get_text() for a in home.select("div.toctree-wrapper a")]
    assert labels == ["Alpha", "Beta long title"]
    # prev/next links use the label too
    beta = page(app, "b")
    assert "Alpha" in beta.select_one("link[rel=prev]")["title"]
    assert beta.title.get_text().startswith("Beta long title")


def test_body_h1_equal_to_title_is_merged(make_app, tmp_path):
    app = build(
        make_app,
        tmp_path,
        {
            "_index.md": "---\ntitle: Home\n---\n",
            "p.md": "---\ntitle: Same\n---\n\nIntro.\n\n# Same\n\n## Sub\n",
        },
    )
    assert warnings(app) == []
    html = page(app, "p")
    assert main_h1s(html) == ["Same"]
    assert [h.get_text().rstrip("¶#") for h in html.select("h2")] == ["Sub"]


def test_body_h1_differing_from_title_is_demoted_with_one_warning(make_app, tmp_path):
    app = build(
        make_app,
        tmp_path,
        {
            "_index.md": "---\ntitle: Home\n---\n",
            "p.md": "---\ntitle: Front\n---\n\n# Body one\n\n## Sub\n\n# Body two\n",
        },
    )
    found = warnings(app)
    assert len(found) == 1
    assert "p.md:5:" in found[0] and "[hugo.title_conflict]" in found[0]
    html = page(app, "p")
    assert main_h1s(html) == ["Front"]
    assert [h.get_text().rstrip("¶#") for h in html.select("h2")] == ["Body one", "Body two"]


@pytest.mark.parametrize(
    ("name", "text", "line", "expected"),
    [
        ("data-types.md", "---\nweight: 3\n---\n\nNo heading here.\n", 1, "Data types"),
        ("plain_notes.md", "Only text, no front matter.\n", 1, "Plain notes"),
        ("guide/_index.md", "---\ndescription: x\n---\n\n## Part\n", 1, "Guide"),
    ],
)
def test_untitled_page_gets_file_name_title_and_one_warning(
    make_app, tmp_path, name, text, line, expected
):
    app = build(make_app, tmp_path, {"_index.md": "---\ntitle: Home\n---\n", name: text})
    docname = name[:-3]
    found = warnings(app)
    assert len(found) == 1, found
    assert f"{name}:{line}:" in found[0] and "[hugo.title_missing]" in found[0]
    html = page(app, docname)
    assert main_h1s(html) == [expected]
    assert "<no title>" not in str(html)
    assert app.env.titles[docname].astext() == expected


def test_untitled_front_matter_with_body_h1_uses_it(make_app, tmp_path):
    app = build(
        make_app,
        tmp_path,
        {
            "_index.md": "---\ntitle: Home\n---\n",
            "p.md": "---\nweight: 1\norphan: true\n---\n\nIntro.\n\n# Body title\n\n## Sub\n",
        },
    )
    assert warnings(app) == []
    assert main_h1s(page(app, "p")) == ["Body title"]


def test_markup_in_titles_and_descriptions_is_text(make_app, tmp_path):
    evil = textwrap.dedent("""\
        ---
        title: "<script>alert(1)</script> *not em* {sub}`x` $m$"
        linkTitle: "<b>bold</b>"
        description: 'He said "hi" <img src=x onerror=alert(2)>'
        ---

        Body.
        """)
    app = build(
        make_app,
        tmp_path,
        {"_index.md": "---\ntitle: Home\n---\n\n```{toctree}\np\n```\n", "p.md": evil},
    )
    assert warnings(app) == []
    raw = (Path(app.outdir) / "p" / "index.html").read_text()
    assert "<script>alert(1)" not in raw and "<img src=x" not in raw and "<b>bold</b>" not in raw
    html = page(app, "p")
    assert main_h1s(html) == ["<script>alert(1)</script> *not em* {sub}`x` $m$"]
    assert (
        html.find("meta", attrs={"name": "description"})["content"]
        == 'He said "hi" <img src=x onerror=alert(2)>'
    )
    assert page(app, "_index").select_one("div.toctree-wrapper a").get_text() == "<b>bold</b>"


def test_opengraph_gets_our_description_once(make_app, tmp_path):
    conf = 'extensions = ["sphinx_comparisons", "sphinxext.opengraph"]\nogp_site_url = "https://docs.example.org/"\n'
    write_tree(
        tmp_path,
        {
            "conf.py": conf,
            "_index.md": "---\ntitle: Home\n---\n\n```{toctree}\nquill\n```\n",
            "quill.md": SEED,
        },
    )
    app = make_app("dirhtml", srcdir=tmp_path)
    app.build()
    html = page(app, "quill")
    assert [m["content"] for m in html.find_all("meta", attrs={"name": "description"})] == [
        "Compare Quill with Inkwell & friends."
    ]
    assert [m["content"] for m in html.find_all("meta", attrs={"property": "og:description"})] == [
        "Compare Quill with Inkwell & friends."
    ]


@pytest.mark.parametrize(
    ("setting", "expected"), [(None, ["Sub"]), ("[]", []), ('["description"]', ["Desc"])]
)
def test_lead_setting(make_app, tmp_path, setting, expected):
    conf = CONF + (f"hugo_lead = {setting}\n" if setting else "")
    write_tree(
        tmp_path,
        {
            "conf.py": conf,
            "_index.md": "---\ntitle: Home\ndescription: Desc\nheadcontent: Sub\n---\n",
        },
    )
    app = make_app("html", srcdir=tmp_path)
    app.build()
    assert [p.get_text() for p in page(app, "_index").select("p.hugo-lead")] == expected


def test_bad_config_value_warns_and_uses_default(make_app, tmp_path):
    write_tree(
        tmp_path,
        {
            "conf.py": CONF + 'hugo_lead = "headcontent"\n',
            "_index.md": "---\ntitle: Home\nheadcontent: Sub\n---\n",
        },
    )
    app = make_app("html", srcdir=tmp_path)
    app.build()
    found = warnings(app)
    assert len(found) == 1 and "hugo_lead" in found[0] and "[hugo.config]" in found[0]
    assert [p.get_text() for p in page(app, "_index").select("p.hugo-lead")] == ["Sub"]


def test_bad_front_matter_is_located_and_page_still_builds(make_app, tmp_path):
    app = build(
        make_app,
        tmp_path,
        {
            "_index.md": "---\ntitle: Home\n---\n\n```{toctree}\n:glob:\n*\n```\n",
            "a.md": "---\ntitle: Kept\nweight: heavy\n---\n\nBody survives.\n",
            "b.md": '+++\ntitle = "Also kept"\nbroken = = 1\n+++\n\nBody too.\n',
            "c.md": '{"title": "Dup", "title": "Last"}\n\nText.\n',
            "d.md": "- a list, not front matter\n",
        },
    )
    found = sorted(warnings(app))
    assert len(found) == 5, found
    assert "a.md:3:" in found[0] and "[hugo.frontmatter_type]" in found[0] and "weight" in found[0]
    assert "b.md:3:" in found[1] and "[hugo.frontmatter]" in found[1]
    assert "c.md:1:" in found[2] and "[hugo.frontmatter_duplicate]" in found[2]
    assert "d.md:1:" in found[3] and "invalid YAML delimiter" in found[3]
    assert "d.md:1:" in found[4] and "[hugo.title_missing]" in found[4]
    assert main_h1s(page(app, "a")) == ["Kept"] and "Body survives." in page(app, "a").get_text()
    assert main_h1s(page(app, "b")) == ["Also kept"]
    assert main_h1s(page(app, "c")) == ["Last"]
    assert "a list, not front matter" in page(app, "d").get_text()


def test_warnings_can_be_suppressed(make_app, tmp_path):
    conf = CONF + 'suppress_warnings = ["hugo.frontmatter_type"]\n'
    write_tree(tmp_path, {"conf.py": conf, "_index.md": "---\ntitle: Home\nweight: heavy\n---\n"})
    app = make_app("html", srcdir=tmp_path)
    app.build()
    assert warnings(app) == []


def test_front_matter_reaches_templates(make_app, tmp_path):
    layout = (
        '{% extends "!layout.html" %}\n{% block extrahead %}<meta name="fm" '
        'content="{{ hugo_params.type }}|{{ hugo_params.headcontent }}|{{ hugo_params.custom }}">'
        "{{ super() }}{% endblock %}\n"
    )
    conf = CONF + 'templates_path = ["_templates"]\n'
    write_tree(
        tmp_path,
        {
            "conf.py": conf,
            "_templates/layout.html": layout,
            "_index.md": (
                "---\ntitle: Home\ntype: indexpage\nheadContent: Sub\nparams:\n"
                "  custom: yes-custom\n---\n"
            ),
        },
    )
    app = make_app("html", srcdir=tmp_path)
    app.build()
    assert (
        page(app, "_index").find("meta", attrs={"name": "fm"})["content"]
        == "indexpage|Sub|yes-custom"
    )


def test_heading_attribute_ids(make_app, tmp_path):
    app = build(
        make_app,
        tmp_path,
        {
            "_index.md": (
                "---\ntitle: Home\n---\n\n## Releases at end of life {#eol-releases}\n\n```md\n"
                "## Kept {#literal}\n```\n"
            )
        },
        builder="html",
    )
    html = page(app, "_index")
    h2 = html.select_one("h2")
    assert h2.get_text().rstrip("¶") == "Releases at end of life"
    assert h2.find_parent("section")["id"] == "eol-releases"
    assert "## Kept {#literal}" in html.select_one("pre").get_text()


def test_orphan_front_matter_is_honoured(make_app, tmp_path):
    app = build(
        make_app,
        tmp_path,
        {
            "_index.md": "---\ntitle: Home\n---\n",
            "lonely.md": "---\ntitle: Lonely\norphan: true\n---\n",
        },
    )
    assert warnings(app) == []


def test_hugo_markdown_syntax_is_on(make_app, tmp_path):
    body = (
        "---\ntitle: Syntax\n---\n\n"
        "Term\n: Its definition\n\n"
        "Some ~~old~~ text.\n\n"
        "- [x] done\n- [ ] open\n\n"
        "Feature | Yes\n--- | ---\nTables without outer pipes | yes\n\n"
        '<div class="raw-block">raw HTML</div>\n'
    )
    # raw HTML is kept when the site allows it (markup.goldmark.renderer.unsafe, here
    # hugo_unsafe_html)
    app = build(
        make_app,
        tmp_path,
        {"_index.md": body},
        builder="html",
        confoverrides={"hugo_unsafe_html": True},
    )
    assert warnings(app) == []
    html = page(app, "_index")
    assert html.select_one("dl dt").get_text() == "Term"
    assert html.select_one("s, del").get_text() == "old"
    assert [box.has_attr("checked") for box in html.select("input[type=checkbox]")] == [True, False]
    assert html.select_one("table td").get_text() == "Tables without outer pipes"
    assert html.select_one("div.raw-block").get_text() == "raw HTML"


def test_sphinx_only_warnings_can_be_turned_back_on(make_app, tmp_path):
    body = "---\ntitle: Levels\n---\n\n## Two\n\n##### Five\n\n~~gone~~\n"
    write_tree(
        tmp_path, {"conf.py": CONF + "hugo_sphinx_only_warnings = True\n", "_index.md": body}
    )
    app = make_app("html", srcdir=tmp_path)
    app.build()
    found = warnings(app)
    # (myst-parser 4 names the file "_index.md.rst" in these two warnings)
    assert any(":7:" in w and "_index.md" in w and "header" in w.lower() for w in found)
    assert any(":9:" in w and "_index.md" in w and "trikethrough" in w for w in found)


#: Thematic breaks where Goldmark writes an ``<hr>`` and docutils allows no transition: under
#: a heading, first in a list item, two in a row, last on the page.
BREAKS = (
    "---\ntitle: Breaks\n---\n\n## Overview\n---\n\ntext\n\n- item\n\n  ---\n\n  more\n\n"
    "---\n---\n\nend\n\n---\n"
)


@pytest.mark.parametrize("builder", ["html", "latex", "text"])
def test_thematic_breaks_stand_where_goldmark_puts_them(tmp_path, builder):
    """Hugo 0.111.3 (oracle) renders this page with five ``<hr>``: after the H2, inside the
    list item, the two in a row and the last one."""
    src = write_tree(tmp_path / "src", {"_index.md": BREAKS})
    result = sphinx_build(src, tmp_path / "out", "-b", builder)
    assert result.returncode == 0, result.stderr
    assert warnings_of(result.stderr) == []
    if builder == "html":
        body = soup(tmp_path / "out" / "index.html").select_one("[role=main]")
        assert len(body.find_all("hr")) == 5
        assert body.select_one("li hr") is not None


def test_html_content_files_are_pages_and_sphinx_output_is_not(tmp_path):
    """Hugo reads ``.html`` files of the content folder as pages (Kubernetes' home page is
    ``_index.html``); no ``_index.md`` is written beside it. The output folder inside the
    source folder, full of ``.html`` files, is never read back as pages."""
    src = write_tree(
        tmp_path / "src",
        {
            "_index.html": '---\ntitle: Welcome\n---\n\n<div class="hero"><p>Hello</p></div>\n',
            "docs/_index.md": "---\ntitle: Docs\n---\n\nThe docs.\n",
        },
    )
    (tmp_path / "hugo.toml").write_text("[markup.goldmark.renderer]\nunsafe = true\n")
    for _ in range(2):  # the second build sees the first one's HTML under src/_build
        result = sphinx_build(src, src / "_build", "-b", "dirhtml")
        assert result.returncode == 0, result.stderr
        assert warnings_of(result.stderr) == []
    assert sorted(p.name for p in src.iterdir()) == ["_build", "_index.html", "docs"]
    home = soup(src / "_build" / "index.html")
    assert main_h1s(home) == ["Welcome"]
    assert home.select_one("[role=main] div.hero p").get_text() == "Hello"
    assert not (src / "_build" / "_build").exists()
